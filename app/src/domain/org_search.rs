//! Finding organisations by name: every word typed must be in the name (any case, å ä ö
//! included); names that start with what was typed come first, then the higher levels of
//! the tree (förvaltningar before avdelningar before enheter), then A–Ö.

use super::ids::NodeId;
use super::results::TreeNode;
use std::collections::HashMap;

/// An organisation found, with the names above it (below the city) to tell it apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub id: NodeId,
    pub name: String,
    pub kind: super::org::OrgKind,
    /// From the top (below the city) down to its parent.
    pub within: Vec<String>,
}

/// At most `limit` organisations of `nodes` (a tree, or several) whose names match `query`.
pub fn search(nodes: &[TreeNode], query: &str, limit: usize) -> Vec<Found> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let by_id: HashMap<NodeId, &TreeNode> = nodes.iter().map(|node| (node.id, node)).collect();
    let first = &words[0];
    let mut hits: Vec<(bool, usize, String, &TreeNode)> = nodes
        .iter()
        .filter_map(|node| {
            let name = node.name.to_lowercase();
            words.iter().all(|word| name.contains(word.as_str())).then(|| {
                let level = super::org::OrgKind::ALL.iter().position(|kind| *kind == node.kind).unwrap_or(usize::MAX);
                (!name.starts_with(first.as_str()), level, name, node)
            })
        })
        .collect();
    hits.sort_by(|a, b| (a.0, a.1, &a.2, a.3.id).cmp(&(b.0, b.1, &b.2, b.3.id)));
    hits.into_iter()
        .take(limit)
        .map(|(_, _, _, node)| Found {
            id: node.id,
            name: node.name.clone(),
            kind: node.kind,
            within: within(node, &by_id),
        })
        .collect()
}

/// The names above `node` in the tree, from the top down, leaving out the city.
fn within(node: &TreeNode, by_id: &HashMap<NodeId, &TreeNode>) -> Vec<String> {
    let mut names = Vec::new();
    let mut at = node.parent.and_then(|parent| by_id.get(&parent));
    while let Some(parent) = at.filter(|_| names.len() < 32) {
        if parent.kind != super::org::OrgKind::City {
            names.push(parent.name.clone());
        }
        at = parent.parent.and_then(|up| by_id.get(&up));
    }
    names.reverse();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::OrgKind;

    fn node(id: i64, kind: OrgKind, name: &str, parent: Option<i64>) -> TreeNode {
        TreeNode { id: NodeId(id), kind, name: name.into(), parent: parent.map(NodeId) }
    }

    fn tree() -> Vec<TreeNode> {
        vec![
            node(1, OrgKind::City, "Stockholms stad", None),
            node(10, OrgKind::DistrictAdministration, "Järva stadsdelsförvaltning", Some(1)),
            node(100, OrgKind::Department, "Avdelningen för förskola", Some(10)),
            node(1000, OrgKind::Unit, "Förskolan Ängen", Some(100)),
            node(1001, OrgKind::Unit, "Rinkeby förskola", Some(100)),
            node(20, OrgKind::DistrictAdministration, "Östermalms stadsdelsförvaltning", Some(1)),
        ]
    }

    #[test]
    fn every_word_matches_in_any_case_and_names_that_start_with_it_come_first() {
        let found = search(&tree(), "FÖRSKOL", 10);
        let names: Vec<&str> = found.iter().map(|found| found.name.as_str()).collect();
        assert_eq!(names, ["Förskolan Ängen", "Avdelningen för förskola", "Rinkeby förskola"]);
        assert_eq!(found[0].within, ["Järva stadsdelsförvaltning", "Avdelningen för förskola"]);
        assert_eq!(search(&tree(), "ängen förskolan", 10).len(), 1, "every word, in any order");
        assert_eq!(search(&tree(), "östermalm", 10)[0].id, NodeId(20));
        assert!(search(&tree(), "  ", 10).is_empty());
        assert_eq!(search(&tree(), "a", 2).len(), 2, "at most the limit");
    }

    #[test]
    fn higher_levels_come_before_lower_ones_among_equal_matches() {
        let found = search(&tree(), "stad", 10);
        assert_eq!(found[0].kind, OrgKind::City);
        assert!(found[1..].iter().all(|found| found.kind == OrgKind::DistrictAdministration));
    }
}
