//! An organisation's (or a unit's) index and dimension means over the rounds (server only),
//! each round's figure as the viewer may see it in that round's tree.

use super::figures::{figure, index_name, shown_mean};
use super::types::{Shown, TrendBreak, TrendResults, TrendRow};
use crate::db::rounds::Round;
use crate::domain::aggregate::INDEX_KEY;
use crate::domain::disclosure::{Disclosure, Scope};
use crate::domain::framework::Framework;
use crate::domain::framework_edit::trend_breaks;
use crate::domain::ids::NodeId;
use crate::domain::kind_filter::KindFilter;
use crate::domain::privacy::{PrivacyRules, Visibility};
use crate::domain::regrouped::{may_show_as_it_was, mean_over};
use crate::domain::results::{ResultsAccess, RoundResults};
use crate::domain::rights::RoleGrant;
use crate::domain::scoring::UnitScores;
use crate::state::results_cache::ComputedRound;
use crate::state::todays_organisation::{Regrouped, TodaysUnits};
use std::collections::BTreeSet;
use std::sync::Arc;

/// The trend of `node` over `history` (oldest first, ending with the round shown) with the
/// figures of `framework` (the round shown's); with `kind`, over the node's children of that
/// type only.
///
/// A viewer who sees the node in full in the round shown gets it "in today's organisation":
/// each earlier round's figures are over the units the node has in the round shown,
/// wherever they belonged then — so a district formed by a merger has the rounds its units
/// answered under its predecessors, and a head sees them for the units now in their
/// subtree. Everyone else gets each round's figure as they may see it in that round
/// (`rules`), where a round whose tree lacks the node (formed later, or gone) has no value.
/// Beside a trend in today's organisation, each of `predecessors` has its index as it was
/// (see [`as_it_was`]).
pub fn trend(
    history: &[(&Round, Arc<ComputedRound>)],
    framework: &Framework,
    grants: &[RoleGrant],
    rules: PrivacyRules,
    node: NodeId,
    kind: Option<KindFilter>,
    predecessors: &[NodeId],
) -> TrendResults {
    let mut keys = vec![(INDEX_KEY.to_owned(), index_name())];
    keys.extend(framework.dimensions.iter().map(|dimension| (dimension.key.to_string(), dimension.name.clone())));
    let scope = Scope::of(node, kind);
    let todays_units = todays_units(history, grants, node, kind);
    let mut regrouped = false;
    let last = history.len().saturating_sub(1);
    let per_round: Vec<_> = history
        .iter()
        .enumerate()
        .map(|(position, (round, computed))| {
            let results = &computed.results;
            if let Some(todays) = &todays_units {
                // The round shown is where today's units come from: the same by definition.
                if position != last
                    && let Regrouped::Means(means) =
                        todays.in_round(round.id, computed.generation, |units| regroup(results, node, units, &keys))
                {
                    regrouped = true;
                    return means.iter().map(|mean| mean.map_or(Shown::Missing, Shown::Value)).collect();
                }
                let figures = results.figures(node);
                return keys.iter().map(|(key, _)| shown_mean(Visibility::Full, figure(figures, key))).collect();
            }
            let disclosure = Disclosure::new(results, grants, rules, &computed.framework);
            let figures = match kind {
                None => results.figures(node),
                Some(kind) => results.figures_of_type(node, kind).0,
            };
            let values: Vec<Shown<f64>> = keys
                .iter()
                .map(|(key, _)| {
                    if results.node(node).is_some() {
                        shown_mean(disclosure.figure(scope, key), figure(figures, key))
                    } else {
                        Shown::Missing
                    }
                })
                .collect();
            values
        })
        .collect::<Vec<Vec<Shown<f64>>>>();
    // Between consecutive rounds on different framework versions: which figures changed in
    // a way that is not comparable.
    let steps: Vec<(usize, crate::domain::framework_edit::TrendBreaks)> = history
        .windows(2)
        .enumerate()
        .map(|(at, pair)| (at + 1, trend_breaks(&pair[0].1.framework, &pair[1].1.framework)))
        .filter(|(_, breaks)| !breaks.is_empty())
        .collect();
    let breaks = steps
        .iter()
        .map(|(at, broken)| TrendBreak {
            at: *at,
            from_round: history[*at - 1].0.name.clone(),
            to_round: history[*at].0.name.clone(),
            figures: keys
                .iter()
                .filter(|(key, _)| broken.breaks(key, INDEX_KEY))
                .map(|(_, name)| name.clone())
                .collect(),
        })
        .filter(|step| !step.figures.is_empty())
        .collect();
    TrendResults {
        rounds: history.iter().map(|(round, _)| round.name.clone()).collect(),
        rows: keys
            .into_iter()
            .enumerate()
            .map(|(at, (key, name))| TrendRow {
                values: per_round.iter().map(|values| values[at].clone()).collect(),
                breaks_before: steps
                    .iter()
                    .filter(|(_, broken)| broken.breaks(&key, INDEX_KEY))
                    .map(|(step, _)| *step)
                    .collect(),
                key,
                name,
            })
            .collect(),
        breaks,
        todays_units: regrouped,
        predecessors: todays_units
            .as_ref()
            .map(|known| {
                predecessors.iter().filter_map(|node| as_it_was(history, grants, rules, *node, &known.units)).collect()
            })
            .unwrap_or_default(),
    }
}

