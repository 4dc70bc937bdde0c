//! A change to the organisation made by hand, with an effective date: add, rename, move,
//! merge (two or more into one, new or existing), split (one into two or more new ones),
//! close. The form's text is read here (`RawChange`), checked against the tree as its latest
//! history leaves it (`TreeNow`), and turned into the steps that write it (`org_steps`).
//!
//! The effective date is the first day of the new state; the old state's last day is the day
//! before (`valid_to` is inclusive, as the seeded 2023 merger has it: Spånga-Tensta's last
//! day 2022-12-31, Järva's first 2023-01-01). A change comes after a node's latest version
//! (strictly: a change dated on the day that version began would rewrite it), so history is
//! only ever appended to.

use super::day::Day;
use super::ids::NodeId;
use super::limits::char_count;
use super::org::OrgKind;
use super::org_now::{NodeNow, TreeNow, fits_under};
use super::org_steps::{NodeRef, Step};
use super::reason::checked_reason;
use serde::{Deserialize, Serialize};

/// The longest name of an organisation (the database's limit too).
pub const ORG_NAME_MAX_CHARS: usize = 200;
/// The most new organisations one split makes.
pub const MAX_SPLIT_PARTS: usize = 20;
/// The most organisations one merger takes.
pub const MAX_MERGED: usize = 20;

/// Which change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChangeKind {
    Add,
    Rename,
    Move,
    Merge,
    Split,
    Close,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 6] = [
        ChangeKind::Add,
        ChangeKind::Rename,
        ChangeKind::Move,
        ChangeKind::Merge,
        ChangeKind::Split,
        ChangeKind::Close,
    ];

    /// The key in addresses and forms.
    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Add => "ny",
            ChangeKind::Rename => "byt-namn",
            ChangeKind::Move => "flytta",
            ChangeKind::Merge => "sla-samman",
            ChangeKind::Split => "dela",
            ChangeKind::Close => "stang",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

/// The form as sent: every field as text (empty when not used by the change).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawChange {
    /// A `ChangeKind` key.
    pub kind: String,
    /// The organisation changed (add: none).
    pub node: String,
    /// The organisations merged, ids separated by commas or spaces.
    pub nodes: String,
    /// The new parent (add, move).
    pub parent: String,
    /// An existing organisation the merged ones become part of; empty for a new one.
    pub successor: String,
    /// The new name (add, rename, a merger into a new organisation).
    pub name: String,
    /// The names of a split's new organisations, one a line.
    pub names: String,
    /// The kind of a new organisation (an `OrgKind` key).
    pub org_kind: String,
    /// The first day of the new state, `YYYY-MM-DD`.
    pub effective: String,
    /// Why (for the admin log).
    pub reason: String,
}

/// A change, read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrgChange {
    Add {
        parent: NodeId,
        kind: OrgKind,
        name: String,
    },
    Rename {
        node: NodeId,
        name: String,
    },
    Move {
        node: NodeId,
        parent: NodeId,
    },
    /// Into `successor`, or into a new organisation named `name` (of the first merged one's
    /// kind, under its parent).
    Merge {
        nodes: Vec<NodeId>,
        successor: Option<NodeId>,
        name: String,
    },
    /// Into new organisations of the same kind and parent; what was under it goes to the first.
    Split {
        node: NodeId,
        names: Vec<String>,
    },
    Close {
        node: NodeId,
    },
}

/// Why a change cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeProblem {
    UnknownKind,
    /// No organisation chosen where one is needed.
    NodeMissing,
    ParentMissing,
    /// No such organisation.
    UnknownNode,
    /// The organisation is closed.
    Closed {
        name: String,
    },
    /// The city cannot be moved, merged, split or closed.
    IsRoot,
    NameMissing,
    NameTooLong {
        max: usize,
        actual: usize,
    },
    NameInvalidCharacters,
    /// A rename to the name it has.
    SameName,
    /// A move to the parent it has.
    SameParent,
    /// A move under itself or something below it.
    Cycle,
    /// A kind that cannot sit under the parent's kind.
    WrongParentKind {
        kind: OrgKind,
        parent: OrgKind,
    },
    KindMissing,
    DateMissing,
    InvalidDate,
    /// The change would come before or on the first day of `name`'s latest version (or
    /// before the parent existed): the earliest possible date.
    TooEarly {
        name: String,
        earliest: Day,
    },
    /// A merger needs two or more (or one and an existing successor), a split two or more names.
    TooFew,
    TooMany {
        max: usize,
    },
    /// The same name twice among a split's new organisations.
    DuplicateName {
        name: String,
    },
    /// Organisations of different kinds cannot be merged.
    KindsDiffer,
    /// The successor is among the merged ones or below one of them.
    SuccessorInside,
    /// Something open is still below it: move or close that first.
    HasOpenChildren {
        count: usize,
    },
    ReasonMissing,
    ReasonTooLong {
        max: usize,
        actual: usize,
    },
}

