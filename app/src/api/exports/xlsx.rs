//! Tables as one XLSX workbook (`rust_xlsxwriter`): an "Om filen" sheet first (what the file
//! holds: the round, the filters, when and by whom, every column's meaning, how quartiles
//! are computed), then one sheet per table with typed numbers and dates, a frozen header
//! row, an autofilter and column widths. Each table's sheet is written row by row to
//! temporary files (rust_xlsxwriter's low-memory mode), so a large export never sits whole
//! in memory; each distinct text is kept once, in the shared-strings table (a statement's
//! text repeats on every unit's rows), and the parts are deflated at a fast level
//! ([`COMPRESSION_LEVEL`]).
//!
//! Text is always written as text, never as a formula; text that a spreadsheet would take
//! for a formula also gets Excel's quote prefix, so it stays inert if the sheet is re-saved.

use super::table::{Cell, Table};
use crate::domain::spreadsheet_text::neutralise;
use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use std::path::Path;

/// The zip deflate level: 2 of 9 writes a city's workbook about twice as fast as the default
/// (6) for a file about a fifth larger (measured in `server/benches/exports.rs`).
pub const COMPRESSION_LEVEL: u8 = 2;

/// What the "Om filen" sheet says besides the columns: labelled facts (round, filters, …).
#[derive(Clone, Debug, Default)]
pub struct About {
    pub title: String,
    pub facts: Vec<(String, String)>,
    /// The heading of the column list: sheet, column, meaning.
    pub column_headings: [String; 3],
}

/// Writes the workbook of `tables` described by `about` to `path`; returns the rows written
/// per table.
pub fn write(tables: Vec<Table>, about: &About, path: &Path) -> Result<Vec<usize>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_zip_compression_level(COMPRESSION_LEVEL);
    if let Some(dir) = path.parent() {
        workbook.set_tempdir(dir)?;
    }
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();

    // The description first: a reader sees what the file is before the data.
    let info = workbook.add_worksheet();
    info.set_name(sheet_name("Om filen"))?;
    info.set_column_width(0, 28)?;
    info.set_column_width(1, 40)?;
    info.set_column_width(2, 90)?;
    info.write_string_with_format(0, 0, safe_text(&about.title).as_ref(), &bold)?;
    let mut row = 2;
    for (label, value) in &about.facts {
        info.write_string_with_format(row, 0, safe_text(label).as_ref(), &bold)?;
        info.write_string_with_format(row, 1, safe_text(value).as_ref(), &wrap)?;
        row += 1;
    }
    row += 1;
    for (column, heading) in about.column_headings.iter().enumerate() {
        info.write_string_with_format(row, u16::try_from(column).unwrap_or(0), safe_text(heading).as_ref(), &bold)?;
    }
    row += 1;
    for table in &tables {
        for column in &table.columns {
            info.write_string(row, 0, safe_text(&table.name).as_ref())?;
            info.write_string(row, 1, safe_text(&column.name).as_ref())?;
            info.write_string_with_format(row, 2, safe_text(&column.definition).as_ref(), &wrap)?;
            row += 1;
        }
    }

    let quoted = Format::new().set_quote_prefix();
    let decimal = Format::new().set_num_format("0.0##");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut written = Vec::with_capacity(tables.len());
    for table in tables {
        let sheet = workbook.add_worksheet_with_low_memory()?;
        sheet.set_name(sheet_name(&table.name))?;
        let last_column = u16::try_from(table.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
        for (index, column) in table.columns.iter().enumerate() {
            let index = u16::try_from(index).unwrap_or(u16::MAX);
            sheet.set_column_width(index, column.width)?;
            sheet.write_string_with_format(0, index, safe_text(&column.name).as_ref(), &bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        let mut rows: u32 = 0;
        for cells in table.rows {
            rows += 1;
            for (index, cell) in cells.iter().enumerate() {
                let column = u16::try_from(index).unwrap_or(u16::MAX);
                match cell {
                    Cell::Text(text) if neutralise(text) != text.as_str() => {
                        sheet.write_string_with_format(rows, column, text, &quoted)?;
                    }
                    Cell::Text(text) => {
                        sheet.write_string(rows, column, text)?;
                    }
                    Cell::Number(number) => {
                        sheet.write_number_with_format(rows, column, *number, &decimal)?;
                    }
                    Cell::Integer(integer) => {
                        // Counts are far inside f64's exact integer range.
                        sheet.write_number(rows, column, *integer as f64)?;
                    }
                    Cell::Date(day) => {
                        let excel = ExcelDateTime::from_ymd(
                            u16::try_from(day.year()).unwrap_or(1900),
                            u8::try_from(day.month()).unwrap_or(1),
                            u8::try_from(day.day()).unwrap_or(1),
                        )?;
                        sheet.write_datetime_with_format(rows, column, &excel, &date)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.autofilter(0, 0, rows, last_column)?;
        written.push(rows as usize);
    }
    workbook.save(path)?;
    Ok(written)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let cleaned: String = name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    if cleaned.trim().is_empty() { "Blad".to_owned() } else { cleaned }
}

/// Text as written in a cell of the description (headings and facts come from the app, but
/// names inside them may come from users).
fn safe_text(text: &str) -> std::borrow::Cow<'_, str> {
    neutralise(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::exports::table::Column;

    #[test]
    fn a_workbook_has_its_description_first_and_typed_cells_in_its_tables() {
        let dir = std::env::temp_dir().join(format!("mognad-xlsx-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("test.xlsx");
        let rows = vec![
            vec![Cell::text("Förskolan Ängen"), Cell::Number(3.25), Cell::Integer(4)],
            vec![
                Cell::text("=HYPERLINK(\"x\")"),
                Cell::Empty,
                Cell::Date(chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()),
            ],
        ];
        let table = Table {
            name: "Enheter: [test]".into(),
            columns: vec![
                Column::new("Enhet", "Enhetens namn", 30.0),
                Column::new("Index", "", 8.0),
                Column::new("n", "", 6.0),
            ],
            rows: Box::new(rows.into_iter()),
        };
        let about = About { title: "Test".into(), facts: vec![("Omgång".into(), "2026".into())], ..About::default() };
        assert_eq!(write(vec![table], &about, &path).unwrap(), [2]);
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(&bytes[..2], b"PK", "a zip");
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(sheet_name("Enheter: [test]"), "Enheter test");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
