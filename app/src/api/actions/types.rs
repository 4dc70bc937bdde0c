//! What the improvement-actions page receives.

use crate::domain::actions::{ActionConflict, ActionValues};
use crate::domain::ids::ActionId;
use serde::{Deserialize, Serialize};

/// An action as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionItem {
    pub id: ActionId,
    pub dimension: String,
    pub values: ActionValues,
    pub version: i64,
    /// Carried on from an action of an earlier round.
    pub carried_from: Option<ActionId>,
    /// Carried on into a later round.
    pub carried_on: bool,
}

/// The actions page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionsView {
    /// Whether the caller may change the actions now.
    pub can_edit: bool,
    /// `None` when the caller may not see them: others see them once submitted.
    pub current: Option<Vec<ActionItem>>,
    /// The previous round's name and its actions still open (not yet carried on).
    pub previous_round: Option<String>,
    pub previous_open: Vec<ActionItem>,
    /// After a plain form post (no script) that conflicted: the action and the editor's side
    /// of its conflicting fields, to put back into the form beside the other person's.
    pub kept_conflict: Option<(ActionId, Vec<ActionConflict>)>,
}

#[cfg(feature = "ssr")]
impl From<crate::db::actions::StoredAction> for ActionItem {
    fn from(stored: crate::db::actions::StoredAction) -> Self {
        ActionItem {
            id: stored.id,
            dimension: stored.dimension,
            values: stored.values,
            version: stored.version,
            carried_from: stored.carried_from,
            carried_on: stored.carried_on,
        }
    }
}
