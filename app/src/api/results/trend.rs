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
use crate::domain::privacy::PrivacyRules;
use crate::domain::rights::RoleGrant;
use crate::state::results_cache::ComputedRound;
use std::sync::Arc;

/// The trend of `node` over `history` (oldest first) with the figures of `framework`; with
/// `kind`, over the node's children of that type only. Each round's figure is as the viewer
/// may see it in that round (`rules`). A round whose tree lacks the node (formed later, or
/// gone) has no value.
pub fn trend(
    history: &[(&Round, Arc<ComputedRound>)],
    framework: &Framework,
    grants: &[RoleGrant],
    rules: PrivacyRules,
    node: NodeId,
    kind: Option<KindFilter>,
) -> TrendResults {
    let mut keys = vec![(INDEX_KEY.to_owned(), index_name())];
    keys.extend(framework.dimensions.iter().map(|dimension| (dimension.key.to_string(), dimension.name.clone())));
    let scope = Scope::of(node, kind);
    let per_round: Vec<_> = history
        .iter()
        .map(|(_, computed)| {
            let results = &computed.results;
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
        .collect();
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
    }
}
