//! The Mognad server: configuration, the HTTP router with its security layers, and the
//! command-line tasks (serve, migrate, seed, users). The binary is `src/main.rs`.

pub mod config;
pub mod layers;
pub mod precompress;
pub mod result_charts;
pub mod router;
pub mod seed;
pub mod serve;
pub mod sessions;
pub mod telemetry;
