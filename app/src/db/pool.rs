//! Opening the database (SQLite in WAL mode with a busy timeout and foreign keys on, or
//! PostgreSQL), bringing its schema up to date, and write transactions that take turns.

use super::backend::{Conn, Pool};
use super::error::DbResult;
use crate::domain::ids::{NodeId, RoundId};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a request waits for a free connection.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(30);
/// A pooled PostgreSQL connection left unused this long is pinged before it is handed out
/// (the server may have restarted or a firewall dropped it meanwhile). sqlx's default pings
/// on every hand-out: a round trip before each query that doubles a busy page's round trips.
const PING_WHEN_IDLE_FOR: Duration = Duration::from_secs(30);

/// Whether `url` names a PostgreSQL database (`postgres://…` or `postgresql://…`).
pub fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// The most connections a server keeps open to PostgreSQL unless told otherwise. Every
/// server behind the load balancer has its own pool; together they should stay near what
/// the database's cores can serve (PostgreSQL's rule of thumb: twice its cores, plus its
/// disks), as a backend process per connection competes for them.
pub const DEFAULT_POSTGRES_CONNECTIONS: u32 = 16;
/// The most connections to a SQLite file (readers side by side; one writer at a time).
const SQLITE_CONNECTIONS: u32 = 8;

/// Opens the database at `url`: `sqlite://var/mognad.db` (created if missing) or
/// `postgres://user@host/db`.
pub async fn connect(url: &str) -> DbResult<Pool> {
    connect_sized(url, None).await
}

/// As [`connect`], with at most `connections` pooled connections (default: the backend's,
/// [`DEFAULT_POSTGRES_CONNECTIONS`] or 8 for SQLite).
pub async fn connect_sized(url: &str, connections: Option<u32>) -> DbResult<Pool> {
    if is_postgres(url) {
        let options = PgConnectOptions::from_str(url)?.application_name("mognad");
        let pool = PgPoolOptions::new()
            .max_connections(connections.unwrap_or(DEFAULT_POSTGRES_CONNECTIONS))
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .test_before_acquire(false)
            .before_acquire(|connection, meta| {
                Box::pin(async move {
                    if meta.idle_for >= PING_WHEN_IDLE_FOR {
                        sqlx::Connection::ping(connection).await?;
                    }
                    Ok(true)
                })
            })
            .connect_with(options)
            .await?;
        return Ok(Pool::Postgres(pool));
    }
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(BUSY_TIMEOUT)
        .foreign_keys(true);
    // An SQLite connection lives in this process (its own thread) and cannot be dropped by a
    // server or network, so it is never pinged before use (sqlx's default: a thread hand-off
    // before every query).
    Ok(Pool::Sqlite(
        SqlitePoolOptions::new()
            .max_connections(connections.unwrap_or(SQLITE_CONNECTIONS))
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .test_before_acquire(false)
            .connect_with(options)
            .await?,
    ))
}

/// Brings the schema up to date with the backend's migrations.
pub async fn migrate(pool: &Pool) -> DbResult<()> {
    match pool {
        Pool::Sqlite(pool) => super::SQLITE_MIGRATOR.run(pool).await?,
        Pool::Postgres(pool) => super::POSTGRES_MIGRATOR.run(pool).await?,
    }
    Ok(())
}

/// Opens the database and brings its schema, and the columns the application derives from
/// other columns, up to date.
pub async fn connect_and_migrate(url: &str) -> DbResult<Pool> {
    connect_sized_and_migrate(url, None).await
}

/// As [`connect_and_migrate`], with at most `connections` pooled connections.
pub async fn connect_sized_and_migrate(url: &str, connections: Option<u32>) -> DbResult<Pool> {
    let pool = connect_sized(url, connections).await?;
    migrate(&pool).await?;
    super::people_search::fill_missing(&pool).await?;
    Ok(pool)
}

/// This process's writers take turns, first come first served, before asking the database
/// for its write lock. SQLite's own busy handler retries with growing sleeps and no order, so
/// under many concurrent writers a late one can wait seconds while others overtake it; a
/// queue in the process keeps every writer's wait close to the time the writers before it
/// take. The busy timeout stays as the backstop for writers outside this queue (another
/// process, the session store).
static WRITE_TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The key of PostgreSQL's advisory lock that writers on every server take turns for:
/// exclusively by [`begin_write`], shared by the saves of [`begin_save`].
const WRITE_LOCK_KEY: i64 = 0x6d6f_676e_6164; // "mognad"

