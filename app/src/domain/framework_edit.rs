//! Editing the framework: what a version must hold to be stored, the keys of new and
//! reworded statements, and what changed between two versions.
//!
//! Keys are what make results comparable across versions. A statement keeps its key when
//! its text is unchanged or when the quality department marks a rewording "jämförbar" (the
//! same question); otherwise it gets a new key and notes the statement it replaces. A new
//! statement gets a new key, never one any version has used.

use super::framework::{DimensionGroup, Framework, Statement};
use super::keys::{DimensionKey, StatementKey};
use super::limits::char_count;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The longest name (of the framework, a level, group or dimension) or version label.
pub const NAME_MAX_CHARS: usize = 200;
/// The longest other text (a statement, guidance, description or descriptor).
pub const TEXT_MAX_CHARS: usize = 4_000;
/// How many dimensions the quality programme has.
pub const DIMENSION_COUNT: usize = 12;
/// The most statements a dimension may hold.
pub const MAX_STATEMENTS: usize = 20;

/// Where in a framework a problem is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    /// The framework's name.
    FrameworkName,
    VersionLabel,
    /// A level 1–5: its name or descriptor.
    Level(u8),
    /// A group (by key): its name or description.
    Group(String),
    /// A dimension (by key): its name, description or a descriptor.
    Dimension(String),
    /// A statement (by dimension key and 1-based position): its text or guidance.
    Statement {
        dimension: String,
        position: usize,
    },
}

/// Why a framework (an edited draft or an uploaded file) cannot be stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DraftProblem {
    /// A name or a statement's text is empty.
    Missing(Place),
    /// A text is longer than allowed.
    TooLong { place: Place, max: usize },
    /// Not exactly the five levels, 1 to 5 in order.
    Levels,
    /// Not exactly the two groups, each once.
    Groups,
    /// Not twelve dimensions.
    DimensionCount { found: usize },
    /// A dimension without exactly five level descriptors.
    Descriptors { dimension: String },
    /// A dimension without statements.
    NoStatements { dimension: String },
    /// A dimension with more statements than allowed.
    TooManyStatements { dimension: String, max: usize },
    /// The same key twice (dimension and statement keys share one space).
    DuplicateKey { key: String },
    /// A key that is not 1–64 characters a–z, 0–9 or _ starting with a letter.
    BadKey { key: String },
    /// A group key that is neither `forhallningssatt` nor `fokusomraden`.
    UnknownGroup { key: String },
    /// A statement says it replaces a key this same version still uses.
    ReplacesPresentKey { key: String },
    /// Another version of the framework already has this label.
    LabelTaken { label: String },
}

fn check_text(problems: &mut Vec<DraftProblem>, place: &Place, text: &str, required: bool, max: usize) {
    if required && text.trim().is_empty() {
        problems.push(DraftProblem::Missing(place.clone()));
    } else if char_count(text) > max {
        problems.push(DraftProblem::TooLong { place: place.clone(), max });
    }
}

