//! What one viewer may see of each figure of one round's results: the rules of
//! `domain::privacy` applied to the groups of units that viewer can reach. Every page,
//! chart and download of results asks this, so a figure withheld in one place is withheld
//! in all.

use super::aggregate::{INDEX_KEY, OrgFigures};
use super::framework::{DimensionGroup, Framework};
use super::ids::NodeId;
use super::kind_filter::KindFilter;
use super::privacy::{Group, PrivacyRules, Visibility, shown_groups, visibilities};
use super::results::{ResultsAccess, RoundResults};
use super::rights::RoleGrant;
use std::collections::HashMap;

/// A group of units with figures of its own: an organisation, or the organisations of one
/// type under a node (the city's stadsdelsnämnder, facknämnder or bolag).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Node(NodeId),
    Type(NodeId, KindFilter),
}

impl Scope {
    /// The scope of a node's figures, limited to one type of its children or not.
    pub fn of(node: NodeId, kind: Option<KindFilter>) -> Self {
        match kind {
            Some(kind) => Scope::Type(node, kind),
            None => Scope::Node(node),
        }
    }

    fn node(self) -> NodeId {
        match self {
            Scope::Node(node) | Scope::Type(node, _) => node,
        }
    }
}

/// What may be shown of one group the viewer sees only in aggregate.
#[derive(Clone, Debug)]
struct Disclosed {
    /// Per figure, in the order of [`Disclosure::keys`].
    figures: Vec<Visibility>,
    /// Whether its response rate (submitted of all units) may be shown.
    count: bool,
}

/// What one viewer may see of one round's figures.
#[derive(Clone, Debug)]
pub struct Disclosure<'a> {
    results: &'a RoundResults,
    grants: &'a [RoleGrant],
    /// The figures' keys: the index, the two groups, then the dimensions.
    keys: Vec<String>,
    /// The groups the viewer can reach but does not see in full.
    groups: HashMap<Scope, Disclosed>,
}

impl<'a> Disclosure<'a> {
    /// Works out, for the viewer with `grants`, what may be shown of every group they can
    /// reach in `results`, each figure of `framework` on its own.
    pub fn new(results: &'a RoundResults, grants: &'a [RoleGrant], rules: PrivacyRules, framework: &Framework) -> Self {
        let mut keys = vec![INDEX_KEY.to_owned()];
        keys.extend(DimensionGroup::ALL.iter().map(|group| group.key().to_owned()));
        keys.extend(framework.dimensions.iter().map(|dimension| dimension.key.to_string()));
        let family = Family::reachable(results, grants);

        let per_key: Vec<Vec<Visibility>> = keys
            .iter()
            .map(|key| {
                let groups = family.groups(|scope| figures_of(results, scope).map_or(0, |f| f.units_of(key)));
                visibilities(&groups, rules)
            })
            .collect();
        let counts = shown_groups(&family.groups(|scope| units_of(results, scope)), rules.min_units_for_mean);
        let groups = family
            .scopes
            .iter()
            .enumerate()
            .filter(|(index, _)| !family.known[*index])
            .map(|(index, scope)| {
                let figures = per_key.iter().map(|visibility| visibility[index]).collect();
                (*scope, Disclosed { figures, count: counts[index] })
            })
            .collect();
        Disclosure { results, grants, keys, groups }
    }

    /// Whether the viewer sees everything of the scope's units.
    fn sees_all(&self, scope: Scope) -> bool {
        self.results.access(self.grants, scope.node()) == Some(ResultsAccess::Everything)
    }

    /// What may be shown of the figure `key` of `scope`.
    pub fn figure(&self, scope: Scope, key: &str) -> Visibility {
        if self.sees_all(scope) {
            return Visibility::Full;
        }
        let Some(position) = self.keys.iter().position(|known| known == key) else { return Visibility::Hidden };
        self.groups.get(&scope).map_or(Visibility::Hidden, |group| group.figures[position])
    }

    /// Whether the scope's response rate may be shown.
    pub fn count(&self, scope: Scope) -> bool {
        self.sees_all(scope) || self.groups.get(&scope).is_some_and(|group| group.count)
    }
}

/// The figures of a scope.
fn figures_of<'a>(results: &'a RoundResults, scope: &Scope) -> Option<&'a OrgFigures> {
    match *scope {
        Scope::Node(node) => results.figures(node),
        Scope::Type(node, kind) => results.figures_of_type(node, kind).0,
    }
}

/// How many units a scope has.
fn units_of(results: &RoundResults, scope: &Scope) -> usize {
    match *scope {
        Scope::Node(node) => results.units_total(node),
        Scope::Type(node, kind) => results.figures_of_type(node, kind).1,
    }
}

