//! A unit's answers in one round: ratings and free text.

use super::keys::{DimensionKey, StatementKey};
use super::level::Rating;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// One free-text field of an assessment. Serialised as `kind:subject`, e.g.
/// `motivation:upplevelse_behov`, so that it can key a JSON object.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum TextField {
    /// The motivation (belägg) of a statement's rating: what shows it.
    Motivation(StatementKey),
    /// A dimension's strengths.
    Strengths(DimensionKey),
    /// A dimension's areas to improve.
    Improvements(DimensionKey),
}

impl TextField {
    /// The column name in `text_answer.field`.
    pub fn kind(&self) -> &'static str {
        match self {
            TextField::Motivation(_) => "motivation",
            TextField::Strengths(_) => "strengths",
            TextField::Improvements(_) => "improvements",
        }
    }

    /// The statement or dimension key the text belongs to.
    pub fn subject(&self) -> &str {
        match self {
            TextField::Motivation(key) => key.as_str(),
            TextField::Strengths(key) | TextField::Improvements(key) => key.as_str(),
        }
    }

    /// Rebuilds a field from its stored kind and subject.
    pub fn from_parts(kind: &str, subject: &str) -> Option<Self> {
        match kind {
            "motivation" => StatementKey::parse(subject).ok().map(TextField::Motivation),
            "strengths" => DimensionKey::parse(subject).ok().map(TextField::Strengths),
            "improvements" => DimensionKey::parse(subject).ok().map(TextField::Improvements),
            _ => None,
        }
    }
}

/// A text field name that is not `kind:subject` with a known kind and a valid key.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid text field")]
pub struct InvalidTextField;

impl TryFrom<String> for TextField {
    type Error = InvalidTextField;
    fn try_from(value: String) -> Result<Self, InvalidTextField> {
        let (kind, subject) = value.split_once(':').ok_or(InvalidTextField)?;
        TextField::from_parts(kind, subject).ok_or(InvalidTextField)
    }
}

impl From<TextField> for String {
    fn from(field: TextField) -> String {
        field.to_string()
    }
}

impl fmt::Display for TextField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind(), self.subject())
    }
}

/// Everything a unit has answered. Absent entries are unanswered; texts are never empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    pub ratings: BTreeMap<StatementKey, Rating>,
    pub texts: BTreeMap<TextField, String>,
}

impl Answers {
    pub fn rating(&self, key: &StatementKey) -> Option<Rating> {
        self.ratings.get(key).copied()
    }

    pub fn text(&self, field: &TextField) -> Option<&str> {
        self.texts.get(field).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::level::{Level, Rating};

    #[test]
    fn answers_survive_a_round_trip_through_json() {
        let mut answers = Answers::default();
        let key = StatementKey::parse("upplevelse_behov").unwrap();
        answers.ratings.insert(key.clone(), Rating::Level(Level::parse(3).unwrap()));
        answers.texts.insert(TextField::Motivation(key), "Belägg".into());
        answers.texts.insert(TextField::Strengths(DimensionKey::parse("upplevelse").unwrap()), "Styrka".into());
        let json = serde_json::to_string(&answers).unwrap();
        assert!(json.contains("\"motivation:upplevelse_behov\""), "{json}");
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), answers);
    }

    #[test]
    fn a_malformed_field_name_is_refused() {
        for bad in ["motivation", "color:x", "strengths:Not-A-Key", ""] {
            assert!(TextField::try_from(bad.to_owned()).is_err(), "{bad:?}");
        }
    }
}
