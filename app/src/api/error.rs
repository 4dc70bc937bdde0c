//! The errors a server function can answer with. The UI matches on them and shows a
//! Swedish message from the translation catalogue; details stay in the server log.

use crate::domain::merge::FieldConflict;
use crate::domain::raw_answers::FieldError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// An error as the browser sees it: what went wrong, never how (no SQL, no driver text).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Not signed in, or the session has expired.
    #[error("not signed in")]
    Unauthenticated,
    /// Wrong e-mail address or password (which of them is not said).
    #[error("wrong e-mail address or password")]
    InvalidCredentials,
    /// Signed in, but not allowed to do this.
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Someone else changed some of the same fields since this editor loaded them. The
    /// other edits of the save were stored (the assessment is now at `current_version`);
    /// these fields were not, and each carries both values.
    #[error("conflict with version {current_version}")]
    Conflict { current_version: i64, fields: Vec<FieldConflict> },
    /// Someone else changed some of the same fields of an improvement action since this
    /// editor loaded it; the other fields were stored (the action is now at
    /// `current_version`), these were not, and each carries both values.
    #[error("action conflict with version {current_version}")]
    ActionConflict { current_version: i64, fields: Vec<crate::domain::actions::ActionConflict> },
    /// The assessment is submitted or the round is not open: it cannot be changed.
    #[error("read-only")]
    ReadOnly,
    /// Form fields that were refused, each with why. The other fields of the form were
    /// saved; `saved_version` is the assessment's version after that (if anything was).
    #[error("invalid input")]
    Invalid { fields: Vec<FieldError>, saved_version: Option<i64> },
    /// Too many sign-in attempts for the account or from the client's address: try again
    /// after `retry_after_seconds`.
    #[error("too many sign-in attempts")]
    TooManyAttempts { retry_after_seconds: u64 },
    /// The request could not be understood (malformed form, wrong types).
    #[error("bad request")]
    BadRequest,
    /// Something failed on the server; the details are in its log.
    #[error("internal error")]
    Internal,
    /// E-mail cannot be sent: the server has no SMTP server or outbox configured.
    #[error("e-mail is not configured")]
    MailNotConfigured,
    /// The server could not be reached (only ever raised in the browser).
    #[error("server unreachable")]
    Unreachable,
}

impl AppError {
    /// The HTTP status the server answers with.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthenticated | AppError::InvalidCredentials => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict { .. } | AppError::ActionConflict { .. } | AppError::ReadOnly => 409,
            AppError::Invalid { .. } => 422,
            AppError::TooManyAttempts { .. } => 429,
            AppError::BadRequest => 400,
            AppError::Internal => 500,
            AppError::MailNotConfigured => 503,
            AppError::Unreachable => 503,
        }
    }

    /// A short code for URLs (`?fel=...`), used when a form posted without JavaScript
    /// is sent back to its page.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthenticated => "inloggning",
            AppError::InvalidCredentials => "felaktig-inloggning",
            AppError::Forbidden => "behorighet",
            AppError::NotFound => "saknas",
            AppError::Conflict { .. } => "konflikt",
            AppError::ActionConflict { .. } => "konflikt-atgard",
            AppError::ReadOnly => "last",
            AppError::Invalid { .. } => "ogiltig",
            AppError::TooManyAttempts { .. } => "for-manga-forsok",
            AppError::BadRequest => "felaktig-begaran",
            AppError::Internal => "serverfel",
            AppError::MailNotConfigured => "e-post-saknas",
            AppError::Unreachable => "natverk",
        }
    }

    /// The error a `?fel=` code stands for, where the code alone says enough.
    pub fn from_code(code: &str) -> Option<Self> {
        [
            AppError::Unauthenticated,
            AppError::InvalidCredentials,
            AppError::Forbidden,
            AppError::NotFound,
            AppError::Conflict { current_version: 0, fields: Vec::new() },
            AppError::ActionConflict { current_version: 0, fields: Vec::new() },
            AppError::ReadOnly,
            AppError::Invalid { fields: Vec::new(), saved_version: None },
            AppError::TooManyAttempts { retry_after_seconds: 0 },
            AppError::BadRequest,
            AppError::Internal,
            AppError::MailNotConfigured,
            AppError::Unreachable,
        ]
        .into_iter()
        .find(|error| error.code() == code)
    }
}

/// A database failure is the server's: logged here with its details, a generic error to the
/// browser.
#[cfg(feature = "ssr")]
impl From<crate::db::error::DbError> for AppError {
    fn from(error: crate::db::error::DbError) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        crate::db::error::DbError::from(error).into()
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::BadRequest
            }
            ServerFnErrorErr::Request(_) => AppError::Unreachable,
            _ => AppError::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_maps_back_to_its_error() {
        for code in [
            "inloggning",
            "behorighet",
            "saknas",
            "konflikt",
            "konflikt-atgard",
            "last",
            "ogiltig",
            "for-manga-forsok",
            "serverfel",
            "e-post-saknas",
        ] {
            assert_eq!(AppError::from_code(code).map(|error| error.code()), Some(code));
        }
        assert_eq!(AppError::from_code("<script>"), None);
    }

    #[test]
    fn too_many_attempts_is_429() {
        assert_eq!(AppError::TooManyAttempts { retry_after_seconds: 120 }.status_code(), 429);
    }

    #[test]
    fn malformed_requests_are_client_errors() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args("missing field".into()));
        assert_eq!(error, AppError::BadRequest);
        assert_eq!(error.status_code(), 400);
    }
}
