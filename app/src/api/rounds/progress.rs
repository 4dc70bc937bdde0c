//! A round's progress over the units the caller may follow (server only): the counts, and
//! every unit the filter chooses with the managers of those that have not submitted; the
//! same list as a CSV file for Swedish Excel.

use super::{AdministrationProgress, Manager, ProgressFilter, UnitProgress};
use crate::api::access::visible_round;
use crate::api::context::Caller;
use crate::api::error::AppError;
use crate::api::exports::csv::write_table;
use crate::api::exports::dialect::CsvDialect;
use crate::api::exports::table::{Cell, Column, Table};
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

/// The units as a table to download: one row per unit with its förvaltning, avdelning,
/// status, when it was last saved, and its managers' names and e-mail addresses (each list
/// separated by semicolons).
pub fn units_table(units: Vec<UnitProgress>) -> Table {
    use crate::i18n::{Locale, td_string};
    let column = |name: &dyn std::fmt::Display, definition: &dyn std::fmt::Display, width: f64| {
        Column::new(name.to_string(), definition.to_string(), width)
    };
    let columns = vec![
        column(&td_string!(Locale::sv, progress.col_unit), &td_string!(Locale::sv, progress.def_unit), 36.0),
        column(
            &td_string!(Locale::sv, progress.col_administration),
            &td_string!(Locale::sv, progress.def_administration),
            32.0,
        ),
        column(
            &td_string!(Locale::sv, progress.col_department),
            &td_string!(Locale::sv, progress.def_department),
            28.0,
        ),
        column(&td_string!(Locale::sv, progress.col_status), &td_string!(Locale::sv, progress.def_status), 14.0),
        column(&td_string!(Locale::sv, progress.col_updated), &td_string!(Locale::sv, progress.def_updated), 18.0),
        column(&td_string!(Locale::sv, progress.col_managers), &td_string!(Locale::sv, progress.def_managers), 30.0),
        column(
            &td_string!(Locale::sv, progress.col_manager_emails),
            &td_string!(Locale::sv, progress.def_manager_emails),
            36.0,
        ),
    ];
    let rows = units.into_iter().map(|unit| {
        let names: Vec<&str> = unit.managers.iter().map(|manager| manager.name.as_str()).collect();
        let emails: Vec<&str> = unit.managers.iter().map(|manager| manager.email.as_str()).collect();
        vec![
            Cell::Text(unit.name.clone()),
            Cell::Text(unit.administration.clone()),
            Cell::Text(unit.department.clone().unwrap_or_default()),
            Cell::Text(status_text(unit.status)),
            unit.updated_at.clone().map_or(Cell::Empty, Cell::Text),
            Cell::text(names.join("; ")),
            Cell::text(emails.join("; ")),
        ]
    });
    Table { name: td_string!(Locale::sv, progress.sheet_units).to_string(), columns, rows: Box::new(rows) }
}

/// What the workbook's "Om filen" sheet says of the list: the round, the filter (as in the
/// address), when and by whom.
pub fn units_about(round_name: &str, filter: String, by: String) -> crate::api::exports::xlsx::About {
    use crate::i18n::{Locale, td_string};
    let locale = Locale::sv;
    crate::api::exports::xlsx::About {
        title: td_string!(locale, progress.about_title).to_string(),
        facts: vec![
            (td_string!(locale, progress.about_round).to_string(), round_name.to_owned()),
            (td_string!(locale, progress.about_filter).to_string(), filter),
            (td_string!(locale, progress.about_created).to_string(), clock::local_minute(clock::now())),
            (td_string!(locale, progress.about_by).to_string(), by),
        ],
        column_headings: [
            td_string!(locale, progress.about_columns).to_string(),
            td_string!(locale, progress.about_column).to_string(),
            td_string!(locale, progress.about_meaning).to_string(),
        ],
    }
}

/// The units as a CSV file in `dialect` (for Swedish Excel: BOM, semicolons).
pub fn units_csv(units: &[UnitProgress], dialect: CsvDialect) -> Vec<u8> {
    let mut file = Vec::new();
    // Writing to memory fails only on a row of the wrong shape, which a table cannot have.
    if let Err(error) = write_table(units_table(units.to_vec()), dialect, &mut file) {
        tracing::error!(%error, "the unit list could not be written");
    }
    file
}

/// The download's file name without its ending, e.g. `enheter-omgang-3`.
pub fn units_file_stem(round: RoundId) -> String {
    format!("enheter-omgang-{round}")
}
