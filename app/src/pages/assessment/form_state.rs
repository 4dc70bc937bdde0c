//! What the assessment form keeps track of besides its inputs: the fingerprint of each
//! field's value as last loaded or saved (sent back as `form[base][<field>]`, so the server
//! can merge), and the fields in conflict with someone else's save.

use super::field_label::field_label;
use crate::domain::answers::{Answers, TextField};
use crate::domain::changes::AnswerField;
use crate::domain::fingerprint::fingerprint;
use crate::domain::framework::Framework;
use crate::domain::merge::FieldConflict;
use crate::i18n::*;
use leptos::prelude::*;
use std::collections::HashMap;

/// Shared with the fields through context.
#[derive(Clone, Copy)]
pub struct FormState {
    pub bases: RwSignal<HashMap<String, String>>,
    pub conflicts: RwSignal<Vec<FieldConflict>>,
}

impl FormState {
    pub fn new(framework: &Framework, answers: &Answers, conflicts: Vec<FieldConflict>) -> Self {
        let mut bases = HashMap::new();
        for dimension in &framework.dimensions {
            for statement in &dimension.statements {
                for field in [
                    AnswerField::Rating(statement.key.clone()),
                    AnswerField::Text(TextField::Motivation(statement.key.clone())),
                ] {
                    bases.insert(field.to_string(), fingerprint(field.value_in(answers).as_deref()));
                }
            }
            for field in [TextField::Strengths(dimension.key.clone()), TextField::Improvements(dimension.key.clone())] {
                let field = AnswerField::Text(field);
                bases.insert(field.to_string(), fingerprint(field.value_in(answers).as_deref()));
            }
        }
        // A field in conflict starts from the other person's value: saving keeps yours.
        for conflict in &conflicts {
            bases.insert(conflict.field.to_string(), fingerprint(conflict.theirs.as_deref()));
        }
        FormState { bases: RwSignal::new(bases), conflicts: RwSignal::new(conflicts) }
    }
}

/// The hidden input carrying a field's base fingerprint.
#[component]
pub fn BaseInput(field: String) -> impl IntoView {
    let state = expect_context::<FormState>();
    let name = format!("form[base][{field}]");
    view! {
        <input
            type="hidden"
            name=name
            value=move || state.bases.with(|bases| bases.get(&field).cloned().unwrap_or_default())
        />
    }
}

/// Beside a field in conflict: the other person's version, and (with script) a button that
/// puts it into the field.
#[component]
pub fn ConflictNote(field: String, #[prop(optional)] input_id: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<FormState>();
    move || {
        let conflict =
            state.conflicts.with(|conflicts| conflicts.iter().find(|c| c.field.to_string() == field).cloned())?;
        let theirs = conflict.theirs.clone();
        let shown = theirs.clone().unwrap_or_else(|| t_string!(i18n, assessment.conflict_empty).to_string());
        let use_theirs = input_id.clone().map(|input_id| {
            let theirs = theirs.clone().unwrap_or_default();
            view! {
                <button type="button" class="button button--secondary" on:click=move |_| put_into_field(&input_id, &theirs)>
                    {t!(i18n, assessment.conflict_use_theirs)}
                </button>
            }
        });
        Some(view! {
            <div class="conflict" role="note">
                <p class="conflict__label">{t!(i18n, assessment.conflict_theirs)}</p>
                <p class="answer-text conflict__theirs">{shown}</p>
                {use_theirs}
            </div>
        })
    }
}

/// Puts `text` into the textarea with this id, as if typed (the counter follows).
fn put_into_field(input_id: &str, text: &str) {
    use leptos::wasm_bindgen::JsCast;
    let Some(element) = document().get_element_by_id(input_id) else { return };
    if let Some(textarea) = element.dyn_ref::<leptos::web_sys::HtmlTextAreaElement>() {
        textarea.set_value(text);
        if let Ok(event) = leptos::web_sys::Event::new("input") {
            let _ = textarea.dispatch_event(&event);
        }
        let _ = textarea.focus();
    }
}

/// The list of fields in conflict, above the form, each a link to the field.
#[component]
pub fn ConflictSummary(framework: Framework) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<FormState>();
    move || {
        let conflicts = state.conflicts.get();
        (!conflicts.is_empty()).then(|| {
            let items = conflicts
                .iter()
                .map(|conflict| {
                    let (label, anchor) = field_label(i18n, &framework, &conflict.field);
                    view! { <li><a href=format!("#{anchor}")>{label}</a></li> }
                })
                .collect_view();
            view! {
                <section class="notice notice--warning" aria-labelledby="conflict-heading">
                    <h2 id="conflict-heading" tabindex="-1">{t!(i18n, assessment.conflict_heading)}</h2>
                    <p>{t!(i18n, assessment.conflict_intro)}</p>
                    <ul>{items}</ul>
                </section>
            }
        })
    }
}
