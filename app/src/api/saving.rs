//! Saving an assessment form as a given person, and keeping a plain (script-free) form
//! post that could not be stored as sent, so nothing typed is lost: after an expired
//! session it waits for the same browser to sign in again; after a conflict it waits for
//! its author to see both versions.

use super::assessment::SaveResult;
use super::context::{Caller, internal, request_id, state};
use super::error::AppError;
use crate::db::assessments::{SaveError, Target, save};
use crate::db::audit::ChangeContext;
use crate::db::pending::{self, Owner};
use crate::db::{self, Pool, clock};
use crate::domain::actions::ActionConflict;
use crate::domain::ids::{NodeId, RoundId, UserId};
use crate::domain::merge::FieldConflict;
use crate::domain::raw_answers::{AssessmentForm, parse_edits};
use crate::domain::rights::Permission;
use http::request::Parts;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The cookie holding the key to a post kept while signed out.
pub const PENDING_COOKIE: &str = "mognad_pending";

/// What is kept.
#[derive(Serialize, Deserialize)]
enum Kept {
    /// A whole form post, to save after sign-in.
    Form(Box<AssessmentForm>),
    /// The editor's side of conflicting fields, to show beside the other person's.
    Conflicts { round_id: i64, unit_id: i64, conflicts: Vec<FieldConflict> },
    /// The same for the fields of an improvement action.
    ActionConflicts { round_id: i64, unit_id: i64, action_id: i64, conflicts: Vec<ActionConflict> },
}

fn hash(key: &str) -> String {
    Sha256::digest(key.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

fn new_token() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Merges the form into the unit's assessment as `caller` (who must be allowed to edit it).
pub async fn apply_form(pool: &Pool, caller: &Caller, form: &AssessmentForm) -> Result<SaveResult, AppError> {
    use super::access::unit_in_round;

    let found =
        unit_in_round(pool, caller, RoundId(form.round_id), NodeId(form.unit_id), Permission::EditAssessment).await?;
    if !found.round.status.accepts_answers() {
        return Err(AppError::ReadOnly);
    }
    let framework = db::framework::load(pool, found.round.framework_version)
        .await
        .map_err(internal("load framework"))?
        .ok_or_else(|| internal("round without framework")("missing framework version"))?;
    let (edits, refused) = parse_edits(&framework, form);

    let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
    let target = Target { round: found.round.id, unit: found.unit.id, framework: &framework };
    let outcome =
        save(pool, &context, target, form.base_version, &edits, form.intent).await.map_err(|error| match error {
            SaveError::Locked => AppError::ReadOnly,
            SaveError::Database(error) => internal("save assessment")(error),
        })?;
    if !outcome.conflicts.is_empty() {
        return Err(AppError::Conflict { current_version: outcome.version, fields: outcome.conflicts });
    }
    if !refused.is_empty() {
        let saved_version = outcome.assessment.map(|_| outcome.version);
        return Err(AppError::Invalid { fields: refused, saved_version });
    }
    Ok(SaveResult {
        version: outcome.version,
        saved_at: outcome.saved_at.map(clock::local_clock),
        status: outcome.status,
        gaps: outcome.gaps,
    })
}

/// Keeps a form that arrived without a valid session, under a token the sign-in page
/// carries, tied to a fresh random key in a cookie of this browser.
pub async fn keep_for_sign_in(form: &AssessmentForm) -> Result<String, AppError> {
    use http::header::{HeaderValue, SET_COOKIE};

    let state = state()?;
    let key = new_token();
    let token = new_token();
    let payload =
        serde_json::to_string(&Kept::Form(Box::new(form.clone()))).map_err(internal("serialise kept form"))?;
    pending::keep(&state.pool, &token, &Owner::Browser { key_hash: hash(&key) }, &payload, clock::now())
        .await
        .map_err(internal("keep form"))?;
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let cookie = format!("{PENDING_COOKIE}={key}; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400{secure}");
    if let (Some(response), Ok(value)) = (use_context::<leptos_axum::ResponseOptions>(), HeaderValue::from_str(&cookie))
    {
        response.append_header(SET_COOKIE, value);
    }
    Ok(token)
}

fn pending_cookie() -> Option<String> {
    let parts = use_context::<Parts>()?;
    parts.headers.get_all(http::header::COOKIE).iter().filter_map(|value| value.to_str().ok()).find_map(|cookies| {
        cookies.split(';').find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == PENDING_COOKIE).then(|| value.to_owned())
        })
    })
}

