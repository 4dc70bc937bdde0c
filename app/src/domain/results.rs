//! A round's results over the organisation tree as it was in the round: every node's
//! figures over the units below it that submitted, how many units it has, and what a
//! viewer may see of each node.

use super::aggregate::{OrgFigures, figures_for_tree};
use super::ids::NodeId;
use super::org::OrgKind;
use super::rights::{Permission, RoleGrant, may};
use super::scoring::UnitScores;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A node of the tree on the round's date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeNode {
    pub id: NodeId,
    pub kind: OrgKind,
    pub name: String,
    pub parent: Option<NodeId>,
}

/// What a viewer may see of a node's results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResultsAccess {
    /// The node is in a subtree the viewer reads: all its figures and its children's.
    Everything,
    /// The node is above what the viewer reads (a unit manager looking at their
    /// administration): its aggregated figures, each over at least 3 units, and nothing of
    /// the units or organisations beside the viewer's own.
    AggregatesOnly,
}

/// The results of one round.
#[derive(Clone, Debug, Default)]
pub struct RoundResults {
    nodes: HashMap<NodeId, TreeNode>,
    children: HashMap<NodeId, Vec<NodeId>>,
    paths: HashMap<NodeId, Vec<NodeId>>,
    units_total: HashMap<NodeId, usize>,
    figures: HashMap<NodeId, OrgFigures>,
    scores: HashMap<NodeId, UnitScores>,
}

impl RoundResults {
    /// Builds the results from the tree below the round's root (`above_root`: the root's
    /// ancestors, empty when the root is the city) and the scores of the units that
    /// submitted.
    pub fn build(above_root: &[NodeId], nodes: Vec<TreeNode>, scores: HashMap<NodeId, UnitScores>) -> Self {
        let nodes: HashMap<NodeId, TreeNode> = nodes.into_iter().map(|node| (node.id, node)).collect();
        let mut children: HashMap<NodeId, Vec<NodeId>> = HashMap::new();
        for node in nodes.values() {
            if let Some(parent) = node.parent.filter(|parent| nodes.contains_key(parent)) {
                children.entry(parent).or_default().push(node.id);
            }
        }
        for list in children.values_mut() {
            list.sort_by(|a, b| nodes[a].name.cmp(&nodes[b].name).then(a.cmp(b)));
        }
        let mut paths = HashMap::with_capacity(nodes.len());
        for id in nodes.keys() {
            let mut path = Vec::new();
            let mut at = Some(*id);
            while let Some(current) = at.filter(|current| nodes.contains_key(current) && path.len() < 64) {
                path.push(current);
                at = nodes[&current].parent;
            }
            path.extend(above_root.iter().rev());
            path.reverse();
            paths.insert(*id, path);
        }
        let mut units_total: HashMap<NodeId, usize> = HashMap::new();
        let mut scored = Vec::new();
        for node in nodes.values().filter(|node| node.kind == OrgKind::Unit) {
            for ancestor in &paths[&node.id] {
                *units_total.entry(*ancestor).or_default() += 1;
            }
            if let Some(unit_scores) = scores.get(&node.id) {
                scored.push((paths[&node.id].clone(), unit_scores.clone()));
            }
        }
        let figures = figures_for_tree(&scored);
        RoundResults { nodes, children, paths, units_total, figures, scores }
    }

    pub fn node(&self, id: NodeId) -> Option<&TreeNode> {
        self.nodes.get(&id)
    }

    /// From the top down to `id`, inclusive.
    pub fn path(&self, id: NodeId) -> Option<&[NodeId]> {
        self.paths.get(&id).map(Vec::as_slice)
    }

    /// The node's children, by name.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.children.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The node's figures over the units below it that submitted; `None` when none did.
    pub fn figures(&self, id: NodeId) -> Option<&OrgFigures> {
        self.figures.get(&id)
    }

    /// How many units are below the node (or the node itself, if a unit).
    pub fn units_total(&self, id: NodeId) -> usize {
        self.units_total.get(&id).copied().unwrap_or(0)
    }

    /// A unit's own scores, if it submitted.
    pub fn unit_scores(&self, id: NodeId) -> Option<&UnitScores> {
        self.scores.get(&id)
    }

