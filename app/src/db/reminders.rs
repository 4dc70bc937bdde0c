//! Reminders and their messages (see the `reminder` migration): made once per confirmation
//! key, then sent message by message, each claimed by one sender before it is sent.

use super::audit::ChangeContext;
use super::error::{DbError, DbResult};
use super::pool::begin_write;
use super::sql::{QueryBuilder, Row};
use super::{Conn, Pool};
use crate::domain::ids::{NodeId, ReminderId, RoundId, UserId};
use crate::domain::reminder::{DeliveryCounts, DeliveryStatus, ReminderTarget};
use chrono::{DateTime, Utc};

/// A reminder to create.
#[derive(Clone, Debug)]
pub struct NewReminder<'a> {
    pub idempotency_key: &'a str,
    pub round: RoundId,
    pub target: ReminderTarget,
    pub administration: Option<NodeId>,
    /// As written, with placeholders.
    pub subject: &'a str,
    pub body: &'a str,
    pub units: usize,
    pub units_without_manager: usize,
}

/// One message of a reminder to create: the text as it will be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRecipient {
    pub unit: NodeId,
    pub unit_name: String,
    pub user: UserId,
    pub name: String,
    pub address: String,
    pub subject: String,
    pub body: String,
}

/// A stored reminder, with the name of who sent it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReminderRecord {
    pub id: ReminderId,
    pub round: RoundId,
    pub created_by: UserId,
    pub created_by_name: String,
    pub created_at: DateTime<Utc>,
    pub target: ReminderTarget,
    pub administration: Option<NodeId>,
    pub subject: String,
    pub body: String,
    pub units: usize,
    pub units_without_manager: usize,
}

/// One stored message of a reminder.
#[derive(Clone, Debug, PartialEq)]
pub struct RecipientRecord {
    pub id: i64,
    pub unit: NodeId,
    pub unit_name: String,
    pub name: String,
    pub address: String,
    pub status: DeliveryStatus,
    pub attempts: i64,
    pub sent_at: Option<DateTime<Utc>>,
    pub error: Option<String>,
}

/// A message a sender has claimed and now sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claimed {
    pub id: i64,
    pub name: String,
    pub address: String,
    pub subject: String,
    pub body: String,
}

fn count(value: i64) -> usize {
    usize::try_from(value).unwrap_or_default()
}

fn stored_count(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

fn decode_error(what: &str) -> sqlx::Error {
    sqlx::Error::Decode(what.to_owned().into())
}

/// The reminder made with `key`, and its round, if there is one.
pub async fn find_by_key(conn: &mut Conn, key: &str) -> DbResult<Option<(ReminderId, RoundId)>> {
    let row: Option<(i64, i64)> = super::sql::query_as("SELECT id, round_id FROM reminder WHERE idempotency_key = $1")
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(id, round)| (ReminderId(id), RoundId(round))))
}

/// Messages per insert statement (9 values each).
const RECIPIENTS_PER_INSERT: usize = 500;

/// Stores a reminder made by the context's actor and its messages, all pending. Run it in
/// the transaction that logs the reminder.
pub async fn insert(
    conn: &mut Conn,
    context: &ChangeContext,
    reminder: &NewReminder<'_>,
    recipients: &[NewRecipient],
) -> DbResult<ReminderId> {
    let id: i64 = super::sql::query_scalar(
        "INSERT INTO reminder (idempotency_key, round_id, created_by, created_at, target, administration_id, subject,
                               body, units, units_without_manager)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(reminder.idempotency_key)
    .bind(reminder.round.0)
    .bind(context.actor.0)
    .bind(context.at)
    .bind(reminder.target.key())
    .bind(reminder.administration.map(|node| node.0))
    .bind(reminder.subject)
    .bind(reminder.body)
    .bind(stored_count(reminder.units))
    .bind(stored_count(reminder.units_without_manager))
    .fetch_one(&mut *conn)
    .await?;
    for chunk in recipients.chunks(RECIPIENTS_PER_INSERT) {
        let mut insert = QueryBuilder::new(
            "INSERT INTO reminder_recipient (reminder_id, unit_id, unit_name, user_id, name, address, subject, body, status) ",
        );
        insert.push_values(chunk, |mut row, recipient| {
            row.push_bind(id)
                .push_bind(recipient.unit.0)
                .push_bind(&recipient.unit_name)
                .push_bind(recipient.user.0)
                .push_bind(&recipient.name)
                .push_bind(&recipient.address)
                .push_bind(&recipient.subject)
                .push_bind(&recipient.body)
                .push_bind(DeliveryStatus::Pending.key());
        });
        insert.build().execute(&mut *conn).await?;
    }
    Ok(ReminderId(id))
}

