//! Uploading an HR register file (server only): a plain `multipart/form-data` form, so it
//! works without script. Not a server function (those take no files here): an axum handler
//! at `routes::ORG_IMPORT_UPLOAD`. A file larger than the limit is refused from its declared
//! length before any of it is read, and otherwise read only up to the limit. The file's lines
//! are kept for the person who sent it, who is sent on to its dry run; nothing changes until
//! they apply it there.

use super::kept;
use super::read::read_file;
use super::{CHANGE_DAY_FIELD, FILE_FIELD};
use crate::api::error::AppError;
use crate::api::form_upload::{bounded_bytes, failed, see_other};
use crate::api::org_changes::access::organiser_of;
use crate::db::clock;
use crate::domain::day::Day;
use crate::domain::manager_import::FileProblem;
use crate::domain::org_import::MAX_IMPORT_BYTES;
use crate::routes::{ADMIN_ORG_IMPORT, Notice, org_import_review_path, with_notice};
use crate::state::AppState;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use tower_sessions::Session;

/// Room for the form's other fields and the multipart framing around the file.
const FORM_OVERHEAD_BYTES: usize = 64 * 1024;
/// The largest request this handler reads (the server's body limit for its route).
pub const MAX_UPLOAD_BYTES: usize = MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES;

/// `POST` of the upload form: keeps the file's lines and goes to their dry run.
pub async fn upload(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    match receive(&state, &session, &headers, multipart).await {
        Ok(location) => see_other(&location),
        Err(error) => failed(ADMIN_ORG_IMPORT, &error),
    }
}

async fn refuse(
    state: &AppState,
    owner: crate::domain::ids::UserId,
    problem: Option<FileProblem>,
    bad_day: bool,
) -> Result<String, AppError> {
    let token = kept::keep_refused(&state.pool, owner, problem, bad_day).await?;
    Ok(with_notice(ADMIN_ORG_IMPORT, &Notice::Refused(token)))
}

async fn receive(
    state: &AppState,
    session: &Session,
    headers: &HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<String, AppError> {
    let organiser = organiser_of(state, session).await?;
    let owner = organiser.caller.id;
    let too_large = Some(FileProblem::TooLarge { max_bytes: MAX_IMPORT_BYTES });
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_UPLOAD_BYTES) {
        return refuse(state, owner, too_large, false).await;
    }
    let mut multipart = multipart.map_err(|_| AppError::BadRequest)?;
    let (mut file, mut change_day) = (Vec::new(), Vec::new());
    while let Some(mut field) = multipart.next_field().await.map_err(|_| AppError::BadRequest)? {
        match field.name() {
            Some(FILE_FIELD) => file = bounded_bytes(&mut field, MAX_IMPORT_BYTES).await?,
            Some(CHANGE_DAY_FIELD) => change_day = bounded_bytes(&mut field, 32).await?,
            _ => {}
        }
    }
    let change_day = String::from_utf8_lossy(&change_day).trim().to_owned();
    let change_day = if change_day.is_empty() {
        Day::parse(&clock::today().format("%Y-%m-%d").to_string())
    } else {
        Day::parse(&change_day)
    };
    let Some(change_day) = change_day else { return refuse(state, owner, None, true).await };
    if file.len() > MAX_IMPORT_BYTES {
        return refuse(state, owner, too_large, false).await;
    }
    if file.iter().all(u8::is_ascii_whitespace) {
        return refuse(state, owner, Some(FileProblem::Empty), false).await;
    }
    let lines = match read_file(&file) {
        Ok(lines) if lines.is_empty() => return refuse(state, owner, Some(FileProblem::Empty), false).await,
        Ok(lines) => lines,
        Err(problem) => return refuse(state, owner, Some(problem), false).await,
    };
    let token = kept::keep_import(&state.pool, owner, &lines, change_day).await?;
    Ok(org_import_review_path(&token))
}
