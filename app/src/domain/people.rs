//! People as the administration keeps them: a name and an e-mail address that may be stored,
//! and finding people by either (every word typed, any case, å ä ö included), in Swedish
//! alphabetical order.

use super::ids::UserId;
use super::raw_answers::FieldProblem;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

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

/// A person as a search looks at them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Searchable {
    pub id: UserId,
    pub name: String,
    pub email: String,
}

/// The people of `people` whose name or e-mail address holds every word of `query` (any
/// case), in the order shown: an exact e-mail address first, then names that start with the
/// first word, then A–Ö by name. An empty query matches everyone, A–Ö.
pub fn search<'a>(people: &'a [Searchable], query: &str) -> Vec<&'a Searchable> {
    let query: String = query.chars().take(QUERY_MAX_CHARS).collect();
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let first = words.first().map(String::as_str).unwrap_or("");
    let mut hits: Vec<(u8, String, &Searchable)> = people
        .iter()
        .filter_map(|person| {
            let name = person.name.to_lowercase();
            let matches = words.iter().all(|word| name.contains(word.as_str()) || person.email.contains(word.as_str()));
            matches.then(|| {
                let rank = if words.len() == 1 && person.email == first {
                    0
                } else if !first.is_empty() && name.starts_with(first) {
                    1
                } else {
                    2
                };
                (rank, sort_key(&person.name), person)
            })
        })
        .collect();
    hits.sort_by(|a, b| (a.0, &a.1, &a.2.email, a.2.id).cmp(&(b.0, &b.1, &b.2.email, b.2.id)).then(Ordering::Equal));
    hits.into_iter().map(|(_, _, person)| person).collect()
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

    fn person(id: i64, name: &str, email: &str) -> Searchable {
        Searchable { id: UserId(id), name: name.into(), email: email.into() }
    }

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
    fn every_word_must_be_in_the_name_or_the_address_in_any_case() {
        let people = [
            person(1, "Åsa Öberg", "asa.oberg@stockholm.se"),
            person(2, "Anna Berg", "anna.berg@stockholm.se"),
            person(3, "Berit Åkesson", "berit@edu.stockholm.se"),
        ];
        let ids = |query: &str| search(&people, query).iter().map(|person| person.id.0).collect::<Vec<_>>();
        assert_eq!(ids("ÅSA"), [1]);
        assert_eq!(ids("berg"), [2, 1], "names that start with it first, then A–Ö");
        assert_eq!(ids("edu.stockholm"), [3]);
        assert_eq!(ids("anna stockholm"), [2]);
        assert_eq!(ids("anna.berg@stockholm.se"), [2]);
        assert_eq!(ids("nobody"), Vec::<i64>::new());
        assert_eq!(ids(""), [2, 3, 1], "everyone, A–Ö with Å last");
    }

    #[test]
    fn an_exact_address_comes_first() {
        let people = [person(1, "Anna Berg", "anna@x.se"), person(2, "Anna Andersson", "anna.a@x.se")];
        assert_eq!(search(&people, "anna@x.se")[0].id, UserId(1));
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