const REMINDER_COLUMNS: &str = "r.id, r.round_id, r.created_by, COALESCE(u.display_name, '') AS created_by_name,
     r.created_at, r.target, r.administration_id, r.subject, r.body, r.units, r.units_without_manager";

fn reminder(row: &Row) -> DbResult<ReminderRecord> {
    let target: String = row.try_get("target")?;
    Ok(ReminderRecord {
        id: ReminderId(row.try_get("id")?),
        round: RoundId(row.try_get("round_id")?),
        created_by: UserId(row.try_get("created_by")?),
        created_by_name: row.try_get("created_by_name")?,
        created_at: row.try_get("created_at")?,
        target: ReminderTarget::from_key(&target).ok_or_else(|| decode_error("unknown reminder target"))?,
        administration: row.try_get::<Option<i64>, _>("administration_id")?.map(NodeId),
        subject: row.try_get("subject")?,
        body: row.try_get("body")?,
        units: count(row.try_get("units")?),
        units_without_manager: count(row.try_get("units_without_manager")?),
    })
}

pub async fn get(pool: &Pool, id: ReminderId) -> DbResult<Option<ReminderRecord>> {
    let row = super::sql::query(format!(
        "SELECT {REMINDER_COLUMNS} FROM reminder r LEFT JOIN app_user u ON u.id = r.created_by WHERE r.id = $1"
    ))
    .bind(id.0)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(reminder).transpose()
}

/// A round's reminders, newest first, each with how far its sending has come.
pub async fn for_round(pool: &Pool, round: RoundId) -> DbResult<Vec<(ReminderRecord, DeliveryCounts)>> {
    let rows = super::sql::query(format!(
        "SELECT {REMINDER_COLUMNS} FROM reminder r LEFT JOIN app_user u ON u.id = r.created_by
         WHERE r.round_id = $1 ORDER BY r.id DESC"
    ))
    .bind(round.0)
    .fetch_all(pool)
    .await?;
    let mut reminders = Vec::with_capacity(rows.len());
    for row in &rows {
        let record = reminder(row)?;
        let counts = counts(pool, record.id).await?;
        reminders.push((record, counts));
    }
    Ok(reminders)
}

/// How many of a reminder's messages stand where.
pub async fn counts(pool: &Pool, id: ReminderId) -> DbResult<DeliveryCounts> {
    let rows: Vec<(String, i64)> =
        super::sql::query_as("SELECT status, count(*) FROM reminder_recipient WHERE reminder_id = $1 GROUP BY status")
            .bind(id.0)
            .fetch_all(pool)
            .await?;
    let mut counts = DeliveryCounts::default();
    for (status, number) in rows {
        let status = DeliveryStatus::from_key(&status).ok_or(DbError::Inconsistent("unknown delivery status"))?;
        counts.add(status, count(number));
    }
    Ok(counts)
}

/// One page of a reminder's messages (all, or those at `status`), in the order they were
/// made, and how many there are in all.
pub async fn recipients(
    pool: &Pool,
    id: ReminderId,
    status: Option<DeliveryStatus>,
    offset: usize,
    limit: usize,
) -> DbResult<(Vec<RecipientRecord>, usize)> {
    let status = status.map(DeliveryStatus::key);
    let total: i64 = super::sql::query_scalar(
        "SELECT count(*) FROM reminder_recipient WHERE reminder_id = $1 AND ($2 IS NULL OR status = $2)",
    )
    .bind(id.0)
    .bind(status)
    .fetch_one(pool)
    .await?;
    let rows = super::sql::query(
        "SELECT id, unit_id, unit_name, name, address, status, attempts, sent_at, error FROM reminder_recipient
         WHERE reminder_id = $1 AND ($2 IS NULL OR status = $2) ORDER BY id LIMIT $3 OFFSET $4",
    )
    .bind(id.0)
    .bind(status)
    .bind(stored_count(limit))
    .bind(stored_count(offset))
    .fetch_all(pool)
    .await?;
    let records = rows
        .iter()
        .map(|row| {
            let status: String = row.try_get("status")?;
            Ok(RecipientRecord {
                id: row.try_get("id")?,
                unit: NodeId(row.try_get("unit_id")?),
                unit_name: row.try_get("unit_name")?,
                name: row.try_get("name")?,
                address: row.try_get("address")?,
                status: DeliveryStatus::from_key(&status).ok_or(DbError::Inconsistent("unknown delivery status"))?,
                attempts: row.try_get("attempts")?,
                sent_at: row.try_get("sent_at")?,
                error: row.try_get("error")?,
            })
        })
        .collect::<DbResult<Vec<_>>>()?;
    Ok((records, count(total)))
}

