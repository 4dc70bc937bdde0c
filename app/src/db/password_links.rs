//! One-time links to choose a password (table `password_link`): only the hash of a link's
//! token is stored; a link lasts until `expires_at` and works once.

use super::error::DbResult;
use super::{Conn, Pool};
use crate::domain::ids::UserId;
use chrono::{DateTime, Utc};

/// A stored link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub person: UserId,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

/// A new link for `person`, sent by `created_by`; their earlier unused links stop working.
pub async fn insert(
    conn: &mut Conn,
    token_hash: &str,
    person: UserId,
    created_by: UserId,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> DbResult<()> {
    super::sql::query("DELETE FROM password_link WHERE user_id = $1 AND used_at IS NULL")
        .bind(person.0)
        .execute(&mut *conn)
        .await?;
    super::sql::query(
        "INSERT INTO password_link (token_hash, user_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(person.0)
    .bind(created_by.0)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The link whose token hashes to `token_hash`.
pub async fn find(pool: &Pool, token_hash: &str) -> DbResult<Option<Link>> {
    let row: Option<(i64, DateTime<Utc>, Option<DateTime<Utc>>)> =
        super::sql::query_as("SELECT user_id, expires_at, used_at FROM password_link WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(person, expires_at, used_at)| Link { person: UserId(person), expires_at, used_at }))
}

/// Marks the link used now, if it was unused; the link as it was before, if it was unused.
/// Whether it had expired is the caller's to check (and to roll back if so).
pub async fn use_once(conn: &mut Conn, token_hash: &str, now: DateTime<Utc>) -> DbResult<Option<Link>> {
    let row: Option<(i64, DateTime<Utc>)> = super::sql::query_as(
        "UPDATE password_link SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL RETURNING user_id, expires_at",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(person, expires_at)| Link { person: UserId(person), expires_at, used_at: None }))
}

/// Stores a person's new password hash.
pub async fn set_password(conn: &mut Conn, person: UserId, password_hash: &str) -> DbResult<()> {
    super::sql::query("UPDATE app_user SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(person.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
