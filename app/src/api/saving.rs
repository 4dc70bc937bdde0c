//! Saving an assessment form as a given person, and keeping a plain (script-free) form
//! post that could not be stored as sent, so nothing typed is lost: after an expired
//! session it waits for the same person to sign in again on the same browser (one the
//! server knows from an earlier sign-in); after a conflict it waits for its author to see
//! both versions.

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
use serde::{Deserialize, Serialize};

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
/// carries, for the person who last signed in on this browser; `None` (and nothing is
/// stored) when the browser holds no key the server issued, or the form holds anything the
/// round's form could not (unknown fields, over-long texts, a round that does not exist).
pub async fn keep_for_sign_in(form: &AssessmentForm) -> Result<Option<String>, AppError> {
    use super::browser_key::BrowserKey;
    use crate::db::known_browsers;
    use crate::domain::raw_answers::fits_the_form;

    let state = state()?;
    let pool = &state.pool;
    let Some(key) = BrowserKey::of_request(state.secure_cookies) else { return Ok(None) };
    let key_hash = key.hash();
    let now = clock::now();
    let Some(user) = known_browsers::last_user(pool, &key_hash, now).await.map_err(internal("find browser"))? else {
        return Ok(None);
    };
    let Some(round) = db::rounds::get(pool, RoundId(form.round_id)).await.map_err(internal("load round"))? else {
        return Ok(None);
    };
    let framework = db::framework::load(pool, round.framework_version)
        .await
        .map_err(internal("load framework"))?
        .ok_or_else(|| internal("round without framework")("missing framework version"))?;
    if !fits_the_form(&framework, form) {
        tracing::info!("a signed-out form post that does not fit the form was not kept");
        return Ok(None);
    }
    let token = new_token();
    let payload =
        serde_json::to_string(&Kept::Form(Box::new(form.clone()))).map_err(internal("serialise kept form"))?;
    pending::keep(pool, &token, &Owner::Browser { key_hash, user }, &payload, now)
        .await
        .map_err(internal("keep form"))?;
    Ok(Some(token))
}

/// After sign-in: saves the form kept under `token` as `caller`, if it was kept on this
/// browser (`browser_key_hash`) for them. Returns where to go: the assessment, with the
/// outcome in its address.
pub async fn resume_after_sign_in(
    pool: &Pool,
    caller: &Caller,
    browser_key_hash: &str,
    token: &str,
) -> Result<Option<String>, AppError> {
    use super::dto::assessment_path;

    let owner = Owner::Browser { key_hash: browser_key_hash.to_owned(), user: caller.id };
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
