//! One dimension in the form: what it is about, what each level means for it, its
//! statements, and the unit's strengths and areas to improve.

use super::base_input::BaseInput;
use super::conflict_note::ConflictSlot;
use super::previous::DimensionComparison;
use super::statement_field::StatementField;
use crate::components::text_counter::LimitedTextarea;
use crate::components::translations::locale;
use crate::domain::answers::{Answers, TextField};
use crate::domain::framework::{Dimension, Framework};
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::limits::DIMENSION_TEXT_MAX_CHARS;
use crate::i18n::*;
use crate::routes::actions_path;
use crate::routes::dimension_anchor;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn DimensionSection(
    framework: Arc<Framework>,
    dimension: Dimension,
    number: usize,
    answers: Answers,
    round: RoundId,
    unit: NodeId,
) -> impl IntoView {
    let i18n = locale();
    let key = dimension.key.to_string();
    let anchor = dimension_anchor(dimension.key.as_str());
    let labelled_by = anchor.clone();
    let name = dimension.name.clone();
    let strengths = answers.text(&TextField::Strengths(dimension.key.clone())).map(str::to_owned);
    let improvements = answers.text(&TextField::Improvements(dimension.key.clone())).map(str::to_owned);
    let actions_link = format!("{}#atgarder-{key}", actions_path(round, unit));
    let actions_label = td_string!(i18n, actions.dimension_link, dimension = name.clone()).to_string();
    let levels_summary = {
        let name = name.clone();
        move || td_string!(i18n, assessment.levels_summary, dimension = name.clone()).to_string()
    };
    view! {
        <section class="dimension" aria-labelledby=labelled_by>
            <h3 id=anchor class="dimension__heading" tabindex="-1">{format!("{number}. {name}")}</h3>
            <p class="dimension__description">{dimension.description.clone()}</p>
            <DimensionComparison dimension=dimension.clone() />
            <details class="levels">
                <summary>{levels_summary}</summary>
                <dl class="levels__list">
                    {framework.levels.iter().zip(dimension.level_descriptors.iter()).map(|(level, descriptor)| view! {
                        <dt>{format!("{} {}", level.level.get(), level.name)}</dt>
                        <dd>{descriptor.clone()}</dd>
                    }).collect_view()}
                </dl>
            </details>
            {dimension.statements.iter().map(|statement| view! {
                <StatementField framework=framework.clone() statement=statement.clone() answers=answers.clone() />
            }).collect_view()}
            <LimitedTextarea
                id=format!("strengths-{key}")
                name=format!("form[strengths][{key}]")
                label=td_string!(i18n, assessment.strengths_label, dimension = name.clone()).to_string()
                max=DIMENSION_TEXT_MAX_CHARS
                value=strengths.unwrap_or_default()
                counted_by_island=true
            />
            <BaseInput field=format!("strengths:{key}") />
            <ConflictSlot field=format!("strengths:{key}") />
            <LimitedTextarea
                id=format!("improvements-{key}")
                name=format!("form[improvements][{key}]")
                label=td_string!(i18n, assessment.improvements_label, dimension = name.clone()).to_string()
                max=DIMENSION_TEXT_MAX_CHARS
                value=improvements.unwrap_or_default()
                counted_by_island=true
            />
            <BaseInput field=format!("improvements:{key}") />
            <ConflictSlot field=format!("improvements:{key}") />
            <p class="dimension__actions"><a href=actions_link>{actions_label}</a></p>
        </section>
    }
    .into_any()
}
