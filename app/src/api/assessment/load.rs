//! The assessment page's data for one viewer (server only): the unit's answers as they may
//! see them, with kept conflicts, scores, gaps, the previous round and what they may do.

use super::types::AssessmentView;
use crate::api::access::UnitInRound;
use crate::api::context::Caller;
use crate::api::error::AppError;
use crate::api::kept_posts;
use crate::db::{self, clock};
use crate::domain::answers::Answers;
use crate::domain::completeness::{gaps, rated_count};
use crate::domain::rights::{Permission, may, may_edit_answers, may_see_answers};
use crate::domain::scoring::unit_scores;
use crate::domain::status::{AssessmentStatus, reopenable};
use crate::state::AppState;

/// The view of `found` for `caller`, who may read it; `conflict` is a kept conflict's token.
pub async fn assessment_view(
    state: &AppState,
    caller: &Caller,
    found: UnitInRound,
    conflict: Option<&str>,
) -> Result<AssessmentView, AppError> {
    let pool = &state.pool;
    let framework = state.frameworks.of_round(pool, found.round.framework_version).await?;
    let record = db::assessments::find(pool, found.round.id, found.unit.id).await?;
    let status = record.as_ref().map_or(AssessmentStatus::NotStarted, |record| record.status);
    let editor = may(&caller.grants, Permission::EditAssessment, &found.path);
    let stored = match &record {
        Some(record) => db::answers::load_answers(pool, record.id).await?,
        None => Answers::default(),
    };
    let conflicts = match conflict.filter(|_| editor) {
        Some(token) => kept_posts::conflicts(pool, caller, token, found.round.id, found.unit.id).await?,
        None => Vec::new(),
    };
    // A field in conflict shows what the caller wrote; the other version is shown beside it.
    let mut shown = stored.clone();
    for conflict in &conflicts {
        conflict.field.set_in(&mut shown, conflict.yours.clone());
    }
    let visible = may_see_answers(&caller.grants, &found.path, status);
    let (rated, statement_count) = rated_count(&framework, &stored);
    let previous = super::previous::previous_round(state, &found.round, found.unit.id).await?;

    Ok(AssessmentView {
        round: (&found.round).into(),
        round_intro: found.round.intro.clone(),
        viewer_id: caller.id.0,
        unit_id: found.unit.id,
        unit_name: found.unit.name,
        organisation: found.within,
        status,
        version: record.as_ref().map_or(0, |record| record.version),
        updated_at: record.as_ref().map(|record| clock::local_minute(record.updated_at)),
        submitted_at: record.as_ref().and_then(|record| record.submitted_at).map(clock::local_minute),
        can_edit: may_edit_answers(
            &caller.grants,
            &found.path,
            found.round.status,
            status,
            record.as_ref().is_some_and(|record| record.reopened_after_close),
        ),
        can_reopen: reopenable(found.round.status, status)
            && may(&caller.grants, Permission::ReopenAssessment, &found.path),
        can_read_history: record.is_some() && may(&caller.grants, Permission::ReadHistory, &found.path),
        scores: (status == AssessmentStatus::Submitted).then(|| unit_scores(&framework, &stored)),
        gaps: if visible { gaps(&framework, &stored) } else { Vec::new() },
        conflicts,
        rated: if visible { rated } else { 0 },
        statement_count,
        answers: visible.then_some(shown),
        framework,
        previous,
    })
}
