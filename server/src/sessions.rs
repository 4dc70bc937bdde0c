//! Server-side sessions in the database (tower-sessions with its SQLite or PostgreSQL
//! store, `session_store`). The cookie
//! holds only a random id: HttpOnly, SameSite=Lax; behind https Secure and named with the
//! `__Host-` prefix (the browser then keeps it for this host and path `/` only). A session
//! ends after the idle timeout here, or at the latest `domain::sign_in::SESSION_MAX_AGE`
//! after sign-in (`api::context::signed_in`).

use crate::session_store::Store;
use app::db::Pool;
use std::time::Duration;
use tower_sessions::cookie::SameSite;
use tower_sessions::cookie::time::Duration as CookieDuration;
use tower_sessions::{Expiry, SessionManagerLayer};

/// The session cookie's name over plain http (development, tests).
pub const COOKIE_NAME: &str = "mognad_session";
/// The session cookie's name over https.
pub const SECURE_COOKIE_NAME: &str = "__Host-mognad_session";

/// The session cookie's name: `__Host-` prefixed when the service is on https.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure { SECURE_COOKIE_NAME } else { COOKIE_NAME }
}
/// A session ends after this long without a request.
pub const IDLE_TIMEOUT_HOURS: i64 = 8;

/// Creates the session table if needed, starts the hourly clean-up of expired sessions,
/// and returns the layer.
pub async fn layer(pool: &Pool, secure: bool) -> Result<SessionManagerLayer<Store>, sqlx::Error> {
    let store = Store::open(pool).await?;
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
        .with_name(cookie_name(secure))
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(CookieDuration::hours(IDLE_TIMEOUT_HOURS))))
}