/// The nested groups one viewer can reach in a round: every organisation from the top down
/// to where they see everything (which is "known"), and under each of those organisations
/// that splits by type, the three types.
struct Family {
    scopes: Vec<Scope>,
    parents: Vec<Option<Scope>>,
    known: Vec<bool>,
}

impl Family {
    fn reachable(results: &RoundResults, grants: &[RoleGrant]) -> Family {
        let mut family = Family { scopes: Vec::new(), parents: Vec::new(), known: Vec::new() };
        for grant in grants {
            let Some(path) = results.path(grant.node) else { continue };
            let mut above: Option<Scope> = None;
            for &node in path {
                // A förvaltning or bolag under a node that splits by type is inside its type.
                let parent = match (above, results.node(node).and_then(|node| KindFilter::of(node.kind))) {
                    (Some(Scope::Node(up)), Some(kind)) if results.offers_type_filter(up) => {
                        Some(Scope::Type(up, kind))
                    }
                    _ => above,
                };
                let known = results.access(grants, node) == Some(ResultsAccess::Everything);
                family.add(Scope::Node(node), parent, known);
                if known {
                    break;
                }
                above = Some(Scope::Node(node));
            }
        }
        let split: Vec<NodeId> = family
            .scopes
            .iter()
            .zip(&family.known)
            .filter_map(|(scope, known)| match scope {
                Scope::Node(node) if !known && results.offers_type_filter(*node) => Some(*node),
                _ => None,
            })
            .collect();
        for node in split {
            for kind in KindFilter::ALL {
                family.add(Scope::Type(node, kind), Some(Scope::Node(node)), false);
            }
        }
        family
    }

    fn add(&mut self, scope: Scope, parent: Option<Scope>, known: bool) {
        if !self.scopes.contains(&scope) {
            self.scopes.push(scope);
            self.parents.push(parent);
            self.known.push(known);
        }
    }

