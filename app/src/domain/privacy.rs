//! What a viewer who may not see the individual units may be shown (PRODUCT.md, Rights).
//!
//! Three rules, for every figure such a viewer can reach, on any page, chart or download:
//!
//! 1. a mean (with its n) rests on at least [`PrivacyRules::min_units_for_mean`] units;
//! 2. the spread (min, quartiles, max) and the share of units at each level rest on at least
//!    [`PrivacyRules::min_units_for_spread`] units;
//! 3. no figure is shown that, with another figure the same viewer can reach, gives a group
//!    under the threshold (complementary suppression).
//!
//! The groups one viewer can reach are nested: the organisations on the way from the city
//! down to their own units, the city's organisations of one type, and the parts of the tree
//! they see in full ("known": their own unit, a head's whole administration). Nested groups
//! can be subtracted from each other: a group's figure less the figures of the biggest shown
//! groups inside it gives the units left over, its *residual*. Every residual must then be
//! empty or at least the threshold. A known group counts as shown: a unit manager knows
//! their own unit's score, so a department of three units would give them the mean of the
//! other two.
//!
//! Where a residual is too small, [`shown_groups`] withholds a group: one of those inside
//! (the smallest that closes the gap, so the viewer keeps the bigger picture), or the group
//! itself when nothing inside can be withheld (a known group never is).

use serde::{Deserialize, Serialize};

/// The thresholds of the rules above: configuration, with these defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyRules {
    /// The fewest units a mean (and a response rate) may rest on.
    pub min_units_for_mean: usize,
    /// The fewest units a spread and a level distribution may rest on.
    pub min_units_for_spread: usize,
}

impl PrivacyRules {
    /// A mean rests on at least 3 units.
    pub const DEFAULT_MIN_UNITS_FOR_MEAN: usize = 3;
    /// A spread rests on at least 10 units.
    pub const DEFAULT_MIN_UNITS_FOR_SPREAD: usize = 10;

    /// Rules with the given thresholds; the spread's is never below the mean's, and neither
    /// below 1.
    pub fn new(min_units_for_mean: usize, min_units_for_spread: usize) -> Self {
        let min_units_for_mean = min_units_for_mean.max(1);
        PrivacyRules { min_units_for_mean, min_units_for_spread: min_units_for_spread.max(min_units_for_mean) }
    }
}

impl Default for PrivacyRules {
    fn default() -> Self {
        PrivacyRules::new(Self::DEFAULT_MIN_UNITS_FOR_MEAN, Self::DEFAULT_MIN_UNITS_FOR_SPREAD)
    }
}

/// How much of a figure a viewer may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Visibility {
    /// Nothing: the figure is withheld.
    Hidden,
    /// n and the mean.
    Mean,
    /// n, the mean, the spread and the level distribution.
    Full,
}

/// One group of units a viewer can reach a figure of, in a family of nested groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    /// The smallest group of the family that holds this one (an index into the family).
    pub parent: Option<usize>,
    /// How many units the figure rests on.
    pub units: usize,
    /// Whether the viewer sees these units one by one anyway (always shown, never withheld).
    pub known: bool,
}

/// Which groups of `family` may be shown under a threshold of `min_units`, with
/// complementary suppression (see the module). A parent must come before its children in
/// the family, or at least exist in it.
pub fn shown_groups(family: &[Group], min_units: usize) -> Vec<bool> {
    let mut shown: Vec<bool> =
        family.iter().map(|group| group.known || group.units == 0 || group.units >= min_units).collect();
    // Each round withholds one more group, so this ends after at most family.len() rounds.
    for _ in 0..=family.len() {
        let Some(violation) = smallest_violation(family, &shown, min_units) else { break };
        let inside = shown_inside(family, &shown, violation);
        let residual = residual(family, violation, &inside);
        // The smallest group inside whose own residual closes the gap.
        let candidate = inside
            .iter()
            .copied()
            .filter(|&child| !family[child].known && family[child].units > 0)
            .filter(|&child| {
                let own = residual_of(family, &shown, child);
                own > 0 && residual + own >= min_units
            })
            .min_by_key(|&child| (family[child].units, child));
        shown[candidate.unwrap_or(violation)] = false;
    }
    shown
}