/// Everything that stops `framework` from being stored as a version; empty if nothing.
pub fn validate(framework: &Framework) -> Vec<DraftProblem> {
    let mut problems = Vec::new();
    check_text(&mut problems, &Place::FrameworkName, &framework.name, true, NAME_MAX_CHARS);
    check_text(&mut problems, &Place::VersionLabel, &framework.version_label, true, NAME_MAX_CHARS);

    let levels_in_order = framework.levels.len() == 5
        && framework.levels.iter().zip(1u8..).all(|(info, level)| info.level.get() == level);
    if !levels_in_order {
        problems.push(DraftProblem::Levels);
    }
    for info in &framework.levels {
        let place = Place::Level(info.level.get());
        check_text(&mut problems, &place, &info.name, true, NAME_MAX_CHARS);
        check_text(&mut problems, &place, &info.description, false, TEXT_MAX_CHARS);
    }

    let groups: HashSet<DimensionGroup> = framework.groups.iter().map(|group| group.group).collect();
    if framework.groups.len() != 2 || groups.len() != 2 {
        problems.push(DraftProblem::Groups);
    }
    for group in &framework.groups {
        let place = Place::Group(group.group.key().to_owned());
        check_text(&mut problems, &place, &group.name, true, NAME_MAX_CHARS);
        check_text(&mut problems, &place, &group.description, false, TEXT_MAX_CHARS);
    }

    if framework.dimensions.len() != DIMENSION_COUNT {
        problems.push(DraftProblem::DimensionCount { found: framework.dimensions.len() });
    }
    let mut seen = HashSet::new();
    let all_keys: HashSet<&str> = framework
        .dimensions
        .iter()
        .flat_map(|dimension| dimension.statements.iter().map(|statement| statement.key.as_str()))
        .collect();
    for dimension in &framework.dimensions {
        let key = dimension.key.to_string();
        if !seen.insert(key.clone()) {
            problems.push(DraftProblem::DuplicateKey { key: key.clone() });
        }
        let place = Place::Dimension(key.clone());
        check_text(&mut problems, &place, &dimension.name, true, NAME_MAX_CHARS);
        check_text(&mut problems, &place, &dimension.description, false, TEXT_MAX_CHARS);
        if dimension.level_descriptors.len() != 5 {
            problems.push(DraftProblem::Descriptors { dimension: key.clone() });
        }
        for descriptor in &dimension.level_descriptors {
            check_text(&mut problems, &place, descriptor, false, TEXT_MAX_CHARS);
        }
        if dimension.statements.is_empty() {
            problems.push(DraftProblem::NoStatements { dimension: key.clone() });
        }
        if dimension.statements.len() > MAX_STATEMENTS {
            problems.push(DraftProblem::TooManyStatements { dimension: key.clone(), max: MAX_STATEMENTS });
        }
        for (position, statement) in (1..).zip(&dimension.statements) {
            if !seen.insert(statement.key.to_string()) {
                problems.push(DraftProblem::DuplicateKey { key: statement.key.to_string() });
            }
            let place = Place::Statement { dimension: key.clone(), position };
            check_text(&mut problems, &place, &statement.text, true, TEXT_MAX_CHARS);
            check_text(&mut problems, &place, &statement.guidance, false, TEXT_MAX_CHARS);
            if let Some(replaced) = &statement.replaces
                && all_keys.contains(replaced.as_str())
            {
                problems.push(DraftProblem::ReplacesPresentKey { key: replaced.to_string() });
            }
        }
    }
    problems
}

/// A new key for a statement of `dimension`: `<dimension>_<n>` with the smallest `n` that
/// no key in `used` has (keys of every version, so an old key is never given new meaning).
pub fn fresh_key(dimension: &DimensionKey, used: &HashSet<String>) -> StatementKey {
    // A dimension key is at most 64 characters; keep room for the number.
    let stem: String = dimension.as_str().chars().take(54).collect();
    (1u32..)
        .map(|n| format!("{stem}_{n}"))
        .find(|key| !used.contains(key))
        .and_then(|key| StatementKey::parse(&key).ok())
        .unwrap_or_else(|| unreachable!("a valid dimension key with a number is a valid statement key"))
}

/// Whether two statement texts say the same (differences in spacing do not count).
pub fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// One statement as the edit form sends it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementInput {
    /// Its key in the draft; `None` for a statement added in this edit.
    pub key: Option<StatementKey>,
    pub text: String,
    pub guidance: String,
    /// Marked "jämförbar": a rewording asks the same question and keeps its key.
    pub comparable: bool,
}

/// The statements of one dimension of a draft after an edit, with their keys: `inputs` in
/// their new order (removed ones left out), `draft` the statements as the draft held them,
/// `base` the version the draft was copied from, and `used` every key any version has used.
///
/// A statement that descends from one of `base` (it has its key, or replaces it) keeps that
/// key when its text is unchanged or the rewording is marked comparable; otherwise it gets
/// a new key (the one it already has, if new) and notes the key it replaces. A statement
/// added in this edit gets a new key.
pub fn assign_keys(
    base: Option<&Framework>,
    dimension: &DimensionKey,
    draft: &[Statement],
    inputs: Vec<StatementInput>,
    used: &HashSet<String>,
) -> Vec<Statement> {
    let mut used = used.clone();
    for statement in draft {
        used.insert(statement.key.to_string());
    }
    let base_statement = |key: &StatementKey| base.and_then(|base| base.statement(key)).map(|(_, found)| found);
    inputs
        .into_iter()
        .map(|input| {
            let current = input.key.as_ref().and_then(|key| draft.iter().find(|statement| &statement.key == key));
            let origin = current.and_then(|current| {
                base_statement(&current.key).or_else(|| current.replaces.as_ref().and_then(&base_statement))
            });
            let (key, replaces) = match (current, origin) {
                (_, Some(origin)) if input.comparable || same_text(&input.text, &origin.text) => {
                    (origin.key.clone(), None)
                }
                (Some(current), Some(origin)) if current.key != origin.key => {
                    (current.key.clone(), Some(origin.key.clone()))
                }
                (_, Some(origin)) => {
                    let key = fresh_key(dimension, &used);
                    used.insert(key.to_string());
                    (key, Some(origin.key.clone()))
                }
                (Some(current), None) => (current.key.clone(), current.replaces.clone()),
                (None, None) => {
                    let key = fresh_key(dimension, &used);
                    used.insert(key.to_string());
                    (key, None)
                }
            };
            Statement { key, text: input.text, guidance: input.guidance, replaces }
        })
        .collect()
}

