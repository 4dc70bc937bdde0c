//! Server-side sessions in the database (tower-sessions with its SQLite store). The cookie
//! holds only a random id: HttpOnly, SameSite=Lax, Secure behind https.

use app::db::Pool;
use std::time::Duration;
use tower_sessions::cookie::SameSite;
use tower_sessions::cookie::time::Duration as CookieDuration;
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::SqliteStore;

/// The session cookie's name.
pub const COOKIE_NAME: &str = "mognad_session";
/// A session ends after this long without a request.
pub const IDLE_TIMEOUT_HOURS: i64 = 8;

/// Creates the session table if needed, starts the hourly clean-up of expired sessions,
/// and returns the layer.
pub async fn layer(pool: &Pool, secure: bool) -> Result<SessionManagerLayer<SqliteStore>, sqlx::Error> {
    let store = SqliteStore::new(pool.clone());
    store.migrate().await?;
    tokio::spawn({
        use tower_sessions::session_store::ExpiredDeletion;
        let store = store.clone();
        async move {
            if let Err(error) = store.continuously_delete_expired(Duration::from_secs(3600)).await {
                tracing::error!(%error, "expired-session clean-up stopped");
            }
        }
    });
    Ok(SessionManagerLayer::new(store)
        .with_name(COOKIE_NAME)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(CookieDuration::hours(IDLE_TIMEOUT_HOURS))))
}
