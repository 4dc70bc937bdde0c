//! Form posts kept for later (see the migrations `pending_save` and `known_browser`):
//! single use, pruned after a day; at most [`MAX_KEPT_PER_BROWSER`] per browser.

use super::Pool;
use super::error::DbResult;
use crate::domain::ids::UserId;
use chrono::{DateTime, Duration, Utc};

/// The most posts kept for one browser; keeping another drops its oldest.
pub const MAX_KEPT_PER_BROWSER: i64 = 5;

/// Who may take a kept post back.
#[derive(Clone, Debug, PartialEq)]
pub enum Owner {
    /// A signed-in person, wherever they are signed in.
    User(UserId),
    /// `user`, signing in again on the browser whose key hashes to `key_hash` (only the
    /// hash is stored).
    Browser { key_hash: String, user: UserId },
}

impl Owner {
    fn columns(&self) -> (i64, Option<&str>) {
        match self {
            Owner::User(user) => (user.0, None),
            Owner::Browser { key_hash, user } => (user.0, Some(key_hash.as_str())),
        }
    }
}

/// Keeps `payload` under `token`, drops posts older than a day, and keeps at most
/// [`MAX_KEPT_PER_BROWSER`] for a browser.
pub async fn keep(pool: &Pool, token: &str, owner: &Owner, payload: &str, now: DateTime<Utc>) -> DbResult<()> {
    let (user, key_hash) = owner.columns();
    let mut tx = super::pool::begin_write(pool).await?;
    super::sql::query("DELETE FROM pending_save WHERE created_at < $1")
        .bind(now - Duration::days(1))
        .execute(&mut *tx)
        .await?;
    super::sql::query(
        "INSERT INTO pending_save (token, user_id, browser_key_hash, payload, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token)
    .bind(user)
    .bind(key_hash)
    .bind(payload)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if let Some(key_hash) = key_hash {
        super::sql::query(
            "DELETE FROM pending_save WHERE browser_key_hash = $1 AND token NOT IN (
                SELECT token FROM pending_save WHERE browser_key_hash = $1
                ORDER BY created_at DESC, token LIMIT $2)",
        )
        .bind(key_hash)
        .bind(MAX_KEPT_PER_BROWSER)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Takes the post kept under `token` if `owner` owns it and it is less than a day old.
/// It is gone afterwards.
pub async fn take(pool: &Pool, token: &str, owner: &Owner, now: DateTime<Utc>) -> DbResult<Option<String>> {
    let (user, key_hash) = owner.columns();
    // The row is the owner's: `$3` the user, `$4` the browser's key hash (NULL for a post
    // kept for the person wherever they are signed in).
    Ok(super::sql::query_scalar(
        "DELETE FROM pending_save
         WHERE token = $1 AND created_at >= $2
           AND user_id = $3 AND (browser_key_hash = $4 OR (browser_key_hash IS NULL AND $4 IS NULL))
         RETURNING payload",
    )
    .bind(token)
    .bind(now - Duration::days(1))
    .bind(user)
    .bind(key_hash)
    .fetch_optional(pool)
    .await?)
}

/// Reads the post kept under `token` if `owner` owns it and it is less than a day old,
/// leaving it in place.
pub async fn read(pool: &Pool, token: &str, owner: &Owner, now: DateTime<Utc>) -> DbResult<Option<String>> {
    let (user, key_hash) = owner.columns();
    Ok(super::sql::query_scalar(
        "SELECT payload FROM pending_save
         WHERE token = $1 AND created_at >= $2
           AND user_id = $3 AND (browser_key_hash = $4 OR (browser_key_hash IS NULL AND $4 IS NULL))",
    )
    .bind(token)
    .bind(now - Duration::days(1))
    .bind(user)
    .bind(key_hash)
    .fetch_optional(pool)
    .await?)
}
