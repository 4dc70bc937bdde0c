//! A textarea with a visible, announced length limit ("120 / 2 000 tecken").

use super::translations::locale;
use crate::format;
use crate::i18n::*;
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
/// the server; the counter updates as the user types once the page's script has loaded (an
/// island; inside another island, a part of it).
#[island]
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
    let i18n = locale();
    let initial = value.unwrap_or_default();
    let used = RwSignal::new(initial.encode_utf16().count());
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let counter_id = format!("{id}-count");
    let max_text = format::count(max);
    let counter = move || {
        let max = max_text.clone();
        if hydrated.get() {
            let used = format::count(used.get());
            td_string!(i18n, assessment.chars_used, used = used, max = max).to_string()
        } else {
            td_string!(i18n, assessment.chars_max, max = max).to_string()
        }
    };
    view! {
        <div class="field">
            <label for=id.clone() class="field__label">{label}</label>
            <textarea
                id=id
                name=name
                class="field__textarea"
                rows="4"
                maxlength=max
                readonly=readonly.unwrap_or(false)
                required=required.unwrap_or(false)
                aria-describedby=counter_id.clone()
                on:input=move |event| used.set(event_target_value(&event).encode_utf16().count())
            >
                {textarea_content(&initial)}
            </textarea>
            <p id=counter_id class="field__counter">{counter}</p>
        </div>
    }
    .into_any()
}
