//! Where a click landed, for the islands that listen to clicks on server-rendered children.

use leptos::wasm_bindgen::JsCast;

/// The nearest element matching `selector` at or above the element `event` was clicked on.
pub fn clicked_closest(event: &leptos::ev::MouseEvent, selector: &str) -> Option<leptos::web_sys::Element> {
    let clicked = event.target()?.dyn_into::<leptos::web_sys::Element>().ok()?;
    clicked.closest(selector).ok().flatten()
}
