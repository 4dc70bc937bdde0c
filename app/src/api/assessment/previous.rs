//! Loading a unit's previous round for the assessment page (server only).

use super::types::PreviousRound;
use crate::api::error::AppError;
use crate::db;
use crate::domain::ids::NodeId;
use crate::domain::scoring::unit_scores;
use crate::state::AppState;

/// The unit's answers and scores in its latest submitted round before `round`, if any.
/// The caller must already be allowed to read the unit's assessment: a submitted
/// assessment is readable by everyone who may read the unit.
pub async fn previous_round(
    state: &AppState,
    round: &db::rounds::Round,
    unit: NodeId,
) -> Result<Option<PreviousRound>, AppError> {
    let pool = &state.pool;
    let Some(found) = db::previous_round::find(pool, unit, round).await? else {
        return Ok(None);
    };
    let framework = state.frameworks.of_round(pool, found.framework_version).await?;
    let answers = db::answers::load_answers(pool, found.assessment).await?;
    let scores = unit_scores(&framework, &answers);
    Ok(Some(PreviousRound { round_name: found.round_name, answers, scores }))
}
