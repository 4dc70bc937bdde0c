//! One statement in the form: its rating (a radio group) and its motivation (belägg).

use super::base_input::BaseInput;
use super::conflict_note::ConflictSlot;
use super::previous::PreviousStatement;
use super::rating_text::level_label;
use crate::components::text_counter::LimitedTextarea;
use crate::components::translations::locale;
use crate::domain::answers::{Answers, TextField};
use crate::domain::framework::{Framework, Statement};
use crate::domain::level::{Level, NOT_APPLICABLE_VALUE, Rating};
use crate::domain::limits::MOTIVATION_MAX_CHARS;
use crate::i18n::*;
use crate::routes::statement_anchor;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn StatementField(framework: Arc<Framework>, statement: Statement, answers: Answers) -> impl IntoView {
    let i18n = locale();
    let key = statement.key.to_string();
    let current = answers.rating(&statement.key);
    let motivation = answers.text(&TextField::Motivation(statement.key.clone())).map(str::to_owned);
    let name = format!("form[rating][{key}]");
    let hint_id = format!("hint-{key}");
    let described_by = hint_id.clone();
    let option = |value: String, label: String, checked: bool| {
        let id = format!("rating-{key}-{value}");
        let label_for = id.clone();
        let name = name.clone();
        view! {
            <label class="scale__option" for=label_for>
                <input type="radio" id=id name=name value=value checked=checked />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <fieldset id=statement_anchor(statement.key.as_str()) class="statement" aria-describedby=described_by>
            <legend class="statement__text">{statement.text.clone()}</legend>
            <p id=hint_id class="statement__hint">{statement.guidance.clone()}</p>
            <PreviousStatement framework=framework.clone() statement=statement.clone() />
            <div class="scale">
                {Level::all()
                    .map(|level| option(level.get().to_string(), level_label(&framework, level), current == Some(Rating::Level(level))))
                    .collect_view()}
                {option(
                    NOT_APPLICABLE_VALUE.to_owned(),
                    td_string!(i18n, assessment.not_applicable).to_string(),
                    current == Some(Rating::NotApplicable),
                )}
            </div>
            <BaseInput field=format!("rating:{key}") />
            <ConflictSlot field=format!("rating:{key}") />
            <LimitedTextarea
                id=format!("motivation-{key}")
                name=format!("form[motivation][{key}]")
                label=td_string!(i18n, assessment.motivation_label).to_string()
                max=MOTIVATION_MAX_CHARS
                value=motivation.unwrap_or_default()
                counted_by_island=true
            />
            <BaseInput field=format!("motivation:{key}") />
            <ConflictSlot field=format!("motivation:{key}") />
        </fieldset>
    }
    .into_any()
}
