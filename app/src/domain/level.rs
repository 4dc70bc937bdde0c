//! The five-level maturity scale and a statement's rating.

use serde::{Deserialize, Serialize};

/// A maturity level, 1 (inte påbörjat) to 5 (ledande). No other value can exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

/// A level outside 1–5 was given.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a maturity level is 1–5")]
pub struct InvalidLevel;

impl Level {
    pub const MIN: Level = Level(1);
    pub const MAX: Level = Level(5);

    pub fn parse(value: u8) -> Result<Self, InvalidLevel> {
        if (1..=5).contains(&value) { Ok(Self(value)) } else { Err(InvalidLevel) }
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// All five levels, lowest first.
    pub fn all() -> impl Iterator<Item = Level> {
        (1..=5).map(Level)
    }

    /// The level a score belongs to: the score rounded half up (2.5 → 3), clamped to 1–5.
    pub fn from_score(score: f64) -> Self {
        let rounded = (score + 0.5).floor().clamp(1.0, 5.0);
        // The clamp makes the cast exact.
        Level(rounded as u8)
    }
}

impl TryFrom<u8> for Level {
    type Error = InvalidLevel;
    fn try_from(value: u8) -> Result<Self, InvalidLevel> {
        Level::parse(value)
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

/// How a unit rated one statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rating {
    Level(Level),
    /// "Ej aktuellt": the statement does not apply to the unit; left out of every mean.
    NotApplicable,
}

/// The form value of "ej aktuellt".
pub const NOT_APPLICABLE_VALUE: &str = "na";

impl Rating {
    /// Parses a form value: "1".."5" or "na".
    pub fn parse(value: &str) -> Result<Self, InvalidLevel> {
        if value == NOT_APPLICABLE_VALUE {
            return Ok(Rating::NotApplicable);
        }
        let number: u8 = value.parse().map_err(|_| InvalidLevel)?;
        Level::parse(number).map(Rating::Level)
    }

    /// The form value, the inverse of [`Rating::parse`].
    pub fn form_value(self) -> String {
        match self {
            Rating::Level(level) => level.get().to_string(),
            Rating::NotApplicable => NOT_APPLICABLE_VALUE.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_to_five_are_levels() {
        assert!(Level::parse(0).is_err());
        assert!(Level::parse(6).is_err());
        assert_eq!(Level::all().map(Level::get).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_score_is_rounded_half_up_to_its_level() {
        assert_eq!(Level::from_score(2.5).get(), 3);
        assert_eq!(Level::from_score(2.49).get(), 2);
        assert_eq!(Level::from_score(3.5).get(), 4);
        assert_eq!(Level::from_score(1.0).get(), 1);
        assert_eq!(Level::from_score(4.75).get(), 5);
    }

    #[test]
    fn form_values_parse_to_ratings_and_back() {
        assert_eq!(Rating::parse("na"), Ok(Rating::NotApplicable));
        assert_eq!(Rating::parse("3").map(Rating::form_value), Ok("3".to_owned()));
        for bad in ["7", "0", "", "3.0", "NA", " 3", "-1", "<b>"] {
            assert!(Rating::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_level_cannot_be_deserialised_out_of_range() {
        assert!(serde_json::from_str::<Level>("7").is_err());
        assert_eq!(serde_json::from_str::<Level>("4").unwrap().get(), 4);
    }
}
