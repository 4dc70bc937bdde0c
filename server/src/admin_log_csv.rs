//! The admin log as a CSV file for Swedish Excel: `GET /admin/logg.csv` with the log page's
//! filters as its query. The same loader and rights as the page (the quality department);
//! without a session, to the sign-in page and back here.

use app::api::admin_log::LogQuery;
use app::api::admin_log::load::log_csv;
use app::api::context::caller_of;
use app::api::error::AppError;
use app::api::exports::csv::download_headers;
use app::state::AppState;
use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use tower_sessions::Session;

fn error(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error.to_string()).into_response()
}

/// The filtered log, newest first.
pub async fn download(
    State(state): State<AppState>,
    session: Session,
    OriginalUri(uri): OriginalUri,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let query = LogQuery::from_params(|name| params.get(name).cloned());
    let caller = match caller_of(&state.pool, &session).await {
        Ok(caller) => caller,
        Err(AppError::Unauthenticated) => {
            let here = uri.path_and_query().map_or(uri.path(), |path| path.as_str());
            let mut redirect = StatusCode::SEE_OTHER.into_response();
            if let Ok(location) = HeaderValue::from_str(&app::routes::sign_in_path(here)) {
                redirect.headers_mut().insert(header::LOCATION, location);
            }
            return redirect;
        }
        Err(failure) => return error(failure),
    };
    match log_csv(&state.pool, &caller, &query).await {
        Ok(file) => {
            let name = format!("mognad-administrationslogg-{}.csv", app::db::clock::today());
            (download_headers(&name), file).into_response()
        }
        Err(failure) => error(failure),
    }
}
