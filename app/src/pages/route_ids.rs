//! The ids in the address of a unit's pages (`/omgangar/:round/enheter/:unit/…`).

use crate::domain::ids::{NodeId, RoundId};
use leptos_router::params::ParamsMap;

/// `:round` and `:unit`; 0 (which matches nothing) when missing or malformed.
pub fn round_and_unit(params: &ParamsMap) -> (RoundId, NodeId) {
    let id = |name: &str| params.get(name).and_then(|id| id.parse::<i64>().ok()).unwrap_or(0);
    (RoundId(id("round")), NodeId(id("unit")))
}
