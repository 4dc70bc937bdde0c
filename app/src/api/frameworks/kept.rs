//! A refused edit of a draft, kept between a plain form post (no script) and the form it goes
//! back to (server only): in `pending_save` like other kept posts, found by a random token
//! in the address, only by the person who sent it, for a day.

use super::types::RefusedDraft;
use crate::api::context::Caller;
use crate::api::error::AppError;
use crate::db::pending::{self, Owner};
use crate::db::{Pool, clock};
use crate::domain::ids::{FrameworkVersionId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Kept {
    version: FrameworkVersionId,
    refused: RefusedDraft,
}

/// Keeps a refused edit of `version` for `owner`; the token finds it.
pub async fn keep(
    pool: &Pool,
    owner: UserId,
    version: FrameworkVersionId,
    refused: RefusedDraft,
) -> Result<String, AppError> {
    let token = uuid::Uuid::new_v4().simple().to_string();
    let payload = serde_json::to_string(&Kept { version, refused }).map_err(|error| {
        tracing::error!(%error, "a refused draft could not be kept");
        AppError::Internal
    })?;
    pending::keep(pool, &token, &Owner::User(owner), &payload, clock::now()).await?;
    Ok(token)
}

/// The refused edit of `version` the caller kept under `token` (it stays: a reload shows it
/// again).
pub async fn refused(
    pool: &Pool,
    caller: &Caller,
    token: &str,
    version: FrameworkVersionId,
) -> Result<Option<RefusedDraft>, AppError> {
    if token.is_empty() {
        return Ok(None);
    }
    let payload = pending::read(pool, token, &Owner::User(caller.id), clock::now()).await?;
    Ok(payload
        .and_then(|payload| serde_json::from_str::<Kept>(&payload).ok())
        .filter(|kept| kept.version == version)
        .map(|kept| kept.refused))
}
