//! A rating in words: "3 Etablerat", "Ej aktuellt".

use crate::domain::framework::Framework;
use crate::domain::level::{Level, Rating};
use crate::i18n::*;

/// The label of a level on this framework's scale, e.g. "3 Etablerat".
pub fn level_label(framework: &Framework, level: Level) -> String {
    format!("{} {}", level.get(), framework.level_name(level))
}

/// A rating in words.
pub fn rating_label(i18n: Locale, framework: &Framework, rating: Rating) -> String {
    match rating {
        Rating::Level(level) => level_label(framework, level),
        Rating::NotApplicable => td_string!(i18n, assessment.not_applicable).to_string(),
    }
}
