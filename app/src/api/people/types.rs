//! What the people pages are sent.

use crate::api::organisation::NodeHit;
use crate::domain::ids::{NodeId, UserId};
use crate::domain::manager_import::{ImportCounts, ImportPlan};
use crate::domain::org::OrgKind;
use crate::domain::raw_answers::{FieldError, FieldProblem};
use crate::domain::rights::Role;
use serde::{Deserialize, Serialize};

/// A role someone holds, with the organisation it is held on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleHeld {
    pub role: Role,
    pub node: NodeId,
    pub node_name: String,
    pub node_kind: Option<OrgKind>,
    /// The organisations above it (below the city), from the top down.
    pub within: Vec<String>,
    /// Whether the viewer may take it away.
    pub may_take: bool,
}

/// A person as lists and their own page show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub active: bool,
    /// Whether they have chosen a password.
    pub has_password: bool,
    /// Their roles the viewer may see (a head: those inside their subtree).
    pub roles: Vec<RoleHeld>,
}

/// One page of a person search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeoplePage {
    pub query: String,
    pub people: Vec<PersonSummary>,
    /// How many people match, on all pages.
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    /// Whether the viewer sees every person (the quality department) or only those with a
    /// role in their subtree (a head).
    pub everyone: bool,
    /// Organisations found by the "who can see" search (`org`), if one was made.
    pub org_query: String,
    pub org_hits: Vec<NodeHit>,
}

/// A form as it was posted and refused: what was typed (never a password) and what is
/// wrong with which field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedForm {
    pub values: Vec<(String, String)>,
    pub problems: Vec<FieldError>,
}

impl RefusedForm {
    /// What was typed in field `name`.
    pub fn value(&self, name: &str) -> Option<String> {
        self.values.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone())
    }

    /// What is wrong with field `name`.
    pub fn problem(&self, name: &str) -> Option<FieldProblem> {
        self.problems.iter().find(|problem| problem.key == name).map(|problem| problem.problem.clone())
    }
}

/// A person's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonView {
    pub person: PersonSummary,
    /// Whether the viewer manages accounts (deactivates, sends password links).
    pub manages_accounts: bool,
    /// Whether this is the viewer's own account.
    pub is_self: bool,
    /// The roles the viewer may give somewhere.
    pub roles_to_give: Vec<Role>,
    /// The organisation search of the form that gives a role, and what it found.
    pub org_query: String,
    pub org_hits: Vec<NodeHit>,
    /// The role form as it was refused, if it was (without script).
    pub refused: Option<RefusedForm>,
}

/// The page that creates a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPersonView {
    /// Whether the viewer may create a person without a role (the quality department); a
    /// head creates one only as unit manager of a unit.
    pub manages_accounts: bool,
    /// The unit the person is to manage, if one is chosen.
    pub unit: Option<NodeHit>,
    /// The unit search and what it found (units the viewer may appoint managers of).
    pub org_query: String,
    pub unit_hits: Vec<NodeHit>,
    pub refused: Option<RefusedForm>,
}

/// Someone whose role covers an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessHolder {
    pub person: UserId,
    pub name: String,
    pub email: String,
    pub active: bool,
    pub role: Role,
    pub held_on: NodeId,
    pub held_on_name: String,
    /// Held on an organisation above (inherited), not on this one.
    pub inherited: bool,
    /// Whether the viewer may open the person's page.
    pub linkable: bool,
}

/// Who can see an organisation: everyone whose role covers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeAccess {
    pub node: NodeHit,
    /// From the top of the tree down: roles on the city first, this organisation's last.
    pub holders: Vec<AccessHolder>,
    /// Whether the viewer may appoint unit managers here.
    pub may_appoint: bool,
}

/// An import kept for review, or applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportView {
    /// What the file would do (nothing is changed yet), with the names of the units.
    Review { plan: ImportPlan },
    /// It was applied.
    Applied { counts: ImportCounts, links_not_sent: usize },
}
