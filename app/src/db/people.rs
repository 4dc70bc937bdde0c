//! The people register as the administration uses it: listing and finding people, their
//! roles with the organisations they are held on, who holds a role covering a node, and
//! creating, deactivating and changing roles. Functions that change take a connection,
//! so the change and its admin-log entry share one transaction.

use super::error::DbResult;
use super::sql::{QueryBuilder, Row};
use super::{Conn, Pool};
use crate::domain::ids::{NodeId, UserId};
use crate::domain::org::OrgKind;
use crate::domain::people::{search_text, sort_key};
use crate::domain::results::TreeNode;
use crate::domain::rights::{Role, RoleGrant};
use chrono::NaiveDate;
use std::collections::HashMap;

/// How many values one `IN (…)` list binds (well under SQLite's limit of variables).
const CHUNK: usize = 500;

/// A person as lists show them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub disabled: bool,
    /// Whether they have a password (else they have not yet chosen one).
    pub has_password: bool,
}

pub(super) fn person_row(row: Row) -> DbResult<PersonRow> {
    Ok(PersonRow {
        id: UserId(row.try_get("id")?),
        email: row.try_get("email")?,
        name: row.try_get("display_name")?,
        disabled: row.try_get("disabled")?,
        has_password: row.try_get("has_password")?,
    })
}

pub(super) const PERSON_COLUMNS: &str = "id, email, display_name, disabled, password_hash IS NOT NULL AS has_password";

/// One person.
pub async fn person(pool: &Pool, id: UserId) -> DbResult<Option<PersonRow>> {
    super::sql::query(format!("SELECT {PERSON_COLUMNS} FROM app_user WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(pool)
        .await?
        .map(person_row)
        .transpose()
}

/// The people with these e-mail addresses (stored in lower case), on a connection.
pub async fn by_emails(conn: &mut Conn, emails: &[&str]) -> DbResult<Vec<PersonRow>> {
    let mut found = Vec::with_capacity(emails.len());
    for chunk in emails.chunks(CHUNK) {
        let mut query = QueryBuilder::new(format!("SELECT {PERSON_COLUMNS} FROM app_user WHERE email IN ("));
        let mut list = query.separated(", ");
        for email in chunk {
            list.push_bind(*email);
        }
        query.push(")");
        for row in query.build().fetch_all(&mut *conn).await? {
            found.push(person_row(row)?);
        }
    }
    Ok(found)
}

/// The roles these people hold: (person, role), ordered by person.
pub async fn roles_of(conn: &mut Conn, people: &[UserId]) -> DbResult<Vec<(UserId, RoleGrant)>> {
    let mut rows: Vec<(i64, i64, String)> = Vec::new();
    for chunk in people.chunks(CHUNK) {
        let mut query = QueryBuilder::new("SELECT user_id, node_id, role FROM role_assignment WHERE user_id IN (");
        let mut list = query.separated(", ");
        for id in chunk {
            list.push_bind(id.0);
        }
        query.push(") ORDER BY user_id, node_id, role");
        rows.extend(query.build_query_as::<(i64, i64, String)>().fetch_all(&mut *conn).await?);
    }
    Ok(grants_of(rows))
}

fn grants_of(rows: Vec<(i64, i64, String)>) -> Vec<(UserId, RoleGrant)> {
    rows.into_iter()
        .filter_map(|(user, node, role)| {
            Role::from_key(&role).map(|role| (UserId(user), RoleGrant { role, node: NodeId(node) }))
        })
        .collect()
}

/// The whole tree as it is on `on`, in one query (flat: each node with its parent).
pub async fn tree_on(conn: &mut Conn, on: NaiveDate) -> DbResult<Vec<TreeNode>> {
    let rows: Vec<(i64, String, String, Option<i64>)> = super::sql::query_as(
        "SELECT n.id, n.kind, v.name, v.parent_id
         FROM org_node n JOIN org_node_version v ON v.node_id = n.id
         WHERE v.valid_from <= $1 AND (v.valid_to IS NULL OR v.valid_to >= $1)",
    )
    .bind(on)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(id, kind, name, parent)| {
            let kind = OrgKind::from_key(&kind)
                .ok_or_else(|| sqlx::Error::Decode(format!("unknown org kind {kind}").into()))?;
            Ok(TreeNode { id: NodeId(id), kind, name, parent: parent.map(NodeId) })
        })
        .collect()
}

/// Someone holding a role on a node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub person: PersonRow,
    pub role: Role,
    pub node: NodeId,
}