/// Claims the next pending message of the reminder for this sender: it moves to 'sending'
/// in one statement that only succeeds while it is still pending, so no other sender, in
/// this process or another, can claim it too. `None` when nothing is pending.
pub async fn claim_next(pool: &Pool, id: ReminderId, at: DateTime<Utc>) -> DbResult<Option<Claimed>> {
    let mut tx = begin_write(pool).await?;
    let row: Option<(i64, String, String, String, String)> = super::sql::query_as(
        "UPDATE reminder_recipient SET status = 'sending', attempts = attempts + 1, claimed_at = $2
         WHERE id = (SELECT id FROM reminder_recipient WHERE reminder_id = $1 AND status = 'pending' ORDER BY id LIMIT 1)
           AND status = 'pending'
         RETURNING id, name, address, subject, body",
    )
    .bind(id.0)
    .bind(at)
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(row.map(|(id, name, address, subject, body)| Claimed { id, name, address, subject, body }))
}

/// Whether any message of the reminder is still pending.
pub async fn has_pending(pool: &Pool, id: ReminderId) -> DbResult<bool> {
    let pending: Option<i64> = super::sql::query_scalar(
        "SELECT id FROM reminder_recipient WHERE reminder_id = $1 AND status = 'pending' LIMIT 1",
    )
    .bind(id.0)
    .fetch_optional(pool)
    .await?;
    Ok(pending.is_some())
}

/// A claimed message was sent at `at`.
pub async fn mark_sent(pool: &Pool, message: i64, at: DateTime<Utc>) -> DbResult<()> {
    let mut tx = begin_write(pool).await?;
    super::sql::query(
        "UPDATE reminder_recipient SET status = 'sent', sent_at = $2, error = NULL WHERE id = $1 AND status = 'sending'",
    )
    .bind(message)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// A claimed message could not be sent, because of `error`.
pub async fn mark_failed(pool: &Pool, message: i64, error: &str) -> DbResult<()> {
    let mut tx = begin_write(pool).await?;
    super::sql::query(
        "UPDATE reminder_recipient SET status = 'failed', error = $2 WHERE id = $1 AND status = 'sending'",
    )
    .bind(message)
    .bind(error)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// A claimed message was not tried after all (nothing can be sent now): pending again.
pub async fn release(pool: &Pool, message: i64) -> DbResult<()> {
    let mut tx = begin_write(pool).await?;
    super::sql::query(
        "UPDATE reminder_recipient SET status = 'pending', attempts = attempts - 1, claimed_at = NULL
         WHERE id = $1 AND status = 'sending'",
    )
    .bind(message)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Makes the reminder's failed messages pending again; how many.
pub async fn retry_failed(conn: &mut Conn, id: ReminderId) -> DbResult<u64> {
    Ok(super::sql::query(
        "UPDATE reminder_recipient SET status = 'pending', error = NULL WHERE reminder_id = $1 AND status = 'failed'",
    )
    .bind(id.0)
    .execute(&mut *conn)
    .await?
    .rows_affected())
}

/// The reminders with messages waiting to be sent.
pub async fn with_pending(pool: &Pool) -> DbResult<Vec<ReminderId>> {
    let ids: Vec<i64> = super::sql::query_scalar(
        "SELECT DISTINCT reminder_id FROM reminder_recipient WHERE status = 'pending' ORDER BY 1",
    )
    .fetch_all(pool)
    .await?;
    Ok(ids.into_iter().map(ReminderId).collect())
}

/// Messages claimed before `claimed_before` and never finished (their sender stopped, e.g.
/// the server was restarted while sending) become failed with `error`: whether they went
/// out is not known, so they are not sent again unless someone asks. How many.
pub async fn fail_interrupted(pool: &Pool, claimed_before: DateTime<Utc>, error: &str) -> DbResult<u64> {
    let mut tx = begin_write(pool).await?;
    let failed = super::sql::query(
        "UPDATE reminder_recipient SET status = 'failed', error = $2 WHERE status = 'sending' AND claimed_at < $1",
    )
    .bind(claimed_before)
    .bind(error)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(failed)
}
