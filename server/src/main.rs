//! `mognad`: serve the application, migrate the database, seed the demo city, add users.
//! The commands and their flags are `server::cli`; what they do is in the library.

use clap::Parser;

/// Many small, short-lived allocations per rendered page: mimalloc serves them from
/// per-thread pages where the system allocator takes locks and returns memory eagerly.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    server::telemetry::init();
    server::cli::Cli::parse().run().await
}
