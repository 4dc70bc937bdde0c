//! The kinds of administrative change, as the admin log names them.

use serde::{Deserialize, Serialize};

/// An administrative change (see the `admin_event` table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AdminAction {
    RoundCreated,
    /// A draft round's name, framework, part of the tree, dates or introduction changed.
    RoundEdited,
    RoundOpened,
    RoundClosed,
    RoundPublished,
    /// A closed round opened again (the deadline extended), with a reason.
    RoundReopened,
    /// A published round's results withdrawn (back to closed), with a reason.
    RoundWithdrawn,
    /// An open round's closing date changed.
    RoundDeadlineChanged,
    RoleGiven,
    RoleTaken,
    PersonCreated,
    PersonDeactivated,
    PersonReactivated,
    /// A one-time link to set a password was sent.
    PasswordLinkSent,
    ReminderSent,
    /// Unit managers imported from a file (one entry per import, with counts).
    ManagersImported,
    /// A board presentation's comments, hidden slides or chosen actions changed.
    DeckEdited,
    /// A new framework draft copied from the latest published version.
    FrameworkDraftCreated,
    /// A framework draft created from an uploaded TOML file.
    FrameworkUploaded,
    /// A framework draft's texts, dimensions or statements changed.
    FrameworkDraftEdited,
    /// A framework draft published (frozen from now on).
    FrameworkPublished,
    /// An organisation added to the tree, from an effective date.
    OrgNodeAdded,
    /// An organisation renamed, from an effective date (its earlier name stays in history).
    OrgNodeRenamed,
    /// An organisation moved under another parent, from an effective date.
    OrgNodeMoved,
    /// Two or more organisations merged into one, new or existing.
    OrgNodesMerged,
    /// An organisation split into two or more new ones.
    OrgNodeSplit,
    /// An organisation closed, from an effective date.
    OrgNodeClosed,
    /// The tree imported from the HR register (one entry per import, with counts).
    OrgImported,
}

impl AdminAction {
    pub const ALL: [AdminAction; 28] = [
        AdminAction::RoundCreated,
        AdminAction::RoundEdited,
        AdminAction::RoundOpened,
        AdminAction::RoundClosed,
        AdminAction::RoundPublished,
        AdminAction::RoundReopened,
        AdminAction::RoundWithdrawn,
        AdminAction::RoundDeadlineChanged,
        AdminAction::RoleGiven,
        AdminAction::RoleTaken,
        AdminAction::PersonCreated,
        AdminAction::PersonDeactivated,
        AdminAction::PersonReactivated,
        AdminAction::PasswordLinkSent,
        AdminAction::ReminderSent,
        AdminAction::ManagersImported,
        AdminAction::DeckEdited,
        AdminAction::FrameworkDraftCreated,
        AdminAction::FrameworkUploaded,
        AdminAction::FrameworkDraftEdited,
        AdminAction::FrameworkPublished,
        AdminAction::OrgNodeAdded,
        AdminAction::OrgNodeRenamed,
        AdminAction::OrgNodeMoved,
        AdminAction::OrgNodesMerged,
        AdminAction::OrgNodeSplit,
        AdminAction::OrgNodeClosed,
        AdminAction::OrgImported,
    ];

    /// The key stored in `admin_event.action` and used in filters.
    pub fn key(self) -> &'static str {
        match self {
            AdminAction::RoundCreated => "round_created",
            AdminAction::RoundEdited => "round_edited",
            AdminAction::RoundOpened => "round_opened",
            AdminAction::RoundClosed => "round_closed",
            AdminAction::RoundPublished => "round_published",
            AdminAction::RoundReopened => "round_reopened",
            AdminAction::RoundWithdrawn => "round_withdrawn",
            AdminAction::RoundDeadlineChanged => "round_deadline_changed",
            AdminAction::RoleGiven => "role_given",
            AdminAction::RoleTaken => "role_taken",
            AdminAction::PersonCreated => "person_created",
            AdminAction::PersonDeactivated => "person_deactivated",
            AdminAction::PersonReactivated => "person_reactivated",
            AdminAction::PasswordLinkSent => "password_link_sent",
            AdminAction::ReminderSent => "reminder_sent",
            AdminAction::ManagersImported => "managers_imported",
            AdminAction::DeckEdited => "deck_edited",
            AdminAction::FrameworkDraftCreated => "framework_draft_created",
            AdminAction::FrameworkUploaded => "framework_uploaded",
            AdminAction::FrameworkDraftEdited => "framework_draft_edited",
            AdminAction::FrameworkPublished => "framework_published",
            AdminAction::OrgNodeAdded => "org_node_added",
            AdminAction::OrgNodeRenamed => "org_node_renamed",
            AdminAction::OrgNodeMoved => "org_node_moved",
            AdminAction::OrgNodesMerged => "org_nodes_merged",
            AdminAction::OrgNodeSplit => "org_node_split",
            AdminAction::OrgNodeClosed => "org_node_closed",
            AdminAction::OrgImported => "org_imported",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|action| action.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_key_is_distinct_and_round_trips() {
        for action in AdminAction::ALL {
            assert_eq!(AdminAction::from_key(action.key()), Some(action));
        }
        let mut keys: Vec<_> = AdminAction::ALL.iter().map(|action| action.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), AdminAction::ALL.len());
    }
}
