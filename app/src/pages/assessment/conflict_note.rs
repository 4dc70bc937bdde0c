//! Beside a field in conflict with someone else's save: their version.
//!
//! Each field has a slot among the form's server-rendered fields (`ConflictSlot`). The
//! server fills it when the page opens with kept conflicts (a save without script); once
//! the script runs, the form's island owns the slots and puts each current conflict's note,
//! with its choices, into its field's slot (`conflict_notes`): one island for the whole
//! form instead of one per field.

use super::form_state::FormState;
use super::rating_text::rating_label;
use crate::components::translations::locale;
use crate::domain::changes::AnswerField;
use crate::domain::framework::Framework;
use crate::domain::level::Rating;
use crate::domain::merge::FieldConflict;
use crate::i18n::*;
use leptos::prelude::*;
use std::sync::Arc;

/// The id of the slot beside the field named `field` (`rating:1.1` → `conflict-rating-1.1`).
pub fn slot_id(field: &str) -> String {
    format!("conflict-{}", field.replace(':', "-"))
}

/// The slot beside the field named `field`, holding the field's kept conflict if the page
/// opens with one (the form's state and the framework come from the form's island).
#[component]
pub fn ConflictSlot(field: String) -> impl IntoView {
    let state = expect_context::<FormState>();
    let kept =
        state.conflicts.with_untracked(|conflicts| conflicts.iter().find(|c| c.field.to_string() == field).cloned());
    let id = slot_id(&field);
    match kept {
        Some(conflict) => {
            let framework = use_context::<Arc<Framework>>();
            view! { <div id=id class="conflict-slot"><ConflictNote conflict framework /></div> }.into_any()
        }
        None => view! { <div id=id class="conflict-slot"></div> }.into_any(),
    }
}

/// The other person's version of a field in conflict, with `choices` once the page's script
/// runs.
#[component]
pub fn ConflictNote(
    conflict: FieldConflict,
    framework: Option<Arc<Framework>>,
    #[prop(optional)] choices: Option<AnyView>,
) -> impl IntoView {
    let i18n = locale();
    let shown = match (&conflict.field, conflict.theirs) {
        (_, None) => td_string!(i18n, assessment.conflict_empty).to_string(),
        (AnswerField::Rating(_), Some(value)) => match (&framework, Rating::parse(&value)) {
            (Some(framework), Ok(rating)) => rating_label(i18n, framework, rating),
            _ => value,
        },
        (AnswerField::Text(_), Some(value)) => value,
    };
    view! {
        <div class="conflict" role="note">
            <p class="conflict__label">{td!(i18n, assessment.conflict_theirs)}</p>
            <p class="answer-text conflict__theirs">{shown}</p>
            {choices}
        </div>
    }
}
