//! The types of organisation directly under the city that results can be limited to.

use super::org::OrgKind;
use serde::{Deserialize, Serialize};

/// Stadsdelsnämnder, facknämnder or bolag: the organisations under the city of one type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KindFilter {
    /// Stadsdelsnämnder (their förvaltningar).
    District,
    /// Facknämnder (their förvaltningar).
    Specialist,
    /// Bolag.
    Company,
}

impl KindFilter {
    pub const ALL: [KindFilter; 3] = [KindFilter::District, KindFilter::Specialist, KindFilter::Company];

    /// The value in the address (`typ=`).
    pub fn key(self) -> &'static str {
        match self {
            KindFilter::District => "stadsdelsnamnd",
            KindFilter::Specialist => "fackforvaltning",
            KindFilter::Company => "bolag",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|filter| filter.key() == key)
    }

    /// Whether an organisation of `kind` is of this type.
    pub fn matches(self, kind: OrgKind) -> bool {
        kind == match self {
            KindFilter::District => OrgKind::DistrictAdministration,
            KindFilter::Specialist => OrgKind::SpecialistAdministration,
            KindFilter::Company => OrgKind::Company,
        }
    }

    /// The type an organisation of `kind` is of, if any.
    pub fn of(kind: OrgKind) -> Option<Self> {
        Self::ALL.into_iter().find(|filter| filter.matches(kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_administration_is_of_exactly_one_type() {
        for kind in OrgKind::ALL {
            let types = KindFilter::ALL.into_iter().filter(|filter| filter.matches(kind)).count();
            assert_eq!(types, usize::from(kind.is_administration()), "{kind:?}");
        }
        for filter in KindFilter::ALL {
            assert_eq!(KindFilter::from_key(filter.key()), Some(filter));
        }
    }
}
