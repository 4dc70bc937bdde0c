//! An organisation's (or a unit's) index and dimension means over the rounds (server only),
//! each round's figure as the viewer may see it in that round's tree.

use super::results::{Shown, TrendResults, TrendRow};
use super::results_cache::ComputedRound;
use super::results_figures::{figure, index_name, shown_mean};
use super::results_query::KindFilter;
use crate::db::rounds::Round;
use crate::domain::framework::Framework;
use crate::domain::ids::NodeId;
use crate::domain::rights::RoleGrant;
use std::sync::Arc;

/// The trend of `node` over `history` (oldest first) with the figures of `framework`; with
/// `kind`, over the node's children of that type only. A round whose tree lacks the node
/// (formed later, or gone) has no value.
pub fn trend(
    history: &[(&Round, Arc<ComputedRound>)],
    framework: &Framework,
    grants: &[RoleGrant],
    node: NodeId,
    kind: Option<KindFilter>,
) -> TrendResults {
    let mut keys = vec![("index".to_owned(), index_name())];
    keys.extend(framework.dimensions.iter().map(|dimension| (dimension.key.to_string(), dimension.name.clone())));
    let per_round: Vec<_> = history
        .iter()
        .map(|(_, computed)| {
            let results = &computed.results;
            let access = results.access(grants, node);
            let figures = match kind {
                None => results.figures(node).cloned(),
                Some(kind) => results.figures_over_children(node, |child| kind.matches(child.kind)).0,
            };
            (results.node(node).is_some(), access, figures)
        })
        .collect();
    TrendResults {
        rounds: history.iter().map(|(round, _)| round.name.clone()).collect(),
        rows: keys
            .into_iter()
            .map(|(key, name)| TrendRow {
                values: per_round
                    .iter()
                    .map(
                        |(present, access, figures)| {
                            if *present { shown_mean(*access, figure(figures.as_ref(), &key)) } else { Shown::Missing }
                        },
                    )
                    .collect(),
                key,
                name,
            })
            .collect(),
    }
}
