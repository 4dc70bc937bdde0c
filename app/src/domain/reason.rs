//! The reason given for a change that must be justified, such as reopening a submitted
//! assessment: required, and at most [`REASON_MAX_CHARS`] characters. It goes into the
//! audit log.

use super::limits::{char_count, normalise_text};
use super::raw_answers::FieldProblem;

/// The longest reason.
pub const REASON_MAX_CHARS: usize = 1_000;

/// The reason, trimmed and normalised, or why it cannot be taken.
pub fn checked_reason(raw: &str) -> Result<String, FieldProblem> {
    let reason = normalise_text(raw).unwrap_or_default();
    match char_count(&reason) {
        0 => Err(FieldProblem::Missing),
        actual if actual > REASON_MAX_CHARS => Err(FieldProblem::TooLong { max: REASON_MAX_CHARS, actual }),
        _ => Ok(reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_required_and_bounded() {
        assert_eq!(checked_reason("  Fel enhet angavs  "), Ok("Fel enhet angavs".to_owned()));
        assert_eq!(checked_reason("   "), Err(FieldProblem::Missing));
        let long = "å".repeat(REASON_MAX_CHARS + 1);
        assert_eq!(
            checked_reason(&long),
            Err(FieldProblem::TooLong { max: REASON_MAX_CHARS, actual: REASON_MAX_CHARS + 1 })
        );
        assert!(checked_reason(&"å".repeat(REASON_MAX_CHARS)).is_ok());
    }
}
