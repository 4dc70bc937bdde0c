//! An assessment's status as a labelled badge (text, not colour alone).

use crate::components::translations::locale;
use crate::domain::status::AssessmentStatus;
use crate::i18n::*;
use leptos::prelude::*;

/// The status label in Swedish.
pub fn status_label(i18n: Locale, status: AssessmentStatus) -> String {
    match status {
        AssessmentStatus::NotStarted => td_string!(i18n, status.not_started).to_string(),
        AssessmentStatus::Draft => td_string!(i18n, status.draft).to_string(),
        AssessmentStatus::Submitted => td_string!(i18n, status.submitted).to_string(),
    }
}

#[component]
pub fn StatusBadge(status: AssessmentStatus) -> impl IntoView {
    let i18n = locale();
    let class = format!("badge badge--{}", status.key().replace('_', "-"));
    view! { <span class=class>{move || status_label(i18n, status)}</span> }
}
