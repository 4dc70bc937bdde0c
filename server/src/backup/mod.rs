//! `mognad backup` and `mognad restore`, on either backend.
//!
//! A backup is one consistent snapshot of the whole database, taken while the server goes
//! on writing, written to `<file>.partial`, checked, and only then given its name: a backup
//! file either is whole or does not exist. A restore writes into a database that does not
//! exist yet (SQLite) or is empty (PostgreSQL), never over one, and brings its schema up to
//! date. Both print every table's row count and checksum, so an operator can see that the
//! restored database holds what the backup did.
//!
//! SQLite: `VACUUM INTO` and `PRAGMA integrity_check` ([`sqlite`]). PostgreSQL: `pg_dump`'s
//! custom format from an exported snapshot, the sums read in that same snapshot, and
//! `pg_restore` ([`postgres`]).

pub mod postgres;
pub mod sqlite;

use anyhow::{Context, ensure};
use app::db::Pool;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One table's contents in brief: how many rows, and a SHA-256 of all of them (each row as
/// one line of text, the lines in byte order, so the same rows give the same sum in any
/// physical order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSum {
    pub rows: i64,
    pub sha256: String,
}

/// Every table of a database, by name.
pub type TableSums = BTreeMap<String, TableSum>;

/// Writes a consistent copy of the database `pool` opens (at `database_url`) to `file`,
/// which must not exist, and returns its tables in brief as copied.
pub async fn backup(pool: &Pool, database_url: &str, file: &Path) -> anyhow::Result<TableSums> {
    ensure!(!file.exists(), "{} already exists: give a new file name", file.display());
    match pool {
        Pool::Sqlite(pool) => sqlite::backup(pool, file).await,
        Pool::Postgres(pool) => postgres::backup(pool, database_url, file).await,
    }
}

/// Restores the backup `file` into the database `database_url` names (a SQLite file that
/// does not exist yet, or an empty PostgreSQL database), migrates it, and returns its tables
/// in brief as they were in the backup.
pub async fn restore(file: &Path, database_url: &str) -> anyhow::Result<TableSums> {
    ensure!(file.is_file(), "{} does not exist", file.display());
    if app::db::pool::is_postgres(database_url) {
        postgres::restore(file, database_url).await
    } else {
        sqlite::restore(file, database_url).await
    }
}

/// Every table of the database `pool` opens, in brief, read in one transaction.
pub async fn table_sums(pool: &Pool) -> anyhow::Result<TableSums> {
    match pool {
        Pool::Sqlite(pool) => sqlite::table_sums(pool).await,
        Pool::Postgres(pool) => postgres::table_sums(pool).await,
    }
}

/// The sum of one table's rows, given as lines of text in byte order.
fn lines_sum(lines: &[String]) -> TableSum {
    let mut hasher = Sha256::new();
    for line in lines {
        hasher.update(line.as_bytes());
        hasher.update(b"\n");
    }
    TableSum { rows: lines.len() as i64, sha256: format!("{:x}", hasher.finalize()) }
}

/// Gives a finished copy its name.
fn rename(partial: &Path, file: &Path) -> anyhow::Result<()> {
    std::fs::rename(partial, file).with_context(|| format!("rename {} to {}", partial.display(), file.display()))
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

/// `<file>.partial`, with one left by a copy that was stopped halfway removed (it is ours
/// by its name).
fn fresh_partial(file: &Path) -> anyhow::Result<PathBuf> {
    let partial = with_suffix(file, ".partial");
    if partial.exists() {
        std::fs::remove_file(&partial).with_context(|| format!("remove {}", partial.display()))?;
    }
    Ok(partial)
}
