//! Framework versions: their levels, groups, dimensions, descriptors and statements.

use super::error::DbResult;
use super::{Conn, Pool};
use crate::domain::framework::{Dimension, DimensionGroup, Framework, GroupInfo, LevelInfo, Statement};
use crate::domain::ids::FrameworkVersionId;
use crate::domain::keys::{DimensionKey, StatementKey};
use crate::domain::level::Level;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

fn decode(message: String) -> sqlx::Error {
    sqlx::Error::Decode(message.into())
}

/// Loads one framework version with everything in it, in display order.
pub async fn load(pool: &Pool, id: FrameworkVersionId) -> DbResult<Option<Framework>> {
    let mut conn = pool.acquire().await?;
    load_in(&mut conn, id).await
}

/// [`load`] on a connection, e.g. inside the transaction of an edit.
pub async fn load_in(conn: &mut Conn, id: FrameworkVersionId) -> DbResult<Option<Framework>> {
    let Some((name, version_label)): Option<(String, String)> =
        super::sql::query_as("SELECT name, version_label FROM framework_version WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await?
    else {
        return Ok(None);
    };

    let level_rows: Vec<(i64, String, String)> = super::sql::query_as(
        "SELECT level, name, description FROM framework_level WHERE framework_version_id = $1 ORDER BY level",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    let levels = level_rows
        .into_iter()
        .map(|(level, name, description)| {
            let level = u8::try_from(level).ok().and_then(|level| Level::parse(level).ok());
            let level = level.ok_or_else(|| decode("framework level out of range".into()))?;
            Ok(LevelInfo { level, name, description })
        })
        .collect::<DbResult<Vec<_>>>()?;

    let group_rows: Vec<(String, String, String)> = super::sql::query_as(
        "SELECT group_key, name, description FROM dimension_group WHERE framework_version_id = $1 ORDER BY position",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    let groups = group_rows
        .into_iter()
        .map(|(key, name, description)| {
            let group = DimensionGroup::from_key(&key).ok_or_else(|| decode(format!("unknown group {key}")))?;
            Ok(GroupInfo { group, name, description })
        })
        .collect::<DbResult<Vec<_>>>()?;

    let descriptor_rows: Vec<(i64, i64, String)> = super::sql::query_as(
        "SELECT d.id, dl.level, dl.description FROM dimension_level_descriptor dl
         JOIN dimension d ON d.id = dl.dimension_id
         WHERE d.framework_version_id = $1 ORDER BY d.id, dl.level",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut descriptors: HashMap<i64, Vec<String>> = HashMap::new();
    for (dimension_id, _, description) in descriptor_rows {
        descriptors.entry(dimension_id).or_default().push(description);
    }

    let statement_rows: Vec<(i64, String, String, String, Option<String>)> = super::sql::query_as(
        "SELECT s.dimension_id, s.statement_key, s.body, s.guidance, s.replaces_key FROM statement s
         JOIN dimension d ON d.id = s.dimension_id
         WHERE d.framework_version_id = $1 ORDER BY s.dimension_id, s.position",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut statements: HashMap<i64, Vec<Statement>> = HashMap::new();
    for (dimension_id, key, text, guidance, replaces) in statement_rows {
        let key = StatementKey::parse(&key).map_err(|_| decode(format!("bad statement key {key}")))?;
        let replaces = match replaces {
            Some(replaced) => {
                Some(StatementKey::parse(&replaced).map_err(|_| decode(format!("bad replaced key {replaced}")))?)
            }
            None => None,
        };
        statements.entry(dimension_id).or_default().push(Statement { key, text, guidance, replaces });
    }

    let dimension_rows: Vec<(i64, String, String, String, String)> = super::sql::query_as(
        "SELECT id, dimension_key, group_key, name, description FROM dimension
         WHERE framework_version_id = $1 ORDER BY position",
    )
    .bind(id.0)
    .fetch_all(&mut *conn)
    .await?;
    let dimensions = dimension_rows
        .into_iter()
        .map(|(dimension_id, key, group, name, description)| {
            Ok(Dimension {
                key: DimensionKey::parse(&key).map_err(|_| decode(format!("bad dimension key {key}")))?,
                group: DimensionGroup::from_key(&group).ok_or_else(|| decode(format!("unknown group {group}")))?,
                name,
                description,
                level_descriptors: descriptors.remove(&dimension_id).unwrap_or_default(),
                statements: statements.remove(&dimension_id).unwrap_or_default(),
            })
        })
        .collect::<DbResult<Vec<_>>>()?;

    Ok(Some(Framework { version_id: id, name, version_label, levels, groups, dimensions }))
}

/// Stores a framework as a new version under `framework_key` (its `version_id` is
/// ignored) and returns the new version's id.
pub async fn insert(conn: &mut Conn, framework_key: &str, framework: &Framework) -> DbResult<FrameworkVersionId> {
    insert_based_on(conn, framework_key, framework, None).await
}

/// Stores a framework as a new (draft) version copied from, or made beside, `based_on`.
pub async fn insert_based_on(
    conn: &mut Conn,
    framework_key: &str,
    framework: &Framework,
    based_on: Option<FrameworkVersionId>,
) -> DbResult<FrameworkVersionId> {
    let version_id: i64 = super::sql::query_scalar(
        "INSERT INTO framework_version (framework_key, name, version_label, created_at, based_on_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(framework_key)
    .bind(&framework.name)
    .bind(&framework.version_label)
    .bind(super::clock::now())
    .bind(based_on.map(|id| id.0))
    .fetch_one(&mut *conn)
    .await?;
    insert_content(conn, version_id, framework).await?;
    Ok(FrameworkVersionId(version_id))
}

/// Replaces everything in a draft version with `framework` (the database refuses it for a
/// frozen version).
pub async fn replace_content(conn: &mut Conn, id: FrameworkVersionId, framework: &Framework) -> DbResult<()> {
    for statement in [
        "DELETE FROM statement WHERE dimension_id IN (SELECT id FROM dimension WHERE framework_version_id = $1)",
        "DELETE FROM dimension_level_descriptor
         WHERE dimension_id IN (SELECT id FROM dimension WHERE framework_version_id = $1)",
        "DELETE FROM dimension WHERE framework_version_id = $1",
        "DELETE FROM dimension_group WHERE framework_version_id = $1",
        "DELETE FROM framework_level WHERE framework_version_id = $1",
    ] {
        super::sql::query(statement).bind(id.0).execute(&mut *conn).await?;
    }
    super::sql::query("UPDATE framework_version SET name = $1, version_label = $2 WHERE id = $3")
        .bind(&framework.name)
        .bind(&framework.version_label)
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    insert_content(conn, id.0, framework).await
}

async fn insert_content(conn: &mut Conn, version_id: i64, framework: &Framework) -> DbResult<()> {
    for level in &framework.levels {
        super::sql::query(
            "INSERT INTO framework_level (framework_version_id, level, name, description) VALUES ($1, $2, $3, $4)",
        )
        .bind(version_id)
        .bind(i64::from(level.level.get()))
        .bind(&level.name)
        .bind(&level.description)
        .execute(&mut *conn)
        .await?;
    }
    for (position, group) in (0i64..).zip(&framework.groups) {
        super::sql::query(
            "INSERT INTO dimension_group (framework_version_id, group_key, position, name, description) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(version_id)
        .bind(group.group.key())
        .bind(position)
        .bind(&group.name)
        .bind(&group.description)
        .execute(&mut *conn)
        .await?;
    }
    for (position, dimension) in (0i64..).zip(&framework.dimensions) {
        let dimension_id: i64 = super::sql::query_scalar(
            "INSERT INTO dimension (framework_version_id, dimension_key, group_key, position, name, description)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(version_id)
        .bind(dimension.key.as_str())
        .bind(dimension.group.key())
        .bind(position)
        .bind(&dimension.name)
        .bind(&dimension.description)
        .fetch_one(&mut *conn)
        .await?;
        for (level, description) in (1i64..).zip(&dimension.level_descriptors) {
            super::sql::query(
                "INSERT INTO dimension_level_descriptor (dimension_id, level, description) VALUES ($1, $2, $3)",
            )
            .bind(dimension_id)
            .bind(level)
            .bind(description)
            .execute(&mut *conn)
            .await?;
        }
        for (position, statement) in (0i64..).zip(&dimension.statements) {
            super::sql::query(
                "INSERT INTO statement (dimension_id, statement_key, position, body, guidance, replaces_key)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(dimension_id)
            .bind(statement.key.as_str())
            .bind(position)
            .bind(&statement.text)
            .bind(&statement.guidance)
            .bind(statement.replaces.as_ref().map(StatementKey::as_str))
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// Freezes (publishes) a version: it must not change any more. Nothing happens to a version
/// already frozen.
pub async fn freeze(conn: &mut Conn, id: FrameworkVersionId) -> DbResult<()> {
    super::sql::query("UPDATE framework_version SET frozen = TRUE, published_at = $2 WHERE id = $1 AND NOT frozen")
        .bind(id.0)
        .bind(super::clock::now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A framework version as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct VersionInfo {
    pub id: i64,
    pub framework_key: String,
    pub name: String,
    pub version_label: String,
    /// Published: used by a round, or ready to be (a frozen version never changes).
    pub frozen: bool,
    pub created_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    /// The version a draft was copied from.
    pub based_on_id: Option<i64>,
    /// How many rounds use it.
    pub rounds: i64,
}

const VERSION_INFO: &str = "SELECT v.id, v.framework_key, v.name, v.version_label, v.frozen, v.created_at,
        v.published_at, v.based_on_id, (SELECT COUNT(*) FROM round r WHERE r.framework_version_id = v.id) AS rounds
     FROM framework_version v";

/// Every framework version, newest first.
pub async fn versions(pool: &Pool) -> DbResult<Vec<VersionInfo>> {
    Ok(super::sql::query_as(format!("{VERSION_INFO} ORDER BY v.id DESC")).fetch_all(pool).await?)
}

/// One version's facts, read inside a transaction.
pub async fn version_in(conn: &mut Conn, id: FrameworkVersionId) -> DbResult<Option<VersionInfo>> {
    Ok(super::sql::query_as(format!("{VERSION_INFO} WHERE v.id = $1")).bind(id.0).fetch_optional(&mut *conn).await?)
}

/// The newest published version, if any.
pub async fn latest_published(conn: &mut Conn) -> DbResult<Option<FrameworkVersionId>> {
    let id: Option<i64> =
        super::sql::query_scalar("SELECT MAX(id) FROM framework_version WHERE frozen").fetch_one(&mut *conn).await?;
    Ok(id.map(FrameworkVersionId))
}

/// Every statement and dimension key any version has used (a new key must be none of them).
pub async fn used_keys(conn: &mut Conn) -> DbResult<std::collections::HashSet<String>> {
    let keys: Vec<String> =
        super::sql::query_scalar("SELECT statement_key FROM statement UNION SELECT dimension_key FROM dimension")
            .fetch_all(&mut *conn)
            .await?;
    Ok(keys.into_iter().collect())
}

/// Every version label in use under `framework_key`.
pub async fn labels(conn: &mut Conn, framework_key: &str) -> DbResult<std::collections::HashSet<String>> {
    let labels: Vec<String> =
        super::sql::query_scalar("SELECT version_label FROM framework_version WHERE framework_key = $1")
            .bind(framework_key)
            .fetch_all(&mut *conn)
            .await?;
    Ok(labels.into_iter().collect())
}

/// Whether `label` is used by another version than `except` under `framework_key`.
pub async fn label_taken(
    conn: &mut Conn,
    framework_key: &str,
    label: &str,
    except: Option<FrameworkVersionId>,
) -> DbResult<bool> {
    let found: Option<i64> = super::sql::query_scalar(
        "SELECT id FROM framework_version WHERE framework_key = $1 AND version_label = $2 AND id IS DISTINCT FROM $3",
    )
    .bind(framework_key)
    .bind(label)
    .bind(except.map(|id| id.0))
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

/// Whether the version is frozen (published); `None` if there is no such version.
pub async fn is_frozen(conn: &mut Conn, id: FrameworkVersionId) -> DbResult<Option<bool>> {
    Ok(super::sql::query_scalar("SELECT frozen FROM framework_version WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?)
}