/// Everyone holding a role on one of `nodes` (e.g. a node and the nodes above it).
pub async fn holders_on(pool: &Pool, nodes: &[NodeId]) -> DbResult<Vec<Holder>> {
    if nodes.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = QueryBuilder::new(
        "SELECT u.id, u.email, u.display_name, u.disabled, u.password_hash IS NOT NULL AS has_password,
                r.node_id, r.role
         FROM role_assignment r JOIN app_user u ON u.id = r.user_id WHERE r.node_id IN (",
    );
    let mut list = query.separated(", ");
    for node in nodes {
        list.push_bind(node.0);
    }
    query.push(")");
    let mut holders = Vec::new();
    for row in query.build().fetch_all(pool).await? {
        let role: String = row.try_get("role")?;
        let node = NodeId(row.try_get("node_id")?);
        let Some(role) = Role::from_key(&role) else { continue };
        holders.push(Holder { person: person_row(row)?, role, node });
    }
    Ok(holders)
}

/// Creates a person without a password; `None` if the e-mail address is taken.
pub async fn create(conn: &mut Conn, email: &str, name: &str) -> DbResult<Option<UserId>> {
    let id: Option<i64> = super::sql::query_scalar(
        "INSERT INTO app_user (email, display_name, created_at, search_text, sort_name) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(email)
    .bind(name)
    .bind(super::clock::now())
    .bind(search_text(name, email))
    .bind(sort_key(name))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(UserId))
}

/// Deactivates (or reactivates) a person; whether anything changed.
pub async fn set_disabled(conn: &mut Conn, person: UserId, disabled: bool) -> DbResult<bool> {
    let done = super::sql::query("UPDATE app_user SET disabled = $1 WHERE id = $2 AND disabled <> $1")
        .bind(disabled)
        .bind(person.0)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Gives a role; whether it is new (false: already held).
pub async fn give_role(conn: &mut Conn, person: UserId, grant: RoleGrant) -> DbResult<bool> {
    let done = super::sql::query(
        "INSERT INTO role_assignment (user_id, node_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(person.0)
    .bind(grant.node.0)
    .bind(grant.role.key())
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Takes a role; whether it was held.
pub async fn take_role(conn: &mut Conn, person: UserId, grant: RoleGrant) -> DbResult<bool> {
    let done = super::sql::query("DELETE FROM role_assignment WHERE user_id = $1 AND node_id = $2 AND role = $3")
        .bind(person.0)
        .bind(grant.node.0)
        .bind(grant.role.key())
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// The names of these nodes on `on` (nodes that did not exist then are left out).
pub async fn node_names(pool: &Pool, nodes: &[NodeId], on: NaiveDate) -> DbResult<HashMap<NodeId, String>> {
    let mut names = HashMap::with_capacity(nodes.len());
    for chunk in nodes.chunks(CHUNK) {
        let mut query = QueryBuilder::new("SELECT node_id, name FROM org_node_version WHERE node_id IN (");
        let mut list = query.separated(", ");
        for node in chunk {
            list.push_bind(node.0);
        }
        query.push(") AND valid_from <= ").push_bind(on).push(" AND (valid_to IS NULL OR valid_to >= ").push_bind(on);
        query.push(")");
        for (id, name) in query.build_query_as::<(i64, String)>().fetch_all(pool).await? {
            names.insert(NodeId(id), name);
        }
    }
    Ok(names)
}
