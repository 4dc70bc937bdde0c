//! Improvement actions as stored. Every change is written with its audit entries (field
//! `action:<id>:<field>`) on the assessment the action belongs to, in the caller's
//! transaction. Removing only marks an action; nothing is deleted.

use super::audit::{self, AuditAction, AuditEntry, ChangeContext};
use super::error::DbResult;
use super::sql::{QueryBuilder, Row};
use super::{Conn, Pool};
use crate::domain::actions::{ActionField, ActionStatus, ActionValues};
use crate::domain::ids::{ActionId, AssessmentId, NodeId, RoundId};

/// An action as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredAction {
    pub id: ActionId,
    pub assessment: AssessmentId,
    pub round: RoundId,
    pub unit: NodeId,
    pub dimension: String,
    pub values: ActionValues,
    pub version: i64,
    pub carried_from: Option<ActionId>,
    /// Whether a later round carries it on.
    pub carried_on: bool,
    pub removed: bool,
}

const SELECT: &str = "SELECT x.id, x.assessment_id, a.round_id, a.unit_id, x.dimension_key, x.title, x.description,
        x.owner, x.due_on, x.status, x.version, x.carried_from, x.removed_at IS NOT NULL AS removed,
        EXISTS (SELECT 1 FROM improvement_action c WHERE c.carried_from = x.id AND c.removed_at IS NULL) AS carried_on
     FROM improvement_action x JOIN assessment a ON a.id = x.assessment_id";

fn action(row: Row) -> DbResult<StoredAction> {
    let status: String = row.try_get("status")?;
    Ok(StoredAction {
        id: ActionId(row.try_get("id")?),
        assessment: AssessmentId(row.try_get("assessment_id")?),
        round: RoundId(row.try_get("round_id")?),
        unit: NodeId(row.try_get("unit_id")?),
        dimension: row.try_get("dimension_key")?,
        values: ActionValues {
            title: row.try_get("title")?,
            description: row.try_get("description")?,
            owner: row.try_get("owner")?,
            due_on: row.try_get("due_on")?,
            status: ActionStatus::from_key(&status)
                .ok_or_else(|| sqlx::Error::Decode(format!("unknown action status {status}").into()))?,
        },
        version: row.try_get("version")?,
        carried_from: row.try_get::<Option<i64>, _>("carried_from")?.map(ActionId),
        carried_on: row.try_get("carried_on")?,
        removed: row.try_get("removed")?,
    })
}

/// The actions of an assessment that are not removed, oldest first.
pub async fn list(pool: &Pool, assessment: AssessmentId) -> DbResult<Vec<StoredAction>> {
    super::sql::query(format!("{SELECT} WHERE x.assessment_id = $1 AND x.removed_at IS NULL ORDER BY x.id"))
        .bind(assessment.0)
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(action)
        .collect()
}

/// The actions (not removed) of the given units' assessments in `round`, by unit and age.
pub async fn of_units_in_round(pool: &Pool, round: RoundId, units: &[NodeId]) -> DbResult<Vec<StoredAction>> {
    if units.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = QueryBuilder::new(SELECT);
    query.push(" WHERE x.removed_at IS NULL AND a.round_id = ").push_bind(round.0).push(" AND a.unit_id IN (");
    let mut list = query.separated(", ");
    for unit in units {
        list.push_bind(unit.0);
    }
    query.push(") ORDER BY a.unit_id, x.id");
    query.build().fetch_all(pool).await?.into_iter().map(action).collect()
}

/// One action, removed or not.
pub async fn get_in(conn: &mut Conn, id: ActionId) -> DbResult<Option<StoredAction>> {
    super::sql::query(format!("{SELECT} WHERE x.id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?
        .map(action)
        .transpose()
}

fn field_name(id: ActionId, field: &str) -> String {
    format!("action:{id}:{field}")
}

/// Adds an action to an assessment.
pub async fn insert_in(
    tx: &mut Conn,
    context: &ChangeContext,
    assessment: AssessmentId,
    dimension: &str,
    values: &ActionValues,
    carried_from: Option<ActionId>,
) -> DbResult<ActionId> {
    let id: i64 = super::sql::query_scalar(
        "INSERT INTO improvement_action
            (assessment_id, dimension_key, title, description, owner, due_on, status, carried_from, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(assessment.0)
    .bind(dimension)
    .bind(&values.title)
    .bind(&values.description)
    .bind(&values.owner)
    .bind(&values.due_on)
    .bind(values.status.key())
    .bind(carried_from.map(|id| id.0))
    .bind(context.at)
    .fetch_one(&mut *tx)
    .await?;
    let id = ActionId(id);
    let names: Vec<(String, &str)> = ActionField::ALL
        .into_iter()
        .map(|field| (field_name(id, field.key()), values.get(field)))
        .filter(|(_, value)| !value.is_empty())
        .collect();
    let entries: Vec<AuditEntry> = names
        .iter()
        .map(|(name, value)| AuditEntry {
            field: Some(name.clone()),
            new_value: Some(value),
            ..AuditEntry::action(assessment, AuditAction::FieldChanged)
        })
        .collect();
    audit::append(tx, context, &entries).await?;
    Ok(id)
}

/// Stores `values` over `stored`, with an audit entry per field in `changes`
/// (`(field, old, new)`). Returns the new version.
pub async fn update_in(
    tx: &mut Conn,
    context: &ChangeContext,
    stored: &StoredAction,
    values: &ActionValues,
    changes: &[(ActionField, String, String)],
) -> DbResult<i64> {
    if changes.is_empty() {
        return Ok(stored.version);
    }
    let version = stored.version + 1;
    super::sql::query(
        "UPDATE improvement_action SET title = $1, description = $2, owner = $3, due_on = $4, status = $5,
            version = $6, updated_at = $7 WHERE id = $8",
    )
    .bind(&values.title)
    .bind(&values.description)
    .bind(&values.owner)
    .bind(&values.due_on)
    .bind(values.status.key())
    .bind(version)
    .bind(context.at)
    .bind(stored.id.0)
    .execute(&mut *tx)
    .await?;
    let entries: Vec<AuditEntry> = changes
        .iter()
        .map(|(field, old, new)| AuditEntry {
            field: Some(field_name(stored.id, field.key())),
            old_value: (!old.is_empty()).then_some(old.as_str()),
            new_value: (!new.is_empty()).then_some(new.as_str()),
            ..AuditEntry::action(stored.assessment, AuditAction::FieldChanged)
        })
        .collect();
    audit::append(tx, context, &entries).await?;
    Ok(version)
}

/// Marks an action removed; it stays in the database and the history.
pub async fn remove_in(tx: &mut Conn, context: &ChangeContext, stored: &StoredAction) -> DbResult<()> {
    if stored.removed {
        return Ok(());
    }
    super::sql::query(
        "UPDATE improvement_action SET removed_at = $1, version = version + 1, updated_at = $1 WHERE id = $2",
    )
    .bind(context.at)
    .bind(stored.id.0)
    .execute(&mut *tx)
    .await?;
    let entry = AuditEntry {
        field: Some(field_name(stored.id, "removed")),
        old_value: Some(stored.values.title.as_str()),
        ..AuditEntry::action(stored.assessment, AuditAction::FieldChanged)
    };
    audit::append(tx, context, &[entry]).await
}
