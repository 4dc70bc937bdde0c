//! Rounds (mätomgångar).

use super::error::DbResult;
use super::sql::{QueryBuilder, Row};
use super::{Conn, Pool};
use crate::domain::ids::{FrameworkVersionId, NodeId, RoundId};
use crate::domain::round::RoundStatus;
use crate::domain::round_lifecycle::RoundDetails;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A round as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    pub id: RoundId,
    pub name: String,
    pub framework_version: FrameworkVersionId,
    pub root: NodeId,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub status: RoundStatus,
    /// Shown to units above the form: plain text with its line breaks.
    pub intro: Option<String>,
}

impl Round {
    /// The date whose organisation tree the round uses: today while the round runs,
    /// its closing date once it is over, its opening date before it starts.
    pub fn tree_date(&self, today: NaiveDate) -> NaiveDate {
        today.clamp(self.opens_on, self.closes_on)
    }
}

fn round(row: Row) -> DbResult<Round> {
    let status: String = row.try_get("status")?;
    Ok(Round {
        id: RoundId(row.try_get("id")?),
        name: row.try_get("name")?,
        framework_version: FrameworkVersionId(row.try_get("framework_version_id")?),
        root: NodeId(row.try_get("root_node_id")?),
        opens_on: row.try_get("opens_on")?,
        closes_on: row.try_get("closes_on")?,
        status: RoundStatus::from_key(&status)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown round status {status}").into()))?,
        intro: row.try_get("intro")?,
    })
}

pub async fn get(pool: &Pool, id: RoundId) -> DbResult<Option<Round>> {
    let mut conn = pool.acquire().await?;
    get_in(&mut conn, id).await
}

