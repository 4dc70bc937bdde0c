//! A framework version as the TOML file the seeder reads: `GET /admin/ramverk/{version}/ramverk.toml`.
//! The same loader and rights as the version's page (the quality department); without a
//! session, to the sign-in page and back here. Never cached; the file name is made of safe
//! characters only.

use app::api::context::caller_of;
use app::api::error::AppError;
use app::api::frameworks::load::toml_file;
use app::domain::ids::FrameworkVersionId;
use app::state::AppState;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

fn error(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error.to_string()).into_response()
}

/// The version's file, as an attachment.
pub async fn download(
    State(state): State<AppState>,
    session: Session,
    OriginalUri(uri): OriginalUri,
    Path(version): Path<String>,
) -> Response {
    let Ok(version) = version.parse::<i64>() else { return error(AppError::NotFound) };
    let caller = match caller_of(&state.pool, &session).await {
        Ok(caller) => caller,
        Err(AppError::Unauthenticated) => {
            let mut redirect = StatusCode::SEE_OTHER.into_response();
            if let Ok(location) = HeaderValue::from_str(&app::routes::sign_in_path(uri.path())) {
                redirect.headers_mut().insert(header::LOCATION, location);
            }
            return redirect;
        }
        Err(failure) => return error(failure),
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
