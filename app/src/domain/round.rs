//! A round (mätomgång) moves through draft → open → closed → published.

use serde::{Deserialize, Serialize};

/// Where a round is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RoundStatus {
    /// Being prepared by the quality department; units do not see it.
    Draft,
    /// Units fill in and submit.
    Open,
    /// No more answers; the quality department reviews.
    Closed,
    /// Results are visible to everyone with the right to see them.
    Published,
}

impl RoundStatus {
    pub const ALL: [RoundStatus; 4] =
        [RoundStatus::Draft, RoundStatus::Open, RoundStatus::Closed, RoundStatus::Published];

    pub fn key(self) -> &'static str {
        match self {
            RoundStatus::Draft => "draft",
            RoundStatus::Open => "open",
            RoundStatus::Closed => "closed",
            RoundStatus::Published => "published",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.key() == key)
    }

    /// Only an open round takes new answers.
    pub fn accepts_answers(self) -> bool {
        self == RoundStatus::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_open_round_accepts_answers() {
        let accepting: Vec<_> = RoundStatus::ALL.into_iter().filter(|s| s.accepts_answers()).collect();
        assert_eq!(accepting, vec![RoundStatus::Open]);
        for status in RoundStatus::ALL {
            assert_eq!(RoundStatus::from_key(status.key()), Some(status));
        }
    }
}
