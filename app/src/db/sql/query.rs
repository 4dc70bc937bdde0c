//! A query with its bound values: run for nothing, for rows, for typed rows or for one
//! column.

use super::row::{Column, FromRowOfEither, Row};
use super::run::{self, Done, Target};
use super::value::Value;
use std::borrow::Cow;
use std::marker::PhantomData;

/// A query returning rows as they come, or nothing.
pub struct Query<'q> {
    sql: Cow<'q, str>,
    values: Vec<Value>,
}

/// A query whose rows are read as `T`.
pub struct QueryAs<'q, T> {
    query: Query<'q>,
    row: PhantomData<fn() -> T>,
}

/// A query whose rows' first column is read as `T`.
pub struct QueryScalar<'q, T> {
    query: Query<'q>,
    column: PhantomData<fn() -> T>,
}

/// A query; bind its `$n` placeholders in order with [`Query::bind`].
pub fn query<'q>(sql: impl Into<Cow<'q, str>>) -> Query<'q> {
    Query { sql: sql.into(), values: Vec::new() }
}

/// A query whose rows are read as `T` (a tuple or a `#[derive(sqlx::FromRow)]` struct).
pub fn query_as<'q, T: FromRowOfEither>(sql: impl Into<Cow<'q, str>>) -> QueryAs<'q, T> {
    query(sql).read_as()
}

/// A query whose rows' first column is read as `T`.
pub fn query_scalar<'q, T: Column>(sql: impl Into<Cow<'q, str>>) -> QueryScalar<'q, T> {
    query(sql).read_scalar()
}

impl<'q> Query<'q> {
    pub(super) fn with_values(sql: impl Into<Cow<'q, str>>, values: Vec<Value>) -> Self {
        Query { sql: sql.into(), values }
    }

    /// Binds the next placeholder.
    pub fn bind(mut self, value: impl Into<Value>) -> Self {
        self.values.push(value.into());
        self
    }

    pub(super) fn read_as<T: FromRowOfEither>(self) -> QueryAs<'q, T> {
        QueryAs { query: self, row: PhantomData }
    }

    pub(super) fn read_scalar<T: Column>(self) -> QueryScalar<'q, T> {
        QueryScalar { query: self, column: PhantomData }
    }

    pub async fn execute<'t>(self, target: impl Into<Target<'t>>) -> Result<Done, sqlx::Error> {
        run::execute(target.into(), &self.sql, self.values).await
    }

    pub async fn fetch_all<'t>(self, target: impl Into<Target<'t>>) -> Result<Vec<Row>, sqlx::Error> {
        run::fetch_all(target.into(), &self.sql, self.values).await
    }

    pub async fn fetch_optional<'t>(self, target: impl Into<Target<'t>>) -> Result<Option<Row>, sqlx::Error> {
        run::fetch_optional(target.into(), &self.sql, self.values).await
    }

    pub async fn fetch_one<'t>(self, target: impl Into<Target<'t>>) -> Result<Row, sqlx::Error> {
        self.fetch_optional(target).await?.ok_or(sqlx::Error::RowNotFound)
    }
}

impl<'q, T: FromRowOfEither> QueryAs<'q, T> {
    pub fn bind(self, value: impl Into<Value>) -> Self {
        QueryAs { query: self.query.bind(value), row: PhantomData }
    }

    pub async fn fetch_all<'t>(self, target: impl Into<Target<'t>>) -> Result<Vec<T>, sqlx::Error> {
        self.query.fetch_all(target).await?.iter().map(Row::decode).collect()
    }

    pub async fn fetch_optional<'t>(self, target: impl Into<Target<'t>>) -> Result<Option<T>, sqlx::Error> {
        self.query.fetch_optional(target).await?.as_ref().map(Row::decode).transpose()
    }

    pub async fn fetch_one<'t>(self, target: impl Into<Target<'t>>) -> Result<T, sqlx::Error> {
        self.fetch_optional(target).await?.ok_or(sqlx::Error::RowNotFound)
    }
}

impl<'q, T: Column> QueryScalar<'q, T> {
    pub fn bind(self, value: impl Into<Value>) -> Self {
        QueryScalar { query: self.query.bind(value), column: PhantomData }
    }

    pub async fn fetch_all<'t>(self, target: impl Into<Target<'t>>) -> Result<Vec<T>, sqlx::Error> {
        self.query.fetch_all(target).await?.iter().map(|row| row.try_get(0)).collect()
    }

    pub async fn fetch_optional<'t>(self, target: impl Into<Target<'t>>) -> Result<Option<T>, sqlx::Error> {
        self.query.fetch_optional(target).await?.map(|row| row.try_get(0)).transpose()
    }

    pub async fn fetch_one<'t>(self, target: impl Into<Target<'t>>) -> Result<T, sqlx::Error> {
        self.fetch_optional(target).await?.ok_or(sqlx::Error::RowNotFound)
    }
}
