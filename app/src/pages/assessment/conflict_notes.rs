//! The form island's conflict notes: once the page's script runs, each current conflict's
//! note, with buttons to take the other person's version or to keep one's own (which is then
//! saved), in its field's slot (`conflict_note::ConflictSlot`) among the server-rendered
//! fields.

use super::autosave::Saver;
use super::conflict_note::{ConflictNote, slot_id};
use super::field_dom::fill_field;
use super::form_state::FormState;
use crate::components::translations::locale;
use crate::domain::framework::Framework;
use crate::domain::merge::FieldConflict;
use crate::i18n::*;
use leptos::portal::Portal;
use leptos::prelude::*;
use std::sync::Arc;

/// Renders nothing in place: empties the slots the server filled, then keeps a note in the
/// slot of each field in conflict, following the form's state.
#[component]
pub fn LiveConflictNotes(framework: Arc<Framework>) -> impl IntoView {
    let state = expect_context::<FormState>();
    let saver = expect_context::<Saver>();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| {
        if let Ok(slots) = document().query_selector_all(".conflict-slot") {
            for index in 0..slots.length() {
                if let Some(slot) = slots.item(index) {
                    slot.set_text_content(None);
                }
            }
        }
        hydrated.set(true);
    });
    // Rebuilt whole when the conflicts change (they are few, so no keyed list).
    move || {
        hydrated.get().then(|| {
            state
                .conflicts
                .get()
                .into_iter()
                .map(|conflict| live_note(conflict, framework.clone(), state, saver))
                .collect_view()
        })
    }
}

/// One conflict's note with its choices, in its field's slot (nothing if the field has none).
fn live_note(conflict: FieldConflict, framework: Arc<Framework>, state: FormState, saver: Saver) -> impl IntoView {
    let slot = document().get_element_by_id(&slot_id(&conflict.field.to_string()))?;
    Some(view! {
        <Portal mount=slot>
            <ConflictNote
                conflict=conflict.clone()
                framework=Some(framework.clone())
                choices=choices(&conflict, state, saver).into_any()
            />
        </Portal>
    })
}

/// Take the other person's version (put into the field and saved), or keep one's own (saved
/// as it is); either ends the conflict.
fn choices(conflict: &FieldConflict, state: FormState, saver: Saver) -> impl IntoView + use<> {
    let i18n = locale();
    let field = conflict.field.to_string();
    let theirs = conflict.theirs.clone();
    let resolve = move |field: &str| {
        state.conflicts.update(|conflicts| conflicts.retain(|c| c.field.to_string() != field));
        state.held.update(|held| {
            held.remove(field);
        });
    };
    let take = {
        let field = field.clone();
        move |_| {
            resolve(&field);
            fill_field(&field, theirs.as_deref());
            saver.changed();
        }
    };
    let keep = move |_| {
        resolve(&field);
        saver.changed();
    };
    view! {
        <div class="conflict__choices">
            <button type="button" class="button button--secondary" on:click=take>
                {td!(i18n, assessment.conflict_use_theirs)}
            </button>
            <button type="button" class="button button--secondary" on:click=keep>
                {td!(i18n, assessment.conflict_keep_mine)}
            </button>
        </div>
    }
}