    /// What the viewer with `grants` may see of the node `id`.
    pub fn access(&self, grants: &[RoleGrant], id: NodeId) -> Option<ResultsAccess> {
        let path = self.path(id)?;
        if may(grants, Permission::ReadAssessment, path) {
            return Some(ResultsAccess::Everything);
        }
        // Above a node the viewer holds a role on: its own chain of organisations.
        let above_own = grants.iter().any(|grant| self.path(grant.node).is_some_and(|own| own.contains(&id)));
        above_own.then_some(ResultsAccess::AggregatesOnly)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rights::Role;
    use crate::domain::scoring::DimensionScore;

    fn node(id: i64, kind: OrgKind, name: &str, parent: Option<i64>) -> TreeNode {
        TreeNode { id: NodeId(id), kind, name: name.into(), parent: parent.map(NodeId) }
    }

    fn scores(index: f64) -> UnitScores {
        UnitScores {
            dimensions: vec![DimensionScore {
                key: crate::domain::keys::DimensionKey::parse("ledarskap").unwrap(),
                group: crate::domain::framework::DimensionGroup::Approaches,
                score: Some(index),
                rated: 4,
            }],
            index: Some(index),
            approaches_index: Some(index),
            focus_areas_index: None,
        }
    }

    /// City 1 → Järva 10 → Förskola 100 → units 1000, 1001, 1002; Södermalm 20 → unit 2000.
    fn results() -> RoundResults {
        let nodes = vec![
            node(1, OrgKind::City, "Stockholms stad", None),
            node(10, OrgKind::DistrictAdministration, "Järva", Some(1)),
            node(100, OrgKind::Department, "Förskola", Some(10)),
            node(1000, OrgKind::Unit, "A", Some(100)),
            node(1001, OrgKind::Unit, "B", Some(100)),
            node(1002, OrgKind::Unit, "C", Some(100)),
            node(20, OrgKind::DistrictAdministration, "Södermalm", Some(1)),
            node(2000, OrgKind::Unit, "D", Some(20)),
        ];
        let submitted = [(1000, 2.0), (1001, 3.0), (2000, 4.0)];
        RoundResults::build(&[], nodes, submitted.into_iter().map(|(id, index)| (NodeId(id), scores(index))).collect())
    }

    #[test]
    fn nodes_get_figures_over_the_units_below_that_submitted() {
        let results = results();
        assert_eq!(results.units_total(NodeId(1)), 4);
        assert_eq!(results.units_total(NodeId(100)), 3);
        let forskola = results.figures(NodeId(100)).unwrap();
        assert_eq!(forskola.units, 2, "C has not submitted");
        assert_eq!(forskola.index.as_ref().unwrap().mean, 2.5);
        assert_eq!(results.figures(NodeId(1)).unwrap().index.as_ref().unwrap().mean, 3.0);
        assert_eq!(results.children(NodeId(1)), [NodeId(10), NodeId(20)], "by name");
        assert_eq!(results.path(NodeId(1001)).unwrap(), [NodeId(1), NodeId(10), NodeId(100), NodeId(1001)]);
    }

    #[test]
    fn a_unit_manager_sees_everything_of_their_unit_and_aggregates_above_it_only() {
        let results = results();
        let grants = [RoleGrant { role: Role::UnitManager, node: NodeId(1000) }];
        assert_eq!(results.access(&grants, NodeId(1000)), Some(ResultsAccess::Everything));
        for above in [1, 10, 100] {
            assert_eq!(results.access(&grants, NodeId(above)), Some(ResultsAccess::AggregatesOnly), "{above}");
        }
        for other in [1001, 20, 2000] {
            assert_eq!(results.access(&grants, NodeId(other)), None, "{other}");
        }
        let head = [RoleGrant { role: Role::Head, node: NodeId(10) }];
        assert_eq!(results.access(&head, NodeId(1001)), Some(ResultsAccess::Everything));
        assert_eq!(results.access(&head, NodeId(1)), Some(ResultsAccess::AggregatesOnly));
        assert_eq!(results.access(&head, NodeId(20)), None);
        let quality = [RoleGrant { role: Role::QualityDepartment, node: NodeId(1) }];
        assert_eq!(results.access(&quality, NodeId(2000)), Some(ResultsAccess::Everything));
    }
}
