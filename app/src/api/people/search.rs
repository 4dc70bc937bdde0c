//! Finding people and reading who holds which role (server only).

use super::access::{Admin, Paths};
use super::types::{AccessHolder, NodeAccess, PeoplePage};
use crate::api::error::AppError;
use crate::api::organisation::NodeHit;
use crate::db::people_search::Among;
use crate::db::{self, Pool};
use crate::domain::ids::{NodeId, UserId};
use crate::domain::org::OrgKind;
use crate::domain::people::{PAGE_SIZE, PeopleQuery, sort_key};
use crate::domain::people_access::PeopleScope;
use crate::domain::rights::{Role, RoleGrant, may_give_role};
use std::collections::HashMap;

/// The roles `person` holds.
pub async fn roles_of(pool: &Pool, person: UserId) -> Result<Vec<RoleGrant>, AppError> {
    let mut conn = pool.acquire().await?;
    Ok(db::people::roles_of(&mut conn, &[person]).await?.into_iter().map(|(_, grant)| grant).collect())
}

/// Page `page` of the people matching `query` among those the admin works with (everyone,
/// or those holding a role in their subtrees), each with the roles of theirs the admin may
/// see.
pub async fn find(admin: &Admin, paths: &Paths, query: &str, page: usize) -> Result<PeoplePage, AppError> {
    let wanted = PeopleQuery::parse(query);
    let in_scope: Vec<NodeId>;
    let among = match &admin.scope {
        PeopleScope::Everyone => Among::Everyone,
        PeopleScope::Within(_) => {
            in_scope = paths.covered_by(&admin.scope);
            Among::HoldingRoleOn(&in_scope)
        }
    };
    let found = db::people_search::search(&admin.pool, among, &wanted, page, PAGE_SIZE).await?;
    let shown: Vec<UserId> = found.people.iter().map(|row| row.id).collect();
    let mut conn = admin.pool.acquire().await?;
    let mut roles: HashMap<UserId, Vec<RoleGrant>> = HashMap::new();
    for (person, grant) in db::people::roles_of(&mut conn, &shown).await? {
        roles.entry(person).or_default().push(grant);
    }
    let people = found
        .people
        .into_iter()
        .map(|row| {
            let held = roles.get(&row.id).map_or(&[][..], Vec::as_slice);
            admin.summary(row, held, paths)
        })
        .collect();
    Ok(PeoplePage {
        query: query.chars().take(crate::domain::people::QUERY_MAX_CHARS).collect(),
        people,
        total: found.total,
        page: found.page,
        pages: found.pages,
        everyone: admin.scope.is_everyone(),
        org_query: String::new(),
        org_hits: Vec::new(),
    })
}

/// `unit` as a search hit, if it is a unit of today whose managers the admin may appoint:
/// `NotFound` if it is no unit, `Forbidden` if it is outside what they may.
pub fn appointable_unit(admin: &Admin, paths: &Paths, unit: NodeId) -> Result<NodeHit, AppError> {
    let path = paths.of(unit);
    if path.is_empty() || paths.kind(unit) != Some(OrgKind::Unit) {
        return Err(AppError::NotFound);
    }
    if !may_give_role(&admin.caller.grants, Role::UnitManager, path) {
        return Err(AppError::Forbidden);
    }
    paths.hit(unit).ok_or(AppError::NotFound)
}

/// Everyone whose role covers `node` (held on it or above it), from the top down.
pub async fn node_access(admin: &Admin, paths: &Paths, node: NodeId) -> Result<NodeAccess, AppError> {
    let path = paths.of(node);
    let hit = paths.hit(node).ok_or(AppError::NotFound)?;
    if !admin.scope.covers(path) {
        return Err(AppError::Forbidden);
    }
    let depth = |held_on: NodeId| path.iter().position(|id| *id == held_on).unwrap_or(usize::MAX);
    let role_order = |role: Role| Role::ALL.iter().position(|known| *known == role).unwrap_or(usize::MAX);
    let mut holders: Vec<AccessHolder> = db::people::holders_on(&admin.pool, path)
        .await?
        .into_iter()
        .map(|holder| AccessHolder {
            person: holder.person.id,
            name: holder.person.name,
            email: holder.person.email,
            active: !holder.person.disabled,
            role: holder.role,
            held_on: holder.node,
            held_on_name: paths.name(holder.node),
            inherited: holder.node != node,
            linkable: admin.scope.covers(paths.of(holder.node)),
        })
        .collect();
    holders.sort_by(|a, b| {
        (depth(a.held_on), role_order(a.role), sort_key(&a.name), a.person).cmp(&(
            depth(b.held_on),
            role_order(b.role),
            sort_key(&b.name),
            b.person,
        ))
    });
    Ok(NodeAccess {
        may_appoint: hit.kind == OrgKind::Unit && may_give_role(&admin.caller.grants, Role::UnitManager, path),
        node: hit,
        holders,
    })
}
