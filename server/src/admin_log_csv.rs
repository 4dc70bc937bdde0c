//! The admin log as a CSV file for Swedish Excel: `GET /admin/logg.csv` with the log page's
//! filters as its query. The same loader and rights as the page (the quality department);
//! without a session, to the sign-in page and back here.

use app::api::admin_log::LogQuery;
use app::api::admin_log::load::log_csv;
use app::api::exports::csv::download_headers;
use app::state::AppState;
use axum::extract::{OriginalUri, Query, State};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use tower_sessions::Session;

use crate::download_access::{caller_or_sign_in, error_response as error};

/// The filtered log, newest first.
pub async fn download(
    State(state): State<AppState>,
    session: Session,
    OriginalUri(uri): OriginalUri,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let query = LogQuery::from_params(|name| params.get(name).cloned());
    let caller = match caller_or_sign_in(&state, &session, &uri).await {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    match log_csv(&state.pool, &caller, &query).await {
        Ok(file) => {
            let name = format!("mognad-administrationslogg-{}.csv", app::db::clock::today());
            (download_headers(&name), file).into_response()
        }
        Err(failure) => error(failure),
    }
}
