//! Downloads of a results page's tables, with the page's filters as the query and the page's
//! rights (`app::api::exports::results_tables`): `GET /resultat/export.xlsx` (every table, one
//! sheet each, and an "Om filen" sheet) and `GET /resultat/export/{table}.csv?dialekt=`
//! (one table, for Swedish Excel or RFC 4180). Both are written off the async workers and
//! streamed: the CSV row by row through a small channel, the workbook from a temporary file
//! written row by row to temporary files; neither is ever whole in memory. Without a session, to the
//! sign-in page and back here.

use app::api::error::AppError;
use app::api::exports::dialect::CsvDialect;
use app::api::exports::results_tables::{self, Prepared};
use app::api::exports::which::ResultTable;
use app::api::exports::{csv, xlsx};
use app::api::results::query::ResultsQuery;
use app::state::AppState;
use axum::body::Body;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use std::collections::HashMap;
use std::io::Write;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tower_sessions::Session;

use crate::download_access::{caller_or_sign_in, error_response as error};

/// How much of a CSV file is sent at a time.
const CHUNK_BYTES: usize = 64 * 1024;
/// How many chunks may wait for a slow client before the writer waits too.
const CHUNKS_IN_FLIGHT: usize = 4;

const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Loads the page's figures and rows as the caller may see them.
async fn prepared(
    state: &AppState,
    session: &Session,
    uri: &Uri,
    params: &HashMap<String, String>,
) -> Result<Prepared, Response> {
    let caller = caller_or_sign_in(state, session, uri).await?;
    let query = ResultsQuery::from_params(|name| params.get(name).cloned());
    results_tables::prepare(state, &caller, &query).await.map_err(error)
}

fn attachment(content_type: &str, file_name: &str) -> [(header::HeaderName, String); 2] {
    [
        (header::CONTENT_TYPE, content_type.to_owned()),
        (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
    ]
}

/// Every table of the page as one workbook.
pub async fn workbook(
    State(state): State<AppState>,
    session: Session,
    OriginalUri(uri): OriginalUri,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let prepared = match prepared(&state, &session, &uri, &params).await {
        Ok(prepared) => prepared,
        Err(response) => return response,
    };
    let file_name = format!("{}.xlsx", results_tables::file_stem(&prepared));
    let about = results_tables::about(&prepared, state.privacy);
    let written = tokio::task::spawn_blocking(move || -> std::io::Result<std::fs::File> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("export.xlsx");
        let tables = results_tables::tables(&prepared, &ResultTable::ALL);
        xlsx::write(tables, &about, &path).map_err(std::io::Error::other)?;
        // The open file outlives its name: the directory goes when `dir` is dropped.
        std::fs::File::open(&path)
    })
    .await;
    let file = match written {
        Ok(Ok(file)) => tokio::fs::File::from_std(file),
        Ok(Err(failure)) => {
            tracing::error!(error = %failure, "the workbook could not be written");
            return error(AppError::Internal);
        }
        Err(failure) => {
            tracing::error!(error = %failure, "writing the workbook stopped");
            return error(AppError::Internal);
        }
    };
    let length = file.metadata().await.map(|meta| meta.len()).ok();
    let mut response =
        (attachment(XLSX_TYPE, &file_name), Body::from_stream(tokio_util::io::ReaderStream::new(file))).into_response();
    if let Some(length) = length.and_then(|length| HeaderValue::from_str(&length.to_string()).ok()) {
        response.headers_mut().insert(header::CONTENT_LENGTH, length);
    }
    response
}

/// One table of the page as CSV, written row by row as it is sent.
pub async fn csv_table(
    State(state): State<AppState>,
    session: Session,
    OriginalUri(uri): OriginalUri,
    Path(file): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let Some(table) = file.strip_suffix(".csv").and_then(ResultTable::from_key) else {
        return error(AppError::NotFound);
    };
    let dialect = params.get("dialekt").and_then(|key| CsvDialect::from_key(key)).unwrap_or(CsvDialect::SwedishExcel);
    let prepared = match prepared(&state, &session, &uri, &params).await {
        Ok(prepared) => prepared,
        Err(response) => return response,
    };
    let file_name = format!("{}-{}.csv", results_tables::file_stem(&prepared), table.key());
    let (sender, receiver) = mpsc::channel(CHUNKS_IN_FLIGHT);
    tokio::task::spawn_blocking(move || {
        let mut table = results_tables::tables(&prepared, &[table]);
        let Some(table) = table.pop() else { return };
        let out = std::io::BufWriter::with_capacity(CHUNK_BYTES, ChannelWriter(sender.clone()));
        if let Err(failure) = csv::write_table(table, dialect, out) {
            // A client that went away is not an error worth more than a line.
            tracing::debug!(error = %failure, "a CSV download stopped");
            let _ = sender.blocking_send(Err(failure));
        }
    });
    (attachment("text/csv; charset=utf-8", &file_name), Body::from_stream(ReceiverStream::new(receiver)))
        .into_response()
}

/// Sends what is written to it, chunk by chunk, to the response body; fails once the client
/// has gone, which stops the writing.
struct ChannelWriter(mpsc::Sender<std::io::Result<Bytes>>);

impl Write for ChannelWriter {
    fn write(&mut self, buffer: &[u8]) -> std::io::Result<usize> {
        self.0
            .blocking_send(Ok(Bytes::copy_from_slice(buffer)))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client has gone"))?;
        Ok(buffer.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
