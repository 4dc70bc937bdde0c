//! The strongest and weakest dimensions: those with the highest and the lowest score as
//! shown (one decimal), every one that ties, so the words match the numbers beside them.

use crate::format;

/// The names with the highest and the lowest score as shown; none when fewer than two
/// scores are given or all show alike.
pub fn extremes(scored: &[(String, f64)]) -> (Vec<String>, Vec<String>) {
    if scored.len() < 2 {
        return (Vec::new(), Vec::new());
    }
    let shown: Vec<(&str, String)> =
        scored.iter().map(|(name, score)| (name.as_str(), format::score(*score))).collect();
    let high = format::score(scored.iter().map(|(_, score)| *score).fold(f64::MIN, f64::max));
    let low = format::score(scored.iter().map(|(_, score)| *score).fold(f64::MAX, f64::min));
    if high == low {
        return (Vec::new(), Vec::new());
    }
    let named = |wanted: &str| {
        shown.iter().filter(|(_, shown)| shown == wanted).map(|(name, _)| (*name).to_owned()).collect::<Vec<_>>()
    };
    (named(&high), named(&low))
}
