//! Heat map of units (rows) × dimensions (columns) with the score printed in each cell.

use crate::canvas::{Align, Canvas, TextStyleSpec, render};
use crate::style::{AXIS, Dash, TEXT, TEXT_MUTED, WHITE, blue_scale, text_on};
use crate::text::{text_width, truncate, wrap};
use crate::{
    ChartError, Dimension, NO_VALUE, NO_VALUE_LABEL, check_len, check_score, format_score, group_runs, score_color,
};

/// One row of a heat map: a unit and its score per dimension.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeatmapRow {
    /// The unit's name (from users; escaped, shortened with "…" past 240 pixels).
    pub label: String,
    /// One score per dimension (1–5), `None` for no score (printed as "–").
    pub values: Vec<Option<f64>>,
}

/// Input of [`heatmap`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Heatmap {
    /// Accessible name of the chart (the SVG's `<title>`); not drawn.
    pub title: String,
    /// Longer accessible description (`<desc>`); when empty, a text version of all cells
    /// is generated.
    pub description: String,
    /// The columns, left to right.
    pub dimensions: Vec<Dimension>,
    /// The rows, top to bottom (up to 500; around 30 is typical).
    pub rows: Vec<HeatmapRow>,
}

const MAX_ROWS: usize = 500;
const MARGIN: f64 = 12.0;
const LABEL_MAX: f64 = 240.0;
const CELL_W: f64 = 58.0;
const CELL_H: f64 = 26.0;
const GAP: f64 = 2.0;
const FONT: f64 = 12.0;
const HEADER_MAX: f64 = 170.0;
const HEADER_LINE: f64 = 14.0;
const GROUP_ROW: f64 = 28.0;
const LEGEND_H: f64 = 64.0;
const SCALE_W: f64 = 200.0;

/// Draws a heat map: one row per unit, one column per dimension, each cell coloured on a
/// light-to-dark blue scale by its score and printed with it ("3,4"; "–" for none, on a
/// white outlined cell). Column headers are vertical (bottom to top, wrapped to two
/// lines; a dimension's `short_name` is used when the full name does not fit); groups
/// of dimensions get a header above their columns. A legend below shows the scale.
///
/// # Errors
/// [`ChartError::Empty`] without dimensions or rows, [`ChartError::TooMany`] with more than
/// 500 rows, [`ChartError::LengthMismatch`] when a row does not have one value per
/// dimension, [`ChartError::ScoreOutOfRange`] for a score outside 1–5 or not finite.
pub fn heatmap(chart: &Heatmap) -> Result<String, ChartError> {
    let n = chart.dimensions.len();
    if n == 0 {
        return Err(ChartError::Empty("a heat map needs at least one dimension"));
    }
    if chart.rows.is_empty() {
        return Err(ChartError::Empty("a heat map needs at least one row"));
    }
    if chart.rows.len() > MAX_ROWS {
        return Err(ChartError::TooMany { what: "heat map rows", max: MAX_ROWS, actual: chart.rows.len() });
    }
    for row in &chart.rows {
        check_len(&row.label, n, row.values.len())?;
        for (i, v) in row.values.iter().enumerate() {
            check_score(*v, || format!("{} / {}", row.label, chart.dimensions[i].name))?;
        }
    }

    let labels: Vec<String> = chart.rows.iter().map(|r| truncate(r.label.trim(), LABEL_MAX, FONT, false)).collect();
    let label_w = labels.iter().map(|l| text_width(l, FONT, false)).fold(0.0, f64::max).ceil();
    let headers: Vec<Vec<String>> = chart.dimensions.iter().map(header_lines).collect();
    let header_h =
        headers.iter().flatten().map(|l| text_width(l, FONT, false)).fold(40.0, f64::max).min(HEADER_MAX).ceil() + 10.0;
    let runs = group_runs(&chart.dimensions);
    let group_h = if runs.is_empty() { 0.0 } else { GROUP_ROW };

    let grid_x = MARGIN + label_w + 10.0;
    let grid_y = MARGIN + group_h + header_h;
    let grid_w = n as f64 * CELL_W;
    let grid_h = chart.rows.len() as f64 * CELL_H;
    let width = (grid_x + grid_w + MARGIN).max(MARGIN * 2.0 + SCALE_W + 220.0).ceil();
    let height = (grid_y + grid_h + 14.0 + LEGEND_H).ceil();
    let col_x = |j: usize| grid_x + j as f64 * CELL_W;

    let description = if chart.description.trim().is_empty() { describe(chart) } else { chart.description.clone() };
    render((width as u32, height as u32), &chart.title, &description, |c| {
        // Group headers with a bracket over their columns.
        let group_style = TextStyleSpec::new(FONT, TEXT, Align::Middle).bold();
        for &(name, start, len) in &runs {
            let (x0, x1) = (col_x(start) + 3.0, col_x(start + len) - 3.0);
            let text = truncate(name, x1 - x0, FONT, true);
            c.text(&text, ((x0 + x1) / 2.0, MARGIN + 8.0), group_style)?;
            let y = MARGIN + GROUP_ROW - 8.0;
            c.line(&[(x0, y + 5.0), (x0, y), (x1, y), (x1, y + 5.0)], AXIS, 1, Dash::Solid)?;
        }
        // Column headers, vertical, reading upwards from just above the grid.
        let header_style = TextStyleSpec::new(FONT, TEXT, Align::Start).vertical();
        for (j, lines) in headers.iter().enumerate() {
            let centre = col_x(j) + CELL_W / 2.0;
            let first = centre - (lines.len() as f64 - 1.0) * HEADER_LINE / 2.0;
            for (k, line) in lines.iter().enumerate() {
                c.text(line, (first + k as f64 * HEADER_LINE, grid_y - 6.0), header_style)?;
            }
        }
        // Rows.
        let label_style = TextStyleSpec::new(FONT, TEXT, Align::End);
        for (i, (row, label)) in chart.rows.iter().zip(&labels).enumerate() {
            let y = grid_y + i as f64 * CELL_H;
            c.text(label, (grid_x - 8.0, y + CELL_H / 2.0), label_style)?;
            for (j, value) in row.values.iter().enumerate() {
                draw_cell(c, *value, (col_x(j), y))?;
            }
        }
        draw_legend(c, MARGIN, grid_y + grid_h + 14.0)
    })
}

