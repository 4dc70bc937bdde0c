//! Sign-in budgets kept in the database, so that every server counts against the same ones
//! (`domain::sign_in_budget` has the rule). Each spend is one short write transaction:
//! read the key's instant, decide, write it back.

use super::Pool;
use super::error::DbResult;
use super::pool::begin_write;
use crate::domain::sign_in_budget::{Budget, spend};
use chrono::{DateTime, Utc};

/// Spends one attempt of `key`'s budget at `now`; `Err(seconds to wait)` when it is spent
/// (nothing is spent then). Forgets the keys whose budget is whole again.
pub async fn spend_one(pool: &Pool, key: &str, budget: Budget, now: DateTime<Utc>) -> DbResult<Result<(), u64>> {
    let mut tx = begin_write(pool).await?;
    super::sql::query("DELETE FROM sign_in_budget WHERE spent_until <= $1").bind(now).execute(&mut tx).await?;
    let spent_until: Option<DateTime<Utc>> =
        super::sql::query_scalar("SELECT spent_until FROM sign_in_budget WHERE budget_key = $1")
            .bind(key)
            .fetch_optional(&mut tx)
            .await?;
    let decided = spend(budget, spent_until.map(|instant| instant.timestamp_millis()), now.timestamp_millis());
    if let Ok(next) = decided {
        let next = DateTime::<Utc>::from_timestamp_millis(next).unwrap_or(now);
        super::sql::query(
            "INSERT INTO sign_in_budget (budget_key, spent_until) VALUES ($1, $2)
             ON CONFLICT (budget_key) DO UPDATE SET spent_until = excluded.spent_until",
        )
        .bind(key)
        .bind(next)
        .execute(&mut tx)
        .await?;
    }
    tx.commit().await?;
    Ok(decided.map(|_| ()))
}

/// Whether `key`'s budget has an attempt left at `now`, spending nothing:
/// `Err(seconds to wait)` when it has not.
pub async fn check(pool: &Pool, key: &str, budget: Budget, now: DateTime<Utc>) -> DbResult<Result<(), u64>> {
    let spent_until: Option<DateTime<Utc>> =
        super::sql::query_scalar("SELECT spent_until FROM sign_in_budget WHERE budget_key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await?;
    Ok(spend(budget, spent_until.map(|instant| instant.timestamp_millis()), now.timestamp_millis()).map(|_| ()))
}
