//! Signing in and out, and who is signed in.

#[cfg(feature = "ssr")]
pub mod browser_key;
#[cfg(feature = "ssr")]
pub mod passwords;
#[cfg(feature = "ssr")]
pub mod sign_in;

use crate::api::error::AppError;
use crate::domain::rights::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The signed-in person, as the page header shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub display_name: String,
    pub email: String,
    /// Each role with the name of the organisation it is held on.
    pub roles: Vec<(Role, String)>,
    /// Whether they may use the administration (the menu shows it).
    pub administers: bool,
}

/// What a role is called, in Swedish from the catalogue: "Kvalitetsavdelningen", "Chef",
/// "Enhetschef".
#[cfg(feature = "ssr")]
pub fn role_name(role: Role) -> String {
    use crate::i18n::{Locale, td_string};
    match role {
        Role::QualityDepartment => td_string!(Locale::sv, roles.quality_department).to_string(),
        Role::Head => td_string!(Locale::sv, roles.head).to_string(),
        Role::UnitManager => td_string!(Locale::sv, roles.unit_manager).to_string(),
    }
}

/// Signs in with e-mail address and password, then goes to `next` (a local path) or the
/// start page. The session id is replaced, so a session fixed before sign-in is useless.
/// Attempts are limited per account and per client address (`TooManyAttempts`, with a
/// `Retry-After`), counted before the password is checked. The browser gets a long-lived
/// key if it has none, and the server notes who signed in on it. `kept` names a form post
/// kept when the session had expired: it is saved now if it was kept on this browser for
/// the person signing in.
#[server(endpoint = "login")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn login(
    email: String,
    password: String,
    next: Option<String>,
    kept: Option<String>,
) -> Result<(), AppError> {
    use self::passwords::verify_blocking;
    use self::sign_in::{count_attempt, count_failure, remember_browser};
    use crate::api::assessment::saving::resume_after_sign_in;
    use crate::api::context::{caller, internal, session, sign_in, state};
    use crate::db::users;
    use crate::routes::local_path_or_home;

    let state = state()?;
    count_attempt(&state, &email).await?;
    let user = users::find_by_email(&state.pool, &email).await?;
    let stored = user.as_ref().and_then(|user| user.password_hash.clone());
    let password_ok = verify_blocking(&state.password_work, password, stored).await;
    let Some(user) = user.filter(|user| password_ok && !user.disabled) else {
        tracing::info!("failed sign-in");
        count_failure(&state, &email).await;
        return Err(AppError::InvalidCredentials);
    };

    let session = session().await?;
    session.cycle_id().await.map_err(internal("rotate session id"))?;
    sign_in(&session, user.id).await?;
    tracing::info!(user = %user.id, "signed in");
    let browser_key_hash = remember_browser(&state, user.id).await;

    let mut target = local_path_or_home(next.as_deref());
    if let Some(token) = kept.filter(|token| !token.is_empty()) {
        let caller = caller().await?;
        if let Some(page) = resume_after_sign_in(&state, &caller, &browser_key_hash, &token).await? {
            target = page;
        }
    }
    leptos_axum::redirect(&target);
    Ok(())
}

/// Signs out: the session is deleted on the server and its cookie cleared.
#[server(endpoint = "logout")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn logout() -> Result<(), AppError> {
    use crate::api::context::{internal, session};

    let session = session().await?;
    session.flush().await.map_err(internal("flush session"))?;
    leptos_axum::redirect(crate::routes::SIGN_IN);
    Ok(())
}

/// Who is signed in, or `None`.
#[server(endpoint = "current_user")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn current_user() -> Result<Option<Me>, AppError> {
    use crate::api::context::{caller, state};
    use crate::db::{clock, org};

    let caller = match caller().await {
        Ok(caller) => caller,
        Err(AppError::Unauthenticated) => return Ok(None),
        Err(error) => return Err(error),
    };
    let pool = state()?.pool;
    let today = clock::today();
    let mut roles = Vec::with_capacity(caller.grants.len());
    for grant in &caller.grants {
        let node = org::node_at(&pool, grant.node, today).await?;
        roles.push((grant.role, node.map(|node| node.name).unwrap_or_default()));
    }
    let administers = crate::domain::rights::administers(&caller.grants);
    Ok(Some(Me { display_name: caller.display_name, email: caller.email, roles, administers }))
}
