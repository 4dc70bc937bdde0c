//! The fields of an assessment, and a change of one field. Each change becomes one
//! database write and one audit entry.

use super::answers::{Answers, TextField};
use super::framework::Framework;
use super::keys::StatementKey;
use super::level::Rating;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One field of an assessment. Written as `rating:<statement>`, `motivation:<statement>`,
/// `strengths:<dimension>` or `improvements:<dimension>` in forms, JSON and the audit log.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
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

/// A field name that is not one of the forms above.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid field name")]
pub struct InvalidField;

impl AnswerField {
    /// Every field of an assessment on `framework`, in the form's order: per dimension, each
    /// statement's rating and motivation, then the strengths and areas to improve.
    pub fn all_of(framework: &Framework) -> impl Iterator<Item = AnswerField> + '_ {
        framework.dimensions.iter().flat_map(|dimension| {
            let statements = dimension.statements.iter().flat_map(|statement| {
                [
                    AnswerField::Rating(statement.key.clone()),
                    AnswerField::Text(TextField::Motivation(statement.key.clone())),
                ]
            });
            statements.chain([
                AnswerField::Text(TextField::Strengths(dimension.key.clone())),
                AnswerField::Text(TextField::Improvements(dimension.key.clone())),
            ])
        })
    }

    /// Parses `kind:key`. Only checks the shape; whether the key exists in a framework is
    /// for the caller.
    pub fn parse(value: &str) -> Result<Self, InvalidField> {
        let (kind, key) = value.split_once(':').ok_or(InvalidField)?;
        if kind == "rating" {
            return StatementKey::parse(key).map(AnswerField::Rating).map_err(|_| InvalidField);
        }
        TextField::from_parts(kind, key).map(AnswerField::Text).ok_or(InvalidField)
    }

    /// Sets (or with `None` clears) the field in `answers`. A rating value that is not a
    /// rating clears it.
    pub fn set_in(&self, answers: &mut Answers, value: Option<String>) {
        match self {
            AnswerField::Rating(key) => match value.and_then(|value| Rating::parse(&value).ok()) {
                Some(rating) => {
                    answers.ratings.insert(key.clone(), rating);
                }
                None => {
                    answers.ratings.remove(key);
                }
            },
            AnswerField::Text(field) => match value {
                Some(text) => {
                    answers.texts.insert(field.clone(), text);
                }
                None => {
                    answers.texts.remove(field);
                }
            },
        }
    }

    /// The field's current value in `answers`, as the form and the audit log write it.
    pub fn value_in(&self, answers: &Answers) -> Option<String> {
        match self {
            AnswerField::Rating(key) => answers.rating(key).map(Rating::form_value),
            AnswerField::Text(field) => answers.text(field).map(str::to_owned),
        }
    }
}

impl TryFrom<String> for AnswerField {
    type Error = InvalidField;
    fn try_from(value: String) -> Result<Self, InvalidField> {
        AnswerField::parse(&value)
    }
}

impl From<AnswerField> for String {
    fn from(field: AnswerField) -> String {
        field.to_string()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::keys::DimensionKey;
    use crate::domain::level::Level;

    #[test]
    fn field_names_round_trip() {
        for name in ["rating:a_1", "motivation:a_1", "strengths:upplevelse", "improvements:metoder"] {
            assert_eq!(AnswerField::parse(name).unwrap().to_string(), name);
        }
        for bad in ["rating", "color:a", "rating:A", "strengths:<b>", ""] {
            assert_eq!(AnswerField::parse(bad), Err(InvalidField), "{bad:?}");
        }
    }

    #[test]
    fn a_field_reads_its_value_from_the_answers() {
        let key = StatementKey::parse("a_1").unwrap();
        let mut answers = Answers::default();
        answers.ratings.insert(key.clone(), Rating::Level(Level::parse(2).unwrap()));
        answers.texts.insert(TextField::Strengths(DimensionKey::parse("a").unwrap()), "Bra".into());
        assert_eq!(AnswerField::Rating(key).value_in(&answers).as_deref(), Some("2"));
        assert_eq!(AnswerField::parse("strengths:a").unwrap().value_in(&answers).as_deref(), Some("Bra"));
        assert_eq!(AnswerField::parse("motivation:a_1").unwrap().value_in(&answers), None);
    }

    #[test]
    fn a_change_gives_its_audit_values() {
        let change = FieldChange::Rating {
            key: StatementKey::parse("a_1").unwrap(),
            old: Some(Rating::NotApplicable),
            new: Some(Rating::Level(Level::parse(3).unwrap())),
        };
        assert_eq!(change.audit_values(), (Some("na".into()), Some("3".into())));
        assert_eq!(change.field().to_string(), "rating:a_1");
    }

    #[test]
    fn every_field_of_a_framework_in_the_forms_order() {
        let framework = crate::domain::framework::fixtures::framework();
        let names: Vec<String> = AnswerField::all_of(&framework).map(|field| field.to_string()).collect();
        assert_eq!(names.len(), 4 * (2 * 2 + 2));
        assert_eq!(
            names[..6],
            ["rating:a_1", "motivation:a_1", "rating:a_2", "motivation:a_2", "strengths:a", "improvements:a"]
        );
        assert_eq!(names.last().map(String::as_str), Some("improvements:d"));
    }
}
