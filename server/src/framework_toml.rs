//! A framework version as the TOML file the seeder reads: `GET /admin/ramverk/{version}/ramverk.toml`.
//! The same loader and rights as the version's page (the quality department); without a
//! session, to the sign-in page and back here. Never cached; the file name is made of safe
//! characters only.

use app::api::error::AppError;
use app::api::frameworks::load::toml_file;
use app::domain::ids::FrameworkVersionId;
use app::state::AppState;
use axum::extract::{OriginalUri, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use crate::download_access::{caller_or_sign_in, error_response as error};

/// The version's file, as an attachment.
pub async fn download(
    State(state): State<AppState>,
    session: Session,
    OriginalUri(uri): OriginalUri,
    Path(version): Path<String>,
) -> Response {
    let Ok(version) = version.parse::<i64>() else { return error(AppError::NotFound) };
    let caller = match caller_or_sign_in(&state, &session, &uri).await {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    match toml_file(&state.pool, &caller, FrameworkVersionId(version)).await {
        Ok((name, text)) => (
            [
                (header::CONTENT_TYPE, "application/toml; charset=utf-8".to_owned()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
                (header::CACHE_CONTROL, "no-store".to_owned()),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            ],
            text,
        )
            .into_response(),
        Err(failure) => error(failure),
    }
}
