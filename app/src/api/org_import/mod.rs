//! Importing the organisation from the HR register (the quality department): a CSV or XLSX
//! file uploaded as a plain multipart form (`upload`), kept for its uploader, and reviewed as
//! a dry run against the tree as it is now — what is new, renamed, moved, closed and
//! unchanged, and every refused line — then applied all at once in one transaction, through
//! the same writes as a change made by hand (`db::org_changes`). Rules in
//! `domain::org_import`.

#[cfg(feature = "ssr")]
pub mod apply;
#[cfg(feature = "ssr")]
pub mod kept;
#[cfg(feature = "ssr")]
pub mod read;
mod types;
#[cfg(feature = "ssr")]
pub mod upload;

pub use types::{OrgImportForm, OrgImportView};

use crate::api::error::AppError;
use leptos::prelude::*;

/// The upload form's file field.
pub const FILE_FIELD: &str = "file";
/// The upload form's change date field.
pub const CHANGE_DAY_FIELD: &str = "change_day";
/// The most changed lines a review lists (all are counted and applied).
pub const MAX_SHOWN_ROWS: usize = 2_000;

/// The upload form, with why the last upload was refused (`refused`, a kept token).
#[server(endpoint = "org_import_form")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_org_import_form(refused: Option<String>) -> Result<OrgImportForm, AppError> {
    use crate::db::clock;

    let organiser = crate::api::org_changes::access::organiser().await?;
    let (problem, bad_change_day) = match refused.as_deref() {
        Some(token) => kept::refused(&organiser.pool, organiser.caller.id, token).await?,
        None => (None, false),
    };
    Ok(OrgImportForm { problem, bad_change_day, today: clock::today().format("%Y-%m-%d").to_string() })
}

/// An uploaded file: the dry run against the tree as it is now, or what it did. Nothing changes.
#[server(endpoint = "org_import_review")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_org_import(token: String) -> Result<OrgImportView, AppError> {
    use self::kept::KeptImport;

    let organiser = crate::api::org_changes::access::organiser().await?;
    match kept::import(&organiser.pool, organiser.caller.id, &token).await?.ok_or(AppError::NotFound)? {
        KeptImport::Pending { lines, change_day } => apply::review(&organiser, &lines, change_day).await,
        KeptImport::Applied { counts, managers_given } => Ok(OrgImportView::Applied { counts, managers_given }),
    }
}

/// Applies an uploaded file, all of it in one transaction or nothing: if any line is refused
/// now, nothing changes (`Invalid`; the review says why). Goes to the outcome.
#[server(endpoint = "apply_org_import")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn apply_org_import(token: String) -> Result<(), AppError> {
    use crate::routes::org_import_review_path;

    let organiser = crate::api::org_changes::access::organiser().await?;
    // Taken, so a second click cannot apply it twice; put back if it does not apply.
    let (lines, change_day) =
        kept::take_import(&organiser.pool, organiser.caller.id, &token).await?.ok_or(AppError::NotFound)?;
    let outcome = apply::apply(&organiser, &lines, change_day).await;
    let applied = match outcome {
        Ok(Some(applied)) => applied,
        Ok(None) | Err(_) => {
            kept::restore_import(&organiser.pool, organiser.caller.id, &token, &lines, change_day).await?;
            return Err(outcome.err().unwrap_or(AppError::Invalid { fields: Vec::new(), saved_version: None }));
        }
    };
    let done =
        kept::keep_imported(&organiser.pool, organiser.caller.id, applied.counts, applied.managers_given).await?;
    leptos_axum::redirect(&org_import_review_path(&done));
    Ok(())
}
