//! A unit's answers in one round: ratings and free text.

use super::keys::{DimensionKey, StatementKey};
use super::level::Rating;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// One free-text field of an assessment.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
