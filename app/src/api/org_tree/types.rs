//! What the organisation tree's server functions send.

use crate::api::organisation::NodeHit;
use crate::api::people::AccessHolder;
use crate::api::round_summary::RoundSummary;
use crate::domain::ids::NodeId;
use crate::domain::org::OrgKind;
use crate::domain::status::AssessmentStatus;
use serde::{Deserialize, Serialize};

/// An organisation in a list, with how many units (enheter) are in its subtree today.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeLine {
    pub id: NodeId,
    pub name: String,
    pub kind: OrgKind,
    pub units: usize,
}

/// An organisation that no longer is where it was (closed, merged, moved away): its latest
/// name, and its last day there (an ISO date).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerLine {
    pub id: NodeId,
    pub name: String,
    pub kind: OrgKind,
    pub until: String,
    /// Whether the viewer may open its page.
    pub linkable: bool,
}

/// The tree's start page: what a search found, or the top of the tree to browse from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgTreePage {
    /// What was searched for (trimmed, at most 100 characters); empty if nothing.
    pub query: String,
    pub hits: Vec<NodeHit>,
    /// Where browsing starts: the city's own organisations for the quality department, a
    /// head's own organisations for a head.
    pub tops: Vec<NodeLine>,
    /// Organisations at the top that have been closed or merged (for those who see the
    /// whole city).
    pub former: Vec<FormerLine>,
    /// Whether the viewer may change the organisation (add, rename, move, merge, close).
    pub may_change: bool,
}

/// One period of an organisation: its name and parent from `from` to `until` (inclusive,
/// ISO dates; `None` while it lasts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodLine {
    pub from: String,
    pub until: Option<String>,
    pub name: String,
    /// The parent, by its name on the period's first day; a link only if the viewer may
    /// open it.
    pub parent: Option<(NodeId, String)>,
    pub parent_linkable: bool,
}

/// An organisation this one carried on, or that carries it on, from `effective`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuccessionLine {
    pub id: NodeId,
    pub name: String,
    pub effective: String,
    pub linkable: bool,
}

/// A round the organisation took part in (its part of the tree was in the round's on the
/// round's date), with the unit's status if it is a unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NodeRound {
    pub round: RoundSummary,
    pub unit_status: Option<AssessmentStatus>,
}

/// An organisation's page: who it is today (or was last), its history, what is under it,
/// who can see it and the rounds it took part in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgNodePage {
    pub id: NodeId,
    pub name: String,
    pub kind: OrgKind,
    /// The organisations above it today, from the top (the city) down, each a link if the
    /// viewer may open it; empty if it no longer exists.
    pub above: Vec<(NodeId, String, bool)>,
    /// Its first day and, if it has ended, its last (ISO dates).
    pub from: String,
    pub until: Option<String>,
    pub periods: Vec<PeriodLine>,
    pub predecessors: Vec<SuccessionLine>,
    pub successors: Vec<SuccessionLine>,
    pub children: Vec<NodeLine>,
    pub former_children: Vec<FormerLine>,
    /// Everyone whose role is held on it or above it (none if it no longer exists).
    pub holders: Vec<AccessHolder>,
    pub rounds: Vec<NodeRound>,
    pub may_change: bool,
    /// Whether the viewer may appoint a unit manager here.
    pub may_appoint: bool,
}
