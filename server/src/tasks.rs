//! The one-off commands: seeding the demo city, adding a user, backing up and restoring
//! the database, precompressing the built site's assets.

use crate::backup::{self, TableSums};
use crate::seed::{self, SeedOptions};
use crate::start::print_demo_accounts;
use anyhow::Context;
use app::db::{self, Pool};
use app::domain::ids::NodeId;
use app::domain::rights::Role;

/// `mognad seed`: seeds the demo city into an empty database and prints what was made and
/// the demo accounts.
pub async fn seed(pool: &Pool, options: SeedOptions) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let summary = seed::seed_demo(pool, options).await?;
    println!(
        "Demostaden skapad: {} enheter i {} förvaltningar och bolag ({:.1} s).",
        summary.units,
        summary.administrations,
        started.elapsed().as_secs_f64()
    );
    print_demo_accounts(&summary.users);
    Ok(())
}

/// `mognad add-user`: creates the user (or updates name and password) with the password in
/// `MOGNAD_PASSWORD`, and gives them `role` (its key) on `node`.
pub async fn add_user(pool: &Pool, email: &str, name: &str, role: &str, node: i64) -> anyhow::Result<()> {
    let role = Role::from_key(role).context("role must be quality_department, head or unit_manager")?;
    let password = std::env::var("MOGNAD_PASSWORD").context("set MOGNAD_PASSWORD to the new password")?;
    anyhow::ensure!(password.chars().count() >= 12, "the password must be at least 12 characters");
    let mut tx = db::pool::begin_write(pool).await?;
    let id = db::users::upsert(&mut tx, email, name, Some(&app::api::auth::passwords::hash(&password))).await?;
    db::users::grant(&mut tx, id, NodeId(node), role).await?;
    tx.commit().await?;
    println!("Användaren {email} har rollen {} på nod {node}.", role.key());
    Ok(())
}

/// `mognad backup`: writes a consistent copy of the database to `file` and prints its
/// tables in brief.
pub async fn backup(pool: &Pool, database_url: &str, file: &std::path::Path) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let sums = backup::backup(pool, database_url, file).await?;
    println!("Säkerhetskopian är skriven till {} ({:.1} s).", file.display(), started.elapsed().as_secs_f64());
    print_table_sums(&sums);
    Ok(())
}

/// `mognad restore`: restores the backup `file` into the (new) database `database_url` and
/// prints its tables in brief, to compare with what `backup` printed.
pub async fn restore(file: &std::path::Path, database_url: &str) -> anyhow::Result<()> {
    let sums = backup::restore(file, database_url).await?;
    println!("Säkerhetskopian {} är återställd i {database_url}.", file.display());
    print_table_sums(&sums);
    Ok(())
}

/// Every table's row count and the start of its checksum.
fn print_table_sums(sums: &TableSums) {
    println!("  {:<32} {:>10}  sha-256", "tabell", "rader");
    for (table, sum) in sums {
        println!("  {table:<32} {:>10}  {}", sum.rows, &sum.sha256[..16]);
    }
}

/// `mognad precompress`: writes brotli and gzip variants of the assets under `site_root`
/// and prints their sizes.
pub fn precompress(site_root: &std::path::Path) -> anyhow::Result<()> {
    for asset in crate::precompress::precompress(site_root)? {
        println!(
            "{}: {} kB, brotli {} kB, gzip {} kB",
            asset.path.display(),
            asset.raw / 1024,
            asset.brotli / 1024,
            asset.gzip / 1024
        );
    }
    Ok(())
}
