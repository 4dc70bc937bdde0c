//! Loading an organisation's results for a viewer (server only): the round's tree and
//! submitted ratings, the figures, and what the viewer may see of them.

use super::context::{Caller, internal};
use super::dto::RoundSummary;
use super::error::AppError;
use super::results::{ChildRow, Crumb, FigureRow, OrgResults, Shown};
use crate::db::{self, Pool, clock};
use crate::domain::aggregate::{Spread, may_show_to_others};
use crate::domain::framework::DimensionGroup;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::results::{ResultsAccess, RoundResults};
use crate::domain::rights::{Permission, may_anywhere};
use crate::domain::round::RoundStatus;
use crate::domain::scoring::unit_scores;
use std::collections::HashMap;

/// The results of `node_id` (default: the round's top) in `round_id` (default: the newest
/// round whose results the viewer may see).
pub async fn load_org_results(
    pool: &Pool,
    caller: &Caller,
    round_id: Option<i64>,
    node_id: Option<i64>,
) -> Result<OrgResults, AppError> {
    // Results of a round that is not published are the quality department's.
    let sees_unpublished = may_anywhere(&caller.grants, Permission::ManageRounds);
    let rounds: Vec<_> = db::rounds::list(pool)
        .await
        .map_err(internal("list rounds"))?
        .into_iter()
        .filter(|round| {
            round.status == RoundStatus::Published || (sees_unpublished && round.status != RoundStatus::Draft)
        })
        .collect();
    let round = match round_id {
        Some(id) => rounds.iter().find(|round| round.id == RoundId(id)).ok_or(AppError::NotFound)?,
        None => rounds.first().ok_or(AppError::NotFound)?,
    };
    let on = round.tree_date(clock::today());
    let framework = db::framework::load(pool, round.framework_version)
        .await
        .map_err(internal("load framework"))?
        .ok_or_else(|| internal("round without framework")("missing framework version"))?;
    let above_root = db::org::path_to(pool, round.root, on).await.map_err(internal("round root path"))?;
    let above_root = above_root.split_last().map_or(&[][..], |(_, above)| above);
    let nodes = db::results::nodes_under(pool, round.root, on).await.map_err(internal("load tree"))?;
    let scores: HashMap<NodeId, _> = db::results::submitted_ratings(pool, round.id)
        .await
        .map_err(internal("load ratings"))?
        .into_iter()
        .map(|(unit, answers)| (unit, unit_scores(&framework, &answers)))
        .collect();
    let results = RoundResults::build(above_root, nodes, scores);

    // An organisation that exists but not in this round's tree (say, one formed by a later
    // merger, after another round was chosen) gives way to the round's top.
    let asked = NodeId(node_id.unwrap_or(round.root.0));
    let known = results.node(asked).is_some()
        || db::org::node_at(pool, asked, clock::today()).await.map_err(internal("load node"))?.is_none();
    let node = if known { asked } else { round.root };
    let replaced = node != asked;
    let tree_node = results.node(node).ok_or(AppError::NotFound)?.clone();
    let access = match results.access(&caller.grants, node) {
        Some(access) => access,
        None => {
            tracing::warn!(user = %caller.id, %node, "results access denied");
            return Err(AppError::Forbidden);
        }
    };
    let full = access == ResultsAccess::Everything;
    let shown_to = |full: bool, spread: Option<&Spread>| match spread {
        None => Shown::Missing,
        Some(spread) if !full && !may_show_to_others(spread.n) => Shown::TooFew,
        Some(spread) => Shown::Value(spread.clone()),
    };
    let shown = |spread: Option<&Spread>| shown_to(full, spread);
    let figures_of = results.figures(node);
    let mut figures = vec![FigureRow {
        key: "index".into(),
        name: String::new(),
        group: None,
        figure: shown(figures_of.and_then(|f| f.index.as_ref())),
    }];
    for group in DimensionGroup::ALL {
        let spread = figures_of.and_then(|f| match group {
            DimensionGroup::Approaches => f.approaches.as_ref(),
            DimensionGroup::FocusAreas => f.focus_areas.as_ref(),
        });
        let name =
            framework.groups.iter().find(|info| info.group == group).map(|info| info.name.clone()).unwrap_or_default();
        figures.push(FigureRow { key: group.key().into(), name, group: Some(group), figure: shown(spread) });
    }
    for dimension in &framework.dimensions {
        let spread = figures_of.and_then(|f| f.dimension(&dimension.key));
        figures.push(FigureRow {
            key: dimension.key.to_string(),
            name: dimension.name.clone(),
            group: Some(dimension.group),
            figure: shown(spread),
        });
    }

    let children = results
        .children(node)
        .iter()
        .filter_map(|child| {
            let child_access = results.access(&caller.grants, *child);
            // Beside the viewer's own chain only those who see everything here see others.
            if !full && child_access.is_none() {
                return None;
            }
            let child_node = results.node(*child)?;
            let child_figures = results.figures(*child);
            let child_full = child_access == Some(ResultsAccess::Everything);
            let mean = |spread: Option<&Spread>| match shown_to(child_full, spread) {
                Shown::Value(spread) => Shown::Value(spread.mean),
                Shown::TooFew => Shown::TooFew,
                Shown::Missing => Shown::Missing,
            };
            Some(ChildRow {
                id: child.0,
                name: child_node.name.clone(),
                kind: child_node.kind,
                submitted: child_figures.map_or(0, |f| f.units),
                total: results.units_total(*child),
                index: mean(child_figures.and_then(|f| f.index.as_ref())),
                dimensions: framework
                    .dimensions
                    .iter()
                    .map(|dimension| mean(child_figures.and_then(|f| f.dimension(&dimension.key))))
                    .collect(),
                link: child_access.is_some(),
            })
        })
        .collect();

    let path = results.path(node).unwrap_or_default();
    let breadcrumb = path[..path.len().saturating_sub(1)]
        .iter()
        .filter_map(|id| results.node(*id).map(|n| Crumb { id: id.0, name: n.name.clone() }))
        .collect();
    let submitted = figures_of.map_or(0, |f| f.units);
    let total = results.units_total(node);
    Ok(OrgResults {
        round: round.into(),
        rounds: rounds.iter().map(RoundSummary::from).collect(),
        node_id: node.0,
        node_name: tree_node.name,
        node_kind: tree_node.kind,
        replaced,
        breadcrumb,
        full,
        // A response rate over fewer than 3 units tells whether a neighbour answered.
        submitted: if full || may_show_to_others(total) { submitted } else { 0 },
        total,
        figures,
        dimension_names: framework.dimensions.iter().map(|dimension| dimension.name.clone()).collect(),
        children,
        level_names: framework.levels.iter().map(|level| level.name.clone()).collect(),
    })
}
