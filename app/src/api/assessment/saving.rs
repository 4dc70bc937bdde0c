//! Saving an assessment form as a given person (server only), and what happens to a plain
//! (script-free) form post that could not be stored as sent: after an expired session it is
//! kept until the same person signs in again on the same browser (one the server knows from
//! an earlier sign-in), and saved then.

use super::types::SaveResult;
use crate::api::context::{Caller, request_id, state};
use crate::api::error::AppError;
use crate::api::kept_posts::{self, Kept};
use crate::db::assessments::{SaveError, Target, save};
use crate::db::audit::ChangeContext;
use crate::db::pending::Owner;
use crate::db::{self, Pool, clock};
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::raw_answers::{AssessmentForm, parse_edits};
use crate::domain::rights::Permission;
use crate::domain::round::RoundStatus;
use crate::routes::{Notice, assessment_path, with_notice};
use crate::state::AppState;

/// Merges the form into the unit's assessment as `caller` (who must be allowed to edit it).
pub async fn apply_form(state: &AppState, caller: &Caller, form: &AssessmentForm) -> Result<SaveResult, AppError> {
    use crate::api::access::unit_in_round;

    let pool = &state.pool;
    let (round, unit) = (RoundId(form.round_id), NodeId(form.unit_id));
    let found = unit_in_round(pool, caller, round, unit, Permission::EditAssessment).await?;
    if !found.round.status.accepts_answers() {
        // A closed round takes answers only for a submission reopened after it closed.
        let reopened =
            db::assessments::find(pool, round, unit).await?.is_some_and(|record| record.reopened_after_close);
        if !(found.round.status == RoundStatus::Closed && reopened) {
            return Err(AppError::ReadOnly);
        }
    }
    let framework = state.frameworks.of_round(pool, found.round.framework_version).await?;
    let (edits, refused) = parse_edits(&framework, form);

    let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
    let target = Target { round: found.round.id, unit: found.unit.id, framework: &framework };
    let outcome =
        save(pool, &context, target, form.base_version, &edits, form.intent).await.map_err(|error| match error {
            SaveError::Locked => AppError::ReadOnly,
            SaveError::Database(error) => error.into(),
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
    use crate::api::auth::browser_key::BrowserKey;
    use crate::db::known_browsers;
    use crate::domain::raw_answers::fits_the_form;

    let state = state()?;
    let pool = &state.pool;
    let Some(key) = BrowserKey::of_request(state.secure_cookies) else { return Ok(None) };
    let key_hash = key.hash();
    let Some(user) = known_browsers::last_user(pool, &key_hash, clock::now()).await? else { return Ok(None) };
    let Some(round) = db::rounds::get(pool, RoundId(form.round_id)).await? else { return Ok(None) };
    let framework = state.frameworks.of_round(pool, round.framework_version).await?;
    if !fits_the_form(&framework, form) {
        tracing::info!("a signed-out form post that does not fit the form was not kept");
        return Ok(None);
    }
    let owner = Owner::Browser { key_hash, user };
    kept_posts::keep(pool, &owner, &Kept::Form(Box::new(form.clone()))).await.map(Some)
}

/// After sign-in: saves the form kept under `token` as `caller`, if it was kept on this
/// browser (`browser_key_hash`) for them. Returns where to go: the assessment, with the
/// outcome in its address.
pub async fn resume_after_sign_in(
    state: &AppState,
    caller: &Caller,
    browser_key_hash: &str,
    token: &str,
) -> Result<Option<String>, AppError> {
    let pool = &state.pool;
    let owner = Owner::Browser { key_hash: browser_key_hash.to_owned(), user: caller.id };
    let Some(Kept::Form(form)) = kept_posts::take(pool, &owner, token).await? else { return Ok(None) };
    let page = assessment_path(RoundId(form.round_id), NodeId(form.unit_id));
    let notice = match apply_form(state, caller, &form).await {
        Ok(_) => Notice::Saved,
        Err(AppError::Conflict { fields, .. }) => Notice::Conflict(keep_conflicts(pool, caller, &form, fields).await?),
        Err(error) => Notice::Failed { code: error.code().to_owned(), wait_seconds: None },
    };
    Ok(Some(with_notice(&page, &notice)))
}

/// Keeps the editor's side of conflicting fields for them; returns the token.
pub async fn keep_conflicts(
    pool: &Pool,
    caller: &Caller,
    form: &AssessmentForm,
    conflicts: Vec<crate::domain::merge::FieldConflict>,
) -> Result<String, AppError> {
    let kept = Kept::Conflicts { round_id: RoundId(form.round_id), unit_id: NodeId(form.unit_id), conflicts };
    kept_posts::keep(pool, &Owner::User(caller.id), &kept).await
}
