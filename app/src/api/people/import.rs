//! Importing unit managers (server only): the file's text read into lines with the `csv`
//! crate (quotes as spreadsheets write them), checked against what is stored
//! (`domain::manager_import::plan`), and applied in one write transaction — re-planned
//! inside it, so what is applied is what holds at that moment, all of it or nothing.

use super::access::Admin;
use crate::api::error::AppError;
use crate::api::password::links::{self, LinkMail, LinkToSend};
use crate::db::admin_log::{AdminEntry, append};
use crate::db::{self, Conn, clock};
use crate::domain::admin_action::AdminAction;
use crate::domain::ids::UserId;
use crate::domain::manager_import::{
    FileProblem, ImportCounts, ImportPlan, Known, KnownPerson, KnownUnit, MAX_IMPORT_BYTES, MAX_IMPORT_LINES,
    PersonChange, RawLine, emails, is_header, plan, unit_ids,
};
use crate::domain::people::Email;
use crate::domain::rights::{Role, RoleGrant};
use std::collections::HashMap;

/// The file's lines with their numbers: the separator guessed from the first line, a header
/// line left out, empty lines skipped, fields trimmed (`api::csv_lines`).
pub fn read_lines(text: &str) -> Result<Vec<RawLine>, FileProblem> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(FileProblem::TooLarge { max_bytes: MAX_IMPORT_BYTES });
    }
    crate::api::csv_lines::read_lines(text, MAX_IMPORT_LINES, is_header)
}

/// What is stored that the lines name: their units as of today, their people, and those
/// people's unit-manager roles.
async fn known(conn: &mut Conn, lines: &[RawLine]) -> Result<Known, AppError> {
    let tree = db::people::tree_on(conn, clock::today()).await?;
    let paths = crate::domain::tree_paths::paths(&tree);
    let wanted: std::collections::HashSet<_> = unit_ids(lines).into_iter().collect();
    let units = tree
        .into_iter()
        .filter(|node| wanted.contains(&node.id))
        .map(|node| {
            let path = paths.get(&node.id).cloned().unwrap_or_default();
            (node.id, KnownUnit { name: node.name, kind: node.kind, path })
        })
        .collect();
    let addresses = emails(lines);
    let addresses: Vec<&str> = addresses.iter().map(Email::as_str).collect();
    let rows = db::people::by_emails(conn, &addresses).await?;
    let ids: Vec<UserId> = rows.iter().map(|row| row.id).collect();
    let managers = db::people::roles_of(conn, &ids)
        .await?
        .into_iter()
        .filter(|(_, grant)| grant.role == Role::UnitManager)
        .map(|(person, grant)| (person, grant.node))
        .collect();
    let people = rows
        .into_iter()
        .filter_map(|row| {
            let email = Email::parse(&row.email).ok()?;
            Some((email, KnownPerson { id: row.id, name: row.name, disabled: row.disabled }))
        })
        .collect();
    Ok(Known { units, people, managers })
}

/// What the text would do, for the admin, now.
pub async fn plan_text(admin: &Admin, text: &str) -> Result<ImportPlan, AppError> {
    let lines = match read_lines(text) {
        Ok(lines) => lines,
        Err(problem) => return Ok(ImportPlan::refused(problem)),
    };
    let mut conn = admin.pool.acquire().await?;
    let known = known(&mut conn, &lines).await?;
    Ok(plan(&lines, &known, &admin.caller.grants))
}

/// An applied import.
pub struct Applied {
    pub counts: ImportCounts,
    /// New people whose link could not be e-mailed.
    pub links_not_sent: usize,
}

