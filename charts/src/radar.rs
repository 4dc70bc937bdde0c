//! Radar (spider) chart of the dimensions on the 1–5 scale.

use std::f64::consts::TAU;

use crate::canvas::{Align, Canvas, TextStyleSpec, render};
use crate::style::{AXIS, Dash, GRID, Marker, SeriesStyle, TEXT, TEXT_MUTED};
use crate::text::{text_width, truncate, wrap};
use crate::{ChartError, Dimension, NO_VALUE, SCORE_MAX, check_len, check_score, format_score, group_runs};

/// Which comparison a radar series shows; decides its colour, marker and dash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SeriesRole {
    /// The unit itself: blue, thick solid line, filled circles, lightly filled area.
    Unit,
    /// The administration the unit belongs to: orange, solid, squares.
    Administration,
    /// The whole city: purple, solid, triangles.
    City,
    /// The unit's previous round: grey, dashed, hollow diamonds.
    PreviousRound,
}

impl SeriesRole {
    fn style(self) -> SeriesStyle {
        match self {
            Self::Unit => SeriesStyle {
                color: [0x1F, 0x5F, 0xAD],
                width: 3,
                dash: Dash::Solid,
                marker: Marker::Circle,
                hollow: false,
            },
            Self::Administration => SeriesStyle {
                color: [0xB3, 0x47, 0x00],
                width: 2,
                dash: Dash::Solid,
                marker: Marker::Square,
                hollow: false,
            },
            Self::City => SeriesStyle {
                color: [0x7B, 0x32, 0x94],
                width: 2,
                dash: Dash::Solid,
                marker: Marker::Triangle,
                hollow: false,
            },
            Self::PreviousRound => SeriesStyle {
                color: [0x59, 0x59, 0x59],
                width: 2,
                dash: Dash::Dashed(7, 5),
                marker: Marker::Diamond,
                hollow: true,
            },
        }
    }

    /// Drawing order: the unit last, on top.
    fn layer(self) -> u8 {
        match self {
            Self::PreviousRound => 0,
            Self::City => 1,
            Self::Administration => 2,
            Self::Unit => 3,
        }
    }
}

/// One line on a radar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    /// Legend text, e.g. the unit's name or "Föregående omgång".
    pub label: String,
    /// What the series is; decides how it is drawn.
    pub role: SeriesRole,
    /// One score per dimension (1–5), `None` where there is no score: the point is left
    /// out and the line has a gap there.
    pub values: Vec<Option<f64>>,
}

/// Input of [`radar`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RadarChart {
    /// Accessible name of the chart (the SVG's `<title>`); not drawn.
    pub title: String,
    /// Longer accessible description (the SVG's `<desc>`); when empty, a text version of
    /// all the values is generated.
    pub description: String,
    /// The axes, clockwise from the top. At least 3.
    pub dimensions: Vec<Dimension>,
    /// Up to 4 series, drawn with the style of their [`SeriesRole`]; legend in this order.
    pub series: Vec<RadarSeries>,
}

/// Most series a radar chart takes.
const MAX_SERIES: usize = 4;
const WIDTH: f64 = 760.0;
const RADIUS: f64 = 170.0;
const LABEL_GAP: f64 = 12.0;
const LABEL_SIZE: f64 = 12.0;
const LINE_HEIGHT: f64 = 14.5;
const LABEL_LINES: usize = 3;
const TOP: f64 = 34.0;
const LEGEND_ROW: f64 = 24.0;
const KEY_LENGTH: f64 = 30.0;

