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

/// Entry point of the browser bundle: readies the page for its islands, which the boot
/// script then hydrates one by one (see `components::boot_scripts`).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
