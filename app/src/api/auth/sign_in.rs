//! What signing in does besides checking the password (server only): counting the attempt
//! against the address's budget and refusing an account whose wrong passwords have spent its
//! own, and remembering the browser.

use super::browser_key::BrowserKey;
use crate::api::error::AppError;
use crate::db::{clock, known_browsers};
use crate::domain::ids::UserId;
use crate::state::AppState;
use leptos::prelude::*;

/// Counts an attempt to sign in as `email` from this request's client address; over the
/// budget it is refused with `TooManyAttempts` and a `Retry-After` header.
pub async fn count_attempt(state: &AppState, email: &str) -> Result<(), AppError> {
    let address = leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .await
        .ok()
        .map(|axum::extract::ConnectInfo(address)| address.ip());
    let Err(retry_after_seconds) = state.sign_in_limits.attempt(address, email) else { return Ok(()) };
    tracing::warn!(?address, "sign-in attempts over the limit");
    if let (Some(response), Ok(value)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&retry_after_seconds.to_string()))
    {
        response.insert_header(http::header::RETRY_AFTER, value);
    }
    Err(AppError::TooManyAttempts { retry_after_seconds })
}

/// Gives the browser a long-lived key if it has none, notes that `user` signed in on it,
/// and returns the key's hash. A failure to note it is logged, not fatal: only a post kept
/// after a later session expiry would be lost.
pub async fn remember_browser(state: &AppState, user: UserId) -> String {
    let browser = BrowserKey::of_request(state.secure_cookies).unwrap_or_else(|| {
        let key = BrowserKey::generate();
        key.send(state.secure_cookies);
        key
    });
    let key_hash = browser.hash();
    if let Err(error) = known_browsers::remember(&state.pool, &key_hash, user, clock::now()).await {
        tracing::error!(%error, "could not remember the browser signed in on");
    }
    key_hash
}
