//! Reading the admin log (server only), for its page and its CSV file: the quality
//! department's (`Permission::ReadAdminLog`), the same filters for both.

use super::{AdminLogPage, LOG_PAGE_SIZE, LogEntry, LogQuery, action_label};
use crate::api::context::Caller;
use crate::api::error::AppError;
use crate::db::admin_log::{LogFilter, LoggedEvent};
use crate::db::{self, Pool, clock};
use crate::domain::admin_action::AdminAction;
use crate::domain::ids::{RoundId, UserId};
use crate::domain::rights::{Permission, may_anywhere};
use crate::i18n::{Locale, td_string};
use chrono::NaiveDate;

/// The most entries one CSV file holds.
pub const CSV_MAX_ROWS: usize = 100_000;

/// Only those who may read the admin log.
fn require_reader(caller: &Caller) -> Result<(), AppError> {
    if may_anywhere(&caller.grants, Permission::ReadAdminLog) { Ok(()) } else { Err(AppError::Forbidden) }
}

fn day(text: Option<&str>) -> (Option<NaiveDate>, bool) {
    match text {
        None => (None, false),
        Some(text) => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(day) => (Some(day), false),
            Err(_) => (None, true),
        },
    }
}

/// The database filter of a query; and whether its from and to dates were unreadable.
fn filter_of(query: &LogQuery) -> (LogFilter, bool, bool) {
    let (from, invalid_from) = day(query.from.as_deref());
    let (to, invalid_to) = day(query.to.as_deref());
    let filter = LogFilter {
        action: query.action.as_deref().and_then(AdminAction::from_key),
        round: query.round.map(RoundId),
        actor: query.actor.map(UserId),
        from: from.map(clock::start_of_day),
        until: to.and_then(|to| to.succ_opt()).map(clock::start_of_day),
    };
    (filter, invalid_from, invalid_to)
}

fn entry(event: LoggedEvent) -> LogEntry {
    LogEntry {
        id: event.id,
        when: clock::local_minute(event.occurred_at),
        who: event.actor_name.unwrap_or_default(),
        action: AdminAction::from_key(&event.action),
        action_key: event.action,
        round: event.round_id.map(|id| (RoundId(id), event.round_name.unwrap_or_default())),
        person: event.person_name,
        organisation: event.node_name,
        detail: event.detail,
        reason: event.reason,
    }
}

/// A page of the log.
pub async fn log_page(pool: &Pool, caller: &Caller, query: &LogQuery) -> Result<AdminLogPage, AppError> {
    require_reader(caller)?;
    let (filter, invalid_from, invalid_to) = filter_of(query);
    let total = db::admin_log::count(pool, &filter).await?;
    let page_count = total.div_ceil(LOG_PAGE_SIZE).max(1);
    let page = query.page.unwrap_or(1).clamp(1, page_count);
    let events = db::admin_log::list(pool, &filter, LOG_PAGE_SIZE, (page - 1) * LOG_PAGE_SIZE).await?;
    let rounds = db::rounds::list(pool).await?.into_iter().map(|round| (round.id, round.name)).collect();
    let actors = db::admin_log::actors(pool).await?;
    Ok(AdminLogPage {
        entries: events.into_iter().map(entry).collect(),
        total,
        page,
        page_count,
        rounds,
        actors,
        invalid_from,
        invalid_to,
    })
}

/// The filtered log as a CSV file for Swedish Excel (newest first, at most
/// [`CSV_MAX_ROWS`] entries), with the request id of each change for tracing it in the
/// server's log.
pub async fn log_csv(pool: &Pool, caller: &Caller, query: &LogQuery) -> Result<Vec<u8>, AppError> {
    require_reader(caller)?;
    let (filter, _, _) = filter_of(query);
    let events = db::admin_log::list(pool, &filter, CSV_MAX_ROWS, 0).await?;
    let locale = Locale::sv;
    let header = [
        td_string!(locale, admin_log.col_when).to_string(),
        td_string!(locale, admin_log.col_who).to_string(),
        td_string!(locale, admin_log.col_what).to_string(),
        td_string!(locale, admin_log.col_round).to_string(),
        td_string!(locale, admin_log.col_person).to_string(),
        td_string!(locale, admin_log.col_organisation).to_string(),
        td_string!(locale, admin_log.col_detail).to_string(),
        td_string!(locale, admin_log.col_reason).to_string(),
        td_string!(locale, admin_log.col_request).to_string(),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows = events.into_iter().map(|event| {
        let request = event.request_id.clone().unwrap_or_default();
        let entry = entry(event);
        let what = entry.action.map_or_else(|| entry.action_key.clone(), |action| action_label(locale, action));
        vec![
            entry.when,
            entry.who,
            what,
            entry.round.map(|(_, name)| name).unwrap_or_default(),
            entry.person.unwrap_or_default(),
            entry.organisation.unwrap_or_default(),
            entry.detail.unwrap_or_default(),
            entry.reason.unwrap_or_default(),
            request,
        ]
    });
    Ok(crate::api::exports::csv::swedish_excel(&header, rows))
}
