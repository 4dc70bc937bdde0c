//! What the server shares with every request: the Leptos options, the database pool, the
//! cache of computed results, the privacy thresholds, the sign-in budgets, the permits for
//! password hashing and the mailer.

pub mod framework_cache;
pub mod lock;
pub mod mailer;
pub mod results_cache;
pub mod sign_in_limits;
pub mod todays_organisation;

use crate::db::Pool;
use crate::domain::privacy::PrivacyRules;
use axum::extract::FromRef;
use framework_cache::FrameworkCache;
use leptos::config::LeptosOptions;
use mailer::Mailer;
use results_cache::ResultsCache;
use sign_in_limits::SignInLimits;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Shared application state, provided to server functions through the Leptos context.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: Pool,
    /// Whether cookies the app sets itself are marked Secure (the service is on https).
    pub secure_cookies: bool,
    /// Published framework versions, read once (see [`FrameworkCache`]).
    pub frameworks: FrameworkCache,
    /// Computed results per round (see [`ResultsCache`]).
    pub results_cache: ResultsCache,
    /// What a viewer who sees aggregates only is shown (see `domain::privacy`).
    pub privacy: PrivacyRules,
    /// How many more sign-in attempts each account and client address has now.
    pub sign_in_limits: Arc<SignInLimits>,
    /// Permits for password hashes running at once (see `api::auth::passwords`).
    pub password_work: Arc<Semaphore>,
    /// Where e-mail goes (SMTP, an outbox folder, or nowhere).
    pub mailer: Mailer,
    /// The address users reach the service at (see [`AppState::public_base_url`]).
    pub public_url: Option<String>,
}

impl AppState {
    pub fn new(leptos_options: LeptosOptions, pool: Pool, secure_cookies: bool) -> Self {
        let frameworks = FrameworkCache::default();
        AppState {
            leptos_options,
            pool,
            secure_cookies,
            results_cache: ResultsCache::new(frameworks.clone()),
            frameworks,
            privacy: PrivacyRules::default(),
            sign_in_limits: Arc::new(SignInLimits::default()),
            password_work: Arc::new(Semaphore::new(parallel_hashes())),
            mailer: Mailer::disabled(),
            public_url: None,
        }
    }

    /// The same state sending e-mail through `mailer`.
    pub fn with_mailer(self, mailer: Mailer) -> Self {
        AppState { mailer, ..self }
    }

    /// The same state reached by users at `public_url` (e.g. `https://mognad.stockholm.se`).
    pub fn with_public_url(self, public_url: Option<String>) -> Self {
        AppState { public_url, ..self }
    }

    /// The start of every absolute link the service sends (e-mail): the public address, or
    /// else `http://` and the site address; without a trailing slash.
    pub fn public_base_url(&self) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.leptos_options.site_addr),
        }
    }

    /// The same state with other privacy thresholds.
    pub fn with_privacy(self, privacy: PrivacyRules) -> Self {
        AppState { privacy, ..self }
    }
}

/// How many password hashes may run at once: one per core, at least two.
pub fn parallel_hashes() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get).max(2)
}
