//! One unit's self-assessment in one round: reading it, saving a draft, submitting.

use super::dto::RoundSummary;
use super::error::AppError;
use crate::domain::answers::Answers;
use crate::domain::completeness::Gap;
use crate::domain::framework::Framework;
use crate::domain::ids::NodeId;
use crate::domain::merge::FieldConflict;
use crate::domain::raw_answers::AssessmentForm;
use crate::domain::scoring::UnitScores;
use crate::domain::status::AssessmentStatus;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Everything the assessment page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssessmentView {
    pub round: RoundSummary,
    /// Who is looking: keys the copy of unsaved text kept in this browser.
    pub viewer_id: i64,
    pub unit_id: NodeId,
    pub unit_name: String,
    /// The organisations above the unit, below the city (förvaltning, avdelning).
    pub organisation: Vec<String>,
    pub framework: Framework,
    pub status: AssessmentStatus,
    /// The version the form is based on; sent back with every save.
    pub version: i64,
    /// Last saved, Stockholm time.
    pub updated_at: Option<String>,
    pub submitted_at: Option<String>,
    /// `None` when the caller may not see the answers: others see them once submitted.
    pub answers: Option<Answers>,
    /// Whether the caller may change the assessment now.
    pub can_edit: bool,
    /// Whether the caller may reopen it (it is submitted and they are the quality department).
    pub can_reopen: bool,
    /// Whether the caller may read its change history.
    pub can_read_history: bool,
    /// Scores, once submitted.
    pub scores: Option<UnitScores>,
    /// What stops a submission now.
    pub gaps: Vec<Gap>,
    /// Fields whose shown value is the caller's kept version, in conflict with what is stored.
    pub conflicts: Vec<FieldConflict>,
    /// Statements rated, out of all.
    pub rated: usize,
    pub statement_count: usize,
    /// The unit's answers and scores in its previous submitted round, shown for comparison.
    pub previous: Option<PreviousRound>,
}

/// A unit's submitted answers from an earlier round. Statements and dimensions keep their
/// keys across framework versions, so they are looked up by key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviousRound {
    pub round_name: String,
    pub answers: Answers,
    pub scores: UnitScores,
}

/// What a save did, for the page to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveResult {
    pub version: i64,
    /// Stockholm clock time, e.g. `14:32`; `None` if there was nothing to store.
    pub saved_at: Option<String>,
    pub status: AssessmentStatus,
    /// What stops the submission, if submission was asked for and refused.
    pub gaps: Vec<Gap>,
}

/// The assessment page's data. `conflict` names kept conflicts (after a script-free save
/// that clashed with someone else's): their fields show the caller's version, with the other
/// person's beside it.
#[server(endpoint = "assessment")]
pub async fn get_assessment(round_id: i64, unit_id: i64, conflict: Option<String>) -> Result<AssessmentView, AppError> {
    use super::access::unit_in_round;
    use super::context::{caller, internal, state};
    use crate::db::{self, clock};
    use crate::domain::completeness::{gaps, rated_count};
    use crate::domain::ids::RoundId;
    use crate::domain::rights::{Permission, may};
    use crate::domain::scoring::unit_scores;

    let caller = caller().await?;
    let pool = state()?.pool;
    let found = unit_in_round(&pool, &caller, RoundId(round_id), NodeId(unit_id), Permission::ReadAssessment).await?;
    let on = found.round.tree_date(clock::today());
    let framework = db::framework::load(&pool, found.round.framework_version)
        .await
        .map_err(internal("load framework"))?
        .ok_or_else(|| internal("round without framework")("missing framework version"))?;
    let record =
        db::assessments::find(&pool, found.round.id, found.unit.id).await.map_err(internal("find assessment"))?;
    let status = record.as_ref().map_or(AssessmentStatus::NotStarted, |record| record.status);
    let editor = may(&caller.grants, Permission::EditAssessment, &found.path);
    let mut answers = match &record {
        Some(record) => db::assessments::load_answers(&pool, record.id).await.map_err(internal("load answers"))?,
        None => Answers::default(),
    };
    let conflicts = match conflict.filter(|_| editor) {
        Some(token) => super::saving::kept_conflicts(&pool, &caller, &token, found.round.id, found.unit.id).await?,
        None => Vec::new(),
    };
    // A field in conflict shows what the caller wrote; the other version is shown beside it.
    let (scores_answers, gaps_answers) = (answers.clone(), answers.clone());
    for conflict in &conflicts {
        conflict.field.set_in(&mut answers, conflict.yours.clone());
    }
    let visible = editor || status == AssessmentStatus::Submitted;
    let (rated, statement_count) = rated_count(&framework, &gaps_answers);
    let between: Vec<_> = found.path.iter().skip(1).take(found.path.len().saturating_sub(2)).copied().collect();
    let previous = super::previous::previous_round(&pool, &found.round, found.unit.id).await?;
    let organisation = db::org::names_on_path(&pool, &between, on).await.map_err(internal("organisation names"))?;

    Ok(AssessmentView {
        round: (&found.round).into(),
        viewer_id: caller.id.0,
        unit_id: found.unit.id,
        unit_name: found.unit.name,
        organisation,
        status,
        version: record.as_ref().map_or(0, |record| record.version),
        updated_at: record.as_ref().map(|record| clock::local_minute(record.updated_at)),
        submitted_at: record.as_ref().and_then(|record| record.submitted_at).map(clock::local_minute),
        can_edit: editor && crate::domain::status::accepts_changes(found.round.status, status),
        can_reopen: status == AssessmentStatus::Submitted
            && found.round.status.accepts_answers()
            && may(&caller.grants, Permission::ReopenAssessment, &found.path),
        can_read_history: record.is_some() && may(&caller.grants, Permission::ReadHistory, &found.path),
        scores: (status == AssessmentStatus::Submitted).then(|| unit_scores(&framework, &scores_answers)),
        gaps: if visible { gaps(&framework, &gaps_answers) } else { Vec::new() },
        conflicts,
        rated: if visible { rated } else { 0 },
        statement_count,
        answers: visible.then_some(answers),
        framework,
        previous,
    })
}

