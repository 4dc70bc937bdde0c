//! An improvement action's status in words.

use crate::domain::actions::ActionStatus;
use crate::i18n::*;
use leptos_i18n::I18nContext;

/// A status in words, e.g. "Pågår".
pub fn status_label(i18n: I18nContext<Locale>, status: ActionStatus) -> String {
    match status {
        ActionStatus::Planned => t_string!(i18n, actions.status_planned),
        ActionStatus::InProgress => t_string!(i18n, actions.status_in_progress),
        ActionStatus::Done => t_string!(i18n, actions.status_done),
        ActionStatus::Dropped => t_string!(i18n, actions.status_dropped),
    }
    .to_string()
}
