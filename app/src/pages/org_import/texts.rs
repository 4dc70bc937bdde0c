//! The HR import pages' words: why a file or a line is refused, what a line does.

use crate::domain::manager_import::FileProblem;
use crate::domain::org_import::{MAX_IMPORT_BYTES, Outcome, RowProblem};
use crate::format;
use crate::i18n::*;
use crate::pages::people::shared::kind_name;

/// The size limit in words, e.g. "5 MB".
pub fn size_limit() -> String {
    format!("{} MB", MAX_IMPORT_BYTES / (1024 * 1024))
}

pub fn file_problem_text(i18n: Locale, problem: FileProblem) -> String {
    match problem {
        FileProblem::Empty => td_string!(i18n, org_import.file_empty).to_string(),
        FileProblem::TooLarge { .. } => td_string!(i18n, org_import.file_too_large, size = size_limit()).to_string(),
        FileProblem::TooManyLines { max } => {
            td_string!(i18n, org_import.file_too_many, max = format::count(max)).to_string()
        }
        FileProblem::Unreadable => td_string!(i18n, org_import.file_unreadable).to_string(),
    }
}

pub fn row_problem_text(i18n: Locale, problem: &RowProblem) -> String {
    match problem {
        RowProblem::WrongFieldCount { found } => {
            td_string!(i18n, org_import.problem_fields, found = found.to_string()).to_string()
        }
        RowProblem::IdMissing => td_string!(i18n, org_import.problem_id_missing).to_string(),
        RowProblem::IdTooLong { max } => {
            td_string!(i18n, org_import.problem_id_long, max = max.to_string()).to_string()
        }
        RowProblem::NameMissing => td_string!(i18n, org_import.problem_name_missing).to_string(),
        RowProblem::NameTooLong { max, actual } => {
            td_string!(i18n, org_import.problem_name_long, max = format::count(*max), actual = format::count(*actual))
                .to_string()
        }
        RowProblem::NameInvalidCharacters => td_string!(i18n, org_import.problem_name_characters).to_string(),
        RowProblem::UnknownKind => td_string!(i18n, org_import.problem_kind).to_string(),
        RowProblem::InvalidDate => td_string!(i18n, org_import.problem_date).to_string(),
        RowProblem::Duplicate { first_line } => {
            td_string!(i18n, org_import.problem_duplicate, line = first_line.to_string()).to_string()
        }
        RowProblem::UnknownParent => td_string!(i18n, org_import.problem_unknown_parent).to_string(),
        RowProblem::Cycle => td_string!(i18n, org_import.problem_cycle).to_string(),
        RowProblem::WrongParentKind { kind, parent } => td_string!(
            i18n,
            org_import.problem_parent_kind,
            kind = kind_name(i18n, *kind),
            parent = kind_name(i18n, *parent).to_lowercase()
        )
        .to_string(),
        RowProblem::KindChanged { stored } => {
            td_string!(i18n, org_import.problem_kind_changed, kind = kind_name(i18n, *stored).to_lowercase())
                .to_string()
        }
        RowProblem::BeforeParent => td_string!(i18n, org_import.problem_before_parent).to_string(),
        RowProblem::TooEarly { earliest } => {
            td_string!(i18n, org_import.problem_too_early, earliest = earliest.to_string()).to_string()
        }
        RowProblem::ReopensClosed => td_string!(i18n, org_import.problem_reopens).to_string(),
        RowProblem::BadEmail => td_string!(i18n, org_import.problem_email).to_string(),
        RowProblem::ManagerNotUnit => td_string!(i18n, org_import.problem_manager_not_unit).to_string(),
        RowProblem::UnknownPredecessor { id } => {
            td_string!(i18n, org_import.problem_predecessor, id = id.clone()).to_string()
        }
        RowProblem::ChildrenNotInFile { count } => {
            td_string!(i18n, org_import.problem_children, count = format::count(*count)).to_string()
        }
    }
}

/// What a line does, e.g. "Nytt namn (hette Förskola ST)".
pub fn outcome_text(i18n: Locale, outcome: &Outcome) -> String {
    match outcome {
        Outcome::New => td_string!(i18n, org_import.outcome_new).to_string(),
        Outcome::Unchanged => td_string!(i18n, org_import.outcome_unchanged).to_string(),
        Outcome::Changed { renamed_from, moved_from } => {
            let mut parts = Vec::new();
            if let Some(old) = renamed_from {
                parts.push(td_string!(i18n, org_import.outcome_renamed, old = old.clone()).to_string());
            }
            if let Some(old) = moved_from {
                parts.push(td_string!(i18n, org_import.outcome_moved, old = old.clone()).to_string());
            }
            if parts.is_empty() {
                parts.push(td_string!(i18n, org_import.outcome_moved_here).to_string());
            }
            parts.join("; ")
        }
    }
}
