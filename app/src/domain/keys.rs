//! Stable keys of dimensions and statements. They stay the same across framework
//! versions, so results remain comparable between rounds.

use serde::{Deserialize, Serialize};
use std::fmt;
// Keys are cloned into every figure of every organisation; sharing them is cheap.
use std::sync::Arc;

/// Why a key was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid key: must be 1–64 characters a–z, 0–9 or _, starting with a letter")]
pub struct InvalidKey;

fn is_valid_key(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z')) && s.len() <= 64 && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

macro_rules! key_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(Arc<str>);

        impl $name {
            /// Accepts only lowercase ASCII keys such as `upplevelse_behov`.
            pub fn parse(s: &str) -> Result<Self, InvalidKey> {
                if is_valid_key(s) { Ok(Self(Arc::from(s))) } else { Err(InvalidKey) }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidKey;
            fn try_from(s: String) -> Result<Self, InvalidKey> {
                if is_valid_key(&s) { Ok(Self(Arc::from(s))) } else { Err(InvalidKey) }
            }
        }

        impl From<$name> for String {
            fn from(key: $name) -> String {
                key.0.to_string()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

key_type!(
    /// The stable key of a dimension, e.g. `upplevelse`.
    DimensionKey
);
key_type!(
    /// The stable key of a statement, e.g. `upplevelse_behov`.
    StatementKey
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lowercase_ascii_key_is_accepted() {
        assert_eq!(StatementKey::parse("upplevelse_behov").unwrap().as_str(), "upplevelse_behov");
    }

    #[test]
    fn keys_with_markup_capitals_or_swedish_letters_are_refused() {
        for bad in ["", "1abc", "Abc", "hållbarhet", "a-b", "<script>", "a b", &"a".repeat(65)] {
            assert_eq!(DimensionKey::parse(bad), Err(InvalidKey), "{bad:?}");
        }
    }

    #[test]
    fn deserialising_checks_the_key() {
        let ok: Result<StatementKey, _> = serde_json::from_str("\"larande_1\"");
        assert!(ok.is_ok());
        let bad: Result<StatementKey, _> = serde_json::from_str("\"x; DROP\"");
        assert!(bad.is_err());
    }
}
