//! Uploading an import (server only): a plain `multipart/form-data` form (a file, or text
//! pasted into the page), so it works in every browser without script. Not a server
//! function, as those take no files here: an axum handler at `routes::IMPORT_UPLOAD`. The
//! text is kept for the person who sent it and they are sent on to its review; nothing
//! changes until they apply it there.

use super::kept;
use super::{IMPORT_FILE_FIELD, IMPORT_TEXT_FIELD};
use crate::api::context::caller_of;
use crate::api::error::AppError;
use crate::api::form_upload::{bounded_bytes, failed, see_other};
use crate::db;
use crate::domain::manager_import::{MAX_IMPORT_BYTES, decode};
use crate::domain::people_access::PeopleScope;
use crate::domain::raw_answers::{FieldError, FieldProblem};
use crate::routes::{ADMIN_IMPORT, Notice, import_review_path, with_notice};
use crate::state::AppState;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::response::Response;
use tower_sessions::Session;

/// `POST` of the import form: keeps the file's (or the pasted) text and goes to its review.
pub async fn upload(
    State(state): State<AppState>,
    session: Session,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    match receive(&state, &session, multipart).await {
        Ok(location) => see_other(&location),
        Err(error) => failed(ADMIN_IMPORT, &error),
    }
}

async fn receive(
    state: &AppState,
    session: &Session,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<String, AppError> {
    let caller = caller_of(&state.pool, session).await?;
    let city = db::org::city_root(&state.pool).await?.ok_or(AppError::NotFound)?;
    PeopleScope::of(&caller.grants, city).ok_or(AppError::Forbidden)?;
    let mut multipart = multipart.map_err(|_| AppError::BadRequest)?;
    let (mut file, mut pasted) = (Vec::new(), Vec::new());
    while let Some(mut field) = multipart.next_field().await.map_err(|_| AppError::BadRequest)? {
        match field.name() {
            Some(IMPORT_FILE_FIELD) => file = bounded_bytes(&mut field, MAX_IMPORT_BYTES).await?,
            Some(IMPORT_TEXT_FIELD) => pasted = bounded_bytes(&mut field, MAX_IMPORT_BYTES).await?,
            _ => {}
        }
    }
    // A file chosen wins over pasted text.
    let bytes = if file.iter().any(|byte| !byte.is_ascii_whitespace()) { file } else { pasted };
    let problem = if bytes.len() > MAX_IMPORT_BYTES {
        Some(FieldProblem::TooLong { max: MAX_IMPORT_BYTES, actual: bytes.len() })
    } else if bytes.iter().all(u8::is_ascii_whitespace) {
        Some(FieldProblem::Missing)
    } else {
        None
    };
    if let Some(problem) = problem {
        // Too big or empty: back to the form, saying so at the field.
        let problems = vec![FieldError { group: "import".to_owned(), key: IMPORT_TEXT_FIELD.to_owned(), problem }];
        let token = kept::keep_refused(&state.pool, caller.id, Vec::new(), problems).await?;
        return Ok(with_notice(ADMIN_IMPORT, &Notice::Refused(token)));
    }
    let token = kept::keep_import(&state.pool, caller.id, decode(&bytes)).await?;
    Ok(import_review_path(&token))
}
