//! The organisation tree: Stockholms stad → förvaltningar and bolag → avdelningar → enheter.

use serde::{Deserialize, Serialize};

/// What kind of organisation a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrgKind {
    City,
    /// Stadsdelsförvaltning (under a stadsdelsnämnd).
    DistrictAdministration,
    /// Fackförvaltning (under a facknämnd).
    SpecialistAdministration,
    /// Bolag in the Stockholms Stadshus AB group.
    Company,
    /// Avdelning.
    Department,
    /// Enhet: the level that fills in assessments.
    Unit,
}

impl OrgKind {
    pub const ALL: [OrgKind; 6] = [
        OrgKind::City,
        OrgKind::DistrictAdministration,
        OrgKind::SpecialistAdministration,
        OrgKind::Company,
        OrgKind::Department,
        OrgKind::Unit,
    ];

    /// The key stored in `org_node.kind` and used in data files.
    pub fn key(self) -> &'static str {
        match self {
            OrgKind::City => "city",
            OrgKind::DistrictAdministration => "stadsdelsforvaltning",
            OrgKind::SpecialistAdministration => "fackforvaltning",
            OrgKind::Company => "bolag",
            OrgKind::Department => "avdelning",
            OrgKind::Unit => "enhet",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// Förvaltningar and bolag: the organisations directly under the city.
    pub fn is_administration(self) -> bool {
        matches!(self, OrgKind::DistrictAdministration | OrgKind::SpecialistAdministration | OrgKind::Company)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_keys_round_trip() {
        for kind in OrgKind::ALL {
            assert_eq!(OrgKind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(OrgKind::from_key("nämnd"), None);
    }
}
