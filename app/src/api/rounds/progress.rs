//! A round's progress over the units the caller may follow (server only): the counts, and
//! every unit the filter chooses with the managers of those that have not submitted; the
//! same list as a CSV file for Swedish Excel.

use super::{AdministrationProgress, Manager, ProgressFilter, UnitProgress};
use crate::api::access::visible_round;
use crate::api::context::Caller;
use crate::api::error::AppError;
use crate::api::exports::csv::swedish_excel;
use crate::db::{self, Pool, clock, rounds::Round};
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::reminder::{needs_reminder, round_takes_reminders};
use crate::domain::rights::{Permission, may};
use crate::domain::status::{AssessmentStatus, StatusCounts};
use std::collections::BTreeMap;

/// The progress of a round as the caller may see it, with every unit the filter chooses
/// (not paged).
#[derive(Clone, Debug)]
pub struct Filtered {
    pub round: Round,
    /// Over every unit the caller may follow.
    pub counts: StatusCounts,
    pub administrations: Vec<AdministrationProgress>,
    pub units: Vec<UnitProgress>,
    /// Whether the caller may send the round's units a reminder now.
    pub may_remind: bool,
}

/// The round's progress over the units the caller may follow; `Forbidden` if they follow
/// none of the round's.
pub async fn filtered(
    pool: &Pool,
    caller: &Caller,
    round_id: RoundId,
    filter: &ProgressFilter,
) -> Result<Filtered, AppError> {
    let round = visible_round(pool, caller, round_id).await?;
    let on = round.tree_date(clock::today());

    let units: Vec<_> = db::org::units_under(pool, round.root, on)
        .await?
        .into_iter()
        .filter(|unit| may(&caller.grants, Permission::ViewRoundProgress, &unit.path))
        .collect();
    if units.is_empty() {
        let root_path = db::org::path_to(pool, round.root, on).await?;
        if !may(&caller.grants, Permission::ViewRoundProgress, &root_path) {
            return Err(AppError::Forbidden);
        }
    }
    let may_remind = round_takes_reminders(round.status)
        && units.iter().any(|unit| may(&caller.grants, Permission::SendReminders, &unit.path));

    let statuses = db::assessments::statuses(pool, round.id).await?;
    let mut counts = StatusCounts::default();
    let mut by_administration: BTreeMap<(String, NodeId), StatusCounts> = BTreeMap::new();
    let mut listed = Vec::new();
    for unit in units {
        let (status, updated) = statuses
            .get(&unit.id)
            .map_or((AssessmentStatus::NotStarted, None), |(status, updated)| (*status, Some(*updated)));
        counts.add(status);
        let (administration_id, administration) = unit.administration.clone().unwrap_or((unit.id, String::new()));
        by_administration.entry((administration.clone(), administration_id)).or_default().add(status);
        let wanted = filter.status.is_none_or(|wanted| wanted == status)
            && filter.administration.is_none_or(|wanted| wanted == administration_id);
        if wanted {
            listed.push(UnitProgress {
                id: unit.id,
                name: unit.name,
                administration,
                department: unit.department,
                status,
                updated_at: updated.map(clock::local_minute),
                managers: Vec::new(),
            });
        }
    }

    let to_remind: Vec<NodeId> = listed.iter().filter(|unit| needs_reminder(unit.status)).map(|unit| unit.id).collect();
    let mut managers = db::unit_managers::of_units(pool, &to_remind).await?;
    for unit in listed.iter_mut().filter(|unit| needs_reminder(unit.status)) {
        unit.managers = managers
            .remove(&unit.id)
            .unwrap_or_default()
            .into_iter()
            .map(|manager| Manager { name: manager.name, email: manager.email })
            .collect();
    }

    let administrations =
        by_administration.into_iter().map(|((name, id), counts)| AdministrationProgress { id, name, counts }).collect();
    Ok(Filtered { round, counts, administrations, units: listed, may_remind })
}

/// The status as the page shows it.
fn status_text(status: AssessmentStatus) -> String {
    use crate::i18n::{Locale, td_string};
    match status {
        AssessmentStatus::NotStarted => td_string!(Locale::sv, status.not_started),
        AssessmentStatus::Draft => td_string!(Locale::sv, status.draft),
        AssessmentStatus::Submitted => td_string!(Locale::sv, status.submitted),
    }
    .to_string()
}

/// The units as a CSV file for Swedish Excel: one row per unit with its förvaltning,
/// avdelning, status, when it was last saved, and its managers' names and e-mail addresses
/// (each list separated by semicolons).
pub fn units_csv(units: &[UnitProgress]) -> Vec<u8> {
    use crate::i18n::{Locale, td_string};
    let header = [
        td_string!(Locale::sv, progress.col_unit).to_string(),
        td_string!(Locale::sv, progress.col_administration).to_string(),
        td_string!(Locale::sv, progress.col_department).to_string(),
        td_string!(Locale::sv, progress.col_status).to_string(),
        td_string!(Locale::sv, progress.col_updated).to_string(),
        td_string!(Locale::sv, progress.col_managers).to_string(),
        td_string!(Locale::sv, progress.col_manager_emails).to_string(),
    ];
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows = units.iter().map(|unit| {
        let names: Vec<&str> = unit.managers.iter().map(|manager| manager.name.as_str()).collect();
        let emails: Vec<&str> = unit.managers.iter().map(|manager| manager.email.as_str()).collect();
        vec![
            unit.name.clone(),
            unit.administration.clone(),
            unit.department.clone().unwrap_or_default(),
            status_text(unit.status),
            unit.updated_at.clone().unwrap_or_default(),
            names.join("; "),
            emails.join("; "),
        ]
    });
    swedish_excel(&header, rows)
}

/// The download's file name, e.g. `enheter-omgang-3.csv`.
pub fn units_csv_file_name(round: RoundId) -> String {
    format!("enheter-omgang-{round}.csv")
}
