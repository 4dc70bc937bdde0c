//! A round's results over the organisation tree as it was in the round: every node's
//! figures over the units below it that submitted, how many units it has, and what a
//! viewer may see of each node.

use super::aggregate::{OrgFigures, figures, figures_for_tree};
use super::ids::NodeId;
use super::kind_filter::KindFilter;
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
    /// Where a node's children are förvaltningar and bolag: the figures over its children of
    /// each type, and how many units those have.
    type_figures: HashMap<(NodeId, KindFilter), (Option<OrgFigures>, usize)>,
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
        let mut results =
            RoundResults { nodes, children, paths, units_total, figures, scores, type_figures: HashMap::new() };
        let split: Vec<NodeId> =
            results.nodes.keys().copied().filter(|node| results.offers_type_filter(*node)).collect();
        for node in split {
            for kind in KindFilter::ALL {
                let over = results.figures_over_children(node, |child| kind.matches(child.kind));
                results.type_figures.insert((node, kind), over);
            }
        }
        results
    }

    /// Whether the node's children can be limited to one type of organisation: some of them
    /// are förvaltningar or bolag.
    pub fn offers_type_filter(&self, id: NodeId) -> bool {
        self.children(id).iter().any(|child| self.nodes.get(child).is_some_and(|child| child.kind.is_administration()))
    }

    /// The figures over the node's children of one type, and how many units those have
    /// (where [`RoundResults::offers_type_filter`]; otherwise none and 0).
    pub fn figures_of_type(&self, id: NodeId, kind: KindFilter) -> (Option<&OrgFigures>, usize) {
        self.type_figures.get(&(id, kind)).map_or((None, 0), |(figures, units)| (figures.as_ref(), *units))
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

    /// The units below `id` (or `id` itself, if a unit).
    pub fn units_below(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.nodes
            .values()
            .filter(move |node| node.kind == OrgKind::Unit && self.paths[&node.id].contains(&id))
            .map(|node| node.id)
    }

    /// The figures over the units below those children of `id` that `keep` accepts, and
    /// how many units those children have; `None` when none of them submitted.
    pub fn figures_over_children(&self, id: NodeId, keep: impl Fn(&TreeNode) -> bool) -> (Option<OrgFigures>, usize) {
        let kept: Vec<NodeId> =
            self.children(id).iter().copied().filter(|child| self.nodes.get(child).is_some_and(&keep)).collect();
        let units: Vec<NodeId> = kept.iter().flat_map(|child| self.units_below(*child)).collect();
        let scores: Vec<&UnitScores> = units.iter().filter_map(|unit| self.scores.get(unit)).collect();
        ((!scores.is_empty()).then(|| figures(&scores)), units.len())
    }

    /// The förvaltning or bolag a node is in (itself, if one).
    pub fn administration_of(&self, id: NodeId) -> Option<NodeId> {
        self.path(id)?
            .iter()
            .copied()
            .find(|node| self.nodes.get(node).is_some_and(|node| node.kind.is_administration()))
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
    fn figures_over_some_children_rest_on_their_units_only() {
        let results = results();
        let (districts, units) = results.figures_over_children(NodeId(1), |node| node.name == "Södermalm");
        assert_eq!(units, 1);
        assert_eq!(districts.unwrap().index.unwrap().mean, 4.0);
        let (none, units) = results.figures_over_children(NodeId(1), |_| false);
        assert_eq!((none, units), (None, 0));
        let (all, units) = results.figures_over_children(NodeId(1), |_| true);
        assert_eq!(units, 4);
        assert_eq!(all.as_ref(), results.figures(NodeId(1)), "all children: the node's own figures");
        assert_eq!(results.administration_of(NodeId(1001)), Some(NodeId(10)));
        assert_eq!(results.administration_of(NodeId(1)), None);
    }

    /// A unit keeps its id when it moves: each round's tree puts it under the administration
    /// it was in then, and each administration's figures rest on the units it had then.
    #[test]
    fn a_unit_that_moved_counts_where_it_was_in_each_round() {
        let before = RoundResults::build(
            &[],
            vec![
                node(1, OrgKind::City, "Stockholms stad", None),
                node(10, OrgKind::DistrictAdministration, "Rinkeby-Kista", Some(1)),
                node(20, OrgKind::DistrictAdministration, "Spånga-Tensta", Some(1)),
                node(1000, OrgKind::Unit, "Mover", Some(10)),
                node(1001, OrgKind::Unit, "Stayer", Some(20)),
            ],
            [(NodeId(1000), scores(2.0)), (NodeId(1001), scores(4.0))].into_iter().collect(),
        );
        let after = RoundResults::build(
            &[],
            vec![
                node(1, OrgKind::City, "Stockholms stad", None),
                node(20, OrgKind::DistrictAdministration, "Spånga-Tensta", Some(1)),
                node(1000, OrgKind::Unit, "Mover", Some(20)),
                node(1001, OrgKind::Unit, "Stayer", Some(20)),
            ],
            [(NodeId(1000), scores(3.0)), (NodeId(1001), scores(4.0))].into_iter().collect(),
        );
        let index =
            |results: &RoundResults, id: i64| results.figures(NodeId(id)).map(|f| f.index.clone().unwrap().mean);
        assert_eq!(index(&before, 10), Some(2.0));
        assert_eq!(index(&before, 20), Some(4.0));
        assert_eq!(index(&after, 10), None, "gone");
        assert_eq!(index(&after, 20), Some(3.5), "the mover now counts here");
        assert_eq!(before.administration_of(NodeId(1000)), Some(NodeId(10)));
        assert_eq!(after.administration_of(NodeId(1000)), Some(NodeId(20)));
        assert_eq!(before.unit_scores(NodeId(1000)).unwrap().index, Some(2.0), "its own history stays its own");
        assert_eq!((index(&before, 1), index(&after, 1)), (Some(3.0), Some(3.5)), "the city has both in both rounds");
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
