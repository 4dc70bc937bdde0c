//! The admin log: every administrative change, append-only (the database refuses UPDATE
//! and DELETE on it, see the migration's triggers). Written in the same transaction as the
//! change it records.

use super::audit::ChangeContext;
use super::error::DbResult;
use super::{Conn, Db};
use crate::domain::admin_action::AdminAction;
use crate::domain::ids::{NodeId, RoundId, UserId};

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
    let mut insert = sqlx::QueryBuilder::<Db>::new(
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
