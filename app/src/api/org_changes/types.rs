//! What the organisation change page sends and receives.

use crate::api::organisation::NodeHit;
use crate::domain::ids::NodeId;
use crate::domain::org_change::{ChangeKind, ChangeProblem, RawChange};
use crate::domain::org_steps::Effect;
use serde::{Deserialize, Serialize};

/// The searches typed into the page's organisation pickers (a plain GET form).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PickerSearches {
    pub node: String,
    pub parent: String,
    pub successor: String,
    pub nodes: String,
}

/// An organisation already chosen in the form, by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chosen {
    pub id: NodeId,
    pub name: String,
}

/// What each picker found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickerHits {
    pub node: Vec<NodeHit>,
    pub parent: Vec<NodeHit>,
    pub successor: Vec<NodeHit>,
    pub nodes: Vec<NodeHit>,
}

/// The page: the form as filled in, the chosen organisations' names, what the searches found,
/// and, when asked to review, what the change would do or why it cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangePage {
    pub raw: RawChange,
    pub kind: Option<ChangeKind>,
    pub chosen: Vec<Chosen>,
    pub hits: PickerHits,
    pub review: Option<Result<Vec<Effect>, Vec<ChangeProblem>>>,
    /// Today, the date the form suggests.
    pub today: String,
}

impl ChangePage {
    /// The name of a chosen organisation.
    pub fn name_of(&self, id: NodeId) -> Option<&str> {
        self.chosen.iter().find(|chosen| chosen.id == id).map(|chosen| chosen.name.as_str())
    }
}
