//! Framework versions (the quality department): every version with its status, a version's
//! content, two versions side by side, a new draft copied from the latest published version,
//! a draft's texts and dimensions edited, a draft published (frozen from then on), and a
//! draft made from an uploaded TOML file. A version is downloaded as that file by the
//! server's own handler (`routes::framework_toml_path`), through [`load::toml_file`].
//!
//! Every change is in the admin log, written in the same transaction. Without script a
//! refused edit goes back to its form with what was typed (kept for a day under a token in
//! the address); a refused upload goes back with its problems (the text is not kept).

#[cfg(feature = "ssr")]
pub mod changes;
pub mod fields;
#[cfg(feature = "ssr")]
mod kept;
#[cfg(feature = "ssr")]
pub mod load;
mod types;

pub use types::{
    ComparisonPage, DraftEdit, DraftForm, DraftOutcome, RefusedDraft, UPLOAD_FIELD, UPLOAD_PROBLEMS_KEY,
    UPLOAD_PROBLEMS_SHOWN, UploadOutcome, VersionLine, VersionList, VersionPage,
};

use crate::api::error::AppError;
use crate::domain::ids::FrameworkVersionId;
use leptos::prelude::*;

/// Every framework version, newest first.
#[server(endpoint = "framework_versions")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_framework_versions() -> Result<VersionList, AppError> {
    use crate::api::context::{caller, state};
    let caller = caller().await?;
    self::load::list(&state()?.pool, &caller).await
}

/// One version with everything in it.
#[server(endpoint = "framework_version")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_framework_version(version: FrameworkVersionId) -> Result<VersionPage, AppError> {
    use crate::api::context::{caller, state};
    let caller = caller().await?;
    self::load::version_page(&state()?.pool, &caller, version).await
}

/// What changed from version `a` to version `b`.
#[server(endpoint = "framework_comparison")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_framework_comparison(
    a: FrameworkVersionId,
    b: FrameworkVersionId,
) -> Result<ComparisonPage, AppError> {
    use crate::api::context::{caller, state};
    let caller = caller().await?;
    self::load::comparison(&state()?.pool, &caller, a, b).await
}

/// A draft's edit form: its general texts, or the dimension `dimension`; with the fields of
/// a refused post kept under `refused`.
#[server(endpoint = "framework_draft_form")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_framework_draft_form(
    version: FrameworkVersionId,
    dimension: Option<String>,
    refused: Option<String>,
) -> Result<DraftForm, AppError> {
    use crate::api::context::{caller, state};
    let caller = caller().await?;
    self::load::draft_form(&state()?.pool, &caller, version, dimension, refused).await
}

/// A new draft copied from the latest published version. Without script the browser goes on
/// to the draft's page.
#[server(endpoint = "new_framework_draft")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn new_framework_draft() -> Result<FrameworkVersionId, AppError> {
    use crate::api::context::{caller, redirect_plain_form, request_id, state};
    use crate::db::audit::ChangeContext;
    use crate::db::clock;
    use crate::routes::{ADMIN_FRAMEWORKS, Notice, framework_path, with_notice};

    let result = async {
        let caller = caller().await?;
        let pool = state()?.pool;
        self::load::require_framework_manager(&pool, &caller).await?;
        let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
        self::changes::new_draft(&pool, &context).await
    }
    .await;
    match &result {
        Ok(id) => redirect_plain_form(&with_notice(&framework_path(*id), &Notice::Saved)),
        Err(_) => crate::api::context::plain_form_returns_to(ADMIN_FRAMEWORKS),
    }
    result
}

