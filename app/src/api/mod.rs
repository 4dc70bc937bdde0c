//! Server functions by area. Each is a public HTTP endpoint, so each one asks who is
//! calling and whether they may, before it touches data (deny by default).
//! Thin: who is asking → may they → db → domain → DTO.
//!
//! One folder per area: its `mod.rs` holds the server functions and the data they send
//! (compiled for both the server and the browser); modules beside it marked server-only hold
//! the work only the server does (loading, saving, access checks).

pub mod actions;
pub mod admin;
pub mod admin_log;
pub mod admin_rounds;
pub mod assessment;
pub mod auth;
pub mod error;
pub mod exports;
#[cfg(feature = "ssr")]
pub mod form_upload;
pub mod frameworks;
pub mod history;
pub mod org_changes;
pub mod org_import;
pub mod org_tree;
pub mod organisation;
pub mod overview;
pub mod password;
pub mod people;
pub mod presentation;
pub mod reminders;
pub mod results;
pub mod round_summary;
pub mod rounds;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod csv_lines;
#[cfg(feature = "ssr")]
pub mod kept_posts;
#[cfg(feature = "ssr")]
pub mod sha256_hex;
