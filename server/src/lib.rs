//! The Mognad server: configuration, the HTTP router with its security layers, and the
//! command line (`cli`) with what its commands do: starting the server (`start`) and the
//! one-off tasks (`tasks`: seed, users, precompress). The binary, `src/main.rs`, only parses
//! the command line and runs it.

pub mod admin_log_csv;
pub mod backup;
pub mod cli;
pub mod config;
pub mod download_access;
pub mod framework_toml;
pub mod layers;
pub mod precompress;
pub mod result_charts;
pub mod result_exports;
pub mod router;
pub mod seed;
pub mod serve;
pub mod session_store;
pub mod sessions;
pub mod start;
pub mod tasks;
pub mod telemetry;
pub mod unit_lists;