/// A write transaction holding the turn to write; dereferences to the connection, so
/// queries run on it. Dropping it without [`WriteTx::commit`] rolls back.
pub struct WriteTx {
    // Declared first so that it is dropped (rolled back) before the turn is given up.
    tx: Conn,
    /// This process's turn, when the transaction took one.
    _turn: Option<tokio::sync::MutexGuard<'static, ()>>,
}

impl WriteTx {
    pub async fn commit(self) -> DbResult<()> {
        match self.tx {
            Conn::SqliteTx(tx) => tx.commit().await?,
            Conn::PostgresTx(tx) => tx.commit().await?,
            Conn::Sqlite(_) | Conn::Postgres(_) => unreachable!("a WriteTx always holds a transaction"),
        }
        Ok(())
    }
}

impl std::ops::Deref for WriteTx {
    type Target = Conn;

    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// Starts a write transaction that takes the database's write lock at once, after waiting
/// for this process's turn, so writers queue instead of failing halfway or interleaving.
/// SQLite: `BEGIN IMMEDIATE` (the database file's write lock). PostgreSQL: a
/// transaction-scoped advisory lock that every server's writers take, so two servers never
/// interleave a save either; it is released at commit or rollback. The connection is taken
/// first, so a turn is never held while waiting for the pool. A writer that waits longer
/// than the busy timeout for its turn (e.g. a nested write transaction, which would
/// otherwise wait for ever) gets an error.
pub async fn begin_write(pool: &Pool) -> DbResult<WriteTx> {
    let conn = pool.acquire().await?;
    let turn = turn().await?;
    let tx = match conn {
        Conn::Sqlite(conn) => Conn::SqliteTx(sqlx::Transaction::begin(conn, Some("BEGIN IMMEDIATE".into())).await?),
        Conn::Postgres(conn) => {
            let mut tx = sqlx::Transaction::begin(conn, None).await?;
            sqlx::query("SELECT set_config('lock_timeout', '10s', true), pg_advisory_xact_lock($1)")
                .bind(WRITE_LOCK_KEY)
                .execute(&mut *tx)
                .await?;
            Conn::PostgresTx(tx)
        }
        Conn::SqliteTx(_) | Conn::PostgresTx(_) => unreachable!("a pool hands out plain connections"),
    };
    Ok(WriteTx { tx, _turn: Some(turn) })
}

/// This process's turn to write, or an error after the busy timeout.
async fn turn() -> DbResult<tokio::sync::MutexGuard<'static, ()>> {
    Ok(tokio::time::timeout(BUSY_TIMEOUT, WRITE_TURN.lock()).await.map_err(|_| sqlx::Error::PoolTimedOut)?)
}

/// Starts the write transaction of one save into the assessment of `unit` in `round`.
///
/// SQLite has one writer at a time: as [`begin_write`], except that the turn is taken
/// before the connection, so the saves waiting for it hold no connection and the pages'
/// reads keep theirs. PostgreSQL writes rows side by side: saves into different
/// assessments run at the same time, each holding an advisory lock on its assessment (so
/// two saves into one assessment, on any server, still take turns and merge) and the
/// writers' lock shared (so a [`begin_write`] writer, which takes it exclusively, still
/// never interleaves with a save).
pub async fn begin_save(pool: &Pool, round: RoundId, unit: NodeId) -> DbResult<WriteTx> {
    match pool {
        Pool::Sqlite(_) => {
            let turn = turn().await?;
            let Conn::Sqlite(conn) = pool.acquire().await? else { unreachable!("a SQLite pool") };
            let tx = sqlx::Transaction::begin(conn, Some("BEGIN IMMEDIATE".into())).await?;
            Ok(WriteTx { tx: Conn::SqliteTx(tx), _turn: Some(turn) })
        }
        Pool::Postgres(_) => {
            let Conn::Postgres(conn) = pool.acquire().await? else { unreachable!("a PostgreSQL pool") };
            let mut tx = sqlx::Transaction::begin(conn, None).await?;
            // The two-integer keys are a key space of their own, apart from WRITE_LOCK_KEY's.
            let key = |id: i64| i32::try_from(id.rem_euclid(i64::from(i32::MAX))).unwrap_or_default();
            sqlx::query(
                "SELECT set_config('lock_timeout', '10s', true), pg_advisory_xact_lock_shared($1),
                        pg_advisory_xact_lock($2, $3)",
            )
            .bind(WRITE_LOCK_KEY)
            .bind(key(round.0))
            .bind(key(unit.0))
            .execute(&mut *tx)
            .await?;
            Ok(WriteTx { tx: Conn::PostgresTx(tx), _turn: None })
        }
    }
}
