//! Loading the organisation tree's pages (server only). Who may see what is the people
//! administration's scope (`domain::people_access`): the quality department the whole city,
//! closed organisations included; a head the organisations of today in their subtrees.

use super::types::{FormerLine, NodeLine, NodeRound, OrgNodePage, OrgTreePage, PeriodLine, SuccessionLine};
use crate::api::error::AppError;
use crate::api::people::access::{Admin, Paths};
use crate::api::people::search::node_access;
use crate::api::round_summary::RoundSummary;
use crate::db::{self, clock, org_history};
use crate::domain::ids::NodeId;
use crate::domain::org::OrgKind;
use crate::domain::people::sort_key;
use crate::domain::people_access::PeopleScope;
use crate::domain::rights::{Permission, may_anywhere};
use crate::domain::round::RoundStatus;
use crate::domain::status::AssessmentStatus;

/// The most characters of a search that are used.
const QUERY_MAX_CHARS: usize = 100;

/// Whether the viewer may change the organisation (the quality department).
fn may_change(admin: &Admin) -> bool {
    may_anywhere(&admin.caller.grants, Permission::ManageOrganisation)
}

/// Whether the viewer may open the page of `node`: any organisation that ever existed for
/// those who see the whole city, one of today in their subtrees for a head.
fn opens(admin: &Admin, paths: &Paths, node: NodeId) -> bool {
    admin.scope.is_everyone() || admin.scope.covers(paths.of(node))
}

/// `nodes` as lines, ordered from the higher levels of the tree down, then by name.
fn lines(paths: &Paths, nodes: &[NodeId]) -> Vec<NodeLine> {
    let counts = paths.unit_counts(nodes);
    let mut lines: Vec<NodeLine> = nodes
        .iter()
        .filter_map(|id| {
            Some(NodeLine {
                id: *id,
                name: paths.name(*id),
                kind: paths.kind(*id)?,
                units: counts.get(id).copied().unwrap_or_default(),
            })
        })
        .collect();
    let level = |kind: OrgKind| OrgKind::ALL.iter().position(|known| *known == kind).unwrap_or(usize::MAX);
    lines.sort_by_cached_key(|line| (level(line.kind), sort_key(&line.name), line.id));
    lines
}

/// The tree's start page: what `query` finds, and where browsing starts.
pub async fn tree_page(admin: &Admin, query: &str) -> Result<OrgTreePage, AppError> {
    let paths = Paths::today(&admin.pool).await?;
    let query: String = query.trim().chars().take(QUERY_MAX_CHARS).collect();
    let hits = admin.find_nodes(&query, false).await?;
    if !query.is_empty() {
        return Ok(OrgTreePage { query, hits, tops: Vec::new(), former: Vec::new(), may_change: may_change(admin) });
    }
    let tops: Vec<NodeId> = match &admin.scope {
        PeopleScope::Everyone => paths.children(admin.city),
        // A head's own organisations, leaving out those inside another of theirs.
        PeopleScope::Within(roots) => roots
            .iter()
            .copied()
            .filter(|root| {
                let path = paths.of(*root);
                !path.is_empty() && !roots.iter().any(|other| other != root && path.contains(other))
            })
            .collect(),
    };
    let former = if admin.scope.is_everyone() { former_lines(admin, &paths, admin.city).await? } else { Vec::new() };
    Ok(OrgTreePage { query, hits, tops: lines(&paths, &tops), former, may_change: may_change(admin) })
}

/// What was under `node` before today and is not now, the latest to leave first, then by
/// name.
async fn former_lines(admin: &Admin, paths: &Paths, node: NodeId) -> Result<Vec<FormerLine>, AppError> {
    let mut former = org_history::former_children(&admin.pool, node, clock::today()).await?;
    former.sort_by_cached_key(|former| (std::cmp::Reverse(former.until), sort_key(&former.name), former.id));
    Ok(former
        .into_iter()
        .map(|former| FormerLine {
            linkable: opens(admin, paths, former.id),
            id: former.id,
            name: former.name,
            kind: former.kind,
            until: former.until.to_string(),
        })
        .collect())
}

/// An organisation's page; `NotFound` if it never existed, `Forbidden` outside what the
/// viewer may see.
pub async fn node_page(admin: &Admin, node: NodeId) -> Result<OrgNodePage, AppError> {
    let life = org_history::life(&admin.pool, node).await?.ok_or(AppError::NotFound)?;
    let paths = Paths::today(&admin.pool).await?;
    if !opens(admin, &paths, node) {
        return Err(AppError::Forbidden);
    }
    let path = paths.of(node).to_vec();
    let exists_today = !path.is_empty();
    let above = path
        .split_last()
        .map(|(_, above)| above.iter().map(|id| (*id, paths.name(*id), opens(admin, &paths, *id))).collect())
        .unwrap_or_default();
    let periods = org_history::periods(&admin.pool, node)
        .await?
        .into_iter()
        .map(|period| PeriodLine {
            from: period.from.to_string(),
            until: period.until.map(|until| until.to_string()),
            name: period.name,
            parent_linkable: period.parent.as_ref().is_some_and(|(parent, _)| opens(admin, &paths, *parent)),
            parent: period.parent,
        })
        .collect();
    let (predecessors, successors) = org_history::successions(&admin.pool, node).await?;
    let succession_lines = |list: Vec<org_history::Succession>| -> Vec<SuccessionLine> {
        list.into_iter()
            .map(|succession| SuccessionLine {
                linkable: opens(admin, &paths, succession.other),
                id: succession.other,
                name: succession.other_name,
                effective: succession.effective.to_string(),
            })
            .collect()
    };
    let (holders, may_appoint) = if exists_today {
        let access = node_access(admin, &paths, node).await?;
        (access.holders, access.may_appoint)
    } else {
        (Vec::new(), false)
    };
    Ok(OrgNodePage {
        id: node,
        name: if exists_today { paths.name(node) } else { life.last_name },
        kind: life.kind,
        above,
        from: life.from.to_string(),
        until: life.until.map(|until| until.to_string()),
        periods,
        predecessors: succession_lines(predecessors),
        successors: succession_lines(successors),
        children: lines(&paths, &paths.children(node)),
        former_children: former_lines(admin, &paths, node).await?,
        holders,
        rounds: rounds_of(admin, node, life.kind).await?,
        may_change: may_change(admin),
        may_appoint,
    })
}

/// The rounds whose part of the tree held `node` on the round's date, newest first; a
/// unit's status in each round that has opened.
async fn rounds_of(admin: &Admin, node: NodeId, kind: OrgKind) -> Result<Vec<NodeRound>, AppError> {
    let today = clock::today();
    let rounds = db::rounds::list(&admin.pool).await?;
    let starts: Vec<(NodeId, chrono::NaiveDate)> = rounds.iter().map(|round| (node, round.tree_date(today))).collect();
    let paths = db::org::paths_on(&admin.pool, &starts).await?;
    let statuses = if kind == OrgKind::Unit {
        org_history::assessment_statuses(&admin.pool, node).await?
    } else {
        Default::default()
    };
    Ok(rounds
        .iter()
        .filter(|round| {
            paths.get(&(node, round.tree_date(today))).is_some_and(|found| found.path.contains(&round.root))
        })
        .map(|round| NodeRound {
            round: RoundSummary::from(round),
            unit_status: (kind == OrgKind::Unit && round.status != RoundStatus::Draft)
                .then(|| statuses.get(&round.id).copied().unwrap_or(AssessmentStatus::NotStarted)),
        })
        .collect())
}
