//! The ids in the address of a unit's pages (`/omgangar/:round/enheter/:unit/…`).

use leptos_router::params::ParamsMap;

/// `:round` and `:unit` as numbers; 0 (which matches nothing) when missing or malformed.
pub fn round_and_unit(params: &ParamsMap) -> (i64, i64) {
    let id = |name: &str| params.get(name).and_then(|id| id.parse::<i64>().ok()).unwrap_or(0);
    (id("round"), id("unit"))
}
