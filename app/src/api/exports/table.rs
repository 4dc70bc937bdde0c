//! A table to export, whatever the file: its columns (name, what it means, width) and its
//! rows, produced one at a time so a big table is never whole in memory.

use chrono::NaiveDate;

/// One cell, typed: numbers stay numbers and dates dates in every format.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Integer(i64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    /// A number, or empty when there is none.
    pub fn number(value: Option<f64>) -> Cell {
        value.filter(|value| value.is_finite()).map_or(Cell::Empty, Cell::Number)
    }

    /// A count.
    pub fn count(value: usize) -> Cell {
        Cell::Integer(i64::try_from(value).unwrap_or(i64::MAX))
    }

    /// A text.
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }
}

/// A column: its heading, what it means (for the file's description sheet) and its width
/// in characters.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub definition: String,
    pub width: f64,
}

impl Column {
    pub fn new(name: impl Into<String>, definition: impl Into<String>, width: f64) -> Self {
        Column { name: name.into(), definition: definition.into(), width }
    }
}

/// A table: a name (the sheet's, at most 31 characters), its columns and its rows.
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Box<dyn Iterator<Item = Vec<Cell>> + Send>,
}

impl std::fmt::Debug for Table {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Table")
            .field("name", &self.name)
            .field("columns", &self.columns)
            .finish_non_exhaustive()
    }
}
