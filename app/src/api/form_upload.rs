//! What every plain `multipart/form-data` upload handler shares (server only): answering
//! with a 303, going back to the form's page with what went wrong (or to sign-in), and
//! reading a field only up to a limit.

use crate::api::error::AppError;
use crate::routes::{Notice, sign_in_path, with_notice};
use axum::extract::multipart::Field;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// A 303 to `location`.
pub fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// Back to the form's `page` saying what went wrong; to sign-in without a session.
pub fn failed(page: &str, error: &AppError) -> Response {
    if *error == AppError::Unauthenticated {
        return see_other(&sign_in_path(page));
    }
    see_other(&with_notice(page, &Notice::Failed { code: error.code().to_owned(), wait_seconds: None }))
}

/// A field's bytes, at most `limit + 1` of them (enough to know it is too big).
pub async fn bounded_bytes(field: &mut Field<'_>, limit: usize) -> Result<Vec<u8>, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| AppError::BadRequest)? {
        let room = (limit + 1).saturating_sub(bytes.len());
        bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if room <= chunk.len() {
            break;
        }
    }
    Ok(bytes)
}
