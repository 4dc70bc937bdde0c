//! What the assessment page receives: the assessment with its round, framework, answers,
//! scores and gaps, the unit's previous round, and what a save did.

use crate::api::round_summary::RoundSummary;
use crate::domain::answers::Answers;
use crate::domain::completeness::Gap;
use crate::domain::framework::Framework;
use crate::domain::ids::NodeId;
use crate::domain::merge::FieldConflict;
use crate::domain::scoring::UnitScores;
use crate::domain::status::AssessmentStatus;
use serde::{Deserialize, Serialize};

/// Everything the assessment page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssessmentView {
    pub round: RoundSummary,
    /// The round's introduction to units (plain text with its line breaks), shown above
    /// the form.
    pub round_intro: Option<String>,
    /// Who is looking: keys the copy of unsaved text kept in this browser.
    pub viewer_id: i64,
    pub unit_id: NodeId,
    pub unit_name: String,
    /// The organisations above the unit, below the city (förvaltning, avdelning).
    pub organisation: Vec<String>,
    pub framework: std::sync::Arc<Framework>,
    pub status: AssessmentStatus,
    /// The version the form is based on; sent back with every save.
    pub version: i64,
    /// Last saved, Stockholm time.
    pub updated_at: Option<String>,
    pub submitted_at: Option<String>,
    /// `None` when the caller may not see the answers: others see them once submitted.
    pub answers: Option<Answers>,
    /// Whether the caller may change the assessment now.
    pub can_edit: bool,
    /// Whether the caller may reopen it (it is submitted and they are the quality department).
    pub can_reopen: bool,
    /// Whether the caller may read its change history.
    pub can_read_history: bool,
    /// Scores, once submitted.
    pub scores: Option<UnitScores>,
    /// What stops a submission now.
    pub gaps: Vec<Gap>,
    /// Fields whose shown value is the caller's kept version, in conflict with what is stored.
    pub conflicts: Vec<FieldConflict>,
    /// Statements rated, out of all.
    pub rated: usize,
    pub statement_count: usize,
    /// The unit's answers and scores in its previous submitted round, shown for comparison.
    pub previous: Option<PreviousRound>,
}

/// A unit's submitted answers from an earlier round. Statements and dimensions keep their
/// keys across framework versions, so they are looked up by key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviousRound {
    pub round_name: String,
    pub answers: Answers,
    pub scores: UnitScores,
}

/// What a save did, for the page to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveResult {
    pub version: i64,
    /// Stockholm clock time, e.g. `14:32`; `None` if there was nothing to store.
    pub saved_at: Option<String>,
    pub status: AssessmentStatus,
    /// What stops the submission, if submission was asked for and refused.
    pub gaps: Vec<Gap>,
}
