//! The administration's start page: which of its parts the person may use.

use crate::api::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The parts of the administration the person may use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminSections {
    /// Create, edit and move rounds (the quality department).
    pub rounds: bool,
    /// Every person and every role (the quality department).
    pub people: bool,
    /// The unit-manager roles of a subtree only (a head).
    pub unit_managers: bool,
    /// The log of administrative changes (the quality department).
    pub log: bool,
    /// Framework versions (the quality department).
    pub frameworks: bool,
    /// The organisation tree: the whole city (the quality department) or a head's subtrees.
    pub organisation: bool,
}

impl AdminSections {
    /// Whether any part is open to the person.
    pub fn any(self) -> bool {
        self.rounds || self.people || self.unit_managers || self.log || self.frameworks || self.organisation
    }
}

/// What the signed-in person may do in the administration; `Forbidden` if nothing.
#[server(endpoint = "admin_sections")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_admin_sections() -> Result<AdminSections, AppError> {
    use crate::api::context::caller;
    use crate::domain::rights::{Permission, may_anywhere};

    let caller = caller().await?;
    let may = |permission| may_anywhere(&caller.grants, permission);
    let sections = AdminSections {
        rounds: may(Permission::ManageRounds),
        people: may(Permission::ManagePeople),
        unit_managers: may(Permission::AppointUnitManagers),
        log: may(Permission::ReadAdminLog),
        frameworks: may(Permission::ManageFramework),
        organisation: may(Permission::ManagePeople)
            || may(Permission::AppointUnitManagers)
            || may(Permission::ManageOrganisation),
    };
    if sections.any() { Ok(sections) } else { Err(AppError::Forbidden) }
}
