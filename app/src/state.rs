//! What the server shares with every request: the Leptos options and the database pool.

use crate::db::Pool;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;

/// Shared application state, provided to server functions through the Leptos context.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: Pool,
    /// Whether cookies the app sets itself are marked Secure (the service is on https).
    pub secure_cookies: bool,
}
