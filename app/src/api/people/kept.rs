//! What the people pages keep between a plain form post and the page it leads to (server
//! only), in `pending_save` like the assessment's kept posts: a refused form with what was
//! typed, an uploaded import waiting for review, and an applied import's outcome. Found by a
//! random token in the address, only by the person it was kept for, for a day.

use super::types::RefusedForm;
use crate::api::error::AppError;
use crate::db::pending::{self, Owner};
use crate::db::{Pool, clock};
use crate::domain::ids::UserId;
use crate::domain::manager_import::ImportCounts;
use crate::domain::raw_answers::FieldError;
use serde::{Deserialize, Serialize};

/// What is kept.
#[derive(Serialize, Deserialize)]
enum Kept {
    Refused(RefusedForm),
    /// An import file's text, to review and apply.
    Import {
        text: String,
    },
    /// An applied import's counts.
    Imported {
        counts: ImportCounts,
        links_not_sent: usize,
    },
}

async fn keep(pool: &Pool, owner: UserId, kept: &Kept) -> Result<String, AppError> {
    keep_as(pool, owner, uuid::Uuid::new_v4().simple().to_string(), kept).await
}

async fn keep_as(pool: &Pool, owner: UserId, token: String, kept: &Kept) -> Result<String, AppError> {
    let payload = serde_json::to_string(kept).map_err(|error| {
        tracing::error!(%error, "a kept form could not be written");
        AppError::Internal
    })?;
    pending::keep(pool, &token, &Owner::User(owner), &payload, clock::now()).await?;
    Ok(token)
}

async fn read(pool: &Pool, owner: UserId, token: &str) -> Result<Option<Kept>, AppError> {
    let payload = pending::read(pool, token, &Owner::User(owner), clock::now()).await?;
    Ok(payload.and_then(|payload| serde_json::from_str(&payload).ok()))
}

/// Keeps a refused form for `owner`; the token finds it.
pub async fn keep_refused(
    pool: &Pool,
    owner: UserId,
    values: Vec<(String, String)>,
    problems: Vec<FieldError>,
) -> Result<String, AppError> {
    keep(pool, owner, &Kept::Refused(RefusedForm { values, problems })).await
}

/// The refused form `owner` kept under `token` (it stays: a reload shows it again).
pub async fn refused(pool: &Pool, owner: UserId, token: Option<&str>) -> Result<Option<RefusedForm>, AppError> {
    let Some(token) = token.filter(|token| !token.is_empty()) else { return Ok(None) };
    Ok(match read(pool, owner, token).await? {
        Some(Kept::Refused(form)) => Some(form),
        _ => None,
    })
}

/// Keeps an import file's text for review.
pub async fn keep_import(pool: &Pool, owner: UserId, text: String) -> Result<String, AppError> {
    keep(pool, owner, &Kept::Import { text }).await
}

/// What `owner` kept under `token`: an import to review, or an applied import's outcome.
pub enum KeptImport {
    Pending(String),
    Applied { counts: ImportCounts, links_not_sent: usize },
}

pub async fn import(pool: &Pool, owner: UserId, token: &str) -> Result<Option<KeptImport>, AppError> {
    Ok(match read(pool, owner, token).await? {
        Some(Kept::Import { text }) => Some(KeptImport::Pending(text)),
        Some(Kept::Imported { counts, links_not_sent }) => Some(KeptImport::Applied { counts, links_not_sent }),
        _ => None,
    })
}

/// Takes the import kept under `token`, so it cannot be applied twice.
pub async fn take_import(pool: &Pool, owner: UserId, token: &str) -> Result<Option<String>, AppError> {
    let payload = pending::take(pool, token, &Owner::User(owner), clock::now()).await?;
    Ok(match payload.and_then(|payload| serde_json::from_str(&payload).ok()) {
        Some(Kept::Import { text }) => Some(text),
        _ => None,
    })
}

/// Puts back an import taken to apply, when applying it failed.
pub async fn restore_import(pool: &Pool, owner: UserId, token: &str, text: String) -> Result<(), AppError> {
    keep_as(pool, owner, token.to_owned(), &Kept::Import { text }).await.map(|_| ())
}

/// Keeps an applied import's outcome, to show it.
pub async fn keep_imported(
    pool: &Pool,
    owner: UserId,
    counts: ImportCounts,
    links_not_sent: usize,
) -> Result<String, AppError> {
    keep(pool, owner, &Kept::Imported { counts, links_not_sent }).await
}