/// Applies the text in one write transaction: every person created, every role given, one
/// admin-log entry per person created and role given and one for the import with its
/// counts; then e-mails the new people their links. `None` (nothing changed) if the file or
/// any line is refused now.
pub async fn apply(admin: &Admin, text: &str) -> Result<Option<Applied>, AppError> {
    let Ok(lines) = read_lines(text) else { return Ok(None) };
    let context = admin.context();
    let mut tx = db::pool::begin_write(&admin.pool).await?;
    let known = known(&mut tx, &lines).await?;
    let plan = plan(&lines, &known, &admin.caller.grants);
    if !plan.applicable() {
        return Ok(None);
    }
    let mut created: HashMap<&str, UserId> = HashMap::new();
    let mut entries = Vec::new();
    let mut to_send = Vec::new();
    for line in &plan.lines {
        let person = match line.person {
            PersonChange::Existing(person) => person,
            PersonChange::New | PersonChange::NewEarlier => match created.get(line.email.as_str()) {
                Some(person) => *person,
                None => {
                    let person = db::people::create(&mut tx, line.email.as_str(), &line.name)
                        .await?
                        .ok_or(AppError::Internal)?;
                    created.insert(line.email.as_str(), person);
                    entries.push(AdminEntry { person: Some(person), ..AdminEntry::of(AdminAction::PersonCreated) });
                    let token = links::create(&mut tx, person, &context).await?;
                    to_send.push(LinkToSend {
                        person,
                        email: line.email.as_str().to_owned(),
                        name: line.name.clone(),
                        token,
                    });
                    person
                }
            },
        };
        if line.role_given {
            let grant = RoleGrant { role: Role::UnitManager, node: line.unit };
            db::people::give_role(&mut tx, person, grant).await?;
            entries.push(AdminEntry {
                person: Some(person),
                node: Some(line.unit),
                detail: Some(Role::UnitManager.key()),
                ..AdminEntry::of(AdminAction::RoleGiven)
            });
        }
    }
    let detail = plan.log_detail();
    entries.push(AdminEntry { detail: Some(&detail), ..AdminEntry::of(AdminAction::ManagersImported) });
    append(&mut tx, &context, &entries).await?;
    tx.commit().await?;
    tracing::info!(%detail, "unit managers imported");
    let links_not_sent = links::send_all(&admin.state, &context, &to_send, LinkMail::Welcome).await;
    Ok(Some(Applied { counts: plan.counts(), links_not_sent }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(lines: &[RawLine]) -> Vec<(usize, Vec<&str>)> {
        lines.iter().map(|line| (line.number, line.cells.iter().map(String::as_str).collect())).collect()
    }

    #[test]
    fn a_semicolon_file_with_a_header_and_quotes_is_read_line_by_line() {
        let text = "E-post;Namn;Enhet\r\nanna@x.se;\"Berg; Anna\";100\r\n\r\n  bo@x.se ; Bo Ek ; 101 \r\n";
        let lines = read_lines(text).unwrap();
        assert_eq!(cells(&lines), [(2, vec!["anna@x.se", "Berg; Anna", "100"]), (4, vec!["bo@x.se", "Bo Ek", "101"])]);
    }

    #[test]
    fn a_comma_file_without_a_header_keeps_its_line_numbers() {
        let lines = read_lines("anna@x.se,Anna Berg,100\nbo@x.se,\"Bo \"\"Bosse\"\" Ek\",101").unwrap();
        assert_eq!(
            cells(&lines),
            [(1, vec!["anna@x.se", "Anna Berg", "100"]), (2, vec!["bo@x.se", "Bo \"Bosse\" Ek", "101"])]
        );
    }

    #[test]
    fn formulas_stay_text_and_a_quoted_line_break_stays_in_its_field() {
        let lines = read_lines("=1+1;\"Två\nrader\";@SUM(A1)\nbo@x.se;Bo;1").unwrap();
        assert_eq!(cells(&lines), [(1, vec!["=1+1", "Två\nrader", "@SUM(A1)"]), (3, vec!["bo@x.se", "Bo", "1"])]);
    }

    #[test]
    fn too_large_or_too_long_files_are_refused_whole() {
        assert_eq!(
            read_lines(&"x".repeat(MAX_IMPORT_BYTES + 1)),
            Err(FileProblem::TooLarge { max_bytes: MAX_IMPORT_BYTES })
        );
        let many = "a@x.se;A;1\n".repeat(MAX_IMPORT_LINES + 1);
        assert_eq!(read_lines(&many), Err(FileProblem::TooManyLines { max: MAX_IMPORT_LINES }));
        assert_eq!(read_lines(&"a@x.se;A;1\n".repeat(MAX_IMPORT_LINES)).map(|lines| lines.len()), Ok(MAX_IMPORT_LINES));
        assert_eq!(read_lines(" \n\n").unwrap(), Vec::<RawLine>::new());
    }
}
