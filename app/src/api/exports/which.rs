//! Which tables of a results page can be downloaded, and in which forms.

use serde::{Deserialize, Serialize};

/// A table of a round's results, as its own CSV file or a sheet of the workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResultTable {
    /// Per unit and statement: the level (or "ej aktuellt"), and the belägg for the quality
    /// department.
    Statements,
    /// Per unit: the index, both sub-indices and every dimension, with the level.
    Dimensions,
    /// Per organisation (the one chosen and those below it): n, mean, spread, level shares.
    Organisations,
    /// The units' improvement actions.
    Actions,
}

impl ResultTable {
    pub const ALL: [ResultTable; 4] =
        [ResultTable::Statements, ResultTable::Dimensions, ResultTable::Organisations, ResultTable::Actions];

    /// The name in the address (`/resultat/export/{key}.csv`) and of the file.
    pub fn key(self) -> &'static str {
        match self {
            ResultTable::Statements => "enheter-pastaenden",
            ResultTable::Dimensions => "enheter-dimensioner",
            ResultTable::Organisations => "organisationer",
            ResultTable::Actions => "atgarder",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|table| table.key() == key)
    }
}

/// The address of a download of the results page `query` (its parameters, without `?`):
/// every table as one XLSX workbook (`table` none), or one table as CSV in `dialect`.
pub fn export_path(table: Option<ResultTable>, dialect: super::dialect::CsvDialect, params: &str) -> String {
    match table {
        None => format!("{}.xlsx?{params}", crate::routes::RESULT_EXPORTS),
        Some(table) => {
            format!("{}/{}.csv?{params}&dialekt={}", crate::routes::RESULT_EXPORTS, table.key(), dialect.key())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::exports::dialect::CsvDialect;

    #[test]
    fn every_table_has_an_address() {
        for table in ResultTable::ALL {
            assert_eq!(ResultTable::from_key(table.key()), Some(table));
        }
        assert_eq!(export_path(None, CsvDialect::SwedishExcel, "omgang=1"), "/resultat/export.xlsx?omgang=1");
        assert_eq!(
            export_path(Some(ResultTable::Actions), CsvDialect::Rfc4180, "omgang=1&nod=2"),
            "/resultat/export/atgarder.csv?omgang=1&nod=2&dialekt=rfc4180"
        );
    }
}