/// The shown, not known group with a residual under the threshold that has the fewest
/// units (the deepest such group comes first).
fn smallest_violation(family: &[Group], shown: &[bool], min_units: usize) -> Option<usize> {
    (0..family.len())
        .filter(|&group| shown[group] && !family[group].known)
        .filter(|&group| {
            let left = residual_of(family, shown, group);
            left > 0 && left < min_units
        })
        .min_by_key(|&group| (family[group].units, group))
}

/// The biggest shown groups inside `group`: those whose nearest shown ancestor it is.
fn shown_inside(family: &[Group], shown: &[bool], group: usize) -> Vec<usize> {
    (0..family.len())
        .filter(|&other| shown[other] && nearest_shown_ancestor(family, shown, other) == Some(group))
        .collect()
}

/// The nearest ancestor of `group` that is shown.
fn nearest_shown_ancestor(family: &[Group], shown: &[bool], group: usize) -> Option<usize> {
    let mut at = family[group].parent;
    let mut steps = 0;
    while let Some(ancestor) = at.filter(|&ancestor| ancestor < family.len()) {
        if shown[ancestor] {
            return Some(ancestor);
        }
        at = family[ancestor].parent;
        steps += 1;
        if steps > family.len() {
            return None;
        }
    }
    None
}

/// The units of `group` not in any of the groups `inside` it.
fn residual(family: &[Group], group: usize, inside: &[usize]) -> usize {
    let covered: usize = inside.iter().map(|&child| family[child].units).sum();
    family[group].units.saturating_sub(covered)
}

fn residual_of(family: &[Group], shown: &[bool], group: usize) -> usize {
    residual(family, group, &shown_inside(family, shown, group))
}

