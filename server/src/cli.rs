//! The command line of `mognad`: its commands, flags, environment variables and defaults,
//! and which part of the library each command runs.

use crate::seed;
use crate::{start, tasks};
use app::domain::privacy::PrivacyRules;
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;

/// The parsed command line: the database every command works on, and the command.
#[derive(Parser)]
#[command(name = "mognad", about = "Mognad – självskattning av kvalitetsarbetet i Stockholms stad")]
pub struct Cli {
    /// The database, e.g. sqlite://var/mognad.db
    #[arg(long, env = "MOGNAD_DATABASE_URL", default_value = "sqlite://var/mognad.db", global = true)]
    pub database_url: String,
    /// The most connections this server keeps open to the database (default: 16 to
    /// PostgreSQL, 8 to SQLite). With several servers on one PostgreSQL, keep their sum
    /// near twice the database machine's cores.
    #[arg(long, env = "MOGNAD_DATABASE_CONNECTIONS", global = true)]
    pub database_connections: Option<u32>,
    #[command(subcommand)]
    pub command: Command,
}

// The doc comments of the variants and fields below are the command line's help text.
#[derive(Subcommand)]
pub enum Command {
    /// Runs the web server (migrates the database first).
    Serve(ServeArgs),
    /// Brings the database schema up to date.
    Migrate,
    /// Seeds the demo city into an empty database.
    Seed {
        /// Roughly how many units to generate (default: the city as described, ~2,000).
        #[arg(long)]
        units: Option<usize>,
        #[arg(long, default_value_t = seed::DEFAULT_SEED)]
        seed: u64,
    },
    /// Writes brotli and gzip variants of the built site's assets (run after a build).
    Precompress {
        /// The built site; defaults to LEPTOS_SITE_ROOT or target/site.
        #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
        site_root: std::path::PathBuf,
    },
    /// Writes a consistent copy of the database to FILE while the server may go on writing,
    /// and prints every table's row count and checksum.
    Backup {
        /// The backup file to write; it must not exist.
        file: std::path::PathBuf,
    },
    /// Restores a backup into the database (--database-url), which must not exist yet
    /// (SQLite) or be empty (PostgreSQL), brings its schema up to date, and prints every
    /// table's row count and checksum.
    Restore {
        /// The backup file to read.
        file: std::path::PathBuf,
    },
    /// Creates a user (or updates name and password) and gives them a role on a node.
    /// The password is read from MOGNAD_PASSWORD.
    AddUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// quality_department, head or unit_manager
        #[arg(long)]
        role: String,
        /// The organisation node the role is held on (it covers the node's subtree).
        #[arg(long)]
        node: i64,
    },
}

// What `serve` is started with (no doc comment: it would replace `serve`'s help text).
#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on; defaults to the Leptos site address (127.0.0.1:3000).
    #[arg(long, env = "MOGNAD_ADDR")]
    pub addr: Option<SocketAddr>,
    /// The public address users reach the service at, e.g. https://mognad.example.se
    #[arg(long, env = "MOGNAD_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Seeds the demo city into an empty database and prints the demo accounts.
    #[arg(long)]
    pub demo: bool,
    /// The fewest units a mean may rest on for those who see aggregates only.
    #[arg(long, env = "MOGNAD_MIN_UNITS_MEAN", default_value_t = PrivacyRules::DEFAULT_MIN_UNITS_FOR_MEAN)]
    pub min_units_mean: usize,
    /// The fewest units a spread and a level distribution may rest on for them.
    #[arg(long, env = "MOGNAD_MIN_UNITS_SPREAD", default_value_t = PrivacyRules::DEFAULT_MIN_UNITS_FOR_SPREAD)]
    pub min_units_spread: usize,
    /// The header a reverse proxy in front of the server puts the client's address in
    /// (e.g. x-forwarded-for), for the sign-in limits per address. Set it only behind such
    /// a proxy: clients can send the header themselves.
    #[arg(long, env = "MOGNAD_CLIENT_ADDRESS_HEADER")]
    pub client_address_header: Option<axum::http::HeaderName>,
    /// Send e-mail through this SMTP server, e.g. smtps://user:password@smtp.example.se
    /// or smtp://relay.internal:25?tls=required
    #[arg(long, env = "MOGNAD_SMTP_URL", conflicts_with = "outbox_dir")]
    pub smtp_url: Option<String>,
    /// Write e-mail as .eml files into this folder instead of sending it (the default with
    /// --demo is var/outbox).
    #[arg(long, env = "MOGNAD_OUTBOX_DIR")]
    pub outbox_dir: Option<std::path::PathBuf>,
    /// The sender of the e-mail the service sends.
    #[arg(long, env = "MOGNAD_MAIL_FROM", default_value = "Mognad <noreply@mognad.test>")]
    pub mail_from: String,
}

impl Cli {
    /// Runs the command. Every command but `precompress` and `restore` opens (and migrates)
    /// the database first.
    pub async fn run(self) -> anyhow::Result<()> {
        match &self.command {
            Command::Precompress { site_root } => return tasks::precompress(site_root),
            Command::Restore { file } => return tasks::restore(file, &self.database_url).await,
            _ => {}
        }
        let pool = start::open_database(&self.database_url, self.database_connections).await?;
        match self.command {
            Command::Migrate => println!("Databasen är uppdaterad."),
            Command::Precompress { .. } | Command::Restore { .. } => {}
            Command::Backup { file } => tasks::backup(&pool, &self.database_url, &file).await?,
            Command::Seed { units, seed } => tasks::seed(&pool, seed::SeedOptions { units, seed }).await?,
            Command::AddUser { email, name, role, node } => tasks::add_user(&pool, &email, &name, &role, node).await?,
            Command::Serve(args) => start::serve(pool, self.database_url, args).await?,
        }
        Ok(())
    }
}
