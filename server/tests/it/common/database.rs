//! A fresh, migrated database for one test: a SQLite file in a temporary directory, or,
//! when the test command has started a PostgreSQL server (`MOGNAD_TEST_POSTGRES`, an admin
//! URL), a new database of its own on that server.

use app::db::{self, Pool};
use sqlx::Connection;
use std::sync::atomic::{AtomicU32, Ordering};
use tempfile::TempDir;

/// The PostgreSQL server the tests run on, if any.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("MOGNAD_TEST_POSTGRES").ok().filter(|url| !url.is_empty())
}

/// The URL of a new, empty database: a file in `dir`, or a database on the test server.
pub async fn new_database_url(dir: &TempDir) -> String {
    let Some(admin) = postgres_admin_url() else {
        return format!("sqlite://{}", dir.path().join("test.db").display());
    };
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let name = format!("test_{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    let mut conn = sqlx::PgConnection::connect(&admin).await.expect("the test PostgreSQL server");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.expect("a new database");
    conn.close().await.ok();
    let (server, _) = admin.rsplit_once('/').expect("an admin URL ends in /database");
    format!("{server}/{name}")
}

/// A fresh, migrated database (its directory is kept as long as the `TempDir`).
pub async fn empty_database() -> (Pool, TempDir) {
    let (pool, _, dir) = empty_database_at().await;
    (pool, dir)
}

/// [`empty_database`] and its URL, for a second pool on it (as another server has).
pub async fn empty_database_at() -> (Pool, String, TempDir) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = new_database_url(&dir).await;
    let pool = db::pool::connect_and_migrate(&url).await.expect("database");
    (pool, url, dir)
}
