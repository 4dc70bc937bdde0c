//! The announced length count under a textarea ("120 / 2 000 tecken"): an island that
//! follows what is typed into the textarea it counts for.

use super::translations::locale;
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// The counter of the textarea with id `of`, whose limit is `max` and which holds `used`
/// UTF-16 units (the browser's measure for `maxlength`) as rendered. Until the page's
/// script runs it states the limit only.
#[island]
pub fn CharCounter(of: String, max: usize, used: usize) -> impl IntoView {
    let i18n = locale();
    let used = RwSignal::new(used);
    let hydrated = RwSignal::new(false);
    let counter_id = format!("{of}-count");
    Effect::new(move |_| {
        hydrated.set(true);
        // Typing, or a value put in by script (which announces an `input` event).
        let of = of.clone();
        let listener = window_event_listener(leptos::ev::input, move |event| {
            let Some(textarea) = event
                .target()
                .and_then(|target| target.dyn_into::<leptos::web_sys::HtmlTextAreaElement>().ok())
                .filter(|textarea| textarea.id() == of)
            else {
                return;
            };
            used.set(textarea.value().encode_utf16().count());
        });
        on_cleanup(move || listener.remove());
    });
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
    view! { <p id=counter_id class="field__counter">{counter}</p> }
}
