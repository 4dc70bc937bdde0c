//! Queries written once for both backends. The functions here mirror sqlx's (`query`,
//! `query_as`, `query_scalar`, `QueryBuilder`) but run on either of the native pools
//! behind [`Pool`](super::Pool): values are collected as they are bound and handed to the
//! backend's own driver when the query runs, so SQLite and PostgreSQL both get their
//! native types (dates, instants, booleans) and the same `$n` placeholders.

mod builder;
mod query;
mod row;
mod run;
mod value;

pub use builder::{QueryBuilder, Separated};
pub use query::{Query, QueryAs, QueryScalar, query, query_as, query_scalar};
pub use row::{Column, FromRowOfEither, Row};
pub use run::{Done, Target};
pub use value::Value;
