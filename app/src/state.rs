//! What the server shares with every request: the Leptos options, the database pool and
//! the cache of computed results.

use crate::api::results_cache::ResultsCache;
use crate::db::Pool;
use crate::domain::privacy::PrivacyRules;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;

/// Shared application state, provided to server functions through the Leptos context.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: Pool,
    /// Whether cookies the app sets itself are marked Secure (the service is on https).
    pub secure_cookies: bool,
    /// Computed results per round (see [`ResultsCache`]).
    pub results_cache: ResultsCache,
    /// What a viewer who sees aggregates only is shown (see `domain::privacy`).
    pub privacy: PrivacyRules,
}

impl AppState {
    pub fn new(leptos_options: LeptosOptions, pool: Pool, secure_cookies: bool) -> Self {
        AppState {
            leptos_options,
            pool,
            secure_cookies,
            results_cache: ResultsCache::default(),
            privacy: PrivacyRules::default(),
        }
    }

    /// The same state with other privacy thresholds.
    pub fn with_privacy(self, privacy: PrivacyRules) -> Self {
        AppState { privacy, ..self }
    }
}
