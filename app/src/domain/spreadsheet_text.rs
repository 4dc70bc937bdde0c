//! Text that goes into a spreadsheet cell (CSV or XLSX) as text, never as a formula: a cell
//! that starts with `=`, `+`, `-`, `@`, a tab or a carriage return — also after leading
//! spaces — would be run by Excel or LibreOffice as a formula (CSV injection). Such text
//! gets a leading apostrophe, which spreadsheets show as text and do not evaluate.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a spreadsheet shows it as text.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    let first = text.trim_start_matches(' ').chars().next();
    if first.is_some_and(|first| FORMULA_STARTS.contains(&first)) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_other_text_is_left_alone() {
        for hostile in ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\t=1", "\r=1", "   =1+1"]
        {
            assert_eq!(neutralise(hostile), format!("'{hostile}"), "{hostile:?}");
        }
        for plain in ["Förskolan Ängen", "anna@stockholm.se", "", "3,5", "<script>", "a=b"] {
            assert_eq!(neutralise(plain), plain, "{plain:?}");
        }
    }
}
