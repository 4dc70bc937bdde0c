//! One-time links to choose a password (server only): made for a person created in the
//! administration (or again by the quality department), e-mailed to them with subject and
//! text from the catalogue, and logged once sent. Only the SHA-256 of a link's random token
//! is stored.

use crate::api::error::AppError;
use crate::db::admin_log::{AdminEntry, append};
use crate::db::audit::ChangeContext;
use crate::db::{self, Conn, Pool};
use crate::domain::admin_action::AdminAction;
use crate::domain::ids::UserId;
use crate::domain::password::LINK_DAYS;
use crate::routes::set_password_path;
use crate::state::AppState;

/// What a token is stored as: its SHA-256 in hex.
pub fn token_hash(token: &str) -> String {
    crate::api::sha256_hex::sha256_hex(token)
}

/// A new random token: 64 hex digits from the operating system's random source.
fn new_token() -> String {
    format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple())
}

/// Makes a link for `person` (their earlier unused links stop working); returns its token,
/// to send. Inside the change's transaction.
pub async fn create(conn: &mut Conn, person: UserId, context: &ChangeContext) -> Result<String, AppError> {
    let token = new_token();
    let expires_at = context.at + chrono::Duration::days(LINK_DAYS);
    db::password_links::insert(conn, &token_hash(&token), person, context.actor, context.at, expires_at).await?;
    Ok(token)
}

/// Which message a link goes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkMail {
    /// To a person just given an account.
    Welcome,
    /// A new link to an existing account.
    Again,
}

/// A link to send: to whom, and its token.
pub struct LinkToSend {
    pub person: UserId,
    pub email: String,
    pub name: String,
    pub token: String,
}

/// Sends each link by e-mail and logs those sent (`PasswordLinkSent`) in one transaction;
/// returns how many could not be sent (no mail configured, or the mail server refused).
pub async fn send_all(state: &AppState, context: &ChangeContext, links: &[LinkToSend], mail: LinkMail) -> usize {
    let mut sent = Vec::with_capacity(links.len());
    for link in links {
        if send(state, link, mail).await {
            sent.push(link.person);
        }
    }
    if let Err(error) = log_sent(&state.pool, context, &sent).await {
        tracing::error!(?error, "sent password links could not be logged");
    }
    links.len() - sent.len()
}

async fn send(state: &AppState, link: &LinkToSend, mail: LinkMail) -> bool {
    use crate::i18n::{Locale, td_string};

    let url = format!("{}{}", state.public_base_url(), set_password_path(&link.token));
    let subject = match mail {
        LinkMail::Welcome => td_string!(Locale::sv, password.mail_subject_welcome).to_string(),
        LinkMail::Again => td_string!(Locale::sv, password.mail_subject_again).to_string(),
    };
    let (name, email, days) = (link.name.as_str(), link.email.as_str(), LINK_DAYS.to_string());
    let body =
        td_string!(Locale::sv, password.mail_body, name = name, email = email, link = url, days = days).to_string();
    match state.mailer.send(&link.email, &subject, &body).await {
        Ok(()) => true,
        Err(error) => {
            tracing::warn!(%error, person = %link.person, "a password link could not be sent");
            false
        }
    }
}

async fn log_sent(pool: &Pool, context: &ChangeContext, people: &[UserId]) -> Result<(), AppError> {
    if people.is_empty() {
        return Ok(());
    }
    let entries: Vec<AdminEntry> = people
        .iter()
        .map(|person| AdminEntry { person: Some(*person), ..AdminEntry::of(AdminAction::PasswordLinkSent) })
        .collect();
    let mut tx = db::pool::begin_write(pool).await?;
    append(&mut tx, context, &entries).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_only_their_hash_is_kept() {
        let (one, two) = (new_token(), new_token());
        assert_eq!(one.len(), 64);
        assert_ne!(one, two);
        assert_eq!(token_hash(&one), token_hash(&one));
        assert_ne!(token_hash(&one), one);
        assert_eq!(token_hash(&one).len(), 64);
    }
}
