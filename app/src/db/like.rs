//! Text matched literally by `LIKE … ESCAPE '\'`: its wildcards `%` and `_` (and the escape
//! character itself) escaped, so what a user typed is never a pattern.

/// `text` escaped for a `LIKE` pattern whose escape character is `\`.
pub fn literal(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// A pattern matching text that contains `text`.
pub fn containing(text: &str) -> String {
    format!("%{}%", literal(text))
}

/// A pattern matching text that starts with `text`.
pub fn starting_with(text: &str) -> String {
    format!("{}%", literal(text))
}

/// A pattern matching text that ends with `text`.
pub fn ending_with(text: &str) -> String {
    format!("%{}", literal(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_and_the_escape_character_are_taken_literally() {
        assert_eq!(literal(r"50%_a\b"), r"50\%\_a\\b");
        assert_eq!(containing("a_b"), r"%a\_b%");
        assert_eq!(starting_with("å%"), r"å\%%");
        assert_eq!(ending_with("@x.se"), "%@x.se");
    }
}
