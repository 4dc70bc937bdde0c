//! What the assessment form keeps track of besides its inputs: the fingerprint of each
//! field's value as last loaded or saved (sent back as `form[base][<field>]`, so the server
//! can merge), and the fields in conflict with someone else's save.
//!
//! A field in conflict has two bases: the other person's value (in `bases`, so that
//! pressing a save button keeps the editor's version, as without script) and the value the
//! editor started from (in `held`, sent by autosave, so the conflict stays until the
//! editor chooses).

use crate::domain::answers::{Answers, TextField};
use crate::domain::changes::AnswerField;
use crate::domain::fingerprint::fingerprint;
use crate::domain::framework::Framework;
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
