//! Importing the organisation from the city's HR register: one line per organisation with
//! its external id, name, parent's external id (empty: directly under the city), kind, and
//! valid-from date; optionally the unit manager's e-mail address and the external ids of the
//! organisations it replaces ("ersätter", a merger or split). The file is compared by
//! external id with the tree as its latest history leaves it: what is new, renamed, moved,
//! closed (stored with an external id but absent from the file) and unchanged, and every bad
//! line with its number and why. Nothing is applied while any line is bad; applying writes
//! the same steps as a change made by hand (`org_steps`), in one transaction.
//!
//! A change to a stored organisation takes effect on its line's valid-from date when that is
//! after the organisation's latest version began; otherwise (registers that keep a unit's
//! start date there) on the import's change date. Absent organisations close on the change
//! date, or on their successor's first day when a line replaces them. Text that looks like a
//! spreadsheet formula is only text: it is stored and shown as it is, never evaluated.

use super::day::Day;
use super::ids::NodeId;
use super::manager_import::{FileProblem, RawLine};
use super::org::OrgKind;
use super::org_change::{ChangeProblem, checked_name};
use super::org_now::{NodeNow, TreeNow, fits_under};
use super::org_steps::{NodeRef, Step};
use super::people::Email;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The largest file taken (5 MiB: a city's register of some 3,000 organisations is a tenth of
/// it); a larger one is refused before it is read.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// The most lines (besides a header) one import takes.
pub const MAX_IMPORT_LINES: usize = 20_000;
/// The longest external id.
pub const EXTERNAL_ID_MAX_CHARS: usize = 64;
/// The most characters of a refused line shown back.
const SHOWN_MAX_CHARS: usize = 120;

/// Why one line is refused (or, for line 0, an organisation absent from the file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowProblem {
    /// Not five to seven fields.
    WrongFieldCount {
        found: usize,
    },
    IdMissing,
    IdTooLong {
        max: usize,
    },
    NameMissing,
    NameTooLong {
        max: usize,
        actual: usize,
    },
    NameInvalidCharacters,
    UnknownKind,
    InvalidDate,
    /// The same external id as an earlier line.
    Duplicate {
        first_line: usize,
    },
    /// The parent's external id is on no line of the file.
    UnknownParent,
    /// The line's parents lead back to itself.
    Cycle,
    WrongParentKind {
        kind: OrgKind,
        parent: OrgKind,
    },
    /// A stored organisation's kind cannot change (close it and add a new one).
    KindChanged {
        stored: OrgKind,
    },
    /// It would begin before its parent does.
    BeforeParent,
    /// The change would come on or before the first day of its latest stored version.
    TooEarly {
        earliest: Day,
    },
    /// The organisation with this id has closed; a closed one does not open again.
    ReopensClosed,
    BadEmail,
    /// A unit manager is only given on a unit (enhet).
    ManagerNotUnit,
    /// A replaced organisation's id is not stored.
    UnknownPredecessor {
        id: String,
    },
    /// An organisation that closes has something open below it that is not in the file.
    ChildrenNotInFile {
        count: usize,
    },
}

/// A refused line and everything wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineError {
    /// The line number in the file (from 1); 0 for an organisation absent from it.
    pub number: usize,
    /// The line's fields as in the file, shortened, to recognise it by (only ever shown as text).
    pub shown: String,
    pub problems: Vec<RowProblem>,
}

/// What the import does to one line's organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    New,
    /// Renamed (from the old name), moved (from the old parent's name), or both.
    Changed {
        renamed_from: Option<String>,
        moved_from: Option<String>,
    },
    Unchanged,
}

/// A line's organisation and what happens to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffRow {
    pub number: usize,
    pub external_id: String,
    pub name: String,
    pub kind: OrgKind,
    /// The parent's name (the city's for a line without a parent).
    pub parent: Option<String>,
    pub outcome: Outcome,
    /// When it takes effect.
    pub from: Day,
    /// The names of the organisations it replaces.
    pub replaces: Vec<String>,
}

/// A stored organisation absent from the file: it closes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedRow {
    pub node: NodeId,
    pub external_id: String,
    pub name: String,
    pub last_day: Day,
}

