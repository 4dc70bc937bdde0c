//! A textarea with a visible, announced length limit ("120 / 2 000 tecken").

use super::char_counter::CharCounter;
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
) -> impl IntoView {
    let initial = value.unwrap_or_default();
    let used = initial.encode_utf16().count();
    let counter_id = format!("{id}-count");
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
                aria-describedby=counter_id
            >
                {textarea_content(&initial)}
            </textarea>
            <CharCounter of=id max used />
        </div>
    }
    .into_any()
}
