//! Tables as CSV files: for Swedish Excel (UTF-8 with a byte-order mark, semicolons, decimal
//! comma) or RFC 4180, every text cell protected against formula injection
//! (`domain::spreadsheet_text`). Written with the `csv` crate, so quoting is right.

use super::dialect::CsvDialect;
use super::table::{Cell, Table};
use crate::domain::spreadsheet_text::neutralise;
use std::io::Write;

/// The byte-order mark that tells Excel the file is UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The file of `header` and `rows` (each a row of text cells).
pub fn swedish_excel<R, C>(header: &[&str], rows: R) -> Vec<u8>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = String>,
{
    let mut writer =
        csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(BOM.to_vec());
    // Writing to memory cannot fail but for a bad record shape; a row that fails is left out.
    let _ = writer.write_record(header.iter().map(|cell| neutralise(cell).into_owned()));
    for row in rows {
        let row: Vec<String> = row.into_iter().map(|cell| neutralise(&cell).into_owned()).collect();
        if let Err(error) = writer.write_record(&row) {
            tracing::error!(%error, "a CSV row could not be written");
        }
    }
    writer.into_inner().unwrap_or_default()
}

/// Writes `table` as CSV in `dialect` to `out`, row by row; returns how many rows.
pub fn write_table(table: Table, dialect: CsvDialect, out: impl Write) -> std::io::Result<usize> {
    let mut out = out;
    if dialect == CsvDialect::SwedishExcel {
        out.write_all(BOM)?;
    }
    let mut writer =
        csv::WriterBuilder::new().delimiter(dialect.delimiter()).terminator(csv::Terminator::CRLF).from_writer(out);
    writer.write_record(table.columns.iter().map(|column| neutralise(&column.name).into_owned()))?;
    let mut rows = 0;
    for row in table.rows {
        writer.write_record(row.iter().map(|cell| match cell {
            Cell::Text(text) => neutralise(text).into_owned(),
            Cell::Number(number) => dialect.number(*number),
            Cell::Integer(integer) => integer.to_string(),
            Cell::Date(date) => date.to_string(),
            Cell::Empty => String::new(),
        }))?;
        rows += 1;
    }
    writer.flush()?;
    Ok(rows)
}

/// The headers of a CSV download: the content type, and the file name to save it as.
pub fn download_headers(file_name: &str) -> [(http::HeaderName, String); 2] {
    [
        (http::header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
        (http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_starts_with_a_bom_uses_semicolons_quotes_what_needs_it_and_defuses_formulas() {
        let rows = vec![
            vec!["Förskolan Ängen".to_owned(), "=HYPERLINK(\"x\")".to_owned()],
            vec!["Med; semikolon".to_owned(), "Två\nrader".to_owned()],
        ];
        let file = swedish_excel(&["Enhet", "Chef"], rows);
        assert!(file.starts_with(BOM));
        let text = String::from_utf8(file[BOM.len()..].to_vec()).unwrap();
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
        let records: Vec<Vec<String>> =
            reader.records().map(|record| record.unwrap().iter().map(str::to_owned).collect()).collect();
        assert_eq!(records[0], ["Förskolan Ängen", "'=HYPERLINK(\"x\")"]);
        assert_eq!(records[1], ["Med; semikolon", "Två\nrader"]);
        assert!(text.starts_with("Enhet;Chef\r\n"));
    }
}
