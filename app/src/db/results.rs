//! What a round's results are computed from: the tree below the round's root on the
//! round's date, and the ratings of the units that submitted.

use super::Pool;
use super::error::DbResult;
use super::rounds::Round;
use crate::domain::answers::Answers;
use crate::domain::ids::{FrameworkVersionId, NodeId, RoundId};
use crate::domain::keys::StatementKey;
use crate::domain::level::{Level, Rating};
use crate::domain::org::OrgKind;
use crate::domain::results::TreeNode;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Every node in the subtree of `root` (inclusive) as it was on `on`.
pub async fn nodes_under(pool: &Pool, root: NodeId, on: NaiveDate) -> DbResult<Vec<TreeNode>> {
    let rows = super::sql::query(
        "WITH RECURSIVE down (id, kind, name, parent_id, depth) AS (
             SELECT n.id, n.kind, v.name, v.parent_id, 0
             FROM org_node n JOIN org_node_version v ON v.node_id = n.id
             WHERE n.id = $1 AND v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to >= $2)
             UNION ALL
             SELECT c.id, c.kind, cv.name, cv.parent_id, d.depth + 1
             FROM down d
             JOIN org_node_version cv ON cv.parent_id = d.id
                  AND cv.valid_from <= $2 AND (cv.valid_to IS NULL OR cv.valid_to >= $2)
             JOIN org_node c ON c.id = cv.node_id
             WHERE d.depth < 32
         )
         SELECT id, kind, name, parent_id FROM down",
    )
    .bind(root.0)
    .bind(on)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|row| {
            let kind: String = row.try_get("kind")?;
            let id = NodeId(row.try_get("id")?);
            Ok(TreeNode {
                id,
                kind: OrgKind::from_key(&kind)
                    .ok_or_else(|| sqlx::Error::Decode(format!("unknown org kind {kind}").into()))?,
                name: row.try_get("name")?,
                // The root's parent is outside the subtree.
                parent: if id == root { None } else { row.try_get::<Option<i64>, _>("parent_id")?.map(NodeId) },
            })
        })
        .collect()
}

/// The ratings of every unit that submitted in the round.
pub async fn submitted_ratings(pool: &Pool, round: RoundId) -> DbResult<HashMap<NodeId, Answers>> {
    let rows: Vec<(i64, String, Option<i64>, bool)> = super::sql::query_as(
        "SELECT a.unit_id, r.statement_key, r.level, r.not_applicable
         FROM assessment a JOIN rating r ON r.assessment_id = a.id
         WHERE a.round_id = $1 AND a.status = 'submitted'",
    )
    .bind(round.0)
    .fetch_all(pool)
    .await?;
    let mut answers: HashMap<NodeId, Answers> = HashMap::new();
    for (unit, key, level, not_applicable) in rows {
        let Ok(key) = StatementKey::parse(&key) else { continue };
        let rating = match (level, not_applicable) {
            (_, true) => Rating::NotApplicable,
            (Some(level), false) => match u8::try_from(level).ok().and_then(|level| Level::parse(level).ok()) {
                Some(level) => Rating::Level(level),
                None => continue,
            },
            (None, false) => continue,
        };
        answers.entry(NodeId(unit)).or_default().ratings.insert(key, rating);
    }
    Ok(answers)
}

/// What a round's results are computed from, in brief: if it is unchanged, so are the
/// results. Submitting or reopening an assessment, or changing a submitted one, moves the
/// round's results revision on, and any write to the organisation tree moves its revision on
/// (triggers); the round's tree date moves with the calendar while it is open, and its dates,
/// root and framework may be edited while it is a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsStamp {
    pub submissions: i64,
    pub organisation: i64,
    pub tree_date: NaiveDate,
    pub root: NodeId,
    pub framework_version: FrameworkVersionId,
}

/// The [`ResultsStamp`] of `round` now, when its tree is the one of `tree_date`: one query
/// reading two rows, however many assessments the round has.
pub async fn results_stamp(pool: &Pool, round: &Round, tree_date: NaiveDate) -> DbResult<ResultsStamp> {
    let mut stamps = results_stamps(pool, &[(round, tree_date)]).await?;
    Ok(stamps.remove(0))
}

/// The [`ResultsStamp`] of each round (with its tree date), in the same order, in one query
/// reading one row per round and the organisation's revision.
pub async fn results_stamps(pool: &Pool, rounds: &[(&Round, NaiveDate)]) -> DbResult<Vec<ResultsStamp>> {
    // The organisation's revision is the row without a round.
    let mut query = super::sql::QueryBuilder::new(
        "SELECT NULL, revision FROM org_revision WHERE id = 1
         UNION ALL SELECT round_id, revision FROM round_results_revision WHERE round_id IN (",
    );
    let mut ids = query.separated(", ");
    ids.push_bind(-1_i64); // no round has this id; keeps the list valid when `rounds` is empty
    for (round, _) in rounds {
        ids.push_bind(round.id.0);
    }
    query.push(")");
    let rows: Vec<(Option<i64>, i64)> = query.build_query_as().fetch_all(pool).await?;
    let organisation = rows
        .iter()
        .find_map(|(round, revision)| round.is_none().then_some(*revision))
        .ok_or(sqlx::Error::RowNotFound)?;
    let revisions: HashMap<i64, i64> =
        rows.into_iter().filter_map(|(round, revision)| Some((round?, revision))).collect();
    Ok(rounds
        .iter()
        .map(|(round, tree_date)| ResultsStamp {
            // A round nobody has submitted in yet has no row.
            submissions: revisions.get(&round.id.0).copied().unwrap_or(0),
            organisation,
            tree_date: *tree_date,
            root: round.root,
            framework_version: round.framework_version,
        })
        .collect())
}