/// A change that can be made: what it is, from when, why, and the steps that write it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedChange {
    pub kind: ChangeKind,
    pub change: OrgChange,
    pub effective: Day,
    pub reason: String,
    pub steps: Vec<Step>,
    /// The organisation the change is about (the first merged one; for an addition, none
    /// until it is written).
    pub node: Option<NodeId>,
}

/// A name as stored: trimmed, inner runs of spaces made one; not empty, at most
/// [`ORG_NAME_MAX_CHARS`], no line breaks or control characters. Text that looks like a
/// spreadsheet formula is just a name.
pub fn checked_name(raw: &str) -> Result<String, ChangeProblem> {
    if raw.chars().any(|c| c.is_control() && c != '\t') {
        return Err(ChangeProblem::NameInvalidCharacters);
    }
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    match char_count(&name) {
        0 => Err(ChangeProblem::NameMissing),
        actual if actual > ORG_NAME_MAX_CHARS => Err(ChangeProblem::NameTooLong { max: ORG_NAME_MAX_CHARS, actual }),
        _ => Ok(name),
    }
}

fn node_id(raw: &str) -> Option<NodeId> {
    raw.trim().parse::<i64>().ok().filter(|id| *id > 0).map(NodeId)
}

/// Ids separated by commas, semicolons or spaces; anything else is ignored.
pub fn node_ids(raw: &str) -> Vec<NodeId> {
    let mut ids: Vec<NodeId> = Vec::new();
    for id in raw.split([',', ';', ' ', '\n', '\r', '\t']).filter_map(node_id) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// `id`, or (when `needed`) the problem of its missing.
fn need(id: Option<NodeId>, needed: bool, missing: ChangeProblem, problems: &mut Vec<ChangeProblem>) -> Option<NodeId> {
    if id.is_none() && needed {
        problems.push(missing);
    }
    id
}

/// Reads the form into a change (without looking at the tree).
fn read(raw: &RawChange, problems: &mut Vec<ChangeProblem>) -> Option<(ChangeKind, OrgChange)> {
    let Some(kind) = ChangeKind::from_key(raw.kind.trim()) else {
        problems.push(ChangeProblem::UnknownKind);
        return None;
    };
    let needs_node = matches!(kind, ChangeKind::Rename | ChangeKind::Move | ChangeKind::Split | ChangeKind::Close);
    let node = need(node_id(&raw.node), needs_node, ChangeProblem::NodeMissing, problems);
    let parent = || node_id(&raw.parent);
    let change = match kind {
        ChangeKind::Add => {
            let parent = need(parent(), true, ChangeProblem::ParentMissing, problems);
            let org_kind = OrgKind::from_key(raw.org_kind.trim());
            if org_kind.is_none() {
                problems.push(ChangeProblem::KindMissing);
            }
            let name = checked_name(&raw.name).map_err(|problem| problems.push(problem)).ok();
            OrgChange::Add { parent: parent?, kind: org_kind?, name: name? }
        }
        ChangeKind::Rename => {
            let name = checked_name(&raw.name).map_err(|problem| problems.push(problem)).ok();
            OrgChange::Rename { node: node?, name: name? }
        }
        ChangeKind::Move => {
            let parent = need(parent(), true, ChangeProblem::ParentMissing, problems);
            OrgChange::Move { node: node?, parent: parent? }
        }
        ChangeKind::Merge => {
            let nodes = node_ids(&raw.nodes);
            let successor = node_id(&raw.successor);
            let name = match successor {
                Some(_) => String::new(),
                None => checked_name(&raw.name).map_err(|problem| problems.push(problem)).ok()?,
            };
            let enough = nodes.len() >= if successor.is_some() { 1 } else { 2 };
            if !enough {
                problems.push(ChangeProblem::TooFew);
            } else if nodes.len() > MAX_MERGED {
                problems.push(ChangeProblem::TooMany { max: MAX_MERGED });
            }
            OrgChange::Merge { nodes, successor, name }
        }
        ChangeKind::Split => {
            let mut names = Vec::new();
            for line in raw.names.lines().filter(|line| !line.trim().is_empty()) {
                match checked_name(line) {
                    Ok(name) if names.contains(&name) => problems.push(ChangeProblem::DuplicateName { name }),
                    Ok(name) => names.push(name),
                    Err(problem) => problems.push(problem),
                }
            }
            if names.len() < 2 {
                problems.push(ChangeProblem::TooFew);
            } else if names.len() > MAX_SPLIT_PARTS {
                problems.push(ChangeProblem::TooMany { max: MAX_SPLIT_PARTS });
            }
            OrgChange::Split { node: node?, names }
        }
        ChangeKind::Close => OrgChange::Close { node: node? },
    };
    Some((kind, change))
}

/// Checks and plans changes against one tree, collecting problems.
struct Planner<'a> {
    tree: &'a TreeNow,
    effective: Day,
    problems: Vec<ChangeProblem>,
    steps: Vec<Step>,
    created: usize,
}

