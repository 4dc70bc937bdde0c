//! Typed identifiers, so that a unit id cannot be passed where a round id is meant.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// An organisation in the tree (city, förvaltning, bolag, avdelning or enhet).
    NodeId
);
id_type!(
    /// A person who can sign in.
    UserId
);
id_type!(
    /// A round (mätomgång).
    RoundId
);
id_type!(
    /// One unit's answer in one round.
    AssessmentId
);
id_type!(
    /// One version of the framework.
    FrameworkVersionId
);
id_type!(
    /// An improvement action (förbättringsåtgärd).
    ActionId
);
id_type!(
    /// A reminder sent by e-mail to the managers of units that have not submitted.
    ReminderId
);
