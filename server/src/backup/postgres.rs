//! Backup and restore on PostgreSQL, with its own tools (`pg_dump`, `pg_restore`, of the
//! server's major version or newer: found in `MOGNAD_PG_BIN`, on `PATH`, or in Debian's
//! `/usr/lib/postgresql/<version>/bin`).
//!
//! A backup opens a read-only repeatable-read transaction, exports its snapshot, reads the
//! table sums in it, and has `pg_dump` (custom format) copy that same snapshot while the
//! server goes on writing; the file is checked with `pg_restore --list`. A restore loads
//! such a file into an empty database in one transaction, reads the sums (the backup's
//! contents), then migrates. The password of the database URL is handed to the tools in
//! their environment, never on their command line.

use super::{TableSums, fresh_partial, identifier, lines_sum, rename};
use anyhow::{Context, bail, ensure};
use app::db;
use sqlx::{Connection, PgConnection, PgPool};
use std::path::{Path, PathBuf};
use std::process::Command;

/// One moment's view of every table, read only.
const READ_ONLY_SNAPSHOT: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";

/// Writes the database `pool` opens (at `database_url`) to `file` in `pg_dump`'s custom
/// format and returns its tables in brief, read in the snapshot the dump copied.
pub async fn backup(pool: &PgPool, database_url: &str, file: &Path) -> anyhow::Result<TableSums> {
    let partial = fresh_partial(file)?;
    let mut conn = pool.acquire().await?;
    // Rolled back if anything below fails, so the connection goes back to the pool clean.
    let mut snapshot_tx = conn.begin_with(READ_ONLY_SNAPSHOT).await?;
    let snapshot: String = sqlx::query_scalar("SELECT pg_export_snapshot()").fetch_one(&mut *snapshot_tx).await?;
    let sums = sum_tables(&mut snapshot_tx).await?;
    let mut dump = tool("pg_dump", database_url)?;
    dump.arg("--format=custom").arg(format!("--snapshot={snapshot}")).arg("--file").arg(&partial);
    let dumped = run(dump).await.context("copy the database with pg_dump");
    // The snapshot is needed until pg_dump has read it.
    snapshot_tx.commit().await?;
    dumped?;
    let mut list = tool("pg_restore", database_url)?;
    list.arg("--list").arg(&partial);
    run(list).await.with_context(|| format!("{} is not a whole pg_dump archive", partial.display()))?;
    rename(&partial, file)?;
    Ok(sums)
}

/// Loads the `pg_dump` archive `file` into the database `database_url` names, which must
/// exist and be empty, migrates it, and returns its tables in brief as they were in the
/// backup.
pub async fn restore(file: &Path, database_url: &str) -> anyhow::Result<TableSums> {
    let mut list = tool("pg_restore", database_url)?;
    list.arg("--list").arg(file);
    run(list).await.with_context(|| format!("{} is not a pg_dump archive", file.display()))?;
    let mut conn = PgConnection::connect(database_url).await.context("connect to the database to restore into")?;
    let tables: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM information_schema.tables
         WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    )
    .fetch_one(&mut conn)
    .await?;
    ensure!(
        tables == 0,
        "the database already holds tables: restore into a new, empty database (create it with createdb), and keep \
         the current one until the restored database has been checked"
    );
    let mut load = tool("pg_restore", database_url)?;
    load.args(["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", "--dbname"])
        .arg(without_password(database_url)?)
        .arg(file);
    run(load).await.context("load the backup with pg_restore")?;
    let sums = sums_at_one_moment(&mut conn).await?;
    conn.close().await.ok();
    ensure!(sums.contains_key("_sqlx_migrations"), "{} is not a Mognad database", file.display());
    db::pool::connect_and_migrate(database_url).await.context("migrate the restored database")?.close().await;
    Ok(sums)
}

/// Every table of the database `pool` opens, in brief, read in one transaction.
pub async fn table_sums(pool: &PgPool) -> anyhow::Result<TableSums> {
    sums_at_one_moment(&mut *pool.acquire().await?).await
}

/// [`sum_tables`] in a read-only snapshot of its own (rolled back if it fails).
async fn sums_at_one_moment(conn: &mut PgConnection) -> anyhow::Result<TableSums> {
    let mut read = conn.begin_with(READ_ONLY_SNAPSHOT).await?;
    let sums = sum_tables(&mut read).await?;
    read.commit().await?;
    Ok(sums)
}

/// The sums of every table outside PostgreSQL's own schemas (`schema.table` outside the
/// current schema), each row as its text form.
async fn sum_tables(conn: &mut PgConnection) -> anyhow::Result<TableSums> {
    let tables: Vec<(String, String, bool)> = sqlx::query_as(
        "SELECT CAST(table_schema AS TEXT), CAST(table_name AS TEXT), table_schema = current_schema()
         FROM information_schema.tables
         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
         ORDER BY 1, 2",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut sums = TableSums::new();
    for (schema, table, current) in tables {
        let sql = format!(
            "SELECT CAST(t AS TEXT) FROM {}.{} t ORDER BY CAST(t AS TEXT) COLLATE \"C\"",
            identifier(&schema),
            identifier(&table)
        );
        let lines: Vec<String> = sqlx::query_scalar(&sql).fetch_all(&mut *conn).await?;
        let name = if current { table } else { format!("{schema}.{table}") };
        sums.insert(name, lines_sum(&lines));
    }
    Ok(sums)
}

/// One of PostgreSQL's tools, set up to reach the database at `database_url`: its password
/// (if the URL has one) in `PGPASSWORD`.
fn tool(name: &str, database_url: &str) -> anyhow::Result<Command> {
    let mut command = Command::new(find_tool(name));
    let url = url::Url::parse(database_url).context("the database URL")?;
    if let Some(password) = url.password() {
        let password = percent_decoded(password);
        command.env("PGPASSWORD", password);
    }
    if name == "pg_dump" {
        command.arg("--dbname").arg(without_password(database_url)?);
    }
    Ok(command)
}

/// Where a PostgreSQL tool is: `MOGNAD_PG_BIN`, else the newest of Debian's versions, else
/// the name alone (found on `PATH`).
fn find_tool(name: &str) -> PathBuf {
    if let Some(dir) = std::env::var_os("MOGNAD_PG_BIN") {
        return Path::new(&dir).join(name);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let path = entry.path().join("bin").join(name);
            path.is_file().then_some((version, path))
        })
        .collect();
    versions.sort();
    versions.pop().map_or_else(|| PathBuf::from(name), |(_, path)| path)
}

/// The database URL without its password.
fn without_password(database_url: &str) -> anyhow::Result<String> {
    let mut url = url::Url::parse(database_url).context("the database URL")?;
    url.set_password(None).ok();
    Ok(url.to_string())
}

fn percent_decoded(text: &str) -> String {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// Runs a tool to its end; an error with what it printed if it failed.
async fn run(mut command: Command) -> anyhow::Result<()> {
    let program = command.get_program().to_string_lossy().into_owned();
    let output = tokio::task::spawn_blocking(move || command.output())
        .await?
        .with_context(|| format!("start {program} (install PostgreSQL's client tools, or set MOGNAD_PG_BIN)"))?;
    if !output.status.success() {
        bail!("{program} failed: {}", String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(())
}
