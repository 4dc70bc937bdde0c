//! Database access (server only): sqlx queries, one file per aggregate. Functions take a
//! pool or a connection, never the Leptos context, so tests call them directly.
//!
//! SQLite is the embedded default; PostgreSQL serves a city that runs several servers. The
//! database URL chooses (`sqlite://…` or `postgres://…`). Each query is written once, in the
//! SQL both accept (`$n` placeholders, standard types), and run through [`sql`], which hands
//! it to the chosen backend's native driver; where the SQL must differ, the query asks the
//! connection's [`Dialect`].

pub mod actions;
pub mod admin_log;
pub mod answers;
pub mod assessments;
pub mod audit;
pub mod backend;
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
pub mod sign_in_budgets;
pub mod sql;
pub mod unit_managers;
pub mod users;

pub use backend::{Conn, Dialect, Pool};

/// The SQLite schema's migrations, embedded at compile time from `migrations/sqlite/`.
pub static SQLITE_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
/// The PostgreSQL schema's migrations, from `migrations/postgres/`: the same tables,
/// columns and rules in PostgreSQL's types.
pub static POSTGRES_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");