/// A predecessor's index in each round, as it was, for a viewer who sees `known` units (the
/// organisation's today) in full: where they see the predecessor in full too, or where the
/// units they do not know would not be given away (`domain::regrouped::may_show_as_it_was`).
/// `None` if no round of the trend has it.
fn as_it_was(
    history: &[(&Round, Arc<ComputedRound>)],
    grants: &[RoleGrant],
    rules: PrivacyRules,
    node: NodeId,
    known: &BTreeSet<NodeId>,
) -> Option<TrendRow> {
    let name = history.iter().rev().find_map(|(_, computed)| computed.results.node(node))?.name.clone();
    let values = history
        .iter()
        .map(|(_, computed)| {
            let results = &computed.results;
            if results.node(node).is_none() {
                return Shown::Missing;
            }
            let full = results.access(grants, node) == Some(ResultsAccess::Everything);
            let scored = results
                .units_below(node)
                .filter(|unit| results.unit_scores(*unit).is_some_and(|scores| scores.index.is_some()));
            if full || may_show_as_it_was(scored, known, rules.min_units_for_mean) {
                shown_mean(Visibility::Full, figure(results.figures(node), INDEX_KEY))
            } else {
                Shown::TooFew
            }
        })
        .collect();
    Some(TrendRow { key: node.0.to_string(), name, values, breaks_before: Vec::new() })
}

/// The units below `node` in the round shown (the last of `history`), if the viewer sees it
/// in full there and the trend is over the whole node (not one type of its children); kept
/// with the round shown, with the figures over them in earlier rounds.
fn todays_units(
    history: &[(&Round, Arc<ComputedRound>)],
    grants: &[RoleGrant],
    node: NodeId,
    kind: Option<KindFilter>,
) -> Option<Arc<TodaysUnits>> {
    let (_, shown) = history.last()?;
    let results = &shown.results;
    let full = kind.is_none() && results.access(grants, node) == Some(ResultsAccess::Everything);
    full.then(|| shown.todays_organisation.units(node, || results.units_below(node).collect()))
}

/// The figures `keys` of `node` in an earlier round's `results` over `units`: its own where
/// it had exactly those units then, else the means over them wherever they were.
fn regroup(results: &RoundResults, node: NodeId, units: &BTreeSet<NodeId>, keys: &[(String, String)]) -> Regrouped {
    if same_units(results, node, units) {
        return Regrouped::SameUnits;
    }
    let scores: Vec<&UnitScores> = units.iter().filter_map(|unit| results.unit_scores(*unit)).collect();
    Regrouped::Means(keys.iter().map(|(key, _)| mean_over(&scores, key)).collect())
}

/// Whether `node` has exactly `units` below it in `results`.
fn same_units(results: &RoundResults, node: NodeId, units: &BTreeSet<NodeId>) -> bool {
    results.node(node).is_some()
        && results.units_total(node) == units.len()
        && results.units_below(node).all(|unit| units.contains(&unit))
}
