//! Improvement actions (förbättringsåtgärder): what a unit plans to do about a dimension,
//! who owns it, by when, and how far it has come. Edits merge field by field like the
//! assessment's: a field someone else changed meanwhile and the editor changed differently
//! is a conflict, reported with both values and not written.

use super::limits::{char_count, normalise_text};
use serde::{Deserialize, Serialize};

/// The longest title, owner and description of an action.
pub const ACTION_TITLE_MAX_CHARS: usize = 200;
pub const ACTION_OWNER_MAX_CHARS: usize = 200;
pub const ACTION_DESCRIPTION_MAX_CHARS: usize = 2_000;

/// Planerad / pågår / genomförd / struken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] =
        [ActionStatus::Planned, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Dropped];

    /// The key stored and sent in forms.
    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.key() == key)
    }

    /// Still to be done: planned or in progress. Open actions follow the unit into the
    /// next round.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }
}

/// Whether an action of the unit's previous round may be followed up (given a new status,
/// and perhaps carried on): only while it is open and no later round carries it on yet.
/// Actions of older rounds, and of other units, are never followed up.
pub fn may_follow_up(status: ActionStatus, carried_on: bool) -> bool {
    status.is_open() && !carried_on
}

/// One field of an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionField {
    Title,
    Description,
    Owner,
    Due,
    Status,
}

impl ActionField {
    pub const ALL: [ActionField; 5] =
        [ActionField::Title, ActionField::Description, ActionField::Owner, ActionField::Due, ActionField::Status];

    /// The name used in forms and in the audit log (`action:<id>:<name>`).
    pub fn key(self) -> &'static str {
        match self {
            ActionField::Title => "title",
            ActionField::Description => "description",
            ActionField::Owner => "owner",
            ActionField::Due => "due",
            ActionField::Status => "status",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|field| field.key() == key)
    }
}

/// An action's values, checked and normalised. Empty texts and no due date are `""`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionValues {
    pub title: String,
    pub description: String,
    pub owner: String,
    /// `YYYY-MM-DD`, or empty.
    pub due_on: String,
    pub status: ActionStatus,
}

impl ActionValues {
    /// A field's value as text (the status by its key).
    pub fn get(&self, field: ActionField) -> &str {
        match field {
            ActionField::Title => &self.title,
            ActionField::Description => &self.description,
            ActionField::Owner => &self.owner,
            ActionField::Due => &self.due_on,
            ActionField::Status => self.status.key(),
        }
    }

    /// Sets a field from text; an unknown status key leaves the status as it was.
    pub fn set(&mut self, field: ActionField, value: &str) {
        match field {
            ActionField::Title => self.title = value.to_owned(),
            ActionField::Description => self.description = value.to_owned(),
            ActionField::Owner => self.owner = value.to_owned(),
            ActionField::Due => self.due_on = value.to_owned(),
            ActionField::Status => {
                if let Some(status) = ActionStatus::from_key(value) {
                    self.status = status;
                }
            }
        }
    }
}

/// What is wrong with an action field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionProblem {
    Missing,
    TooLong { max: usize, actual: usize },
    InvalidDate,
    InvalidStatus,
}

/// The action form as sent, unchecked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RawAction {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due_on: String,
    #[serde(default)]
    pub status: String,
}

/// Checks and normalises an action form. `valid_date` decides whether a non-empty due
/// date is a real `YYYY-MM-DD` date (the calendar lives on the server).
pub fn check(
    raw: &RawAction,
    valid_date: impl Fn(&str) -> bool,
) -> Result<ActionValues, Vec<(ActionField, ActionProblem)>> {
    let mut problems = Vec::new();
    let mut text = |field: ActionField, value: &str, max: usize, required: bool| {
        let value = normalise_text(value).unwrap_or_default();
        if required && value.is_empty() {
            problems.push((field, ActionProblem::Missing));
        } else if char_count(&value) > max {
            problems.push((field, ActionProblem::TooLong { max, actual: char_count(&value) }));
        }
        value
    };
    let title = text(ActionField::Title, &raw.title, ACTION_TITLE_MAX_CHARS, true);
    let description = text(ActionField::Description, &raw.description, ACTION_DESCRIPTION_MAX_CHARS, false);
    let owner = text(ActionField::Owner, &raw.owner, ACTION_OWNER_MAX_CHARS, false);
    let due_on = raw.due_on.trim().to_owned();
    if !due_on.is_empty() && !valid_date(&due_on) {
        problems.push((ActionField::Due, ActionProblem::InvalidDate));
    }
    let status = if raw.status.is_empty() { Some(ActionStatus::Planned) } else { ActionStatus::from_key(&raw.status) };
    if status.is_none() {
        problems.push((ActionField::Status, ActionProblem::InvalidStatus));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ActionValues { title, description, owner, due_on, status: status.unwrap_or_default() })
}

