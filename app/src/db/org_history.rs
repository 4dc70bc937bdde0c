//! One organisation's life as stored: its periods (name and parent in each), when it began
//! and ended, which organisations it carried on or was carried on by, what was under it
//! before, and where its assessments stand. Nothing here rewrites history; it only reads it.

use super::Pool;
use super::error::DbResult;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::org::OrgKind;
use crate::domain::status::AssessmentStatus;
use chrono::NaiveDate;
use std::collections::HashMap;

/// The organisation itself: its kind and the days it existed (`until` inclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeLife {
    pub kind: OrgKind,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    /// Its name in its latest period.
    pub last_name: String,
}

/// One period of an organisation: the name and place it had from `from` to `until`
/// (inclusive; `None` while it lasts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    pub name: String,
    /// The parent and its name on the period's first day (none for the city).
    pub parent: Option<(NodeId, String)>,
}

/// A succession seen from one organisation: the other one, its latest name, and the day
/// the successor took over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Succession {
    pub other: NodeId,
    pub other_name: String,
    pub effective: NaiveDate,
}

/// An organisation that was under this one and no longer is: until when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormerChild {
    pub id: NodeId,
    pub name: String,
    pub kind: OrgKind,
    pub until: NaiveDate,
}

fn kind_of(key: &str) -> DbResult<OrgKind> {
    OrgKind::from_key(key).ok_or_else(|| sqlx::Error::Decode(format!("unknown org kind {key}").into()).into())
}

/// The organisation's kind, first and last day and latest name, if it exists at all.
pub async fn life(pool: &Pool, node: NodeId) -> DbResult<Option<NodeLife>> {
    let row: Option<(String, NaiveDate, Option<NaiveDate>, String)> = super::sql::query_as(
        "SELECT n.kind, n.valid_from, n.valid_to,
                (SELECT v.name FROM org_node_version v WHERE v.node_id = n.id ORDER BY v.valid_from DESC LIMIT 1)
         FROM org_node n WHERE n.id = $1",
    )
    .bind(node.0)
    .fetch_optional(pool)
    .await?;
    row.map(|(kind, from, until, last_name)| Ok(NodeLife { kind: kind_of(&kind)?, from, until, last_name })).transpose()
}

/// A period as read: first and last day, name, parent and the parent's name then.
type PeriodRow = (NaiveDate, Option<NaiveDate>, String, Option<i64>, Option<String>);

/// Every period of the organisation, the earliest first, each with its parent as named on
/// the period's first day.
pub async fn periods(pool: &Pool, node: NodeId) -> DbResult<Vec<Period>> {
    let rows: Vec<PeriodRow> = super::sql::query_as(
        "SELECT v.valid_from, v.valid_to, v.name, v.parent_id,
                (SELECT p.name FROM org_node_version p
                 WHERE p.node_id = v.parent_id AND p.valid_from <= v.valid_from
                       AND (p.valid_to IS NULL OR p.valid_to >= v.valid_from)
                 ORDER BY p.valid_from DESC LIMIT 1)
         FROM org_node_version v WHERE v.node_id = $1 ORDER BY v.valid_from",
    )
    .bind(node.0)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(from, until, name, parent, parent_name)| Period {
            from,
            until,
            name,
            parent: parent.map(|parent| (NodeId(parent), parent_name.unwrap_or_default())),
        })
        .collect())
}

/// The organisations `node` carried on (`predecessors`) and those that carry it on
/// (`successors`), each the earliest first.
pub async fn successions(pool: &Pool, node: NodeId) -> DbResult<(Vec<Succession>, Vec<Succession>)> {
    let rows: Vec<(i64, i64, NaiveDate, String)> = super::sql::query_as(
        "SELECT s.predecessor_id, s.successor_id, s.effective,
                (SELECT v.name FROM org_node_version v
                 WHERE v.node_id = CASE WHEN s.predecessor_id = $1 THEN s.successor_id ELSE s.predecessor_id END
                 ORDER BY v.valid_from DESC LIMIT 1)
         FROM org_succession s
         WHERE s.predecessor_id = $1 OR s.successor_id = $1
         ORDER BY s.effective, s.predecessor_id, s.successor_id",
    )
    .bind(node.0)
    .fetch_all(pool)
    .await?;
    let mut predecessors = Vec::new();
    let mut successors = Vec::new();
    for (predecessor, successor, effective, other_name) in rows {
        if successor == node.0 {
            predecessors.push(Succession { other: NodeId(predecessor), other_name, effective });
        } else {
            successors.push(Succession { other: NodeId(successor), other_name, effective });
        }
    }
    Ok((predecessors, successors))
}

/// The organisations that were under `node` before `on` and are not under it on `on`
/// (moved away, merged or closed), the latest to leave first.
pub async fn former_children(pool: &Pool, node: NodeId, on: NaiveDate) -> DbResult<Vec<FormerChild>> {
    let rows: Vec<(i64, String, NaiveDate, String)> = super::sql::query_as(
        "SELECT v.node_id, n.kind, max(v.valid_to),
                (SELECT l.name FROM org_node_version l WHERE l.node_id = v.node_id
                 ORDER BY l.valid_from DESC LIMIT 1)
         FROM org_node_version v JOIN org_node n ON n.id = v.node_id
         WHERE v.parent_id = $1 AND v.valid_to IS NOT NULL AND v.valid_to < $2
           AND NOT EXISTS (
               SELECT 1 FROM org_node_version c
               WHERE c.node_id = v.node_id AND c.parent_id = $1
                     AND c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to >= $2))
         GROUP BY v.node_id, n.kind
         ORDER BY max(v.valid_to) DESC, v.node_id",
    )
    .bind(node.0)
    .bind(on)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, kind, until, name)| Ok(FormerChild { id: NodeId(id), name, kind: kind_of(&kind)?, until }))
        .collect()
}

/// Where the unit's assessment stands in each round it has one in (no row: not started).
pub async fn assessment_statuses(pool: &Pool, unit: NodeId) -> DbResult<HashMap<RoundId, AssessmentStatus>> {
    let rows: Vec<(i64, String)> = super::sql::query_as("SELECT round_id, status FROM assessment WHERE unit_id = $1")
        .bind(unit.0)
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(round, status)| AssessmentStatus::from_key(&status).map(|status| (RoundId(round), status)))
        .collect())
}
