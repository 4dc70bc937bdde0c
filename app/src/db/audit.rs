//! The audit log: every change to an assessment, append-only. The database refuses
//! UPDATE and DELETE on it (see the migration's triggers).

use super::error::DbResult;
use super::sql::QueryBuilder;
use super::{Conn, Pool};
use crate::domain::ids::{AssessmentId, UserId};
use chrono::{DateTime, Utc};

/// Who made a change, when, and with which request; travels with every write.
#[derive(Clone, Debug)]
pub struct ChangeContext {
    pub actor: UserId,
    pub request_id: Option<String>,
    pub at: DateTime<Utc>,
}

/// What happened to an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditAction {
    Created,
    FieldChanged,
    Submitted,
    Reopened,
}

impl AuditAction {
    pub fn key(self) -> &'static str {
        match self {
            AuditAction::Created => "created",
            AuditAction::FieldChanged => "field_changed",
            AuditAction::Submitted => "submitted",
            AuditAction::Reopened => "reopened",
        }
    }
}

/// One entry to append.
#[derive(Clone, Debug)]
pub struct AuditEntry<'a> {
    pub assessment: AssessmentId,
    pub action: AuditAction,
    pub field: Option<String>,
    pub old_value: Option<&'a str>,
    pub new_value: Option<&'a str>,
    pub reason: Option<&'a str>,
}

impl<'a> AuditEntry<'a> {
    /// An entry without field or reason.
    pub fn action(assessment: AssessmentId, action: AuditAction) -> Self {
        Self { assessment, action, field: None, old_value: None, new_value: None, reason: None }
    }
}

/// Appends entries, all in one statement.
pub async fn append(conn: &mut Conn, context: &ChangeContext, entries: &[AuditEntry<'_>]) -> DbResult<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut insert = QueryBuilder::new(
        "INSERT INTO audit_event (occurred_at, actor_id, request_id, assessment_id, action, field, old_value, new_value, reason) ",
    );
    insert.push_values(entries, |mut row, entry| {
        row.push_bind(context.at)
            .push_bind(context.actor.0)
            .push_bind(context.request_id.as_deref())
            .push_bind(entry.assessment.0)
            .push_bind(entry.action.key())
            .push_bind(entry.field.as_deref())
            .push_bind(entry.old_value)
            .push_bind(entry.new_value)
            .push_bind(entry.reason);
    });
    insert.build().execute(&mut *conn).await?;
    Ok(())
}

/// A stored entry, with the name of who made it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct AuditEvent {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub request_id: Option<String>,
    pub action: String,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
}

/// An assessment's history, oldest first.
pub async fn for_assessment(pool: &Pool, assessment: AssessmentId) -> DbResult<Vec<AuditEvent>> {
    Ok(super::sql::query_as(
        "SELECT e.id, e.occurred_at, e.actor_id, u.display_name AS actor_name, e.request_id, e.action, e.field,
                e.old_value, e.new_value, e.reason
         FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
         WHERE e.assessment_id = $1 ORDER BY e.id",
    )
    .bind(assessment.0)
    .fetch_all(pool)
    .await?)
}
