//! What every people endpoint starts with (server only): who is asking and which part of the
//! register they work with (`domain::people_access`), the organisations of today, and how a
//! refused form is answered.

use super::kept;
use super::types::{PersonSummary, RoleHeld};
use crate::api::context::{Caller, caller, is_plain_form_post, request_id, state};
use crate::api::error::AppError;
use crate::api::organisation::{NodeHit, SEARCH_LIMIT};
use crate::db::audit::ChangeContext;
use crate::db::people::PersonRow;
use crate::db::{self, Pool, clock};
use crate::domain::ids::{NodeId, UserId};
use crate::domain::org::OrgKind;
use crate::domain::org_search;
use crate::domain::people_access::{PeopleScope, manages_accounts, may_take_role};
use crate::domain::raw_answers::FieldError;
use crate::domain::results::TreeNode;
use crate::domain::rights::RoleGrant;
use crate::routes::{Notice, with_notice};
use crate::state::AppState;
use std::collections::HashMap;

/// Someone who administers people, with what they need to.
pub struct Admin {
    pub state: AppState,
    pub pool: Pool,
    pub caller: Caller,
    /// The root of the tree (the city).
    pub city: NodeId,
    pub scope: PeopleScope,
}

/// The caller, if they administer people at all (`Forbidden` otherwise).
pub async fn admin() -> Result<Admin, AppError> {
    let caller = caller().await?;
    let state = state()?;
    let pool = state.pool.clone();
    let city = db::org::city_root(&pool).await?.ok_or(AppError::NotFound)?;
    let scope = PeopleScope::of(&caller.grants, city).ok_or(AppError::Forbidden)?;
    Ok(Admin { state, pool, caller, city, scope })
}

impl Admin {
    /// Who makes a change, now, with this request.
    pub fn context(&self) -> ChangeContext {
        ChangeContext { actor: self.caller.id, request_id: request_id(), at: clock::now() }
    }

    /// Whether they manage every account (create without a role, deactivate, send links).
    pub fn manages_accounts(&self) -> bool {
        manages_accounts(&self.caller.grants, self.city)
    }

    /// The nodes of today they work in: the whole tree, or their subtrees.
    pub async fn nodes(&self) -> Result<Vec<TreeNode>, AppError> {
        let today = clock::today();
        let roots = match &self.scope {
            PeopleScope::Everyone => vec![self.city],
            PeopleScope::Within(roots) => roots.clone(),
        };
        let mut nodes = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for root in roots {
            // Subtrees may nest (a head of an administration and of a department in it).
            let below = db::results::nodes_under(&self.pool, root, today).await?;
            nodes.extend(below.into_iter().filter(|node| seen.insert(node.id)));
        }
        Ok(nodes)
    }

    /// Organisations whose names match `query` in what they work with (units only if
    /// `units_only`), as the organisation search finds them.
    pub async fn find_nodes(&self, query: &str, units_only: bool) -> Result<Vec<NodeHit>, AppError> {
        if query.trim().is_empty() {
            return Ok(Vec::new());
        }
        let query: String = query.chars().take(100).collect();
        let mut nodes = self.nodes().await?;
        if units_only {
            // Their parents stay, to name where each unit is.
            let wanted: Vec<TreeNode> = nodes.iter().filter(|node| node.kind == OrgKind::Unit).cloned().collect();
            let found = org_search::search(&wanted, &query, SEARCH_LIMIT);
            let by_id: HashMap<NodeId, TreeNode> = nodes.drain(..).map(|node| (node.id, node)).collect();
            return Ok(found
                .into_iter()
                .map(|found| NodeHit {
                    within: within(found.id, &by_id),
                    id: found.id,
                    name: found.name,
                    kind: found.kind,
                })
                .collect());
        }
        Ok(org_search::search(&nodes, &query, SEARCH_LIMIT)
            .into_iter()
            .map(|found| NodeHit { id: found.id, name: found.name, kind: found.kind, within: found.within })
            .collect())
    }

    /// Whether a person with `roles` is someone they work with: everyone for the quality
    /// department, people with a role in their subtree for a head.
    pub fn sees(&self, roles: &[RoleGrant], paths: &Paths) -> bool {
        self.scope.is_everyone() || roles.iter().any(|grant| self.scope.covers(paths.of(grant.node)))
    }

    /// `person` with the roles of theirs they may see, each saying whether they may take it.
    pub fn summary(&self, person: PersonRow, roles: &[RoleGrant], paths: &Paths) -> PersonSummary {
        let roles = roles
            .iter()
            .filter(|grant| self.scope.covers(paths.of(grant.node)))
            .map(|grant| RoleHeld {
                role: grant.role,
                node: grant.node,
                node_name: paths.name(grant.node),
                node_kind: paths.kind(grant.node),
                within: paths.within(grant.node),
                may_take: self.may_take(*grant, person.id, paths),
            })
            .collect();
        PersonSummary {
            id: person.id,
            name: person.name,
            email: person.email,
            active: !person.disabled,
            has_password: person.has_password,
            roles,
        }
    }

