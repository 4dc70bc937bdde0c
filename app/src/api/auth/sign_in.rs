//! What signing in does besides checking the password (server only): counting the attempt
//! against the address's budget and refusing an account whose wrong passwords have spent its
//! own, and remembering the browser.
//!
//! Each budget is counted twice: in this server's memory (`state::sign_in_limits`), which
//! turns a flood away without touching the database, and in the database
//! (`db::sign_in_budgets`), which every server shares, so several servers behind a load
//! balancer give an account or an address no more attempts than one would. The database
//! keys are hashes: neither typed addresses nor client addresses are stored.

use super::browser_key::BrowserKey;
use crate::api::error::AppError;
use crate::api::sha256_hex::sha256_hex;
use crate::db::{clock, known_browsers, sign_in_budgets};
use crate::domain::ids::UserId;
use crate::domain::sign_in::{ACCOUNT_BUDGET, ADDRESS_BUDGET, account_key};
use crate::state::AppState;
use crate::state::sign_in_limits::address_key;
use leptos::prelude::*;
use std::net::IpAddr;

/// Counts an attempt to sign in as `email` from this request's client address; over the
/// budget it is refused with `TooManyAttempts` and a `Retry-After` header.
pub async fn count_attempt(state: &AppState, email: &str) -> Result<(), AppError> {
    let address = leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .await
        .ok()
        .map(|axum::extract::ConnectInfo(address)| address.ip());
    let counted = match state.sign_in_limits.attempt(address, email) {
        Ok(()) => shared_attempt(state, address, email).await?,
        refused => refused,
    };
    let Err(retry_after_seconds) = counted else { return Ok(()) };
    tracing::warn!(?address, "sign-in attempts over the limit");
    if let (Some(response), Ok(value)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&retry_after_seconds.to_string()))
    {
        response.insert_header(http::header::RETRY_AFTER, value);
    }
    Err(AppError::TooManyAttempts { retry_after_seconds })
}

/// Counts the attempt against the budgets every server shares: the address's is spent, the
/// account's only checked (wrong passwords spend it, `count_failure`).
async fn shared_attempt(state: &AppState, address: Option<IpAddr>, email: &str) -> Result<Result<(), u64>, AppError> {
    let now = clock::now();
    let address = address.map_or_else(|| "unknown".to_owned(), |address| address_key(address).to_string());
    if let Err(wait) =
        sign_in_budgets::spend_one(&state.pool, &budget_key("address", &address), ADDRESS_BUDGET, now).await?
    {
        return Ok(Err(wait));
    }
    Ok(sign_in_budgets::check(&state.pool, &budget_key("account", &account_key(email)), ACCOUNT_BUDGET, now).await?)
}

/// Notes a wrong password (or an unknown or deactivated account) for `email`, here and in
/// the budget every server shares. A failure to note it in the database is logged.
pub async fn count_failure(state: &AppState, email: &str) {
    state.sign_in_limits.failed(email);
    let key = budget_key("account", &account_key(email));
    if let Err(error) = sign_in_budgets::spend_one(&state.pool, &key, ACCOUNT_BUDGET, clock::now()).await {
        tracing::error!(%error, "could not count a failed sign-in in the database");
    }
}

/// The key a budget is stored under: a SHA-256 of what it counts.
fn budget_key(kind: &str, counted: &str) -> String {
    sha256_hex(&format!("{kind}:{counted}"))
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
