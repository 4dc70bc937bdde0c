//! Changing rounds (server only): creating a draft, editing it, changing an open round's
//! closing date and moving a round through its life. Each checks the rules of
//! `domain::round_lifecycle` against the round as it is inside the write, and appends its
//! admin-log entry in the same transaction as the change.
//!
//! The log's detail is a short note from the catalogue (`admin_log.detail_*`), written in
//! Swedish when the change is made: the log keeps what happened as it was recorded.

use super::types::invalid_fields;
use crate::api::error::AppError;
use crate::db::admin_log::{self, AdminEntry};
use crate::db::audit::ChangeContext;
use crate::db::rounds::Round;
use crate::db::{self, Pool};
use crate::domain::admin_action::AdminAction;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::raw_answers::FieldProblem;
use crate::domain::round_lifecycle::{
    Facts, Move, Period, RawRound, RoundDetails, RoundField, RoundFieldError, check_closing_date_change, check_details,
    check_move, details_editable, parse_id,
};
use crate::i18n::{Locale, td_string};
use chrono::NaiveDate;

/// A date as forms send it, `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Problems as the error a server function answers with (422, each field named).
pub fn refused(problems: Vec<RoundFieldError>) -> AppError {
    AppError::Invalid { fields: invalid_fields(&problems), saved_version: None }
}

fn status_refused() -> AppError {
    refused(vec![RoundFieldError { field: RoundField::Status, problem: FieldProblem::NotAvailable }])
}

/// What the database knows about the typed version and organisation.
async fn facts(pool: &Pool, raw: &RawRound, today: NaiveDate) -> Result<Facts<NaiveDate>, AppError> {
    let version_published = match parse_id(&raw.framework_version) {
        Some(id) => {
            let mut conn = pool.acquire().await?;
            db::framework::is_frozen(&mut conn, crate::domain::ids::FrameworkVersionId(id)).await?
        }
        None => None,
    };
    let root_exists = match parse_id(&raw.root) {
        Some(id) => db::org::node_at(pool, NodeId(id), today).await?.is_some(),
        None => false,
    };
    Ok(Facts { today, version_published, root_exists })
}

/// The typed details, checked; `Invalid` naming each problem.
pub async fn checked_details(
    pool: &Pool,
    raw: &RawRound,
    today: NaiveDate,
) -> Result<RoundDetails<NaiveDate>, AppError> {
    let facts = facts(pool, raw, today).await?;
    check_details(raw, facts, parse_date).map_err(refused)
}

fn period_note(opens_on: NaiveDate, closes_on: NaiveDate) -> String {
    td_string!(Locale::sv, admin_log.detail_period, from = opens_on.to_string(), to = closes_on.to_string()).to_string()
}

fn closing_date_note(from: NaiveDate, to: NaiveDate) -> String {
    td_string!(Locale::sv, admin_log.detail_closing_date, from = from.to_string(), to = to.to_string()).to_string()
}

/// Creates a draft round; the caller may manage rounds over its organisation.
pub async fn create(
    pool: &Pool,
    context: &ChangeContext,
    details: &RoundDetails<NaiveDate>,
) -> Result<RoundId, AppError> {
    let mut tx = db::pool::begin_write(pool).await?;
    let id = db::rounds::create_draft(&mut tx, details).await?;
    let detail = period_note(details.opens_on, details.closes_on);
    let entry = AdminEntry {
        round: Some(id),
        node: Some(details.root),
        detail: Some(&detail),
        ..AdminEntry::of(AdminAction::RoundCreated)
    };
    admin_log::append(&mut tx, context, &[entry]).await?;
    tx.commit().await?;
    Ok(id)
}

/// What changed between a draft and its new details, as the log notes it; `None` if nothing.
fn edit_note(before: &Round, after: &RoundDetails<NaiveDate>, root_names: (&str, &str)) -> Option<String> {
    let mut changes = Vec::new();
    let locale = Locale::sv;
    if before.name != after.name {
        changes.push(
            td_string!(locale, admin_log.detail_name, from = before.name.clone(), to = after.name.clone()).to_string(),
        );
    }
    if before.framework_version != after.framework_version {
        let (from, to) = (before.framework_version.to_string(), after.framework_version.to_string());
        changes.push(td_string!(locale, admin_log.detail_version, from = from, to = to).to_string());
    }
    if before.root != after.root {
        let (from, to) = (root_names.0.to_owned(), root_names.1.to_owned());
        changes.push(td_string!(locale, admin_log.detail_organisation, from = from, to = to).to_string());
    }
    if (before.opens_on, before.closes_on) != (after.opens_on, after.closes_on) {
        let from = period_note(before.opens_on, before.closes_on);
        let to = period_note(after.opens_on, after.closes_on);
        changes.push(td_string!(locale, admin_log.detail_dates, from = from, to = to).to_string());
    }
    if before.intro != after.intro {
        changes.push(td_string!(locale, admin_log.detail_intro).to_string());
    }
    (!changes.is_empty()).then(|| changes.join("; "))
}

