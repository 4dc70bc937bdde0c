//! An organisation's figures over the units below it: for every dimension, the index and
//! the two group sub-indices, how many units the figure rests on, the mean, min, quartiles
//! (like Excel's QUARTILE.INC), max, and how many units are at each level.
//!
//! Every unit weighs the same: a figure is computed over unit scores, never over statements
//! pooled. A unit without a score on a dimension is left out of that dimension's figure, so
//! n can differ per dimension. Everything is kept at full precision; rounding is for display.

use super::ids::NodeId;
use super::keys::DimensionKey;
use super::level::Level;
use super::scoring::{UnitScores, mean};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The spread of one figure over an organisation's units: how many units it rests on, the
/// mean of their scores (each unit weighs the same), min, quartiles like Excel's
/// QUARTILE.INC, max, and how many units are at each maturity level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// The number of units with a score that the figure rests on (at least 1).
    pub n: usize,
    pub mean: f64,
    pub min: f64,
    /// The first quartile, QUARTILE.INC(…; 1).
    pub q1: f64,
    pub median: f64,
    /// The third quartile, QUARTILE.INC(…; 3).
    pub q3: f64,
    pub max: f64,
    /// How many of the n units are at level 1, 2, 3, 4 and 5 (a unit's level is its score
    /// rounded half up). Sums to n.
    pub level_counts: [usize; 5],
}

impl Spread {
    /// The spread of scores already sorted ascending; `None` for no scores.
    fn of_sorted(sorted: &[f64]) -> Option<Spread> {
        let n = sorted.len();
        let mean = mean(sorted.iter().copied())?;
        // The scores are sorted, so a level's units lie together: find where each run of one
        // level ends rather than every unit's level (most figures span few levels).
        let mut level_counts = [0; 5];
        let mut start = 0;
        while let Some(&first) = sorted.get(start) {
            let level = Level::from_score(first);
            let end = start + 1 + sorted[start + 1..].partition_point(|&score| Level::from_score(score) == level);
            level_counts[usize::from(level.get() - 1)] = end - start;
            start = end;
        }
        Some(Spread {
            n,
            mean,
            min: sorted[0],
            q1: quartile_inc(sorted, 1),
            median: quartile_inc(sorted, 2),
            q3: quartile_inc(sorted, 3),
            max: sorted[n - 1],
            level_counts,
        })
    }

    /// The share (0–1) of the n units at level 1, 2, 3, 4 and 5. Sums to 1.
    pub fn level_shares(&self) -> [f64; 5] {
        // n is at most a few thousand, far inside f64's exact integer range.
        self.level_counts.map(|count| count as f64 / self.n as f64)
    }

    /// How many of the n units are at `level`.
    pub fn level_count(&self, level: Level) -> usize {
        self.level_counts[usize::from(level.get() - 1)]
    }

    /// The share (0–1) of the n units at `level`.
    pub fn level_share(&self, level: Level) -> f64 {
        self.level_count(level) as f64 / self.n as f64
    }

    /// The spread without n and the mean: what is withheld from a viewer over too few units.
    pub fn distribution(&self) -> Distribution {
        Distribution {
            min: self.min,
            q1: self.q1,
            median: self.median,
            q3: self.q3,
            max: self.max,
            level_counts: self.level_counts,
        }
    }
}

/// How a figure's unit scores spread: min, quartiles (QUARTILE.INC), max and how many units
/// are at each level. Shown only over enough units (see `domain::privacy`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    pub min: f64,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
    pub max: f64,
    /// How many units are at level 1, 2, 3, 4 and 5.
    pub level_counts: [usize; 5],
}

impl Distribution {
    /// The share (0–1) of the units at level 1, 2, 3, 4 and 5. Sums to 1.
    pub fn level_shares(&self) -> [f64; 5] {
        let n: usize = self.level_counts.iter().sum();
        // n is at most a few thousand, far inside f64's exact integer range.
        self.level_counts.map(|count| if n == 0 { 0.0 } else { count as f64 / n as f64 })
    }
}

/// The spread of unit scores in any order; `None` for no scores. A value that is not a
/// number (NaN, infinite) is no score and left out.
pub fn spread(values: &[f64]) -> Option<Spread> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|value| value.is_finite()).collect();
    sorted.sort_unstable_by(f64::total_cmp);
    Spread::of_sorted(&sorted)
}