/// After sign-in: saves the form kept under `token` (if this browser kept it) as `caller`.
/// Returns where to go: the assessment, with the outcome in its address.
pub async fn resume_after_sign_in(pool: &Pool, caller: &Caller, token: &str) -> Result<Option<String>, AppError> {
    use super::dto::assessment_path;

    let Some(key) = pending_cookie() else { return Ok(None) };
    let owner = Owner::Browser { key_hash: hash(&key) };
    let Some(payload) = pending::take(pool, token, &owner, clock::now()).await.map_err(internal("take kept form"))?
    else {
        return Ok(None);
    };
    let Ok(Kept::Form(form)) = serde_json::from_str::<Kept>(&payload) else { return Ok(None) };
    let page = assessment_path(RoundId(form.round_id), NodeId(form.unit_id));
    let target = match apply_form(pool, caller, &form).await {
        Ok(_) => format!("{page}?sparad=1"),
        Err(AppError::Conflict { fields, .. }) => {
            let token = keep_conflicts(pool, caller, &form, fields).await?;
            format!("{page}?konflikt={token}")
        }
        Err(error) => format!("{page}?fel={}", error.code()),
    };
    Ok(Some(target))
}

/// Keeps the editor's side of conflicting fields for them; returns the token.
pub async fn keep_conflicts(
    pool: &Pool,
    caller: &Caller,
    form: &AssessmentForm,
    conflicts: Vec<FieldConflict>,
) -> Result<String, AppError> {
    let token = new_token();
    let kept = Kept::Conflicts { round_id: form.round_id, unit_id: form.unit_id, conflicts };
    let payload = serde_json::to_string(&kept).map_err(internal("serialise conflicts"))?;
    pending::keep(pool, &token, &Owner::User(caller.id), &payload, clock::now())
        .await
        .map_err(internal("keep conflicts"))?;
    Ok(token)
}

/// The conflicts kept for `caller` under `token`, if they are about this round and unit.
/// They stay until they expire, so reloading the page does not lose them.
pub async fn kept_conflicts(
    pool: &Pool,
    caller: &Caller,
    token: &str,
    round: RoundId,
    unit: NodeId,
) -> Result<Vec<FieldConflict>, AppError> {
    let payload = pending::read(pool, token, &Owner::User(caller.id), clock::now())
        .await
        .map_err(internal("read kept conflicts"))?;
    Ok(match payload.and_then(|payload| serde_json::from_str::<Kept>(&payload).ok()) {
        Some(Kept::Conflicts { round_id, unit_id, conflicts }) if round_id == round.0 && unit_id == unit.0 => conflicts,
        _ => Vec::new(),
    })
}

/// Keeps the editor's side of an action's conflicting fields for them (`editor`; a plain
/// form post cannot show them in place); returns the token.
pub async fn keep_action_conflicts(
    pool: &Pool,
    editor: UserId,
    (round_id, unit_id, action_id): (i64, i64, i64),
    conflicts: Vec<ActionConflict>,
) -> Result<String, AppError> {
    let token = new_token();
    let kept = Kept::ActionConflicts { round_id, unit_id, action_id, conflicts };
    let payload = serde_json::to_string(&kept).map_err(internal("serialise action conflicts"))?;
    pending::keep(pool, &token, &Owner::User(editor), &payload, clock::now())
        .await
        .map_err(internal("keep action conflicts"))?;
    Ok(token)
}

/// The action conflicts kept for `caller` under `token` in this round and unit: the action
/// and its conflicting fields. They stay until they expire, so a reload keeps them.
pub async fn kept_action_conflicts(
    pool: &Pool,
    caller: &Caller,
    token: &str,
    round: RoundId,
    unit: NodeId,
) -> Result<Option<(i64, Vec<ActionConflict>)>, AppError> {
    let payload = pending::read(pool, token, &Owner::User(caller.id), clock::now())
        .await
        .map_err(internal("read kept action conflicts"))?;
    Ok(match payload.and_then(|payload| serde_json::from_str::<Kept>(&payload).ok()) {
        Some(Kept::ActionConflicts { round_id, unit_id, action_id, conflicts })
            if round_id == round.0 && unit_id == unit.0 =>
        {
            Some((action_id, conflicts))
        }
        _ => None,
    })
}
