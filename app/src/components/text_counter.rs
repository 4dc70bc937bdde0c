//! A textarea with a visible, announced length limit ("120 / 2 000 tecken").

use super::char_count::{counter_id, counter_text};
use super::char_counter::CharCounter;
use super::translations::locale;
use leptos::prelude::*;

/// The text to put inside `<textarea>` so that it shows exactly `text`.
///
/// Leptos writes a textarea's children into server HTML unescaped (it treats textarea like
/// script and style), so stored text containing `</textarea>` would end the element and
/// the rest would be parsed as markup. On the server the text is entity-escaped; the
/// browser decodes entities inside a textarea, so the field shows the original. In the
/// browser the child is a DOM text node, which needs no escaping.
pub fn textarea_content(text: &str) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    } else {
        text.to_owned()
    }
}

/// A labelled textarea. The limit is enforced by the browser (`maxlength`) and again by
/// the server; the counter (an island, see `char_counter`) follows the typing once the
/// page's script has loaded. The text itself is only in the HTML, never in island props.
/// Inside an island that counts its textareas itself (`counted_by_island`: the
/// assessment form, with dozens), the counter is plain HTML that the island keeps.
#[component]
pub fn LimitedTextarea(
    /// The element id; the label and the counter refer to it.
    id: String,
    /// The form field name.
    name: String,
    label: String,
    max: usize,
    #[prop(optional)] value: Option<String>,
    #[prop(optional)] readonly: Option<bool>,
    #[prop(optional)] required: Option<bool>,
    /// The enclosing island updates the counter (`char_count::show_count`).
    #[prop(optional)]
    counted_by_island: bool,
) -> impl IntoView {
    let initial = value.unwrap_or_default();
    let described_by = counter_id(&id);
    let counter = if counted_by_island {
        view! { <p id=described_by.clone() class="field__counter">{counter_text(locale(), None, max)}</p> }.into_any()
    } else {
        let used = initial.encode_utf16().count();
        view! { <CharCounter of=id.clone() max used /> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id.clone() class="field__label">{label}</label>
            <textarea
                id=id.clone()
                name=name
                class="field__textarea"
                rows="4"
                maxlength=max
                readonly=readonly.unwrap_or(false)
                required=required.unwrap_or(false)
                aria-describedby=described_by
            >
                {textarea_content(&initial)}
            </textarea>
            {counter}
        </div>
    }
    .into_any()
}