impl<'a> Planner<'a> {
    /// The node if it exists and is open, else a problem.
    fn open(&mut self, id: NodeId) -> Option<&'a NodeNow> {
        match self.tree.get(id) {
            None => {
                self.problems.push(ChangeProblem::UnknownNode);
                None
            }
            Some(node) if !node.is_open() => {
                self.problems.push(ChangeProblem::Closed { name: node.name.clone() });
                None
            }
            Some(node) => Some(node),
        }
    }

    /// An open node that is not the root.
    fn changeable(&mut self, id: NodeId) -> Option<&'a NodeNow> {
        let node = self.open(id)?;
        if node.parent.is_none() {
            self.problems.push(ChangeProblem::IsRoot);
            return None;
        }
        Some(node)
    }

    /// The change must come after the node's latest version began.
    fn after_latest(&mut self, node: &NodeNow) {
        if self.effective <= node.version_from {
            let earliest = next_day(node.version_from);
            self.problems.push(ChangeProblem::TooEarly { name: node.name.clone(), earliest });
        }
    }

    /// The parent must exist on the effective date.
    fn parent_exists_then(&mut self, parent: &NodeNow) {
        if self.effective < parent.valid_from {
            self.problems.push(ChangeProblem::TooEarly { name: parent.name.clone(), earliest: parent.valid_from });
        }
    }

    fn fits(&mut self, kind: OrgKind, parent: &NodeNow) {
        if !fits_under(kind, parent.kind) {
            self.problems.push(ChangeProblem::WrongParentKind { kind, parent: parent.kind });
        }
    }

    fn create(&mut self, kind: OrgKind, name: String, parent: Option<NodeRef>) -> NodeRef {
        self.steps.push(Step::Create { kind, name, parent, from: self.effective, external_id: None });
        self.created += 1;
        NodeRef::New(self.created - 1)
    }

    /// Moves everything open below `from` (other than `except`) under `to`.
    fn move_children(&mut self, from: NodeId, to: &NodeRef, except: &[NodeId]) {
        let tree = self.tree;
        for child in tree.open_children(from) {
            if except.contains(child) {
                continue;
            }
            let Some(child) = tree.get(*child) else { continue };
            self.after_latest(child);
            let step = Step::Version {
                node: child.id,
                name: child.name.clone(),
                parent: Some(to.clone()),
                from: self.effective,
            };
            self.steps.push(step);
        }
    }

    fn close(&mut self, node: &NodeNow, successor: Option<&NodeRef>) {
        self.steps.push(Step::Close { node: node.id, from: self.effective });
        if let Some(successor) = successor {
            let step = Step::Succession { predecessor: node.id, successor: successor.clone(), from: self.effective };
            self.steps.push(step);
        }
    }

    fn plan(&mut self, change: &OrgChange) {
        let tree = self.tree;
        match change {
            OrgChange::Add { parent, kind, name } => {
                let Some(parent) = self.open(*parent) else { return };
                self.fits(*kind, parent);
                self.parent_exists_then(parent);
                self.create(*kind, name.clone(), Some(NodeRef::Existing(parent.id)));
            }
            OrgChange::Rename { node, name } => {
                let Some(node) = self.open(*node) else { return };
                if node.name == *name {
                    self.problems.push(ChangeProblem::SameName);
                }
                self.after_latest(node);
                let parent = node.parent.map(NodeRef::Existing);
                self.steps.push(Step::Version { node: node.id, name: name.clone(), parent, from: self.effective });
            }
            OrgChange::Move { node, parent } => {
                let Some(node) = self.changeable(*node) else { return };
                let Some(parent) = self.open(*parent) else { return };
                if node.parent == Some(parent.id) {
                    self.problems.push(ChangeProblem::SameParent);
                }
                if tree.is_within(parent.id, node.id) {
                    self.problems.push(ChangeProblem::Cycle);
                }
                self.fits(node.kind, parent);
                self.after_latest(node);
                self.parent_exists_then(parent);
                let step = Step::Version {
                    node: node.id,
                    name: node.name.clone(),
                    parent: Some(NodeRef::Existing(parent.id)),
                    from: self.effective,
                };
                self.steps.push(step);
            }
            OrgChange::Merge { nodes, successor, name } => {
                let merged: Vec<&NodeNow> = nodes.iter().filter_map(|id| self.changeable(*id)).collect();
                if merged.len() != nodes.len() {
                    return;
                }
                let Some(first) = merged.first() else { return };
                if merged.iter().any(|node| node.kind != first.kind) {
                    self.problems.push(ChangeProblem::KindsDiffer);
                }
                let target = match successor {
                    Some(id) => {
                        let Some(successor) = self.open(*id) else { return };
                        if nodes.iter().any(|node| tree.is_within(successor.id, *node)) {
                            self.problems.push(ChangeProblem::SuccessorInside);
                        }
                        if successor.kind != first.kind {
                            self.problems.push(ChangeProblem::KindsDiffer);
                        }
                        if self.effective < successor.valid_from {
                            let earliest = successor.valid_from;
                            self.problems.push(ChangeProblem::TooEarly { name: successor.name.clone(), earliest });
                        }
                        NodeRef::Existing(successor.id)
                    }
                    None => self.create(first.kind, name.clone(), first.parent.map(NodeRef::Existing)),
                };
                for node in &merged {
                    self.after_latest(node);
                    self.move_children(node.id, &target, nodes);
                }
                for node in &merged {
                    self.close(node, Some(&target));
                }
            }
            OrgChange::Split { node, names } => {
                let Some(node) = self.changeable(*node) else { return };
                self.after_latest(node);
                let parts: Vec<NodeRef> = names
                    .iter()
                    .map(|name| self.create(node.kind, name.clone(), node.parent.map(NodeRef::Existing)))
                    .collect();
                if let Some(first) = parts.first() {
                    self.move_children(node.id, first, &[]);
                }
                self.steps.push(Step::Close { node: node.id, from: self.effective });
                for part in &parts {
                    let step = Step::Succession { predecessor: node.id, successor: part.clone(), from: self.effective };
                    self.steps.push(step);
                }
            }
            OrgChange::Close { node } => {
                let Some(node) = self.changeable(*node) else { return };
                let below = tree.open_children(node.id).len();
                if below > 0 {
                    self.problems.push(ChangeProblem::HasOpenChildren { count: below });
                }
                self.after_latest(node);
                self.close(node, None);
            }
        }
    }
}

