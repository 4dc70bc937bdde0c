//! What the assessment form keeps track of besides its inputs: the fingerprint of each
//! field's value as last loaded or saved (sent back as `form[base][<field>]`, so the server
//! can merge), and the fields in conflict with someone else's save.
//!
//! A field in conflict has two bases: the other person's value (in `bases`, so that
//! pressing a save button keeps the editor's version, as without script) and the value the
//! editor started from (in `held`, sent by autosave, so the conflict stays until the
//! editor chooses).

use super::autosave::Saver;
use super::field_dom::fill_field;
use super::field_label::field_label;
use super::rating_text::rating_label;
use crate::domain::answers::{Answers, TextField};
use crate::domain::changes::AnswerField;
use crate::domain::fingerprint::fingerprint;
use crate::domain::framework::Framework;
use crate::domain::level::Rating;
use crate::domain::merge::FieldConflict;
use crate::i18n::*;
use leptos::prelude::*;
use std::collections::HashMap;

/// Shared with the fields through context.
#[derive(Clone, Copy)]
pub struct FormState {
    pub bases: RwSignal<HashMap<String, String>>,
    pub conflicts: RwSignal<Vec<FieldConflict>>,
    /// Fields in conflict, with the fingerprint of the value the editor started from.
    pub held: RwSignal<HashMap<String, String>>,
    /// The rating chosen for each statement (form value by statement key), as it is now.
    pub ratings: RwSignal<HashMap<String, String>>,
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
        let ratings = answers.ratings.iter().map(|(key, rating)| (key.to_string(), rating.form_value())).collect();
        FormState {
            bases: RwSignal::new(bases),
            conflicts: RwSignal::new(conflicts),
            held: RwSignal::new(HashMap::new()),
            ratings: RwSignal::new(ratings),
        }
    }

    /// Follows a rating chosen in the form (an `input` event from anywhere in it).
    pub fn note_rating(&self, event: &leptos::ev::Event) {
        use leptos::wasm_bindgen::JsCast;
        let Some(input) = event.target().and_then(|target| target.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let name = input.name();
        let Some(key) = name.strip_prefix("form[rating][").and_then(|rest| rest.strip_suffix(']')) else { return };
        if input.checked() {
            self.ratings.update(|ratings| {
                ratings.insert(key.to_owned(), input.value());
            });
        }
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

/// Beside a field in conflict: the other person's version and, once the page's script
/// runs, buttons to take it or to keep one's own (which is then saved).
#[component]
pub fn ConflictNote(
    field: String,
    /// The framework whose scale names a rating; given for rating fields.
    #[prop(optional)]
    framework: Option<Framework>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_context::<FormState>();
    let saver = expect_context::<Saver>();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    move || {
        let conflict =
            state.conflicts.with(|conflicts| conflicts.iter().find(|c| c.field.to_string() == field).cloned())?;
        let theirs = conflict.theirs.clone();
        let shown = match &conflict.field {
            _ if theirs.is_none() => t_string!(i18n, assessment.conflict_empty).to_string(),
            AnswerField::Rating(_) => {
                let value = theirs.clone().unwrap_or_default();
                match (&framework, Rating::parse(&value)) {
                    (Some(framework), Ok(rating)) => rating_label(i18n, framework, rating),
                    _ => value,
                }
            }
            AnswerField::Text(_) => theirs.clone().unwrap_or_default(),
        };
        let resolve = {
            let field = field.clone();
            move || {
                state.conflicts.update(|conflicts| conflicts.retain(|c| c.field.to_string() != field));
                state.held.update(|held| {
                    held.remove(&field);
                });
            }
        };
        let choices = hydrated.get().then(|| {
            let (field, resolve_theirs, resolve_mine) = (field.clone(), resolve.clone(), resolve);
            view! {
                <div class="conflict__choices">
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| {
                            resolve_theirs();
                            fill_field(&field, theirs.as_deref());
                            saver.changed();
                        }
                    >
                        {t!(i18n, assessment.conflict_use_theirs)}
                    </button>
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| {
                            resolve_mine();
                            saver.changed();
                        }
                    >
                        {t!(i18n, assessment.conflict_keep_mine)}
                    </button>
                </div>
            }
        });
        Some(view! {
            <div class="conflict" role="note">
                <p class="conflict__label">{t!(i18n, assessment.conflict_theirs)}</p>
                <p class="answer-text conflict__theirs">{shown}</p>
                {choices}
            </div>
        })
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
