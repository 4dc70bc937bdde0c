//! XML escaping and the accessible SVG wrapper around plotters' output.
//!
//! plotters' SVG backend already escapes `<`, `>`, `&`, `"` and `'` in text and attribute
//! values, so labels are passed to it unescaped (escaping twice would print `&amp;lt;`).
//! What plotters does not write (`role`, `<title>`, `<desc>`) is added here, escaped with
//! [`escape_xml`].

use crate::ChartError;

/// Escapes text for XML character data and attribute values: `&`, `<`, `>`, `"` and `'`
/// become entities, and characters XML 1.0 does not allow (control characters other than
/// tab, newline and carriage return) are dropped.
///
/// ```
/// assert_eq!(charts::escape_xml(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
/// ```
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether XML 1.0 allows the character in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Removes characters XML cannot carry from a label before it goes to plotters (which
/// escapes markup characters but would pass e.g. U+0000 through and make the SVG invalid),
/// and turns line breaks and tabs into spaces.
pub(crate) fn clean_label(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if is_xml_char(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// Replaces plotters' opening `<svg …>` tag by one with `role="img"` and the document's
/// font family, and inserts `<title>` and `<desc>` as its first children.
pub(crate) fn wrap_document(raw: &str, size: (u32, u32), title: &str, desc: &str) -> Result<String, ChartError> {
    // plotters writes `<svg width=… height=… viewBox=… xmlns=…>\n` first.
    let body_start = raw
        .strip_prefix("<svg ")
        .and_then(|rest| rest.find(">\n").map(|end| "<svg ".len() + end + 2))
        .ok_or_else(|| ChartError::Draw("unexpected SVG from plotters".to_owned()))?;
    let body = &raw[body_start..];
    let (w, h) = size;
    let title = escape_xml(title.trim());
    let desc = escape_xml(desc.trim());
    let mut out = String::with_capacity(raw.len() + title.len() + desc.len() + 300);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         role=\"img\" font-family=\"{family}\">\n<title>{title}</title>\n<desc>{desc}</desc>\n",
        family = escape_xml(crate::FONT_FAMILY),
    ));
    tidy_font_sizes(&strip_defaults(body), &mut out);
    Ok(out)
}

/// Removes attributes plotters writes on every element that say nothing new: full
/// opacity, and the font family (set once on the root `<svg>` and inherited). This makes a
/// 30 × 12 heat map about a fifth smaller.
fn strip_defaults(body: &str) -> String {
    let family = format!(" font-family=\"{}\"", escape_xml(crate::FONT_FAMILY));
    body.replace(" opacity=\"1\"", "").replace(&family, "")
}

/// Copies `body` to `out`, rounding every `font-size="…"` to two decimals: plotters
/// writes the size divided by 1.24, which leaves float noise (`13.000000000000002`).
fn tidy_font_sizes(body: &str, out: &mut String) {
    const KEY: &str = " font-size=\"";
    let mut rest = body;
    while let Some(at) = rest.find(KEY) {
        let value_start = at + KEY.len();
        let Some(len) = rest[value_start..].find('"') else { break };
        out.push_str(&rest[..value_start]);
        let raw = &rest[value_start..value_start + len];
        match raw.parse::<f64>() {
            Ok(v) => out.push_str(&format!("{}", (v * 100.0).round() / 100.0)),
            Err(_) => out.push_str(raw),
        }
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_invalid_characters() {
        assert_eq!(escape_xml("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(escape_xml("\"&'"), "&quot;&amp;&apos;");
        assert_eq!(escape_xml("a\u{0}b\u{1b}c\u{FFFE}"), "abc");
        assert_eq!(escape_xml("Förhållningssätt – 3,4"), "Förhållningssätt – 3,4");
        assert_eq!(clean_label("a\nb\u{7}c"), "a bc");
    }

    #[test]
    fn wraps_plotters_output() {
        let raw = "<svg width=\"10\" height=\"20\" viewBox=\"0 0 10 20\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/>\n</svg>\n";
        let svg = wrap_document(raw, (10, 20), "T <1>", "D & d").unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"20\""));
        assert!(svg.contains("<title>T &lt;1&gt;</title>\n<desc>D &amp; d</desc>\n<rect/>"));
        assert!(wrap_document("<g>", (1, 1), "", "").is_err());
        let raw = "<svg a=\"1\">\n<text font-size=\"13.000000000000002\">x</text><text font-size=\"9.5\">y</text>\n\
                   <text font-family=\"DejaVu Sans, Arial, sans-serif\" opacity=\"1\">z</text><rect opacity=\"0.5\"/>";
        let svg = wrap_document(raw, (1, 1), "", "").unwrap();
        assert!(
            svg.ends_with(
                "<text font-size=\"13\">x</text><text font-size=\"9.5\">y</text>\n<text>z</text><rect opacity=\"0.5\"/>"
            ),
            "{svg}"
        );
    }
}