/// The day after `day` (the earliest a change after it can take effect).
fn next_day(day: Day) -> Day {
    day.next().unwrap_or(day)
}

/// The change the form asks for, checked against `tree`: planned, or every problem found.
pub fn plan_change(raw: &RawChange, tree: &TreeNow) -> Result<PlannedChange, Vec<ChangeProblem>> {
    let mut problems = Vec::new();
    let effective = match raw.effective.trim() {
        "" => {
            problems.push(ChangeProblem::DateMissing);
            None
        }
        text => Day::parse(text).or_else(|| {
            problems.push(ChangeProblem::InvalidDate);
            None
        }),
    };
    let reason = checked_reason(&raw.reason)
        .map_err(|problem| {
            problems.push(match problem {
                super::raw_answers::FieldProblem::TooLong { max, actual } => {
                    ChangeProblem::ReasonTooLong { max, actual }
                }
                _ => ChangeProblem::ReasonMissing,
            })
        })
        .ok();
    let read = read(raw, &mut problems);
    let (Some((kind, change)), Some(effective), Some(reason)) = (read, effective, reason) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut planner = Planner { tree, effective, problems: Vec::new(), steps: Vec::new(), created: 0 };
    planner.plan(&change);
    if !planner.problems.is_empty() {
        let mut problems = planner.problems;
        problems.dedup();
        return Err(problems);
    }
    let node = match &change {
        OrgChange::Add { .. } => None,
        OrgChange::Rename { node, .. }
        | OrgChange::Move { node, .. }
        | OrgChange::Split { node, .. }
        | OrgChange::Close { node } => Some(*node),
        OrgChange::Merge { nodes, successor, .. } => successor.or(nodes.first().copied()),
    };
    Ok(PlannedChange { kind, change, effective, reason, steps: planner.steps, node })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org_now::tests::{city, day};

    fn raw(kind: ChangeKind) -> RawChange {
        RawChange {
            kind: kind.key().to_owned(),
            effective: "2023-01-01".into(),
            reason: "Beslut i kommunfullmäktige".into(),
            ..RawChange::default()
        }
    }

    fn problems(raw: &RawChange) -> Vec<ChangeProblem> {
        plan_change(raw, &city()).expect_err("refused")
    }

    #[test]
    fn an_organisation_is_added_under_a_parent_of_a_fitting_kind() {
        let planned = plan_change(
            &RawChange {
                parent: "100".into(),
                org_kind: "enhet".into(),
                name: "  Förskolan   C ".into(),
                ..raw(ChangeKind::Add)
            },
            &city(),
        )
        .unwrap();
        assert_eq!(
            planned.steps,
            [Step::Create {
                kind: OrgKind::Unit,
                name: "Förskolan C".into(),
                parent: Some(NodeRef::Existing(NodeId(100))),
                from: day("2023-01-01"),
                external_id: None,
            }]
        );
        let wrong =
            RawChange { parent: "1".into(), org_kind: "enhet".into(), name: "X".into(), ..raw(ChangeKind::Add) };
        assert_eq!(problems(&wrong), [ChangeProblem::WrongParentKind { kind: OrgKind::Unit, parent: OrgKind::City }]);
        let closed =
            RawChange { parent: "30".into(), org_kind: "avdelning".into(), name: "X".into(), ..raw(ChangeKind::Add) };
        assert_eq!(problems(&closed), [ChangeProblem::Closed { name: "Spånga-Tensta".into() }]);
    }

    #[test]
    fn a_rename_appends_a_version_and_refuses_the_same_name_or_an_earlier_date() {
        let planned = plan_change(
            &RawChange { node: "1000".into(), name: "Förskolan Ängen".into(), ..raw(ChangeKind::Rename) },
            &city(),
        )
        .unwrap();
        assert_eq!(
            planned.steps,
            [Step::Version {
                node: NodeId(1000),
                name: "Förskolan Ängen".into(),
                parent: Some(NodeRef::Existing(NodeId(100))),
                from: day("2023-01-01"),
            }]
        );
        let same = RawChange { node: "1000".into(), name: "Förskolan A".into(), ..raw(ChangeKind::Rename) };
        assert_eq!(problems(&same), [ChangeProblem::SameName]);
        let on_the_first_day = RawChange {
            node: "1000".into(),
            name: "Ny".into(),
            effective: "2015-01-01".into(),
            ..raw(ChangeKind::Rename)
        };
        assert_eq!(
            problems(&on_the_first_day),
            [ChangeProblem::TooEarly { name: "Förskolan A".into(), earliest: day("2015-01-02") }]
        );
    }

    #[test]
    fn names_are_required_bounded_and_formulas_are_only_text() {
        assert_eq!(checked_name("=HYPERLINK(\"http://x\")"), Ok("=HYPERLINK(\"http://x\")".to_owned()));
        assert_eq!(checked_name("   "), Err(ChangeProblem::NameMissing));
        assert_eq!(checked_name(&"å".repeat(201)), Err(ChangeProblem::NameTooLong { max: 200, actual: 201 }));
        assert!(checked_name(&"å".repeat(200)).is_ok());
        assert_eq!(checked_name("Två\nrader"), Err(ChangeProblem::NameInvalidCharacters));
    }

    #[test]
    fn a_move_under_itself_or_to_a_misfitting_parent_is_refused() {
        let into_own_unit = RawChange { node: "100".into(), parent: "1000".into(), ..raw(ChangeKind::Move) };
        let found = problems(&into_own_unit);
        assert!(found.contains(&ChangeProblem::Cycle), "{found:?}");
        let department_to_city = RawChange { node: "100".into(), parent: "1".into(), ..raw(ChangeKind::Move) };
        assert_eq!(
            problems(&department_to_city),
            [ChangeProblem::WrongParentKind { kind: OrgKind::Department, parent: OrgKind::City }]
        );
        let the_city = RawChange { node: "1".into(), parent: "10".into(), ..raw(ChangeKind::Move) };
        assert_eq!(problems(&the_city), [ChangeProblem::IsRoot]);
        let moved =
            plan_change(&RawChange { node: "100".into(), parent: "20".into(), ..raw(ChangeKind::Move) }, &city());
        assert_eq!(moved.unwrap().steps.len(), 1);
    }

    #[test]
    fn a_merger_into_a_new_organisation_moves_what_was_below_and_records_the_succession() {
        let planned = plan_change(
            &RawChange { nodes: "10, 20".into(), name: "Norra innerstaden".into(), ..raw(ChangeKind::Merge) },
            &city(),
        )
        .unwrap();
        let from = day("2023-01-01");
        let new = NodeRef::New(0);
        assert_eq!(
            planned.steps,
            [
                Step::Create {
                    kind: OrgKind::DistrictAdministration,
                    name: "Norra innerstaden".into(),
                    parent: Some(NodeRef::Existing(NodeId(1))),
                    from,
                    external_id: None
                },
                Step::Version { node: NodeId(100), name: "Förskola".into(), parent: Some(new.clone()), from },
                Step::Version { node: NodeId(200), name: "Äldreomsorg".into(), parent: Some(new.clone()), from },
                Step::Close { node: NodeId(10), from },
                Step::Succession { predecessor: NodeId(10), successor: new.clone(), from },
                Step::Close { node: NodeId(20), from },
                Step::Succession { predecessor: NodeId(20), successor: new, from },
            ]
        );
        let one = RawChange { nodes: "10".into(), name: "X".into(), ..raw(ChangeKind::Merge) };
        assert_eq!(problems(&one), [ChangeProblem::TooFew]);
        let kinds = RawChange { nodes: "10 100".into(), name: "X".into(), ..raw(ChangeKind::Merge) };
        assert!(problems(&kinds).contains(&ChangeProblem::KindsDiffer));
    }

    #[test]
    fn a_merger_into_an_existing_organisation_refuses_one_below_the_merged() {
        let planned = plan_change(
            &RawChange { nodes: "1001".into(), successor: "1000".into(), ..raw(ChangeKind::Merge) },
            &city(),
        )
        .unwrap();
        assert_eq!(planned.node, Some(NodeId(1000)));
        assert_eq!(planned.steps.len(), 2, "closed and succeeded: {:?}", planned.steps);
        let inside = RawChange { nodes: "10".into(), successor: "100".into(), ..raw(ChangeKind::Merge) };
        assert!(problems(&inside).contains(&ChangeProblem::SuccessorInside));
    }

    #[test]
    fn a_split_makes_new_organisations_and_its_children_go_to_the_first() {
        let planned = plan_change(
            &RawChange {
                node: "100".into(),
                names: "Förskola norr\n\nFörskola söder\n".into(),
                ..raw(ChangeKind::Split)
            },
            &city(),
        )
        .unwrap();
        let kinds: Vec<&str> = planned
            .steps
            .iter()
            .map(|step| match step {
                Step::Create { .. } => "create",
                Step::Version { .. } => "version",
                Step::Close { .. } => "close",
                Step::Succession { .. } => "succession",
            })
            .collect();
        assert_eq!(kinds, ["create", "create", "version", "version", "close", "succession", "succession"]);
        let twice = RawChange { node: "100".into(), names: "A\nA".into(), ..raw(ChangeKind::Split) };
        assert_eq!(problems(&twice), [ChangeProblem::DuplicateName { name: "A".into() }, ChangeProblem::TooFew]);
    }

    #[test]
    fn only_an_empty_organisation_closes_and_a_reason_and_date_are_required() {
        let with_units = RawChange { node: "100".into(), ..raw(ChangeKind::Close) };
        assert_eq!(problems(&with_units), [ChangeProblem::HasOpenChildren { count: 2 }]);
        let planned = plan_change(&RawChange { node: "1000".into(), ..raw(ChangeKind::Close) }, &city()).unwrap();
        assert_eq!(planned.steps, [Step::Close { node: NodeId(1000), from: day("2023-01-01") }]);
        let bare = RawChange { node: "1000".into(), kind: "stang".into(), ..RawChange::default() };
        assert_eq!(problems(&bare), [ChangeProblem::DateMissing, ChangeProblem::ReasonMissing]);
        let nonsense = RawChange { kind: "radera".into(), ..raw(ChangeKind::Close) };
        assert_eq!(problems(&nonsense), [ChangeProblem::UnknownKind]);
    }
}
