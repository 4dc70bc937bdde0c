//! Choosing a password through a one-time link (a public page: the person is not signed in
//! yet). The link's token is in the address; only its hash is stored.

#[cfg(feature = "ssr")]
pub mod links;

use crate::api::error::AppError;
use crate::api::people::RefusedForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where a one-time link to choose a password stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordLinkStatus {
    /// It may be used, by this person.
    Usable {
        name: String,
        email: String,
    },
    Used,
    Expired,
    /// No such link (mistyped, or replaced by a newer one), or the account is deactivated.
    Unknown,
}

/// The page of a link: where it stands, and the form as it was refused (without script).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordLinkView {
    pub status: PasswordLinkStatus,
    pub refused: Option<RefusedForm>,
}

/// Where the link with `token` stands; `refused` names a refused form post (`?avvisad=`).
#[server(endpoint = "password_link")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn password_link(token: String, refused: Option<String>) -> Result<PasswordLinkView, AppError> {
    use crate::api::context::state;
    use crate::api::people::kept;
    use crate::db::{self, clock};

    let pool = state()?.pool;
    let Some(link) = db::password_links::find(&pool, &links::token_hash(&token)).await? else {
        return Ok(PasswordLinkView { status: PasswordLinkStatus::Unknown, refused: None });
    };
    let person = db::users::find_by_id(&pool, link.person).await?.filter(|person| !person.disabled);
    let status = match person {
        None => PasswordLinkStatus::Unknown,
        Some(_) if link.used_at.is_some() => PasswordLinkStatus::Used,
        Some(_) if link.expires_at <= clock::now() => PasswordLinkStatus::Expired,
        Some(person) => PasswordLinkStatus::Usable { name: person.display_name, email: person.email },
    };
    let refused = match status {
        PasswordLinkStatus::Usable { .. } => kept::refused(&pool, link.person, refused.as_deref()).await?,
        _ => None,
    };
    Ok(PasswordLinkView { status, refused })
}

/// Sets the password of the link's person, once (`check_new_password`: at least 12
/// characters, typed twice), and goes to the sign-in page. A used, expired or unknown link
/// is `NotFound`.
#[server(endpoint = "set_password")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn set_password(token: String, password: String, confirmation: String) -> Result<(), AppError> {
    use crate::api::auth::passwords;
    use crate::api::context::{internal, state};
    use crate::api::people::access::refuse;
    use crate::db::{self, clock};
    use crate::domain::password::check_new_password;
    use crate::routes::{Notice, SIGN_IN, set_password_path, with_notice};

    let state = state()?;
    let hash = links::token_hash(&token);
    let now = clock::now();
    let link = db::password_links::find(&state.pool, &hash).await?.ok_or(AppError::NotFound)?;
    let person = db::users::find_by_id(&state.pool, link.person).await?.filter(|person| !person.disabled);
    if person.is_none() || link.used_at.is_some() || link.expires_at <= now {
        return Err(AppError::NotFound);
    }
    let problems = check_new_password(&password, &confirmation);
    if !problems.is_empty() {
        // Nothing typed is kept: a password is never stored anywhere but as its hash.
        return refuse(&state.pool, link.person, &set_password_path(&token), Vec::new(), problems).await;
    }
    let password_hash = passwords::bounded(&state.password_work, move || passwords::hash(&password))
        .await
        .ok_or_else(|| internal("hash a new password")("no hashing permit"))?;
    let mut tx = db::pool::begin_write(&state.pool).await?;
    let used = db::password_links::use_once(&mut tx, &hash, now).await?;
    let Some(used) = used.filter(|used| used.expires_at > now && used.person == link.person) else {
        return Err(AppError::NotFound);
    };
    db::password_links::set_password(&mut tx, used.person, &password_hash).await?;
    tx.commit().await?;
    tracing::info!(person = %used.person, "password chosen through a link");
    leptos_axum::redirect(&with_notice(SIGN_IN, &Notice::Done("losenord".to_owned())));
    Ok(())
}