/// Draws a radar chart of up to four series over the dimensions, scale 1–5 with a ring
/// per step. Returns the SVG document.
///
/// Long dimension names are wrapped (at most three lines, shortened with "…" beyond).
/// Consecutive dimensions of the same group are separated from the next group by a
/// dashed line through the centre, and the group names are written in the top corners
/// on their side.
///
/// # Errors
/// [`ChartError::Empty`] with fewer than 3 dimensions, [`ChartError::TooMany`] with more
/// than 4 series, [`ChartError::LengthMismatch`] when a series does not have one value per
/// dimension, [`ChartError::ScoreOutOfRange`] for a score outside 1–5 or not finite.
pub fn radar(chart: &RadarChart) -> Result<String, ChartError> {
    let n = chart.dimensions.len();
    if n < 3 {
        return Err(ChartError::Empty("a radar chart needs at least 3 dimensions"));
    }
    if chart.series.len() > MAX_SERIES {
        return Err(ChartError::TooMany { what: "radar series", max: MAX_SERIES, actual: chart.series.len() });
    }
    for s in &chart.series {
        check_len(&s.label, n, s.values.len())?;
        for (i, v) in s.values.iter().enumerate() {
            check_score(*v, || format!("{} / {}", s.label, chart.dimensions[i].name))?;
        }
    }

    let cx = WIDTH / 2.0;
    let label_block = LABEL_LINES as f64 * LINE_HEIGHT;
    let cy = TOP + label_block + LABEL_GAP + RADIUS;
    let legend = legend_layout(&chart.series);
    let legend_top = cy + RADIUS + LABEL_GAP + label_block + 18.0;
    let height = legend_top + legend.rows as f64 * LEGEND_ROW + 8.0;
    let size = (WIDTH as u32, height.ceil() as u32);

    let angle = |i: usize| TAU * i as f64 / n as f64;
    let point = |i: usize, r: f64| (cx + r * angle(i).sin(), cy - r * angle(i).cos());
    let radius_of = |v: f64| RADIUS * v / SCORE_MAX;

    let description = if chart.description.trim().is_empty() { describe(chart) } else { chart.description.clone() };
    render(size, &chart.title, &description, |c| {
        // Rings at 1..5 and spokes.
        for step in 1..=5 {
            let r = radius_of(f64::from(step));
            let ring: Vec<(f64, f64)> = (0..=n).map(|i| point(i % n, r)).collect();
            let color = if step == 5 { AXIS } else { GRID };
            c.line(&ring, color, 1, Dash::Solid)?;
        }
        for i in 0..n {
            c.line(&[(cx, cy), point(i, RADIUS)], GRID, 1, Dash::Solid)?;
        }
        draw_groups(c, &chart.dimensions, (cx, cy))?;
        // Scale labels between the first two spokes.
        let tick = TextStyleSpec::new(10.0, TEXT_MUTED, Align::Middle);
        for step in 1..=5 {
            let r = radius_of(f64::from(step));
            let a = angle(0) + (angle(1) - angle(0)) / 2.0;
            let at = (cx + (r - 7.0) * a.sin(), cy - (r - 7.0) * a.cos());
            c.text(&step.to_string(), at, tick)?;
        }
        // Dimension labels around the outside.
        for (i, d) in chart.dimensions.iter().enumerate() {
            draw_axis_label(c, &d.name, point(i, RADIUS + LABEL_GAP), angle(i))?;
        }
        // Series, the unit on top.
        let mut order: Vec<&RadarSeries> = chart.series.iter().collect();
        order.sort_by_key(|s| s.role.layer());
        for s in order {
            draw_series(c, s, n, &point, &radius_of)?;
        }
        draw_legend(c, &chart.series, &legend, legend_top)
    })
}

/// Draws the group separators and captions.
fn draw_groups(c: &Canvas<'_>, dimensions: &[Dimension], (cx, cy): (f64, f64)) -> Result<(), ChartError> {
    let n = dimensions.len();
    let runs = group_runs(dimensions);
    if runs.is_empty() {
        return Ok(());
    }
    // A separator before each run's first axis, unless the previous axis is in the same group.
    for &(name, start, _) in &runs {
        let prev = (start + n - 1) % n;
        if dimensions[prev].group.as_deref() == Some(name) {
            continue;
        }
        let a = TAU * (start as f64 - 0.5) / n as f64;
        let end = (cx + (RADIUS + 8.0) * a.sin(), cy - (RADIUS + 8.0) * a.cos());
        c.line(&[(cx, cy), end], AXIS, 1, Dash::Dashed(4, 3))?;
    }
    let caption = TextStyleSpec::new(12.0, TEXT, Align::Start).bold();
    let (mut left_y, mut right_y) = (16.0, 16.0);
    for &(name, start, len) in &runs {
        let mid = TAU * (start as f64 + (len as f64 - 1.0) / 2.0) / n as f64;
        let text = truncate(name, WIDTH / 2.0 - 110.0, 12.0, true);
        if mid.sin() >= -1e-9 {
            c.text(&text, (WIDTH - 12.0, right_y), TextStyleSpec { align: Align::End, ..caption })?;
            right_y += 17.0;
        } else {
            c.text(&text, (12.0, left_y), caption)?;
            left_y += 17.0;
        }
    }
    Ok(())
}

