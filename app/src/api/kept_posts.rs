//! Plain (script-free) form posts kept for later, so nothing typed is lost (server only): a
//! whole assessment form sent after the session expired, kept until the same person signs
//! in again on the same browser; and the editor's side of fields that conflicted with
//! someone else's, kept for them to see beside the other version. Stored in `pending_save`,
//! found by a random token in the address, pruned after a day.

use super::context::Caller;
use super::error::AppError;
use crate::db::pending::{self, Owner};
use crate::db::{Pool, clock};
use crate::domain::actions::ActionConflict;
use crate::domain::ids::{ActionId, NodeId, RoundId};
use crate::domain::merge::FieldConflict;
use crate::domain::raw_answers::AssessmentForm;
use serde::{Deserialize, Serialize};

/// What is kept.
#[derive(Serialize, Deserialize)]
pub enum Kept {
    /// A whole form post, to save after sign-in.
    Form(Box<AssessmentForm>),
    /// The editor's side of conflicting fields, to show beside the other person's.
    Conflicts { round_id: RoundId, unit_id: NodeId, conflicts: Vec<FieldConflict> },
    /// The same for the fields of an improvement action.
    ActionConflicts { round_id: RoundId, unit_id: NodeId, action_id: ActionId, conflicts: Vec<ActionConflict> },
}

/// Keeps `kept` for `owner`; returns the token that finds it again.
pub async fn keep(pool: &Pool, owner: &Owner, kept: &Kept) -> Result<String, AppError> {
    let token = uuid::Uuid::new_v4().simple().to_string();
    let payload = serde_json::to_string(kept).map_err(|error| {
        tracing::error!(%error, "a kept post could not be written");
        AppError::Internal
    })?;
    pending::keep(pool, &token, owner, &payload, clock::now()).await?;
    Ok(token)
}

/// Takes what `owner` kept under `token` (it is gone afterwards).
pub async fn take(pool: &Pool, owner: &Owner, token: &str) -> Result<Option<Kept>, AppError> {
    let payload = pending::take(pool, token, owner, clock::now()).await?;
    Ok(payload.and_then(|payload| serde_json::from_str(&payload).ok()))
}

/// Reads what `caller` kept under `token`, leaving it in place (a reload shows it again).
async fn read(pool: &Pool, caller: &Caller, token: &str) -> Result<Option<Kept>, AppError> {
    let payload = pending::read(pool, token, &Owner::User(caller.id), clock::now()).await?;
    Ok(payload.and_then(|payload| serde_json::from_str(&payload).ok()))
}

/// The conflicting fields `caller` kept under `token`, if they are about this round and unit.
pub async fn conflicts(
    pool: &Pool,
    caller: &Caller,
    token: &str,
    round: RoundId,
    unit: NodeId,
) -> Result<Vec<FieldConflict>, AppError> {
    Ok(match read(pool, caller, token).await? {
        Some(Kept::Conflicts { round_id, unit_id, conflicts }) if round_id == round && unit_id == unit => conflicts,
        _ => Vec::new(),
    })
}

/// The action and its conflicting fields `caller` kept under `token`, if in this round and
/// unit.
pub async fn action_conflicts(
    pool: &Pool,
    caller: &Caller,
    token: &str,
    round: RoundId,
    unit: NodeId,
) -> Result<Option<(ActionId, Vec<ActionConflict>)>, AppError> {
    Ok(match read(pool, caller, token).await? {
        Some(Kept::ActionConflicts { round_id, unit_id, action_id, conflicts })
            if round_id == round && unit_id == unit =>
        {
            Some((action_id, conflicts))
        }
        _ => None,
    })
}
