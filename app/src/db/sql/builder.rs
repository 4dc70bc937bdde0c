//! A query put together piece by piece: SQL text and bound values, each bound value's
//! placeholder numbered as it is pushed (`$1`, `$2`, …, which both backends read).

use super::query::{Query, QueryAs, QueryScalar};
use super::row::{Column, FromRowOfEither};
use super::value::Value;
use std::fmt::{Display, Write};

pub struct QueryBuilder {
    sql: String,
    values: Vec<Value>,
}

impl QueryBuilder {
    pub fn new(start: impl Into<String>) -> Self {
        QueryBuilder { sql: start.into(), values: Vec::new() }
    }

    /// Appends SQL text (never a user's value: bind those).
    pub fn push(&mut self, sql: impl Display) -> &mut Self {
        write!(self.sql, "{sql}").expect("writing to a String cannot fail");
        self
    }

    /// Appends a placeholder for `value`.
    pub fn push_bind(&mut self, value: impl Into<Value>) -> &mut Self {
        self.values.push(value.into());
        let n = self.values.len();
        self.push(format_args!("${n}"))
    }

    /// Pieces separated by `separator`, e.g. the values of an `IN (…)` list.
    pub fn separated(&mut self, separator: &'static str) -> Separated<'_> {
        Separated { builder: self, separator, first: true }
    }

    /// ` VALUES (…), (…)`: one parenthesised row for each item, its values pushed by `row`.
    pub fn push_values<I>(
        &mut self,
        items: impl IntoIterator<Item = I>,
        mut row: impl FnMut(Separated<'_>, I),
    ) -> &mut Self {
        self.push(" VALUES ");
        for (n, item) in items.into_iter().enumerate() {
            if n > 0 {
                self.push(", ");
            }
            self.push("(");
            row(self.separated(", "), item);
            self.push(")");
        }
        self
    }

    pub fn sql(&self) -> &str {
        &self.sql
    }

    pub fn build(&mut self) -> Query<'static> {
        Query::with_values(std::mem::take(&mut self.sql), std::mem::take(&mut self.values))
    }

    pub fn build_query_as<T: FromRowOfEither>(&mut self) -> QueryAs<'static, T> {
        self.build().read_as()
    }

    pub fn build_query_scalar<T: Column>(&mut self) -> QueryScalar<'static, T> {
        self.build().read_scalar()
    }
}

/// Pushes into a [`QueryBuilder`] with a separator before every piece but the first.
pub struct Separated<'b> {
    builder: &'b mut QueryBuilder,
    separator: &'static str,
    first: bool,
}

impl Separated<'_> {
    fn separate(&mut self) {
        if !std::mem::replace(&mut self.first, false) {
            self.builder.push(self.separator);
        }
    }

    pub fn push(&mut self, sql: impl Display) -> &mut Self {
        self.separate();
        self.builder.push(sql);
        self
    }

    pub fn push_bind(&mut self, value: impl Into<Value>) -> &mut Self {
        self.separate();
        self.builder.push_bind(value);
        self
    }

    /// Appends SQL text without a separator.
    pub fn push_unseparated(&mut self, sql: impl Display) -> &mut Self {
        self.builder.push(sql);
        self
    }

    /// Appends a placeholder without a separator.
    pub fn push_bind_unseparated(&mut self, value: impl Into<Value>) -> &mut Self {
        self.builder.push_bind(value);
        self
    }
}
