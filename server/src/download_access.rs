//! What every file download handler shares: who is asking (or, without a session, a 303 to
//! the sign-in page and back to the same address), and an error as its status code with a
//! generic text.

use app::api::context::{Caller, caller_of};
use app::api::error::AppError;
use app::state::AppState;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// `error` as a response: its status code and its generic text.
pub fn error_response(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error.to_string()).into_response()
}

/// The caller, or the response that sends them to sign in first and back to `uri`.
pub async fn caller_or_sign_in(state: &AppState, session: &Session, uri: &Uri) -> Result<Caller, Response> {
    match caller_of(&state.pool, session).await {
        Ok(caller) => Ok(caller),
        Err(AppError::Unauthenticated) => {
            let here = uri.path_and_query().map_or(uri.path(), |path| path.as_str());
            let mut redirect = StatusCode::SEE_OTHER.into_response();
            if let Ok(location) = HeaderValue::from_str(&app::routes::sign_in_path(here)) {
                redirect.headers_mut().insert(header::LOCATION, location);
            }
            Err(redirect)
        }
        Err(failure) => Err(error_response(failure)),
    }
}
