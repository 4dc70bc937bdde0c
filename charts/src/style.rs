//! Colours, contrast and series styles shared by the charts.
//!
//! * Lines and marks use colours with at least 3:1 contrast against white (WCAG 2.x,
//!   1.4.11 non-text contrast); tests check every palette entry.
//! * Scores are shown on a single-hue sequential blue scale (ColorBrewer "Blues"), light
//!   for 1 and dark for 5, so it reads in greyscale and for colour-blind readers; text on
//!   a cell is black or white, whichever has the higher contrast (always ≥ 4.5:1).
//! * Series differ in marker shape and dash pattern as well as in colour.

use crate::{SCORE_MAX, SCORE_MIN};

/// An sRGB colour.
pub(crate) type Rgb = [u8; 3];

pub(crate) const WHITE: Rgb = [0xFF, 0xFF, 0xFF];
pub(crate) const BLACK: Rgb = [0x00, 0x00, 0x00];
/// Main text.
pub(crate) const TEXT: Rgb = [0x1A, 0x1A, 0x1A];
/// Secondary text (axis ticks, notes): 7:1 on white.
pub(crate) const TEXT_MUTED: Rgb = [0x59, 0x59, 0x59];
/// Grid lines and rings (decoration, not data).
pub(crate) const GRID: Rgb = [0xC8, 0xC8, 0xC8];
/// Axis lines and outlines of data areas: 3:1 on white.
pub(crate) const AXIS: Rgb = [0x8A, 0x8A, 0x8A];

/// ColorBrewer "Blues" (9 classes) from its second class on: light blue to dark navy,
/// strictly decreasing in lightness.
const BLUES: [Rgb; 8] = [
    [0xDE, 0xEB, 0xF7],
    [0xC6, 0xDB, 0xEF],
    [0x9E, 0xCA, 0xE1],
    [0x6B, 0xAE, 0xD6],
    [0x42, 0x92, 0xC6],
    [0x21, 0x71, 0xB5],
    [0x08, 0x51, 0x9C],
    [0x08, 0x30, 0x6B],
];

/// A point on the sequential blue scale, `t` from 0 (lightest) to 1 (darkest).
pub(crate) fn blue_scale(t: f64) -> Rgb {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let pos = t * (BLUES.len() - 1) as f64;
    let i = (pos.floor() as usize).min(BLUES.len() - 2);
    let f = pos - i as f64;
    let (a, b) = (BLUES[i], BLUES[i + 1]);
    std::array::from_fn(|k| (f64::from(a[k]) + (f64::from(b[k]) - f64::from(a[k])) * f).round() as u8)
}

/// The heat-map colour of a score on the 1–5 scale (clamped), as sRGB `[r, g, b]`: a
/// single-hue blue from light (1) to dark (5). Useful to draw matching legends in HTML.
///
/// ```
/// let light = charts::score_color(1.0);
/// let dark = charts::score_color(5.0);
/// assert!(charts::contrast_ratio(light, dark) > 7.0);
/// ```
pub fn score_color(score: f64) -> [u8; 3] {
    blue_scale((score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN))
}

/// Relative luminance (WCAG 2.x) of an sRGB colour.
pub(crate) fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// The WCAG 2.x contrast ratio of two sRGB colours, from 1 (same) to 21 (black on white).
///
/// ```
/// assert!((charts::contrast_ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
/// ```
pub fn contrast_ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Black or white, whichever contrasts more with the background.
pub(crate) fn text_on(background: Rgb) -> Rgb {
    if contrast_ratio(background, BLACK) >= contrast_ratio(background, WHITE) { BLACK } else { WHITE }
}

/// Shape of the marks on a data point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
}

/// Line pattern of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dash {
    Solid,
    /// Dash length and gap in pixels.
    Dashed(u32, u32),
}

/// How one series is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SeriesStyle {
    pub color: Rgb,
    pub width: u32,
    pub dash: Dash,
    pub marker: Marker,
    /// Marker drawn as an outline with a white inside.
    pub hollow: bool,
}

/// Colours for general series (trend lines), all ≥ 3:1 on white and mutually distinct
/// for the common kinds of colour blindness as far as 8 colours allow; markers and
/// dashes tell the rest apart.
pub(crate) const PALETTE: [Rgb; 8] = [
    [0x1F, 0x5F, 0xAD], // blue
    [0xB3, 0x47, 0x00], // dark orange
    [0x1B, 0x7A, 0x5A], // green
    [0x7B, 0x32, 0x94], // purple
    [0xA3, 0x12, 0x3A], // crimson
    [0x5C, 0x6B, 0x00], // olive
    [0x0E, 0x7C, 0x99], // teal
    [0x59, 0x59, 0x59], // grey
];

/// Colour of an emphasised series (the index in a trend).
pub(crate) const EMPHASIS: Rgb = TEXT;

const MARKERS: [Marker; 5] = [Marker::Circle, Marker::Square, Marker::Triangle, Marker::Diamond, Marker::TriangleDown];
const DASHES: [Dash; 3] = [Dash::Solid, Dash::Dashed(8, 4), Dash::Dashed(2, 3)];

/// The style of the `i`-th ordinary series: colour, marker and dash cycle with different
/// periods (8, 5, 3), so no two of the first 120 series look the same.
pub(crate) fn series_style(i: usize) -> SeriesStyle {
    SeriesStyle {
        color: PALETTE[i % PALETTE.len()],
        width: 2,
        dash: DASHES[i % DASHES.len()],
        marker: MARKERS[i % MARKERS.len()],
        hollow: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_has_non_text_contrast_on_white() {
        for c in PALETTE.iter().chain([&EMPHASIS, &TEXT_MUTED, &AXIS]) {
            assert!(contrast_ratio(*c, WHITE) >= 3.0, "{c:02X?}: {}", contrast_ratio(*c, WHITE));
        }
    }

    #[test]
    fn blue_scale_is_monotonic_and_text_is_readable() {
        let mut previous = f64::INFINITY;
        for step in 0..=40 {
            let score = 1.0 + f64::from(step) * 0.1;
            let c = score_color(score);
            let l = luminance(c);
            assert!(l < previous, "lightness must fall with the score ({score})");
            previous = l;
            assert!(contrast_ratio(c, text_on(c)) >= 4.5, "{score}");
        }
        assert_eq!(score_color(1.0), BLUES[0]);
        assert_eq!(score_color(5.0), BLUES[7]);
        assert_eq!(score_color(f64::NAN), BLUES[0]);
    }

    #[test]
    fn series_styles_are_distinct() {
        let styles: Vec<_> = (0..16).map(series_style).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert!(a.color != b.color || a.marker != b.marker || a.dash != b.dash);
            }
        }
    }
}