/// A unit manager the file names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagerLine {
    pub number: usize,
    pub email: Email,
    pub unit_name: String,
    /// The unit, stored or made by the import.
    pub unit: NodeRef,
}

/// An import's counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportCounts {
    pub lines: usize,
    pub new: usize,
    pub renamed: usize,
    pub moved: usize,
    pub closed: usize,
    pub unchanged: usize,
    pub managers: usize,
    pub refused: usize,
}

/// What an import would do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportDiff {
    pub file_problem: Option<FileProblem>,
    /// The date changes without a later date of their own take effect, and absent
    /// organisations close (their last day is the day before).
    pub change_day: Option<Day>,
    /// Every line that is not refused, in file order.
    pub rows: Vec<DiffRow>,
    pub closed: Vec<ClosedRow>,
    pub managers: Vec<ManagerLine>,
    pub errors: Vec<LineError>,
    /// The writes, when nothing is refused (server side only).
    #[serde(skip)]
    pub steps: Vec<Step>,
}

impl ImportDiff {
    pub fn refused(problem: FileProblem) -> Self {
        ImportDiff { file_problem: Some(problem), ..ImportDiff::default() }
    }

    /// Whether it can be applied: readable, no refused line, and something in it.
    pub fn applicable(&self) -> bool {
        self.file_problem.is_none() && self.errors.is_empty() && !self.rows.is_empty()
    }

    pub fn counts(&self) -> ImportCounts {
        let changed = |test: fn(&Outcome) -> bool| self.rows.iter().filter(|row| test(&row.outcome)).count();
        ImportCounts {
            lines: self.rows.len() + self.errors.iter().filter(|error| error.number > 0).count(),
            new: changed(|outcome| *outcome == Outcome::New),
            renamed: changed(|outcome| matches!(outcome, Outcome::Changed { renamed_from: Some(_), .. })),
            moved: changed(|outcome| matches!(outcome, Outcome::Changed { moved_from: Some(_), .. })),
            closed: self.closed.len(),
            unchanged: changed(|outcome| *outcome == Outcome::Unchanged),
            managers: self.managers.len(),
            refused: self.errors.len(),
        }
    }

    /// The counts as the admin log keeps them.
    pub fn log_detail(&self) -> String {
        let counts = self.counts();
        format!(
            "lines={} new={} renamed={} moved={} closed={} unchanged={} managers={}",
            counts.lines, counts.new, counts.renamed, counts.moved, counts.closed, counts.unchanged, counts.managers
        )
    }
}

/// Reads a kind: its key, or its Swedish name (any case).
pub fn parse_kind(raw: &str) -> Option<OrgKind> {
    let text = raw.trim().to_lowercase();
    let kind = match text.as_str() {
        "stadsdelsförvaltning" => Some(OrgKind::DistrictAdministration),
        "fackförvaltning" => Some(OrgKind::SpecialistAdministration),
        other => OrgKind::from_key(other),
    };
    kind.filter(|kind| *kind != OrgKind::City)
}

/// Reads a date cell: `YYYY-MM-DD`, possibly followed by a time (as spreadsheets write them).
pub fn parse_date(raw: &str) -> Option<Day> {
    let text = raw.trim();
    let date = match text.char_indices().nth(10) {
        Some((at, 'T' | ' ')) => &text[..at],
        _ => text,
    };
    Day::parse(date)
}

/// Words a header line's fields are made of.
const HEADER_WORDS: [&str; 10] = ["id", "namn", "name", "typ", "kind", "från", "from", "datum", "förälder", "parent"];

/// Whether a first line is a header: no date where the date goes, and words that name columns.
pub fn is_header(cells: &[String]) -> bool {
    cells.get(4).is_none_or(|cell| parse_date(cell).is_none())
        && cells.iter().any(|cell| {
            let cell = cell.to_lowercase();
            HEADER_WORDS.iter().any(|word| cell.contains(word))
        })
}

fn shown(line: &RawLine) -> String {
    let text = line.cells.join("; ");
    if text.chars().count() <= SHOWN_MAX_CHARS {
        text
    } else {
        format!("{}…", text.chars().take(SHOWN_MAX_CHARS).collect::<String>())
    }
}

