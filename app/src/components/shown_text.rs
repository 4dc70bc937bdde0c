//! A figure as the tables print it: the score with one decimal (a count whole), "för få"
//! where it is withheld, a dash where there is none.

use crate::api::results::Shown;
use crate::format;
use crate::i18n::*;

pub fn shown_text(i18n: Locale, value: &Shown<f64>) -> String {
    match value {
        Shown::Value(value) => format::score(*value),
        Shown::TooFew => td_string!(i18n, results.too_few_short).to_string(),
        Shown::Missing => "–".to_owned(),
    }
}

/// A count as the tables print it: the number, or "för få" where it is withheld.
pub fn shown_count_text(i18n: Locale, value: &Shown<usize>) -> String {
    match value {
        Shown::Value(value) => format::count(*value),
        Shown::TooFew => td_string!(i18n, results.too_few_short).to_string(),
        Shown::Missing => "–".to_owned(),
    }
}
