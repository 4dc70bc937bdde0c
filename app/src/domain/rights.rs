//! Who may do what. A role is held on a node of the organisation tree and covers that
//! node's whole subtree. This module is the one place that decides; every server function
//! asks it before touching data. Anything not granted here is denied.

use super::ids::NodeId;
use super::org::OrgKind;
use super::round::RoundStatus;
use super::status::{AssessmentStatus, accepts_changes};
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
        Role::ALL.into_iter().find(|role| role.key() == key)
    }

    pub const ALL: [Role; 3] = [Role::QualityDepartment, Role::Head, Role::UnitManager];

    fn grants(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::QualityDepartment => true,
            Role::Head => {
                matches!(permission, ReadAssessment | ViewRoundProgress | AppointUnitManagers | PreparePresentation)
            }
            Role::UnitManager => matches!(permission, ReadAssessment | EditAssessment),
        }
    }

    /// Whether the role may be held on an organisation of `kind`: a unit manager's on a
    /// unit, a head's on an organisation above units, the quality department's anywhere.
    pub fn fits(self, kind: OrgKind) -> bool {
        match self {
            Role::QualityDepartment => true,
            Role::Head => kind != OrgKind::Unit,
            Role::UnitManager => kind == OrgKind::Unit,
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
    /// Give and take the unit-manager role on units.
    AppointUnitManagers,
    /// Create and deactivate people, and give and take every role.
    ManagePeople,
    /// Remind units that have not submitted, by e-mail.
    SendReminders,
    /// Read the log of administrative changes.
    ReadAdminLog,
    /// Prepare an organisation's board presentation: comments, notes, slides, actions.
    PreparePresentation,
    /// See, draft, edit, publish, download and upload framework versions (city-wide).
    ManageFramework,
    /// Change the organisation tree with an effective date (add, rename, move, merge, split,
    /// close) and import it from the HR register (city-wide).
    ManageOrganisation,
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

/// Whether the person may give (or take) `role` on the node whose path is `target_path`:
/// the quality department every role; a head the unit-manager role inside their subtree and
/// nothing else. Whether the role fits the node is [`Role::fits`].
pub fn may_give_role(grants: &[RoleGrant], role: Role, target_path: &[NodeId]) -> bool {
    let permission = if role == Role::UnitManager { Permission::AppointUnitManagers } else { Permission::ManagePeople };
    may(grants, permission, target_path)
}

/// Whether the person may use the administration at all (the menu entry): manage rounds or
/// people, or appoint unit managers somewhere.
pub fn administers(grants: &[RoleGrant]) -> bool {
    [
        Permission::ManageRounds,
        Permission::ManagePeople,
        Permission::AppointUnitManagers,
        Permission::ManageFramework,
        Permission::ManageOrganisation,
    ]
    .into_iter()
    .any(|permission| may_anywhere(grants, permission))
}

/// Whether the person may see a round at all: a draft is only for those who manage rounds.
pub fn may_see_round(grants: &[RoleGrant], round: RoundStatus) -> bool {
    round != RoundStatus::Draft || may_anywhere(grants, Permission::ManageRounds)
}

/// Whether the person may see a round's results: once it is published; those who manage
/// rounds also while it is open or closed.
pub fn may_see_round_results(grants: &[RoleGrant], round: RoundStatus) -> bool {
    match round {
        RoundStatus::Published => true,
        RoundStatus::Open | RoundStatus::Closed => may_anywhere(grants, Permission::ManageRounds),
        RoundStatus::Draft => false,
    }
}

/// Whether the person may change a unit's answers and improvement actions now: they edit
/// the unit (`unit_path`), the round takes answers (open, or closed with this submission
/// reopened after closing) and the assessment is not submitted.
pub fn may_edit_answers(
    grants: &[RoleGrant],
    unit_path: &[NodeId],
    round: RoundStatus,
    assessment: AssessmentStatus,
    reopened_after_close: bool,
) -> bool {
    may(grants, Permission::EditAssessment, unit_path) && accepts_changes(round, assessment, reopened_after_close)
}

/// Whether the person may see a unit's answers and improvement actions: those who edit the
/// unit always; others who may read it once the unit has submitted them.
pub fn may_see_answers(grants: &[RoleGrant], unit_path: &[NodeId], assessment: AssessmentStatus) -> bool {
    may(grants, Permission::EditAssessment, unit_path)
        || (assessment == AssessmentStatus::Submitted && may(grants, Permission::ReadAssessment, unit_path))
}

/// The units the person fills in for a round over the part of the tree at `root`: those they
/// manage that lie inside it (`path_of` gives a node's path in the round's tree).
pub fn assignments<'a>(
    grants: &[RoleGrant],
    root: NodeId,
    path_of: impl Fn(NodeId) -> Option<&'a [NodeId]>,
) -> Vec<NodeId> {
    let mut units: Vec<NodeId> = grants
        .iter()
        .filter(|grant| grant.role == Role::UnitManager)
        .filter(|grant| path_of(grant.node).is_some_and(|path| path.contains(&root)))
        .map(|grant| grant.node)
        .collect();
    units.dedup();
    units
}

/// Whether the person follows a round's progress: a role other than unit manager held on
/// the round's root or above it, or inside its part of the tree.
pub fn follows_round<'a>(grants: &[RoleGrant], root: NodeId, path_of: impl Fn(NodeId) -> Option<&'a [NodeId]>) -> bool {
    let root_path = path_of(root).unwrap_or_default();
    grants
        .iter()
        .filter(|grant| grant.role != Role::UnitManager)
        .any(|grant| root_path.contains(&grant.node) || path_of(grant.node).is_some_and(|path| path.contains(&root)))
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
    fn a_draft_round_is_seen_by_those_who_manage_rounds_and_its_results_once_published() {
        let manager = grant(Role::UnitManager, UNIT_A);
        let quality = grant(Role::QualityDepartment, CITY);
        assert!(!may_see_round(&manager, RoundStatus::Draft));
        assert!(may_see_round(&quality, RoundStatus::Draft));
        assert!(may_see_round(&manager, RoundStatus::Open));
        for status in RoundStatus::ALL {
            assert_eq!(may_see_round_results(&manager, status), status == RoundStatus::Published, "{status:?}");
            assert_eq!(may_see_round_results(&quality, status), status != RoundStatus::Draft, "{status:?}");
        }
    }

    #[test]
    fn answers_are_edited_by_their_unit_while_open_and_seen_by_others_once_submitted() {
        let manager = grant(Role::UnitManager, UNIT_A);
        let head = grant(Role::Head, JARVA);
        let (open, draft, submitted) = (RoundStatus::Open, AssessmentStatus::Draft, AssessmentStatus::Submitted);
        assert!(may_edit_answers(&manager, &path_a(), open, draft, false));
        assert!(!may_edit_answers(&manager, &path_a(), open, submitted, false), "submitted: read-only");
        assert!(!may_edit_answers(&manager, &path_a(), RoundStatus::Closed, draft, false), "closed round");
        assert!(may_edit_answers(&manager, &path_a(), RoundStatus::Closed, draft, true), "reopened after closing");
        assert!(!may_edit_answers(&head, &path_a(), open, draft, false), "heads read");
        assert!(may_see_answers(&manager, &path_a(), draft));
        assert!(!may_see_answers(&head, &path_a(), draft), "a draft is the unit's own");
        assert!(may_see_answers(&head, &path_a(), submitted));
        assert!(!may_see_answers(&manager, &path_b(), submitted), "a sibling unit");
    }

    #[test]
    fn a_unit_manager_is_assigned_their_units_inside_the_round_and_heads_follow_rounds_they_touch() {
        let paths = [path_a(), path_b(), path_c(), vec![CITY, JARVA], vec![CITY], vec![CITY, SODERMALM]];
        let path_of = |node: NodeId| paths.iter().find(|path| path.last() == Some(&node)).map(Vec::as_slice);
        let mut grants = grant(Role::UnitManager, UNIT_A);
        grants.extend(grant(Role::UnitManager, UNIT_C));
        assert_eq!(assignments(&grants, CITY, path_of), [UNIT_A, UNIT_C]);
        assert_eq!(assignments(&grants, JARVA, path_of), [UNIT_A], "a round over Järva only");
        assert!(!follows_round(&grants, CITY, path_of), "unit managers fill in, they do not follow");
        let head = grant(Role::Head, JARVA);
        assert!(follows_round(&head, CITY, path_of), "inside the round's part of the tree");
        assert!(follows_round(&head, JARVA, path_of), "on the round's root");
        assert!(!follows_round(&head, SODERMALM, path_of), "another administration's round");
        assert!(follows_round(&grant(Role::QualityDepartment, CITY), SODERMALM, path_of), "above the root");
    }

    #[test]
    fn a_head_appoints_unit_managers_in_their_subtree_and_nothing_else() {
        let head = grant(Role::Head, JARVA);
        assert!(may_give_role(&head, Role::UnitManager, &path_a()));
        assert!(!may_give_role(&head, Role::UnitManager, &path_c()), "another administration");
        assert!(!may_give_role(&head, Role::Head, &path_a()), "no head roles");
        assert!(!may_give_role(&head, Role::QualityDepartment, &path_a()));
        assert!(!may_give_role(&head, Role::UnitManager, &[CITY]), "above their subtree");
        let quality = grant(Role::QualityDepartment, CITY);
        for role in Role::ALL {
            assert!(may_give_role(&quality, role, &path_c()), "{role:?}");
        }
        assert!(!may_give_role(&grant(Role::UnitManager, UNIT_A), Role::UnitManager, &path_a()));
        assert!(administers(&head) && administers(&quality));
        assert!(!administers(&grant(Role::UnitManager, UNIT_A)));
    }

    #[test]
    fn only_the_quality_department_changes_the_organisation() {
        let quality = grant(Role::QualityDepartment, CITY);
        assert!(may(&quality, Permission::ManageOrganisation, &[CITY]));
        for role in [Role::Head, Role::UnitManager] {
            let grants = grant(role, CITY);
            assert!(!may(&grants, Permission::ManageOrganisation, &[CITY]), "{role:?}");
            assert!(!may_anywhere(&grant(role, JARVA), Permission::ManageOrganisation), "{role:?}");
        }
    }

    #[test]
    fn heads_and_the_quality_department_prepare_presentations_of_what_they_see() {
        assert!(may(&grant(Role::Head, JARVA), Permission::PreparePresentation, &[CITY, JARVA]));
        assert!(!may(&grant(Role::Head, JARVA), Permission::PreparePresentation, &[CITY]), "not the city");
        assert!(may(&grant(Role::QualityDepartment, CITY), Permission::PreparePresentation, &[CITY]));
        assert!(!may(&grant(Role::UnitManager, UNIT_A), Permission::PreparePresentation, &path_a()));
    }

    #[test]
    fn a_role_fits_the_level_it_is_held_on() {
        assert!(Role::UnitManager.fits(OrgKind::Unit));
        assert!(!Role::UnitManager.fits(OrgKind::Department));
        assert!(Role::Head.fits(OrgKind::DistrictAdministration) && !Role::Head.fits(OrgKind::Unit));
        assert!(OrgKind::ALL.into_iter().all(|kind| Role::QualityDepartment.fits(kind)));
    }

    #[test]
    fn role_keys_round_trip() {
        for role in [Role::QualityDepartment, Role::Head, Role::UnitManager] {
            assert_eq!(Role::from_key(role.key()), Some(role));
        }
        assert_eq!(Role::from_key("admin"), None);
    }
}