    /// The family as privacy groups, with each scope's units counted by `units`.
    fn groups(&self, units: impl Fn(&Scope) -> usize) -> Vec<Group> {
        let index: HashMap<Scope, usize> = self.scopes.iter().enumerate().map(|(at, scope)| (*scope, at)).collect();
        self.scopes
            .iter()
            .zip(&self.parents)
            .zip(&self.known)
            .map(|((scope, parent), known)| Group {
                parent: parent.and_then(|parent| index.get(&parent).copied()),
                units: units(scope),
                known: *known,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::framework::fixtures::framework;
    use crate::domain::keys::DimensionKey;
    use crate::domain::org::OrgKind;
    use crate::domain::results::TreeNode;
    use crate::domain::rights::Role;
    use crate::domain::scoring::{DimensionScore, UnitScores};

    fn scores(index: f64) -> UnitScores {
        UnitScores {
            dimensions: vec![DimensionScore {
                key: DimensionKey::parse("ledarskap").unwrap(),
                group: DimensionGroup::Approaches,
                score: Some(index),
                rated: 4,
            }],
            index: Some(index),
            approaches_index: Some(index),
            focus_areas_index: None,
        }
    }

    fn node(id: i64, kind: OrgKind, parent: Option<i64>) -> TreeNode {
        TreeNode { id: NodeId(id), kind, name: format!("n{id}"), parent: parent.map(NodeId) }
    }

    /// A hand-made city: `departments` lists, per department of district 10, how many units
    /// it has (all submitted); district 20 has `other_units`, company 30 has `company_units`.
    fn city(departments: &[usize], other_units: usize, company_units: usize) -> RoundResults {
        let mut nodes = vec![
            node(1, OrgKind::City, None),
            node(10, OrgKind::DistrictAdministration, Some(1)),
            node(20, OrgKind::DistrictAdministration, Some(1)),
            node(30, OrgKind::Company, Some(1)),
        ];
        let mut scored = HashMap::new();
        let mut next = 1000;
        let mut unit = |parent: i64, nodes: &mut Vec<TreeNode>| {
            next += 1;
            nodes.push(node(next, OrgKind::Unit, Some(parent)));
            scored.insert(NodeId(next), scores(1.0 + (next % 5) as f64));
        };
        for (at, units) in departments.iter().enumerate() {
            let department = 100 + at as i64;
            nodes.push(node(department, OrgKind::Department, Some(10)));
            for _ in 0..*units {
                unit(department, &mut nodes);
            }
        }
        for _ in 0..other_units {
            unit(20, &mut nodes);
        }
        for _ in 0..company_units {
            unit(30, &mut nodes);
        }
        RoundResults::build(&[], nodes, scored)
    }

    fn manager_of_first_unit() -> Vec<RoleGrant> {
        vec![RoleGrant { role: Role::UnitManager, node: NodeId(1001) }]
    }

    #[test]
    fn a_unit_manager_sees_their_department_only_when_it_has_others_enough() {
        let framework = framework();
        let grants = manager_of_first_unit();
        let rules = PrivacyRules::default();
        // Department 100 with 4 units, another department of 12: the district has 16.
        let results = city(&[4, 12], 30, 20);
        let seen = Disclosure::new(&results, &grants, rules, &framework);
        assert_eq!(seen.figure(Scope::Node(NodeId(100)), INDEX_KEY), Visibility::Mean, "4: mean, no spread");
        assert_eq!(seen.figure(Scope::Node(NodeId(10)), INDEX_KEY), Visibility::Full);
        assert_eq!(seen.figure(Scope::Node(NodeId(1001)), INDEX_KEY), Visibility::Full, "their own unit");
        assert_eq!(seen.figure(Scope::Node(NodeId(1002)), INDEX_KEY), Visibility::Hidden, "a neighbour");
        assert_eq!(seen.figure(Scope::Node(NodeId(20)), INDEX_KEY), Visibility::Hidden, "beside their chain");

        // With 3 units, the department less their own unit would be the other two.
        let results = city(&[3, 12], 30, 20);
        let seen = Disclosure::new(&results, &grants, rules, &framework);
        assert_eq!(seen.figure(Scope::Node(NodeId(100)), INDEX_KEY), Visibility::Hidden);
        assert!(!seen.count(Scope::Node(NodeId(100))), "nor whether the other two answered");
    }

    #[test]
    fn a_department_that_is_all_but_one_unit_of_its_district_is_withheld() {
        // District 10 = department 100 (5 units) + department 101 (1 unit).
        let results = city(&[5, 1], 30, 20);
        let grants = manager_of_first_unit();
        let seen = Disclosure::new(&results, &grants, PrivacyRules::default(), &framework());
        let (district, department) = (Scope::Node(NodeId(10)), Scope::Node(NodeId(100)));
        let both = seen.figure(district, INDEX_KEY) != Visibility::Hidden
            && seen.figure(department, INDEX_KEY) != Visibility::Hidden;
        assert!(!both, "district − department would be department 101's one unit");
        assert!(!(seen.count(district) && seen.count(department)), "and its response");
    }

    #[test]
    fn a_type_of_organisation_against_the_city_gives_no_small_group_away() {
        // Companies: 2 units. City − districts would be those two.
        let results = city(&[4, 12], 30, 2);
        let grants = manager_of_first_unit();
        let seen = Disclosure::new(&results, &grants, PrivacyRules::default(), &framework());
        let city_index = seen.figure(Scope::Node(NodeId(1)), INDEX_KEY);
        let districts = seen.figure(Scope::Type(NodeId(1), KindFilter::District), INDEX_KEY);
        let companies = seen.figure(Scope::Type(NodeId(1), KindFilter::Company), INDEX_KEY);
        assert_eq!(companies, Visibility::Hidden);
        assert!(city_index == Visibility::Hidden || districts == Visibility::Hidden, "{city_index:?} {districts:?}");
        assert_ne!(city_index, Visibility::Hidden, "the bigger picture stays: the districts go");
    }

    #[test]
    fn a_head_sees_their_administration_in_full_and_the_city_only_if_others_are_enough() {
        let head = vec![RoleGrant { role: Role::Head, node: NodeId(10) }];
        let framework = framework();
        let results = city(&[4, 12], 2, 0);
        let seen = Disclosure::new(&results, &head, PrivacyRules::default(), &framework);
        assert_eq!(seen.figure(Scope::Node(NodeId(101)), INDEX_KEY), Visibility::Full);
        assert_eq!(seen.figure(Scope::Node(NodeId(1)), INDEX_KEY), Visibility::Hidden, "city − Järva = 2 units");
        let results = city(&[4, 12], 12, 0);
        let seen = Disclosure::new(&results, &head, PrivacyRules::default(), &framework);
        assert_eq!(seen.figure(Scope::Node(NodeId(1)), INDEX_KEY), Visibility::Full, "city − Järva = 12");
    }

    #[test]
    fn the_quality_department_sees_everything() {
        let quality = vec![RoleGrant { role: Role::QualityDepartment, node: NodeId(1) }];
        let results = city(&[1, 1], 1, 1);
        let seen = Disclosure::new(&results, &quality, PrivacyRules::default(), &framework());
        for node in [1, 10, 100, 1001, 20, 30] {
            assert_eq!(seen.figure(Scope::Node(NodeId(node)), INDEX_KEY), Visibility::Full, "{node}");
            assert!(seen.count(Scope::Node(NodeId(node))));
        }
        assert_eq!(seen.figure(Scope::Type(NodeId(1), KindFilter::Company), INDEX_KEY), Visibility::Full);
    }
}
