//! What the assessment form keeps track of besides its inputs: the fingerprint of each
//! field's value as last loaded or saved (sent back as `form[base][<field>]`, so the server
//! can merge), and the fields in conflict with someone else's save.
//!
//! A field in conflict has two bases: the other person's value (in `bases`, so that
//! pressing a save button keeps the editor's version, as without script) and the value the
//! editor started from (in `held`, sent by autosave, so the conflict stays until the
//! editor chooses).

use super::form_start::FormStart;
use crate::domain::changes::AnswerField;
use crate::domain::fingerprint::fingerprint;
use crate::domain::merge::FieldConflict;
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
    pub fn new(start: &FormStart) -> Self {
        let empty = fingerprint(None);
        let mut bases: HashMap<String, String> = AnswerField::all_of(&start.framework)
            .map(|field| {
                let name = field.to_string();
                let base = start.filled.get(&name).cloned().unwrap_or_else(|| empty.clone());
                (name, base)
            })
            .collect();
        // A field in conflict starts from the other person's value: saving keeps yours.
        for conflict in &start.conflicts {
            bases.insert(conflict.field.to_string(), fingerprint(conflict.theirs.as_deref()));
        }
        FormState {
            bases: RwSignal::new(bases),
            conflicts: RwSignal::new(start.conflicts.clone()),
            held: RwSignal::new(HashMap::new()),
            ratings: RwSignal::new(start.ratings.clone()),
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