/// What may be shown of each group of `family` (units counted per figure, as in
/// [`shown_groups`]): everything where its spread passes, its mean where only that passes.
pub fn visibilities(family: &[Group], rules: PrivacyRules) -> Vec<Visibility> {
    let mean = shown_groups(family, rules.min_units_for_mean);
    let spread = shown_groups(family, rules.min_units_for_spread);
    mean.into_iter()
        .zip(spread)
        .map(|(mean, spread)| match (mean, spread) {
            (false, _) => Visibility::Hidden,
            (true, false) => Visibility::Mean,
            (true, true) => Visibility::Full,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(parent: Option<usize>, units: usize) -> Group {
        Group { parent, units, known: false }
    }

    fn known(parent: Option<usize>, units: usize) -> Group {
        Group { parent, units, known: true }
    }

    #[test]
    fn the_thresholds_default_to_three_and_ten_and_never_cross() {
        let rules = PrivacyRules::default();
        assert_eq!((rules.min_units_for_mean, rules.min_units_for_spread), (3, 10));
        assert_eq!(PrivacyRules::new(5, 2), PrivacyRules { min_units_for_mean: 5, min_units_for_spread: 5 });
        assert_eq!(PrivacyRules::new(0, 0).min_units_for_mean, 1);
    }

    #[test]
    fn a_group_under_the_threshold_is_withheld_and_one_at_it_is_shown() {
        assert_eq!(shown_groups(&[group(None, 2)], 3), [false]);
        assert_eq!(shown_groups(&[group(None, 3)], 3), [true]);
        assert_eq!(shown_groups(&[group(None, 0)], 3), [true], "no units: nothing to give away");
    }

    /// City (40) → administration (12) → department (4) → the manager's own unit.
    #[test]
    fn a_department_of_four_is_shown_to_a_manager_of_one_of_them_and_of_three_is_not() {
        let chain =
            |department: usize| [group(None, 40), group(Some(0), 12), group(Some(1), department), known(Some(2), 1)];
        assert_eq!(shown_groups(&chain(4), 3), [true, true, true, true], "4 less their own leaves 3");
        // With three, the department's mean less their own unit's score is the other two's.
        assert_eq!(shown_groups(&chain(3), 3), [true, true, false, true]);
    }

    /// Parent minus shown child: an administration of 5 units whose one department has 4.
    #[test]
    fn a_parent_that_differs_from_a_shown_child_by_fewer_than_three_loses_the_child() {
        let family = [group(None, 40), group(Some(0), 5), group(Some(1), 4), known(Some(2), 1)];
        // Administration − department = 1 unit: withhold the department (the smaller), so
        // administration − own unit = 4 remains, and the administration is kept.
        assert_eq!(shown_groups(&family, 3), [true, true, false, true]);
    }

    /// A parent whose only shown child is the viewer's own part of the tree: the parent goes.
    #[test]
    fn a_known_child_is_never_withheld_so_the_parent_is() {
        // A head sees their administration of 20 in full; the city has 21 units.
        let family = [group(None, 21), known(Some(0), 20)];
        assert_eq!(shown_groups(&family, 3), [false, true], "the city less their own would be one unit");
        let family = [group(None, 23), known(Some(0), 20)];
        assert_eq!(shown_groups(&family, 3), [true, true]);
    }

    /// The city split by type of organisation: districts, specialist administrations and
    /// companies are siblings, and together they are the city.
    #[test]
    fn sibling_totals_against_their_parent_withhold_a_second_sibling() {
        // Companies: 2 units (withheld on their own); the city less districts less
        // specialists would give them, so one more sibling must go: the smallest that closes
        // the gap (specialists, 30), not the city.
        let family = [group(None, 132), group(Some(0), 100), group(Some(0), 30), group(Some(0), 2), known(Some(1), 1)];
        assert_eq!(shown_groups(&family, 3), [true, true, false, false, true]);
    }

    #[test]
    fn a_type_filter_equal_to_the_total_but_for_one_unit_is_withheld() {
        // City 51, districts 50 (the viewer's own unit among them), companies 1.
        let family = [group(None, 51), group(Some(0), 50), group(Some(0), 1), known(Some(1), 1)];
        let shown = shown_groups(&family, 3);
        assert!(!shown[2], "one company on its own");
        assert!(!(shown[0] && shown[1]), "city − districts would be that company");
        assert!(shown[3]);
    }

    #[test]
    fn withholding_climbs_until_every_residual_is_safe() {
        // City 10 → administration 9 → department 8 → known 7: each step differs by one.
        let family = [group(None, 10), group(Some(0), 9), group(Some(1), 8), known(Some(2), 7)];
        let shown = shown_groups(&family, 3);
        assert_eq!(shown, [true, false, false, true], "city − own part = 3: the city stays");
        let family = [group(None, 9), group(Some(0), 9), group(Some(1), 8), known(Some(2), 7)];
        assert_eq!(shown_groups(&family, 3), [false, false, false, true], "nothing safe but their own");
    }

    #[test]
    fn every_residual_of_the_result_is_empty_or_at_least_the_threshold() {
        // A brute-force check on many small families: whatever is withheld, what is shown
        // leaves no residual of 1 or 2 units.
        let sizes = [0, 1, 2, 3, 4, 5, 7, 12];
        for a in sizes {
            for b in sizes {
                for c in sizes {
                    let (department, administration, city) = (a + 1, a + 1 + b, a + 1 + b + c);
                    let family = [
                        group(None, city),
                        group(Some(0), administration),
                        group(Some(0), c),
                        group(Some(1), department),
                        known(Some(3), 1),
                    ];
                    let shown = shown_groups(&family, 3);
                    for index in 0..family.len() {
                        if shown[index] && !family[index].known {
                            let left = residual_of(&family, &shown, index);
                            assert!(left == 0 || left >= 3, "{family:?} {shown:?}: group {index} leaves {left}");
                        }
                    }
                    assert!(shown[4], "their own unit stays");
                }
            }
        }
    }

    #[test]
    fn the_spread_needs_ten_units_and_safe_residuals_too() {
        let rules = PrivacyRules::default();
        let family = [group(None, 25), group(Some(0), 12), known(Some(1), 1)];
        assert_eq!(visibilities(&family, rules), [Visibility::Full, Visibility::Full, Visibility::Full]);
        let family = [group(None, 25), group(Some(0), 6), known(Some(1), 1)];
        assert_eq!(visibilities(&family, rules), [Visibility::Full, Visibility::Mean, Visibility::Full]);
        // City 20 less its administration of 12 leaves 8: the level counts would be those
        // eight units'. The administration's spread goes (the smaller group), so the city's
        // stays; its mean stays too.
        let family = [group(None, 20), group(Some(0), 12), known(Some(1), 1)];
        assert_eq!(visibilities(&family, rules), [Visibility::Full, Visibility::Mean, Visibility::Full]);
    }
}
