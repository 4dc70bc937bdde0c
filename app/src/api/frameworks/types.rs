//! What the framework administration's server functions send, and the forms they take.

use crate::domain::framework::{Dimension, Framework};
use crate::domain::framework_edit::{Comparison, DraftProblem};
use crate::domain::framework_file::FileProblem;
use crate::domain::ids::FrameworkVersionId;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The name of the TOML text field of the upload form.
pub const UPLOAD_FIELD: &str = "toml";
/// The query key of an upload's problems (a refused post without script comes back with
/// them; the text itself is not kept).
pub const UPLOAD_PROBLEMS_KEY: &str = "problem";
/// The most problems of an upload carried back in an address.
pub const UPLOAD_PROBLEMS_SHOWN: usize = 10;

/// A framework version in lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionLine {
    pub id: FrameworkVersionId,
    pub name: String,
    pub label: String,
    /// Published (frozen): it never changes again and rounds may use it.
    pub published: bool,
    /// `YYYY-MM-DD`.
    pub created_on: String,
    pub published_on: Option<String>,
    /// How many rounds use it.
    pub rounds: i64,
    /// The version a draft was copied from (or made beside, for an upload).
    pub based_on: Option<FrameworkVersionId>,
}

impl VersionLine {
    /// A draft no round uses: the only kind of version that may change.
    pub fn editable(&self) -> bool {
        !self.published && self.rounds == 0
    }
}

/// The framework administration's start: every version, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionList {
    pub versions: Vec<VersionLine>,
    /// Whether there is a published version to copy into a new draft.
    pub can_copy: bool,
}

/// One version with everything in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VersionPage {
    pub line: VersionLine,
    pub framework: Framework,
    /// What still stops a draft from being published (empty for a published version).
    pub problems: Vec<DraftProblem>,
    /// The version it was copied from, to compare with.
    pub based_on: Option<VersionLine>,
}

/// Two versions side by side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComparisonPage {
    pub a: VersionLine,
    pub b: VersionLine,
    pub comparison: Comparison,
    /// Every dimension's name by key (the later version's where both have it).
    pub dimension_names: Vec<(String, String)>,
    /// Every version, for choosing others.
    pub versions: Vec<VersionLine>,
}

/// A draft's general texts (name, label, levels, groups) or one dimension, to edit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftForm {
    pub line: VersionLine,
    pub framework: Framework,
    /// The dimension being edited (for the dimension form).
    pub dimension: Option<Dimension>,
    /// The texts of the version the draft was copied from, by statement key, to say which
    /// statements were reworded.
    pub base_texts: HashMap<String, String>,
    /// A refused post without script: what was typed, and why it was refused.
    pub refused: Option<RefusedDraft>,
}

/// A refused edit: the fields as typed, and the problems.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RefusedDraft {
    pub fields: HashMap<String, String>,
    pub problems: Vec<DraftProblem>,
}

/// What an edit of a draft sends: the version, the dimension (for a dimension's form) and
/// every field by name (see `api::frameworks::fields`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftEdit {
    pub version: i64,
    #[serde(default)]
    pub dimension: String,
    #[serde(default)]
    pub field: HashMap<String, String>,
}

/// The outcome of an edit: saved, or refused with its problems (nothing stored).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftOutcome {
    pub problems: Vec<DraftProblem>,
}

/// The outcome of an upload: the draft created, or the file's problems (nothing stored).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadOutcome {
    pub created: Option<FrameworkVersionId>,
    pub problems: Vec<FileProblem>,
}
