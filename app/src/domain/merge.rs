//! Merging a save into what is stored, field by field.
//!
//! Each edited field comes with the fingerprint of the value the editor started from.
//! A field the editor did not change is left alone; a field only the editor changed is
//! written; a field someone else changed meanwhile and the editor changed differently is a
//! conflict, reported with both values and not written. Two people editing different
//! fields never conflict, and nothing either of them typed is thrown away.

use super::answers::Answers;
use super::changes::{AnswerField, FieldChange};
use super::fingerprint::fingerprint;
use super::level::Rating;
use serde::{Deserialize, Serialize};

/// What the editor wants one field to be, and what it was when they started.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub field: AnswerField,
    /// The new value as stored: a rating's form value, or normalised text; `None` clears.
    pub new: Option<String>,
    /// The fingerprint of the value the editor started from. Without one, the edit only
    /// goes through if nothing at all was saved since the editor's version.
    pub base: Option<String>,
}

/// A field both the editor and someone else changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldConflict {
    pub field: AnswerField,
    /// What is stored now (the other person's value).
    pub theirs: Option<String>,
    /// What the editor sent.
    pub yours: Option<String>,
}

/// The outcome of a merge: what to write, and what to ask the editor about.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merge {
    pub changes: Vec<FieldChange>,
    pub conflicts: Vec<FieldConflict>,
}

fn change(field: &AnswerField, old: Option<String>, new: Option<String>) -> FieldChange {
    match field {
        AnswerField::Rating(key) => FieldChange::Rating {
            key: key.clone(),
            old: old.and_then(|value| Rating::parse(&value).ok()),
            new: new.and_then(|value| Rating::parse(&value).ok()),
        },
        AnswerField::Text(field) => FieldChange::Text { field: field.clone(), old, new },
    }
}

/// Merges `edits`, made from version `base_version`, into `current` (at `current_version`).
pub fn merge(current: &Answers, edits: &[Edit], base_version: i64, current_version: i64) -> Merge {
    let mut merge = Merge::default();
    for edit in edits {
        let stored = edit.field.value_in(current);
        if edit.new == stored {
            continue;
        }
        let only_mine = match &edit.base {
            Some(base) if fingerprint(edit.new.as_deref()) == *base => continue,
            Some(base) => fingerprint(stored.as_deref()) == *base,
            None => base_version == current_version,
        };
        if only_mine {
            merge.changes.push(change(&edit.field, stored, edit.new.clone()));
        } else {
            merge.conflicts.push(FieldConflict { field: edit.field.clone(), theirs: stored, yours: edit.new.clone() });
        }
    }
    merge
}

/// Edits that set every field `answers` holds, without a base: for storing answers into a
/// new assessment (the demo seeder, tests).
pub fn edits_setting(answers: &Answers) -> Vec<Edit> {
    let ratings = answers.ratings.iter().map(|(key, rating)| Edit {
        field: AnswerField::Rating(key.clone()),
        new: Some(rating.form_value()),
        base: None,
    });
    let texts = answers.texts.iter().map(|(field, text)| Edit {
        field: AnswerField::Text(field.clone()),
        new: Some(text.clone()),
        base: None,
    });
    ratings.chain(texts).collect()
}

