//! Rounds (mätomgångar).

use super::error::DbResult;
use super::{Conn, Pool};
use crate::domain::ids::{FrameworkVersionId, NodeId, RoundId};
use crate::domain::round::RoundStatus;
use chrono::NaiveDate;
use sqlx::Row;

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
}

impl Round {
    /// The date whose organisation tree the round uses: today while the round runs,
    /// its closing date once it is over, its opening date before it starts.
    pub fn tree_date(&self, today: NaiveDate) -> NaiveDate {
        today.clamp(self.opens_on, self.closes_on)
    }
}

fn round(row: sqlx::sqlite::SqliteRow) -> DbResult<Round> {
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
    })
}

pub async fn get(pool: &Pool, id: RoundId) -> DbResult<Option<Round>> {
    let mut conn = pool.acquire().await?;
    get_in(&mut conn, id).await
}

/// [`get`] on a connection, e.g. inside a transaction.
pub async fn get_in(conn: &mut Conn, id: RoundId) -> DbResult<Option<Round>> {
    sqlx::query(
        "SELECT id, name, framework_version_id, root_node_id, opens_on, closes_on, status FROM round WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?
    .map(round)
    .transpose()
}

/// All rounds, newest first.
pub async fn list(pool: &Pool) -> DbResult<Vec<Round>> {
    sqlx::query(
        "SELECT id, name, framework_version_id, root_node_id, opens_on, closes_on, status FROM round
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
    let id: i64 = sqlx::query_scalar(
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
