//! The HR import's dry run and its application (server only). Both compare the file with the
//! tree as it is at that moment; applying re-plans inside its write transaction, so what is
//! written is what holds then — all of it, or nothing.

use super::MAX_SHOWN_ROWS;
use super::types::OrgImportView;
use crate::api::error::AppError;
use crate::api::org_changes::access::Organiser;
use crate::db::admin_log::{AdminEntry, append};
use crate::db::{self, Conn, pool::begin_write};
use crate::domain::admin_action::AdminAction;
use crate::domain::day::Day;
use crate::domain::ids::{NodeId, UserId};
use crate::domain::manager_import::RawLine;
use crate::domain::org_import::{ImportCounts, ManagerLine, Outcome, diff};
use crate::domain::org_steps::NodeRef;
use crate::domain::rights::{Role, RoleGrant};
use std::collections::HashMap;

/// The active accounts of the managers' addresses, by address.
async fn accounts(conn: &mut Conn, managers: &[ManagerLine]) -> Result<HashMap<String, UserId>, AppError> {
    let mut addresses: Vec<&str> = managers.iter().map(|manager| manager.email.as_str()).collect();
    addresses.sort_unstable();
    addresses.dedup();
    let people = db::people::by_emails(conn, &addresses).await?;
    Ok(people.into_iter().filter(|person| !person.disabled).map(|person| (person.email, person.id)).collect())
}

/// What the file would do now.
pub async fn review(organiser: &Organiser, lines: &[RawLine], change_day: Day) -> Result<OrgImportView, AppError> {
    let mut conn = organiser.pool.acquire().await?;
    let tree = db::org_changes::tree_now(&mut conn).await?;
    let mut diff = diff(lines, &tree, change_day);
    let known = accounts(&mut conn, &diff.managers).await?;
    let mut without_account: Vec<String> = diff
        .managers
        .iter()
        .filter(|manager| !known.contains_key(manager.email.as_str()))
        .map(|manager| manager.email.as_str().to_owned())
        .collect();
    without_account.sort_unstable();
    without_account.dedup();
    let counts = diff.counts();
    diff.rows.retain(|row| row.outcome != Outcome::Unchanged);
    let rows_cut = diff.rows.len() > MAX_SHOWN_ROWS;
    diff.rows.truncate(MAX_SHOWN_ROWS);
    diff.closed.truncate(MAX_SHOWN_ROWS);
    diff.managers.truncate(MAX_SHOWN_ROWS);
    Ok(OrgImportView::Review { diff, counts, rows_cut, without_account })
}

/// An applied import.
pub struct Applied {
    pub counts: ImportCounts,
    /// Unit-manager roles given (addresses without an account get none).
    pub managers_given: usize,
}

/// Applies the file in one write transaction: the tree's changes, the unit-manager roles of
/// addresses that have an account, one admin-log entry for the import with its counts and
/// one per role given. `None` (nothing changed) if the file or any line is refused now.
pub async fn apply(organiser: &Organiser, lines: &[RawLine], change_day: Day) -> Result<Option<Applied>, AppError> {
    let context = organiser.context();
    let mut tx = begin_write(&organiser.pool).await?;
    let tree = db::org_changes::tree_now(&mut tx).await?;
    let diff = diff(lines, &tree, change_day);
    if !diff.applicable() {
        return Ok(None);
    }
    let created = db::org_changes::apply(&mut tx, &diff.steps).await?;
    let known = accounts(&mut tx, &diff.managers).await?;
    let mut given: Vec<(UserId, NodeId)> = Vec::new();
    for manager in &diff.managers {
        let Some(person) = known.get(manager.email.as_str()) else { continue };
        let unit = match manager.unit {
            NodeRef::Existing(id) => id,
            NodeRef::New(index) => *created.get(index).ok_or(AppError::Internal)?,
        };
        if db::people::give_role(&mut tx, *person, RoleGrant { role: Role::UnitManager, node: unit }).await? {
            given.push((*person, unit));
        }
    }
    let detail = format!("{} change_day={} managers_given={}", diff.log_detail(), change_day, given.len());
    let mut entries: Vec<AdminEntry> = given
        .iter()
        .map(|(person, unit)| AdminEntry {
            person: Some(*person),
            node: Some(*unit),
            detail: Some(Role::UnitManager.key()),
            ..AdminEntry::of(AdminAction::RoleGiven)
        })
        .collect();
    entries.push(AdminEntry {
        node: Some(organiser.city),
        detail: Some(&detail),
        ..AdminEntry::of(AdminAction::OrgImported)
    });
    append(&mut tx, &context, &entries).await?;
    tx.commit().await?;
    tracing::info!(%detail, "organisation imported");
    Ok(Some(Applied { counts: diff.counts(), managers_given: given.len() }))
}