/// Saves the form as a draft, or submits it (`form.intent`). Without JavaScript the
/// browser is sent back to the page, which shows the outcome from the saved state; a post
/// that arrives after the session expired is kept until the same person signs in again on
/// the same browser (if the server knows the browser and the post fits the form), and a
/// post in conflict with someone else's save is kept to show both versions.
#[server(endpoint = "save_assessment")]
pub async fn save_assessment(form: AssessmentForm) -> Result<SaveResult, AppError> {
    use super::context::{caller, is_plain_form_post, redirect_plain_form, state};
    use super::dto::assessment_path;
    use super::saving::{apply_form, keep_conflicts, keep_for_sign_in};
    use crate::components::error_notice::urlencode;
    use crate::domain::ids::RoundId;
    use crate::domain::raw_answers::Intent;

    let page = assessment_path(RoundId(form.round_id), NodeId(form.unit_id));
    let not_stored =
        SaveResult { version: form.base_version, saved_at: None, status: AssessmentStatus::Draft, gaps: Vec::new() };
    let caller = match caller().await {
        Ok(caller) => caller,
        Err(AppError::Unauthenticated) if is_plain_form_post() => {
            let sign_in = format!("/logga-in?next={}", urlencode(&page));
            match keep_for_sign_in(&form).await? {
                Some(token) => leptos_axum::redirect(&format!("{sign_in}&utkast={token}")),
                None => leptos_axum::redirect(&sign_in),
            }
            return Ok(not_stored);
        }
        Err(error) => return Err(error),
    };
    let pool = state()?.pool;
    let result = match apply_form(&pool, &caller, &form).await {
        Err(AppError::Conflict { fields, .. }) if is_plain_form_post() => {
            let token = keep_conflicts(&pool, &caller, &form, fields).await?;
            leptos_axum::redirect(&format!("{page}?konflikt={token}"));
            return Ok(not_stored);
        }
        other => other?,
    };
    let marker = match (form.intent, result.status) {
        (_, AssessmentStatus::Submitted) => "inskickad",
        (Intent::Submit, _) => "ofullstandig",
        (Intent::Save, _) => "sparad",
    };
    redirect_plain_form(&format!("{page}?{marker}=1"));
    Ok(result)
}

/// The longest reason for reopening.
pub const REOPEN_REASON_MAX_CHARS: usize = 1_000;

/// Reopens a submitted assessment so the unit can change it again; the reason goes into
/// the history.
#[server(endpoint = "reopen_assessment")]
pub async fn reopen_assessment(round_id: i64, unit_id: i64, reason: String) -> Result<i64, AppError> {
    use super::access::unit_in_round;
    use super::context::{caller, internal, redirect_plain_form, request_id, state};
    use super::dto::assessment_path;
    use crate::db::assessments::{ReopenError, reopen};
    use crate::db::audit::ChangeContext;
    use crate::db::clock;
    use crate::domain::ids::RoundId;
    use crate::domain::limits::{char_count, normalise_text};
    use crate::domain::raw_answers::{FieldError, FieldProblem};
    use crate::domain::rights::Permission;

    let caller = caller().await?;
    let pool = state()?.pool;
    let found = unit_in_round(&pool, &caller, RoundId(round_id), NodeId(unit_id), Permission::ReopenAssessment).await?;
    if !found.round.status.accepts_answers() {
        return Err(AppError::ReadOnly);
    }
    let reason = normalise_text(&reason).unwrap_or_default();
    if reason.is_empty() || char_count(&reason) > REOPEN_REASON_MAX_CHARS {
        let problem = if reason.is_empty() {
            FieldProblem::Missing
        } else {
            FieldProblem::TooLong { max: REOPEN_REASON_MAX_CHARS, actual: char_count(&reason) }
        };
        let field = FieldError { group: "reason".into(), key: String::new(), problem };
        return Err(AppError::Invalid { fields: vec![field], saved_version: None });
    }
    let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
    let version =
        reopen(&pool, &context, found.round.id, found.unit.id, &reason).await.map_err(|error| match error {
            ReopenError::NotSubmitted => AppError::ReadOnly,
            ReopenError::Database(error) => internal("reopen assessment")(error),
        })?;
    tracing::info!(user = %caller.id, unit = %found.unit.id, "assessment reopened");
    redirect_plain_form(&format!("{}?oppnad=1", assessment_path(found.round.id, found.unit.id)));
    Ok(version)
}
