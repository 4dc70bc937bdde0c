//! Starting up: opening the database, and what `mognad serve` does before and while it
//! serves (the demo city and its accounts, the configuration, the state, the router).

use crate::cli::ServeArgs;
use crate::config::{Config, Timeouts};
use crate::seed::{self, SeedOptions, users::DEMO_PASSWORD, users::DemoUser};
use anyhow::Context;
use app::db::{self, Pool};
use app::domain::privacy::PrivacyRules;
use app::state::AppState;
use app::state::mailer::Mailer;
use leptos::config::get_configuration;

/// Opens the database (with at most `connections` pooled connections, if given) and brings
/// its schema up to date; a SQLite file's directory is created first, so a fresh clone can
/// start at once.
pub async fn open_database(database_url: &str, connections: Option<u32>) -> anyhow::Result<Pool> {
    ensure_parent_dir(database_url)?;
    db::pool::connect_sized_and_migrate(database_url, connections).await.context("open and migrate the database")
}

/// Creates the directory of a SQLite database file.
pub fn ensure_parent_dir(database_url: &str) -> anyhow::Result<()> {
    let path = database_url.strip_prefix("sqlite://").or_else(|| database_url.strip_prefix("sqlite:"));
    let Some(path) = path.filter(|path| !path.starts_with(':')) else { return Ok(()) };
    if let Some(parent) = std::path::Path::new(path).parent().filter(|parent| !parent.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("create {}", parent.display()))?;
    }
    Ok(())
}

/// The mailer the flags ask for: SMTP, an outbox folder, or (with neither) none, which the
/// server says at start.
fn mailer(smtp_url: Option<&str>, outbox_dir: Option<std::path::PathBuf>, from: &str) -> anyhow::Result<Mailer> {
    Ok(match (smtp_url, outbox_dir) {
        (Some(url), _) => Mailer::smtp(url, from).context("the SMTP server's address (--smtp-url)")?,
        (None, Some(dir)) => {
            let mailer = Mailer::outbox(&dir, from).context("the outbox folder (--outbox-dir)")?;
            println!("E-post skrivs till {} i stället för att skickas.", dir.display());
            mailer
        }
        (None, None) => {
            println!("E-post är inte inställd (--smtp-url eller --outbox-dir): påminnelser kan inte skickas.");
            Mailer::disabled()
        }
    })
}

/// Prints the demo accounts and their shared password.
pub fn print_demo_accounts(users: &[DemoUser]) {
    println!();
    println!("Demokonton (lösenord för alla: {DEMO_PASSWORD}):");
    for user in users {
        println!("  {:<36} {} – {}", user.email, user.name, user.description);
    }
    println!();
}

/// `mognad serve`: with `--demo`, seeds the demo city into an empty database (or finds it
/// there) and prints the demo accounts; then serves on the address given (or the Leptos
/// site address) until Ctrl-C.
pub async fn serve(pool: Pool, database_url: String, args: ServeArgs) -> anyhow::Result<()> {
    let ServeArgs {
        addr,
        public_url,
        demo,
        min_units_mean,
        min_units_spread,
        client_address_header,
        smtp_url,
        outbox_dir,
        mail_from,
    } = args;
    let mailer = mailer(smtp_url.as_deref(), outbox_dir.or_else(|| demo.then(|| "var/outbox".into())), &mail_from)?;
    if demo {
        if seed::is_seeded(&pool).await? {
            print_demo_accounts(&seed::users::accounts_in(&pool).await?);
        } else {
            println!("Skapar demostaden…");
            let summary = seed::seed_demo(&pool, SeedOptions::default()).await?;
            println!("Demostaden skapad: {} enheter.", summary.units);
            print_demo_accounts(&summary.users);
        }
    }
    let leptos_options = get_configuration(None).context("read Leptos configuration")?.leptos_options;
    let address = addr.unwrap_or(leptos_options.site_addr);
    let config = Config { database_url, address, public_url, timeouts: Timeouts::default(), client_address_header };
    let public_url = config.public_url.clone().unwrap_or_else(|| format!("http://{address}"));
    let state = AppState::new(leptos_options, pool, config.secure_cookies())
        .with_privacy(PrivacyRules::new(min_units_mean, min_units_spread))
        .with_mailer(mailer)
        .with_public_url(Some(public_url));
    // Reminders left unsent by an earlier run are sent now.
    tokio::spawn(app::api::reminders::sending::resume(state.pool.clone(), state.mailer.clone()));
    // The rounds' results are computed before anyone asks (`/readyz` says when).
    let (cache, pool) = (state.results_cache.clone(), state.pool.clone());
    tokio::spawn(async move {
        let started = std::time::Instant::now();
        let rounds = cache.warm(&pool).await;
        tracing::info!(rounds, seconds = started.elapsed().as_secs_f64(), "results computed");
    });
    let router = crate::router::build(state, &config).await?;
    let listener = tokio::net::TcpListener::bind(address).await.with_context(|| format!("listen on {address}"))?;
    println!("Mognad körs på http://{address}");
    crate::serve::serve(listener, router, config.timeouts.header_read, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    Ok(())
}
