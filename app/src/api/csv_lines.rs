//! Reading an uploaded file's text into lines of fields (server only), as the imports take
//! them: the `csv` crate (quotes as spreadsheets write them), the separator guessed from the
//! first line (`;` or `,`), a header line left out, empty lines skipped, fields trimmed, and
//! each line's number in the file kept for the errors that name it.

use crate::domain::manager_import::{FileProblem, RawLine, delimiter};

/// The file's lines: at most `max_lines` (besides a header, which `is_header` recognises on
/// the first line with text).
pub fn read_lines(text: &str, max_lines: usize, is_header: fn(&[String]) -> bool) -> Result<Vec<RawLine>, FileProblem> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    let mut first = true;
    // Line numbers counted from the records' byte offsets (the reader's own count is off
    // after CRLF line ends): (offset counted up to, line there).
    let mut counted = (0, 1);
    for record in reader.records() {
        let record = record.map_err(|_| FileProblem::Unreadable)?;
        if let Some(position) = record.position() {
            let bytes = text.as_bytes();
            let mut offset = usize::try_from(position.byte()).unwrap_or(usize::MAX).min(bytes.len());
            // A record may be said to start at the line end before it.
            while offset < bytes.len() && matches!(bytes[offset], b'\r' | b'\n') {
                offset += 1;
            }
            let newlines = bytes[counted.0.min(offset)..offset].iter().filter(|byte| **byte == b'\n').count();
            counted = (offset, counted.1 + newlines);
        }
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if cells.iter().all(|cell| cell.is_empty()) {
            continue;
        }
        let header = first && is_header(&cells);
        first = false;
        if header {
            continue;
        }
        if lines.len() == max_lines {
            return Err(FileProblem::TooManyLines { max: max_lines });
        }
        lines.push(RawLine { number: counted.1, cells });
    }
    Ok(lines)
}
