//! Backup and restore on SQLite: `VACUUM INTO` copies one consistent snapshot of the
//! database while the server goes on writing (in WAL mode a reader never stops a writer);
//! the copy is checked with `PRAGMA integrity_check`. A restore is the same copy the other
//! way, into a file that does not exist yet.

use super::{TableSums, fresh_partial, identifier, lines_sum, rename, with_suffix};
use anyhow::{Context, bail, ensure};
use app::db;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use sqlx::{Row, SqliteConnection};
use std::path::{Path, PathBuf};

/// Writes a consistent copy of the database `pool` opens to `file`, which must not exist,
/// and returns the copy's tables in brief (every column `quote()`d, rows in the order of
/// that text).
pub async fn backup(pool: &SqlitePool, file: &Path) -> anyhow::Result<TableSums> {
    let partial = vacuum_into_partial(pool, file).await.context("copy the database")?;
    let copy = open_read_only(&partial).await?;
    let sums = check_and_sum(&copy, &partial).await?;
    copy.close().await;
    rename(&partial, file)?;
    Ok(sums)
}

/// Copies the backup `file` into the SQLite database `database_url` names, which must not
/// exist yet (or be an empty file), migrates it, and returns its tables in brief as they
/// were in the backup.
pub async fn restore(file: &Path, database_url: &str) -> anyhow::Result<TableSums> {
    let target = sqlite_file(database_url)?;
    ensure!(
        !target.exists() || std::fs::metadata(&target)?.len() == 0,
        "the database {} already exists: restore into a new file (move the current one aside first, and keep it \
         until the restored database has been checked)",
        target.display()
    );
    // A write-ahead log left beside the name belongs to the database that was there, and
    // SQLite would replay it into the restored one.
    for leftover in ["-wal", "-journal"].map(|suffix| with_suffix(&target, suffix)) {
        ensure!(
            !leftover.exists(),
            "{} is left from the database that was there: move it aside with that database",
            leftover.display()
        );
    }
    let source = open_read_only(file).await?;
    let sums = check_and_sum(&source, file).await?;
    ensure!(sums.contains_key("_sqlx_migrations"), "{} is not a Mognad database", file.display());
    crate::start::ensure_parent_dir(database_url)?;
    let partial = vacuum_into_partial(&source, &target).await.context("copy the backup")?;
    source.close().await;
    rename(&partial, &target)?;
    db::pool::connect_and_migrate(database_url).await.context("open and migrate the restored database")?.close().await;
    Ok(sums)
}

/// Copies the database `pool` opens into `<file>.partial` (replacing one left by a copy
/// that was stopped halfway: it is ours by its name) and returns that name.
async fn vacuum_into_partial(pool: &SqlitePool, file: &Path) -> anyhow::Result<PathBuf> {
    let partial = fresh_partial(file)?;
    let name = partial.to_str().context("the file name must be valid UTF-8")?;
    sqlx::query("VACUUM INTO $1").bind(name).execute(pool).await?;
    Ok(partial)
}

/// Every table of the database `pool` opens, in brief.
pub async fn table_sums(pool: &SqlitePool) -> anyhow::Result<TableSums> {
    let mut conn = pool.acquire().await?;
    // One read transaction: every table from the same moment.
    sqlx::query("BEGIN").execute(&mut *conn).await?;
    let sums = sum_tables(&mut conn).await;
    sqlx::query("COMMIT").execute(&mut *conn).await?;
    sums
}

async fn sum_tables(conn: &mut SqliteConnection) -> anyhow::Result<TableSums> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut sums = TableSums::new();
    for table in tables {
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
            .bind(&table)
            .fetch_all(&mut *conn)
            .await?;
        let quoted: Vec<String> = columns.iter().map(|column| format!("quote({})", identifier(column))).collect();
        // Ordered by the row's text: the same rows give the same sum in any physical order.
        let sql = format!("SELECT {} AS line FROM {} ORDER BY 1", quoted.join(" || ',' || "), identifier(&table));
        let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
        let lines = rows.iter().map(|row| row.try_get::<String, _>(0)).collect::<Result<Vec<_>, _>>()?;
        sums.insert(table, lines_sum(&lines));
    }
    Ok(sums)
}

/// Checks the integrity of the database `pool` opens (read from `file`) and returns its
/// tables in brief.
async fn check_and_sum(pool: &SqlitePool, file: &Path) -> anyhow::Result<TableSums> {
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(pool)
        .await
        .with_context(|| format!("{} is not a SQLite database", file.display()))?;
    if verdict != "ok" {
        bail!("{} is damaged: {verdict}", file.display());
    }
    table_sums(pool).await
}

async fn open_read_only(file: &Path) -> anyhow::Result<SqlitePool> {
    let options = SqliteConnectOptions::new().filename(file).read_only(true);
    SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .with_context(|| format!("open {} as a SQLite database", file.display()))
}

/// The file a `sqlite:` database URL names.
fn sqlite_file(database_url: &str) -> anyhow::Result<PathBuf> {
    let options: SqliteConnectOptions = database_url.parse().context("the database URL")?;
    let path = options.get_filename();
    ensure!(path != Path::new(":memory:"), "an in-memory database cannot be restored into");
    Ok(path.to_path_buf())
}