/// A line read on its own.
struct Row<'l> {
    line: &'l RawLine,
    id: String,
    name: String,
    parent: Option<String>,
    kind: Option<OrgKind>,
    from: Option<Day>,
    email: Option<Email>,
    replaces: Vec<String>,
    problems: Vec<RowProblem>,
}

fn read_row(line: &RawLine) -> Result<Row<'_>, RowProblem> {
    let mut cells: &[String] = &line.cells;
    while cells.len() > 5 && cells.last().is_some_and(|cell| cell.trim().is_empty()) {
        cells = &cells[..cells.len() - 1];
    }
    if !(5..=7).contains(&cells.len()) {
        return Err(RowProblem::WrongFieldCount { found: cells.len() });
    }
    let cell = |index: usize| cells.get(index).map(|cell| cell.trim()).unwrap_or("");
    let mut problems = Vec::new();
    let id = cell(0).to_owned();
    if id.is_empty() {
        problems.push(RowProblem::IdMissing);
    } else if id.chars().count() > EXTERNAL_ID_MAX_CHARS || id.chars().any(char::is_control) {
        problems.push(RowProblem::IdTooLong { max: EXTERNAL_ID_MAX_CHARS });
    }
    let name = match checked_name(cell(1)) {
        Ok(name) => name,
        Err(problem) => {
            problems.push(match problem {
                ChangeProblem::NameTooLong { max, actual } => RowProblem::NameTooLong { max, actual },
                ChangeProblem::NameInvalidCharacters => RowProblem::NameInvalidCharacters,
                _ => RowProblem::NameMissing,
            });
            String::new()
        }
    };
    let parent = Some(cell(2).to_owned()).filter(|parent| !parent.is_empty());
    let kind = parse_kind(cell(3));
    if kind.is_none() {
        problems.push(RowProblem::UnknownKind);
    }
    let from = parse_date(cell(4));
    if from.is_none() {
        problems.push(RowProblem::InvalidDate);
    }
    let email = match cell(5) {
        "" => None,
        text => Email::parse(text).map_err(|_| problems.push(RowProblem::BadEmail)).ok(),
    };
    if email.is_some() && kind.is_some_and(|kind| kind != OrgKind::Unit) {
        problems.push(RowProblem::ManagerNotUnit);
    }
    let replaces =
        cell(6).split([',', ';', ' ', '|']).map(str::trim).filter(|id| !id.is_empty()).map(str::to_owned).collect();
    Ok(Row { line, id, name, parent, kind, from, email, replaces, problems })
}

