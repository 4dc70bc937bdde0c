//! What saving or submitting an assessment does, decided without the database: which
//! edits the editor really made, what is written and what conflicts, whether it is
//! submitted, the version and status it ends at and the audit entries it leaves. The
//! database layer (`db::assessments`) loads what the plan needs and applies it in one
//! transaction.

use super::answers::Answers;
use super::changes::FieldChange;
use super::completeness::{Gap, gaps};
use super::fingerprint::fingerprint;
use super::framework::Framework;
use super::merge::{Edit, FieldConflict, Merge, apply, merge};
use super::raw_answers::Intent;
use super::status::AssessmentStatus;

/// Whether a save has anything to store for a unit that has not started: a draft save with
/// no edits leaves it not started, so opening and leaving the form creates nothing.
pub fn starts_assessment(edits: &[Edit], intent: Intent) -> bool {
    !edits.is_empty() || intent == Intent::Submit
}

/// The edits the editor made: fields whose value is not the one they started from. The
/// rest of a whole-form save is left alone, so only these fields' stored values are needed
/// (all of them for a submission, to check completeness).
pub fn touched(edits: &[Edit]) -> Vec<Edit> {
    edits
        .iter()
        .filter(|edit| edit.base.as_deref() != Some(fingerprint(edit.new.as_deref()).as_str()))
        .cloned()
        .collect()
}

/// An entry the save leaves in the assessment's audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuditNote {
    /// A field changed from `old` to `new` (as stored).
    FieldChanged { field: String, old: Option<String>, new: Option<String> },
    /// The assessment was submitted.
    Submitted,
}

/// What to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Writes {
    /// The fields to write (those only this editor changed).
    pub changes: Vec<FieldChange>,
    /// Fields someone else changed meanwhile that this save also changed: not written.
    pub conflicts: Vec<FieldConflict>,
    /// The version after the save (unchanged if nothing is written).
    pub version: i64,
    /// Whether the assessment is submitted by this save.
    pub submit: bool,
    pub status: AssessmentStatus,
    /// What stops the submission, when one was asked for and refused.
    pub gaps: Vec<Gap>,
    pub audit: Vec<AuditNote>,
}

/// What a save of a started assessment does.
#[derive(Clone, Debug, PartialEq)]
pub enum SavePlan {
    /// The assessment is submitted and nothing would change (a double click on submit):
    /// nothing is written.
    AlreadySubmitted,
    /// The assessment is submitted and the save would change it: refused, read-only.
    Locked,
    Write(Writes),
}

