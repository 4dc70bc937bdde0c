//! Length limits of free text, shared by the form (shown to the user) and the server
//! (enforced). Counted in characters (Unicode scalar values) after normalising line breaks.

use super::answers::TextField;

/// The longest motivation (belägg) of one statement.
pub const MOTIVATION_MAX_CHARS: usize = 2_000;
/// The longest text of a dimension's strengths or areas to improve.
pub const DIMENSION_TEXT_MAX_CHARS: usize = 4_000;
/// The longest name of a round, e.g. "Självskattning 2027".
pub const ROUND_NAME_MAX_CHARS: usize = 120;
/// The longest introduction of a round, shown to units above the form.
pub const ROUND_INTRO_MAX_CHARS: usize = 2_000;

/// The most characters a field may hold.
pub fn max_chars(field: &TextField) -> usize {
    match field {
        TextField::Motivation(_) => MOTIVATION_MAX_CHARS,
        TextField::Strengths(_) | TextField::Improvements(_) => DIMENSION_TEXT_MAX_CHARS,
    }
}

/// Normalises text as stored: CRLF and CR become LF (browsers send CRLF), surrounding
/// whitespace is removed. Returns `None` for text that is empty after that.
pub fn normalise_text(text: &str) -> Option<String> {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let trimmed = normalised.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The length of a text as the limits count it.
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_normalised_and_whitespace_trimmed() {
        assert_eq!(normalise_text("  a\r\nb\rc \n").as_deref(), Some("a\nb\nc"));
    }

    #[test]
    fn blank_text_is_no_text() {
        assert_eq!(normalise_text(" \r\n\t "), None);
    }

    #[test]
    fn characters_not_bytes_are_counted() {
        assert_eq!(char_count("åäö😀"), 4);
    }
}
