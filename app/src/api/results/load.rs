//! Loading an organisation's results for a viewer (server only): the round's computed
//! results (from the cache), the figures, the comparison of its children, the trend and a
//! unit's profile, each cut to what the viewer may see.

use super::figures::{figure, figure_keys, shown, shown_count, shown_mean};
use super::query::{ResultsQuery, SortColumn};
use super::types::{ChildRow, Crumb, FigureRow, OrgResults};
use crate::api::context::Caller;
use crate::api::error::AppError;
use crate::api::round_summary::RoundSummary;
use crate::db::{self, Pool, clock};
use crate::domain::aggregate::INDEX_KEY;
use crate::domain::disclosure::{Disclosure, Scope};
use crate::domain::framework::Framework;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::privacy::PrivacyRules;
use crate::domain::results::{ResultsAccess, RoundResults};
use crate::domain::rights::may_see_round_results;
use crate::state::results_cache::{ComputedRound, ResultsCache};
use std::cmp::Ordering;
use std::sync::Arc;

/// The most rounds a trend goes back.
const TREND_ROUNDS: usize = 10;

/// The rounds whose results the viewer may see, newest first: published ones, and for the
/// quality department also those that are open or closed; of those, only rounds that reach
/// the viewer (they hold a role on, above or below the round's top, in that round's tree), so
/// a round over another part of the city is neither offered nor chosen for them. Each with
/// its computed results.
async fn visible_rounds(
    pool: &Pool,
    cache: &ResultsCache,
    caller: &Caller,
) -> Result<Vec<(db::rounds::Round, Arc<ComputedRound>)>, AppError> {
    let rounds: Vec<db::rounds::Round> = db::rounds::list(pool)
        .await?
        .into_iter()
        .filter(|round| may_see_round_results(&caller.grants, round.status))
        .collect();
    let computed = cache.get_all(pool, &rounds).await?;
    Ok(rounds
        .into_iter()
        .zip(computed)
        .filter(|(round, computed)| computed.results.access(&caller.grants, round.root).is_some())
        .collect())
}

/// The results the page `asked` for, as the viewer may see them under `rules`.
pub async fn load_org_results(
    pool: &Pool,
    cache: &ResultsCache,
    rules: PrivacyRules,
    caller: &Caller,
    asked: &ResultsQuery,
) -> Result<OrgResults, AppError> {
    let rounds = visible_rounds(pool, cache, caller).await?;
    let position = match asked.round {
        Some(id) => rounds.iter().position(|(round, _)| round.id == RoundId(id)).ok_or(AppError::NotFound)?,
        None => 0,
    };
    let (round, computed) = rounds.get(position).ok_or(AppError::NotFound)?;
    let (framework, results) = (&computed.framework, &computed.results);

    // An organisation that exists but not in this round's tree (say, one formed by a later
    // merger, after another round was chosen) gives way to the round's top.
    let asked_node = NodeId(asked.node.unwrap_or(round.root.0));
    let known =
        results.node(asked_node).is_some() || db::org::node_at(pool, asked_node, clock::today()).await?.is_none();
    let node = if known { asked_node } else { round.root };
    let tree_node = results.node(node).ok_or(AppError::NotFound)?.clone();
    let Some(access) = results.access(&caller.grants, node) else {
        tracing::warn!(user = %caller.id, %node, "results access denied");
        return Err(AppError::Forbidden);
    };
    let full = access == ResultsAccess::Everything;

    // Where the children are förvaltningar and bolag, the page can keep one type of them.
    let kind_filter_offered = results.offers_type_filter(node);
    let kind = asked.kind.filter(|_| kind_filter_offered);
    let scope = Scope::of(node, kind);
    let disclosure = Disclosure::new(results, &caller.grants, rules, framework);
    let (own, total) = match kind {
        None => (results.figures(node), results.units_total(node)),
        Some(kind) => results.figures_of_type(node, kind),
    };
    let figures = figure_keys(framework)
        .into_iter()
        .map(|(key, name, group)| {
            let figure = shown(disclosure.figure(scope, &key), figure(own, &key));
            FigureRow { key, name, group, figure }
        })
        .collect();

    let sort = asked.sort.clone().filter(|sort| match sort {
        SortColumn::Dimension(key) => framework.dimensions.iter().any(|dimension| dimension.key.as_str() == key),
        _ => true,
    });
    let query = ResultsQuery {
        round: Some(round.id.0),
        node: Some(node.0),
        kind,
        descending: asked.descending && sort.is_some(),
        sort,
    };
    let children = children_rows(results, &disclosure, framework, caller, node, full, &query);

    let path = results.path(node).unwrap_or_default();
    let breadcrumb = path[..path.len().saturating_sub(1)]
        .iter()
        .filter_map(|id| results.node(*id).map(|n| Crumb { id: id.0, name: n.name.clone() }))
        .collect();
    let submitted = shown_count(disclosure.count(scope), own.map_or(0, |f| f.units));

    // The rounds up to this one, oldest first, for the trend and the previous round.
    let mut history: Vec<(&db::rounds::Round, Arc<ComputedRound>)> = rounds
        .iter()
        .skip(position)
        .take(TREND_ROUNDS)
        .map(|(earlier, computed)| (earlier, Arc::clone(computed)))
        .collect();
    history.reverse();
    // Predecessors as they were go with a trend in today's organisation (a viewer who sees
    // the node in full); nobody else needs them looked up.
    let predecessors = if full && kind.is_none() && tree_node.kind != crate::domain::org::OrgKind::Unit {
        db::org::predecessors(pool, node).await?
    } else {
        Vec::new()
    };
    let trend = super::trend::trend(&history, framework, &caller.grants, rules, node, kind, &predecessors);
    let is_unit = tree_node.kind == crate::domain::org::OrgKind::Unit;
    let profile = is_unit.then(|| super::profile::profile(&history, &caller.grants, rules, node));
    let comparison = (!is_unit).then(|| super::comparison::comparison(&history, &caller.grants, rules, node));

    Ok(OrgResults {
        round: round.into(),
        rounds: rounds.iter().map(|(round, _)| RoundSummary::from(round)).collect(),
        node_id: node.0,
        node_name: tree_node.name,
        node_kind: tree_node.kind,
        replaced: node != asked_node,
        breadcrumb,
        full,
        privacy: rules,
        submitted,
        total,
        figures,
        dimension_names: framework.dimensions.iter().map(|dimension| dimension.name.clone()).collect(),
        children,
        level_names: framework.levels.iter().map(|level| level.name.clone()).collect(),
        query,
        kind_filter_offered,
        profile,
        comparison,
        trend,
    })
}

