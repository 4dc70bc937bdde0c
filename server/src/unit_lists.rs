//! A round's units as a file: `GET /omgangar/{round}/enheter.csv` (for Swedish Excel, or
//! RFC 4180 with `dialekt=rfc4180`) and `GET /omgangar/{round}/enheter.xlsx`, with the
//! progress page's filter (`status`, `forvaltning`). The same units, managers and rights as
//! the page (`app::api::rounds::progress`), every filtered unit, not one page.

use app::api::context::caller_of;
use app::api::error::AppError;
use app::api::exports::csv::download_headers;
use app::api::exports::dialect::CsvDialect;
use app::api::exports::xlsx;
use app::api::rounds::ProgressFilter;
use app::api::rounds::progress::{Filtered, filtered, units_about, units_csv, units_file_stem, units_table};
use app::domain::ids::RoundId;
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use tower_sessions::Session;

use crate::download_access::error_response as error;

/// The round's filtered units as the caller may follow them, and who is asking.
async fn units(
    state: &AppState,
    session: &Session,
    round: i64,
    params: &HashMap<String, String>,
) -> Result<(Filtered, String), Response> {
    let filter = ProgressFilter::from_query(|name| params.get(name).cloned());
    let caller = caller_of(&state.pool, session).await.map_err(error)?;
    let progress = filtered(&state.pool, &caller, RoundId(round), &filter).await.map_err(error)?;
    Ok((progress, caller.display_name))
}

/// The round's filtered units, with the managers of those that have not submitted, as CSV.
pub async fn units_csv_download(
    State(state): State<AppState>,
    session: Session,
    Path(round): Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let dialect = params.get("dialekt").and_then(|key| CsvDialect::from_key(key)).unwrap_or(CsvDialect::SwedishExcel);
    let (progress, _) = match units(&state, &session, round, &params).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let file_name = format!("{}.csv", units_file_stem(progress.round.id));
    (download_headers(&file_name), units_csv(&progress.units, dialect)).into_response()
}

/// The same list as an XLSX workbook, with an "Om filen" sheet.
pub async fn units_xlsx_download(
    State(state): State<AppState>,
    session: Session,
    Path(round): Path<i64>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let (progress, by) = match units(&state, &session, round, &params).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let file_name = format!("{}.xlsx", units_file_stem(progress.round.id));
    let filter = ProgressFilter::from_query(|name| params.get(name).cloned()).to_query();
    let about = units_about(&progress.round.name, filter, by);
    let units = progress.units;
    let written = tokio::task::spawn_blocking(move || -> std::io::Result<Vec<u8>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("enheter.xlsx");
        xlsx::write(vec![units_table(units)], &about, &path).map_err(std::io::Error::other)?;
        std::fs::read(&path)
    })
    .await;
    match written {
        Ok(Ok(file)) => {
            let headers = [
                (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
            ];
            (headers, file).into_response()
        }
        Ok(Err(failure)) => {
            tracing::error!(error = %failure, "the unit list's workbook could not be written");
            error(AppError::Internal)
        }
        Err(failure) => {
            tracing::error!(error = %failure, "writing the unit list's workbook stopped");
            error(AppError::Internal)
        }
    }
}
