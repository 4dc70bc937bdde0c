//! Beside a field in conflict with someone else's save: their version, and choices.

use super::autosave::Saver;
use super::field_dom::fill_field;
use super::form_state::FormState;
use super::rating_text::rating_label;
use crate::components::translations::locale;
use crate::domain::changes::AnswerField;
use crate::domain::framework::Framework;
use crate::domain::level::Rating;
use crate::i18n::*;
use leptos::prelude::*;
use std::sync::Arc;

/// Beside a field in conflict: the other person's version and, once the page's script
/// runs, buttons to take it or to keep one's own (which is then saved). An island among
/// the form's fields: the form's state, its saver and the framework's names (whose scale
/// names a rating) come from the form's island.
#[island]
pub fn ConflictNote(field: String) -> impl IntoView {
    let i18n = locale();
    let state = expect_context::<FormState>();
    let saver = expect_context::<Saver>();
    let framework = use_context::<Arc<Framework>>();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    move || {
        let conflict =
            state.conflicts.with(|conflicts| conflicts.iter().find(|c| c.field.to_string() == field).cloned())?;
        let theirs = conflict.theirs.clone();
        let shown = match &conflict.field {
            _ if theirs.is_none() => td_string!(i18n, assessment.conflict_empty).to_string(),
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
                        {td!(i18n, assessment.conflict_use_theirs)}
                    </button>
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| {
                            resolve_mine();
                            saver.changed();
                        }
                    >
                        {td!(i18n, assessment.conflict_keep_mine)}
                    </button>
                </div>
            }
        });
        Some(view! {
            <div class="conflict" role="note">
                <p class="conflict__label">{td!(i18n, assessment.conflict_theirs)}</p>
                <p class="answer-text conflict__theirs">{shown}</p>
                {choices}
            </div>
        })
    }
}
