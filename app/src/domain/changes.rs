//! What a save changes: the difference between the stored answers and the new ones, field
//! by field. Each change becomes one database write and one audit entry.

use super::answers::{Answers, TextField};
use super::keys::StatementKey;
use super::level::Rating;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// One field of an assessment.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AnswerField {
    Rating(StatementKey),
    Text(TextField),
}

impl fmt::Display for AnswerField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerField::Rating(key) => write!(f, "rating:{key}"),
            AnswerField::Text(field) => field.fmt(f),
        }
    }
}

/// A change of one field from `old` to `new` (`None` = unanswered).
#[derive(Clone, Debug, PartialEq)]
pub enum FieldChange {
    Rating { key: StatementKey, old: Option<Rating>, new: Option<Rating> },
    Text { field: TextField, old: Option<String>, new: Option<String> },
}

impl FieldChange {
    pub fn field(&self) -> AnswerField {
        match self {
            FieldChange::Rating { key, .. } => AnswerField::Rating(key.clone()),
            FieldChange::Text { field, .. } => AnswerField::Text(field.clone()),
        }
    }

    /// The old and new value as the audit log records them.
    pub fn audit_values(&self) -> (Option<String>, Option<String>) {
        match self {
            FieldChange::Rating { old, new, .. } => (old.map(Rating::form_value), new.map(Rating::form_value)),
            FieldChange::Text { old, new, .. } => (old.clone(), new.clone()),
        }
    }
}

/// The changes that turn `current` into `new`, in a stable order.
pub fn changes(current: &Answers, new: &Answers) -> Vec<FieldChange> {
    let rating_keys: BTreeSet<&StatementKey> = current.ratings.keys().chain(new.ratings.keys()).collect();
    let text_fields: BTreeSet<&TextField> = current.texts.keys().chain(new.texts.keys()).collect();

    let ratings = rating_keys.into_iter().filter_map(|key| {
        let (old, new) = (current.rating(key), new.rating(key));
        (old != new).then(|| FieldChange::Rating { key: key.clone(), old, new })
    });
    let texts = text_fields.into_iter().filter_map(|field| {
        let (old, new) = (current.text(field), new.text(field));
        (old != new).then(|| FieldChange::Text {
            field: field.clone(),
            old: old.map(str::to_owned),
            new: new.map(str::to_owned),
        })
    });
    ratings.chain(texts).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::keys::DimensionKey;
    use crate::domain::level::Level;

    fn key(s: &str) -> StatementKey {
        StatementKey::parse(s).unwrap()
    }

    #[test]
    fn identical_answers_change_nothing() {
        let mut answers = Answers::default();
        answers.ratings.insert(key("a_1"), Rating::NotApplicable);
        assert!(changes(&answers, &answers.clone()).is_empty());
    }

    #[test]
    fn added_changed_and_removed_fields_are_each_one_change() {
        let mut current = Answers::default();
        current.ratings.insert(key("a_1"), Rating::Level(Level::parse(2).unwrap()));
        current.ratings.insert(key("a_2"), Rating::NotApplicable);
        current.texts.insert(TextField::Strengths(DimensionKey::parse("a").unwrap()), "Bra".into());
        let mut new = Answers::default();
        new.ratings.insert(key("a_1"), Rating::Level(Level::parse(3).unwrap()));
        new.texts.insert(TextField::Motivation(key("a_1")), "Belägg".into());

        let changes = changes(&current, &new);
        let described: Vec<(String, Option<String>, Option<String>)> = changes
            .iter()
            .map(|change| {
                let (old, new) = change.audit_values();
                (change.field().to_string(), old, new)
            })
            .collect();
        assert_eq!(
            described,
            vec![
                ("rating:a_1".into(), Some("2".into()), Some("3".into())),
                ("rating:a_2".into(), Some("na".into()), None),
                ("motivation:a_1".into(), None, Some("Belägg".into())),
                ("strengths:a".into(), Some("Bra".into()), None),
            ]
        );
    }
}