/// Writes a dimension name outside the chart at `at`, the end of its spoke.
fn draw_axis_label(c: &Canvas<'_>, name: &str, at: (f64, f64), angle: f64) -> Result<(), ChartError> {
    let (s, co) = (angle.sin(), angle.cos());
    let (align, max_width) = if s > 0.3 {
        (Align::Start, (WIDTH - 8.0 - at.0).min(175.0))
    } else if s < -0.3 {
        (Align::End, (at.0 - 8.0).min(175.0))
    } else {
        (Align::Middle, 160.0)
    };
    let lines = wrap(name, max_width, LABEL_SIZE, false, LABEL_LINES);
    let half_block = (lines.len() as f64 - 1.0) * LINE_HEIGHT / 2.0;
    let centre_y = match align {
        Align::Middle => at.1 - co.signum() * (half_block + LINE_HEIGHT * 0.5),
        _ => at.1 - co * half_block,
    };
    let x = at.0
        + if align == Align::Start {
            2.0
        } else if align == Align::End {
            -2.0
        } else {
            0.0
        };
    c.lines(&lines, (x, centre_y), LINE_HEIGHT, TextStyleSpec::new(LABEL_SIZE, TEXT, align))
}

/// Draws one series: its area (the unit, when complete), line runs and markers.
fn draw_series(
    c: &Canvas<'_>,
    s: &RadarSeries,
    n: usize,
    point: &dyn Fn(usize, f64) -> (f64, f64),
    radius_of: &dyn Fn(f64) -> f64,
) -> Result<(), ChartError> {
    let style = s.role.style();
    let pos = |i: usize| s.values[i].map(|v| point(i, radius_of(v)));
    if s.values.iter().all(Option::is_some) {
        let ring: Vec<(f64, f64)> = (0..=n).filter_map(|i| pos(i % n)).collect();
        if s.role == SeriesRole::Unit {
            c.polygon(&ring[..n], style.color, 0.12)?;
        }
        c.line(&ring, style.color, style.width, style.dash)?;
    } else if let Some(gap) = s.values.iter().position(Option::is_none) {
        // Walk once around, starting after a gap, and draw each run of present values.
        let mut run: Vec<(f64, f64)> = Vec::new();
        for k in 1..=n {
            match pos((gap + k) % n) {
                Some(p) => run.push(p),
                None => {
                    c.line(&run, style.color, style.width, style.dash)?;
                    run.clear();
                }
            }
        }
        c.line(&run, style.color, style.width, style.dash)?;
    }
    let radius = if s.role == SeriesRole::Unit { 4.5 } else { 4.0 };
    for i in 0..n {
        if let Some(p) = pos(i) {
            c.marker(p, radius, &style)?;
        }
    }
    Ok(())
}

/// Where the legend entries go.
struct LegendLayout {
    rows: usize,
    /// Per entry: row, x of the key, shortened label.
    entries: Vec<(usize, f64, String)>,
}

fn legend_layout(series: &[RadarSeries]) -> LegendLayout {
    let max_row = WIDTH - 40.0;
    let gap = 24.0;
    let mut rows: Vec<Vec<(String, f64)>> = vec![Vec::new()];
    let mut row_width = 0.0;
    for s in series {
        let label = truncate(&s.label, 240.0, 12.0, false);
        let w = KEY_LENGTH + 6.0 + text_width(&label, 12.0, false);
        if row_width > 0.0 && row_width + gap + w > max_row {
            rows.push(Vec::new());
            row_width = 0.0;
        }
        row_width += if row_width > 0.0 { gap + w } else { w };
        if let Some(row) = rows.last_mut() {
            row.push((label, w));
        }
    }
    let mut entries = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let total: f64 = row.iter().map(|(_, w)| w).sum::<f64>() + gap * (row.len().saturating_sub(1)) as f64;
        let mut x = (WIDTH - total) / 2.0;
        for (label, w) in row {
            entries.push((r, x, label.clone()));
            x += w + gap;
        }
    }
    LegendLayout { rows: if series.is_empty() { 0 } else { rows.len() }, entries }
}

fn draw_legend(c: &Canvas<'_>, series: &[RadarSeries], legend: &LegendLayout, top: f64) -> Result<(), ChartError> {
    let label_style = TextStyleSpec::new(12.0, TEXT, Align::Start);
    for (s, (row, x, label)) in series.iter().zip(&legend.entries) {
        let y = top + *row as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
        c.legend_key((*x, y), KEY_LENGTH, &s.role.style())?;
        c.text(label, (x + KEY_LENGTH + 6.0, y), label_style)?;
    }
    Ok(())
}

/// A text version of the chart for screen readers.
fn describe(chart: &RadarChart) -> String {
    let mut out = format!("Radardiagram över {} dimensioner på skalan 1–5.", chart.dimensions.len());
    for s in &chart.series {
        out.push(' ');
        out.push_str(&s.label);
        out.push_str(": ");
        let values: Vec<String> = chart
            .dimensions
            .iter()
            .zip(&s.values)
            .map(|(d, v)| format!("{} {}", d.name, v.map_or_else(|| NO_VALUE.to_owned(), format_score)))
            .collect();
        out.push_str(&values.join("; "));
        out.push('.');
    }
    out
}