/// The k-th quartile of values sorted ascending, exactly like Excel's QUARTILE.INC: k = 0
/// is the min, 2 the median, 4 the max. Between two values it interpolates linearly: at
/// position p = (n − 1)·k/4 (0-based) the value is x[⌊p⌋] + (p − ⌊p⌋)·(x[⌊p⌋+1] − x[⌊p⌋]).
///
/// # Panics
///
/// If `sorted` is empty or k > 4 (where Excel gives #NUM!).
pub fn quartile_inc(sorted: &[f64], k: u8) -> f64 {
    assert!(k <= 4, "a quartile is 0–4");
    assert!(!sorted.is_empty(), "no quartile of no values");
    // p = (n − 1)·k/4 in exact integer arithmetic: whole part and quarters.
    let quarters = (sorted.len() - 1) * usize::from(k);
    let (whole, fraction) = (quarters / 4, quarters % 4);
    let low = sorted[whole];
    if fraction == 0 {
        low
    } else {
        // fraction > 0 means p < n − 1, so the next value exists.
        low + (fraction as f64 / 4.0) * (sorted[whole + 1] - low)
    }
}

/// An organisation's figures over the units below it, each with its spread; `None` where
/// no unit below has a score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgFigures {
    /// How many units below have any score at all (units without an assessment, or with
    /// nothing rated, are not counted). Each figure's own n may be lower.
    pub units: usize,
    /// Each dimension's figure, in the framework's order.
    pub dimensions: Vec<(DimensionKey, Option<Spread>)>,
    /// The figure of the units' index (the mean of each unit's dimension scores).
    pub index: Option<Spread>,
    /// The figure of the units' förhållningssätt sub-index.
    pub approaches: Option<Spread>,
    /// The figure of the units' strategic focus areas sub-index.
    pub focus_areas: Option<Spread>,
}

/// The key of the index figure.
pub const INDEX_KEY: &str = "index";

impl OrgFigures {
    /// One figure by its key: [`INDEX_KEY`], a group's key or a dimension's key.
    pub fn by_key(&self, key: &str) -> Option<&Spread> {
        match key {
            INDEX_KEY => self.index.as_ref(),
            _ => match super::framework::DimensionGroup::from_key(key) {
                Some(super::framework::DimensionGroup::Approaches) => self.approaches.as_ref(),
                Some(super::framework::DimensionGroup::FocusAreas) => self.focus_areas.as_ref(),
                None => self.dimensions.iter().find(|(k, _)| k.as_str() == key).and_then(|(_, spread)| spread.as_ref()),
            },
        }
    }

    /// How many units the figure `key` rests on (0 when none has a score).
    pub fn units_of(&self, key: &str) -> usize {
        self.by_key(key).map_or(0, |spread| spread.n)
    }

    /// The figure of one dimension; `None` if no unit has a score on it.
    pub fn dimension(&self, key: &DimensionKey) -> Option<&Spread> {
        self.dimensions.iter().find(|(k, _)| k == key).and_then(|(_, spread)| spread.as_ref())
    }
}

/// One organisation's figures over the given units (the units below it).
///
/// The dimensions are those the units were scored on, in the order they first appear.
pub fn figures(units: &[&UnitScores]) -> OrgFigures {
    let columns = Columns::of(units.iter().copied());
    let mut figures = columns.without_spreads(columns.has_score.iter().filter(|&&has| has).count());
    let mut sorted = Vec::with_capacity(units.len());
    for (number, column) in columns.scores.iter().enumerate() {
        sorted.clear();
        sorted.extend(column.iter().map(|&(score, _)| score));
        *figures.spread_mut(number) = Spread::of_sorted(&sorted);
    }
    figures
}

