//! Every node's path from the root, from a flat list of nodes with their parents (e.g. the
//! whole tree of today, read in one query).

use super::ids::NodeId;
use super::results::TreeNode;
use std::collections::HashMap;

/// The deepest a tree is followed up; a longer chain (or a cycle in bad data) ends there.
const MAX_DEPTH: usize = 32;

/// Each node's path from its top (a node without a parent in `nodes`) down to itself.
pub fn paths(nodes: &[TreeNode]) -> HashMap<NodeId, Vec<NodeId>> {
    let parents: HashMap<NodeId, Option<NodeId>> = nodes.iter().map(|node| (node.id, node.parent)).collect();
    let mut paths = HashMap::with_capacity(nodes.len());
    for node in nodes {
        let mut path = vec![node.id];
        let mut at = node.parent;
        while let Some(parent) = at.filter(|_| path.len() < MAX_DEPTH) {
            path.push(parent);
            at = parents.get(&parent).copied().flatten();
        }
        path.reverse();
        paths.insert(node.id, path);
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::OrgKind;

    fn node(id: i64, parent: Option<i64>) -> TreeNode {
        TreeNode { id: NodeId(id), kind: OrgKind::Unit, name: String::new(), parent: parent.map(NodeId) }
    }

    #[test]
    fn every_path_runs_from_the_root_down_to_the_node() {
        let paths = paths(&[node(3, Some(2)), node(1, None), node(2, Some(1)), node(4, Some(1))]);
        assert_eq!(paths[&NodeId(3)], [NodeId(1), NodeId(2), NodeId(3)]);
        assert_eq!(paths[&NodeId(4)], [NodeId(1), NodeId(4)]);
        assert_eq!(paths[&NodeId(1)], [NodeId(1)]);
    }

    #[test]
    fn a_cycle_in_bad_data_ends() {
        let paths = paths(&[node(1, Some(2)), node(2, Some(1))]);
        assert_eq!(paths[&NodeId(1)].len(), MAX_DEPTH);
    }
}
