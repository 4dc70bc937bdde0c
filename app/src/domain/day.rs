//! A calendar day as the organisation's history counts them: `YYYY-MM-DD`, ordered, with the
//! day before it. Plain Rust so the rules about effective dates run in the browser build too;
//! the server turns it into `chrono::NaiveDate` at the database's edge.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A valid date in the Gregorian calendar (years 1000–9999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    year: i32,
    month: u32,
    day: u32,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Day {
    /// The day, if it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month) && (1..=days_in(year, month)).contains(&day))
            .then_some(Day { year, month, day })
    }

    /// Reads `YYYY-MM-DD` (surrounding space allowed).
    pub fn parse(text: &str) -> Option<Day> {
        let text = text.trim();
        let mut parts = text.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        let digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
        if !(digits(year) && digits(month) && digits(day)) {
            return None;
        }
        Day::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn day(self) -> u32 {
        self.day
    }

    /// The day after.
    pub fn next(self) -> Option<Day> {
        [
            Day::new(self.year, self.month, self.day + 1),
            Day::new(self.year, self.month + 1, 1),
            Day::new(self.year + 1, 1, 1),
        ]
        .into_iter()
        .flatten()
        .next()
    }

    /// The day before (the last day of a period that ends when another begins).
    pub fn previous(self) -> Option<Day> {
        if self.day > 1 {
            return Some(Day { day: self.day - 1, ..self });
        }
        if self.month > 1 {
            return Day::new(self.year, self.month - 1, days_in(self.year, self.month - 1));
        }
        Day::new(self.year - 1, 12, 31)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_read_from_its_iso_form_and_written_back_the_same() {
        let day = Day::parse(" 2023-01-01 ").unwrap();
        assert_eq!(day.to_string(), "2023-01-01");
        for wrong in ["2023-1-01", "2023-02-30", "23-01-01", "2023-01-01-01", "2023/01/01", "", "2023-13-01"] {
            assert_eq!(Day::parse(wrong), None, "{wrong}");
        }
        assert!(Day::parse("2024-02-29").is_some() && Day::parse("2023-02-29").is_none());
    }

    #[test]
    fn the_days_before_and_after_cross_months_years_and_leap_days() {
        let before = |text: &str| Day::parse(text).and_then(Day::previous).map(|day| day.to_string());
        assert_eq!(before("2023-01-01").as_deref(), Some("2022-12-31"));
        assert_eq!(before("2024-03-01").as_deref(), Some("2024-02-29"));
        assert_eq!(before("2023-03-01").as_deref(), Some("2023-02-28"));
        assert_eq!(before("2023-05-01").as_deref(), Some("2023-04-30"));
        assert_eq!(before("2023-05-17").as_deref(), Some("2023-05-16"));
        let after = |text: &str| Day::parse(text).and_then(Day::next).map(|day| day.to_string());
        assert_eq!(after("2022-12-31").as_deref(), Some("2023-01-01"));
        assert_eq!(after("2024-02-28").as_deref(), Some("2024-02-29"));
        assert_eq!(after("2023-02-28").as_deref(), Some("2023-03-01"));
    }
}
