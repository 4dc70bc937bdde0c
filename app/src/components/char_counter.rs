//! The announced length count under a textarea ("120 / 2 000 tecken"): an island that
//! follows what is typed into the textarea it counts for.

use super::char_count::{counter_id, counter_text};
use super::translations::locale;
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
    let id = counter_id(&of);
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
    let counter = move || counter_text(i18n, hydrated.get().then(|| used.get()), max);
    view! { <p id=id class="field__counter">{counter}</p> }
}