/// The node's children side by side, as the viewer may see them, in the query's order.
fn children_rows(
    results: &RoundResults,
    disclosure: &Disclosure,
    framework: &Framework,
    caller: &Caller,
    node: NodeId,
    full: bool,
    query: &ResultsQuery,
) -> Vec<ChildRow> {
    let mut rows: Vec<ChildRow> = results
        .children(node)
        .iter()
        .filter_map(|child| {
            let child_node = results.node(*child)?;
            if query.kind.is_some_and(|kind| !kind.matches(child_node.kind)) {
                return None;
            }
            let child_access = results.access(&caller.grants, *child);
            // Beside the viewer's own chain only those who see everything here see others.
            if !full && child_access.is_none() {
                return None;
            }
            let child_figures = results.figures(*child);
            let scope = Scope::Node(*child);
            let mean = |key: &str| shown_mean(disclosure.figure(scope, key), figure(child_figures, key));
            Some(ChildRow {
                id: child.0,
                name: child_node.name.clone(),
                kind: child_node.kind,
                submitted: shown_count(disclosure.count(scope), child_figures.map_or(0, |f| f.units)),
                total: results.units_total(*child),
                index: mean(INDEX_KEY),
                dimensions: framework.dimensions.iter().map(|dimension| mean(dimension.key.as_str())).collect(),
                link: child_access.is_some(),
            })
        })
        .collect();
    let column = query.sort.clone().unwrap_or(SortColumn::Name);
    let value_of = |row: &ChildRow| -> Option<f64> {
        match &column {
            SortColumn::Name => None,
            SortColumn::Index => row.index.value().copied(),
            SortColumn::Dimension(key) => framework
                .dimensions
                .iter()
                .position(|dimension| dimension.key.as_str() == key)
                .and_then(|at| row.dimensions.get(at))
                .and_then(|value| value.value().copied()),
        }
    };
    rows.sort_by(|a, b| {
        let by_value = match (value_of(a), value_of(b)) {
            (Some(x), Some(y)) => {
                let order = x.total_cmp(&y);
                if query.descending { order.reverse() } else { order }
            }
            // Rows without a value go last, whichever way.
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let by_name = a.name.cmp(&b.name);
        let by_name = if column == SortColumn::Name && query.descending { by_name.reverse() } else { by_name };
        by_value.then(by_name).then(a.id.cmp(&b.id))
    });
    rows
}
