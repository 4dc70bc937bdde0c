//! Numbers as a Swedish reader expects them: one decimal with a decimal comma.

/// A score with one decimal and a decimal comma, e.g. `3,4`. Halves round up (3,25 →
/// 3,3) as in a spreadsheet, not to even as Rust's formatting would, and on the decimal
/// value: a mean of 1,45 is 1,5 even though `1.45 * 10.0` is 14.499999999999998. The
/// server-drawn charts round the same way, so a chart and its table agree.
pub fn score(value: f64) -> String {
    let rounded = tenths(value) / 10.0;
    format!("{rounded:.1}").replace('.', ",")
}

/// The value in tenths, rounded half away from zero after removing the binary noise of a
/// value meant as a decimal (nine significant decimals are far more than scores carry).
pub fn tenths(value: f64) -> f64 {
    ((value * 10.0 * 1e9).round() / 1e9).round()
}

/// An optional score, or an en dash when there is none.
pub fn score_or_dash(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), score)
}

/// A change between two scores with its sign and one decimal: `+0,4`, `−0,3` (a true
/// minus sign), `±0,0` when it rounds to nothing.
pub fn change(delta: f64) -> String {
    let tenths = tenths(delta);
    let size = score(tenths.abs() / 10.0);
    if tenths > 0.0 {
        format!("+{size}")
    } else if tenths < 0.0 {
        format!("\u{2212}{size}")
    } else {
        format!("\u{b1}{size}")
    }
}

/// A whole number with a space as thousands separator, e.g. `2 000`.
pub fn count(value: usize) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_have_one_decimal_and_a_comma() {
        assert_eq!(score(2.0), "2,0");
        assert_eq!(score(3.25), "3,3", "halves round up, as in Excel");
        assert_eq!(score(3.24), "3,2");
        assert_eq!(score(10.0 / 3.0), "3,3");
        assert_eq!(score(1.45), "1,5", "the decimal 1,45, not its binary neighbour");
        assert_eq!(score((1.0 + 1.9) / 2.0), "1,5");
        assert_eq!(score(1.449), "1,4");
        assert_eq!(score_or_dash(None), "–");
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(change(0.4), "+0,4");
        assert_eq!(change(-0.25), "\u{2212}0,3");
        assert_eq!(change(0.04), "\u{b1}0,0");
        assert_eq!(change(-0.04), "\u{b1}0,0");
        assert_eq!(change(3.0 - 2.8), "+0,2");
    }

    #[test]
    fn thousands_are_separated_by_a_no_break_space() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(2000), "2\u{a0}000");
        assert_eq!(count(1234567), "1\u{a0}234\u{a0}567");
    }
}
