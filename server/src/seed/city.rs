//! Generates the demo organisation tree from the city file, deterministically.
//!
//! Each organisation gets its departments (from templates or inline) and units from
//! patterns. Units of an organisation formed by a merger belonged, before the merger, to
//! the predecessor covering their neighbourhood, in its department of the same name: one
//! unit, one stable id, two periods in its history.

use super::city_file::{CityFile, UnitPattern};
use anyhow::{Context, bail};
use app::db::Conn;
use app::db::org::{NewNode, NodePeriod, insert_node, insert_node_with_history, insert_succession};
use app::domain::ids::NodeId;
use app::domain::org::OrgKind;
use chrono::{Days, NaiveDate};
use rand::Rng;
use rand::seq::SliceRandom;
use std::collections::{HashMap, HashSet};

/// An organisation directly under the city (förvaltning or bolag), current or closed.
#[derive(Clone, Debug)]
pub struct Administration {
    pub id: NodeId,
    pub name: String,
    pub kind: OrgKind,
    pub valid_to: Option<NaiveDate>,
}

/// A generated unit, placed where it is today.
#[derive(Clone, Debug)]
pub struct Unit {
    pub id: NodeId,
    pub name: String,
    pub administration: NodeId,
    pub department: String,
}

/// The generated tree.
#[derive(Clone, Debug)]
pub struct DemoCity {
    pub root: NodeId,
    pub administrations: Vec<Administration>,
    pub units: Vec<Unit>,
}

impl DemoCity {
    pub fn administration_named(&self, name: &str) -> Option<&Administration> {
        self.administrations.iter().find(|administration| administration.name == name)
    }
}

fn kind(key: &str) -> anyhow::Result<OrgKind> {
    OrgKind::from_key(key)
        .filter(|kind| kind.is_administration())
        .with_context(|| format!("unknown organisation kind {key}"))
}

/// How many units a pattern yields at scale 1: drawn once, then scaled.
fn draw_count(rng: &mut impl Rng, pattern: &UnitPattern) -> usize {
    let [min, max] = pattern.count;
    if max <= min { min } else { rng.random_range(min..=max) }
}

fn is_fixed(pattern: &UnitPattern) -> bool {
    !pattern.pattern.contains('{')
}

/// Draws names without replacement for one organisation; reshuffles when a list runs out.
struct NamePool<'a> {
    lists: &'a HashMap<String, Vec<String>>,
    remaining: HashMap<String, Vec<String>>,
}

impl<'a> NamePool<'a> {
    fn new(lists: &'a HashMap<String, Vec<String>>) -> Self {
        NamePool { lists, remaining: HashMap::new() }
    }

    fn draw(&mut self, list: &str, rng: &mut impl Rng) -> anyhow::Result<String> {
        let source = self.lists.get(list).with_context(|| format!("unknown name list {list}"))?;
        if source.is_empty() {
            bail!("name list {list} is empty");
        }
        let remaining = self.remaining.entry(list.to_owned()).or_default();
        if remaining.is_empty() {
            *remaining = source.clone();
            remaining.shuffle(rng);
        }
        remaining.pop().context("name list exhausted")
    }
}

