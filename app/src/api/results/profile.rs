//! A unit's profile (server only): its figures in a round against the mean of its
//! förvaltning or bolag and of the city, its previous round beside them, and its strongest
//! and weakest dimensions.

use super::extremes::extremes;
use super::figures::{figure, figure_keys, shown_mean};
use super::types::{ProfileRow, Shown, UnitProfile};
use crate::db::rounds::Round;
use crate::domain::disclosure::{Disclosure, Scope};
use crate::domain::ids::NodeId;
use crate::domain::privacy::PrivacyRules;
use crate::domain::results::{ResultsAccess, RoundResults};
use crate::domain::rights::RoleGrant;
use crate::state::results_cache::ComputedRound;
use std::sync::Arc;

/// The profile of `unit` in the last round of `history` (oldest first), whose tree has it,
/// with the administration's and the city's figures as the viewer may see them (`rules`).
pub fn profile(
    history: &[(&Round, Arc<ComputedRound>)],
    grants: &[RoleGrant],
    rules: PrivacyRules,
    unit: NodeId,
) -> UnitProfile {
    let Some(((_, now), earlier)) = history.split_last() else { return UnitProfile::default() };
    let results = &now.results;
    let disclosure = Disclosure::new(results, grants, rules, &now.framework);
    let own = results.figures(unit);
    let administration = results.administration_of(unit);
    let city = results.path(unit).and_then(|path| path.first().copied());
    // The unit's latest earlier round that the viewer may see it in.
    let previous = earlier.iter().rev().find(|(_, computed)| {
        computed.results.unit_scores(unit).is_some()
            && computed.results.access(grants, unit) == Some(ResultsAccess::Everything)
    });
    let aggregate = |node: Option<NodeId>, key: &str| -> Shown<f64> {
        match node {
            Some(node) => shown_mean(disclosure.figure(Scope::Node(node), key), figure(results.figures(node), key)),
            None => Shown::Missing,
        }
    };
    let rows: Vec<ProfileRow> = figure_keys(&now.framework)
        .into_iter()
        .map(|(key, name, group)| ProfileRow {
            unit: figure(own, &key).map(|spread| spread.mean),
            administration: aggregate(administration, &key),
            city: aggregate(city, &key),
            previous: previous.and_then(|(_, computed)| figure(computed.results.figures(unit), &key).map(|s| s.mean)),
            key,
            name,
            group,
        })
        .collect();
    let (strongest, weakest) = extremes(&dimension_scores(&rows));
    let name_of = |node: Option<NodeId>, results: &RoundResults| {
        node.and_then(|node| results.node(node)).map(|node| node.name.clone())
    };
    UnitProfile {
        administration: name_of(administration, results),
        city: name_of(city, results).unwrap_or_default(),
        previous_round: previous.map(|(round, _)| round.name.clone()),
        submitted: own.is_some(),
        rows,
        strongest,
        weakest,
    }
}

/// The unit's score on each dimension it has one on, by the dimension's name.
fn dimension_scores(rows: &[ProfileRow]) -> Vec<(String, f64)> {
    rows.iter().filter(|row| row.is_dimension()).filter_map(|row| Some((row.name.clone(), row.unit?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str, unit: Option<f64>) -> ProfileRow {
        ProfileRow {
            key: key.into(),
            name: key.to_uppercase(),
            group: Some(crate::domain::framework::DimensionGroup::Approaches),
            unit,
            administration: Shown::Missing,
            city: Shown::Missing,
            previous: None,
        }
    }

    #[test]
    fn the_strongest_and_weakest_are_all_that_tie_as_shown() {
        let rows =
            [row("a", Some(3.96)), row("b", Some(4.04)), row("c", Some(2.0)), row("d", None), row("e", Some(3.0))];
        let (strongest, weakest) = extremes(&dimension_scores(&rows));
        assert_eq!(strongest, ["A", "B"], "both show as 4,0");
        assert_eq!(weakest, ["C"]);
        let equal = [row("a", Some(3.0)), row("b", Some(3.0))];
        assert_eq!(extremes(&dimension_scores(&equal)), (vec![], vec![]), "all equal: neither");
        assert_eq!(extremes(&dimension_scores(&[row("a", Some(3.0))])), (vec![], vec![]));
        let index = ProfileRow { group: None, ..row("index", Some(5.0)) };
        let rows = [index, row("a", Some(1.0)), row("b", Some(2.0))];
        assert_eq!(extremes(&dimension_scores(&rows)).0, ["B"], "the index is no dimension");
    }
}
