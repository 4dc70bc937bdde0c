//! An organisation against the city and against its own previous round (server only): the
//! index, both sub-indices and every dimension, each figure as the viewer may see it. The
//! board presentation's comparison and radar are drawn from it.

use super::figures::{figure, figure_keys, shown_mean};
use super::types::{Comparison, ComparisonRow, Shown};
use crate::db::rounds::Round;
use crate::domain::disclosure::{Disclosure, Scope};
use crate::domain::ids::NodeId;
use crate::domain::privacy::PrivacyRules;
use crate::domain::rights::RoleGrant;
use crate::state::results_cache::ComputedRound;
use std::sync::Arc;

/// `node` in the last round of `history` (oldest first) against the city of that round and
/// against its own figures in the round before, when the viewer may see them.
pub fn comparison(
    history: &[(&Round, Arc<ComputedRound>)],
    grants: &[RoleGrant],
    rules: PrivacyRules,
    node: NodeId,
) -> Comparison {
    let Some(((_, now), earlier)) = history.split_last() else { return Comparison::default() };
    let results = &now.results;
    let disclosure = Disclosure::new(results, grants, rules, &now.framework);
    let city = results.path(node).and_then(|path| path.first().copied()).filter(|city| *city != node);
    let previous = earlier.last().filter(|(_, computed)| computed.results.node(node).is_some());
    let previous_disclosure =
        previous.map(|(_, computed)| Disclosure::new(&computed.results, grants, rules, &computed.framework));
    let rows = figure_keys(&now.framework)
        .into_iter()
        .map(|(key, name, group)| {
            let mean_of = |disclosure: &Disclosure, results: &crate::domain::results::RoundResults, at: NodeId| {
                shown_mean(disclosure.figure(Scope::Node(at), &key), figure(results.figures(at), &key))
            };
            ComparisonRow {
                own: mean_of(&disclosure, results, node),
                city: city.map_or(Shown::Missing, |city| mean_of(&disclosure, results, city)),
                previous: match (previous, &previous_disclosure) {
                    (Some((_, computed)), Some(disclosure)) => mean_of(disclosure, &computed.results, node),
                    _ => Shown::Missing,
                },
                key,
                name,
                group,
            }
        })
        .collect();
    Comparison {
        city: city.and_then(|city| results.node(city)).map(|city| city.name.clone()),
        previous_round: previous.map(|(round, _)| round.name.clone()),
        rows,
    }
}
