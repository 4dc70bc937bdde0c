//! The admin log: every administrative change, append-only (the database refuses UPDATE
//! and DELETE on it, see the migration's triggers). Written in the same transaction as the
//! change it records.

use super::audit::ChangeContext;
use super::error::DbResult;
use super::sql::QueryBuilder;
use super::{Conn, Pool};
use crate::domain::admin_action::AdminAction;
use crate::domain::ids::{NodeId, RoundId, UserId};
use chrono::{DateTime, Utc};

/// One entry to append: what happened, and what it was about.
#[derive(Clone, Debug)]
pub struct AdminEntry<'a> {
    pub action: AdminAction,
    pub round: Option<RoundId>,
    /// The person the change was about (not the one who made it: that is the context's).
    pub person: Option<UserId>,
    pub node: Option<NodeId>,
    /// Anything worth keeping, e.g. the role given or how many were reminded.
    pub detail: Option<&'a str>,
    pub reason: Option<&'a str>,
}

impl<'a> AdminEntry<'a> {
    /// An entry of `action` and nothing else yet (fill in the rest with `..AdminEntry::of`).
    pub fn of(action: AdminAction) -> Self {
        AdminEntry { action, round: None, person: None, node: None, detail: None, reason: None }
    }
}

/// Appends entries, all in one statement.
pub async fn append(conn: &mut Conn, context: &ChangeContext, entries: &[AdminEntry<'_>]) -> DbResult<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut insert = QueryBuilder::new(
        "INSERT INTO admin_event (occurred_at, actor_id, request_id, action, round_id, user_id, node_id, detail, reason) ",
    );
    insert.push_values(entries, |mut row, entry| {
        row.push_bind(context.at)
            .push_bind(context.actor.0)
            .push_bind(context.request_id.as_deref())
            .push_bind(entry.action.key())
            .push_bind(entry.round.map(|round| round.0))
            .push_bind(entry.person.map(|person| person.0))
            .push_bind(entry.node.map(|node| node.0))
            .push_bind(entry.detail)
            .push_bind(entry.reason);
    });
    insert.build().execute(&mut *conn).await?;
    Ok(())
}

/// Which entries to read: every part that is set must match.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogFilter {
    pub action: Option<AdminAction>,
    pub round: Option<RoundId>,
    /// Who made the change.
    pub actor: Option<UserId>,
    /// From this instant on (inclusive).
    pub from: Option<DateTime<Utc>>,
    /// Before this instant (exclusive).
    pub until: Option<DateTime<Utc>>,
}

/// A stored entry with the names of who made it and what it was about.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct LoggedEvent {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub request_id: Option<String>,
    /// An `AdminAction` key.
    pub action: String,
    pub round_id: Option<i64>,
    pub round_name: Option<String>,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub node_id: Option<i64>,
    /// The organisation's latest name.
    pub node_name: Option<String>,
    pub detail: Option<String>,
    pub reason: Option<String>,
}

fn push_filter(query: &mut QueryBuilder, filter: &LogFilter) {
    query.push(" WHERE 1 = 1");
    if let Some(action) = filter.action {
        query.push(" AND e.action = ").push_bind(action.key());
    }
    if let Some(round) = filter.round {
        query.push(" AND e.round_id = ").push_bind(round.0);
    }
    if let Some(actor) = filter.actor {
        query.push(" AND e.actor_id = ").push_bind(actor.0);
    }
    if let Some(from) = filter.from {
        query.push(" AND e.occurred_at >= ").push_bind(from);
    }
    if let Some(until) = filter.until {
        query.push(" AND e.occurred_at < ").push_bind(until);
    }
}

/// The entries matching `filter`, newest first: at most `limit` after skipping `offset`.
pub async fn list(pool: &Pool, filter: &LogFilter, limit: usize, offset: usize) -> DbResult<Vec<LoggedEvent>> {
    let mut query = QueryBuilder::new(
        "SELECT e.id, e.occurred_at, e.actor_id, actor.display_name AS actor_name, e.request_id, e.action,
                e.round_id, r.name AS round_name, e.user_id AS person_id, person.display_name AS person_name,
                e.node_id,
                (SELECT v.name FROM org_node_version v WHERE v.node_id = e.node_id
                 ORDER BY v.valid_from DESC LIMIT 1) AS node_name,
                e.detail, e.reason
         FROM admin_event e
         LEFT JOIN app_user actor ON actor.id = e.actor_id
         LEFT JOIN app_user person ON person.id = e.user_id
         LEFT JOIN round r ON r.id = e.round_id",
    );
    push_filter(&mut query, filter);
    query.push(" ORDER BY e.occurred_at DESC, e.id DESC LIMIT ").push_bind(i64::try_from(limit).unwrap_or(i64::MAX));
    query.push(" OFFSET ").push_bind(i64::try_from(offset).unwrap_or(i64::MAX));
    Ok(query.build_query_as().fetch_all(pool).await?)
}

/// How many entries match `filter`.
pub async fn count(pool: &Pool, filter: &LogFilter) -> DbResult<usize> {
    let mut query = QueryBuilder::new("SELECT count(*) FROM admin_event e");
    push_filter(&mut query, filter);
    let count: i64 = query.build_query_scalar().fetch_one(pool).await?;
    Ok(usize::try_from(count).unwrap_or_default())
}

/// Everyone who has made an administrative change, by name: the choices of the filter.
pub async fn actors(pool: &Pool) -> DbResult<Vec<(UserId, String)>> {
    let rows: Vec<(i64, String)> = super::sql::query_as(
        "SELECT u.id, u.display_name FROM app_user u
         WHERE u.id IN (SELECT DISTINCT actor_id FROM admin_event WHERE actor_id IS NOT NULL)
         ORDER BY u.display_name, u.id",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|(id, name)| (UserId(id), name)).collect())
}
