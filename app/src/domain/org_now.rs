//! The organisation tree as its latest history leaves it: every node with its current version
//! (name and parent from `version_from` on) and whether it is closed. Changes with an
//! effective date and the HR import are checked against this, since a change is appended at
//! the end of a node's history, never inserted before its latest version.

use super::day::Day;
use super::ids::NodeId;
use super::org::OrgKind;
use std::collections::HashMap;

/// A node and its latest version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeNow {
    pub id: NodeId,
    pub kind: OrgKind,
    pub name: String,
    pub parent: Option<NodeId>,
    /// The node's first day.
    pub valid_from: Day,
    /// The first day of its latest version.
    pub version_from: Day,
    /// Its last day, if it is closed (or will close on a day already set).
    pub last_day: Option<Day>,
    /// Its id in the HR register, if it came from there.
    pub external_id: Option<String>,
}

impl NodeNow {
    pub fn is_open(&self) -> bool {
        self.last_day.is_none()
    }
}

/// Every node by id, with the open children of each.
#[derive(Clone, Debug, Default)]
pub struct TreeNow {
    nodes: HashMap<NodeId, NodeNow>,
    children: HashMap<NodeId, Vec<NodeId>>,
    by_external: HashMap<String, NodeId>,
}

/// How far up a parent chain is followed (deeper trees do not exist; a loop stops here).
const MAX_DEPTH: usize = 64;

impl TreeNow {
    pub fn new(nodes: Vec<NodeNow>) -> TreeNow {
        let mut tree = TreeNow::default();
        for node in nodes {
            if node.is_open()
                && let Some(parent) = node.parent
            {
                tree.children.entry(parent).or_default().push(node.id);
            }
            if let Some(external) = &node.external_id {
                tree.by_external.insert(external.clone(), node.id);
            }
            tree.nodes.insert(node.id, node);
        }
        for children in tree.children.values_mut() {
            children.sort_unstable();
        }
        tree
    }

    pub fn get(&self, id: NodeId) -> Option<&NodeNow> {
        self.nodes.get(&id)
    }

    /// The node, if it exists and is open.
    pub fn open(&self, id: NodeId) -> Option<&NodeNow> {
        self.get(id).filter(|node| node.is_open())
    }

    /// The open nodes directly below `id`.
    pub fn open_children(&self, id: NodeId) -> &[NodeId] {
        self.children.get(&id).map(Vec::as_slice).unwrap_or_default()
    }

    /// The node with this HR register id.
    pub fn by_external_id(&self, external: &str) -> Option<&NodeNow> {
        self.by_external.get(external).and_then(|id| self.get(*id))
    }

    /// Every node that has an HR register id.
    pub fn with_external_ids(&self) -> impl Iterator<Item = &NodeNow> {
        self.nodes.values().filter(|node| node.external_id.is_some())
    }

    /// The root (the city): the open node without a parent.
    pub fn root(&self) -> Option<&NodeNow> {
        self.nodes.values().filter(|node| node.is_open() && node.parent.is_none()).min_by_key(|node| node.id)
    }

    /// Whether `node` is `ancestor` or lies below it.
    pub fn is_within(&self, node: NodeId, ancestor: NodeId) -> bool {
        let mut current = Some(node);
        for _ in 0..MAX_DEPTH {
            match current {
                Some(id) if id == ancestor => return true,
                Some(id) => current = self.get(id).and_then(|found| found.parent),
                None => return false,
            }
        }
        false
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

/// Whether a node of `kind` may sit directly under one of `parent`: förvaltningar and bolag
/// under the city; avdelningar and enheter under a förvaltning, a bolag or an avdelning.
pub fn fits_under(kind: OrgKind, parent: OrgKind) -> bool {
    match kind {
        OrgKind::City => false,
        OrgKind::DistrictAdministration | OrgKind::SpecialistAdministration | OrgKind::Company => {
            parent == OrgKind::City
        }
        OrgKind::Department | OrgKind::Unit => parent.is_administration() || parent == OrgKind::Department,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    pub fn node(id: i64, kind: OrgKind, name: &str, parent: Option<i64>) -> NodeNow {
        NodeNow {
            id: NodeId(id),
            kind,
            name: name.to_owned(),
            parent: parent.map(NodeId),
            valid_from: day("2015-01-01"),
            version_from: day("2015-01-01"),
            last_day: None,
            external_id: None,
        }
    }

    /// City 1 → Järva 10 (dept 100: units 1000, 1001), Södermalm 20 (dept 200: unit 2000);
    /// Spånga-Tensta 30 closed at the end of 2022.
    pub fn city() -> TreeNow {
        let mut closed = node(30, OrgKind::DistrictAdministration, "Spånga-Tensta", Some(1));
        closed.last_day = Some(day("2022-12-31"));
        TreeNow::new(vec![
            node(1, OrgKind::City, "Stockholms stad", None),
            node(10, OrgKind::DistrictAdministration, "Järva", Some(1)),
            node(20, OrgKind::DistrictAdministration, "Södermalm", Some(1)),
            closed,
            node(100, OrgKind::Department, "Förskola", Some(10)),
            node(200, OrgKind::Department, "Äldreomsorg", Some(20)),
            node(1000, OrgKind::Unit, "Förskolan A", Some(100)),
            node(1001, OrgKind::Unit, "Förskolan B", Some(100)),
            node(2000, OrgKind::Unit, "Hemtjänst C", Some(200)),
        ])
    }

    #[test]
    fn the_tree_knows_open_children_and_what_lies_below_what() {
        let tree = city();
        assert_eq!(tree.root().map(|root| root.id), Some(NodeId(1)));
        assert_eq!(tree.open_children(NodeId(1)), [NodeId(10), NodeId(20)], "not the closed one");
        assert!(tree.is_within(NodeId(1000), NodeId(10)));
        assert!(!tree.is_within(NodeId(10), NodeId(1000)));
        assert!(tree.open(NodeId(30)).is_none() && tree.get(NodeId(30)).is_some());
    }

    #[test]
    fn administrations_sit_under_the_city_and_units_under_administrations_or_departments() {
        assert!(fits_under(OrgKind::Company, OrgKind::City));
        assert!(!fits_under(OrgKind::Company, OrgKind::Department));
        assert!(fits_under(OrgKind::Unit, OrgKind::Department));
        assert!(fits_under(OrgKind::Department, OrgKind::SpecialistAdministration));
        assert!(!fits_under(OrgKind::Unit, OrgKind::City));
        assert!(!fits_under(OrgKind::Department, OrgKind::Unit));
        assert!(OrgKind::ALL.iter().all(|parent| !fits_under(OrgKind::City, *parent)));
    }
}