/// Plans a save of `touched` edits (see [`touched`]), made from `base_version`, into an
/// assessment stored at `version` with `status` whose relevant fields hold `current`.
pub fn plan_save(
    (status, version): (AssessmentStatus, i64),
    current: &Answers,
    touched: &[Edit],
    base_version: i64,
    intent: Intent,
    framework: &Framework,
) -> SavePlan {
    let Merge { changes, conflicts } = merge(current, touched, base_version, version);
    if status == AssessmentStatus::Submitted {
        return if changes.is_empty() && conflicts.is_empty() { SavePlan::AlreadySubmitted } else { SavePlan::Locked };
    }
    let mut audit: Vec<AuditNote> = changes
        .iter()
        .map(|change| {
            let (old, new) = change.audit_values();
            AuditNote::FieldChanged { field: change.field().to_string(), old, new }
        })
        .collect();
    let mut version = version + i64::from(!changes.is_empty());
    let mut missing = Vec::new();
    let mut submit = false;
    if intent == Intent::Submit && conflicts.is_empty() {
        missing = gaps(framework, &apply(current, &changes));
        if missing.is_empty() {
            submit = true;
            version += 1;
            audit.push(AuditNote::Submitted);
        }
    }
    let status = if submit { AssessmentStatus::Submitted } else { AssessmentStatus::Draft };
    SavePlan::Write(Writes { changes, conflicts, version, submit, status, gaps: missing, audit })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::TextField;
    use crate::domain::changes::AnswerField;
    use crate::domain::framework::fixtures::framework;
    use crate::domain::level::{Level, Rating};
    use crate::domain::merge::edits_setting;

    fn complete(framework: &Framework, level: u8) -> Answers {
        let mut answers = Answers::default();
        for statement in framework.dimensions.iter().flat_map(|dimension| &dimension.statements) {
            answers.ratings.insert(statement.key.clone(), Rating::Level(Level::parse(level).unwrap()));
            answers.texts.insert(TextField::Motivation(statement.key.clone()), "Belägg".into());
        }
        answers
    }

    fn writes(plan: SavePlan) -> Writes {
        match plan {
            SavePlan::Write(writes) => writes,
            other => panic!("expected writes, got {other:?}"),
        }
    }

    #[test]
    fn an_untouched_form_leaves_a_unit_not_started_and_only_changed_fields_are_edits() {
        let framework = framework();
        assert!(!starts_assessment(&[], Intent::Save));
        assert!(starts_assessment(&[], Intent::Submit), "submitting nothing still says what is missing");
        let answers = complete(&framework, 3);
        let mut edits = edits_setting(&answers);
        // Every field sent with the fingerprint of its own value: nothing was touched.
        for edit in &mut edits {
            edit.base = Some(fingerprint(edit.new.as_deref()));
        }
        assert!(touched(&edits).is_empty());
        edits[0].new = Some("4".into());
        assert_eq!(touched(&edits).len(), 1);
    }

    #[test]
    fn a_draft_save_writes_its_changes_one_version_up_with_an_audit_entry_each() {
        let framework = framework();
        let edits = touched(&edits_setting(&complete(&framework, 2)));
        let plan =
            writes(plan_save((AssessmentStatus::Draft, 4), &Answers::default(), &edits, 4, Intent::Save, &framework));
        assert_eq!(plan.changes.len(), edits.len());
        assert_eq!((plan.version, plan.submit, plan.status), (5, false, AssessmentStatus::Draft));
        assert_eq!(plan.audit.len(), edits.len());
        assert!(plan.gaps.is_empty(), "gaps are only reported for a submission");
    }

    #[test]
    fn a_complete_submission_is_submitted_two_versions_up_and_an_incomplete_one_says_what_is_missing() {
        let framework = framework();
        let edits = touched(&edits_setting(&complete(&framework, 3)));
        let plan =
            writes(plan_save((AssessmentStatus::Draft, 0), &Answers::default(), &edits, 0, Intent::Submit, &framework));
        assert_eq!((plan.version, plan.submit, plan.status), (2, true, AssessmentStatus::Submitted));
        assert_eq!(plan.audit.last(), Some(&AuditNote::Submitted));

        let first = framework.dimensions[0].statements[0].key.clone();
        let one = vec![Edit { field: AnswerField::Rating(first), new: Some("3".into()), base: None }];
        let plan =
            writes(plan_save((AssessmentStatus::Draft, 0), &Answers::default(), &one, 0, Intent::Submit, &framework));
        assert!(!plan.submit && !plan.gaps.is_empty());
        assert_eq!((plan.version, plan.status), (1, AssessmentStatus::Draft), "the rating is still saved");
    }

    #[test]
    fn a_submitted_assessment_is_left_alone_when_nothing_changes_and_locked_otherwise() {
        let framework = framework();
        let answers = complete(&framework, 3);
        let same = touched(&edits_setting(&answers));
        let plan = plan_save((AssessmentStatus::Submitted, 7), &answers, &same, 7, Intent::Submit, &framework);
        assert_eq!(plan, SavePlan::AlreadySubmitted, "a double click submits once");
        let other = touched(&edits_setting(&complete(&framework, 4)));
        let plan = plan_save((AssessmentStatus::Submitted, 7), &answers, &other, 7, Intent::Save, &framework);
        assert_eq!(plan, SavePlan::Locked);
    }

    #[test]
    fn conflicting_fields_are_not_written_and_block_submission() {
        let framework = framework();
        let key = framework.dimensions[0].statements[0].key.clone();
        let mut stored = Answers::default();
        stored.texts.insert(TextField::Motivation(key.clone()), "Deras text".into());
        let base = Some(fingerprint(None));
        let edit = Edit { field: AnswerField::Text(TextField::Motivation(key)), new: Some("Min text".into()), base };
        let plan = writes(plan_save((AssessmentStatus::Draft, 3), &stored, &[edit], 2, Intent::Submit, &framework));
        assert_eq!(plan.conflicts.len(), 1);
        assert!(plan.changes.is_empty() && !plan.submit && plan.gaps.is_empty());
        assert_eq!(plan.version, 3, "nothing written, no new version");
    }
}
