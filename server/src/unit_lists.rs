//! A round's units as a CSV file for Swedish Excel: `GET /omgangar/{round}/enheter.csv`
//! with the progress page's filter (`status`, `forvaltning`). The same units, managers and
//! rights as the page (`app::api::rounds::progress`), every filtered unit, not one page.

use app::api::context::caller_of;
use app::api::error::AppError;
use app::api::exports::csv::download_headers;
use app::api::rounds::ProgressFilter;
use app::api::rounds::progress::{filtered, units_csv, units_csv_file_name};
use app::domain::ids::RoundId;
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use tower_sessions::Session;

fn error(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error.to_string()).into_response()
}

/// The round's filtered units, with the managers of those that have not submitted.
pub async fn units_csv_download(
    State(state): State<AppState>,
    session: Session,
    Path(round): Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let filter = ProgressFilter::from_query(|name| params.get(name).cloned());
    let caller = match caller_of(&state.pool, &session).await {
        Ok(caller) => caller,
        Err(failure) => return error(failure),
    };
    let progress = match filtered(&state.pool, &caller, RoundId(round), &filter).await {
        Ok(progress) => progress,
        Err(failure) => return error(failure),
    };
    let file_name = units_csv_file_name(progress.round.id);
    (download_headers(&file_name), units_csv(&progress.units)).into_response()
}
