//! Assessments: a unit's record in a round (status, version), its statuses across units,
//! saving and submitting a plan from `domain::save_plan` in one transaction that also writes
//! the answers (`db::answers`) and the audit log, and reopening.

use super::audit::{self, AuditAction, AuditEntry, ChangeContext};
use super::error::{DbError, DbResult};
use super::sql::{QueryBuilder, Row};
use super::{Conn, Pool};
use crate::domain::completeness::Gap;
use crate::domain::framework::Framework;
use crate::domain::ids::{AssessmentId, NodeId, RoundId};
use crate::domain::merge::{Edit, FieldConflict};
use crate::domain::raw_answers::Intent;
use crate::domain::save_plan::{AuditNote, SavePlan, plan_save, starts_assessment, touched};
use crate::domain::status::AssessmentStatus;
use chrono::{DateTime, Utc};

use std::collections::HashMap;

/// An assessment as stored (one unit, one round).
#[derive(Clone, Debug, PartialEq)]
pub struct AssessmentRecord {
    pub id: AssessmentId,
    pub status: AssessmentStatus,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    /// Reopened by the quality department after the round closed: the unit may change it
    /// while the round stays closed (`domain::status::accepts_changes`).
    pub reopened_after_close: bool,
}

fn record(row: Row) -> DbResult<AssessmentRecord> {
    let status: String = row.try_get("status")?;
    Ok(AssessmentRecord {
        id: AssessmentId(row.try_get("id")?),
        status: AssessmentStatus::from_key(&status)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown assessment status {status}").into()))?,
        version: row.try_get("version")?,
        updated_at: row.try_get("updated_at")?,
        submitted_at: row.try_get("submitted_at")?,
        reopened_after_close: row.try_get("reopened_after_close")?,
    })
}

/// The unit's assessment in the round, if it has been started (inside a transaction).
pub async fn find_in(conn: &mut Conn, round: RoundId, unit: NodeId) -> DbResult<Option<AssessmentRecord>> {
    super::sql::query(
        "SELECT id, status, version, updated_at, submitted_at, reopened_after_close FROM assessment
         WHERE round_id = $1 AND unit_id = $2",
    )
    .bind(round.0)
    .bind(unit.0)
    .fetch_optional(&mut *conn)
    .await?
    .map(record)
    .transpose()
}

/// The unit's assessment in the round, if it has been started.
pub async fn find(pool: &Pool, round: RoundId, unit: NodeId) -> DbResult<Option<AssessmentRecord>> {
    let mut conn = pool.acquire().await?;
    find_in(&mut conn, round, unit).await
}

/// The status of every started assessment of the round, by unit.
pub async fn statuses(pool: &Pool, round: RoundId) -> DbResult<HashMap<NodeId, (AssessmentStatus, DateTime<Utc>)>> {
    let rows: Vec<(i64, String, DateTime<Utc>)> =
        super::sql::query_as("SELECT unit_id, status, updated_at FROM assessment WHERE round_id = $1")
            .bind(round.0)
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(unit, status, updated)| {
            AssessmentStatus::from_key(&status).map(|status| (NodeId(unit), (status, updated)))
        })
        .collect())
}

/// The status of every started assessment of the given units, in any round, by round and
/// unit.
pub async fn statuses_of_units(
    pool: &Pool,
    units: &[NodeId],
) -> DbResult<HashMap<(RoundId, NodeId), AssessmentStatus>> {
    if units.is_empty() {
        return Ok(HashMap::new());
    }
    let mut query = QueryBuilder::new("SELECT round_id, unit_id, status FROM assessment WHERE unit_id IN (");
    let mut list = query.separated(", ");
    for unit in units {
        list.push_bind(unit.0);
    }
    query.push(")");
    let rows: Vec<(i64, i64, String)> = query.build_query_as().fetch_all(pool).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(round, unit, status)| {
            AssessmentStatus::from_key(&status).map(|status| ((RoundId(round), NodeId(unit)), status))
        })
        .collect())
}

/// Why a save was refused.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The assessment is submitted and read-only.
    #[error("the assessment is submitted")]
    Locked,
    #[error(transparent)]
    Database(#[from] DbError),
}

impl From<sqlx::Error> for SaveError {
    fn from(error: sqlx::Error) -> Self {
        SaveError::Database(error.into())
    }
}

