//! Where one unit's assessment stands in a round.

use super::round::RoundStatus;
use serde::{Deserialize, Serialize};

/// Ej påbörjad / utkast / inskickad.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AssessmentStatus {
    /// Nothing saved yet.
    NotStarted,
    /// Saved, not submitted.
    Draft,
    /// Submitted; read-only for the unit until reopened.
    Submitted,
}

impl AssessmentStatus {
    pub const ALL: [AssessmentStatus; 3] =
        [AssessmentStatus::NotStarted, AssessmentStatus::Draft, AssessmentStatus::Submitted];

    /// The key stored in `assessment.status` and used in URLs (`NotStarted` has no row).
    pub fn key(self) -> &'static str {
        match self {
            AssessmentStatus::NotStarted => "not_started",
            AssessmentStatus::Draft => "draft",
            AssessmentStatus::Submitted => "submitted",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.key() == key)
    }
}

/// Whether a unit's answers and improvement actions may be changed: only while the round
/// takes answers and the assessment is not submitted. A submitted assessment is read-only,
/// actions included, until the quality department reopens it. A submission reopened after
/// the round closed (`reopened_after_close`) may be changed while the round stays closed,
/// until it is submitted again.
pub fn accepts_changes(round: RoundStatus, assessment: AssessmentStatus, reopened_after_close: bool) -> bool {
    let round_takes_it = round.accepts_answers() || (round == RoundStatus::Closed && reopened_after_close);
    round_takes_it && assessment != AssessmentStatus::Submitted
}

/// Whether the quality department may reopen a submission in a round of `round` status:
/// while it is open, and after it closed (the unit alone may then answer again, see
/// [`accepts_changes`]); once the results are published they must be withdrawn first.
pub fn reopenable(round: RoundStatus, assessment: AssessmentStatus) -> bool {
    matches!(round, RoundStatus::Open | RoundStatus::Closed) && assessment == AssessmentStatus::Submitted
}

/// How many units are in each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCounts {
    pub not_started: usize,
    pub draft: usize,
    pub submitted: usize,
}

impl StatusCounts {
    pub fn add(&mut self, status: AssessmentStatus) {
        match status {
            AssessmentStatus::NotStarted => self.not_started += 1,
            AssessmentStatus::Draft => self.draft += 1,
            AssessmentStatus::Submitted => self.submitted += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.not_started + self.draft + self.submitted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_and_actions_change_only_in_an_open_round_before_submission() {
        for round in RoundStatus::ALL {
            for assessment in AssessmentStatus::ALL {
                let expected = round == RoundStatus::Open && assessment != AssessmentStatus::Submitted;
                assert_eq!(accepts_changes(round, assessment, false), expected, "{round:?} {assessment:?}");
            }
        }
    }

    #[test]
    fn a_submission_reopened_after_the_round_closed_takes_changes_until_it_is_submitted_again() {
        assert!(accepts_changes(RoundStatus::Closed, AssessmentStatus::Draft, true));
        assert!(!accepts_changes(RoundStatus::Closed, AssessmentStatus::Submitted, true), "submitted again");
        assert!(!accepts_changes(RoundStatus::Closed, AssessmentStatus::Draft, false), "an ordinary draft");
        assert!(!accepts_changes(RoundStatus::Published, AssessmentStatus::Draft, true), "published: frozen");
        assert!(!accepts_changes(RoundStatus::Draft, AssessmentStatus::Draft, true));
    }

    #[test]
    fn a_submission_is_reopened_while_the_round_is_open_or_closed_but_not_once_published() {
        for round in RoundStatus::ALL {
            for assessment in AssessmentStatus::ALL {
                let expected = matches!(round, RoundStatus::Open | RoundStatus::Closed)
                    && assessment == AssessmentStatus::Submitted;
                assert_eq!(reopenable(round, assessment), expected, "{round:?} {assessment:?}");
            }
        }
    }

    #[test]
    fn counts_add_up_to_the_total() {
        let mut counts = StatusCounts::default();
        for status in [AssessmentStatus::Draft, AssessmentStatus::Submitted, AssessmentStatus::Submitted] {
            counts.add(status);
        }
        assert_eq!((counts.not_started, counts.draft, counts.submitted, counts.total()), (0, 1, 2, 3));
        for status in AssessmentStatus::ALL {
            assert_eq!(AssessmentStatus::from_key(status.key()), Some(status));
        }
    }
}
