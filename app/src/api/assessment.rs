//! One unit's self-assessment in one round: reading it, saving a draft, submitting.

use super::dto::RoundSummary;
use super::error::AppError;
use crate::domain::answers::Answers;
use crate::domain::completeness::Gap;
use crate::domain::framework::Framework;
use crate::domain::ids::NodeId;
use crate::domain::raw_answers::AssessmentForm;
use crate::domain::scoring::UnitScores;
use crate::domain::status::AssessmentStatus;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Everything the assessment page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssessmentView {
    pub round: RoundSummary,
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
    /// Scores, once submitted.
    pub scores: Option<UnitScores>,
    /// What stops a submission now.
    pub gaps: Vec<Gap>,
    /// Statements rated, out of all.
    pub rated: usize,
    pub statement_count: usize,
}

/// What a save did, for the page to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveResult {
    pub version: i64,
    /// Stockholm clock time, e.g. `14:32`.
    pub saved_at: String,
    pub status: AssessmentStatus,
    /// What stops the submission, if submission was asked for and refused.
    pub gaps: Vec<Gap>,
}

#[server(endpoint = "assessment")]
pub async fn get_assessment(round_id: i64, unit_id: i64) -> Result<AssessmentView, AppError> {
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
    let answers = match &record {
        Some(record) => db::assessments::load_answers(&pool, record.id).await.map_err(internal("load answers"))?,
        None => Answers::default(),
    };
    let visible = editor || status == AssessmentStatus::Submitted;
    let (rated, statement_count) = rated_count(&framework, &answers);
    let between: Vec<_> = found.path.iter().skip(1).take(found.path.len().saturating_sub(2)).copied().collect();
    let organisation = db::org::names_on_path(&pool, &between, on).await.map_err(internal("organisation names"))?;

    Ok(AssessmentView {
        round: (&found.round).into(),
        unit_id: found.unit.id,
        unit_name: found.unit.name,
        organisation,
        status,
        version: record.as_ref().map_or(0, |record| record.version),
        updated_at: record.as_ref().map(|record| clock::local_minute(record.updated_at)),
        submitted_at: record.as_ref().and_then(|record| record.submitted_at).map(clock::local_minute),
        can_edit: editor && found.round.status.accepts_answers() && status != AssessmentStatus::Submitted,
        scores: (status == AssessmentStatus::Submitted).then(|| unit_scores(&framework, &answers)),
        gaps: if visible { gaps(&framework, &answers) } else { Vec::new() },
        rated: if visible { rated } else { 0 },
        statement_count,
        answers: visible.then_some(answers),
        framework,
    })
}

/// Saves the form as a draft, or submits it (`form.intent`). Without JavaScript the
/// browser is sent back to the page, which shows the outcome from the saved state.
#[server(endpoint = "save_assessment")]
pub async fn save_assessment(form: AssessmentForm) -> Result<SaveResult, AppError> {
    use super::access::unit_in_round;
    use super::context::{caller, internal, redirect_plain_form, request_id, state};
    use super::dto::assessment_path;
    use crate::db::assessments::{SaveError, Target, save};
    use crate::db::audit::ChangeContext;
    use crate::db::{self, clock};
    use crate::domain::ids::RoundId;
    use crate::domain::raw_answers::{Intent, parse_answers};
    use crate::domain::rights::Permission;

    let caller = caller().await?;
    let pool = state()?.pool;
    let found =
        unit_in_round(&pool, &caller, RoundId(form.round_id), NodeId(form.unit_id), Permission::EditAssessment).await?;
    if !found.round.status.accepts_answers() {
        return Err(AppError::ReadOnly);
    }
    let framework = db::framework::load(&pool, found.round.framework_version)
        .await
        .map_err(internal("load framework"))?
        .ok_or_else(|| internal("round without framework")("missing framework version"))?;
    let answers = parse_answers(&framework, &form).map_err(AppError::Invalid)?;

    let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
    let target = Target { round: found.round.id, unit: found.unit.id, framework: &framework };
    let outcome =
        save(&pool, &context, target, form.base_version, &answers, form.intent).await.map_err(|error| match error {
            SaveError::Conflict { current_version, .. } => AppError::Conflict { current_version },
            SaveError::Locked => AppError::ReadOnly,
            SaveError::Database(error) => internal("save assessment")(error),
        })?;

    let page = assessment_path(found.round.id, found.unit.id);
    let marker = match (form.intent, outcome.status) {
        (_, AssessmentStatus::Submitted) => "inskickad",
        (Intent::Submit, _) => "ofullstandig",
        (Intent::Save, _) => "sparad",
    };
    redirect_plain_form(&format!("{page}?{marker}=1"));
    Ok(SaveResult {
        version: outcome.version,
        saved_at: clock::local_clock(outcome.saved_at),
        status: outcome.status,
        gaps: outcome.gaps,
    })
}