/// What a save did.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveOutcome {
    /// `None` when nothing was stored and no assessment existed.
    pub assessment: Option<AssessmentId>,
    /// The version after the save.
    pub version: i64,
    pub saved_at: Option<DateTime<Utc>>,
    /// How many fields changed.
    pub changed: usize,
    pub status: AssessmentStatus,
    /// Fields someone else changed meanwhile that this save also changed: not written.
    pub conflicts: Vec<FieldConflict>,
    /// What stops a submission; only filled when submission was asked for and refused.
    pub gaps: Vec<Gap>,
}

impl SaveOutcome {
    /// Nothing stored, and the unit has not started.
    fn not_started() -> Self {
        SaveOutcome {
            assessment: None,
            version: 0,
            saved_at: None,
            changed: 0,
            status: AssessmentStatus::NotStarted,
            conflicts: Vec::new(),
            gaps: Vec::new(),
        }
    }

    /// A submitted assessment left as it was.
    fn unchanged(record: &AssessmentRecord) -> Self {
        SaveOutcome {
            assessment: Some(record.id),
            version: record.version,
            saved_at: Some(record.submitted_at.unwrap_or(record.updated_at)),
            changed: 0,
            status: record.status,
            conflicts: Vec::new(),
            gaps: Vec::new(),
        }
    }
}

/// The key of what is being saved: which unit, which round, which framework.
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    pub round: RoundId,
    pub unit: NodeId,
    pub framework: &'a Framework,
}

