//! Reminders by e-mail (the quality department): writing one (`compose`), reviewing and
//! confirming it (`review`), and following its sending (`status`). Each step is its own
//! address, so every step works without script; the text travels in the query from the
//! first step to the second, and the confirmation posts it with its key.

mod compose;
mod review;
mod status;

pub use compose::ReminderPage;
pub use review::ReminderReviewPage;
pub use status::ReminderStatusPage;

use crate::api::error::AppError;
use crate::api::reminders::ReminderRequest;
use crate::components::error_notice::ErrorNotice;
use crate::components::translations::locale;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::reminder::{DeliveryStatus, ReminderTarget};
use crate::i18n::*;
use crate::routes::{Notice, urlencode};
use leptos::prelude::*;
use leptos_router::params::ParamsMap;

/// `:round` in the address; 0 (which matches nothing) when missing or malformed.
fn round_param(params: &ParamsMap) -> RoundId {
    RoundId(params.get("round").and_then(|id| id.parse().ok()).unwrap_or(0))
}

/// The reminder in an address's query (`status`, `forvaltning`, `amne`, `text`); the text
/// is `None` when the query has none (the page then offers the default).
fn request_from_query(round: RoundId, get: impl Fn(&str) -> Option<String>) -> (ReminderRequest, bool) {
    let subject = get("amne");
    let body = get("text");
    let has_text = subject.is_some() || body.is_some();
    let request = ReminderRequest {
        round_id: round,
        target: get("status").and_then(|key| ReminderTarget::from_key(&key)).unwrap_or_default(),
        administration: get("forvaltning").and_then(|id| id.parse().ok()).map(NodeId),
        subject: subject.unwrap_or_default(),
        body: body.unwrap_or_default(),
    };
    (request, has_text)
}

/// The reminder as an address's query, e.g. for the link back from the review.
fn request_query(request: &ReminderRequest) -> String {
    let mut query = format!("status={}", request.target.key());
    if let Some(administration) = request.administration {
        query.push_str(&format!("&forvaltning={administration}"));
    }
    query.push_str(&format!("&amne={}&text={}", urlencode(&request.subject), urlencode(&request.body)));
    query
}

/// Which units, as a phrase after "enheter som".
fn target_label(i18n: Locale, target: ReminderTarget) -> String {
    match target {
        ReminderTarget::Both => td_string!(i18n, reminders.target_both),
        ReminderTarget::NotStarted => td_string!(i18n, reminders.target_not_started),
        ReminderTarget::Draft => td_string!(i18n, reminders.target_draft),
    }
    .to_string()
}

/// A message's status in Swedish.
fn delivery_label(i18n: Locale, status: DeliveryStatus) -> String {
    match status {
        DeliveryStatus::Pending => td_string!(i18n, reminders.delivery_pending),
        DeliveryStatus::Sending => td_string!(i18n, reminders.delivery_sending),
        DeliveryStatus::Sent => td_string!(i18n, reminders.delivery_sent),
        DeliveryStatus::Failed => td_string!(i18n, reminders.delivery_failed),
    }
    .to_string()
}

/// The error a plain form post came back with (`?fel=`), except those the page itself
/// explains from what it loads: a round that is not open, a text that does not pass.
fn failure_notice(get: impl Fn(&str) -> Option<String>) -> Option<AnyView> {
    let notices = Notice::all_in(get);
    let error = notices.failure().and_then(|(code, _)| AppError::from_code(code))?;
    let explained = matches!(error, AppError::ReadOnly | AppError::Invalid { .. });
    (!explained).then(|| view! { <ErrorNotice error /> }.into_any())
}

/// Why nothing can be sent, if so: the round is not open, or e-mail is not configured.
#[component]
fn CannotSend(open: bool, mail_configured: bool) -> impl IntoView {
    let i18n = locale();
    view! {
        {(!open).then(|| view! { <p class="notice notice--warning">{td!(i18n, reminders.not_open)}</p> })}
        {(!mail_configured).then(|| view! {
            <p class="notice notice--error" role="alert">{td!(i18n, reminders.mail_not_configured)}</p>
        })}
    }
}
