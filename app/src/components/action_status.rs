//! An improvement action's status in words.

use crate::domain::actions::ActionStatus;
use crate::i18n::*;

/// A status in words, e.g. "Pågår".
pub fn status_label(i18n: Locale, status: ActionStatus) -> String {
    match status {
        ActionStatus::Planned => td_string!(i18n, actions.status_planned),
        ActionStatus::InProgress => td_string!(i18n, actions.status_in_progress),
        ActionStatus::Done => td_string!(i18n, actions.status_done),
        ActionStatus::Dropped => td_string!(i18n, actions.status_dropped),
    }
    .to_string()
}
