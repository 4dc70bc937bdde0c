//! The bundled fonts and text measurement for layout (wrapping, truncation, legends).
//!
//! SVG cannot measure text, so the layout measures it with the advance widths of the same
//! DejaVu Sans that [`crate::png_from_svg`] renders with (browsers use it too when the page
//! loads `public/fonts/`; with a fallback font the widths differ slightly, which the
//! layout's margins absorb).

use std::sync::LazyLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// DejaVu Sans (regular), bundled from `public/fonts/DejaVuSans.ttf` (licence in
/// `public/fonts/LICENSE-DejaVu.txt`).
pub const FONT_REGULAR: &[u8] = include_bytes!("../../public/fonts/DejaVuSans.ttf");

/// DejaVu Sans Bold, bundled from `public/fonts/DejaVuSans-Bold.ttf`.
pub const FONT_BOLD: &[u8] = include_bytes!("../../public/fonts/DejaVuSans-Bold.ttf");

/// Characters below this code point have a precomputed advance; others use [`FALLBACK_EM`].
const TABLE_LEN: usize = 0x2200;

/// Advance of a character the table does not hold, in em.
const FALLBACK_EM: f32 = 0.62;

/// Advance widths in em, indexed by code point.
struct Widths(Vec<f32>);

static REGULAR: LazyLock<Widths> = LazyLock::new(|| Widths::load(FONT_REGULAR));
static BOLD: LazyLock<Widths> = LazyLock::new(|| Widths::load(FONT_BOLD));

impl Widths {
    fn load(data: &'static [u8]) -> Self {
        let Ok(font) = FontRef::new(data) else {
            return Self(vec![FALLBACK_EM; TABLE_LEN]);
        };
        let upem = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em.max(1));
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let table = (0..TABLE_LEN as u32)
            .map(|cp| {
                char::from_u32(cp)
                    .and_then(|c| charmap.map(c))
                    .and_then(|gid| metrics.advance_width(gid))
                    .map_or(FALLBACK_EM, |w| w / upem)
            })
            .collect();
        Self(table)
    }

    fn em(&self, c: char) -> f32 {
        self.0.get(c as usize).copied().unwrap_or(FALLBACK_EM)
    }
}

/// Width in pixels of `text` set in DejaVu Sans at `size` pixels.
pub(crate) fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let widths = if bold { &*BOLD } else { &*REGULAR };
    let em: f32 = text.chars().map(|c| widths.em(c)).sum();
    f64::from(em) * size
}

/// Shortens `text` with a trailing "…" so that it is at most `max_width` pixels wide.
pub(crate) fn truncate(text: &str, max_width: f64, size: f64, bold: bool) -> String {
    if text_width(text, size, bold) <= max_width {
        return text.to_owned();
    }
    let ellipsis = text_width("…", size, bold);
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), size, bold);
        if width + w + ellipsis > max_width {
            break;
        }
        width += w;
        out.push(c);
    }
    let mut out = out.trim_end().to_owned();
    out.push('…');
    out
}

/// Breaks `text` into at most `max_lines` lines of at most `max_width` pixels, at spaces
/// and after hyphens or slashes; a word longer than a line, or text left over after the
/// last line, is shortened with "…".
pub(crate) fn wrap(text: &str, max_width: f64, size: f64, bold: bool, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let words = split_words(text);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut rest = words.iter().peekable();
    while let Some(word) = rest.next() {
        let candidate = join(&current, word);
        if current.is_empty() || text_width(&candidate, size, bold) <= max_width {
            current = candidate;
            continue;
        }
        // The word starts a new line.
        if lines.len() + 1 == max_lines {
            // No line left: shorten the last one with everything that remains.
            let mut remaining = candidate;
            for w in rest.by_ref() {
                remaining = join(&remaining, w);
            }
            current = truncate(&remaining, max_width, size, bold);
            if !current.ends_with('…') {
                current.push('…');
            }
            break;
        }
        lines.push(std::mem::take(&mut current));
        current = (*word).to_owned();
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines.into_iter().map(|line| truncate(&line, max_width, size, bold)).collect()
}

/// Splits at spaces, keeping a hyphen or slash at the end of the part before it
/// ("Kultur-/fritid" → "Kultur-", "/fritid" stays attached: "Kultur-/", "fritid").
fn split_words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        let mut start = 0;
        for (i, c) in word.char_indices() {
            let end = i + c.len_utf8();
            let next = word[end..].chars().next();
            if (c == '-' || c == '/') && i > start && next.is_some_and(|n| n != '-' && n != '/') {
                words.push(&word[start..end]);
                start = end;
            }
        }
        words.push(&word[start..]);
    }
    words
}

/// Joins a line and the next word: with a space, unless the line ends in a hyphen or slash.
fn join(line: &str, word: &str) -> String {
    if line.is_empty() {
        word.to_owned()
    } else if line.ends_with('-') || line.ends_with('/') {
        format!("{line}{word}")
    } else {
        format!("{line} {word}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_with_the_bundled_font() {
        // DejaVu Sans: "i" is narrow, "W" wide, space ~0.32 em.
        assert!(text_width("i", 10.0, false) < text_width("W", 10.0, false));
        let w = text_width("Förhållningssätt", 12.0, false);
        assert!((80.0..130.0).contains(&w), "{w}");
        assert!(text_width("abc", 12.0, true) > text_width("abc", 12.0, false));
    }

    #[test]
    fn wraps_and_truncates() {
        let lines = wrap("Digital kompetens och ledarskap i verksamheten", 120.0, 12.0, false, 3);
        assert!(lines.len() > 1 && lines.len() <= 3, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 12.0, false) <= 120.0), "{lines:?}");
        assert_eq!(lines.join(" "), "Digital kompetens och ledarskap i verksamheten");

        let short = wrap("Ett mycket långt namn som inte får plats", 80.0, 12.0, false, 2);
        assert_eq!(short.len(), 2);
        assert!(short[1].ends_with('…'), "{short:?}");

        assert_eq!(wrap("Kort", 200.0, 12.0, false, 2), vec!["Kort"]);
        assert_eq!(wrap("Skol-/förskoleförvaltning", 400.0, 12.0, false, 2), vec!["Skol-/förskoleförvaltning"]);
        assert_eq!(wrap("Skol-/förskoleförvaltning", 120.0, 12.0, false, 2)[0], "Skol-/");
        assert!(wrap("", 100.0, 12.0, false, 2).is_empty());
        let long = truncate("Verksamhetsutvecklingsavdelningen", 60.0, 12.0, false);
        assert!(long.ends_with('…') && text_width(&long, 12.0, false) <= 60.0, "{long}");
    }
}
