//! What the server shares with every request: the Leptos options and the database pool.

use crate::db::Pool;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;

/// Shared application state, provided to server functions through the Leptos context.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: Pool,
}
