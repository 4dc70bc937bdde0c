//! The organisation tree as it was on a given date.
//!
//! A node's name and parent come from the `org_node_version` row valid on that date, so a
//! report of an earlier round shows the tree as it was then.

use super::error::DbResult;
use super::sql::QueryBuilder;
use super::{Conn, Pool};
use crate::domain::ids::NodeId;
use crate::domain::org::OrgKind;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A node as it was on a date.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeAt {
    pub id: NodeId,
    pub kind: OrgKind,
    pub name: String,
    pub parent: Option<NodeId>,
}

/// A unit (enhet) under some node, with its path from the city root and the names of
/// the organisations it sits in.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitInTree {
    pub id: NodeId,
    pub name: String,
    /// From the city root down to the unit itself.
    pub path: Vec<NodeId>,
    /// The förvaltning or bolag it belongs to.
    pub administration: Option<(NodeId, String)>,
    /// The avdelning directly above it, if any.
    pub department: Option<String>,
}

/// The node's name, kind and parent on `on`, if it existed then.
pub async fn node_at(pool: &Pool, id: NodeId, on: NaiveDate) -> DbResult<Option<NodeAt>> {
    let row = super::sql::query(
        "SELECT n.id, n.kind, v.name, v.parent_id
         FROM org_node n JOIN org_node_version v ON v.node_id = n.id
         WHERE n.id = $1 AND v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to >= $2)",
    )
    .bind(id.0)
    .bind(on)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok(NodeAt {
            id: NodeId(row.try_get("id")?),
            kind: kind_from(&row.try_get::<String, _>("kind")?)?,
            name: row.try_get("name")?,
            parent: row.try_get::<Option<i64>, _>("parent_id")?.map(NodeId),
        })
    })
    .transpose()
}

/// The kind a stored key names; an unknown key is a decoding error.
fn kind_from(key: &str) -> Result<OrgKind, sqlx::Error> {
    OrgKind::from_key(key).ok_or_else(|| sqlx::Error::Decode(format!("unknown org kind {key}").into()))
}

/// The path from the root down to `id` (inclusive) on `on`; empty if the node did not
/// exist then.
pub async fn path_to(pool: &Pool, id: NodeId, on: NaiveDate) -> DbResult<Vec<NodeId>> {
    Ok(lineage(pool, id, on).await?.into_iter().map(|node| node.id).collect())
}

/// The nodes from the root down to `id` (inclusive) as they were on `on`, each with its name,
/// kind and parent, in one query; empty if `id` did not exist then. What `node_at` and
/// `path_to` give together, in one round trip instead of two.
pub async fn lineage(pool: &Pool, id: NodeId, on: NaiveDate) -> DbResult<Vec<NodeAt>> {
    let rows: Vec<(i64, String, String, Option<i64>)> = super::sql::query_as(
        "WITH RECURSIVE up (id, parent_id, name, depth) AS (
             SELECT node_id, parent_id, name, 0 FROM org_node_version
             WHERE node_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)
             UNION ALL
             SELECT v.node_id, v.parent_id, v.name, up.depth + 1
             FROM org_node_version v JOIN up ON v.node_id = up.parent_id
             WHERE v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to >= $2) AND up.depth < 32
         )
         SELECT up.id, n.kind, up.name, up.parent_id FROM up JOIN org_node n ON n.id = up.id
         ORDER BY up.depth DESC",
    )
    .bind(id.0)
    .bind(on)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(id, kind, name, parent)| {
            Ok(NodeAt { id: NodeId(id), kind: kind_from(&kind)?, name, parent: parent.map(NodeId) })
        })
        .collect()
}

/// A node's path from the root (inclusive) and its name, on one date.
#[derive(Clone, Debug, PartialEq)]
pub struct PathOn {
    pub path: Vec<NodeId>,
    pub name: String,
}

