//! The two CSV dialects: for Swedish Excel (UTF-8 with a byte-order mark, semicolons, decimal
//! comma) and plain RFC 4180 (commas, decimal point) for R, Python and other tools.

use serde::{Deserialize, Serialize};

/// Which CSV a person downloads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CsvDialect {
    /// Opens as it is in Swedish Excel.
    #[default]
    SwedishExcel,
    /// RFC 4180, for analysis tools.
    Rfc4180,
}

impl CsvDialect {
    /// The value in the address (`dialekt=`).
    pub fn key(self) -> &'static str {
        match self {
            CsvDialect::SwedishExcel => "excel",
            CsvDialect::Rfc4180 => "rfc4180",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [CsvDialect::SwedishExcel, CsvDialect::Rfc4180].into_iter().find(|dialect| dialect.key() == key)
    }

    /// The field separator.
    pub fn delimiter(self) -> u8 {
        match self {
            CsvDialect::SwedishExcel => b';',
            CsvDialect::Rfc4180 => b',',
        }
    }

    /// A number as this dialect writes it: full precision, with a decimal comma for Excel.
    pub fn number(self, value: f64) -> String {
        let text = value.to_string();
        match self {
            CsvDialect::SwedishExcel => text.replace('.', ","),
            CsvDialect::Rfc4180 => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_precision_with_the_dialects_decimal_mark() {
        assert_eq!(CsvDialect::SwedishExcel.number(2.875), "2,875");
        assert_eq!(CsvDialect::Rfc4180.number(2.875), "2.875");
        assert_eq!(CsvDialect::Rfc4180.number(3.0), "3");
        assert_eq!(CsvDialect::from_key("rfc4180"), Some(CsvDialect::Rfc4180));
        assert_eq!(CsvDialect::from_key("x"), None);
    }
}
