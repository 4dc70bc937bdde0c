//! A list of e-mail addresses to paste into a mail program: a labelled read-only textarea
//! that works without script, and, once the page's script runs, a button that copies it.

use super::text_counter::textarea_content;
use super::translations::locale;
use crate::i18n::*;
use leptos::prelude::*;

/// What copying did.
#[cfg_attr(not(feature = "hydrate"), expect(dead_code, reason = "only the browser copies"))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    /// The text is on the clipboard.
    ToClipboard,
    /// The browser offers no clipboard here: the text is selected for the user to copy.
    Selected,
}

/// Selects the textarea's text and puts it on the clipboard where the browser allows it.
#[cfg(feature = "hydrate")]
fn copy(id: &str) -> Option<Copied> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let area = window.document()?.get_element_by_id(id)?.dyn_into::<web_sys::HtmlTextAreaElement>().ok()?;
    area.select();
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return Some(Copied::Selected);
    }
    // The promise's outcome is not awaited: the text stays selected either way.
    let _ = clipboard.write_text(&area.value());
    Some(Copied::ToClipboard)
}

#[cfg(not(feature = "hydrate"))]
fn copy(_id: &str) -> Option<Copied> {
    None
}

/// An island: the copy button appears once it is hydrated.
#[island]
pub fn AddressList(
    /// The element id of the textarea.
    id: String,
    /// The addresses, separated by semicolons.
    addresses: String,
    label: String,
) -> impl IntoView {
    let i18n = locale();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let copied = RwSignal::new(None::<Copied>);
    let message = move || match copied.get() {
        Some(Copied::ToClipboard) => td_string!(i18n, progress.copied).to_string(),
        Some(Copied::Selected) => td_string!(i18n, progress.copy_selected).to_string(),
        None => String::new(),
    };
    view! {
        <div class="field">
            <label for=id.clone() class="field__label">{label}</label>
            <textarea id=id.clone() class="field__textarea" readonly rows="4">
                {textarea_content(&addresses)}
            </textarea>
        </div>
        <p class="copy-row">
            <button
                type="button"
                class="button button--secondary"
                hidden=move || !hydrated.get()
                on:click=move |_| copied.set(copy(&id))
            >
                {td!(i18n, progress.copy)}
            </button>
            <span role="status">{message}</span>
        </p>
    }
}