/// `answers` with the changes applied.
pub fn apply(answers: &Answers, changes: &[FieldChange]) -> Answers {
    let mut result = answers.clone();
    for change in changes {
        match change {
            FieldChange::Rating { key, new: Some(rating), .. } => {
                result.ratings.insert(key.clone(), *rating);
            }
            FieldChange::Rating { key, new: None, .. } => {
                result.ratings.remove(key);
            }
            FieldChange::Text { field, new: Some(text), .. } => {
                result.texts.insert(field.clone(), text.clone());
            }
            FieldChange::Text { field, new: None, .. } => {
                result.texts.remove(field);
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::TextField;
    use crate::domain::keys::StatementKey;
    use crate::domain::level::Level;

    fn motivation(key: &str) -> AnswerField {
        AnswerField::Text(TextField::Motivation(StatementKey::parse(key).unwrap()))
    }

    fn stored(texts: &[(&str, &str)]) -> Answers {
        let mut answers = Answers::default();
        for (key, text) in texts {
            answers.texts.insert(TextField::Motivation(StatementKey::parse(key).unwrap()), (*text).to_owned());
        }
        answers
    }

    fn edit(key: &str, new: &str, base: Option<&str>) -> Edit {
        Edit { field: motivation(key), new: Some(new.to_owned()), base: Some(fingerprint(base)) }
    }

    #[test]
    fn a_field_only_i_changed_is_written() {
        let current = stored(&[("a_1", "Gammal")]);
        let merge = merge(&current, &[edit("a_1", "Ny", Some("Gammal"))], 1, 1);
        assert_eq!(merge.conflicts, vec![]);
        assert_eq!(apply(&current, &merge.changes), stored(&[("a_1", "Ny")]));
    }

    #[test]
    fn fields_i_did_not_touch_are_left_as_someone_else_saved_them() {
        // I loaded "Gammal" and sent the whole form back unchanged; meanwhile they wrote "Deras".
        let current = stored(&[("a_1", "Deras")]);
        let merge = merge(&current, &[edit("a_1", "Gammal", Some("Gammal"))], 1, 2);
        assert_eq!(merge, Merge::default());
    }

    #[test]
    fn two_people_editing_different_fields_merge_without_conflict() {
        // At version 2 they changed a_2; I, from version 1, changed a_1.
        let current = stored(&[("a_1", "Ursprung"), ("a_2", "Deras")]);
        let edits = [edit("a_1", "Min", Some("Ursprung")), edit("a_2", "Ursprung 2", Some("Ursprung 2"))];
        let merge = merge(&current, &edits, 1, 2);
        assert_eq!(merge.conflicts, vec![]);
        assert_eq!(apply(&current, &merge.changes), stored(&[("a_1", "Min"), ("a_2", "Deras")]));
    }

    #[test]
    fn the_same_field_changed_by_both_is_a_conflict_with_both_values() {
        let current = stored(&[("a_1", "Deras")]);
        let merge = merge(&current, &[edit("a_1", "Min", Some("Ursprung"))], 1, 2);
        assert_eq!(merge.changes, vec![]);
        assert_eq!(
            merge.conflicts,
            vec![FieldConflict { field: motivation("a_1"), theirs: Some("Deras".into()), yours: Some("Min".into()) }]
        );
    }

    #[test]
    fn both_writing_the_same_thing_is_no_conflict() {
        let current = stored(&[("a_1", "Samma")]);
        assert_eq!(merge(&current, &[edit("a_1", "Samma", Some("Ursprung"))], 1, 2), Merge::default());
    }

    #[test]
    fn without_a_base_an_edit_needs_an_unchanged_version() {
        let current = stored(&[("a_1", "Deras")]);
        let blind = Edit { field: motivation("a_1"), new: Some("Min".into()), base: None };
        assert_eq!(merge(&current, std::slice::from_ref(&blind), 2, 2).changes.len(), 1);
        assert_eq!(merge(&current, &[blind], 1, 2).conflicts.len(), 1);
    }

    #[test]
    fn ratings_merge_like_texts() {
        let key = StatementKey::parse("a_1").unwrap();
        let mut current = Answers::default();
        current.ratings.insert(key.clone(), Rating::Level(Level::parse(4).unwrap()));
        let field = AnswerField::Rating(key.clone());
        let clear = Edit { field: field.clone(), new: None, base: Some(fingerprint(Some("4"))) };
        let merge = merge(&current, &[clear], 1, 1);
        assert_eq!(apply(&current, &merge.changes), Answers::default());
        let conflicting = Edit { field, new: Some("2".into()), base: Some(fingerprint(Some("3"))) };
        assert_eq!(super::merge(&current, &[conflicting], 1, 2).conflicts[0].theirs.as_deref(), Some("4"));
    }
}