/// A suggested label for the version after `label`: `2026:1` → `2026:2`; otherwise the
/// label with ` (ny)` added. `taken` are the labels in use; the suggestion avoids them.
pub fn next_label(label: &str, taken: &HashSet<String>) -> String {
    let (stem, number) = match label.rsplit_once(':').and_then(|(stem, n)| Some((stem, n.parse::<u32>().ok()?))) {
        Some((stem, number)) => (format!("{stem}:"), number),
        None => (format!("{label} ("), 0),
    };
    let close = if stem.ends_with('(') { ")" } else { "" };
    (number + 1..)
        .map(|n| format!("{stem}{n}{close}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| unreachable!("some number is free"))
}

/// What happened to one statement between two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StatementChangeKind {
    /// New in the later version.
    Added,
    /// Gone from the later version.
    Removed,
    /// Its text changed.
    Reworded,
    /// Only its guidance changed.
    GuidanceChanged,
    /// It moved to another dimension.
    Moved,
}

/// A statement's change between two versions, and whether results stay comparable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementChange {
    pub kind: StatementChangeKind,
    /// The dimension it belongs to (in the later version; the earlier one when removed).
    pub dimension: DimensionKey,
    pub before: Option<Statement>,
    pub after: Option<Statement>,
    /// Whether a rating of the earlier statement may be compared with the later one.
    pub comparable: bool,
}

/// Other text that changed in a dimension (all of it keeps results comparable).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionTextChange {
    pub dimension: DimensionKey,
    pub name: Option<(String, String)>,
    pub description: bool,
    /// The levels (1–5) whose descriptor for this dimension changed.
    pub descriptors: Vec<u8>,
}

/// Which trend lines cannot be drawn across a step from one version to another: the
/// dimensions whose statements changed in a way that is not comparable, and the index and
/// sub-indices (by group key) that rest on them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendBreaks {
    pub dimensions: BTreeSet<String>,
    pub groups: BTreeSet<String>,
    pub index: bool,
}

impl TrendBreaks {
    /// Whether nothing is broken.
    pub fn is_empty(&self) -> bool {
        self.dimensions.is_empty() && self.groups.is_empty() && !self.index
    }

    /// Whether the figure with `key` (a dimension's key, a group's key, or `index_key`) is
    /// broken.
    pub fn breaks(&self, key: &str, index_key: &str) -> bool {
        if key == index_key { self.index } else { self.dimensions.contains(key) || self.groups.contains(key) }
    }
}

/// Everything that changed from version `a` to version `b`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub statements: Vec<StatementChange>,
    pub dimensions: Vec<DimensionTextChange>,
    /// Dimensions only in `b`, and only in `a`.
    pub dimensions_added: Vec<DimensionKey>,
    pub dimensions_removed: Vec<DimensionKey>,
    /// The levels whose name or generic descriptor changed.
    pub levels: Vec<u8>,
    /// The groups whose name or description changed.
    pub groups: Vec<DimensionGroup>,
    pub breaks: TrendBreaks,
}

impl Comparison {
    /// Whether the two versions hold the same content (labels and names of the version
    /// aside).
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
            && self.dimensions.is_empty()
            && self.dimensions_added.is_empty()
            && self.dimensions_removed.is_empty()
            && self.levels.is_empty()
            && self.groups.is_empty()
    }
}

