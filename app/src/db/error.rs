//! What can go wrong in the database layer. Never shown to a user: it becomes a generic
//! error at the edge (`api::error`), and is logged there with its details.

/// A database failure, or stored data that breaks a rule the schema cannot enforce.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Stored data is not as it must be (e.g. a round whose framework version is missing).
    #[error("inconsistent data: {0}")]
    Inconsistent(&'static str),
}

/// The result of a database call.
pub type DbResult<T> = Result<T, DbError>;