/// The path and name of each node on its date, in one query; a node that did not exist on
/// its date is left out.
pub async fn paths_on(pool: &Pool, starts: &[(NodeId, NaiveDate)]) -> DbResult<HashMap<(NodeId, NaiveDate), PathOn>> {
    let mut found: HashMap<(NodeId, NaiveDate), PathOn> = HashMap::new();
    if starts.is_empty() {
        return Ok(found);
    }
    let mut query = QueryBuilder::new("WITH RECURSIVE seed (start_id, on_date) AS (");
    query.push_values(starts, |mut row, (node, on)| {
        row.push_bind(node.0).push_bind(*on);
    });
    query.push(
        "), up (start_id, on_date, id, parent_id, depth, name) AS (
             SELECT s.start_id, s.on_date, v.node_id, v.parent_id, 0, v.name
             FROM seed s JOIN org_node_version v ON v.node_id = s.start_id
             WHERE v.valid_from <= s.on_date AND (v.valid_to IS NULL OR v.valid_to >= s.on_date)
             UNION ALL
             SELECT up.start_id, up.on_date, v.node_id, v.parent_id, up.depth + 1, up.name
             FROM org_node_version v JOIN up ON v.node_id = up.parent_id
             WHERE v.valid_from <= up.on_date AND (v.valid_to IS NULL OR v.valid_to >= up.on_date) AND up.depth < 32
         )
         SELECT start_id, on_date, id, name FROM up ORDER BY start_id, on_date, depth DESC",
    );
    let rows: Vec<(i64, NaiveDate, i64, String)> = query.build_query_as().fetch_all(pool).await?;
    for (start, on, id, name) in rows {
        let entry = found.entry((NodeId(start), on)).or_insert_with(|| PathOn { path: Vec::new(), name });
        entry.path.push(NodeId(id));
    }
    Ok(found)
}

/// Every unit (enhet) in the subtree of `root` on `on`, ordered by administration,
/// department and name.
pub async fn units_under(pool: &Pool, root: NodeId, on: NaiveDate) -> DbResult<Vec<UnitInTree>> {
    let above_root = path_to(pool, root, on).await?;
    let Some((_, ancestors)) = above_root.split_last() else { return Ok(Vec::new()) };
    let rows = super::sql::query(
        "WITH RECURSIVE down (id, kind, name, depth, path, admin_id, admin_name, parent_name) AS (
             SELECT n.id, n.kind, v.name, 0, ',' || n.id || ',',
                    CASE WHEN n.kind IN ('stadsdelsforvaltning', 'fackforvaltning', 'bolag') THEN n.id END,
                    CASE WHEN n.kind IN ('stadsdelsforvaltning', 'fackforvaltning', 'bolag') THEN v.name END,
                    NULL
             FROM org_node n JOIN org_node_version v ON v.node_id = n.id
             WHERE n.id = $1 AND v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to >= $2)
             UNION ALL
             SELECT c.id, c.kind, cv.name, d.depth + 1, d.path || c.id || ',',
                    COALESCE(d.admin_id, CASE WHEN c.kind IN ('stadsdelsforvaltning', 'fackforvaltning', 'bolag') THEN c.id END),
                    COALESCE(d.admin_name, CASE WHEN c.kind IN ('stadsdelsforvaltning', 'fackforvaltning', 'bolag') THEN cv.name END),
                    CASE WHEN d.kind = 'avdelning' THEN d.name END
             FROM down d
             JOIN org_node_version cv ON cv.parent_id = d.id
                  AND cv.valid_from <= $2 AND (cv.valid_to IS NULL OR cv.valid_to >= $2)
             JOIN org_node c ON c.id = cv.node_id
             WHERE d.depth < 32
         )
         SELECT id, name, path, admin_id, admin_name, parent_name FROM down
         WHERE kind = 'enhet'
         ORDER BY admin_name, parent_name, name",
    )
    .bind(root.0)
    .bind(on)
    .fetch_all(pool)
    .await?;

    rows.into_iter()
        .map(|row| {
            let path_text: String = row.try_get("path")?;
            let below: Vec<NodeId> = path_text
                .split(',')
                .filter(|part| !part.is_empty())
                .map(|part| part.parse().map(NodeId))
                .collect::<Result<_, _>>()
                .map_err(|error| sqlx::Error::Decode(Box::new(error)))?;
            let admin_id: Option<i64> = row.try_get("admin_id")?;
            let admin_name: Option<String> = row.try_get("admin_name")?;
            Ok(UnitInTree {
                id: NodeId(row.try_get("id")?),
                name: row.try_get("name")?,
                path: ancestors.iter().copied().chain(below).collect(),
                administration: admin_id.zip(admin_name).map(|(id, name)| (NodeId(id), name)),
                department: row.try_get("parent_name")?,
            })
        })
        .collect()
}

