//! A dimension's score now beside its score in the previous round, following the ratings
//! as they are chosen in the form (an island among the form's fields).

use super::form_state::FormState;
use crate::components::translations::locale;
use crate::domain::level::Rating;
use crate::domain::scoring::mean;
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

/// "Förra omgången: 2,5 · Nu: 3,0 (+0,5)": `before` is the previous round's score, `statements`
/// the keys of the dimension's statements.
#[island]
pub fn LiveDimensionScore(before: Option<f64>, statements: Vec<String>) -> impl IntoView {
    let i18n = locale();
    let state = expect_context::<FormState>();
    let now = move || {
        state.ratings.with(|ratings| {
            mean(statements.iter().filter_map(|key| match ratings.get(key).map(|value| Rating::parse(value)) {
                Some(Ok(Rating::Level(level))) => Some(f64::from(level.get())),
                _ => None,
            }))
        })
    };
    let line = move || {
        let now = now();
        let change = match (before, now) {
            (Some(before), Some(now)) => format!(" ({})", format::change(now - before)),
            _ => String::new(),
        };
        td_string!(
            i18n,
            assessment.previous_score,
            before = format::score_or_dash(before),
            now = format::score_or_dash(now),
            change = change
        )
        .to_string()
    };
    view! { <p class="dimension__compare">{line}</p> }
}
