//! The hidden input carrying a field's base fingerprint (`form[base][<field>]`), so the
//! server can merge a save with others' (see `form_state`). It is for the form posted
//! without script; with script, each save sends the bases the page holds now.

use super::form_state::FormState;
use leptos::prelude::*;

/// The hidden input carrying a field's base fingerprint as the page was rendered.
#[component]
pub fn BaseInput(field: String) -> impl IntoView {
    let state = expect_context::<FormState>();
    let name = format!("form[base][{field}]");
    let value = state.bases.with_untracked(|bases| bases.get(&field).cloned().unwrap_or_default());
    view! { <input type="hidden" name=name value=value /> }
}
