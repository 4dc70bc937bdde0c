//! People who sign in, and the roles they hold on the tree.

use super::error::DbResult;
use super::sql::Row;
use super::{Conn, Pool};
use crate::domain::ids::{NodeId, UserId};
use crate::domain::people::{search_text, sort_key};
use crate::domain::rights::{Role, RoleGrant};

/// A user as stored.
#[derive(Clone, Debug)]
pub struct UserRecord {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub disabled: bool,
}

fn record(row: Row) -> DbResult<UserRecord> {
    Ok(UserRecord {
        id: UserId(row.try_get("id")?),
        email: row.try_get("email")?,
        display_name: row.try_get("display_name")?,
        password_hash: row.try_get("password_hash")?,
        disabled: row.try_get("disabled")?,
    })
}

/// Finds a user by e-mail address (stored in lower case).
pub async fn find_by_email(pool: &Pool, email: &str) -> DbResult<Option<UserRecord>> {
    super::sql::query("SELECT id, email, display_name, password_hash, disabled FROM app_user WHERE email = $1")
        .bind(email.trim().to_lowercase())
        .fetch_optional(pool)
        .await?
        .map(record)
        .transpose()
}

/// The e-mail addresses that end with `suffix` (e.g. `@mognad.test`, the demo accounts'),
/// in the order the users were created. The suffix is matched literally, in lower case as
/// addresses are stored (the same on both backends: PostgreSQL's `LIKE` minds case).
pub async fn emails_ending_with(pool: &Pool, suffix: &str) -> DbResult<Vec<String>> {
    Ok(super::sql::query_scalar(r"SELECT email FROM app_user WHERE email LIKE $1 ESCAPE '\' ORDER BY id")
        .bind(super::like::ending_with(&suffix.to_lowercase()))
        .fetch_all(pool)
        .await?)
}

pub async fn find_by_id(pool: &Pool, id: UserId) -> DbResult<Option<UserRecord>> {
    super::sql::query("SELECT id, email, display_name, password_hash, disabled FROM app_user WHERE id = $1")
        .bind(id.0)
        .fetch_optional(pool)
        .await?
        .map(record)
        .transpose()
}

/// An enabled account with the roles it holds, as a signed-in request needs it.
#[derive(Debug)]
pub struct EnabledUser {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub grants: Vec<RoleGrant>,
}

/// The account `id` with its roles, if it exists and is enabled: one query, which every
/// signed-in request makes.
pub async fn enabled_with_grants(pool: &Pool, id: UserId) -> DbResult<Option<EnabledUser>> {
    let rows: Vec<(String, String, Option<i64>, Option<String>)> = super::sql::query_as(
        "SELECT u.email, u.display_name, r.node_id, r.role
         FROM app_user u LEFT JOIN role_assignment r ON r.user_id = u.id
         WHERE u.id = $1 AND NOT u.disabled
         ORDER BY r.node_id, r.role",
    )
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    let Some((email, display_name, _, _)) = rows.first() else { return Ok(None) };
    let (email, display_name) = (email.clone(), display_name.clone());
    let grants = rows
        .into_iter()
        .filter_map(|(_, _, node, role)| Some(RoleGrant { role: Role::from_key(&role?)?, node: NodeId(node?) }))
        .collect();
    Ok(Some(EnabledUser { id, email, display_name, grants }))
}

/// Creates a user, or updates the name and password of the one with this e-mail address.
pub async fn upsert(conn: &mut Conn, email: &str, display_name: &str, password_hash: Option<&str>) -> DbResult<UserId> {
    let email = email.trim().to_lowercase();
    let id: i64 = super::sql::query_scalar(
        "INSERT INTO app_user (email, display_name, password_hash, created_at, search_text, sort_name)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (email) DO UPDATE SET display_name = excluded.display_name, password_hash = excluded.password_hash,
             search_text = excluded.search_text, sort_name = excluded.sort_name
         RETURNING id",
    )
    .bind(&email)
    .bind(display_name)
    .bind(password_hash)
    .bind(super::clock::now())
    .bind(search_text(display_name, &email))
    .bind(sort_key(display_name))
    .fetch_one(&mut *conn)
    .await?;
    Ok(UserId(id))
}

/// Gives a user a role on a node (and so on its subtree). Granting twice is harmless.
pub async fn grant(conn: &mut Conn, user: UserId, node: NodeId, role: Role) -> DbResult<()> {
    super::sql::query(
        "INSERT INTO role_assignment (user_id, node_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(user.0)
    .bind(node.0)
    .bind(role.key())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The roles a user holds. Unknown role keys are ignored (deny by default).
pub async fn grants(pool: &Pool, user: UserId) -> DbResult<Vec<RoleGrant>> {
    let rows: Vec<(i64, String)> =
        super::sql::query_as("SELECT node_id, role FROM role_assignment WHERE user_id = $1 ORDER BY node_id, role")
            .bind(user.0)
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(node, role)| Role::from_key(&role).map(|role| RoleGrant { role, node: NodeId(node) }))
        .collect())
}
