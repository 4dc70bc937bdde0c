//! Browsers someone has signed in on (see the migration `known_browser`): the hash of the
//! browser's key and who signed in on it last. Unused for 180 days, a browser is forgotten.

use super::Pool;
use super::error::DbResult;
use crate::domain::ids::UserId;
use chrono::{DateTime, Duration, Utc};

/// A browser not used to sign in for this long is forgotten.
pub const FORGET_AFTER_DAYS: i64 = 180;

/// Notes that `user` signed in on the browser whose key hashes to `key_hash`, and forgets
/// browsers unused for [`FORGET_AFTER_DAYS`].
pub async fn remember(pool: &Pool, key_hash: &str, user: UserId, now: DateTime<Utc>) -> DbResult<()> {
    let mut tx = super::pool::begin_write(pool).await?;
    super::sql::query("DELETE FROM known_browser WHERE last_seen < $1")
        .bind(now - Duration::days(FORGET_AFTER_DAYS))
        .execute(&mut *tx)
        .await?;
    super::sql::query(
        "INSERT INTO known_browser (key_hash, user_id, first_seen, last_seen) VALUES ($1, $2, $3, $3)
         ON CONFLICT (key_hash) DO UPDATE SET user_id = excluded.user_id, last_seen = excluded.last_seen",
    )
    .bind(key_hash)
    .bind(user.0)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Who last signed in on the browser whose key hashes to `key_hash`, if it is known and
/// was used in the last [`FORGET_AFTER_DAYS`].
pub async fn last_user(pool: &Pool, key_hash: &str, now: DateTime<Utc>) -> DbResult<Option<UserId>> {
    let user: Option<i64> =
        super::sql::query_scalar("SELECT user_id FROM known_browser WHERE key_hash = $1 AND last_seen >= $2")
            .bind(key_hash)
            .bind(now - Duration::days(FORGET_AFTER_DAYS))
            .fetch_optional(pool)
            .await?;
    Ok(user.map(UserId))
}
