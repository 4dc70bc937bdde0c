//! Who may see and change which people. The quality department on the city manages every
//! account: it finds everyone, creates and deactivates people, sends password links and
//! gives every role. A head appoints unit managers inside their own subtree: they find the
//! people who hold a role there, see those roles only, and may create a person only by
//! appointing them unit manager of a unit there (`rights::may_give_role`).

use super::ids::{NodeId, UserId};
use super::rights::{Permission, Role, RoleGrant, may, may_give_role};

/// The part of the people register a person works with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeopleScope {
    /// Every person and every role (the quality department on the city).
    Everyone,
    /// The people holding a role on a node in these subtrees, and those roles only (a head).
    Within(Vec<NodeId>),
}

impl PeopleScope {
    /// The scope of someone with `grants` in the tree whose root is `city`; `None` if they
    /// administer no people at all.
    pub fn of(grants: &[RoleGrant], city: NodeId) -> Option<PeopleScope> {
        if manages_accounts(grants, city) {
            return Some(PeopleScope::Everyone);
        }
        let roots: Vec<NodeId> = grants
            .iter()
            .filter(|grant| {
                may(&[**grant], Permission::AppointUnitManagers, &[grant.node])
                    || may(&[**grant], Permission::ManagePeople, &[grant.node])
            })
            .map(|grant| grant.node)
            .collect();
        (!roots.is_empty()).then_some(PeopleScope::Within(roots))
    }

    /// Whether a role held on the node whose path (from the root) is `path` is in scope.
    pub fn covers(&self, path: &[NodeId]) -> bool {
        match self {
            PeopleScope::Everyone => true,
            PeopleScope::Within(roots) => roots.iter().any(|root| path.contains(root)),
        }
    }

    pub fn is_everyone(&self) -> bool {
        *self == PeopleScope::Everyone
    }
}

/// Whether the person manages every account: creates people without a role, deactivates and
/// reactivates them, sends password links. Managing people on the city's root.
pub fn manages_accounts(grants: &[RoleGrant], city: NodeId) -> bool {
    may(grants, Permission::ManagePeople, &[city])
}

/// The roles the person may give somewhere: all for the quality department, the unit
/// manager's for a head.
pub fn roles_to_give(grants: &[RoleGrant], city: NodeId) -> Vec<Role> {
    match PeopleScope::of(grants, city) {
        Some(PeopleScope::Everyone) => Role::ALL.to_vec(),
        Some(PeopleScope::Within(_)) => vec![Role::UnitManager],
        None => Vec::new(),
    }
}

/// Why a change to a person's account is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountRefusal {
    /// Only those who manage every account may.
    NotAllowed,
    /// Nobody deactivates themselves (someone else must), so the last administrator cannot
    /// lock everyone out by mistake.
    Yourself,
}

/// Whether `actor` may deactivate `person`.
pub fn may_deactivate(grants: &[RoleGrant], city: NodeId, actor: UserId, person: UserId) -> Result<(), AccountRefusal> {
    if !manages_accounts(grants, city) {
        Err(AccountRefusal::NotAllowed)
    } else if actor == person {
        Err(AccountRefusal::Yourself)
    } else {
        Ok(())
    }
}

/// Whether `actor` may take `role` on the node at `path` from `person`: as for giving it,
/// except that nobody takes their own quality-department role (someone else must).
pub fn may_take_role(
    grants: &[RoleGrant],
    role: Role,
    path: &[NodeId],
    actor: UserId,
    person: UserId,
) -> Result<(), AccountRefusal> {
    if !may_give_role(grants, role, path) {
        Err(AccountRefusal::NotAllowed)
    } else if actor == person && role == Role::QualityDepartment {
        Err(AccountRefusal::Yourself)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CITY: NodeId = NodeId(1);
    const JARVA: NodeId = NodeId(10);
    const UNIT_A: NodeId = NodeId(100);
    const SODERMALM: NodeId = NodeId(20);
    const UNIT_C: NodeId = NodeId(200);

    fn grant(role: Role, node: NodeId) -> Vec<RoleGrant> {
        vec![RoleGrant { role, node }]
    }

    #[test]
    fn the_quality_department_on_the_city_sees_everyone_and_gives_every_role() {
        let quality = grant(Role::QualityDepartment, CITY);
        assert_eq!(PeopleScope::of(&quality, CITY), Some(PeopleScope::Everyone));
        assert!(manages_accounts(&quality, CITY));
        assert_eq!(roles_to_give(&quality, CITY), Role::ALL);
    }

    #[test]
    fn a_head_works_within_their_subtree_with_unit_managers_only() {
        let head = grant(Role::Head, JARVA);
        let scope = PeopleScope::of(&head, CITY).unwrap();
        assert_eq!(scope, PeopleScope::Within(vec![JARVA]));
        assert!(scope.covers(&[CITY, JARVA, UNIT_A]));
        assert!(scope.covers(&[CITY, JARVA]));
        assert!(!scope.covers(&[CITY, SODERMALM, UNIT_C]), "another administration");
        assert!(!scope.covers(&[CITY]), "above their subtree");
        assert!(!manages_accounts(&head, CITY));
        assert_eq!(roles_to_give(&head, CITY), [Role::UnitManager]);
    }

    #[test]
    fn a_unit_manager_administers_nobody() {
        let manager = grant(Role::UnitManager, UNIT_A);
        assert_eq!(PeopleScope::of(&manager, CITY), None);
        assert!(roles_to_give(&manager, CITY).is_empty());
        assert!(may_deactivate(&manager, CITY, UserId(1), UserId(2)).is_err());
    }

    #[test]
    fn a_quality_department_below_the_city_manages_its_subtree_but_not_every_account() {
        let local = grant(Role::QualityDepartment, SODERMALM);
        assert_eq!(PeopleScope::of(&local, CITY), Some(PeopleScope::Within(vec![SODERMALM])));
        assert!(!manages_accounts(&local, CITY));
    }

    #[test]
    fn nobody_deactivates_themselves_or_takes_their_own_quality_department_role() {
        let quality = grant(Role::QualityDepartment, CITY);
        let (me, other) = (UserId(1), UserId(2));
        assert_eq!(may_deactivate(&quality, CITY, me, other), Ok(()));
        assert_eq!(may_deactivate(&quality, CITY, me, me), Err(AccountRefusal::Yourself));
        assert_eq!(may_deactivate(&grant(Role::Head, JARVA), CITY, me, other), Err(AccountRefusal::NotAllowed));
        assert_eq!(may_take_role(&quality, Role::QualityDepartment, &[CITY], me, me), Err(AccountRefusal::Yourself));
        assert_eq!(may_take_role(&quality, Role::QualityDepartment, &[CITY], me, other), Ok(()));
        assert_eq!(may_take_role(&quality, Role::UnitManager, &[CITY, JARVA, UNIT_A], me, me), Ok(()));
    }

    #[test]
    fn a_head_takes_unit_manager_roles_inside_their_subtree_only() {
        let head = grant(Role::Head, JARVA);
        let (me, other) = (UserId(1), UserId(2));
        assert_eq!(may_take_role(&head, Role::UnitManager, &[CITY, JARVA, UNIT_A], me, other), Ok(()));
        assert_eq!(
            may_take_role(&head, Role::UnitManager, &[CITY, SODERMALM, UNIT_C], me, other),
            Err(AccountRefusal::NotAllowed)
        );
        assert_eq!(may_take_role(&head, Role::Head, &[CITY, JARVA], me, other), Err(AccountRefusal::NotAllowed));
    }
}
