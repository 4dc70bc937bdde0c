//! Changes to the organisation tree with an effective date: the tree as its latest history
//! leaves it (what a change is checked against), and the steps of a change written to it
//! (`domain::org_steps`). History is only appended to: a node's latest version ends the day
//! before its next one begins (`valid_to` is the last day, inclusive), a closed node's
//! lifetime and latest version end the day before the closing date, and a succession is a
//! new row. A step that would touch anything else fails and the transaction rolls back.

use super::Conn;
use super::error::{DbError, DbResult};
use super::org::insert_version;
use crate::domain::day::Day;
use crate::domain::ids::NodeId;
use crate::domain::org::OrgKind;
use crate::domain::org_now::{NodeNow, TreeNow};
use crate::domain::org_steps::{NodeRef, Step};
use chrono::{Datelike, NaiveDate};

/// The database's date of a day.
pub fn date_of(day: Day) -> DbResult<NaiveDate> {
    NaiveDate::from_ymd_opt(day.year(), day.month(), day.day()).ok_or(DbError::Inconsistent("a day without a date"))
}

/// The day of a stored date.
pub fn day_of(date: NaiveDate) -> DbResult<Day> {
    Day::new(date.year(), date.month(), date.day()).ok_or(DbError::Inconsistent("a stored date out of range"))
}

/// Every node with its latest version.
pub async fn tree_now(conn: &mut Conn) -> DbResult<TreeNow> {
    let rows = super::sql::query(
        "SELECT n.id, n.kind, n.valid_from, n.valid_to, n.external_id, v.name, v.parent_id, v.valid_from AS version_from
         FROM org_node n JOIN org_node_version v ON v.node_id = n.id
         WHERE v.valid_from = (SELECT MAX(latest.valid_from) FROM org_node_version latest WHERE latest.node_id = n.id)",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut nodes = Vec::with_capacity(rows.len());
    for row in rows {
        let kind: String = row.try_get("kind")?;
        let valid_to: Option<NaiveDate> = row.try_get("valid_to")?;
        nodes.push(NodeNow {
            id: NodeId(row.try_get("id")?),
            kind: OrgKind::from_key(&kind).ok_or(DbError::Inconsistent("unknown org kind"))?,
            name: row.try_get("name")?,
            parent: row.try_get::<Option<i64>, _>("parent_id")?.map(NodeId),
            valid_from: day_of(row.try_get("valid_from")?)?,
            version_from: day_of(row.try_get("version_from")?)?,
            last_day: valid_to.map(day_of).transpose()?,
            external_id: row.try_get("external_id")?,
        });
    }
    Ok(TreeNow::new(nodes))
}

fn resolve(node: &NodeRef, created: &[NodeId]) -> DbResult<NodeId> {
    match node {
        NodeRef::Existing(id) => Ok(*id),
        NodeRef::New(index) => {
            created.get(*index).copied().ok_or(DbError::Inconsistent("a step names a node not yet made"))
        }
    }
}

fn the_day_before(day: Day) -> DbResult<NaiveDate> {
    date_of(day.previous().ok_or(DbError::Inconsistent("no day before"))?)
}

/// Writes the steps in order; the ids of the nodes made, in the order they were made.
pub async fn apply(conn: &mut Conn, steps: &[Step]) -> DbResult<Vec<NodeId>> {
    let mut created: Vec<NodeId> = Vec::new();
    for step in steps {
        match step {
            Step::Create { kind, name, parent, from, external_id } => {
                let parent = parent.as_ref().map(|parent| resolve(parent, &created)).transpose()?;
                let from = date_of(*from)?;
                let id: i64 = super::sql::query_scalar(
                    "INSERT INTO org_node (kind, valid_from, valid_to, external_id) VALUES ($1, $2, NULL, $3) RETURNING id",
                )
                .bind(kind.key())
                .bind(from)
                .bind(external_id.as_deref())
                .fetch_one(&mut *conn)
                .await?;
                insert_version(conn, NodeId(id), name, parent, from, None).await?;
                created.push(NodeId(id));
            }
            Step::Version { node, name, parent, from } => {
                let parent = parent.as_ref().map(|parent| resolve(parent, &created)).transpose()?;
                let ended = super::sql::query(
                    "UPDATE org_node_version SET valid_to = $2
                     WHERE node_id = $1 AND valid_to IS NULL AND valid_from <= $2",
                )
                .bind(node.0)
                .bind(the_day_before(*from)?)
                .execute(&mut *conn)
                .await?;
                if ended.rows_affected() != 1 {
                    return Err(DbError::Inconsistent("a node's latest version could not end before the change"));
                }
                insert_version(conn, *node, name, parent, date_of(*from)?, None).await?;
            }
            Step::Close { node, from } => {
                let last_day = the_day_before(*from)?;
                let closed = super::sql::query(
                    "UPDATE org_node SET valid_to = $2 WHERE id = $1 AND valid_to IS NULL AND valid_from <= $2",
                )
                .bind(node.0)
                .bind(last_day)
                .execute(&mut *conn)
                .await?;
                let ended = super::sql::query(
                    "UPDATE org_node_version SET valid_to = $2
                     WHERE node_id = $1 AND valid_to IS NULL AND valid_from <= $2",
                )
                .bind(node.0)
                .bind(last_day)
                .execute(&mut *conn)
                .await?;
                if closed.rows_affected() != 1 || ended.rows_affected() != 1 {
                    return Err(DbError::Inconsistent("a node could not close on that day"));
                }
            }
            Step::Succession { predecessor, successor, from } => {
                // Already recorded (the same register file again): kept as it is.
                super::sql::query(
                    "INSERT INTO org_succession (predecessor_id, successor_id, effective) VALUES ($1, $2, $3)
                     ON CONFLICT (predecessor_id, successor_id) DO NOTHING",
                )
                .bind(predecessor.0)
                .bind(resolve(successor, &created)?.0)
                .bind(date_of(*from)?)
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    Ok(created)
}