/// The header of a column: the full name in up to two lines, or the short name when the
/// full name does not fit and there is one.
fn header_lines(d: &Dimension) -> Vec<String> {
    let full = wrap(&d.name, HEADER_MAX, FONT, false, 2);
    let shortened = full.last().is_some_and(|l| l.ends_with('…')) && !d.name.trim_end().ends_with('…');
    match (&d.short_name, shortened) {
        (Some(short), true) if !short.trim().is_empty() => wrap(short, HEADER_MAX, FONT, false, 2),
        _ => full,
    }
}

fn draw_cell(c: &Canvas<'_>, value: Option<f64>, (x, y): (f64, f64)) -> Result<(), ChartError> {
    let (x0, y0, x1, y1) = (x + GAP / 2.0, y + GAP / 2.0, x + CELL_W - GAP / 2.0, y + CELL_H - GAP / 2.0);
    let centre = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    match value {
        Some(v) => {
            let fill = score_color(v);
            c.rect((x0, y0), (x1, y1), fill)?;
            c.text(&format_score(v), centre, TextStyleSpec::new(FONT, text_on(fill), Align::Middle))
        }
        None => {
            c.rect((x0, y0), (x1, y1), WHITE)?;
            c.rect_outline((x0 + 0.5, y0 + 0.5), (x1 - 0.5, y1 - 0.5), AXIS)?;
            c.text(NO_VALUE, centre, TextStyleSpec::new(FONT, TEXT_MUTED, Align::Middle))
        }
    }
}

/// The colour scale from 1 to 5 and the key for a missing score.
fn draw_legend(c: &Canvas<'_>, x: f64, y: f64) -> Result<(), ChartError> {
    let title = TextStyleSpec::new(FONT, TEXT, Align::Start);
    c.text("Skala", (x, y + 8.0), title)?;
    let bar_y = y + 20.0;
    let steps = 40;
    let step_w = SCALE_W / f64::from(steps);
    for k in 0..steps {
        let t = (f64::from(k) + 0.5) / f64::from(steps);
        let x0 = x + f64::from(k) * step_w;
        c.rect((x0, bar_y), (x0 + step_w + 0.5, bar_y + 14.0), blue_scale(t))?;
    }
    c.rect_outline((x, bar_y), (x + SCALE_W, bar_y + 14.0), AXIS)?;
    let tick = TextStyleSpec::new(11.0, TEXT, Align::Middle);
    for score in 1..=5 {
        let tx = x + SCALE_W * f64::from(score - 1) / 4.0;
        c.line(&[(tx, bar_y + 14.0), (tx, bar_y + 18.0)], AXIS, 1, Dash::Solid)?;
        c.text(&score.to_string(), (tx, bar_y + 26.0), tick)?;
    }
    // Missing score.
    let mx = x + SCALE_W + 32.0;
    c.rect_outline((mx, bar_y - 4.0), (mx + 34.0, bar_y + 18.0), AXIS)?;
    c.text(NO_VALUE, (mx + 17.0, bar_y + 7.0), TextStyleSpec::new(FONT, TEXT_MUTED, Align::Middle))?;
    c.text(NO_VALUE_LABEL, (mx + 42.0, bar_y + 7.0), TextStyleSpec::new(FONT, TEXT, Align::Start))
}

/// A text version of the heat map for screen readers.
fn describe(chart: &Heatmap) -> String {
    let mut out =
        format!("Värmekarta med {} rader och {} dimensioner, skala 1–5.", chart.rows.len(), chart.dimensions.len());
    for row in &chart.rows {
        out.push(' ');
        out.push_str(row.label.trim());
        out.push_str(": ");
        let cells: Vec<String> = chart
            .dimensions
            .iter()
            .zip(&row.values)
            .map(|(d, v)| format!("{} {}", d.name, v.map_or_else(|| NO_VALUE.to_owned(), format_score)))
            .collect();
        out.push_str(&cells.join("; "));
        out.push('.');
    }
    out
}
