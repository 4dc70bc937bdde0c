//! What the HR import pages send and receive.

use crate::domain::manager_import::FileProblem;
use crate::domain::org_import::{ImportCounts, ImportDiff};
use serde::{Deserialize, Serialize};

/// The upload form: why the last upload was refused, if it was, and today's date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgImportForm {
    pub problem: Option<FileProblem>,
    /// The change date typed was not a date.
    pub bad_change_day: bool,
    pub today: String,
}

/// An uploaded file: what it would do now (the dry run), or what it did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrgImportView {
    Review {
        /// The lines that change something (unchanged ones are only counted), the closures,
        /// the managers and every refused line.
        diff: ImportDiff,
        counts: ImportCounts,
        /// Whether more changed lines were found than are listed.
        rows_cut: bool,
        /// Managers' addresses that belong to no account (they get no role).
        without_account: Vec<String>,
    },
    Applied {
        counts: ImportCounts,
        managers_given: usize,
    },
}
