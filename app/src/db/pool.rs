//! Opening the database: SQLite in WAL mode with a busy timeout and foreign keys on.

use super::Pool;
use super::error::DbResult;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens (and creates if missing) the database at `url`, e.g. `sqlite://var/mognad.db`.
pub async fn connect(url: &str) -> DbResult<Pool> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(BUSY_TIMEOUT)
        .foreign_keys(true);
    Ok(SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(30))
        .connect_with(options)
        .await?)
}

/// Opens the database and brings its schema, and the columns the application derives from
/// other columns, up to date.
pub async fn connect_and_migrate(url: &str) -> DbResult<Pool> {
    let pool = connect(url).await?;
    super::MIGRATOR.run(&pool).await?;
    super::people_search::fill_missing(&pool).await?;
    Ok(pool)
}

/// This process's writers take turns, first come first served, before asking SQLite for
/// its write lock. SQLite's own busy handler retries with growing sleeps and no order, so
/// under many concurrent writers a late one can wait seconds while others overtake it; a
/// queue in the process keeps every writer's wait close to the time the writers before it
/// take. The busy timeout stays as the backstop for writers outside this queue (another
/// process, the session store).
static WRITE_TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A write transaction holding this process's turn to write; dereferences to the
/// connection, so queries run on it as on a `sqlx::Transaction`. Dropping it without
/// [`WriteTx::commit`] rolls back.
pub struct WriteTx {
    // Declared first so that it is dropped (rolled back) before the turn is given up.
    tx: sqlx::Transaction<'static, super::Db>,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

impl WriteTx {
    pub async fn commit(self) -> DbResult<()> {
        Ok(self.tx.commit().await?)
    }
}

impl std::ops::Deref for WriteTx {
    type Target = super::Conn;

    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// Starts a write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so two
/// writers queue instead of failing halfway with SQLITE_BUSY, after waiting for this
/// process's turn. The connection is taken first, so a turn is never held while waiting for
/// the pool. A writer that waits longer than the busy timeout for its turn (e.g. a nested
/// write transaction, which would otherwise wait for ever) gets an error.
pub async fn begin_write(pool: &Pool) -> DbResult<WriteTx> {
    let conn = pool.acquire().await?;
    let turn = tokio::time::timeout(BUSY_TIMEOUT, WRITE_TURN.lock()).await.map_err(|_| sqlx::Error::PoolTimedOut)?;
    let tx = sqlx::Transaction::begin(conn, Some("BEGIN IMMEDIATE".into())).await?;
    Ok(WriteTx { tx, _turn: turn })
}