/// Generates and stores the tree. `target_units` scales the variable patterns so that the
/// city has roughly that many units.
pub async fn generate(
    conn: &mut Conn,
    file: &CityFile,
    rng: &mut impl Rng,
    target_units: Option<usize>,
) -> anyhow::Result<DemoCity> {
    let default_from = file.default_valid_from;

    // Every organisation's departments, with one drawn count per pattern.
    struct PlannedDepartment<'f> {
        name: &'f str,
        patterns: Vec<(&'f UnitPattern, usize)>,
    }
    let mut planned: Vec<Vec<PlannedDepartment>> = Vec::new();
    for organisation in &file.organisations {
        let departments: Vec<(&str, &Vec<UnitPattern>)> = if organisation.departments.is_empty() {
            file.department_templates
                .iter()
                .filter(|template| template.kind == organisation.kind)
                .map(|template| (template.name.as_str(), &template.units))
                .collect()
        } else {
            organisation.departments.iter().map(|department| (department.name.as_str(), &department.units)).collect()
        };
        planned.push(
            departments
                .into_iter()
                .map(|(name, patterns)| PlannedDepartment {
                    name,
                    patterns: patterns.iter().map(|pattern| (pattern, draw_count(rng, pattern))).collect(),
                })
                .collect(),
        );
    }
    let (fixed, variable) = planned.iter().flatten().flat_map(|department| &department.patterns).fold(
        (0usize, 0usize),
        |(fixed, variable), (pattern, count)| {
            if is_fixed(pattern) { (fixed + count, variable) } else { (fixed, variable + count) }
        },
    );
    // The scale applies to patterns with placeholders only; counts are small, so f64 is exact.
    let scale = match target_units {
        Some(target) if variable > 0 => (target.saturating_sub(fixed).max(1)) as f64 / variable as f64,
        _ => 1.0,
    };

    let root = insert_node(
        conn,
        &NewNode { kind: OrgKind::City, name: &file.city, parent: None, valid_from: default_from, valid_to: None },
    )
    .await?;
    let mut administrations = Vec::new();
    let mut units = Vec::new();

    // Predecessors: closed organisations, with their departments created as needed.
    let mut predecessor_ids: HashMap<&str, (NodeId, NaiveDate)> = HashMap::new();
    for predecessor in &file.predecessors {
        let kind = kind(&predecessor.kind)?;
        let id = insert_node(
            conn,
            &NewNode {
                kind,
                name: &predecessor.name,
                parent: Some(root),
                valid_from: default_from,
                valid_to: Some(predecessor.valid_to),
            },
        )
        .await?;
        predecessor_ids.insert(predecessor.name.as_str(), (id, predecessor.valid_to));
        administrations.push(Administration {
            id,
            name: predecessor.name.clone(),
            kind,
            valid_to: Some(predecessor.valid_to),
        });
    }
    let mut predecessor_departments: HashMap<(NodeId, String), NodeId> = HashMap::new();

    for (organisation, departments) in file.organisations.iter().zip(planned) {
        let kind = kind(&organisation.kind)?;
        let valid_from = organisation.valid_from.unwrap_or(default_from);
        let organisation_id = insert_node(
            conn,
            &NewNode { kind, name: &organisation.name, parent: Some(root), valid_from, valid_to: None },
        )
        .await?;
        administrations.push(Administration {
            id: organisation_id,
            name: organisation.name.clone(),
            kind,
            valid_to: None,
        });

        // Which predecessor covered each place before this organisation was formed.
        let mut covering: HashMap<&str, NodeId> = HashMap::new();
        let mut own_predecessors = Vec::new();
        for predecessor in file.predecessors.iter().filter(|p| p.successor == organisation.name) {
            let (id, _) = predecessor_ids[predecessor.name.as_str()];
            own_predecessors.push(id);
            insert_succession(conn, id, organisation_id, valid_from).await?;
            for place in &predecessor.places {
                covering.insert(place.as_str(), id);
            }
        }

        let mut names = NamePool::new(&file.name_lists);
        let mut taken: HashSet<String> = HashSet::new();
        let mut home_cursor = 0usize;
        for department in departments {
            let department_id = insert_node(
                conn,
                &NewNode {
                    kind: OrgKind::Department,
                    name: department.name,
                    parent: Some(organisation_id),
                    valid_from,
                    valid_to: None,
                },
            )
            .await?;
            for (pattern, drawn) in department.patterns {
                let count = if is_fixed(pattern) {
                    drawn
                } else {
                    // Rounded to whole units; at least one.
                    ((drawn as f64 * scale).round() as usize).max(1)
                };
                for index in 0..count {
                    let place = (!organisation.places.is_empty())
                        .then(|| organisation.places[index % organisation.places.len()].as_str());
                    let mut name = pattern.pattern.replace("{n}", &(index + 1).to_string());
                    if let Some(place) = place {
                        name = name.replace("{place}", place);
                    }
                    if name.contains("{name}") {
                        let list = pattern
                            .names
                            .as_deref()
                            .with_context(|| format!("pattern {} needs a name list", pattern.pattern))?;
                        name = name.replace("{name}", &names.draw(list, rng)?);
                    }
                    let base = name.clone();
                    let mut suffix = 2;
                    while !taken.insert(name.clone()) {
                        name = format!("{base} {suffix}");
                        suffix += 1;
                    }

                    // Its neighbourhood: the place in its name, or the next one in turn.
                    let home = if pattern.pattern.contains("{place}") {
                        place
                    } else {
                        home_cursor += 1;
                        (!organisation.places.is_empty())
                            .then(|| organisation.places[home_cursor % organisation.places.len()].as_str())
                    };
                    let before = match home.and_then(|home| covering.get(home)) {
                        Some(id) => Some(*id),
                        None if !own_predecessors.is_empty() => {
                            Some(own_predecessors[home_cursor % own_predecessors.len()])
                        }
                        None => None,
                    };

                    let unit_id = match before {
                        None => {
                            insert_node(
                                conn,
                                &NewNode {
                                    kind: OrgKind::Unit,
                                    name: &name,
                                    parent: Some(department_id),
                                    valid_from,
                                    valid_to: None,
                                },
                            )
                            .await?
                        }
                        Some(predecessor) => {
                            let closed_on = predecessor_ids
                                .values()
                                .find(|(id, _)| *id == predecessor)
                                .map(|(_, closed)| *closed)
                                .context("predecessor without closing date")?;
                            let key = (predecessor, department.name.to_owned());
                            let old_department = match predecessor_departments.get(&key) {
                                Some(id) => *id,
                                None => {
                                    let id = insert_node(
                                        conn,
                                        &NewNode {
                                            kind: OrgKind::Department,
                                            name: department.name,
                                            parent: Some(predecessor),
                                            valid_from: default_from,
                                            valid_to: Some(closed_on),
                                        },
                                    )
                                    .await?;
                                    predecessor_departments.insert(key, id);
                                    id
                                }
                            };
                            let moved_on = closed_on.checked_add_days(Days::new(1)).context("date overflow")?;
                            let history = [
                                NodePeriod {
                                    name: &name,
                                    parent: Some(old_department),
                                    valid_from: default_from,
                                    valid_to: Some(closed_on),
                                },
                                NodePeriod {
                                    name: &name,
                                    parent: Some(department_id),
                                    valid_from: moved_on,
                                    valid_to: None,
                                },
                            ];
                            insert_node_with_history(conn, OrgKind::Unit, &history).await?
                        }
                    };
                    units.push(Unit {
                        id: unit_id,
                        name,
                        administration: organisation_id,
                        department: department.name.to_owned(),
                    });
                }
            }
        }
    }
    Ok(DemoCity { root, administrations, units })
}
