//! `mognad`: serve the application, migrate the database, seed the demo city, add users.

use anyhow::Context;
use app::db;
use app::domain::ids::NodeId;
use app::domain::privacy::PrivacyRules;
use app::domain::rights::Role;
use app::state::AppState;
use clap::{Parser, Subcommand};
use leptos::config::get_configuration;
use server::config::{Config, Timeouts};
use server::seed::{self, SeedOptions, users::DEMO_PASSWORD};
use std::net::SocketAddr;

#[derive(Parser)]
#[command(name = "mognad", about = "Mognad – självskattning av kvalitetsarbetet i Stockholms stad")]
struct Cli {
    /// The database, e.g. sqlite://var/mognad.db
    #[arg(long, env = "MOGNAD_DATABASE_URL", default_value = "sqlite://var/mognad.db", global = true)]
    database_url: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the web server (migrates the database first).
    Serve {
        /// Address to listen on; defaults to the Leptos site address (127.0.0.1:3000).
        #[arg(long, env = "MOGNAD_ADDR")]
        addr: Option<SocketAddr>,
        /// The public address users reach the service at, e.g. https://mognad.example.se
        #[arg(long, env = "MOGNAD_PUBLIC_URL")]
        public_url: Option<String>,
        /// Seeds the demo city into an empty database and prints the demo accounts.
        #[arg(long)]
        demo: bool,
        /// The fewest units a mean may rest on for those who see aggregates only.
        #[arg(long, env = "MOGNAD_MIN_UNITS_MEAN", default_value_t = PrivacyRules::DEFAULT_MIN_UNITS_FOR_MEAN)]
        min_units_mean: usize,
        /// The fewest units a spread and a level distribution may rest on for them.
        #[arg(long, env = "MOGNAD_MIN_UNITS_SPREAD", default_value_t = PrivacyRules::DEFAULT_MIN_UNITS_FOR_SPREAD)]
        min_units_spread: usize,
        /// The header a reverse proxy in front of the server puts the client's address in
        /// (e.g. x-forwarded-for), for the sign-in limits per address. Set it only behind such
        /// a proxy: clients can send the header themselves.
        #[arg(long, env = "MOGNAD_CLIENT_ADDRESS_HEADER")]
        client_address_header: Option<axum::http::HeaderName>,
    },
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

/// Creates the directory of a SQLite database file, so a fresh clone can start at once.
fn ensure_parent_dir(database_url: &str) -> anyhow::Result<()> {
    let path = database_url.strip_prefix("sqlite://").or_else(|| database_url.strip_prefix("sqlite:"));
    let Some(path) = path.filter(|path| !path.starts_with(':')) else { return Ok(()) };
    if let Some(parent) = std::path::Path::new(path).parent().filter(|parent| !parent.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("create {}", parent.display()))?;
    }
    Ok(())
}

fn print_demo_accounts(users: &[seed::users::DemoUser]) {
    println!();
    println!("Demokonton (lösenord för alla: {DEMO_PASSWORD}):");
    for user in users {
        println!("  {:<36} {} – {}", user.email, user.name, user.description);
    }
    println!();
}

/// The demo accounts of an already seeded database, described from their roles.
async fn demo_accounts(pool: &db::Pool) -> anyhow::Result<Vec<seed::users::DemoUser>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT email FROM app_user WHERE email LIKE '%@mognad.test' ORDER BY id")
            .fetch_all(pool)
            .await?;
    let today = db::clock::today();
    let mut accounts = Vec::with_capacity(rows.len());
    for (email,) in rows {
        let Some(user) = db::users::find_by_email(pool, &email).await? else { continue };
        let mut roles = Vec::new();
        for grant in db::users::grants(pool, user.id).await? {
            let node = db::org::node_at(pool, grant.node, today).await?.map(|node| node.name).unwrap_or_default();
            let role = match grant.role {
                Role::QualityDepartment => "Kvalitetsavdelningen",
                Role::Head => "Chef",
                Role::UnitManager => "Enhetschef",
            };
            roles.push(format!("{role}, {node}"));
        }
        accounts.push(seed::users::DemoUser {
            email,
            name: user.display_name,
            description: roles.join("; "),
            unit: None,
        });
    }
    Ok(accounts)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    server::telemetry::init();
    let cli = Cli::parse();
    if let Command::Precompress { site_root } = &cli.command {
        for asset in server::precompress::precompress(site_root)? {
            println!(
                "{}: {} kB, brotli {} kB, gzip {} kB",
                asset.path.display(),
                asset.raw / 1024,
                asset.brotli / 1024,
                asset.gzip / 1024
            );
        }
        return Ok(());
    }
    ensure_parent_dir(&cli.database_url)?;
    let pool = db::pool::connect_and_migrate(&cli.database_url).await.context("open and migrate the database")?;

    match cli.command {
        Command::Migrate => println!("Databasen är uppdaterad."),
        Command::Precompress { .. } => {}
        Command::Seed { units, seed } => {
            let started = std::time::Instant::now();
            let summary = seed::seed_demo(&pool, SeedOptions { units, seed }).await?;
            println!(
                "Demostaden skapad: {} enheter i {} förvaltningar och bolag ({:.1} s).",
                summary.units,
                summary.administrations,
                started.elapsed().as_secs_f64()
            );
            print_demo_accounts(&summary.users);
        }
        Command::AddUser { email, name, role, node } => {
            let role = Role::from_key(&role).context("role must be quality_department, head or unit_manager")?;
            let password = std::env::var("MOGNAD_PASSWORD").context("set MOGNAD_PASSWORD to the new password")?;
            anyhow::ensure!(password.chars().count() >= 12, "the password must be at least 12 characters");
            let mut tx = db::pool::begin_write(&pool).await?;
            let id =
                db::users::upsert(&mut tx, &email, &name, Some(&app::api::auth::passwords::hash(&password))).await?;
            db::users::grant(&mut tx, id, NodeId(node), role).await?;
            tx.commit().await?;
            println!("Användaren {email} har rollen {} på nod {node}.", role.key());
        }
        Command::Serve { addr, public_url, demo, min_units_mean, min_units_spread, client_address_header } => {
            if demo {
                if seed::is_seeded(&pool).await? {
                    print_demo_accounts(&demo_accounts(&pool).await?);
                } else {
                    println!("Skapar demostaden…");
                    let summary = seed::seed_demo(&pool, SeedOptions::default()).await?;
                    println!("Demostaden skapad: {} enheter.", summary.units);
                    print_demo_accounts(&summary.users);
                }
            }
            let leptos_options = get_configuration(None).context("read Leptos configuration")?.leptos_options;
            let address = addr.unwrap_or(leptos_options.site_addr);
            let config = Config {
                database_url: cli.database_url.clone(),
                address,
                public_url,
                timeouts: Timeouts::default(),
                client_address_header,
            };
            let state = AppState::new(leptos_options, pool, config.secure_cookies())
                .with_privacy(PrivacyRules::new(min_units_mean, min_units_spread));
            let router = server::router::build(state, &config).await?;
            let listener =
                tokio::net::TcpListener::bind(address).await.with_context(|| format!("listen on {address}"))?;
            println!("Mognad körs på http://{address}");
            server::serve::serve(listener, router, config.timeouts.header_read, async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await;
        }
    }
    Ok(())
}