/// What changed from `a` to `b`: statements added, removed, reworded (comparable when the
/// key was kept, not when a new key replaces the old), moved; other texts changed; and
/// which trend lines break across the step.
pub fn compare(a: &Framework, b: &Framework) -> Comparison {
    let mut comparison = Comparison::default();
    let mut broken: BTreeSet<String> = BTreeSet::new();
    let mut accounted: HashSet<StatementKey> = HashSet::new();

    for dimension in &b.dimensions {
        for statement in &dimension.statements {
            let change = if let Some((from_dimension, before)) = a.statement(&statement.key) {
                accounted.insert(before.key.clone());
                if from_dimension.key != dimension.key {
                    broken.insert(from_dimension.key.to_string());
                    Some((StatementChangeKind::Moved, Some(before), false))
                } else if !same_text(&before.text, &statement.text) {
                    Some((StatementChangeKind::Reworded, Some(before), true))
                } else if before.guidance.trim() != statement.guidance.trim() {
                    Some((StatementChangeKind::GuidanceChanged, Some(before), true))
                } else {
                    None
                }
            } else if let Some((_, before)) = statement.replaces.as_ref().and_then(|key| a.statement(key)) {
                accounted.insert(before.key.clone());
                Some((StatementChangeKind::Reworded, Some(before), false))
            } else {
                Some((StatementChangeKind::Added, None, false))
            };
            if let Some((kind, before, comparable)) = change {
                if !comparable {
                    broken.insert(dimension.key.to_string());
                }
                comparison.statements.push(StatementChange {
                    kind,
                    dimension: dimension.key.clone(),
                    before: before.cloned(),
                    after: Some(statement.clone()),
                    comparable,
                });
            }
        }
    }
    for dimension in &a.dimensions {
        for statement in &dimension.statements {
            if !accounted.contains(&statement.key) && b.statement(&statement.key).is_none() {
                broken.insert(dimension.key.to_string());
                comparison.statements.push(StatementChange {
                    kind: StatementChangeKind::Removed,
                    dimension: dimension.key.clone(),
                    before: Some(statement.clone()),
                    after: None,
                    comparable: false,
                });
            }
        }
    }

    for dimension in &b.dimensions {
        let Some(before) = a.dimension(&dimension.key) else {
            comparison.dimensions_added.push(dimension.key.clone());
            continue;
        };
        if before.group != dimension.group {
            broken.insert(dimension.key.to_string());
        }
        let name = (before.name.trim() != dimension.name.trim()).then(|| (before.name.clone(), dimension.name.clone()));
        let description = before.description.trim() != dimension.description.trim();
        let descriptors: Vec<u8> = (0..5usize)
            .filter(|&at| {
                before.level_descriptors.get(at).map(|text| text.trim())
                    != dimension.level_descriptors.get(at).map(|text| text.trim())
            })
            .filter_map(|at| u8::try_from(at + 1).ok())
            .collect();
        if name.is_some() || description || !descriptors.is_empty() {
            comparison.dimensions.push(DimensionTextChange {
                dimension: dimension.key.clone(),
                name,
                description,
                descriptors,
            });
        }
    }
    comparison.dimensions_removed =
        a.dimensions.iter().filter(|d| b.dimension(&d.key).is_none()).map(|d| d.key.clone()).collect();

    for level in &b.levels {
        let before = a.levels.iter().find(|info| info.level == level.level);
        if before.is_none_or(|before| {
            before.name.trim() != level.name.trim() || before.description.trim() != level.description.trim()
        }) {
            comparison.levels.push(level.level.get());
        }
    }
    for group in &b.groups {
        let before = a.groups.iter().find(|info| info.group == group.group);
        if before.is_none_or(|before| {
            before.name.trim() != group.name.trim() || before.description.trim() != group.description.trim()
        }) {
            comparison.groups.push(group.group);
        }
    }

    // The index and a group's sub-index rest on their dimensions: a broken dimension, or
    // one added or removed, breaks them too.
    let group_of: HashMap<&str, DimensionGroup> =
        a.dimensions.iter().chain(&b.dimensions).map(|dimension| (dimension.key.as_str(), dimension.group)).collect();
    let mut groups: BTreeSet<String> =
        broken.iter().filter_map(|key| group_of.get(key.as_str()).map(|group| group.key().to_owned())).collect();
    for key in comparison.dimensions_added.iter().chain(&comparison.dimensions_removed) {
        if let Some(group) = group_of.get(key.as_str()) {
            groups.insert(group.key().to_owned());
        }
    }
    let index = !groups.is_empty() || !broken.is_empty();
    comparison.breaks = TrendBreaks { dimensions: broken, groups, index };
    comparison
}

