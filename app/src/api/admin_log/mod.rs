//! The admin log for the quality department: every administrative change, newest first,
//! filtered by what happened, the round, who did it and when; as a page and as a CSV file
//! for Swedish Excel (the same filters, the same loader).

#[cfg(feature = "ssr")]
pub mod load;

use crate::api::error::AppError;
use crate::domain::admin_action::AdminAction;
use crate::domain::ids::{RoundId, UserId};
use crate::i18n::{Locale, td_string};
use crate::routes::urlencode;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Entries per page.
pub const LOG_PAGE_SIZE: usize = 50;

/// Which entries to show, as the address says: `handelse` (an action key), `omgang`, `vem`
/// (who acted), `fran` and `till` (Stockholm days, `YYYY-MM-DD`, both inclusive), `sida`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LogQuery {
    pub action: Option<String>,
    pub round: Option<i64>,
    pub actor: Option<i64>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// 1-based.
    pub page: Option<usize>,
}

impl LogQuery {
    /// Reads the query from an address's parameters; empty values are no filter.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let text = |name: &str| get(name).map(|value| value.trim().to_owned()).filter(|value| !value.is_empty());
        LogQuery {
            action: text("handelse"),
            round: text("omgang").and_then(|value| value.parse().ok()),
            actor: text("vem").and_then(|value| value.parse().ok()),
            from: text("fran"),
            to: text("till"),
            page: text("sida").and_then(|value| value.parse().ok()),
        }
    }

    /// The filters as query parameters (no page), without `?`.
    pub fn filter_params(&self) -> String {
        let mut params = Vec::new();
        if let Some(action) = &self.action {
            params.push(format!("handelse={}", urlencode(action)));
        }
        if let Some(round) = self.round {
            params.push(format!("omgang={round}"));
        }
        if let Some(actor) = self.actor {
            params.push(format!("vem={actor}"));
        }
        if let Some(from) = &self.from {
            params.push(format!("fran={}", urlencode(from)));
        }
        if let Some(to) = &self.to {
            params.push(format!("till={}", urlencode(to)));
        }
        params.join("&")
    }

    /// `path` with the filters and `page`.
    pub fn address(&self, path: &str, page: Option<usize>) -> String {
        let mut params = self.filter_params();
        if let Some(page) = page {
            if !params.is_empty() {
                params.push('&');
            }
            params.push_str(&format!("sida={page}"));
        }
        if params.is_empty() { path.to_owned() } else { format!("{path}?{params}") }
    }
}

/// One entry as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub id: i64,
    /// Stockholm time, e.g. `2026-12-01 14:32`.
    pub when: String,
    pub who: String,
    /// What happened (`None`: a kind this version does not know; `action_key` says it).
    pub action: Option<AdminAction>,
    pub action_key: String,
    pub round: Option<(RoundId, String)>,
    /// The person the change was about.
    pub person: Option<String>,
    /// The organisation it was about.
    pub organisation: Option<String>,
    pub detail: Option<String>,
    pub reason: Option<String>,
}

/// A page of the log, with the choices of its filters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminLogPage {
    pub entries: Vec<LogEntry>,
    /// Entries matching the filters.
    pub total: usize,
    pub page: usize,
    pub page_count: usize,
    pub rounds: Vec<(RoundId, String)>,
    pub actors: Vec<(UserId, String)>,
    /// A date filter that is not a date (`YYYY-MM-DD`) and was left out.
    pub invalid_from: bool,
    pub invalid_to: bool,
}

