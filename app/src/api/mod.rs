//! Server functions by area. Each is a public HTTP endpoint, so each one asks who is
//! calling and whether they may, before it touches data (deny by default).
//! Thin: who is asking → may they → db → domain → DTO.

pub mod actions;
pub mod assessment;
pub mod auth;
pub mod dto;
pub mod error;
pub mod history;
pub mod overview;
pub mod redirect_target;
pub mod results;
pub mod results_query;
pub mod rounds;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod action_access;
#[cfg(feature = "ssr")]
pub mod browser_key;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod passwords;
#[cfg(feature = "ssr")]
pub mod previous;
#[cfg(feature = "ssr")]
pub mod results_cache;
#[cfg(feature = "ssr")]
pub mod results_figures;
#[cfg(feature = "ssr")]
pub mod results_loader;
#[cfg(feature = "ssr")]
pub mod results_profile;
#[cfg(feature = "ssr")]
pub mod results_trend;
#[cfg(feature = "ssr")]
pub mod saving;
#[cfg(feature = "ssr")]
pub mod sign_in_limits;