/// Replaces a draft's details. Refused (naming the status) once the round is no longer a
/// draft. Nothing changed, nothing logged.
pub async fn edit(
    pool: &Pool,
    context: &ChangeContext,
    id: RoundId,
    details: &RoundDetails<NaiveDate>,
    today: NaiveDate,
) -> Result<(), AppError> {
    let name_of = async |node: Option<NodeId>| -> Result<String, AppError> {
        Ok(match node {
            Some(node) => db::org::node_at(pool, node, today).await?.map(|node| node.name).unwrap_or_default(),
            None => String::new(),
        })
    };
    let before_root = db::rounds::get(pool, id).await?.map(|round| round.root);
    let root_names = (name_of(before_root).await?, name_of(Some(details.root)).await?);

    let mut tx = db::pool::begin_write(pool).await?;
    let round = db::rounds::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if !details_editable(round.status) {
        return Err(status_refused());
    }
    let Some(note) = edit_note(&round, details, (&root_names.0, &root_names.1)) else { return Ok(()) };
    db::rounds::update_details(&mut tx, id, details).await?;
    let entry = AdminEntry {
        round: Some(id),
        node: Some(details.root),
        detail: Some(&note),
        ..AdminEntry::of(AdminAction::RoundEdited)
    };
    admin_log::append(&mut tx, context, &[entry]).await?;
    tx.commit().await?;
    Ok(())
}

/// Changes an open round's closing date (not into the past, not before it opened).
pub async fn change_closing_date(
    pool: &Pool,
    context: &ChangeContext,
    id: RoundId,
    raw_closes_on: &str,
    today: NaiveDate,
) -> Result<(), AppError> {
    let mut tx = db::pool::begin_write(pool).await?;
    let round = db::rounds::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let period = Period { opens_on: round.opens_on, closes_on: round.closes_on };
    let closes_on =
        check_closing_date_change(round.status, period, raw_closes_on, today, parse_date).map_err(refused)?;
    if closes_on == round.closes_on {
        return Ok(());
    }
    db::rounds::set_closing_date(&mut tx, id, closes_on).await?;
    let note = closing_date_note(round.closes_on, closes_on);
    let entry = AdminEntry {
        round: Some(id),
        node: Some(round.root),
        detail: Some(&note),
        ..AdminEntry::of(AdminAction::RoundDeadlineChanged)
    };
    admin_log::append(&mut tx, context, &[entry]).await?;
    tx.commit().await?;
    Ok(())
}

/// A step taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoveDone {
    /// Units covered on the round's date after the step.
    pub units: usize,
    /// Whether opening froze the framework version.
    pub froze_framework: bool,
}

/// Takes `step` with the round: checks it against the round's status and dates as they are
/// inside the write; sets the new status (and closing date, when opening again); on opening
/// freezes the framework version if it is not yet; counts the units covered; logs it with
/// the reason given. One transaction.
pub async fn make_move(
    pool: &Pool,
    context: &ChangeContext,
    id: RoundId,
    step: Move,
    raw_reason: &str,
    raw_closes_on: &str,
    today: NaiveDate,
) -> Result<MoveDone, AppError> {
    let mut tx = db::pool::begin_write(pool).await?;
    let round = db::rounds::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let period = Period { opens_on: round.opens_on, closes_on: round.closes_on };
    let plan = check_move(round.status, period, step, raw_reason, raw_closes_on, today, parse_date).map_err(refused)?;

    db::rounds::set_status(&mut tx, id, step.to(), plan.closes_on).await?;
    let froze_framework = if step == Move::Open {
        let frozen = db::framework::is_frozen(&mut tx, round.framework_version).await?.unwrap_or(false);
        if !frozen {
            db::framework::freeze(&mut tx, round.framework_version).await?;
        }
        !frozen
    } else {
        false
    };
    let after = Round { closes_on: plan.closes_on.unwrap_or(round.closes_on), status: step.to(), ..round.clone() };
    let on = after.tree_date(today);
    let coverage = db::rounds::coverage_in(&mut tx, &[(id, round.root, on)]).await?;
    let coverage = coverage.get(&id).copied().unwrap_or_default();

    let locale = Locale::sv;
    let mut notes = vec![td_string!(locale, admin_log.detail_units, units = coverage.units).to_string()];
    if step == Move::Close {
        let (submitted, drafts) = (coverage.submitted, coverage.drafts);
        notes.push(td_string!(locale, admin_log.detail_counts, submitted = submitted, drafts = drafts).to_string());
    }
    if let Some(closes_on) = plan.closes_on {
        notes.push(closing_date_note(round.closes_on, closes_on));
    }
    if froze_framework {
        notes.push(td_string!(locale, admin_log.detail_framework_frozen).to_string());
    }
    let note = notes.join("; ");
    let entry = AdminEntry {
        round: Some(id),
        node: Some(round.root),
        detail: Some(&note),
        reason: plan.reason.as_deref(),
        ..AdminEntry::of(step.logged_as())
    };
    admin_log::append(&mut tx, context, &[entry]).await?;
    tx.commit().await?;
    Ok(MoveDone { units: coverage.units, froze_framework })
}
