//! Opening the database: SQLite in WAL mode with a busy timeout and foreign keys on.

use super::Pool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens (and creates if missing) the database at `url`, e.g. `sqlite://var/mognad.db`.
pub async fn connect(url: &str) -> Result<Pool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(BUSY_TIMEOUT)
        .foreign_keys(true);
    SqlitePoolOptions::new().max_connections(8).acquire_timeout(Duration::from_secs(30)).connect_with(options).await
}

/// Opens the database and brings its schema up to date.
pub async fn connect_and_migrate(url: &str) -> Result<Pool, sqlx::Error> {
    let pool = connect(url).await?;
    super::MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// Starts a write transaction that takes the write lock at once, so two writers queue on
/// the busy timeout instead of failing halfway with SQLITE_BUSY.
pub async fn begin_write(pool: &Pool) -> Result<sqlx::Transaction<'static, super::Db>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}
