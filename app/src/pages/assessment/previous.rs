//! The unit's previous round beside this one: under each statement the rating and belägg
//! given then; for each dimension the score then, now (following the ratings as they are
//! chosen, see `live_score`) and the change.

use super::live_score::LiveDimensionScore;
use super::rating_text::rating_label;
use crate::api::assessment::PreviousRound;
use crate::components::translations::locale;
use crate::domain::answers::TextField;
use crate::domain::framework::{Dimension, Framework, Statement};
use crate::i18n::*;
use leptos::prelude::*;
use std::sync::Arc;

/// The previous round, shared with the fields through context.
#[derive(Clone)]
pub struct Previous(pub Option<Arc<PreviousRound>>);

/// What the unit answered for `statement` in the previous round.
#[component]
pub fn PreviousStatement(framework: Arc<Framework>, statement: Statement) -> impl IntoView {
    let i18n = locale();
    let Previous(previous) = expect_context::<Previous>();
    let previous = previous?;
    let rating = previous.answers.rating(&statement.key).map(|rating| rating_label(i18n, &framework, rating));
    let motivation = previous.answers.text(&TextField::Motivation(statement.key.clone())).map(str::to_owned);
    let round = previous.round_name.clone();
    let rating = rating.unwrap_or_else(|| td_string!(i18n, assessment.previous_unrated).to_string());
    Some(view! {
        <div class="previous">
            <p class="previous__rating">
                {td!(i18n, assessment.previous_rating, round = move || round.clone())}" "<strong>{rating}</strong>
            </p>
            {motivation.map(|text| view! { <p class="previous__text answer-text">{text}</p> })}
        </div>
    })
}

/// A dimension's score in the previous round, now, and the change.
#[component]
pub fn DimensionComparison(dimension: Dimension) -> impl IntoView {
    let Previous(previous) = expect_context::<Previous>();
    let previous = previous?;
    let before =
        previous.scores.dimensions.iter().find(|score| score.key == dimension.key).and_then(|score| score.score);
    let statements: Vec<String> = dimension.statements.iter().map(|statement| statement.key.to_string()).collect();
    Some(view! { <LiveDimensionScore before statements /> })
}
