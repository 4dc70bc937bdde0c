//! What the HR import keeps between its pages (server only), in `pending_save` like the
//! people import: a refused upload's problem, an uploaded file's lines waiting for review,
//! and an applied import's outcome. Found by a random token in the address, only by the
//! person it was kept for, for a day.

use crate::api::error::AppError;
use crate::db::pending::{self, Owner};
use crate::db::{Pool, clock};
use crate::domain::day::Day;
use crate::domain::ids::UserId;
use crate::domain::manager_import::{FileProblem, RawLine};
use crate::domain::org_import::ImportCounts;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
enum Kept {
    Refused {
        problem: Option<FileProblem>,
        bad_change_day: bool,
    },
    /// The file's lines (number, fields) and the change date.
    Import {
        lines: Vec<(usize, Vec<String>)>,
        change_day: Day,
    },
    Imported {
        counts: ImportCounts,
        managers_given: usize,
    },
}

async fn keep_as(pool: &Pool, owner: UserId, token: String, kept: &Kept) -> Result<String, AppError> {
    let payload = serde_json::to_string(kept).map_err(|error| {
        tracing::error!(%error, "a kept import could not be written");
        AppError::Internal
    })?;
    pending::keep(pool, &token, &Owner::User(owner), &payload, clock::now()).await?;
    Ok(token)
}

async fn keep(pool: &Pool, owner: UserId, kept: &Kept) -> Result<String, AppError> {
    keep_as(pool, owner, uuid::Uuid::new_v4().simple().to_string(), kept).await
}

async fn read(pool: &Pool, owner: UserId, token: &str) -> Result<Option<Kept>, AppError> {
    let payload = pending::read(pool, token, &Owner::User(owner), clock::now()).await?;
    Ok(payload.and_then(|payload| serde_json::from_str(&payload).ok()))
}

fn stored(lines: &[RawLine]) -> Vec<(usize, Vec<String>)> {
    lines.iter().map(|line| (line.number, line.cells.clone())).collect()
}

fn restored(lines: Vec<(usize, Vec<String>)>) -> Vec<RawLine> {
    lines.into_iter().map(|(number, cells)| RawLine { number, cells }).collect()
}

/// Keeps why an upload was refused.
pub async fn keep_refused(
    pool: &Pool,
    owner: UserId,
    problem: Option<FileProblem>,
    bad_change_day: bool,
) -> Result<String, AppError> {
    keep(pool, owner, &Kept::Refused { problem, bad_change_day }).await
}

/// Why the upload kept under `token` was refused.
pub async fn refused(pool: &Pool, owner: UserId, token: &str) -> Result<(Option<FileProblem>, bool), AppError> {
    Ok(match read(pool, owner, token).await? {
        Some(Kept::Refused { problem, bad_change_day }) => (problem, bad_change_day),
        _ => (None, false),
    })
}

/// Keeps a file's lines for review.
pub async fn keep_import(pool: &Pool, owner: UserId, lines: &[RawLine], change_day: Day) -> Result<String, AppError> {
    keep(pool, owner, &Kept::Import { lines: stored(lines), change_day }).await
}

/// What `owner` kept under `token`: lines to review, or an applied import's outcome.
pub enum KeptImport {
    Pending { lines: Vec<RawLine>, change_day: Day },
    Applied { counts: ImportCounts, managers_given: usize },
}

pub async fn import(pool: &Pool, owner: UserId, token: &str) -> Result<Option<KeptImport>, AppError> {
    Ok(match read(pool, owner, token).await? {
        Some(Kept::Import { lines, change_day }) => Some(KeptImport::Pending { lines: restored(lines), change_day }),
        Some(Kept::Imported { counts, managers_given }) => Some(KeptImport::Applied { counts, managers_given }),
        _ => None,
    })
}

/// Takes the lines kept under `token`, so they cannot be applied twice.
pub async fn take_import(pool: &Pool, owner: UserId, token: &str) -> Result<Option<(Vec<RawLine>, Day)>, AppError> {
    let payload = pending::take(pool, token, &Owner::User(owner), clock::now()).await?;
    Ok(match payload.and_then(|payload| serde_json::from_str(&payload).ok()) {
        Some(Kept::Import { lines, change_day }) => Some((restored(lines), change_day)),
        _ => None,
    })
}

/// Puts back lines taken to apply, when applying them failed.
pub async fn restore_import(
    pool: &Pool,
    owner: UserId,
    token: &str,
    lines: &[RawLine],
    change_day: Day,
) -> Result<(), AppError> {
    keep_as(pool, owner, token.to_owned(), &Kept::Import { lines: stored(lines), change_day }).await.map(|_| ())
}

/// Keeps an applied import's outcome, to show it.
pub async fn keep_imported(
    pool: &Pool,
    owner: UserId,
    counts: ImportCounts,
    managers_given: usize,
) -> Result<String, AppError> {
    keep(pool, owner, &Kept::Imported { counts, managers_given }).await
}
