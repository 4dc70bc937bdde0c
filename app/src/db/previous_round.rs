//! A unit's answers from the round before: the latest round that opened before the given
//! one in which the unit submitted an assessment. Units keep their ids through
//! reorganisations, so a unit that moved still finds its own earlier answers.

use super::Pool;
use super::error::DbResult;
use super::rounds::Round;
use crate::domain::ids::{AssessmentId, FrameworkVersionId, RoundId};

/// Where the unit's previous submitted assessment is.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviousAssessment {
    pub round: RoundId,
    pub round_name: String,
    pub framework_version: FrameworkVersionId,
    pub assessment: AssessmentId,
}

/// The unit's latest submitted assessment in a round that opened before `round`.
pub async fn find(
    pool: &Pool,
    unit: crate::domain::ids::NodeId,
    round: &Round,
) -> DbResult<Option<PreviousAssessment>> {
    let row: Option<(i64, String, i64, i64)> = super::sql::query_as(
        "SELECT r.id, r.name, r.framework_version_id, a.id
         FROM assessment a JOIN round r ON r.id = a.round_id
         WHERE a.unit_id = $1 AND a.status = 'submitted' AND r.id <> $2
           AND (r.opens_on < $3 OR (r.opens_on = $3 AND r.id < $2))
         ORDER BY r.opens_on DESC, r.id DESC
         LIMIT 1",
    )
    .bind(unit.0)
    .bind(round.id.0)
    .bind(round.opens_on)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(round, round_name, framework_version, assessment)| PreviousAssessment {
        round: RoundId(round),
        round_name,
        framework_version: FrameworkVersionId(framework_version),
        assessment: AssessmentId(assessment),
    }))
}
