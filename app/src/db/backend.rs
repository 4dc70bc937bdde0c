//! The two backends: a pool of SQLite or of PostgreSQL connections, chosen by the
//! database URL, and a connection taken from either (on its own or inside a transaction).

use sqlx::pool::PoolConnection;
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool, Transaction};

/// Which database the application runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A pool of connections to the database.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Pool {
    /// A connection of its own, returned to the pool when dropped.
    pub async fn acquire(&self) -> Result<Conn, sqlx::Error> {
        Ok(match self {
            Pool::Sqlite(pool) => Conn::Sqlite(pool.acquire().await?),
            Pool::Postgres(pool) => Conn::Postgres(pool.acquire().await?),
        })
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Pool::Sqlite(_) => Dialect::Sqlite,
            Pool::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Closes every connection (e.g. before a restore replaces the file).
    pub async fn close(&self) {
        match self {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }
}

/// One connection, on its own or inside a transaction (rolled back if dropped uncommitted).
pub enum Conn {
    Sqlite(PoolConnection<Sqlite>),
    SqliteTx(Transaction<'static, Sqlite>),
    Postgres(PoolConnection<Postgres>),
    PostgresTx(Transaction<'static, Postgres>),
}

/// A connection as its backend's driver takes it.
pub enum Native<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

impl Conn {
    pub fn native(&mut self) -> Native<'_> {
        match self {
            Conn::Sqlite(conn) => Native::Sqlite(conn),
            Conn::SqliteTx(tx) => Native::Sqlite(tx),
            Conn::Postgres(conn) => Native::Postgres(conn),
            Conn::PostgresTx(tx) => Native::Postgres(tx),
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Conn::Sqlite(_) | Conn::SqliteTx(_) => Dialect::Sqlite,
            Conn::Postgres(_) | Conn::PostgresTx(_) => Dialect::Postgres,
        }
    }
}
