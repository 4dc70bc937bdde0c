//! Swedish number formatting: a decimal comma and a space before the percent sign.

/// Formats a score with one decimal and a decimal comma: `3.44` → `"3,4"`, `5.0` → `"5,0"`.
///
/// Rounds half away from zero on the decimal value (`2.25` → `"2,3"`), so a mean that is
/// exactly halfway is not rounded down by binary representation.
///
/// ```
/// assert_eq!(charts::format_score(3.44), "3,4");
/// assert_eq!(charts::format_score(2.25), "2,3");
/// assert_eq!(charts::format_score(5.0), "5,0");
/// ```
pub fn format_score(value: f64) -> String {
    let tenths = round_half_away(value * 10.0);
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    format!("{sign}{},{}", abs / 10, abs % 10)
}

/// Formats a share `0.0..=1.0` as a whole percentage with a no-break space: `0.425` →
/// `"43 %"`.
///
/// ```
/// assert_eq!(charts::format_percent(0.425), "43\u{a0}%");
/// ```
pub fn format_percent(share: f64) -> String {
    format!("{}\u{a0}%", round_half_away(share * 100.0))
}

/// Formats a share `0.0..=1.0` as a percentage with one decimal, as tables show it:
/// `0.4256` → `"42,6 %"` (with a no-break space).
///
/// ```
/// assert_eq!(charts::format_percent_tenths(0.4256), "42,6\u{a0}%");
/// ```
pub fn format_percent_tenths(share: f64) -> String {
    format!("{}\u{a0}%", format_score(share * 100.0))
}

/// Rounds to the nearest integer, halves away from zero, after removing the binary noise
/// of a value that was meant to be a decimal (e.g. `22.499999999999996` for `2.25 * 10`).
fn round_half_away(x: f64) -> i64 {
    if !x.is_finite() {
        return 0;
    }
    // Nine significant decimals are far more than scores and shares carry.
    let cleaned = (x * 1e9).round() / 1e9;
    cleaned.round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_use_decimal_comma() {
        assert_eq!(format_score(1.0), "1,0");
        assert_eq!(format_score(3.4), "3,4");
        assert_eq!(format_score(3.45), "3,5");
        assert_eq!(format_score(3.449), "3,4");
        assert_eq!(format_score(4.96), "5,0");
        assert_eq!(format_score(0.05), "0,1");
    }

    #[test]
    fn percentages() {
        assert_eq!(format_percent(0.0), "0\u{a0}%");
        assert_eq!(format_percent(1.0), "100\u{a0}%");
        assert_eq!(format_percent(1.0 / 3.0), "33\u{a0}%");
        assert_eq!(format_percent(0.125), "13\u{a0}%");
    }
}
