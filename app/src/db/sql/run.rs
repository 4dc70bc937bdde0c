//! Running a query on a pool or a connection of either backend.

use super::row::Row;
use super::value::Value;
use crate::db::backend::{Conn, Native, Pool};
use sqlx::postgres::PgArguments;
use sqlx::sqlite::SqliteArguments;

/// Where a query runs: a pool (a connection is taken for it) or a connection.
pub enum Target<'a> {
    Pool(&'a Pool),
    Conn(&'a mut Conn),
}

impl<'a> From<&'a Pool> for Target<'a> {
    fn from(pool: &'a Pool) -> Self {
        Target::Pool(pool)
    }
}

impl<'a> From<&'a mut Conn> for Target<'a> {
    fn from(conn: &'a mut Conn) -> Self {
        Target::Conn(conn)
    }
}

impl<'a> From<&'a mut crate::db::pool::WriteTx> for Target<'a> {
    fn from(tx: &'a mut crate::db::pool::WriteTx) -> Self {
        Target::Conn(tx)
    }
}

fn sqlite_arguments(values: Vec<Value>) -> Result<SqliteArguments<'static>, sqlx::Error> {
    let mut arguments = SqliteArguments::default();
    for value in values {
        value.add_to_sqlite(&mut arguments).map_err(sqlx::Error::Encode)?;
    }
    Ok(arguments)
}

fn postgres_arguments(values: Vec<Value>) -> Result<PgArguments, sqlx::Error> {
    let mut arguments = PgArguments::default();
    for value in values {
        value.add_to_postgres(&mut arguments).map_err(sqlx::Error::Encode)?;
    }
    Ok(arguments)
}

/// What a query does once it has a connection.
#[derive(Clone, Copy)]
enum Fetch {
    All,
    Optional,
}

async fn rows_on(conn: &mut Conn, sql: &str, values: Vec<Value>, fetch: Fetch) -> Result<Vec<Row>, sqlx::Error> {
    Ok(match (conn.native(), fetch) {
        (Native::Sqlite(conn), Fetch::All) => sqlx::query_with(sql, sqlite_arguments(values)?)
            .fetch_all(conn)
            .await?
            .into_iter()
            .map(Row::Sqlite)
            .collect(),
        (Native::Sqlite(conn), Fetch::Optional) => sqlx::query_with(sql, sqlite_arguments(values)?)
            .fetch_optional(conn)
            .await?
            .map(Row::Sqlite)
            .into_iter()
            .collect(),
        (Native::Postgres(conn), Fetch::All) => sqlx::query_with(sql, postgres_arguments(values)?)
            .fetch_all(conn)
            .await?
            .into_iter()
            .map(Row::Postgres)
            .collect(),
        (Native::Postgres(conn), Fetch::Optional) => sqlx::query_with(sql, postgres_arguments(values)?)
            .fetch_optional(conn)
            .await?
            .map(Row::Postgres)
            .into_iter()
            .collect(),
    })
}

async fn rows(target: Target<'_>, sql: &str, values: Vec<Value>, fetch: Fetch) -> Result<Vec<Row>, sqlx::Error> {
    match target {
        Target::Pool(pool) => rows_on(&mut pool.acquire().await?, sql, values, fetch).await,
        Target::Conn(conn) => rows_on(conn, sql, values, fetch).await,
    }
}

/// Every row the query returns.
pub(super) async fn fetch_all(target: Target<'_>, sql: &str, values: Vec<Value>) -> Result<Vec<Row>, sqlx::Error> {
    rows(target, sql, values, Fetch::All).await
}

/// The first row the query returns, if any.
pub(super) async fn fetch_optional(
    target: Target<'_>,
    sql: &str,
    values: Vec<Value>,
) -> Result<Option<Row>, sqlx::Error> {
    Ok(rows(target, sql, values, Fetch::Optional).await?.into_iter().next())
}

/// What a statement did.
#[derive(Clone, Copy, Debug)]
pub struct Done {
    rows_affected: u64,
}

impl Done {
    /// How many rows it inserted, changed or deleted.
    pub fn rows_affected(&self) -> u64 {
        self.rows_affected
    }
}

async fn execute_on(conn: &mut Conn, sql: &str, values: Vec<Value>) -> Result<Done, sqlx::Error> {
    let rows_affected = match conn.native() {
        Native::Sqlite(conn) => sqlx::query_with(sql, sqlite_arguments(values)?).execute(conn).await?.rows_affected(),
        Native::Postgres(conn) => {
            sqlx::query_with(sql, postgres_arguments(values)?).execute(conn).await?.rows_affected()
        }
    };
    Ok(Done { rows_affected })
}

/// Runs a statement; the number of rows it changed.
pub(super) async fn execute(target: Target<'_>, sql: &str, values: Vec<Value>) -> Result<Done, sqlx::Error> {
    match target {
        Target::Pool(pool) => execute_on(&mut pool.acquire().await?, sql, values).await,
        Target::Conn(conn) => execute_on(conn, sql, values).await,
    }
}
