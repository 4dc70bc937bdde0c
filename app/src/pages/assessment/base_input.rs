//! The hidden input carrying a field's base fingerprint (`form[base][<field>]`), so the
//! server can merge a save with others' (see `form_state`).

use super::form_state::FormState;
use leptos::prelude::*;

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
