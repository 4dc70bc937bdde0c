//! Dates and times as stored: UTC instants and calendar dates in Stockholm.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Stockholm;

/// Now, in UTC, as timestamps are stored.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today's date in Stockholm.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&Stockholm).date_naive()
}

/// A stored instant as Stockholm local time, e.g. `2026-11-23 14:32`.
pub fn local_minute(instant: DateTime<Utc>) -> String {
    instant.with_timezone(&Stockholm).format("%Y-%m-%d %H:%M").to_string()
}

/// A stored instant as Stockholm clock time, e.g. `14:32`.
pub fn local_clock(instant: DateTime<Utc>) -> String {
    instant.with_timezone(&Stockholm).format("%H:%M").to_string()
}
