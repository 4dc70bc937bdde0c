//! Where sessions are kept: the application's database, SQLite or PostgreSQL, through the
//! maintained `tower-sessions-sqlx-store` stores. On PostgreSQL every server reads the same
//! sessions, so a load balancer may send a person's requests to any of them.

use app::db::Pool;
use async_trait::async_trait;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

#[derive(Clone, Debug)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl Store {
    /// The store in the database `pool` opens, its table created if needed.
    pub async fn open(pool: &Pool) -> Result<Store, sqlx::Error> {
        let store = match pool {
            Pool::Sqlite(pool) => Store::Sqlite(SqliteStore::new(pool.clone())),
            Pool::Postgres(pool) => Store::Postgres(PostgresStore::new(pool.clone())),
        };
        match &store {
            Store::Sqlite(store) => store.migrate().await?,
            Store::Postgres(store) => store.migrate().await?,
        }
        Ok(store)
    }
}

#[async_trait]
impl SessionStore for Store {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Store::Sqlite(store) => store.create(record).await,
            Store::Postgres(store) => store.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Store::Sqlite(store) => store.save(record).await,
            Store::Postgres(store) => store.save(record).await,
        }
    }

    async fn load(&self, session_id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Store::Sqlite(store) => store.load(session_id).await,
            Store::Postgres(store) => store.load(session_id).await,
        }
    }

    async fn delete(&self, session_id: &Id) -> session_store::Result<()> {
        match self {
            Store::Sqlite(store) => store.delete(session_id).await,
            Store::Postgres(store) => store.delete(session_id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for Store {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match self {
            Store::Sqlite(store) => store.delete_expired().await,
            Store::Postgres(store) => store.delete_expired().await,
        }
    }
}
