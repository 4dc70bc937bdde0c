//! Reading framework versions for the administration (server only): who may, the list, a
//! version, a comparison and the edit forms.

use super::kept;
use super::types::{ComparisonPage, DraftForm, VersionLine, VersionList, VersionPage};
use crate::api::context::Caller;
use crate::api::error::AppError;
use crate::db::framework::VersionInfo;
use crate::db::{self, Pool};
use crate::domain::framework::Framework;
use crate::domain::framework_edit::{compare, validate};
use crate::domain::ids::FrameworkVersionId;
use crate::domain::rights::{Permission, may};

/// Only the quality department (the permission held on the city) gets any further; everyone
/// else gets `Forbidden`, whatever they ask about.
pub async fn require_framework_manager(pool: &Pool, caller: &Caller) -> Result<(), AppError> {
    let city = db::org::city_root(pool).await?.ok_or(AppError::Forbidden)?;
    if may(&caller.grants, Permission::ManageFramework, &[city]) {
        Ok(())
    } else {
        tracing::warn!(user = %caller.id, "framework administration denied");
        Err(AppError::Forbidden)
    }
}

/// The date part of a stored time.
/// The Stockholm calendar date of a stored instant, e.g. `2026-12-07`.
fn date_of(instant: chrono::DateTime<chrono::Utc>) -> String {
    db::clock::local_date(instant).to_string()
}

/// A version as lists show it.
pub fn line(info: &VersionInfo) -> VersionLine {
    VersionLine {
        id: FrameworkVersionId(info.id),
        name: info.name.clone(),
        label: info.version_label.clone(),
        published: info.frozen,
        created_on: date_of(info.created_at),
        published_on: info.published_at.map(date_of),
        rounds: info.rounds,
        based_on: info.based_on_id.map(FrameworkVersionId),
    }
}

/// Every version, newest first.
pub async fn list(pool: &Pool, caller: &Caller) -> Result<VersionList, AppError> {
    require_framework_manager(pool, caller).await?;
    let versions: Vec<VersionLine> = db::framework::versions(pool).await?.iter().map(line).collect();
    let can_copy = versions.iter().any(|version| version.published);
    Ok(VersionList { versions, can_copy })
}

/// A version's line and content; `NotFound` if there is none.
async fn version(pool: &Pool, id: FrameworkVersionId) -> Result<(VersionLine, Framework), AppError> {
    let mut conn = pool.acquire().await?;
    let info = db::framework::version_in(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    let framework = db::framework::load_in(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    Ok((line(&info), framework))
}

/// One version with everything in it.
pub async fn version_page(pool: &Pool, caller: &Caller, id: FrameworkVersionId) -> Result<VersionPage, AppError> {
    require_framework_manager(pool, caller).await?;
    let (line, framework) = version(pool, id).await?;
    let problems = if line.published { Vec::new() } else { validate(&framework) };
    let based_on = match line.based_on {
        Some(base) => version(pool, base).await.ok().map(|(line, _)| line),
        None => None,
    };
    Ok(VersionPage { line, framework, problems, based_on })
}

/// Version `a` against version `b`.
pub async fn comparison(
    pool: &Pool,
    caller: &Caller,
    a: FrameworkVersionId,
    b: FrameworkVersionId,
) -> Result<ComparisonPage, AppError> {
    require_framework_manager(pool, caller).await?;
    let (a_line, a_framework) = version(pool, a).await?;
    let (b_line, b_framework) = version(pool, b).await?;
    let comparison = compare(&a_framework, &b_framework);
    let mut dimension_names: Vec<(String, String)> = Vec::new();
    for dimension in b_framework.dimensions.iter().chain(&a_framework.dimensions) {
        if !dimension_names.iter().any(|(key, _)| key == dimension.key.as_str()) {
            dimension_names.push((dimension.key.to_string(), dimension.name.clone()));
        }
    }
    let versions = db::framework::versions(pool).await?.iter().map(line).collect();
    Ok(ComparisonPage { a: a_line, b: b_line, comparison, dimension_names, versions })
}

/// A draft's edit form: its general texts (`dimension` `None`) or one dimension, with a
/// refused post's fields and problems if `refused` names one the caller kept.
pub async fn draft_form(
    pool: &Pool,
    caller: &Caller,
    id: FrameworkVersionId,
    dimension: Option<String>,
    refused: Option<String>,
) -> Result<DraftForm, AppError> {
    require_framework_manager(pool, caller).await?;
    let (line, framework) = version(pool, id).await?;
    if !line.editable() {
        return Err(AppError::ReadOnly);
    }
    let dimension = match dimension {
        Some(key) => Some(framework.dimension_by_str(&key).cloned().ok_or(AppError::NotFound)?),
        None => None,
    };
    let base_texts = match line.based_on {
        Some(base) => version(pool, base)
            .await
            .map(|(_, base)| {
                base.dimensions
                    .iter()
                    .flat_map(|dimension| dimension.statements.iter())
                    .map(|statement| (statement.key.to_string(), statement.text.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        None => Default::default(),
    };
    let refused = match refused {
        Some(token) => kept::refused(pool, caller, &token, id).await?,
        None => None,
    };
    Ok(DraftForm { line, framework, dimension, base_texts, refused })
}

/// A version as the TOML file the seeder reads, with a file name for it
/// (`mognad-ramverk-<label>.toml`, the label reduced to safe characters).
pub async fn toml_file(pool: &Pool, caller: &Caller, id: FrameworkVersionId) -> Result<(String, String), AppError> {
    require_framework_manager(pool, caller).await?;
    let mut conn = pool.acquire().await?;
    let info = db::framework::version_in(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    let framework = db::framework::load_in(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    let text = crate::domain::framework_file::write(&info.framework_key, &framework);
    let label: String = info
        .version_label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
        .take(60)
        .collect();
    Ok((format!("mognad-ramverk-{label}.toml"), text))
}