/// What an action is called, e.g. "Omgång öppnad".
pub fn action_label(locale: Locale, action: AdminAction) -> String {
    match action {
        AdminAction::RoundCreated => td_string!(locale, admin_log.action_round_created),
        AdminAction::RoundEdited => td_string!(locale, admin_log.action_round_edited),
        AdminAction::RoundOpened => td_string!(locale, admin_log.action_round_opened),
        AdminAction::RoundClosed => td_string!(locale, admin_log.action_round_closed),
        AdminAction::RoundPublished => td_string!(locale, admin_log.action_round_published),
        AdminAction::RoundReopened => td_string!(locale, admin_log.action_round_reopened),
        AdminAction::RoundWithdrawn => td_string!(locale, admin_log.action_round_withdrawn),
        AdminAction::RoundDeadlineChanged => td_string!(locale, admin_log.action_round_deadline_changed),
        AdminAction::RoleGiven => td_string!(locale, admin_log.action_role_given),
        AdminAction::RoleTaken => td_string!(locale, admin_log.action_role_taken),
        AdminAction::PersonCreated => td_string!(locale, admin_log.action_person_created),
        AdminAction::PersonDeactivated => td_string!(locale, admin_log.action_person_deactivated),
        AdminAction::PersonReactivated => td_string!(locale, admin_log.action_person_reactivated),
        AdminAction::PasswordLinkSent => td_string!(locale, admin_log.action_password_link_sent),
        AdminAction::ReminderSent => td_string!(locale, admin_log.action_reminder_sent),
        AdminAction::ManagersImported => td_string!(locale, admin_log.action_managers_imported),
        AdminAction::DeckEdited => td_string!(locale, admin_log.action_deck_edited),
        AdminAction::FrameworkDraftCreated => td_string!(locale, admin_log.action_framework_draft_created),
        AdminAction::FrameworkUploaded => td_string!(locale, admin_log.action_framework_uploaded),
        AdminAction::FrameworkDraftEdited => td_string!(locale, admin_log.action_framework_draft_edited),
        AdminAction::FrameworkPublished => td_string!(locale, admin_log.action_framework_published),
        AdminAction::OrgNodeAdded => td_string!(locale, admin_log.action_org_node_added),
        AdminAction::OrgNodeRenamed => td_string!(locale, admin_log.action_org_node_renamed),
        AdminAction::OrgNodeMoved => td_string!(locale, admin_log.action_org_node_moved),
        AdminAction::OrgNodesMerged => td_string!(locale, admin_log.action_org_nodes_merged),
        AdminAction::OrgNodeSplit => td_string!(locale, admin_log.action_org_node_split),
        AdminAction::OrgNodeClosed => td_string!(locale, admin_log.action_org_node_closed),
        AdminAction::OrgImported => td_string!(locale, admin_log.action_org_imported),
    }
    .to_string()
}

/// A page of the admin log (the quality department's).
#[server(endpoint = "admin_log")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_admin_log(#[server(default)] query: LogQuery) -> Result<AdminLogPage, AppError> {
    use crate::api::context::{caller, state};
    let caller = caller().await?;
    self::load::log_page(&state()?.pool, &caller, &query).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filters_survive_their_address() {
        let query = LogQuery {
            action: Some("round_opened".into()),
            round: Some(3),
            actor: Some(9),
            from: Some("2026-11-01".into()),
            to: Some("2026-12-01".into()),
            page: None,
        };
        let address = query.address("/admin/logg", Some(2));
        assert_eq!(address, "/admin/logg?handelse=round_opened&omgang=3&vem=9&fran=2026-11-01&till=2026-12-01&sida=2");
        let params: Vec<(&str, &str)> =
            address.split_once('?').unwrap().1.split('&').filter_map(|pair| pair.split_once('=')).collect();
        let read =
            LogQuery::from_params(|name| params.iter().find(|(key, _)| *key == name).map(|(_, v)| v.to_string()));
        assert_eq!(read, LogQuery { page: Some(2), ..query });
        assert_eq!(LogQuery::from_params(|_| Some(" ".into())), LogQuery::default(), "empty is no filter");
        assert_eq!(LogQuery::default().address("/admin/logg", None), "/admin/logg");
    }

    #[test]
    fn every_action_has_a_label() {
        for action in AdminAction::ALL {
            assert!(!action_label(Locale::sv, action).is_empty(), "{action:?}");
        }
    }
}
