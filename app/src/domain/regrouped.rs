//! An organisation's figures over the units it has now, in a round in which those units
//! belonged elsewhere (before a merger, a move or a split): the mean of each figure over
//! the units that had a score for it then; and when its predecessors' own figures, as they
//! were, may be shown beside them.

use super::aggregate::INDEX_KEY;
use super::framework::DimensionGroup;
use super::ids::NodeId;
use super::scoring::{UnitScores, mean};
use std::collections::BTreeSet;

/// A unit's score for the figure `key`: the index, a group's sub-index or a dimension.
pub fn score_of(unit: &UnitScores, key: &str) -> Option<f64> {
    let score = match key {
        INDEX_KEY => unit.index,
        _ => match DimensionGroup::from_key(key) {
            Some(DimensionGroup::Approaches) => unit.approaches_index,
            Some(DimensionGroup::FocusAreas) => unit.focus_areas_index,
            None => unit.dimensions.iter().find(|dimension| dimension.key.as_str() == key).and_then(|d| d.score),
        },
    };
    score.filter(|score| score.is_finite())
}

/// The mean of the figure `key` over `units` (those with a score for it); `None` if none has.
pub fn mean_over(units: &[&UnitScores], key: &str) -> Option<f64> {
    mean(units.iter().filter_map(|unit| score_of(unit, key)))
}

/// Whether a predecessor's figure may be shown, as it was, to a viewer who sees in full the
/// units `known` (those now in the organisation they read) but not the predecessor: the
/// predecessor's units with a score for the figure that the viewer does not know must be
/// none, or at least `min_units` — else the figure, less what the viewer knows, would give
/// those few units away.
pub fn may_show_as_it_was(
    scored: impl IntoIterator<Item = NodeId>,
    known: &BTreeSet<NodeId>,
    min_units: usize,
) -> bool {
    let unknown = scored.into_iter().filter(|unit| !known.contains(unit)).count();
    unknown == 0 || unknown >= min_units
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::keys::DimensionKey;
    use crate::domain::scoring::DimensionScore;

    fn unit(index: Option<f64>, dimension: Option<f64>) -> UnitScores {
        UnitScores {
            dimensions: vec![DimensionScore {
                key: DimensionKey::parse("brukarfokus").unwrap(),
                group: DimensionGroup::Approaches,
                score: dimension,
                rated: 1,
            }],
            index,
            approaches_index: dimension,
            focus_areas_index: None,
        }
    }

    #[test]
    fn a_mean_rests_on_the_units_with_a_score_for_the_figure() {
        let units = [unit(Some(2.0), Some(1.0)), unit(Some(4.0), None), unit(None, Some(3.0))];
        let units: Vec<&UnitScores> = units.iter().collect();
        assert_eq!(mean_over(&units, INDEX_KEY), Some(3.0));
        assert_eq!(mean_over(&units, "brukarfokus"), Some(2.0));
        assert_eq!(mean_over(&units, DimensionGroup::Approaches.key()), Some(2.0));
        assert_eq!(mean_over(&units, DimensionGroup::FocusAreas.key()), None);
        assert_eq!(mean_over(&units, "okand"), None);
        assert_eq!(mean_over(&[], INDEX_KEY), None);
    }

    #[test]
    fn a_predecessor_as_it_was_never_gives_one_or_two_units_away() {
        let known: BTreeSet<NodeId> = [1, 2, 3].map(NodeId).into();
        let scored = |ids: &[i64]| ids.iter().copied().map(NodeId).collect::<Vec<_>>();
        assert!(may_show_as_it_was(scored(&[1, 2]), &known, 3), "every unit known");
        assert!(!may_show_as_it_was(scored(&[1, 2, 7]), &known, 3), "one unknown unit");
        assert!(!may_show_as_it_was(scored(&[1, 7, 8]), &known, 3), "two");
        assert!(may_show_as_it_was(scored(&[1, 7, 8, 9]), &known, 3), "three, like any mean");
        assert!(may_show_as_it_was(scored(&[]), &known, 3), "nothing to give away");
    }
}