/// A field changed by both the editor and someone else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionConflict {
    pub field: ActionField,
    pub theirs: String,
    pub yours: String,
}

/// What to write and what to ask about.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActionMerge {
    /// The values to store: `stored` with the editor's non-conflicting changes.
    pub merged: ActionValues,
    /// `(field, old, new)` for each field written.
    pub changes: Vec<(ActionField, String, String)>,
    pub conflicts: Vec<ActionConflict>,
}

/// Merges the editor's `edited` values, made from `base`, into `stored`.
pub fn merge(stored: &ActionValues, base: &ActionValues, edited: &ActionValues) -> ActionMerge {
    let mut merged = stored.clone();
    let mut changes = Vec::new();
    let mut conflicts = Vec::new();
    for field in ActionField::ALL {
        let (now, was, wanted) = (stored.get(field), base.get(field), edited.get(field));
        if wanted == now || wanted == was {
            continue;
        }
        if now == was {
            changes.push((field, now.to_owned(), wanted.to_owned()));
            merged.set(field, wanted);
        } else {
            conflicts.push(ActionConflict { field, theirs: now.to_owned(), yours: wanted.to_owned() });
        }
    }
    ActionMerge { merged, changes, conflicts }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(title: &str, owner: &str, status: ActionStatus) -> ActionValues {
        ActionValues { title: title.into(), owner: owner.into(), status, ..ActionValues::default() }
    }

    #[test]
    fn every_status_and_field_has_a_key_that_maps_back() {
        for status in ActionStatus::ALL {
            assert_eq!(ActionStatus::from_key(status.key()), Some(status));
        }
        for field in ActionField::ALL {
            assert_eq!(ActionField::from_key(field.key()), Some(field));
        }
        assert!(ActionStatus::Planned.is_open() && ActionStatus::InProgress.is_open());
        assert!(!ActionStatus::Done.is_open() && !ActionStatus::Dropped.is_open());
    }

    #[test]
    fn only_an_open_action_not_yet_carried_on_is_followed_up() {
        assert!(may_follow_up(ActionStatus::Planned, false));
        assert!(may_follow_up(ActionStatus::InProgress, false));
        assert!(!may_follow_up(ActionStatus::InProgress, true), "carried on already");
        assert!(!may_follow_up(ActionStatus::Done, false));
        assert!(!may_follow_up(ActionStatus::Dropped, false));
    }

    #[test]
    fn a_form_is_checked_and_normalised() {
        let raw = RawAction { title: "  Ny rutin \r\n".into(), due_on: "2027-03-31".into(), ..RawAction::default() };
        let checked = check(&raw, |_| true).unwrap();
        assert_eq!(checked.title, "Ny rutin");
        assert_eq!(checked.status, ActionStatus::Planned);

        let bad = RawAction {
            title: " ".into(),
            owner: "x".repeat(ACTION_OWNER_MAX_CHARS + 1),
            due_on: "31/3".into(),
            status: "klar".into(),
            ..RawAction::default()
        };
        let problems = check(&bad, |_| false).unwrap_err();
        let fields: Vec<ActionField> = problems.iter().map(|(field, _)| *field).collect();
        assert_eq!(fields, [ActionField::Title, ActionField::Owner, ActionField::Due, ActionField::Status]);
    }

    #[test]
    fn different_fields_merge_and_the_same_field_conflicts() {
        let base = values("Rutin", "Anna", ActionStatus::Planned);
        let stored = values("Rutin", "Bertil", ActionStatus::Planned);
        let edited = values("Rutin för uppföljning", "Anna", ActionStatus::InProgress);
        let merge = merge(&stored, &base, &edited);
        assert!(merge.conflicts.is_empty());
        assert_eq!(merge.merged, values("Rutin för uppföljning", "Bertil", ActionStatus::InProgress));
        assert_eq!(merge.changes.len(), 2);

        let edited = values("Rutin", "Cecilia", ActionStatus::Planned);
        let merge = super::merge(&stored, &base, &edited);
        assert_eq!(
            merge.conflicts,
            [ActionConflict { field: ActionField::Owner, theirs: "Bertil".into(), yours: "Cecilia".into() }]
        );
        assert_eq!(merge.merged, stored, "nothing written over the other person's value");
    }
}