    /// Whether they may take `grant` from `person`. A role on an organisation that no
    /// longer exists is left to those who manage every account.
    pub fn may_take(&self, grant: RoleGrant, person: UserId, paths: &Paths) -> bool {
        let path = paths.of(grant.node);
        if path.is_empty() {
            return self.manages_accounts() && person != self.caller.id;
        }
        may_take_role(&self.caller.grants, grant.role, path, self.caller.id, person).is_ok()
    }

    /// Refuses a form. With script, the page gets the problems (`Invalid`) and keeps what
    /// was typed; a plain post keeps `values` (never a password) with the problems and is
    /// sent back to `page` to show them (`?avvisad=`). Returns `Ok` only for a plain post.
    pub async fn refuse(
        &self,
        page: &str,
        values: Vec<(String, String)>,
        problems: Vec<FieldError>,
    ) -> Result<(), AppError> {
        refuse(&self.pool, self.caller.id, page, values, problems).await
    }
}

/// [`Admin::refuse`] for a form kept for `owner`.
pub async fn refuse(
    pool: &Pool,
    owner: UserId,
    page: &str,
    values: Vec<(String, String)>,
    problems: Vec<FieldError>,
) -> Result<(), AppError> {
    if !is_plain_form_post() {
        return Err(AppError::Invalid { fields: problems, saved_version: None });
    }
    let token = kept::keep_refused(pool, owner, values, problems).await?;
    leptos_axum::redirect(&with_notice(page, &Notice::Refused(token)));
    Ok(())
}

/// The names above a node (below the city), from the top down.
fn within(id: NodeId, by_id: &HashMap<NodeId, TreeNode>) -> Vec<String> {
    let mut names = Vec::new();
    let mut at = by_id.get(&id).and_then(|node| node.parent).and_then(|parent| by_id.get(&parent));
    while let Some(node) = at.filter(|_| names.len() < 32) {
        if node.kind != OrgKind::City {
            names.push(node.name.clone());
        }
        at = node.parent.and_then(|parent| by_id.get(&parent));
    }
    names.reverse();
    names
}

/// The tree of today: every node's path, name and kind.
pub struct Paths {
    nodes: HashMap<NodeId, TreeNode>,
    paths: HashMap<NodeId, Vec<NodeId>>,
}

impl Paths {
    /// Today's tree, read in one query.
    pub async fn today(pool: &Pool) -> Result<Paths, AppError> {
        let mut conn = pool.acquire().await?;
        let nodes = db::people::tree_on(&mut conn, clock::today()).await?;
        Ok(Paths::from_nodes(nodes))
    }

    pub fn from_nodes(nodes: Vec<TreeNode>) -> Paths {
        let paths = crate::domain::tree_paths::paths(&nodes);
        Paths { nodes: nodes.into_iter().map(|node| (node.id, node)).collect(), paths }
    }

    /// The nodes of today in `scope`'s subtrees.
    pub fn covered_by(&self, scope: &PeopleScope) -> Vec<NodeId> {
        self.paths.iter().filter(|(_, path)| scope.covers(path)).map(|(node, _)| *node).collect()
    }

    /// The node's path from the root; empty if it does not exist today.
    pub fn of(&self, node: NodeId) -> &[NodeId] {
        self.paths.get(&node).map_or(&[], Vec::as_slice)
    }

    pub fn name(&self, node: NodeId) -> String {
        self.nodes.get(&node).map(|node| node.name.clone()).unwrap_or_default()
    }

    pub fn kind(&self, node: NodeId) -> Option<OrgKind> {
        self.nodes.get(&node).map(|node| node.kind)
    }

    /// The names above the node (below the city), from the top down.
    pub fn within(&self, node: NodeId) -> Vec<String> {
        within(node, &self.nodes)
    }

    /// The nodes directly under `node` today.
    pub fn children(&self, node: NodeId) -> Vec<NodeId> {
        self.nodes.values().filter(|child| child.parent == Some(node)).map(|child| child.id).collect()
    }

    /// How many units (enheter) each of `nodes` has in its subtree today (itself included).
    pub fn unit_counts(&self, nodes: &[NodeId]) -> HashMap<NodeId, usize> {
        let wanted: std::collections::HashSet<NodeId> = nodes.iter().copied().collect();
        let mut counts: HashMap<NodeId, usize> = nodes.iter().map(|node| (*node, 0)).collect();
        for (id, path) in &self.paths {
            if self.kind(*id) != Some(OrgKind::Unit) {
                continue;
            }
            for above in path.iter().filter(|above| wanted.contains(above)) {
                *counts.entry(*above).or_default() += 1;
            }
        }
        counts
    }

    /// The node as a search hit.
    pub fn hit(&self, node: NodeId) -> Option<NodeHit> {
        let found = self.nodes.get(&node)?;
        Some(NodeHit { id: node, name: found.name.clone(), kind: found.kind, within: self.within(node) })
    }
}
