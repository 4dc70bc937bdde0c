//! Reading an HR register file into lines (server only): an XLSX workbook's first sheet
//! (read with `calamine`, values only — a formula is never evaluated, its cached value is
//! text like any other), or CSV text (UTF-8 with or without a byte-order mark, or
//! Windows-1252; `;` or `,`). Too large or too long files are refused whole, and so is a
//! workbook that would unpack to far more than such a sheet can be (a "zip bomb"): its
//! parts' sizes are read from the archive's directory before anything is unpacked.

use crate::domain::manager_import::{FileProblem, RawLine, decode};
use crate::domain::org_import::{MAX_IMPORT_BYTES, MAX_IMPORT_LINES, is_header};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// Whether the bytes are a zip archive (an XLSX workbook).
fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The file's lines with their numbers, header left out.
pub fn read_file(bytes: &[u8]) -> Result<Vec<RawLine>, FileProblem> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(FileProblem::TooLarge { max_bytes: MAX_IMPORT_BYTES });
    }
    if is_workbook(bytes) {
        return read_workbook(bytes);
    }
    crate::api::csv_lines::read_lines(&decode(bytes), MAX_IMPORT_LINES, is_header)
}

/// A cell as text: numbers without a needless decimal part, dates as `YYYY-MM-DD`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.trim().to_owned(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => format!("{number:.0}"),
        Data::Float(number) => number.to_string(),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(date) => {
            let (year, month, day, ..) = date.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// The most a workbook's parts may unpack to: a sheet of the most lines the import takes,
/// with long names in every cell, is a small part of it.
const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// The sizes the archive's directory gives its parts, added up; `None` if it cannot be read.
fn unpacked_size(bytes: &[u8]) -> Option<u64> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        total = total.checked_add(archive.by_index_raw(index).ok()?.size())?;
    }
    Some(total)
}

fn read_workbook(bytes: &[u8]) -> Result<Vec<RawLine>, FileProblem> {
    match unpacked_size(bytes) {
        None => return Err(FileProblem::Unreadable),
        Some(size) if size > MAX_UNPACKED_BYTES => return Err(FileProblem::TooLarge { max_bytes: MAX_IMPORT_BYTES }),
        Some(_) => {}
    }
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|_| FileProblem::Unreadable)?;
    let sheet = workbook.worksheet_range_at(0).ok_or(FileProblem::Empty)?.map_err(|_| FileProblem::Unreadable)?;
    if sheet.height() > MAX_IMPORT_LINES + 1 {
        return Err(FileProblem::TooManyLines { max: MAX_IMPORT_LINES });
    }
    let first_row = sheet.start().map_or(0, |(row, _)| row as usize);
    let mut lines = Vec::new();
    let mut first = true;
    for (offset, row) in sheet.rows().enumerate() {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let header = first && is_header(&cells);
        first = false;
        if header {
            continue;
        }
        if lines.len() == MAX_IMPORT_LINES {
            return Err(FileProblem::TooManyLines { max: MAX_IMPORT_LINES });
        }
        lines.push(RawLine { number: first_row + offset + 1, cells });
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_file_with_a_byte_order_mark_and_a_header_is_read_with_its_line_numbers() {
        let text = "\u{FEFF}Id;Namn;Förälder;Typ;Giltig från\r\nJ;Järva;;stadsdelsforvaltning;2023-01-01\r\n\r\nJ-F;\"Förskola; Järva\";J;avdelning;2023-01-01\r\n";
        let lines = read_file(text.as_bytes()).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!((lines[0].number, lines[0].cells[1].as_str()), (2, "Järva"));
        assert_eq!((lines[1].number, lines[1].cells[1].as_str()), (4, "Förskola; Järva"));
        let commas = read_file(b"J,=1+1,,bolag,2023-01-01").unwrap();
        assert_eq!(commas[0].cells[1], "=1+1", "a formula is text");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let big = vec![b'x'; MAX_IMPORT_BYTES + 1];
        assert_eq!(read_file(&big), Err(FileProblem::TooLarge { max_bytes: MAX_IMPORT_BYTES }));
        assert_eq!(read_file(b"PK\x03\x04not a workbook"), Err(FileProblem::Unreadable));
    }

    /// A small workbook: a header and one line.
    fn workbook() -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (column, text) in ["Id", "Namn", "Förälder", "Typ", "Giltig från"].into_iter().enumerate() {
            sheet.write_string(0, column as u16, text).unwrap();
        }
        for (column, text) in ["J", "Järva", "", "stadsdelsforvaltning", "2023-01-01"].into_iter().enumerate() {
            sheet.write_string(1, column as u16, text).unwrap();
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_workbook_whose_parts_would_unpack_to_too_much_is_refused_before_anything_is_unpacked() {
        let bytes = workbook();
        assert_eq!(read_file(&bytes).unwrap()[0].cells[1], "Järva");
        // The central directory's record of each part says it unpacks to almost 4 GB.
        let mut bomb = bytes.clone();
        let mut at = 0;
        while let Some(found) = bomb[at..].windows(4).position(|window| window == b"PK\x01\x02") {
            let record = at + found;
            bomb[record + 24..record + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
            at = record + 4;
        }
        assert_ne!(bomb, bytes);
        assert_eq!(read_file(&bomb), Err(FileProblem::TooLarge { max_bytes: MAX_IMPORT_BYTES }));
    }

    #[test]
    fn workbook_cells_become_text_dates_included() {
        assert_eq!(cell_text(&Data::Float(1234.0)), "1234");
        assert_eq!(cell_text(&Data::Float(12.5)), "12.5");
        assert_eq!(cell_text(&Data::String(" =HYPERLINK(\"x\") ".into())), "=HYPERLINK(\"x\")");
        let new_year = calamine::ExcelDateTime::new(44927.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(new_year)), "2023-01-01");
    }
}
