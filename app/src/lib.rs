//! Mognad: the City of Stockholm's self-assessment of quality work.
//!
//! This crate is shared by the server (feature `ssr`) and the browser (feature `hydrate`).

// The assessment form is one deep view tree; its type needs more than the default depth.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod asset_names;
pub mod components;
pub mod domain;
pub mod format;
pub mod pages;
pub mod routes;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod state;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

/// Entry point of the browser bundle: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Lets end-to-end tests (and curious people) see that the page's script has taken over.
    if let Some(root) =
        web_sys::window().and_then(|window| window.document()).and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
