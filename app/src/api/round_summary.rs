//! Data shapes shared by several pages.

use crate::domain::ids::RoundId;
use crate::domain::round::RoundStatus;
use serde::{Deserialize, Serialize};

/// A round as lists and headings show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundSummary {
    pub id: RoundId,
    pub name: String,
    pub status: RoundStatus,
    /// ISO dates, e.g. `2026-10-15`.
    pub opens_on: String,
    pub closes_on: String,
}

#[cfg(feature = "ssr")]
impl From<&crate::db::rounds::Round> for RoundSummary {
    fn from(round: &crate::db::rounds::Round) -> Self {
        RoundSummary {
            id: round.id,
            name: round.name.clone(),
            status: round.status,
            opens_on: round.opens_on.to_string(),
            closes_on: round.closes_on.to_string(),
        }
    }
}

/// The address of a unit's assessment page in a round.
pub fn assessment_path(round: RoundId, unit: crate::domain::ids::NodeId) -> String {
    format!("/omgangar/{round}/enheter/{unit}")
}

/// The address of a round's progress page.
pub fn round_path(round: RoundId) -> String {
    format!("/omgangar/{round}")
}
