//! What a change to the organisation writes, as steps appended to the tree's history: a new
//! node, a node's next version (name and parent from a day on), a node closed, a succession.
//! A change made by hand and an HR import both come down to these, and `db::org_changes`
//! writes them the same way. Nothing earlier than a node's latest version is ever touched.

use super::day::Day;
use super::ids::NodeId;
use super::org::OrgKind;
use super::org_now::TreeNow;
use serde::{Deserialize, Serialize};

/// A node a step names: one that exists, or the `n`th node created by the same steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NodeRef {
    Existing(NodeId),
    New(usize),
}

/// One write.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// A new node, with its first version from `from`; its parent exists or was created by
    /// an earlier step.
    Create { kind: OrgKind, name: String, parent: Option<NodeRef>, from: Day, external_id: Option<String> },
    /// The node's name and parent from `from` on: its latest version ends the day before.
    Version { node: NodeId, name: String, parent: Option<NodeRef>, from: Day },
    /// The node closes: its last day is the day before `from`.
    Close { node: NodeId, from: Day },
    /// `successor` carries on `predecessor`'s work from `from`.
    Succession { predecessor: NodeId, successor: NodeRef, from: Day },
}

/// What a step does, in names, for the confirmation and the dry run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    Created { name: String, kind: OrgKind, parent: Option<String>, from: Day },
    Renamed { from_name: String, to_name: String, from: Day },
    Moved { name: String, from_parent: Option<String>, to_parent: Option<String>, from: Day },
    Closed { name: String, last_day: Option<Day> },
    Succeeded { predecessor: String, successor: String, from: Day },
}

/// The names of the nodes the steps create, in order.
fn created_names(steps: &[Step]) -> Vec<&str> {
    steps
        .iter()
        .filter_map(|step| match step {
            Step::Create { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .collect()
}

/// What the steps do, one effect per step (a version that changes both name and parent
/// gives two).
pub fn effects(steps: &[Step], tree: &TreeNow) -> Vec<Effect> {
    let created = created_names(steps);
    let name_of = |node: &NodeRef| -> String {
        match node {
            NodeRef::Existing(id) => tree.get(*id).map(|node| node.name.clone()).unwrap_or_else(|| id.to_string()),
            NodeRef::New(index) => created.get(*index).map(|name| (*name).to_owned()).unwrap_or_default(),
        }
    };
    let existing_name = |id: NodeId| name_of(&NodeRef::Existing(id));
    let mut effects = Vec::with_capacity(steps.len());
    for step in steps {
        match step {
            Step::Create { kind, name, parent, from, .. } => effects.push(Effect::Created {
                name: name.clone(),
                kind: *kind,
                parent: parent.as_ref().map(name_of),
                from: *from,
            }),
            Step::Version { node, name, parent, from } => {
                let Some(now) = tree.get(*node) else { continue };
                if *name != now.name {
                    effects.push(Effect::Renamed { from_name: now.name.clone(), to_name: name.clone(), from: *from });
                }
                if parent.as_ref() != now.parent.map(NodeRef::Existing).as_ref() {
                    effects.push(Effect::Moved {
                        name: name.clone(),
                        from_parent: now.parent.map(existing_name),
                        to_parent: parent.as_ref().map(name_of),
                        from: *from,
                    });
                }
            }
            Step::Close { node, from } => {
                effects.push(Effect::Closed { name: existing_name(*node), last_day: from.previous() })
            }
            Step::Succession { predecessor, successor, from } => effects.push(Effect::Succeeded {
                predecessor: existing_name(*predecessor),
                successor: name_of(successor),
                from: *from,
            }),
        }
    }
    effects
}

/// The effects in a line of plain text, as the admin log keeps them.
pub fn log_text(effects: &[Effect]) -> String {
    let parts: Vec<String> = effects
        .iter()
        .map(|effect| match effect {
            Effect::Created { name, kind, parent, from } => {
                format!("new {name} ({}) under {} from {from}", kind.key(), parent.as_deref().unwrap_or("-"))
            }
            Effect::Renamed { from_name, to_name, from } => format!("renamed {from_name} to {to_name} from {from}"),
            Effect::Moved { name, from_parent, to_parent, from } => format!(
                "moved {name} from {} to {} from {from}",
                from_parent.as_deref().unwrap_or("-"),
                to_parent.as_deref().unwrap_or("-")
            ),
            Effect::Closed { name, last_day } => {
                format!("closed {name}, last day {}", last_day.map(|day| day.to_string()).unwrap_or_default())
            }
            Effect::Succeeded { predecessor, successor, from } => {
                format!("{successor} succeeds {predecessor} from {from}")
            }
        })
        .collect();
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org_now::tests::{city, day};

    #[test]
    fn steps_are_told_in_names_with_their_dates() {
        let tree = city();
        let from = day("2023-01-01");
        let steps = vec![
            Step::Create {
                kind: OrgKind::DistrictAdministration,
                name: "Norra innerstaden".into(),
                parent: Some(NodeRef::Existing(NodeId(1))),
                from,
                external_id: None,
            },
            Step::Version { node: NodeId(200), name: "Äldre".into(), parent: Some(NodeRef::New(0)), from },
            Step::Close { node: NodeId(20), from },
            Step::Succession { predecessor: NodeId(20), successor: NodeRef::New(0), from },
        ];
        assert_eq!(
            effects(&steps, &tree),
            [
                Effect::Created {
                    name: "Norra innerstaden".into(),
                    kind: OrgKind::DistrictAdministration,
                    parent: Some("Stockholms stad".into()),
                    from
                },
                Effect::Renamed { from_name: "Äldreomsorg".into(), to_name: "Äldre".into(), from },
                Effect::Moved {
                    name: "Äldre".into(),
                    from_parent: Some("Södermalm".into()),
                    to_parent: Some("Norra innerstaden".into()),
                    from
                },
                Effect::Closed { name: "Södermalm".into(), last_day: Some(day("2022-12-31")) },
                Effect::Succeeded { predecessor: "Södermalm".into(), successor: "Norra innerstaden".into(), from },
            ]
        );
    }
}