/// Saves an edit of a draft: its general texts (no `dimension`) or one dimension. Refused
/// edits change nothing and come back with their problems; without script the browser goes
/// back to the form with what was typed, or on to the draft's page.
#[server(endpoint = "save_framework_draft")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn save_framework_draft(form: DraftEdit) -> Result<DraftOutcome, AppError> {
    use crate::api::context::{caller, plain_form_returns_to, redirect_plain_form, request_id, state};
    use crate::db::audit::ChangeContext;
    use crate::db::clock;
    use crate::routes::{Notice, framework_dimension_path, framework_general_path, framework_path, with_notice};

    let id = FrameworkVersionId(form.version);
    let page = if form.dimension.is_empty() {
        framework_general_path(id)
    } else {
        framework_dimension_path(id, &form.dimension)
    };
    let result = async {
        let caller = caller().await?;
        let pool = state()?.pool;
        self::load::require_framework_manager(&pool, &caller).await?;
        let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
        let outcome = if form.dimension.is_empty() {
            self::changes::save_general(&pool, &context, &form).await?
        } else {
            self::changes::save_dimension(&pool, &context, &form).await?
        };
        if outcome.problems.is_empty() {
            redirect_plain_form(&with_notice(&framework_path(id), &Notice::Saved));
        } else if crate::api::context::is_plain_form_post() {
            let refused = RefusedDraft { fields: self::changes::typed(&form), problems: outcome.problems.clone() };
            let token = self::kept::keep(&pool, caller.id, id, refused).await?;
            leptos_axum::redirect(&with_notice(&page, &Notice::Refused(token)));
        }
        Ok(outcome)
    }
    .await;
    if result.is_err() {
        plain_form_returns_to(&page);
    }
    result
}

/// Publishes a draft; refused with its problems if it is incomplete, and refused outright
/// (`ReadOnly`) if it is already published.
#[server(endpoint = "publish_framework_version")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn publish_framework_version(version: FrameworkVersionId) -> Result<DraftOutcome, AppError> {
    use crate::api::context::{caller, plain_form_returns_to, redirect_plain_form, request_id, state};
    use crate::db::audit::ChangeContext;
    use crate::db::clock;
    use crate::routes::{Notice, framework_path, with_notice};

    let page = framework_path(version);
    let result = async {
        let caller = caller().await?;
        let pool = state()?.pool;
        self::load::require_framework_manager(&pool, &caller).await?;
        let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
        self::changes::publish(&pool, &context, version).await
    }
    .await;
    match &result {
        Ok(outcome) if outcome.problems.is_empty() => {
            tracing::info!(version = %version, "framework version published");
            redirect_plain_form(&with_notice(&page, &Notice::Done("publicerad".to_owned())));
        }
        // The page lists what stops publishing.
        Ok(_) => redirect_plain_form(&with_notice(&page, &Notice::Incomplete)),
        Err(_) => plain_form_returns_to(&page),
    }
    result
}

/// Makes a draft from a framework file's text (at most `framework_file::MAX_FILE_BYTES`).
/// Nothing is stored if the file has problems; without script the browser goes back to the
/// upload page with them, or on to the new draft's page.
#[server(endpoint = "upload_framework")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn upload_framework(
    #[server(rename = "toml")]
    #[server(default)]
    file: String,
) -> Result<UploadOutcome, AppError> {
    use crate::api::context::{caller, plain_form_returns_to, redirect_plain_form, request_id, state};
    use crate::db::audit::ChangeContext;
    use crate::db::clock;
    use crate::domain::framework_file::FileProblem;
    use crate::routes::{ADMIN_FRAMEWORK_UPLOAD, Notice, framework_path, urlencode, with_notice};

    let result = async {
        let caller = caller().await?;
        let pool = state()?.pool;
        self::load::require_framework_manager(&pool, &caller).await?;
        let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
        self::changes::upload(&pool, &context, &file).await
    }
    .await;
    match &result {
        Ok(UploadOutcome { created: Some(id), .. }) => {
            redirect_plain_form(&with_notice(&framework_path(*id), &Notice::Saved))
        }
        Ok(UploadOutcome { problems, .. }) => {
            let shown: Vec<_> = problems.iter().take(UPLOAD_PROBLEMS_SHOWN).map(FileProblem::shortened).collect();
            let param = serde_json::to_string(&shown).unwrap_or_default();
            redirect_plain_form(&format!("{ADMIN_FRAMEWORK_UPLOAD}?{UPLOAD_PROBLEMS_KEY}={}", urlencode(&param)));
        }
        Err(_) => plain_form_returns_to(ADMIN_FRAMEWORK_UPLOAD),
    }
    result
}
