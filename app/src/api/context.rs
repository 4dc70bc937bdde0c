//! Server-side helpers every server function starts with: the shared state, the session,
//! who is asking, and how a plain (JavaScript-off) form post is answered.

use super::error::AppError;
use crate::db::users;
use crate::domain::ids::UserId;
use crate::domain::rights::RoleGrant;
use crate::state::AppState;
use http::request::Parts;
use leptos::prelude::*;
use std::fmt::Display;
use tower_sessions::Session;

/// The session key holding the signed-in user's id.
pub const SESSION_USER_KEY: &str = "user_id";

/// The person making the request, with the roles they hold.
#[derive(Clone, Debug)]
pub struct Caller {
    pub id: UserId,
    pub display_name: String,
    pub email: String,
    pub grants: Vec<RoleGrant>,
}

/// Logs an error with context on the server and gives the client a generic one.
pub fn internal<E: Display>(context: &'static str) -> impl FnOnce(E) -> AppError {
    move |error| {
        tracing::error!(%error, context, "request failed");
        AppError::Internal
    }
}

/// The shared application state.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| internal("application state missing from context")("no AppState"))
}

/// The request's session (put there by the session layer).
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(internal("session layer missing"))
}

/// Who is asking; `Unauthenticated` if nobody is signed in or the account is disabled.
pub async fn caller() -> Result<Caller, AppError> {
    let session = session().await?;
    caller_of(&state()?.pool, &session).await
}

/// Who is signed in in `session` (for handlers outside Leptos, e.g. chart downloads).
pub async fn caller_of(pool: &crate::db::Pool, session: &Session) -> Result<Caller, AppError> {
    let user_id: Option<i64> = session.get(SESSION_USER_KEY).await.map_err(internal("read session"))?;
    let Some(user_id) = user_id.map(UserId) else {
        return Err(AppError::Unauthenticated);
    };
    load_caller(pool, user_id).await
}

/// The person with id `user_id` and their roles; `Unauthenticated` if there is no such
/// person or the account is disabled.
pub async fn load_caller(pool: &crate::db::Pool, user_id: UserId) -> Result<Caller, AppError> {
    let Some(user) = users::find_by_id(pool, user_id).await.map_err(internal("load user"))? else {
        return Err(AppError::Unauthenticated);
    };
    if user.disabled {
        return Err(AppError::Unauthenticated);
    }
    let grants = users::grants(pool, user.id).await.map_err(internal("load grants"))?;
    Ok(Caller { id: user.id, display_name: user.display_name, email: user.email, grants })
}

/// The request id set by the server's request-id layer, for the audit log.
pub fn request_id() -> Option<String> {
    use_context::<Parts>()
        .and_then(|parts| parts.headers.get("x-request-id").and_then(|value| value.to_str().ok()).map(str::to_owned))
}

/// Whether this request is a plain HTML form post (JavaScript off), which expects a
/// redirect to a page rather than data.
pub fn is_plain_form_post() -> bool {
    use_context::<Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"))
    })
}

/// Sends a plain form post on to `path`; calls from the hydrated app get the result as
/// data and stay on the page.
pub fn redirect_plain_form(path: &str) {
    if is_plain_form_post() {
        leptos_axum::redirect(path);
    }
}
