//! `mognad`: serve the application, migrate the database, seed the demo city, add users.
//! The commands and their flags are `server::cli`; what they do is in the library.

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    server::telemetry::init();
    server::cli::Cli::parse().run().await
}
