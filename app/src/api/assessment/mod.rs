//! One unit's self-assessment in one round: reading it, saving a draft, submitting and
//! reopening. The server functions are here, the data they send in `types`, the server-only
//! work (saving, keeping posts, the previous round) beside them.

#[cfg(feature = "ssr")]
pub mod load;
#[cfg(feature = "ssr")]
pub mod previous;
#[cfg(feature = "ssr")]
pub mod saving;
mod types;

pub use types::{AssessmentView, PreviousRound, SaveResult};

use crate::api::error::AppError;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::raw_answers::AssessmentForm;
use leptos::prelude::*;

/// The assessment page's data. `conflict` names kept conflicts (after a script-free save
/// that clashed with someone else's): their fields show the caller's version, with the other
/// person's beside it.
#[server(endpoint = "assessment")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn get_assessment(
    round_id: RoundId,
    unit_id: NodeId,
    conflict: Option<String>,
) -> Result<AssessmentView, AppError> {
    use crate::api::access::unit_in_round;
    use crate::api::context::{caller, state};
    use crate::domain::rights::Permission;

    let caller = caller().await?;
    let state = state()?;
    let found = unit_in_round(&state.pool, &caller, round_id, unit_id, Permission::ReadAssessment).await?;
    self::load::assessment_view(&state, &caller, found, conflict.as_deref()).await
}

/// Saves the form as a draft, or submits it (`form.intent`). Without JavaScript the
/// browser is sent back to the page, which shows the outcome from the saved state; a post
/// that arrives after the session expired is kept until the same person signs in again on
/// the same browser (if the server knows the browser and the post fits the form), and a
/// post in conflict with someone else's save is kept to show both versions.
#[server(endpoint = "save_assessment")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn save_assessment(form: AssessmentForm) -> Result<SaveResult, AppError> {
    use self::saving::{apply_form, keep_conflicts, keep_for_sign_in};
    use crate::api::context::{caller, is_plain_form_post, redirect_plain_form, state};
    use crate::domain::raw_answers::Intent;
    use crate::domain::status::AssessmentStatus;
    use crate::routes::{Notice, assessment_path, sign_in_path, with_notice};

    let page = assessment_path(RoundId(form.round_id), NodeId(form.unit_id));
    let not_stored =
        SaveResult { version: form.base_version, saved_at: None, status: AssessmentStatus::Draft, gaps: Vec::new() };
    let caller = match caller().await {
        Ok(caller) => caller,
        Err(AppError::Unauthenticated) if is_plain_form_post() => {
            let sign_in = sign_in_path(&page);
            match keep_for_sign_in(&form).await? {
                Some(token) => leptos_axum::redirect(&with_notice(&sign_in, &Notice::KeptDraft(token))),
                None => leptos_axum::redirect(&sign_in),
            }
            return Ok(not_stored);
        }
        Err(error) => return Err(error),
    };
    let state = state()?;
    let pool = state.pool.clone();
    let result = match apply_form(&state, &caller, &form).await {
        Err(AppError::Conflict { fields, .. }) if is_plain_form_post() => {
            let token = keep_conflicts(&pool, &caller, &form, fields).await?;
            leptos_axum::redirect(&with_notice(&page, &Notice::Conflict(token)));
            return Ok(not_stored);
        }
        other => other?,
    };
    let notice = match (form.intent, result.status) {
        (_, AssessmentStatus::Submitted) => Notice::Submitted,
        (Intent::Submit, _) => Notice::Incomplete,
        (Intent::Save, _) => Notice::Saved,
    };
    redirect_plain_form(&with_notice(&page, &notice));
    Ok(result)
}

/// Reopens a submitted assessment so the unit can change it again; the reason goes into
/// the history. Possible while the round is open, and after it closed: then this unit alone
/// may answer again until it submits (`domain::status::accepts_changes`). A published
/// round's results must be withdrawn first.
#[server(endpoint = "reopen_assessment")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn reopen_assessment(round_id: RoundId, unit_id: NodeId, reason: String) -> Result<i64, AppError> {
    use crate::api::access::unit_in_round;
    use crate::api::context::{caller, redirect_plain_form, request_id, state};
    use crate::db::assessments::{ReopenError, reopen};
    use crate::db::audit::ChangeContext;
    use crate::db::clock;
    use crate::domain::raw_answers::FieldError;
    use crate::domain::reason::checked_reason;
    use crate::domain::rights::Permission;
    use crate::domain::round::RoundStatus;
    use crate::routes::{Notice, assessment_path, with_notice};

    let caller = caller().await?;
    let pool = state()?.pool;
    let found = unit_in_round(&pool, &caller, round_id, unit_id, Permission::ReopenAssessment).await?;
    if !matches!(found.round.status, RoundStatus::Open | RoundStatus::Closed) {
        return Err(AppError::ReadOnly);
    }
    let reason = checked_reason(&reason).map_err(|problem| AppError::Invalid {
        fields: vec![FieldError { group: "reason".into(), key: String::new(), problem }],
        saved_version: None,
    })?;
    let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
    let version = reopen(&pool, &context, round_id, unit_id, &reason).await.map_err(|error| match error {
        ReopenError::NotSubmitted | ReopenError::RoundNotRunning => AppError::ReadOnly,
        ReopenError::Database(error) => error.into(),
    })?;
    tracing::info!(user = %caller.id, unit = %unit_id, "assessment reopened");
    redirect_plain_form(&with_notice(&assessment_path(round_id, unit_id), &Notice::Reopened));
    Ok(version)
}