/// [`get`] on a connection, e.g. inside a transaction.
pub async fn get_in(conn: &mut Conn, id: RoundId) -> DbResult<Option<Round>> {
    super::sql::query(
        "SELECT id, name, framework_version_id, root_node_id, opens_on, closes_on, status, intro FROM round WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?
    .map(round)
    .transpose()
}

/// All rounds, newest first.
pub async fn list(pool: &Pool) -> DbResult<Vec<Round>> {
    super::sql::query(
        "SELECT id, name, framework_version_id, root_node_id, opens_on, closes_on, status, intro FROM round
         ORDER BY opens_on DESC, id DESC",
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(round)
    .collect()
}

/// A round to create.
#[derive(Clone, Debug)]
pub struct NewRound<'a> {
    pub name: &'a str,
    pub framework_version: FrameworkVersionId,
    pub root: NodeId,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub status: RoundStatus,
}

/// Creates a round and freezes its framework version.
pub async fn insert(conn: &mut Conn, new: &NewRound<'_>) -> DbResult<RoundId> {
    let id: i64 = super::sql::query_scalar(
        "INSERT INTO round (name, framework_version_id, root_node_id, opens_on, closes_on, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(new.name)
    .bind(new.framework_version.0)
    .bind(new.root.0)
    .bind(new.opens_on)
    .bind(new.closes_on)
    .bind(new.status.key())
    .bind(super::clock::now())
    .fetch_one(&mut *conn)
    .await?;
    super::framework::freeze(conn, new.framework_version).await?;
    Ok(RoundId(id))
}

/// Creates a draft round from the administration. Its framework version is frozen when the
/// round opens, not before.
pub async fn create_draft(conn: &mut Conn, details: &RoundDetails<NaiveDate>) -> DbResult<RoundId> {
    let id: i64 = super::sql::query_scalar(
        "INSERT INTO round (name, framework_version_id, root_node_id, opens_on, closes_on, status, intro, created_at)
         VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7) RETURNING id",
    )
    .bind(&details.name)
    .bind(details.framework_version.0)
    .bind(details.root.0)
    .bind(details.opens_on)
    .bind(details.closes_on)
    .bind(details.intro.as_deref())
    .bind(super::clock::now())
    .fetch_one(&mut *conn)
    .await?;
    Ok(RoundId(id))
}

/// Replaces a round's details (the caller has checked that it is a draft).
pub async fn update_details(conn: &mut Conn, id: RoundId, details: &RoundDetails<NaiveDate>) -> DbResult<()> {
    super::sql::query(
        "UPDATE round SET name = $1, framework_version_id = $2, root_node_id = $3, opens_on = $4, closes_on = $5,
         intro = $6 WHERE id = $7",
    )
    .bind(&details.name)
    .bind(details.framework_version.0)
    .bind(details.root.0)
    .bind(details.opens_on)
    .bind(details.closes_on)
    .bind(details.intro.as_deref())
    .bind(id.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Moves a round to `status`, with a new closing date if one is given. Any submission
/// reopened after an earlier closing loses that exception: every move starts afresh.
pub async fn set_status(
    conn: &mut Conn,
    id: RoundId,
    status: RoundStatus,
    closes_on: Option<NaiveDate>,
) -> DbResult<()> {
    super::sql::query("UPDATE round SET status = $1, closes_on = COALESCE($2, closes_on) WHERE id = $3")
        .bind(status.key())
        .bind(closes_on)
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    super::sql::query(
        "UPDATE assessment SET reopened_after_close = FALSE WHERE round_id = $1 AND reopened_after_close",
    )
    .bind(id.0)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Changes a round's closing date.
pub async fn set_closing_date(conn: &mut Conn, id: RoundId, closes_on: NaiveDate) -> DbResult<()> {
    super::sql::query("UPDATE round SET closes_on = $1 WHERE id = $2")
        .bind(closes_on)
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// How many units a round covers and where they stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Units (enheter) in the round's part of the tree on its date.
    pub units: usize,
    /// Of those, how many have a draft and how many have submitted.
    pub drafts: usize,
    pub submitted: usize,
}

/// The coverage of each round, each over the subtree of `root` on its date, in one query.
/// A round whose root did not exist on its date covers nothing (and is left out).
pub async fn coverage(pool: &Pool, rounds: &[(RoundId, NodeId, NaiveDate)]) -> DbResult<HashMap<RoundId, Coverage>> {
    let mut conn = pool.acquire().await?;
    coverage_in(&mut conn, rounds).await
}

/// [`coverage`] on a connection, e.g. inside a transaction.
pub async fn coverage_in(
    conn: &mut Conn,
    rounds: &[(RoundId, NodeId, NaiveDate)],
) -> DbResult<HashMap<RoundId, Coverage>> {
    if rounds.is_empty() {
        return Ok(HashMap::new());
    }
    let mut query = QueryBuilder::new("WITH RECURSIVE seed (round_id, node_id, on_date) AS (");
    query.push_values(rounds, |mut row, (round, root, on)| {
        row.push_bind(round.0).push_bind(root.0).push_bind(*on);
    });
    query.push(
        "), down (round_id, id, on_date, depth) AS (
             SELECT s.round_id, v.node_id, s.on_date, 0
             FROM seed s JOIN org_node_version v ON v.node_id = s.node_id
             WHERE v.valid_from <= s.on_date AND (v.valid_to IS NULL OR v.valid_to >= s.on_date)
             UNION ALL
             SELECT d.round_id, v.node_id, d.on_date, d.depth + 1
             FROM down d JOIN org_node_version v ON v.parent_id = d.id
                  AND v.valid_from <= d.on_date AND (v.valid_to IS NULL OR v.valid_to >= d.on_date)
             WHERE d.depth < 32
         )
         SELECT d.round_id, count(*),
                count(CASE WHEN a.status = 'draft' THEN 1 END),
                count(CASE WHEN a.status = 'submitted' THEN 1 END)
         FROM down d
         JOIN org_node n ON n.id = d.id AND n.kind = 'enhet'
         LEFT JOIN assessment a ON a.round_id = d.round_id AND a.unit_id = d.id
         GROUP BY d.round_id",
    );
    let rows: Vec<(i64, i64, i64, i64)> = query.build_query_as().fetch_all(&mut *conn).await?;
    let size = |count: i64| usize::try_from(count).unwrap_or_default();
    Ok(rows
        .into_iter()
        .map(|(round, units, drafts, submitted)| {
            (RoundId(round), Coverage { units: size(units), drafts: size(drafts), submitted: size(submitted) })
        })
        .collect())
}
