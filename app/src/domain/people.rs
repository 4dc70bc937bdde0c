//! People as the administration keeps them: a name and an e-mail address that may be stored,
//! and finding people by either (every word typed, any case, å ä ö included), in Swedish
//! alphabetical order.

use super::raw_answers::FieldProblem;
use serde::{Deserialize, Serialize};

/// The longest name kept.
pub const NAME_MAX_CHARS: usize = 200;
/// The longest e-mail address (RFC 5321's path limit less the brackets).
pub const EMAIL_MAX_CHARS: usize = 254;
/// The longest part before the `@`.
const EMAIL_LOCAL_MAX_CHARS: usize = 64;
/// The longest search text looked at.
pub const QUERY_MAX_CHARS: usize = 100;
/// People per page of search results.
pub const PAGE_SIZE: usize = 25;

/// Characters that would make a name display differently from what it is: line breaks and
/// other control characters, and the bidirectional overrides that reverse text.
fn is_refused_in_names(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// A person's name as stored: trimmed, not empty, at most [`NAME_MAX_CHARS`] characters,
/// without control characters. Anything else is text, e.g. `=SUMMA(1)` is a (strange) name
/// and never a formula.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<Self, FieldProblem> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(FieldProblem::Missing);
        }
        let actual = name.chars().count();
        if actual > NAME_MAX_CHARS {
            return Err(FieldProblem::TooLong { max: NAME_MAX_CHARS, actual });
        }
        if name.chars().any(is_refused_in_names) {
            return Err(FieldProblem::InvalidCharacters);
        }
        Ok(PersonName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An e-mail address as stored: trimmed, in lower case, `local@domain` with a plain ASCII
/// local part and a domain of at least two labels. Stricter than RFC 5322 on purpose: these
/// are staff addresses, and whatever is accepted must also be sendable and unambiguous.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, FieldProblem> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(FieldProblem::Missing);
        }
        let actual = email.chars().count();
        if actual > EMAIL_MAX_CHARS {
            return Err(FieldProblem::TooLong { max: EMAIL_MAX_CHARS, actual });
        }
        let Some((local, domain)) = email.split_once('@') else { return Err(FieldProblem::InvalidEmail) };
        if valid_local(local) && valid_domain(domain) { Ok(Email(email)) } else { Err(FieldProblem::InvalidEmail) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn valid_local(local: &str) -> bool {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c);
    !local.is_empty()
        && local.len() <= EMAIL_LOCAL_MAX_CHARS
        && local.chars().all(allowed)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
        && labels.last().is_some_and(|top| top.chars().all(|c| c.is_ascii_alphabetic()) && top.len() >= 2)
}

/// A search of the people register: the words of the query, in lower case. A person
/// matches when every word is in their name or e-mail address (any case); the list shows
/// an exact e-mail address first, then names that start with the first word, then A–Ö by
/// name ([`sort_key`]), then by address. No words match everyone, A–Ö.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeopleQuery {
    pub words: Vec<String>,
}

impl PeopleQuery {
    /// The query typed, cut at [`QUERY_MAX_CHARS`].
    pub fn parse(raw: &str) -> PeopleQuery {
        let raw: String = raw.chars().take(QUERY_MAX_CHARS).collect();
        PeopleQuery { words: raw.split_whitespace().map(str::to_lowercase).collect() }
    }

    /// The word names are ranked by: those starting with it come first.
    pub fn first(&self) -> Option<&str> {
        self.words.first().map(String::as_str)
    }

    /// The address that comes first when it matches exactly: the query, when it is one word.
    pub fn exact_email(&self) -> Option<&str> {
        match self.words.as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }
}

/// What a search looks in for a person: the name in lower case, then the e-mail address on
/// a line of its own — a word has no white space, so it is in one or the other, and the
/// text starts with a word exactly when the name does.
pub fn search_text(name: &str, email: &str) -> String {
    format!("{}\n{}", name.to_lowercase(), email.to_lowercase())
}

/// How a name sorts in Swedish: case ignored, `å`, `ä` and `ö` after `z` (in that order),
/// `é` with `e` and `ü` with `y`.
pub fn sort_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'å' => '\u{7B}',
            'ä' | 'æ' => '\u{7C}',
            'ö' | 'ø' => '\u{7D}',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' => 'y',
            'á' | 'à' | 'â' => 'a',
            other => other,
        })
        .collect()
}

