//! Putting a value into one of the form's fields from script, as if the user had typed or
//! clicked it (so counters follow and the form saves it).

use crate::domain::level::{Level, NOT_APPLICABLE_VALUE};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Event, EventInit, HtmlInputElement, HtmlTextAreaElement};

/// Sets the field named `name` (`rating:<statement>`, `motivation:<statement>`,
/// `strengths:<dimension>`, `improvements:<dimension>`) to `value`; `None` clears it.
/// Returns whether the field was found.
pub fn fill_field(name: &str, value: Option<&str>) -> bool {
    let Some((group, key)) = name.split_once(':') else { return false };
    if group == "rating" {
        let values = Level::all().map(|level| level.get().to_string()).chain([NOT_APPLICABLE_VALUE.to_owned()]);
        let mut found = false;
        for option in values {
            if let Some(radio) = element::<HtmlInputElement>(&format!("rating-{key}-{option}")) {
                let chosen = value == Some(option.as_str());
                radio.set_checked(chosen);
                if chosen {
                    announce_input(&radio);
                }
                found = true;
            }
        }
        return found;
    }
    let Some(textarea) = element::<HtmlTextAreaElement>(&format!("{group}-{key}")) else { return false };
    textarea.set_value(value.unwrap_or_default());
    announce_input(&textarea);
    true
}

/// Fires a bubbling `input` event on `element`, as the browser does when the user types.
fn announce_input(element: &leptos::web_sys::EventTarget) {
    let init = EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = Event::new_with_event_init_dict("input", &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// The id of the element that takes focus for the field named `name` holding `value`: the
/// textarea, or the chosen (else the first) radio button.
pub fn field_element_id(name: &str, value: Option<&str>) -> String {
    let (group, key) = name.split_once(':').unwrap_or((name, ""));
    if group == "rating" { format!("rating-{key}-{}", value.unwrap_or("1")) } else { format!("{group}-{key}") }
}

/// Moves keyboard focus to the element with this id.
pub fn focus(id: &str) {
    if let Some(element) = element::<leptos::web_sys::HtmlElement>(id) {
        let _ = element.focus();
    }
}

/// Moves keyboard focus to the element with this id once it is on the page.
pub fn focus_soon(id: &'static str) {
    request_animation_frame(move || focus(id));
}

fn element<T: JsCast>(id: &str) -> Option<T> {
    document().get_element_by_id(id).and_then(|element| element.dyn_into::<T>().ok())
}
