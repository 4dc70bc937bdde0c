//! Framework versions: their levels, groups, dimensions, descriptors and statements.

use super::error::{DbError, DbResult};
use super::{Conn, Pool};
use crate::domain::framework::{Dimension, DimensionGroup, Framework, GroupInfo, LevelInfo, Statement};
use crate::domain::ids::FrameworkVersionId;
use crate::domain::keys::{DimensionKey, StatementKey};
use crate::domain::level::Level;
use std::collections::HashMap;

fn decode(message: String) -> sqlx::Error {
    sqlx::Error::Decode(message.into())
}

/// The framework version a round uses: it must exist (the schema's foreign key says so).
pub async fn of_round(pool: &Pool, id: FrameworkVersionId) -> DbResult<Framework> {
    load(pool, id).await?.ok_or(DbError::Inconsistent("a round's framework version is missing"))
}

/// Loads one framework version with everything in it, in display order.
pub async fn load(pool: &Pool, id: FrameworkVersionId) -> DbResult<Option<Framework>> {
    let Some((name, version_label)): Option<(String, String)> =
        sqlx::query_as("SELECT name, version_label FROM framework_version WHERE id = $1")
            .bind(id.0)
            .fetch_optional(pool)
            .await?
    else {
        return Ok(None);
    };

    let level_rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT level, name, description FROM framework_level WHERE framework_version_id = $1 ORDER BY level",
    )
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    let levels = level_rows
        .into_iter()
        .map(|(level, name, description)| {
            let level = u8::try_from(level).ok().and_then(|level| Level::parse(level).ok());
            let level = level.ok_or_else(|| decode("framework level out of range".into()))?;
            Ok(LevelInfo { level, name, description })
        })
        .collect::<DbResult<Vec<_>>>()?;

    let group_rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT group_key, name, description FROM dimension_group WHERE framework_version_id = $1 ORDER BY position",
    )
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    let groups = group_rows
        .into_iter()
        .map(|(key, name, description)| {
            let group = DimensionGroup::from_key(&key).ok_or_else(|| decode(format!("unknown group {key}")))?;
            Ok(GroupInfo { group, name, description })
        })
        .collect::<DbResult<Vec<_>>>()?;

    let descriptor_rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT d.id, dl.level, dl.description FROM dimension_level_descriptor dl
         JOIN dimension d ON d.id = dl.dimension_id
         WHERE d.framework_version_id = $1 ORDER BY d.id, dl.level",
    )
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    let mut descriptors: HashMap<i64, Vec<String>> = HashMap::new();
    for (dimension_id, _, description) in descriptor_rows {
        descriptors.entry(dimension_id).or_default().push(description);
    }

    let statement_rows: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT s.dimension_id, s.statement_key, s.body, s.guidance FROM statement s
         JOIN dimension d ON d.id = s.dimension_id
         WHERE d.framework_version_id = $1 ORDER BY s.dimension_id, s.position",
    )
    .bind(id.0)
    .fetch_all(pool)
    .await?;
    let mut statements: HashMap<i64, Vec<Statement>> = HashMap::new();
    for (dimension_id, key, text, guidance) in statement_rows {
        let key = StatementKey::parse(&key).map_err(|_| decode(format!("bad statement key {key}")))?;
        statements.entry(dimension_id).or_default().push(Statement { key, text, guidance });
    }

    let dimension_rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT id, dimension_key, group_key, name, description FROM dimension
         WHERE framework_version_id = $1 ORDER BY position",
    )
    .bind(id.0)
    .fetch_all(pool)
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
    let version_id: i64 = sqlx::query_scalar(
        "INSERT INTO framework_version (framework_key, name, version_label, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(framework_key)
    .bind(&framework.name)
    .bind(&framework.version_label)
    .bind(super::clock::now())
    .fetch_one(&mut *conn)
    .await?;

    for level in &framework.levels {
        sqlx::query(
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
        sqlx::query(
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
        let dimension_id: i64 = sqlx::query_scalar(
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
            sqlx::query(
                "INSERT INTO dimension_level_descriptor (dimension_id, level, description) VALUES ($1, $2, $3)",
            )
            .bind(dimension_id)
            .bind(level)
            .bind(description)
            .execute(&mut *conn)
            .await?;
        }
        for (position, statement) in (0i64..).zip(&dimension.statements) {
            sqlx::query(
                "INSERT INTO statement (dimension_id, statement_key, position, body, guidance) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(dimension_id)
            .bind(statement.key.as_str())
            .bind(position)
            .bind(&statement.text)
            .bind(&statement.guidance)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(FrameworkVersionId(version_id))
}

/// Freezes a version: a round has used it, so it must not change any more.
pub async fn freeze(conn: &mut Conn, id: FrameworkVersionId) -> DbResult<()> {
    sqlx::query("UPDATE framework_version SET frozen = TRUE WHERE id = $1").bind(id.0).execute(&mut *conn).await?;
    Ok(())
}

/// A framework version as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct VersionInfo {
    pub id: i64,
    pub name: String,
    pub version_label: String,
    /// Published: used by a round, or ready to be (a frozen version never changes).
    pub frozen: bool,
}

/// Every framework version, newest first.
pub async fn versions(pool: &Pool) -> DbResult<Vec<VersionInfo>> {
    Ok(sqlx::query_as("SELECT id, name, version_label, frozen FROM framework_version ORDER BY id DESC")
        .fetch_all(pool)
        .await?)
}

/// Whether the version is frozen (published); `None` if there is no such version.
pub async fn is_frozen(conn: &mut Conn, id: FrameworkVersionId) -> DbResult<Option<bool>> {
    Ok(sqlx::query_scalar("SELECT frozen FROM framework_version WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut *conn)
        .await?)
}
