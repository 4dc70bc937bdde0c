//! Form posts kept for later (see the migration `pending_save`): single use, pruned after a
//! day.

use super::Pool;
use crate::domain::ids::UserId;
use chrono::{DateTime, Duration, Utc};

/// Who may take a kept post back.
#[derive(Clone, Debug, PartialEq)]
pub enum Owner {
    /// A signed-in person.
    User(UserId),
    /// Whoever holds the browser key (its SHA-256 is stored).
    Browser { key_hash: String },
}

/// Keeps `payload` under `token`, and drops posts older than a day.
pub async fn keep(
    pool: &Pool,
    token: &str,
    owner: &Owner,
    payload: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let (user, key_hash) = match owner {
        Owner::User(user) => (Some(user.0), None),
        Owner::Browser { key_hash } => (None, Some(key_hash.as_str())),
    };
    let mut tx = super::pool::begin_write(pool).await?;
    sqlx::query("DELETE FROM pending_save WHERE created_at < $1")
        .bind(now - Duration::days(1))
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO pending_save (token, user_id, browser_key_hash, payload, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token)
    .bind(user)
    .bind(key_hash)
    .bind(payload)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Takes the post kept under `token` if `owner` owns it and it is less than a day old.
/// It is gone afterwards.
pub async fn take(pool: &Pool, token: &str, owner: &Owner, now: DateTime<Utc>) -> Result<Option<String>, sqlx::Error> {
    let (user, key_hash) = match owner {
        Owner::User(user) => (Some(user.0), None),
        Owner::Browser { key_hash } => (None, Some(key_hash.as_str())),
    };
    sqlx::query_scalar(
        "DELETE FROM pending_save
         WHERE token = $1 AND created_at >= $2
           AND ((user_id IS NOT NULL AND user_id = $3) OR (browser_key_hash IS NOT NULL AND browser_key_hash = $4))
         RETURNING payload",
    )
    .bind(token)
    .bind(now - Duration::days(1))
    .bind(user)
    .bind(key_hash)
    .fetch_optional(pool)
    .await
}

/// Reads the post kept under `token` if `owner` owns it and it is less than a day old,
/// leaving it in place.
pub async fn read(pool: &Pool, token: &str, owner: &Owner, now: DateTime<Utc>) -> Result<Option<String>, sqlx::Error> {
    let (user, key_hash) = match owner {
        Owner::User(user) => (Some(user.0), None),
        Owner::Browser { key_hash } => (None, Some(key_hash.as_str())),
    };
    sqlx::query_scalar(
        "SELECT payload FROM pending_save
         WHERE token = $1 AND created_at >= $2
           AND ((user_id IS NOT NULL AND user_id = $3) OR (browser_key_hash IS NOT NULL AND browser_key_hash = $4))",
    )
    .bind(token)
    .bind(now - Duration::days(1))
    .bind(user)
    .bind(key_hash)
    .fetch_optional(pool)
    .await
}
