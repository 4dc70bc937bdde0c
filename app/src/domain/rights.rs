//! Who may do what. A role is held on a node of the organisation tree and covers that
//! node's whole subtree. This module is the one place that decides; every server function
//! asks it before touching data. Anything not granted here is denied.

use super::ids::NodeId;
use serde::{Deserialize, Serialize};

/// A role a person holds on a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Kvalitetsavdelningen: everything in its subtree (on the city root: everything).
    QualityDepartment,
    /// Förvaltningschef, avdelningschef, VD: reads everything in the subtree.
    Head,
    /// Enhetschef: fills in the unit's assessments and reads its results.
    UnitManager,
}

impl Role {
    /// The key stored in `role_assignment.role`.
    pub fn key(self) -> &'static str {
        match self {
            Role::QualityDepartment => "quality_department",
            Role::Head => "head",
            Role::UnitManager => "unit_manager",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [Role::QualityDepartment, Role::Head, Role::UnitManager].into_iter().find(|role| role.key() == key)
    }

    fn grants(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::QualityDepartment => true,
            Role::Head => matches!(permission, ReadAssessment | ViewRoundProgress),
            Role::UnitManager => matches!(permission, ReadAssessment | EditAssessment),
        }
    }
}

/// Something a person may want to do with a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Permission {
    /// Read a unit's assessment and its scores.
    ReadAssessment,
    /// Fill in and submit a unit's assessment.
    EditAssessment,
    /// Reopen a submitted assessment.
    ReopenAssessment,
    /// Read an assessment's change history (the audit log).
    ReadHistory,
    /// See who has started, saved and submitted in a round.
    ViewRoundProgress,
    /// Create, open, close and publish rounds.
    ManageRounds,
}

/// A role held on a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub node: NodeId,
}

/// Whether the grants allow `permission` on the node whose path from the root (inclusive)
/// is `target_path`. An empty path (an unknown node) allows nothing.
pub fn may(grants: &[RoleGrant], permission: Permission, target_path: &[NodeId]) -> bool {
    grants.iter().any(|grant| grant.role.grants(permission) && target_path.contains(&grant.node))
}

/// Whether any grant allows `permission` somewhere, e.g. to show a menu entry.
pub fn may_anywhere(grants: &[RoleGrant], permission: Permission) -> bool {
    grants.iter().any(|grant| grant.role.grants(permission))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CITY: NodeId = NodeId(1);
    const JARVA: NodeId = NodeId(10);
    const JARVA_FORSKOLA: NodeId = NodeId(100);
    const UNIT_A: NodeId = NodeId(1000);
    const UNIT_B: NodeId = NodeId(1001);
    const SODERMALM: NodeId = NodeId(20);
    const UNIT_C: NodeId = NodeId(2000);

    fn path_a() -> Vec<NodeId> {
        vec![CITY, JARVA, JARVA_FORSKOLA, UNIT_A]
    }
    fn path_b() -> Vec<NodeId> {
        vec![CITY, JARVA, JARVA_FORSKOLA, UNIT_B]
    }
    fn path_c() -> Vec<NodeId> {
        vec![CITY, SODERMALM, UNIT_C]
    }

    fn grant(role: Role, node: NodeId) -> Vec<RoleGrant> {
        vec![RoleGrant { role, node }]
    }

    #[test]
    fn the_quality_department_on_the_root_may_do_everything_everywhere() {
        let grants = grant(Role::QualityDepartment, CITY);
        for permission in [
            Permission::ReadAssessment,
            Permission::EditAssessment,
            Permission::ReopenAssessment,
            Permission::ReadHistory,
            Permission::ViewRoundProgress,
            Permission::ManageRounds,
        ] {
            assert!(may(&grants, permission, &path_a()));
            assert!(may(&grants, permission, &path_c()));
        }
    }

    #[test]
    fn a_head_reads_their_subtree_and_nothing_else() {
        let grants = grant(Role::Head, JARVA);
        assert!(may(&grants, Permission::ReadAssessment, &path_a()));
        assert!(may(&grants, Permission::ViewRoundProgress, &path_b()));
        assert!(!may(&grants, Permission::EditAssessment, &path_a()), "heads read, they do not edit");
        assert!(!may(&grants, Permission::ReopenAssessment, &path_a()));
        assert!(!may(&grants, Permission::ReadHistory, &path_a()), "the history is the quality department's");
        assert!(!may(&grants, Permission::ReadAssessment, &path_c()), "another administration");
        assert!(!may(&grants, Permission::ReadAssessment, &[CITY]), "above the subtree");
    }

    #[test]
    fn a_unit_manager_edits_their_own_unit_only() {
        let grants = grant(Role::UnitManager, UNIT_A);
        assert!(may(&grants, Permission::EditAssessment, &path_a()));
        assert!(may(&grants, Permission::ReadAssessment, &path_a()));
        assert!(!may(&grants, Permission::ReadAssessment, &path_b()), "a sibling unit");
        assert!(!may(&grants, Permission::EditAssessment, &path_c()));
        assert!(!may(&grants, Permission::ViewRoundProgress, &path_a()));
        assert!(!may(&grants, Permission::ReopenAssessment, &path_a()));
    }

    #[test]
    fn no_grants_or_an_unknown_node_allow_nothing() {
        assert!(!may(&[], Permission::ReadAssessment, &path_a()));
        assert!(!may(&grant(Role::QualityDepartment, CITY), Permission::ReadAssessment, &[]));
    }

    #[test]
    fn several_grants_add_up() {
        let mut grants = grant(Role::UnitManager, UNIT_A);
        grants.extend(grant(Role::UnitManager, UNIT_C));
        assert!(may(&grants, Permission::EditAssessment, &path_a()));
        assert!(may(&grants, Permission::EditAssessment, &path_c()));
        assert!(!may(&grants, Permission::EditAssessment, &path_b()));
    }

    #[test]
    fn role_keys_round_trip() {
        for role in [Role::QualityDepartment, Role::Head, Role::UnitManager] {
            assert_eq!(Role::from_key(role.key()), Some(role));
        }
        assert_eq!(Role::from_key("admin"), None);
    }
}
