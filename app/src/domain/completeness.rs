//! Whether an assessment is complete enough to submit, and exactly what is missing.
//!
//! The rule: every statement is rated (a level or "ej aktuellt"), and every statement rated
//! with a level has a motivation (belägg). Strengths and areas to improve are encouraged but
//! not required.

use super::answers::{Answers, TextField};
use super::framework::Framework;
use super::keys::{DimensionKey, StatementKey};
use super::level::Rating;
use serde::{Deserialize, Serialize};

/// What is missing for one statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GapKind {
    /// The statement has no rating.
    Unrated,
    /// The statement is rated with a level but has no motivation.
    MissingMotivation,
}

/// One thing that stops a submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub dimension: DimensionKey,
    pub statement: StatementKey,
    pub kind: GapKind,
}

/// Everything missing, in the order of the form.
pub fn gaps(framework: &Framework, answers: &Answers) -> Vec<Gap> {
    let mut gaps = Vec::new();
    for dimension in &framework.dimensions {
        for statement in &dimension.statements {
            let kind = match answers.rating(&statement.key) {
                None => Some(GapKind::Unrated),
                Some(Rating::Level(_)) if answers.text(&TextField::Motivation(statement.key.clone())).is_none() => {
                    Some(GapKind::MissingMotivation)
                }
                Some(_) => None,
            };
            if let Some(kind) = kind {
                gaps.push(Gap { dimension: dimension.key.clone(), statement: statement.key.clone(), kind });
            }
        }
    }
    gaps
}

/// How many statements are rated, out of how many.
pub fn rated_count(framework: &Framework, answers: &Answers) -> (usize, usize) {
    let total = framework.statement_count();
    let rated = framework
        .dimensions
        .iter()
        .flat_map(|dimension| &dimension.statements)
        .filter(|statement| answers.rating(&statement.key).is_some())
        .count();
    (rated, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::framework::fixtures::framework;
    use crate::domain::level::Level;

    fn key(s: &str) -> StatementKey {
        StatementKey::parse(s).unwrap()
    }

    fn complete() -> Answers {
        let mut answers = Answers::default();
        for statement in ["a_1", "a_2", "b_1", "b_2", "c_1", "c_2", "d_1", "d_2"] {
            answers.ratings.insert(key(statement), Rating::Level(Level::parse(3).unwrap()));
            answers.texts.insert(TextField::Motivation(key(statement)), "Belägg".into());
        }
        answers
    }

    #[test]
    fn a_complete_assessment_has_no_gaps() {
        assert_eq!(gaps(&framework(), &complete()), vec![]);
        assert_eq!(rated_count(&framework(), &complete()), (8, 8));
    }

    #[test]
    fn each_unrated_statement_and_missing_motivation_is_named() {
        let mut answers = complete();
        answers.ratings.remove(&key("b_2"));
        answers.texts.remove(&TextField::Motivation(key("c_1")));
        assert_eq!(
            gaps(&framework(), &answers),
            vec![
                Gap { dimension: DimensionKey::parse("b").unwrap(), statement: key("b_2"), kind: GapKind::Unrated },
                Gap {
                    dimension: DimensionKey::parse("c").unwrap(),
                    statement: key("c_1"),
                    kind: GapKind::MissingMotivation
                },
            ]
        );
        assert_eq!(rated_count(&framework(), &answers), (7, 8));
    }

    #[test]
    fn not_applicable_needs_no_motivation() {
        let mut answers = complete();
        answers.ratings.insert(key("d_1"), Rating::NotApplicable);
        answers.texts.remove(&TextField::Motivation(key("d_1")));
        assert_eq!(gaps(&framework(), &answers), vec![]);
    }

    #[test]
    fn an_empty_assessment_lacks_every_rating() {
        let gaps = gaps(&framework(), &Answers::default());
        assert_eq!(gaps.len(), 8);
        assert!(gaps.iter().all(|gap| gap.kind == GapKind::Unrated));
    }
}
