//! A unit's scores: a dimension's score is the mean of its rated statements ("ej aktuellt"
//! and unrated left out); the index is the mean of the dimension scores that exist, with a
//! sub-index for each group. Scores keep full precision; rounding is for display only.

use super::answers::Answers;
use super::framework::{DimensionGroup, Framework};
use super::keys::DimensionKey;
use super::level::{Level, Rating};
use serde::{Deserialize, Serialize};

/// One dimension's score. `None` when no statement of the dimension is rated with a level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    pub key: DimensionKey,
    pub group: DimensionGroup,
    pub score: Option<f64>,
    /// How many statements the score rests on.
    pub rated: usize,
}

impl DimensionScore {
    /// The maturity level of the dimension: its score rounded half up.
    pub fn level(&self) -> Option<Level> {
        self.score.map(Level::from_score)
    }
}

/// All of a unit's scores in one round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitScores {
    pub dimensions: Vec<DimensionScore>,
    /// The mean of all dimension scores that exist.
    pub index: Option<f64>,
    /// The mean of the förhållningssätt dimensions' scores.
    pub approaches_index: Option<f64>,
    /// The mean of the strategic focus areas' scores.
    pub focus_areas_index: Option<f64>,
}

/// The arithmetic mean, or `None` for no values.
pub fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.into_iter().fold((0.0, 0usize), |(sum, count), value| (sum + value, count + 1));
    // Counts here are at most a few thousand, far inside f64's exact integer range.
    (count > 0).then(|| sum / count as f64)
}

/// Scores a unit's answers against the framework.
pub fn unit_scores(framework: &Framework, answers: &Answers) -> UnitScores {
    let dimensions: Vec<DimensionScore> = framework
        .dimensions
        .iter()
        .map(|dimension| {
            let levels: Vec<f64> = dimension
                .statements
                .iter()
                .filter_map(|statement| match answers.rating(&statement.key) {
                    Some(Rating::Level(level)) => Some(f64::from(level.get())),
                    _ => None,
                })
                .collect();
            DimensionScore {
                key: dimension.key.clone(),
                group: dimension.group,
                rated: levels.len(),
                score: mean(levels),
            }
        })
        .collect();
    let index_of = |group: Option<DimensionGroup>| {
        mean(
            dimensions
                .iter()
                .filter(|dimension| group.is_none_or(|group| dimension.group == group))
                .filter_map(|dimension| dimension.score),
        )
    };
    UnitScores {
        index: index_of(None),
        approaches_index: index_of(Some(DimensionGroup::Approaches)),
        focus_areas_index: index_of(Some(DimensionGroup::FocusAreas)),
        dimensions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::framework::fixtures::framework;
    use crate::domain::keys::StatementKey;

    fn rate(answers: &mut Answers, key: &str, rating: Rating) {
        answers.ratings.insert(StatementKey::parse(key).unwrap(), rating);
    }

    fn level(value: u8) -> Rating {
        Rating::Level(Level::parse(value).unwrap())
    }

    fn score_of(scores: &UnitScores, key: &str) -> Option<f64> {
        scores.dimensions.iter().find(|d| d.key.as_str() == key).unwrap().score
    }

    #[test]
    fn a_dimension_score_is_the_mean_of_its_rated_statements() {
        let mut answers = Answers::default();
        rate(&mut answers, "a_1", level(2));
        rate(&mut answers, "a_2", level(5));
        let scores = unit_scores(&framework(), &answers);
        assert_eq!(score_of(&scores, "a"), Some(3.5));
        assert_eq!(scores.dimensions[0].level(), Some(Level::parse(4).unwrap()), "3.5 rounds half up");
    }

    #[test]
    fn not_applicable_and_unrated_statements_are_left_out_of_the_mean() {
        let mut answers = Answers::default();
        rate(&mut answers, "a_1", level(4));
        rate(&mut answers, "a_2", Rating::NotApplicable);
        rate(&mut answers, "b_1", level(1));
        let scores = unit_scores(&framework(), &answers);
        assert_eq!(score_of(&scores, "a"), Some(4.0));
        assert_eq!(score_of(&scores, "b"), Some(1.0));
        assert_eq!(scores.dimensions[0].rated, 1);
    }

    #[test]
    fn a_dimension_with_nothing_rated_has_no_score_and_is_left_out_of_the_index() {
        let mut answers = Answers::default();
        rate(&mut answers, "a_1", level(4));
        rate(&mut answers, "b_1", level(2));
        rate(&mut answers, "c_1", Rating::NotApplicable);
        rate(&mut answers, "c_2", Rating::NotApplicable);
        rate(&mut answers, "d_1", level(5));
        let scores = unit_scores(&framework(), &answers);
        assert_eq!(score_of(&scores, "c"), None);
        assert_eq!(scores.index, Some((4.0 + 2.0 + 5.0) / 3.0));
    }

    #[test]
    fn each_group_has_its_own_sub_index() {
        let mut answers = Answers::default();
        rate(&mut answers, "a_1", level(4));
        rate(&mut answers, "b_1", level(3));
        rate(&mut answers, "c_1", level(1));
        rate(&mut answers, "c_2", level(2));
        rate(&mut answers, "d_1", level(2));
        let scores = unit_scores(&framework(), &answers);
        assert_eq!(scores.approaches_index, Some(3.5));
        assert_eq!(scores.focus_areas_index, Some((1.5 + 2.0) / 2.0));
        assert_eq!(scores.index, Some((4.0 + 3.0 + 1.5 + 2.0) / 4.0), "the index weighs dimensions, not statements");
    }

    #[test]
    fn nothing_rated_means_no_index() {
        let scores = unit_scores(&framework(), &Answers::default());
        assert_eq!(scores.index, None);
        assert_eq!(scores.approaches_index, None);
        assert!(scores.dimensions.iter().all(|dimension| dimension.score.is_none()));
    }
}