/// Merges the edits (made from `base_version`) into the unit's assessment and submits if
/// asked, complete and free of conflicts. One transaction: the answers, the version, the
/// status and an audit entry per changed field are written together or not at all.
///
/// Fields changed by someone else meanwhile and changed differently here are conflicts:
/// reported with both values and not written; every other edit is (see `domain::merge`).
/// Submitting a submitted assessment again without changes does nothing, so a double
/// click submits once.
pub async fn save(
    pool: &Pool,
    context: &ChangeContext,
    target: Target<'_>,
    base_version: i64,
    edits: &[Edit],
    intent: Intent,
) -> Result<SaveOutcome, SaveError> {
    let mut tx = super::pool::begin_save(pool, target.round, target.unit).await?;
    let outcome = save_in(&mut tx, context, target, base_version, edits, intent).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// [`save`] inside a transaction the caller owns (and commits), e.g. to store many
/// assessments at once.
pub async fn save_in(
    tx: &mut Conn,
    context: &ChangeContext,
    target: Target<'_>,
    base_version: i64,
    edits: &[Edit],
    intent: Intent,
) -> Result<SaveOutcome, SaveError> {
    let record = match find_in(tx, target.round, target.unit).await? {
        Some(record) => record,
        None if !starts_assessment(edits, intent) => return Ok(SaveOutcome::not_started()),
        None => create_in(tx, context, target.round, target.unit).await?,
    };
    let touched = touched(edits);
    let current = match intent {
        Intent::Submit => super::answers::load_answers_in(tx, record.id).await?,
        Intent::Save => super::answers::load_fields_in(tx, record.id, &touched).await?,
    };
    let writes =
        match plan_save((record.status, record.version), &current, &touched, base_version, intent, target.framework) {
            SavePlan::AlreadySubmitted => return Ok(SaveOutcome::unchanged(&record)),
            SavePlan::Locked => return Err(SaveError::Locked),
            SavePlan::Write(writes) => writes,
        };
    if !writes.changes.is_empty() {
        super::answers::apply(tx, record.id, &writes.changes, record.version + 1).await?;
    }
    if writes.submit {
        super::sql::query(
            "UPDATE assessment SET status = 'submitted', submitted_at = $1, submitted_by = $2,
             reopened_after_close = FALSE WHERE id = $3",
        )
        .bind(context.at)
        .bind(context.actor.0)
        .bind(record.id.0)
        .execute(&mut *tx)
        .await?;
    }
    let written = writes.version != record.version;
    if written {
        super::sql::query("UPDATE assessment SET version = $1, updated_at = $2 WHERE id = $3")
            .bind(writes.version)
            .bind(context.at)
            .bind(record.id.0)
            .execute(&mut *tx)
            .await?;
    }
    let entries: Vec<AuditEntry> = writes
        .audit
        .iter()
        .map(|note| match note {
            AuditNote::FieldChanged { field, old, new } => AuditEntry {
                field: Some(field.clone()),
                old_value: old.as_deref(),
                new_value: new.as_deref(),
                ..AuditEntry::action(record.id, AuditAction::FieldChanged)
            },
            AuditNote::Submitted => AuditEntry::action(record.id, AuditAction::Submitted),
        })
        .collect();
    audit::append(tx, context, &entries).await?;
    Ok(SaveOutcome {
        assessment: Some(record.id),
        version: writes.version,
        saved_at: Some(if written { context.at } else { record.updated_at }),
        changed: writes.changes.len(),
        status: writes.status,
        conflicts: writes.conflicts,
        gaps: writes.gaps,
    })
}

/// Starts the unit's assessment in the round (a draft at version 0), with its audit entry.
/// The caller has checked that none exists.
pub async fn create_in(
    tx: &mut Conn,
    context: &ChangeContext,
    round: RoundId,
    unit: NodeId,
) -> DbResult<AssessmentRecord> {
    let id: i64 = super::sql::query_scalar(
        "INSERT INTO assessment (round_id, unit_id, status, version, created_at, updated_at)
         VALUES ($1, $2, 'draft', 0, $3, $3) RETURNING id",
    )
    .bind(round.0)
    .bind(unit.0)
    .bind(context.at)
    .fetch_one(&mut *tx)
    .await?;
    let id = AssessmentId(id);
    audit::append(tx, context, &[AuditEntry::action(id, AuditAction::Created)]).await?;
    Ok(AssessmentRecord {
        id,
        status: AssessmentStatus::Draft,
        version: 0,
        updated_at: context.at,
        submitted_at: None,
        reopened_after_close: false,
    })
}

/// The unit's assessment in the round, started if it was not.
pub async fn find_or_create_in(
    tx: &mut Conn,
    context: &ChangeContext,
    round: RoundId,
    unit: NodeId,
) -> DbResult<AssessmentRecord> {
    match find_in(tx, round, unit).await? {
        Some(record) => Ok(record),
        None => create_in(tx, context, round, unit).await,
    }
}

/// Why an assessment could not be reopened.
#[derive(Debug, thiserror::Error)]
pub enum ReopenError {
    #[error("the assessment is not submitted")]
    NotSubmitted,
    #[error("the round's results are published (or it never opened)")]
    RoundNotRunning,
    #[error(transparent)]
    Database(#[from] DbError),
}

impl From<sqlx::Error> for ReopenError {
    fn from(error: sqlx::Error) -> Self {
        ReopenError::Database(error.into())
    }
}

/// Reopens a submitted assessment: it becomes a draft the unit can change and submit
/// again. The reason is kept in the audit log. Returns the new version. The round's status
/// is read inside the write: a submission may be reopened while the round is open or
/// closed (then the unit alone may answer again), not once the results are published.
pub async fn reopen(
    pool: &Pool,
    context: &ChangeContext,
    round: RoundId,
    unit: NodeId,
    reason: &str,
) -> Result<i64, ReopenError> {
    use crate::domain::round::RoundStatus;
    use crate::domain::status::reopenable;

    let mut tx = super::pool::begin_write(pool).await?;
    let round_status = super::rounds::get_in(&mut tx, round).await?.map(|round| round.status);
    let record = find_in(&mut tx, round, unit).await?.ok_or(ReopenError::NotSubmitted)?;
    if record.status != AssessmentStatus::Submitted {
        return Err(ReopenError::NotSubmitted);
    }
    let Some(round_status) = round_status.filter(|status| reopenable(*status, record.status)) else {
        return Err(ReopenError::RoundNotRunning);
    };
    let version = record.version + 1;
    super::sql::query(
        "UPDATE assessment SET status = 'draft', version = $1, updated_at = $2, submitted_at = NULL, submitted_by = NULL,
         reopened_after_close = $3 WHERE id = $4",
    )
    .bind(version)
    .bind(context.at)
    .bind(round_status == RoundStatus::Closed)
    .bind(record.id.0)
    .execute(&mut *tx)
    .await?;
    let entry = AuditEntry { reason: Some(reason), ..AuditEntry::action(record.id, AuditAction::Reopened) };
    audit::append(&mut tx, context, &[entry]).await?;
    tx.commit().await?;
    Ok(version)
}
