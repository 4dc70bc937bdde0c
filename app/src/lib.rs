//! Mognad: the City of Stockholm's self-assessment of quality work.
//!
//! This crate is shared by the server (feature `ssr`) and the browser (feature `hydrate`).

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod format;
pub mod pages;

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
}
