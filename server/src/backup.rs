//! `mognad backup` and `mognad restore` on SQLite.
//!
//! A backup is taken with `VACUUM INTO`, which copies one consistent snapshot of the
//! database while the server goes on writing (in WAL mode a reader never stops a writer),
//! into a file named `<file>.partial` that is checked (`PRAGMA integrity_check`) and only
//! then renamed: a backup file either is whole or does not exist. A restore copies such a
//! file into a database that does not exist yet, never over one, and brings its schema up
//! to date. Both print every table's row count and checksum, so an operator can see that
//! the restored database holds what the backup did.

use anyhow::{Context, bail, ensure};
use app::db::{self, Pool};
use sha2::{Digest, Sha256};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use sqlx::{Row, SqliteConnection};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One table's contents in brief: how many rows, and a SHA-256 of all of them (every
/// column, `quote()`d, rows in the order of that text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSum {
    pub rows: i64,
    pub sha256: String,
}

/// Every table of a database, by name.
pub type TableSums = BTreeMap<String, TableSum>;

/// Writes a consistent copy of the database `pool` opens to `file`, which must not exist,
/// and returns the copy's tables in brief.
pub async fn backup(pool: &Pool, file: &Path) -> anyhow::Result<TableSums> {
    ensure!(!file.exists(), "{} already exists: give a new file name", file.display());
    let Pool::Sqlite(pool) = pool else {
        bail!("backups of a PostgreSQL database are taken with pg_dump");
    };
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
    let partial = with_suffix(file, ".partial");
    if partial.exists() {
        std::fs::remove_file(&partial).with_context(|| format!("remove {}", partial.display()))?;
    }
    let name = partial.to_str().context("the file name must be valid UTF-8")?;
    sqlx::query("VACUUM INTO $1").bind(name).execute(pool).await?;
    Ok(partial)
}

/// Gives a finished copy its name.
fn rename(partial: &Path, file: &Path) -> anyhow::Result<()> {
    std::fs::rename(partial, file).with_context(|| format!("rename {} to {}", partial.display(), file.display()))
}

/// Every table of the database `pool` opens, in brief.
pub async fn table_sums(pool: &Pool) -> anyhow::Result<TableSums> {
    let Pool::Sqlite(pool) = pool else {
        bail!("table sums are read from SQLite databases");
    };
    sqlite_table_sums(pool).await
}

async fn sqlite_table_sums(pool: &SqlitePool) -> anyhow::Result<TableSums> {
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
        let mut hasher = Sha256::new();
        for row in &rows {
            let line: String = row.try_get(0)?;
            hasher.update(line.as_bytes());
            hasher.update(b"\n");
        }
        sums.insert(table, TableSum { rows: rows.len() as i64, sha256: format!("{:x}", hasher.finalize()) });
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
    sqlite_table_sums(pool).await
}

async fn open_read_only(file: &Path) -> anyhow::Result<SqlitePool> {
    ensure!(file.is_file(), "{} does not exist", file.display());
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

/// `file` with `suffix` after its name, e.g. `mognad.db-wal`.
fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A name as an SQL identifier: in double quotes, inner quotes doubled.
fn identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