/// Which trend lines break from `a` to `b` (see [`compare`]).
pub fn trend_breaks(a: &Framework, b: &Framework) -> TrendBreaks {
    if a.version_id == b.version_id && a.version_id.0 != 0 {
        return TrendBreaks::default();
    }
    compare(a, b).breaks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::framework::fixtures::{framework, statement};
    use crate::domain::ids::FrameworkVersionId;

    fn twelve() -> Framework {
        let mut twelve = framework();
        let mut more = Vec::new();
        for n in 0..8 {
            let group = if n < 4 { DimensionGroup::Approaches } else { DimensionGroup::FocusAreas };
            let key = format!("e{n}");
            let statements = [format!("e{n}_1")];
            let statements: Vec<&str> = statements.iter().map(String::as_str).collect();
            more.push(crate::domain::framework::fixtures::dimension(&key, group, &statements));
        }
        twelve.dimensions.extend(more);
        twelve.groups = DimensionGroup::ALL
            .into_iter()
            .map(|group| crate::domain::framework::GroupInfo {
                group,
                name: group.key().into(),
                description: String::new(),
            })
            .collect();
        twelve
    }

    fn key(text: &str) -> StatementKey {
        StatementKey::parse(text).unwrap()
    }

    fn dim(text: &str) -> DimensionKey {
        DimensionKey::parse(text).unwrap()
    }

    fn input(key: Option<&str>, text: &str, comparable: bool) -> StatementInput {
        StatementInput { key: key.map(self::key), text: text.into(), guidance: String::new(), comparable }
    }

    fn used(framework: &Framework) -> HashSet<String> {
        framework.dimensions.iter().flat_map(|d| d.statements.iter().map(|s| s.key.to_string())).collect()
    }

    #[test]
    fn a_complete_framework_has_no_problems() {
        assert_eq!(validate(&twelve()), vec![]);
    }

    #[test]
    fn empty_texts_duplicate_keys_and_a_missing_dimension_are_problems() {
        let mut broken = twelve();
        broken.dimensions[0].statements[0].text = "  ".into();
        broken.dimensions[1].statements[0].key = key("a_2");
        broken.dimensions.pop();
        let problems = validate(&broken);
        assert!(problems.contains(&DraftProblem::Missing(Place::Statement { dimension: "a".into(), position: 1 })));
        assert!(problems.contains(&DraftProblem::DuplicateKey { key: "a_2".into() }));
        assert!(problems.contains(&DraftProblem::DimensionCount { found: 11 }));
    }

    #[test]
    fn a_dimension_without_statements_is_a_problem() {
        let mut broken = twelve();
        broken.dimensions[2].statements.clear();
        assert_eq!(validate(&broken), vec![DraftProblem::NoStatements { dimension: "c".into() }]);
    }

    #[test]
    fn a_fresh_key_is_one_no_version_has_used() {
        let used: HashSet<String> = ["a_1", "a_2", "a_4"].into_iter().map(String::from).collect();
        assert_eq!(fresh_key(&dim("a"), &used).as_str(), "a_3");
    }

    #[test]
    fn an_unchanged_statement_keeps_its_key() {
        let base = framework();
        let out = assign_keys(
            Some(&base),
            &dim("a"),
            &base.dimensions[0].statements,
            vec![input(Some("a_1"), "Påstående  a_1", false)],
            &used(&base),
        );
        assert_eq!(out[0].key.as_str(), "a_1");
        assert_eq!(out[0].replaces, None);
    }

    #[test]
    fn a_rewording_marked_comparable_keeps_its_key() {
        let base = framework();
        let out = assign_keys(
            Some(&base),
            &dim("a"),
            &base.dimensions[0].statements,
            vec![input(Some("a_1"), "Samma fråga, nya ord", true)],
            &used(&base),
        );
        assert_eq!((out[0].key.as_str(), out[0].replaces.clone()), ("a_1", None));
        assert_eq!(out[0].text, "Samma fråga, nya ord");
    }

    #[test]
    fn a_rewording_not_marked_comparable_gets_a_new_key_replacing_the_old() {
        let base = framework();
        let out = assign_keys(
            Some(&base),
            &dim("a"),
            &base.dimensions[0].statements,
            vec![input(Some("a_1"), "En annan fråga", false), input(Some("a_2"), "Påstående a_2", false)],
            &used(&base),
        );
        assert_eq!(out[0].key.as_str(), "a_3");
        assert_eq!(out[0].replaces, Some(key("a_1")));
        assert_eq!(out[1].key.as_str(), "a_2");
    }

    #[test]
    fn a_replacing_statement_keeps_its_new_key_when_edited_again_and_can_be_made_comparable() {
        let base = framework();
        let mut draft = base.dimensions[0].statements.clone();
        draft[0] = Statement {
            key: key("a_3"),
            text: "En annan fråga".into(),
            guidance: String::new(),
            replaces: Some(key("a_1")),
        };
        let again = assign_keys(
            Some(&base),
            &dim("a"),
            &draft,
            vec![input(Some("a_3"), "En annan fråga, igen", false)],
            &used(&base),
        );
        assert_eq!((again[0].key.as_str(), again[0].replaces.clone()), ("a_3", Some(key("a_1"))));
        let comparable =
            assign_keys(Some(&base), &dim("a"), &draft, vec![input(Some("a_3"), "En annan fråga", true)], &used(&base));
        assert_eq!((comparable[0].key.as_str(), comparable[0].replaces.clone()), ("a_1", None));
    }

    #[test]
    fn a_new_statement_gets_a_new_key() {
        let base = framework();
        let out = assign_keys(
            Some(&base),
            &dim("b"),
            &base.dimensions[1].statements,
            vec![input(None, "Ny fråga", false), input(None, "Ännu en", true)],
            &used(&base),
        );
        assert_eq!(out.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(), ["b_3", "b_4"]);
        assert!(out.iter().all(|s| s.replaces.is_none()));
    }

    #[test]
    fn the_next_label_counts_up_or_adds_a_number() {
        let taken: HashSet<String> = ["2026:2".to_owned()].into();
        assert_eq!(next_label("2026:1", &taken), "2026:3");
        assert_eq!(next_label("Våren", &HashSet::new()), "Våren (1)");
    }

    #[test]
    fn two_identical_versions_compare_as_unchanged() {
        let comparison = compare(&twelve(), &twelve());
        assert!(comparison.is_empty());
        assert!(comparison.breaks.is_empty());
    }

    #[test]
    fn the_comparison_names_added_removed_and_reworded_statements_and_their_comparability() {
        let a = twelve();
        let mut b = twelve();
        b.version_id = FrameworkVersionId(2);
        // a: a_1 reworded comparably; a_2 replaced by a_3; b: b_2 removed, b_9 added.
        b.dimensions[0].statements[0].text = "Samma fråga".into();
        b.dimensions[0].statements[1] =
            Statement { key: key("a_3"), text: "Ny".into(), guidance: String::new(), replaces: Some(key("a_2")) };
        b.dimensions[1].statements.pop();
        b.dimensions[1].statements.push(statement("b_9"));
        b.dimensions[2].level_descriptors[2] = "Annan beskrivning".into();

        let comparison = compare(&a, &b);
        let kinds: Vec<(StatementChangeKind, &str, bool)> = comparison
            .statements
            .iter()
            .map(|change| {
                let shown = change.after.as_ref().or(change.before.as_ref()).unwrap();
                (change.kind, shown.key.as_str(), change.comparable)
            })
            .collect();
        assert_eq!(
            kinds,
            [
                (StatementChangeKind::Reworded, "a_1", true),
                (StatementChangeKind::Reworded, "a_3", false),
                (StatementChangeKind::Added, "b_9", false),
                (StatementChangeKind::Removed, "b_2", false),
            ]
        );
        assert_eq!(comparison.dimensions.len(), 1);
        assert_eq!(comparison.dimensions[0].descriptors, vec![3]);
        assert_eq!(comparison.breaks.dimensions, BTreeSet::from(["a".to_owned(), "b".to_owned()]));
        assert_eq!(comparison.breaks.groups, BTreeSet::from(["forhallningssatt".to_owned()]));
        assert!(comparison.breaks.index);
    }

    #[test]
    fn comparable_changes_break_no_trend_line() {
        let a = twelve();
        let mut b = twelve();
        b.version_id = FrameworkVersionId(2);
        b.dimensions[3].statements[0].text = "Omformulerad men jämförbar".into();
        b.dimensions[3].statements[0].guidance = "Ny vägledning".into();
        b.dimensions[3].name = "Nytt namn".into();
        b.levels[0].name = "Ej påbörjat".into();
        let breaks = trend_breaks(&a, &b);
        assert!(breaks.is_empty(), "{breaks:?}");
        assert!(!compare(&a, &b).is_empty());
    }
}
