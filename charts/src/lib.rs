//! Server-side charts for Mognad, drawn as accessible SVG and rasterised to PNG.
//!
//! Every chart is a pure function from a plain-data struct to an SVG document
//! ([`String`]): the same input always gives the same bytes. The SVG is drawn with
//! [plotters](https://docs.rs/plotters)' SVG backend (no system fonts are needed to draw)
//! and then wrapped so that it
//!
//! * has `role="img"`, a `<title>` and a `<desc>` as the first children of `<svg>`,
//! * keeps `width`, `height` and a `viewBox`, so a page can scale it with CSS
//!   (`width: 100%; height: auto`),
//! * escapes everything that came from users (names of units, dimensions, series, rounds),
//! * uses the font family [`FONT_FAMILY`] for all text.
//!
//! [`png_from_svg`] rasterises any of these SVGs with [resvg](https://docs.rs/resvg), using
//! only the DejaVu Sans fonts bundled in the crate (from `public/fonts/`), so a PNG looks
//! the same on a server without any fonts installed.
//!
//! The charts follow the product's conventions: scores from 1,0 to 5,0 printed with one
//! decimal and a decimal comma ([`format_score`]), axis labels 1–5, Swedish fixed texts,
//! colours with at least 3:1 contrast against white for lines and marks, and never colour
//! alone (series also differ in markers and dashes; heat-map cells print their values).
//!
//! | chart | input | function |
//! | --- | --- | --- |
//! | radar (spider) chart of the 12 dimensions | [`RadarChart`] | [`radar`] |
//! | heat map of units × dimensions | [`Heatmap`] | [`heatmap`] |
//! | 100 % stacked bars of level shares | [`LevelDistribution`] | [`stacked_levels`] |
//! | scores over rounds | [`Trend`] | [`trend`] |
//!
//! ```
//! use charts::{Dimension, RadarChart, RadarSeries, SeriesRole};
//!
//! let chart = RadarChart {
//!     title: "Mognad per dimension".into(),
//!     description: String::new(), // empty: a summary of the data is generated
//!     dimensions: (1..=12).map(|i| Dimension::new(format!("Dimension {i}"))).collect(),
//!     series: vec![RadarSeries {
//!         label: "Enheten".into(),
//!         role: SeriesRole::Unit,
//!         values: vec![Some(3.4); 12],
//!     }],
//! };
//! let svg = charts::radar(&chart)?;
//! assert!(svg.contains("Enheten"));
//! let png = charts::png_from_svg(&svg, 1.0)?;
//! assert!(png.starts_with(b"\x89PNG"));
//! # Ok::<(), charts::ChartError>(())
//! ```

mod canvas;
mod escape;
mod format;
mod heatmap;
mod levels;
mod png;
mod radar;
mod style;
mod text;
mod trend;

pub use escape::escape_xml;
pub use format::{format_percent, format_percent_tenths, format_score};
pub use heatmap::{Heatmap, HeatmapRow, heatmap};
pub use levels::{LevelDistribution, stacked_levels};
pub use png::png_from_svg;
pub use radar::{RadarChart, RadarSeries, SeriesRole, radar};
pub use style::{contrast_ratio, score_color};
pub use text::{FONT_BOLD, FONT_REGULAR};
pub use trend::{Trend, TrendSeries, trend};

/// The font family written on every SVG `<text>`: the bundled DejaVu Sans first, then
/// common fallbacks for browsers.
pub const FONT_FAMILY: &str = "DejaVu Sans, Arial, sans-serif";

/// Lowest score on the maturity scale.
pub const SCORE_MIN: f64 = 1.0;

/// Highest score on the maturity scale.
pub const SCORE_MAX: f64 = 5.0;

/// Text printed (and read out) for a missing score.
pub const NO_VALUE: &str = "–";

/// Legend text for a missing score.
pub const NO_VALUE_LABEL: &str = "Ingen bedömning";

/// One of the dimensions the maturity is measured on (the charts' axes, columns or bars).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dimension {
    /// The full name, e.g. "Digital kompetens och ledarskap". Long names are wrapped, and
    /// shortened with "…" only where no room is left.
    pub name: String,
    /// An optional short name used where the full name does not fit (heat-map column
    /// headers).
    pub short_name: Option<String>,
    /// The group the dimension belongs to, e.g. "Förhållningssätt" or "Strategiska
    /// fokusområden". Consecutive dimensions with the same group are drawn as one group;
    /// `None` draws no group.
    pub group: Option<String>,
}

impl Dimension {
    /// A dimension with only a name (no short name, no group).
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into(), short_name: None, group: None }
    }

    /// The same dimension in the given group.
    pub fn in_group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }

    /// The same dimension with a short name.
    pub fn with_short_name(mut self, short_name: impl Into<String>) -> Self {
        self.short_name = Some(short_name.into());
        self
    }
}

/// Why a chart could not be drawn or rasterised.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The input has no data to draw of the kind the chart needs.
    #[error("nothing to draw: {0}")]
    Empty(&'static str),
    /// A list of values does not have one entry per dimension (or round).
    #[error("{what} has {actual} values, expected {expected}")]
    LengthMismatch {
        /// Which list (a series' or row's label).
        what: String,
        /// The number of dimensions or rounds.
        expected: usize,
        /// The number of values given.
        actual: usize,
    },
    /// More entries than the chart can show distinguishably.
    #[error("too many {what}: {actual} (at most {max})")]
    TooMany {
        /// What there are too many of.
        what: &'static str,
        /// The limit.
        max: usize,
        /// The number given.
        actual: usize,
    },
    /// A score that is not a finite number between 1 and 5.
    #[error("{what}: score {value} is not between 1 and 5")]
    ScoreOutOfRange {
        /// Where the value was found.
        what: String,
        /// The value.
        value: f64,
    },
    /// plotters failed to draw (should not happen with the SVG backend).
    #[error("drawing failed: {0}")]
    Draw(String),
    /// The SVG could not be parsed for rasterisation.
    #[error("invalid SVG: {0}")]
    Svg(String),
    /// The PNG could not be made (scale out of range, image too large, encoder error).
    #[error("PNG rendering failed: {0}")]
    Png(String),
}

/// Checks that an optional score is finite and on the 1–5 scale.
pub(crate) fn check_score(value: Option<f64>, what: impl FnOnce() -> String) -> Result<Option<f64>, ChartError> {
    match value {
        Some(v) if !(v.is_finite() && (SCORE_MIN..=SCORE_MAX).contains(&v)) => {
            Err(ChartError::ScoreOutOfRange { what: what(), value: v })
        }
        other => Ok(other),
    }
}

/// Checks that a list of values has one entry per dimension or round.
pub(crate) fn check_len(what: &str, expected: usize, actual: usize) -> Result<(), ChartError> {
    if expected == actual {
        Ok(())
    } else {
        Err(ChartError::LengthMismatch { what: what.to_owned(), expected, actual })
    }
}

/// Consecutive runs of dimensions that share a group: `(group name, first index, count)`.
pub(crate) fn group_runs(dimensions: &[Dimension]) -> Vec<(&str, usize, usize)> {
    let mut runs: Vec<(&str, usize, usize)> = Vec::new();
    for (i, d) in dimensions.iter().enumerate() {
        let Some(group) = d.group.as_deref() else { continue };
        match runs.last_mut() {
            Some((name, start, len)) if *name == group && *start + *len == i => *len += 1,
            _ => runs.push((group, i, 1)),
        }
    }
    runs
}