/// Marks every row whose chain of parents (in the file) loops.
fn rows_in_cycles(rows: &[Row<'_>], index_of: &HashMap<&str, usize>) -> Vec<bool> {
    // 0 unvisited, 1 on the current walk, 2 leads to the city, 3 leads into a loop.
    let mut state = vec![0u8; rows.len()];
    for start in 0..rows.len() {
        let mut walk = Vec::new();
        let mut current = Some(start);
        let end = loop {
            let Some(at) = current else { break 2 };
            match state[at] {
                0 => {
                    state[at] = 1;
                    walk.push(at);
                    current = rows[at].parent.as_deref().and_then(|parent| index_of.get(parent).copied());
                }
                1 => break 3,
                done => break done,
            }
        };
        for at in walk {
            state[at] = end;
        }
    }
    state.into_iter().map(|state| state == 3).collect()
}

/// Where a line's organisation is, once the file is applied.
#[derive(Clone)]
enum Placed {
    Stored(NodeId),
    /// Made by the import: its index among the rows.
    New(usize),
}

/// Compares the file's lines with `tree`; `change_day` dates changes without a later date of
/// their own, and closures.
pub fn diff(lines: &[RawLine], tree: &TreeNow, change_day: Day) -> ImportDiff {
    if lines.is_empty() {
        return ImportDiff::refused(FileProblem::Empty);
    }
    if lines.len() > MAX_IMPORT_LINES {
        return ImportDiff::refused(FileProblem::TooManyLines { max: MAX_IMPORT_LINES });
    }
    let mut result = ImportDiff { change_day: Some(change_day), ..ImportDiff::default() };
    let Some(root) = tree.root() else { return ImportDiff::refused(FileProblem::Unreadable) };

    let mut rows = Vec::with_capacity(lines.len());
    for line in lines {
        match read_row(line) {
            Ok(row) => rows.push(row),
            Err(problem) => {
                result.errors.push(LineError { number: line.number, shown: shown(line), problems: vec![problem] })
            }
        }
    }
    // The first line of each id.
    let mut index_of: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
    let mut duplicates = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        if row.id.is_empty() {
            continue;
        }
        match index_of.get(row.id.as_str()) {
            Some(first) => duplicates.push((index, rows[*first].line.number)),
            None => {
                index_of.insert(row.id.as_str(), index);
            }
        }
    }
    let mut extra: Vec<Vec<RowProblem>> = vec![Vec::new(); rows.len()];
    for (index, first_line) in duplicates {
        extra[index].push(RowProblem::Duplicate { first_line });
    }
    let cycles = rows_in_cycles(&rows, &index_of);

    // Each line's organisation: stored (matched by id) or new.
    let stored: Vec<Option<&NodeNow>> = rows.iter().map(|row| tree.by_external_id(&row.id)).collect();
    let placed = |index: usize| match stored[index] {
        Some(node) => Placed::Stored(node.id),
        None => Placed::New(index),
    };
    // When each line's organisation begins (stored: its first day; new: its line's date).
    let begins = |index: usize| stored[index].map(|node| node.valid_from).or(rows[index].from);

    for (index, row) in rows.iter().enumerate() {
        let problems = &mut extra[index];
        let parent_index = row.parent.as_deref().map(|parent| index_of.get(parent).copied());
        match parent_index {
            Some(None) => problems.push(RowProblem::UnknownParent),
            _ if cycles[index] => problems.push(RowProblem::Cycle),
            Some(Some(parent)) => {
                if let (Some(kind), Some(parent_kind)) = (row.kind, rows[parent].kind)
                    && !fits_under(kind, parent_kind)
                {
                    problems.push(RowProblem::WrongParentKind { kind, parent: parent_kind });
                }
            }
            None => {
                if let Some(kind) = row.kind
                    && !fits_under(kind, root.kind)
                {
                    problems.push(RowProblem::WrongParentKind { kind, parent: root.kind });
                }
            }
        }
        if let Some(node) = stored[index] {
            if !node.is_open() {
                problems.push(RowProblem::ReopensClosed);
            } else if row.kind.is_some_and(|kind| kind != node.kind) {
                problems.push(RowProblem::KindChanged { stored: node.kind });
            }
        }
        for predecessor in &row.replaces {
            if predecessor == &row.id || tree.by_external_id(predecessor).is_none() {
                problems.push(RowProblem::UnknownPredecessor { id: predecessor.clone() });
            }
        }
    }

    // What each good line does.
    let parent_name = |index: usize| -> Option<String> {
        match rows[index].parent.as_deref().and_then(|parent| index_of.get(parent)) {
            Some(parent) => Some(rows[*parent].name.clone()),
            None => Some(root.name.clone()),
        }
    };
    let mut effective: Vec<Option<Day>> = vec![None; rows.len()];
    for (index, row) in rows.iter().enumerate() {
        if !row.problems.is_empty() || !extra[index].is_empty() {
            continue;
        }
        let Some(from) = row.from else { continue };
        let parent_index = row.parent.as_deref().and_then(|parent| index_of.get(parent).copied());
        let parent_begins = match parent_index {
            Some(parent) => begins(parent),
            None => Some(root.valid_from),
        };
        let (outcome, when) = match stored[index] {
            None => (Outcome::New, from),
            Some(node) => {
                let new_parent = match parent_index {
                    Some(parent) => match placed(parent) {
                        Placed::Stored(id) => Some(id),
                        Placed::New(_) => None,
                    },
                    None => Some(root.id),
                };
                let moved = new_parent != node.parent;
                let renamed = row.name != node.name;
                if !moved && !renamed {
                    (Outcome::Unchanged, from)
                } else {
                    let when = if from > node.version_from { from } else { change_day };
                    if when <= node.version_from {
                        let earliest = node.version_from.next().unwrap_or(node.version_from);
                        extra[index].push(RowProblem::TooEarly { earliest });
                    }
                    let renamed_from = renamed.then(|| node.name.clone());
                    let moved_from =
                        moved.then(|| node.parent.and_then(|id| tree.get(id)).map(|parent| parent.name.clone()));
                    (Outcome::Changed { renamed_from, moved_from: moved_from.flatten() }, when)
                }
            }
        };
        let starts_or_moves =
            outcome == Outcome::New || matches!(outcome, Outcome::Changed { moved_from: Some(_), .. });
        if starts_or_moves && parent_begins.is_some_and(|begins| when < begins) {
            extra[index].push(RowProblem::BeforeParent);
        }
        effective[index] = Some(when);
        if extra[index].is_empty() {
            result.rows.push(DiffRow {
                number: row.line.number,
                external_id: row.id.clone(),
                name: row.name.clone(),
                kind: row.kind.unwrap_or(OrgKind::Unit),
                parent: parent_name(index),
                outcome,
                from: when,
                replaces: row
                    .replaces
                    .iter()
                    .filter_map(|id| tree.by_external_id(id).map(|node| node.name.clone()))
                    .collect(),
            });
        }
    }

    // Absent organisations close: on their successor's first day, else on the change day.
    let mut successor_day: HashMap<NodeId, Day> = HashMap::new();
    for row in &rows {
        let Some(from) = row.from else { continue };
        for predecessor in row.replaces.iter().filter_map(|id| tree.by_external_id(id)) {
            let day = successor_day.entry(predecessor.id).or_insert(from);
            *day = (*day).min(from);
        }
    }
    let mut absent: Vec<&NodeNow> = tree
        .with_external_ids()
        .filter(|node| node.is_open() && node.external_id.as_deref().is_some_and(|id| !index_of.contains_key(id)))
        .collect();
    absent.sort_by_key(|node| node.id);
    let closing: std::collections::HashSet<NodeId> = absent.iter().map(|node| node.id).collect();
    let in_file: std::collections::HashSet<NodeId> = stored.iter().flatten().map(|node| node.id).collect();
    for node in &absent {
        let from = successor_day.get(&node.id).copied().unwrap_or(change_day);
        let mut problems = Vec::new();
        if from <= node.version_from {
            problems.push(RowProblem::TooEarly { earliest: node.version_from.next().unwrap_or(node.version_from) });
        }
        let left_below = tree
            .open_children(node.id)
            .iter()
            .filter(|child| !closing.contains(child) && !in_file.contains(child))
            .count();
        if left_below > 0 {
            problems.push(RowProblem::ChildrenNotInFile { count: left_below });
        }
        let external_id = node.external_id.clone().unwrap_or_default();
        if problems.is_empty() {
            let last_day = from.previous().unwrap_or(from);
            result.closed.push(ClosedRow { node: node.id, external_id, name: node.name.clone(), last_day });
        } else {
            result.errors.push(LineError { number: 0, shown: format!("{external_id}; {}", node.name), problems });
        }
    }

    for (index, row) in rows.iter().enumerate() {
        let mut problems = row.problems.clone();
        problems.extend(extra[index].iter().cloned());
        if !problems.is_empty() {
            result.errors.push(LineError { number: row.line.number, shown: shown(row.line), problems });
        }
    }
    result.errors.sort_by_key(|error| error.number);
    if !result.errors.is_empty() {
        return result;
    }

    // The writes: new organisations parents first, then changes, closures and successions.
    let depth = |mut index: usize| {
        let mut depth = 0usize;
        while let Some(parent) = rows[index].parent.as_deref().and_then(|parent| index_of.get(parent)) {
            index = *parent;
            depth += 1;
        }
        depth
    };
    let mut new_rows: Vec<usize> = (0..rows.len()).filter(|index| stored[*index].is_none()).collect();
    new_rows.sort_by_key(|index| (depth(*index), *index));
    let created: HashMap<usize, usize> = new_rows.iter().enumerate().map(|(order, index)| (*index, order)).collect();
    let node_ref = |index: usize| match placed(index) {
        Placed::Stored(id) => NodeRef::Existing(id),
        Placed::New(index) => NodeRef::New(created[&index]),
    };
    let parent_ref = |index: usize| match rows[index].parent.as_deref().and_then(|parent| index_of.get(parent)) {
        Some(parent) => node_ref(*parent),
        None => NodeRef::Existing(root.id),
    };
    let mut steps = Vec::new();
    for index in &new_rows {
        let row = &rows[*index];
        steps.push(Step::Create {
            kind: row.kind.unwrap_or(OrgKind::Unit),
            name: row.name.clone(),
            parent: Some(parent_ref(*index)),
            from: effective[*index].unwrap_or(change_day),
            external_id: Some(row.id.clone()),
        });
    }
    for row in &result.rows {
        if let Outcome::Changed { .. } = row.outcome
            && let Some(at) = index_of.get(row.external_id.as_str())
            && let Some(node) = stored[*at]
        {
            steps.push(Step::Version {
                node: node.id,
                name: row.name.clone(),
                parent: Some(parent_ref(*at)),
                from: row.from,
            });
        }
    }
    for closed in &result.closed {
        let from = successor_day.get(&closed.node).copied().unwrap_or(change_day);
        steps.push(Step::Close { node: closed.node, from });
    }
    for (index, row) in rows.iter().enumerate() {
        for predecessor in row.replaces.iter().filter_map(|id| tree.by_external_id(id)) {
            steps.push(Step::Succession {
                predecessor: predecessor.id,
                successor: node_ref(index),
                from: row.from.unwrap_or(change_day),
            });
        }
        if let Some(email) = &row.email {
            result.managers.push(ManagerLine {
                number: row.line.number,
                email: email.clone(),
                unit_name: row.name.clone(),
                unit: node_ref(index),
            });
        }
    }
    result.steps = steps;
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org_now::tests::{day, node};

    /// The lines as the file reader gives them: split at `;`, a header line left out.
    fn lines(text: &str) -> Vec<RawLine> {
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(index, line)| RawLine { number: index + 1, cells: line.split(';').map(str::to_owned).collect() })
            .filter(|line| !(line.number == 1 && is_header(&line.cells)))
            .collect()
    }

    fn with_id(mut node: NodeNow, id: &str) -> NodeNow {
        node.external_id = Some(id.to_owned());
        node
    }

    /// The city (no external id) with the 2022 tree imported: Spånga-Tensta (ST) and
    /// Rinkeby-Kista (RK), each with a department and a unit.
    fn tree_2022() -> TreeNow {
        TreeNow::new(vec![
            node(1, OrgKind::City, "Stockholms stad", None),
            with_id(node(10, OrgKind::DistrictAdministration, "Spånga-Tensta", Some(1)), "ST"),
            with_id(node(11, OrgKind::Department, "Förskola ST", Some(10)), "ST-F"),
            with_id(node(12, OrgKind::Unit, "Tensta förskola", Some(11)), "ST-F-1"),
            with_id(node(20, OrgKind::DistrictAdministration, "Rinkeby-Kista", Some(1)), "RK"),
            with_id(node(21, OrgKind::Department, "Förskola RK", Some(20)), "RK-F"),
            with_id(node(22, OrgKind::Unit, "Rinkeby förskola", Some(21)), "RK-F-1"),
        ])
    }

    const FILE_2023: &str = "\
Id;Namn;Förälder;Typ;Giltig från;Enhetschef;Ersätter
J;Järva;;stadsdelsforvaltning;2023-01-01;;ST RK
J-F;Förskola Järva;J;avdelning;2023-01-01
ST-F-1;Tensta förskola;J-F;enhet;2023-01-01;anna@stad.se
RK-F-1;Rinkeby förskola;J-F;enhet;2015-01-01
";

    #[test]
    fn the_2023_merger_is_new_moved_closed_and_succeeded_from_new_year() {
        let diff = diff(&lines(FILE_2023), &tree_2022(), day("2023-01-01"));
        assert_eq!(diff.errors, []);
        let counts = diff.counts();
        assert_eq!((counts.new, counts.moved, counts.renamed, counts.closed, counts.unchanged), (2, 2, 0, 4, 0));
        assert_eq!(counts.managers, 1);
        assert!(diff.applicable());
        let closed: Vec<(&str, Day)> =
            diff.closed.iter().map(|closed| (closed.external_id.as_str(), closed.last_day)).collect();
        assert_eq!(
            closed,
            [
                ("ST", day("2022-12-31")),
                ("ST-F", day("2022-12-31")),
                ("RK", day("2022-12-31")),
                ("RK-F", day("2022-12-31"))
            ]
        );
        let from = day("2023-01-01");
        assert!(diff.steps.contains(&Step::Succession { predecessor: NodeId(10), successor: NodeRef::New(0), from }));
        assert!(diff.steps.contains(&Step::Succession { predecessor: NodeId(20), successor: NodeRef::New(0), from }));
        // The unit dated with its start date moves on the change day.
        assert!(diff.steps.contains(&Step::Version {
            node: NodeId(22),
            name: "Rinkeby förskola".into(),
            parent: Some(NodeRef::New(1)),
            from
        }));
        assert!(matches!(diff.steps[0], Step::Create { ref name, .. } if name == "Järva"), "parents first");
    }

    #[test]
    fn the_same_file_again_changes_nothing() {
        let file = "ST;Spånga-Tensta;;stadsdelsforvaltning;2015-01-01\nST-F;Förskola ST;ST;avdelning;2015-01-01\n\
                    ST-F-1;Tensta förskola;ST-F;enhet;2015-01-01\nRK;Rinkeby-Kista;;stadsdelsforvaltning;2015-01-01\n\
                    RK-F;Förskola RK;RK;avdelning;2015-01-01\nRK-F-1;Rinkeby förskola;RK-F;enhet;2015-01-01";
        let diff = diff(&lines(file), &tree_2022(), day("2026-12-01"));
        assert_eq!(diff.errors, []);
        assert_eq!(diff.counts().unchanged, 6);
        assert_eq!(diff.steps, []);
    }

    #[test]
    fn a_rename_on_a_later_date_takes_that_date_and_an_absent_unit_closes_on_the_change_day() {
        let file = "ST;Spånga-Tensta;;stadsdelsforvaltning;2015-01-01\nST-F;Förskolor;ST;avdelning;2024-08-01\n\
                    RK;Rinkeby-Kista;;stadsdelsforvaltning;2015-01-01\nRK-F;Förskola RK;RK;avdelning;2015-01-01\n\
                    RK-F-1;Rinkeby förskola;RK-F;enhet;2015-01-01";
        let diff = diff(&lines(file), &tree_2022(), day("2026-12-01"));
        assert_eq!(diff.errors, []);
        let renamed = diff.rows.iter().find(|row| row.external_id == "ST-F").unwrap();
        assert_eq!(renamed.outcome, Outcome::Changed { renamed_from: Some("Förskola ST".into()), moved_from: None });
        assert_eq!(renamed.from, day("2024-08-01"));
        assert_eq!(diff.closed[0].name, "Tensta förskola");
        assert_eq!(diff.closed[0].last_day, day("2026-11-30"));
    }

    #[test]
    fn every_bad_line_says_why_and_nothing_is_planned() {
        let long = "x".repeat(10_000);
        let file = format!(
            "A;Avdelning A;B;avdelning;2023-01-01\n\
             B;Avdelning B;A;avdelning;2023-01-01\n\
             C;Enhet C;NOPE;enhet;2023-01-01\n\
             D;{long};;bolag;2023-01-01\n\
             E;=HYPERLINK(\"http://evil\",\"klick\");;bolag;2023-01-01\n\
             E;Dubbel;;bolag;2023-01-01\n\
             F;Fel typ;;nämnd;2023-13-01\n\
             G;;;bolag;2023-01-01\n\
             H;Enhet H;;enhet;2023-01-01\n\
             I;Kort\n"
        );
        let diff = diff(&lines(&file), &tree_2022(), day("2023-01-01"));
        let why: Vec<(usize, Vec<RowProblem>)> =
            diff.errors.iter().map(|error| (error.number, error.problems.clone())).collect();
        assert_eq!(
            why,
            [
                (1, vec![RowProblem::Cycle]),
                (2, vec![RowProblem::Cycle]),
                (3, vec![RowProblem::UnknownParent]),
                (4, vec![RowProblem::NameTooLong { max: 200, actual: 10_000 }]),
                (6, vec![RowProblem::Duplicate { first_line: 5 }]),
                (7, vec![RowProblem::UnknownKind, RowProblem::InvalidDate]),
                (8, vec![RowProblem::NameMissing]),
                (9, vec![RowProblem::WrongParentKind { kind: OrgKind::Unit, parent: OrgKind::City }]),
                (10, vec![RowProblem::WrongFieldCount { found: 2 }]),
            ]
        );
        assert!(!diff.applicable() && diff.steps.is_empty());
        // The formula is a name like any other, kept as written.
        let formula = diff.rows.iter().find(|row| row.external_id == "E").unwrap();
        assert_eq!(formula.name, "=HYPERLINK(\"http://evil\",\"klick\")");
        assert!(diff.errors.iter().all(|error| error.shown.chars().count() <= SHOWN_MAX_CHARS + 1));
    }

    #[test]
    fn a_closed_organisation_does_not_reopen_and_its_kind_does_not_change() {
        let before = tree_2022();
        let mut closed = with_id(node(30, OrgKind::Company, "Gammalt bolag", Some(1)), "OLD");
        closed.last_day = Some(day("2020-12-31"));
        let mut nodes: Vec<NodeNow> = vec![closed];
        for id in [1, 10, 11, 12, 20, 21, 22] {
            nodes.push(before.get(NodeId(id)).unwrap().clone());
        }
        let tree = TreeNow::new(nodes);
        let file = "OLD;Gammalt bolag;;bolag;2015-01-01\nST;Spånga-Tensta;;bolag;2015-01-01\nST-F;Förskola ST;ST;avdelning;2015-01-01\n\
                    ST-F-1;Tensta förskola;ST-F;enhet;2015-01-01\nRK;Rinkeby-Kista;;stadsdelsforvaltning;2015-01-01\n\
                    RK-F;Förskola RK;RK;avdelning;2015-01-01\nRK-F-1;Rinkeby förskola;RK-F;enhet;2015-01-01;inte-en-adress";
        let diff = diff(&lines(file), &tree, day("2023-01-01"));
        let why: Vec<(usize, Vec<RowProblem>)> =
            diff.errors.iter().map(|error| (error.number, error.problems.clone())).collect();
        assert_eq!(
            why,
            [
                (1, vec![RowProblem::ReopensClosed]),
                (2, vec![RowProblem::KindChanged { stored: OrgKind::DistrictAdministration }]),
                (7, vec![RowProblem::BadEmail]),
            ]
        );
    }

    #[test]
    fn an_absent_organisation_with_something_not_in_the_file_below_it_does_not_close() {
        let mut nodes = vec![node(1, OrgKind::City, "Stockholms stad", None)];
        nodes.push(with_id(node(10, OrgKind::Company, "Bolaget", Some(1)), "B"));
        nodes.push(node(11, OrgKind::Unit, "Handgjord enhet", Some(10)));
        let diff = diff(&lines("X;Annat bolag;;bolag;2023-01-01"), &TreeNow::new(nodes), day("2023-01-01"));
        assert_eq!(diff.errors.len(), 1);
        assert_eq!(diff.errors[0].number, 0);
        assert_eq!(diff.errors[0].problems, [RowProblem::ChildrenNotInFile { count: 1 }]);
    }

    #[test]
    fn headers_kinds_and_dates_are_read_as_registers_write_them() {
        let header: Vec<String> = ["Enhets-id", "Namn", "Överordnad", "Typ", "Giltig från"].map(str::to_owned).into();
        assert!(is_header(&header));
        let data: Vec<String> = ["1", "Namn", "", "bolag", "2023-01-01"].map(str::to_owned).into();
        assert!(!is_header(&data));
        assert_eq!(parse_kind(" Stadsdelsförvaltning "), Some(OrgKind::DistrictAdministration));
        assert_eq!(parse_kind("ENHET"), Some(OrgKind::Unit));
        assert_eq!(parse_kind("city"), None);
        assert_eq!(parse_date("2023-01-01 00:00:00"), Some(day("2023-01-01")));
        assert_eq!(parse_date("2023-01-01T00:00"), Some(day("2023-01-01")));
        assert_eq!(parse_date("1/1/2023"), None);
    }
}
