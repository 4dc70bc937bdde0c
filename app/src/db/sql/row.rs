//! A result row of either backend, and what can be read from one.

use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{ColumnIndex, Decode, FromRow, Postgres, Row as _, Sqlite, Type};

/// A row as the backend returned it.
pub enum Row {
    Sqlite(SqliteRow),
    Postgres(PgRow),
}

/// A column value that both backends can decode (`i64`, `String`, `bool`, dates, …).
pub trait Column:
    for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres> + Send + Unpin
{
}

impl<T> Column for T where
    T: for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres> + Send + Unpin
{
}

/// A type built from a row of either backend (tuples, `#[derive(sqlx::FromRow)]`).
pub trait FromRowOfEither: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}

impl<T> FromRowOfEither for T where T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin {}

/// A column's position or name.
pub trait Index: ColumnIndex<SqliteRow> + ColumnIndex<PgRow> {}

impl<I> Index for I where I: ColumnIndex<SqliteRow> + ColumnIndex<PgRow> {}

impl Row {
    /// The value of one column, or an error if it is missing or of another type.
    pub fn try_get<T: Column, I: Index>(&self, index: I) -> Result<T, sqlx::Error> {
        match self {
            Row::Sqlite(row) => row.try_get(index),
            Row::Postgres(row) => row.try_get(index),
        }
    }

    /// The row as `T`.
    pub(super) fn decode<T: FromRowOfEither>(&self) -> Result<T, sqlx::Error> {
        match self {
            Row::Sqlite(row) => T::from_row(row),
            Row::Postgres(row) => T::from_row(row),
        }
    }
}