/// The figures of every organisation in a tree at once.
///
/// Each unit comes with its path from the city root down to itself; every node on a path
/// (the unit itself included) gets figures over the units below it, equal to [`figures`]
/// over those units. Every node lists the dimensions of all the given units, so a unit
/// without an assessment gets a figure of `None` for each dimension.
pub fn figures_for_tree(units: &[(Vec<NodeId>, UnitScores)]) -> HashMap<NodeId, OrgFigures> {
    let columns = Columns::of(units.iter().map(|(_, scores)| scores));

    // Give every node a dense number, and every unit the numbers of the nodes above it
    // (unit u's are path_numbers[path_starts[u]..path_starts[u + 1]]).
    let mut node_numbers: HashMap<NodeId, usize> = HashMap::new();
    let mut nodes: Vec<NodeId> = Vec::new();
    let mut path_numbers: Vec<usize> = Vec::new();
    let mut path_starts: Vec<usize> = Vec::with_capacity(units.len() + 1);
    for (path, _) in units {
        let start = path_numbers.len();
        path_starts.push(start);
        for node in path {
            let number = *node_numbers.entry(*node).or_insert_with(|| {
                nodes.push(*node);
                nodes.len() - 1
            });
            // A node named twice in one path still counts the unit once.
            if !path_numbers[start..].contains(&number) {
                path_numbers.push(number);
            }
        }
    }
    path_starts.push(path_numbers.len());
    let nodes_of = |unit: usize| &path_numbers[path_starts[unit]..path_starts[unit + 1]];

    // How many units each node has below it, and how many of them have any score.
    let mut below = vec![0; nodes.len()];
    let mut units_with_score = vec![0; nodes.len()];
    for (unit, &has_score) in columns.has_score.iter().enumerate() {
        for &number in nodes_of(unit) {
            below[number] += 1;
            units_with_score[number] += usize::from(has_score);
        }
    }

    // Each node owns a slot in one buffer, as long as the number of units below it.
    let mut starts = Vec::with_capacity(nodes.len());
    let mut total = 0;
    for &count in &below {
        starts.push(total);
        total += count;
    }
    let mut ends = starts.clone();
    let mut buffer = vec![0.0; total];

    // Per figure, hand out the scores in ascending order to every node above each unit:
    // every node's slot is then sorted without sorting it.
    let mut tree: Vec<OrgFigures> = units_with_score.into_iter().map(|units| columns.without_spreads(units)).collect();
    for (column_number, column) in columns.scores.iter().enumerate() {
        ends.copy_from_slice(&starts);
        for &(score, unit) in column {
            for &node in nodes_of(unit) {
                buffer[ends[node]] = score;
                ends[node] += 1;
            }
        }
        for (node, figures) in tree.iter_mut().enumerate() {
            *figures.spread_mut(column_number) = Spread::of_sorted(&buffer[starts[node]..ends[node]]);
        }
    }
    nodes.into_iter().zip(tree).collect()
}

/// Units' scores laid out per figure: one column each for the index and the two
/// sub-indices, then one per dimension. Each column holds (score, unit number) for the units
/// with a score, sorted by score.
struct Columns {
    /// The dimensions of columns 3 onwards.
    keys: Vec<DimensionKey>,
    scores: Vec<Vec<(f64, usize)>>,
    /// Per unit, whether it has any score (in any column).
    has_score: Vec<bool>,
}

/// The columns before the dimensions': index, approaches, focus areas.
const INDEX_COLUMNS: usize = 3;

impl Columns {
    fn of<'a>(units: impl Iterator<Item = &'a UnitScores>) -> Columns {
        let mut keys: Vec<DimensionKey> = Vec::new();
        let mut scores: Vec<Vec<(f64, usize)>> = vec![Vec::new(); INDEX_COLUMNS];
        let mut has_score = Vec::new();
        for (number, unit) in units.enumerate() {
            let indices = [unit.index, unit.approaches_index, unit.focus_areas_index];
            for (column, index) in scores.iter_mut().zip(indices) {
                column.extend(index.filter(|index| index.is_finite()).map(|index| (index, number)));
            }
            for (position, dimension) in unit.dimensions.iter().enumerate() {
                // Units of one round share the framework's order: mostly the key is in place.
                let known = if keys.get(position) == Some(&dimension.key) {
                    Some(position)
                } else {
                    keys.iter().position(|key| *key == dimension.key)
                };
                let dimension_number = known.unwrap_or_else(|| {
                    keys.push(dimension.key.clone());
                    scores.push(Vec::new());
                    keys.len() - 1
                });
                scores[INDEX_COLUMNS + dimension_number]
                    .extend(dimension.score.filter(|score| score.is_finite()).map(|score| (score, number)));
            }
            has_score.push(scores.iter().any(|column| column.last().is_some_and(|&(_, unit)| unit == number)));
        }
        for column in &mut scores {
            column.sort_unstable_by(|(a, _), (b, _)| a.total_cmp(b));
        }
        Columns { keys, scores, has_score }
    }

    /// Figures over `units` units with every dimension listed and no spreads yet.
    fn without_spreads(&self, units: usize) -> OrgFigures {
        OrgFigures {
            units,
            dimensions: self.keys.iter().map(|key| (key.clone(), None)).collect(),
            index: None,
            approaches: None,
            focus_areas: None,
        }
    }
}

