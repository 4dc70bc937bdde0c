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
/// The session key holding when the user signed in (Unix seconds); a sign-in lasts at
/// most `domain::sign_in::SESSION_MAX_AGE`.
pub const SESSION_SIGNED_IN_AT_KEY: &str = "signed_in_at";

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

/// The caller as the sign-in check in front of the pages found them, put into a page
/// request's extensions so that the page's server functions do not read the person and
/// their roles again. Only page requests (GET and HEAD) carry it: they change no one's
/// session or rights, so what was read at the start holds for the whole response.
#[derive(Clone, Debug)]
pub struct PageCaller(pub Caller);

/// Who is asking; `Unauthenticated` if nobody is signed in or the account is disabled.
pub async fn caller() -> Result<Caller, AppError> {
    let checked = use_context::<Parts>()
        .and_then(|parts| parts.extensions.get::<PageCaller>().map(|PageCaller(caller)| caller.clone()));
    if let Some(caller) = checked {
        return Ok(caller);
    }
    let session = session().await?;
    caller_of(&state()?.pool, &session).await
}

/// Marks `session` as signed in by `user` now.
pub async fn sign_in(session: &Session, user: UserId) -> Result<(), AppError> {
    session.insert(SESSION_USER_KEY, user.0).await.map_err(internal("store session user"))?;
    session
        .insert(SESSION_SIGNED_IN_AT_KEY, crate::db::clock::now().timestamp())
        .await
        .map_err(internal("store sign-in time"))
}

/// The user signed in in `session` with their roles, if the sign-in still holds (younger
/// than the longest session) and the account exists and is enabled. A sign-in that has
/// outlived its time ends here: the session is deleted.
pub async fn signed_in(pool: &crate::db::Pool, session: &Session) -> Result<Option<users::EnabledUser>, AppError> {
    use crate::domain::sign_in::sign_in_holds;

    let user_id: Option<i64> = session.get(SESSION_USER_KEY).await.map_err(internal("read session"))?;
    let Some(user_id) = user_id.map(UserId) else { return Ok(None) };
    let signed_in_at: Option<i64> = session.get(SESSION_SIGNED_IN_AT_KEY).await.map_err(internal("read session"))?;
    if !signed_in_at.is_some_and(|at| sign_in_holds(at, crate::db::clock::now().timestamp())) {
        session.flush().await.map_err(internal("end an outlived session"))?;
        return Ok(None);
    }
    Ok(users::enabled_with_grants(pool, user_id).await?)
}

/// Who is signed in in `session` (for handlers outside Leptos, e.g. chart downloads).
pub async fn caller_of(pool: &crate::db::Pool, session: &Session) -> Result<Caller, AppError> {
    let Some(user) = signed_in(pool, session).await? else {
        return Err(AppError::Unauthenticated);
    };
    Ok(Caller::from(user))
}

/// The person with id `user_id` and their roles; `Unauthenticated` if there is no such
/// person or the account is disabled.
pub async fn load_caller(pool: &crate::db::Pool, user_id: UserId) -> Result<Caller, AppError> {
    let user = users::enabled_with_grants(pool, user_id).await?.ok_or(AppError::Unauthenticated)?;
    Ok(Caller::from(user))
}

impl From<users::EnabledUser> for Caller {
    fn from(user: users::EnabledUser) -> Self {
        Caller { id: user.id, display_name: user.display_name, email: user.email, grants: user.grants }
    }
}

/// The value of the request's cookie `name`, if it sent one.
pub fn request_cookie(name: &str) -> Option<String> {
    let parts = use_context::<Parts>()?;
    parts.headers.get_all(http::header::COOKIE).iter().filter_map(|value| value.to_str().ok()).find_map(|cookies| {
        cookies.split(';').find_map(|pair| {
            let (key, value) = pair.trim().split_once('=')?;
            (key == name).then(|| value.to_owned())
        })
    })
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

/// The response header naming the page a refused plain form post goes back to (see
/// [`plain_form_returns_to`]); the server's error layer reads it and takes it off.
pub const FORM_PAGE_HEADER: &str = "x-mognad-form-page";

/// For a plain form post (JavaScript off) that is refused: go back to `path`, the form's
/// page with what was typed (and what was wrong) in its address, rather than to the page
/// the form was sent from, so nothing typed is lost. Call it on the way out with an error;
/// with script the form stays on the page and needs nothing.
pub fn plain_form_returns_to(path: &str) {
    if !is_plain_form_post() {
        return;
    }
    if let (Some(response), Ok(value)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(path))
    {
        response.insert_header(http::HeaderName::from_static(FORM_PAGE_HEADER), value);
    }
}