/// A node to create: its kind, its first name and parent, and when it came to be.
#[derive(Clone, Debug)]
pub struct NewNode<'a> {
    pub kind: OrgKind,
    pub name: &'a str,
    pub parent: Option<NodeId>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// Creates a node with its first version.
pub async fn insert_node(conn: &mut Conn, node: &NewNode<'_>) -> DbResult<NodeId> {
    let period =
        NodePeriod { name: node.name, parent: node.parent, valid_from: node.valid_from, valid_to: node.valid_to };
    insert_node_with_history(conn, node.kind, &[period]).await
}

/// One period of a node's history: its name and parent from `valid_from` to `valid_to`.
#[derive(Clone, Debug)]
pub struct NodePeriod<'a> {
    pub name: &'a str,
    pub parent: Option<NodeId>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

/// Creates a node whose history has several periods (oldest first), e.g. a unit that
/// moved to another administration in a merger. Its lifetime spans all periods.
pub async fn insert_node_with_history(conn: &mut Conn, kind: OrgKind, periods: &[NodePeriod<'_>]) -> DbResult<NodeId> {
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
        return Err(super::error::DbError::Inconsistent("a node needs at least one period"));
    };
    let id: i64 =
        super::sql::query_scalar("INSERT INTO org_node (kind, valid_from, valid_to) VALUES ($1, $2, $3) RETURNING id")
            .bind(kind.key())
            .bind(first.valid_from)
            .bind(last.valid_to)
            .fetch_one(&mut *conn)
            .await?;
    for period in periods {
        insert_version(conn, NodeId(id), period.name, period.parent, period.valid_from, period.valid_to).await?;
    }
    Ok(NodeId(id))
}

/// Adds a period to a node's history: its name and parent from `valid_from` to `valid_to`.
pub async fn insert_version(
    conn: &mut Conn,
    id: NodeId,
    name: &str,
    parent: Option<NodeId>,
    valid_from: NaiveDate,
    valid_to: Option<NaiveDate>,
) -> DbResult<()> {
    super::sql::query(
        "INSERT INTO org_node_version (node_id, name, parent_id, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id.0)
    .bind(name)
    .bind(parent.map(|parent| parent.0))
    .bind(valid_from)
    .bind(valid_to)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Records that `successor` carries on `predecessor`'s work from `effective`.
pub async fn insert_succession(
    conn: &mut Conn,
    predecessor: NodeId,
    successor: NodeId,
    effective: NaiveDate,
) -> DbResult<()> {
    super::sql::query("INSERT INTO org_succession (predecessor_id, successor_id, effective) VALUES ($1, $2, $3)")
        .bind(predecessor.0)
        .bind(successor.0)
        .bind(effective)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The organisations whose work `node` carries on, and theirs in turn (Järva: Spånga-Tensta
/// and Rinkeby-Kista), each once, by id.
pub async fn predecessors(pool: &Pool, node: NodeId) -> DbResult<Vec<NodeId>> {
    /// How many generations back a chain of successions is followed.
    const GENERATIONS: usize = 8;
    let mut found: Vec<NodeId> = Vec::new();
    let mut generation = vec![node];
    for _ in 0..GENERATIONS {
        if generation.is_empty() {
            break;
        }
        let mut query = QueryBuilder::new("SELECT predecessor_id FROM org_succession WHERE successor_id IN (");
        let mut list = query.separated(", ");
        for id in &generation {
            list.push_bind(id.0);
        }
        query.push(")");
        let earlier: Vec<i64> = query.build_query_scalar().fetch_all(pool).await?;
        generation = earlier.into_iter().map(NodeId).filter(|id| *id != node && !found.contains(id)).collect();
        generation.sort();
        generation.dedup();
        found.extend(&generation);
    }
    found.sort();
    Ok(found)
}

/// The root of the tree (the city), if any.
pub async fn city_root(pool: &Pool) -> DbResult<Option<NodeId>> {
    let id: Option<i64> = super::sql::query_scalar("SELECT id FROM org_node WHERE kind = 'city' ORDER BY id LIMIT 1")
        .fetch_optional(pool)
        .await?;
    Ok(id.map(NodeId))
}
