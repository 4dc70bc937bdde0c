//! An assessment's status as a labelled badge (text, not colour alone).

use crate::domain::status::AssessmentStatus;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// The status label in Swedish.
pub fn status_label(i18n: I18nContext<Locale>, status: AssessmentStatus) -> String {
    match status {
        AssessmentStatus::NotStarted => t_string!(i18n, status.not_started).to_string(),
        AssessmentStatus::Draft => t_string!(i18n, status.draft).to_string(),
        AssessmentStatus::Submitted => t_string!(i18n, status.submitted).to_string(),
    }
}

#[component]
pub fn StatusBadge(status: AssessmentStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = format!("badge badge--{}", status.key().replace('_', "-"));
    view! { <span class=class>{move || status_label(i18n, status)}</span> }
}