impl OrgFigures {
    /// The spread of a column of [`Columns`].
    fn spread_mut(&mut self, column: usize) -> &mut Option<Spread> {
        match column {
            0 => &mut self.index,
            1 => &mut self.approaches,
            2 => &mut self.focus_areas,
            _ => &mut self.dimensions[column - INDEX_COLUMNS].1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::framework::DimensionGroup;
    use crate::domain::scoring::DimensionScore;

    fn dimension(key: &str, group: DimensionGroup, score: Option<f64>, rated: usize) -> DimensionScore {
        DimensionScore { key: DimensionKey::parse(key).unwrap(), group, score, rated }
    }

    /// A unit scored on dimension `a` (förhållningssätt) and `b` (fokusområde), one
    /// statement rated in each scored dimension; the indices are given by hand.
    fn unit(a: Option<f64>, b: Option<f64>, index: Option<f64>) -> UnitScores {
        UnitScores {
            dimensions: vec![
                dimension("a", DimensionGroup::Approaches, a, usize::from(a.is_some())),
                dimension("b", DimensionGroup::FocusAreas, b, usize::from(b.is_some())),
            ],
            index,
            approaches_index: a,
            focus_areas_index: b,
        }
    }

    fn quartiles(sorted: &[f64]) -> [f64; 5] {
        [0, 1, 2, 3, 4].map(|k| quartile_inc(sorted, k))
    }

    fn key(key: &str) -> DimensionKey {
        DimensionKey::parse(key).unwrap()
    }

    #[test]
    fn quartiles_of_one_value_are_that_value() {
        assert_eq!(quartiles(&[7.0]), [7.0; 5]);
    }

    #[test]
    fn quartiles_of_two_values_interpolate_between_them() {
        // p = 0.25, 0.5, 0.75 between 1 and 3.
        assert_eq!(quartiles(&[1.0, 3.0]), [1.0, 1.5, 2.0, 2.5, 3.0]);
    }

    #[test]
    fn quartiles_of_three_values_interpolate_halfway() {
        // p = 0.5, 1, 1.5.
        assert_eq!(quartiles(&[1.0, 2.0, 4.0]), [1.0, 1.5, 2.0, 3.0, 4.0]);
    }

    #[test]
    fn quartiles_of_four_values_match_excel() {
        // p = 0.75, 1.5, 2.25.
        assert_eq!(quartiles(&[1.0, 2.0, 3.0, 4.0]), [1.0, 1.75, 2.5, 3.25, 4.0]);
        assert_eq!(quartiles(&[2.0, 4.0, 4.0, 5.0]), [2.0, 3.5, 4.0, 4.25, 5.0]);
    }

    #[test]
    fn quartiles_of_five_values_are_values_themselves() {
        // p = 1, 2, 3.
        assert_eq!(quartiles(&[1.0, 2.0, 3.0, 4.0, 10.0]), [1.0, 2.0, 3.0, 4.0, 10.0]);
    }

    #[test]
    fn a_spread_sorts_its_values_first() {
        let spread = spread(&[4.0, 1.0, 3.0, 2.0]).unwrap();
        assert_eq!(spread.n, 4);
        assert_eq!(spread.mean, 2.5);
        assert_eq!([spread.min, spread.q1, spread.median, spread.q3, spread.max], [1.0, 1.75, 2.5, 3.25, 4.0]);
    }

    #[test]
    fn no_values_have_no_spread() {
        assert_eq!(spread(&[]), None);
    }

    #[test]
    fn a_score_of_exactly_two_and_a_half_is_level_three_and_two_point_four_nine_level_two() {
        let spread = spread(&[2.5, 2.49, 1.0, 5.0, 4.5]).unwrap();
        assert_eq!(spread.level_counts, [1, 1, 1, 0, 2]);
        assert_eq!(spread.level_shares(), [0.2, 0.2, 0.2, 0.0, 0.4]);
        assert_eq!(spread.level_count(Level::parse(3).unwrap()), 1);
        assert_eq!(spread.level_share(Level::parse(5).unwrap()), 0.4);
    }

    #[test]
    fn a_unit_without_a_score_on_a_dimension_is_left_out_of_that_dimension_only() {
        let units = [
            unit(Some(2.0), Some(1.0), Some(1.5)),
            unit(None, Some(3.0), Some(3.0)),
            unit(Some(4.0), Some(5.0), Some(4.5)),
        ];
        let figures = figures(&units.iter().collect::<Vec<_>>());
        assert_eq!(figures.units, 3);
        let a = figures.dimension(&key("a")).unwrap();
        assert_eq!((a.n, a.mean, a.median), (2, 3.0, 3.0));
        let b = figures.dimension(&key("b")).unwrap();
        assert_eq!((b.n, b.mean, b.median), (3, 3.0, 3.0));
        assert_eq!(figures.approaches.unwrap().n, 2);
        assert_eq!(figures.index.unwrap().n, 3);
    }

    #[test]
    fn a_unit_with_nothing_rated_is_not_counted() {
        let units = [unit(Some(2.0), None, Some(2.0)), unit(None, None, None)];
        let figures = figures(&units.iter().collect::<Vec<_>>());
        assert_eq!(figures.units, 1);
        assert_eq!(figures.dimension(&key("b")), None);
        assert_eq!(figures.focus_areas, None);
        assert_eq!(figures.dimensions.len(), 2, "a dimension without a figure is still listed");
    }

    #[test]
    fn a_score_that_is_not_a_number_is_left_out_instead_of_breaking_the_figure() {
        assert_eq!(spread(&[f64::NAN, 2.0]).unwrap().n, 1);
        let units = [unit(Some(f64::NAN), None, None), unit(Some(3.0), None, Some(3.0))];
        let figures = figures(&units.iter().collect::<Vec<_>>());
        assert_eq!(figures.units, 1);
        assert_eq!(figures.dimension(&key("a")).unwrap().n, 1);
    }

    #[test]
    fn every_unit_weighs_the_same_however_many_statements_it_rated() {
        let mut many = unit(Some(4.0), None, Some(4.0));
        many.dimensions[0].rated = 5;
        let one = unit(Some(1.0), None, Some(1.0));
        let figures = figures(&[&many, &one]);
        // Pooled over the six statements it would be (5·4 + 1)/6 = 3.5.
        assert_eq!(figures.dimension(&key("a")).unwrap().mean, 2.5);
        assert_eq!(figures.index.unwrap().mean, 2.5);
    }

    #[test]
    fn every_node_of_a_tree_gets_figures_over_the_units_below_it() {
        let (city, admin_a, admin_b) = (NodeId(1), NodeId(10), NodeId(20));
        let unit_11 = unit(Some(1.0), Some(2.0), Some(1.5));
        let unit_12 = unit(Some(3.0), None, Some(3.0));
        let unit_13 = unit(Some(2.5), Some(4.0), Some(3.25));
        // Unit 21 has no assessment at all.
        let unit_21 = UnitScores { dimensions: vec![], index: None, approaches_index: None, focus_areas_index: None };
        let unit_22 = unit(Some(5.0), Some(3.0), Some(4.0));
        let tree = figures_for_tree(&[
            (vec![city, admin_a, NodeId(11)], unit_11.clone()),
            (vec![city, admin_a, NodeId(12)], unit_12.clone()),
            (vec![city, admin_a, NodeId(13)], unit_13.clone()),
            (vec![city, admin_b, NodeId(21)], unit_21),
            (vec![city, admin_b, NodeId(22)], unit_22.clone()),
        ]);
        assert_eq!(tree.len(), 8);

        let whole = &tree[&city];
        assert_eq!(whole.units, 4);
        // Dimension a over 1, 2.5, 3, 5: p = 0.75, 1.5, 2.25.
        let a = whole.dimension(&key("a")).unwrap();
        assert_eq!((a.n, a.mean, a.min, a.q1, a.median, a.q3, a.max), (4, 2.875, 1.0, 2.125, 2.75, 3.5, 5.0));
        assert_eq!(a.level_counts, [1, 0, 2, 0, 1]);
        let b = whole.dimension(&key("b")).unwrap();
        assert_eq!((b.n, b.mean, b.q1, b.median, b.q3), (3, 3.0, 2.5, 3.0, 3.5));
        // The index over 1.5, 3, 3.25, 4.
        let index = whole.index.as_ref().unwrap();
        assert_eq!((index.n, index.mean, index.q1, index.median, index.q3), (4, 2.9375, 2.625, 3.125, 3.4375));

        assert_eq!(tree[&admin_a], figures(&[&unit_11, &unit_12, &unit_13]));
        assert_eq!(tree[&admin_a].dimension(&key("a")).unwrap().mean, 6.5 / 3.0);

        assert_eq!(tree[&admin_b].units, 1);
        assert_eq!(tree[&admin_b].dimension(&key("a")).unwrap().mean, 5.0);
        assert_eq!(tree[&admin_b], figures(&[&unit_22]));

        let unassessed = &tree[&NodeId(21)];
        assert_eq!(unassessed.units, 0);
        assert_eq!(unassessed.dimensions, vec![(key("a"), None), (key("b"), None)]);
        assert_eq!(unassessed.index, None);

        let own = tree[&NodeId(12)].dimension(&key("a")).unwrap();
        assert_eq!((own.n, own.min, own.median, own.max), (1, 3.0, 3.0, 3.0));
        assert_eq!(tree[&NodeId(12)].dimension(&key("b")), None);
    }
}