/// The page `page` (from 1) of `total` items: its range of indexes, the page actually shown
/// (the last one if asked beyond it) and how many pages there are (at least one).
pub fn page_of(total: usize, page: usize, size: usize) -> (std::ops::Range<usize>, usize, usize) {
    let size = size.max(1);
    let pages = total.div_ceil(size).max(1);
    let page = page.clamp(1, pages);
    let start = (page - 1) * size;
    (start..(start + size).min(total), page, pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_must_be_there() {
        assert_eq!(PersonName::parse("  Åsa Öberg ").unwrap().as_str(), "Åsa Öberg");
        assert_eq!(PersonName::parse(" \t "), Err(FieldProblem::Missing));
    }

    #[test]
    fn a_ten_thousand_character_name_is_refused() {
        let long = "a".repeat(10_000);
        assert_eq!(PersonName::parse(&long), Err(FieldProblem::TooLong { max: NAME_MAX_CHARS, actual: 10_000 }));
        assert!(PersonName::parse(&"å".repeat(NAME_MAX_CHARS)).is_ok(), "characters are counted, not bytes");
    }

    #[test]
    fn names_with_line_breaks_or_reversing_characters_are_refused_and_formulas_are_just_text() {
        for hostile in ["Anna\nBerg", "Anna\u{0}", "Anna\u{202E}greB", "a\rb"] {
            assert_eq!(PersonName::parse(hostile), Err(FieldProblem::InvalidCharacters), "{hostile:?}");
        }
        for text in ["=HYPERLINK(\"http://x\")", "+46 Anna", "<script>alert(1)</script>", "O'Brien-Åström"] {
            assert_eq!(PersonName::parse(text).unwrap().as_str(), text);
        }
    }

    #[test]
    fn an_email_address_is_kept_in_lower_case() {
        assert_eq!(Email::parse(" Anna.Berg@Stockholm.SE ").unwrap().as_str(), "anna.berg@stockholm.se");
        assert_eq!(Email::parse("a+b@edu.stockholm.se").unwrap().as_str(), "a+b@edu.stockholm.se");
    }

    #[test]
    fn malformed_email_addresses_are_refused() {
        for bad in [
            "anna",
            "anna@",
            "@stockholm.se",
            "anna@stockholm",
            "anna@@stockholm.se",
            "an na@stockholm.se",
            "anna@stock holm.se",
            ".anna@stockholm.se",
            "an..na@stockholm.se",
            "anna@-stockholm.se",
            "anna@stockholm.s",
            "\"anna\"@stockholm.se",
            "anna@stock\nholm.se",
            "Anna <anna@stockholm.se>",
            "åsa@stockholm.se",
            "=cmd|'/C calc'!A0@x.se",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Email::parse(""), Err(FieldProblem::Missing));
        let long = format!("{}@stockholm.se", "a".repeat(300));
        assert!(matches!(Email::parse(&long), Err(FieldProblem::TooLong { .. })));
    }

    #[test]
    fn a_query_is_its_words_in_lower_case() {
        let query = PeopleQuery::parse("  ÅSA   Öberg\t");
        assert_eq!(query.words, ["åsa", "öberg"]);
        assert_eq!(query.first(), Some("åsa"));
        assert_eq!(query.exact_email(), None, "two words are no address");
        assert_eq!(PeopleQuery::parse("Anna@X.se").exact_email(), Some("anna@x.se"));
        assert_eq!(PeopleQuery::parse(" ").first(), None);
        let long = "a".repeat(QUERY_MAX_CHARS + 50);
        assert_eq!(PeopleQuery::parse(&long).words[0].len(), QUERY_MAX_CHARS);
    }

    #[test]
    fn the_search_text_holds_a_name_and_an_address_that_no_word_spans() {
        assert_eq!(search_text("Åsa Öberg", "asa@x.se"), "åsa öberg\nasa@x.se");
        let text = search_text("Anna", "berg@x.se");
        assert!(!text.contains("annaberg") && !text.contains("anna berg"));
    }

    #[test]
    fn swedish_letters_sort_after_z() {
        let mut names = vec!["Örjan", "Åke", "Zara", "Ärla", "Anna", "émile"];
        names.sort_by_key(|name| sort_key(name));
        assert_eq!(names, ["Anna", "émile", "Zara", "Åke", "Ärla", "Örjan"]);
    }

    #[test]
    fn pages_stay_inside_the_results() {
        assert_eq!(page_of(0, 1, 25), (0..0, 1, 1));
        assert_eq!(page_of(60, 2, 25), (25..50, 2, 3));
        assert_eq!(page_of(60, 9, 25), (50..60, 3, 3), "beyond the end: the last page");
        assert_eq!(page_of(60, 0, 25), (0..25, 1, 3));
    }
}
