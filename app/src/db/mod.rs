//! Database access (server only): sqlx queries, one file per aggregate. Functions take a
//! pool or a connection, never the Leptos context, so tests call them directly.
//!
//! SQLite is the embedded default. The SQL is kept to what PostgreSQL also accepts
//! (`$n` placeholders, standard types), so a PostgreSQL variant is a small step.

pub mod actions;
pub mod admin_log;
pub mod answers;
pub mod assessments;
pub mod audit;
pub mod clock;
pub mod decks;
pub mod error;
pub mod framework;
pub mod known_browsers;
pub mod like;
pub mod org;
pub mod org_changes;
pub mod org_history;
pub mod password_links;
pub mod pending;
pub mod people;
pub mod people_search;
pub mod pool;
pub mod previous_round;
pub mod reminders;
pub mod results;
pub mod rounds;
pub mod unit_managers;
pub mod users;

/// The database the application runs on.
pub type Db = sqlx::Sqlite;
/// A pool of connections to it.
pub type Pool = sqlx::SqlitePool;
/// One connection, e.g. inside a transaction.
pub type Conn = sqlx::SqliteConnection;

/// The schema migrations, embedded at compile time from `migrations/`.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");
