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

/// The Stockholm calendar date of a stored instant.
pub fn local_date(instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&Stockholm).date_naive()
}

/// A stored instant as Stockholm clock time, e.g. `14:32`.
pub fn local_clock(instant: DateTime<Utc>) -> String {
    instant.with_timezone(&Stockholm).format("%H:%M").to_string()
}

/// The instant a Stockholm calendar day starts, e.g. to find what happened from that day on.
pub fn start_of_day(day: NaiveDate) -> DateTime<Utc> {
    use chrono::TimeZone;
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    // Midnight exists on every Stockholm day (clocks change at 02:00 and 03:00).
    Stockholm
        .from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| midnight.and_utc(), |local| local.with_timezone(&Utc))
}
