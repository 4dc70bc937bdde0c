//! Line chart of scores over rounds.

use crate::canvas::{Align, Canvas, TextStyleSpec, render};
use crate::style::{AXIS, Dash, EMPHASIS, GRID, Marker, SeriesStyle, TEXT, series_style};
use crate::text::{text_width, wrap};
use crate::{ChartError, NO_VALUE, SCORE_MAX, SCORE_MIN, check_len, check_score, format_score};

/// One line of a trend chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrendSeries {
    /// Legend text, e.g. "Index" or a dimension's name.
    pub label: String,
    /// One score per round (1–5), `None` where there is no score: the line has a gap.
    pub values: Vec<Option<f64>>,
    /// Drawn thicker, in near-black and on top (use for the index).
    pub emphasized: bool,
    /// Rounds (by position) not comparable with the round before: no line is drawn into
    /// them, though their score is marked.
    pub breaks_before: Vec<usize>,
}

/// Input of [`trend`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trend {
    /// Accessible name of the chart (the SVG's `<title>`); not drawn.
    pub title: String,
    /// Longer accessible description (`<desc>`); when empty, a text version of all
    /// values is generated.
    pub description: String,
    /// The rounds in order, left to right (e.g. "Våren 2024").
    pub rounds: Vec<String>,
    /// Up to 24 series (typically the index and the 12 dimensions); the legend lists them
    /// in this order.
    pub series: Vec<TrendSeries>,
}

const MAX_SERIES: usize = 24;
const WIDTH: f64 = 760.0;
const MARGIN: f64 = 12.0;
const FONT: f64 = 12.0;
const PLOT_TOP: f64 = 16.0;
const PLOT_H: f64 = 280.0;
const AXIS_W: f64 = 34.0;
const LEGEND_ROW: f64 = 20.0;
const LEGEND_LINE: f64 = 14.0;
const LEGEND_LABEL_MAX: f64 = 200.0;
const KEY_LENGTH: f64 = 28.0;
const X_PAD: f64 = 28.0;

/// Draws scores over rounds: x = the rounds in the given order, y = the scale 1–5 with a
/// grid line per step, one line per series with a marker on every score and a gap where
/// a score is missing. Series differ in colour, marker and dash; an emphasised series
/// (the index) is thicker and near-black. The legend is on the right (labels wrapped to
/// two lines, shortened with "…" beyond).
///
/// # Errors
/// [`ChartError::Empty`] without rounds, [`ChartError::TooMany`] with more than 24 series,
/// [`ChartError::LengthMismatch`] when a series does not have one value per round,
/// [`ChartError::ScoreOutOfRange`] for a score outside 1–5 or not finite.
pub fn trend(chart: &Trend) -> Result<String, ChartError> {
    let n = chart.rounds.len();
    if n == 0 {
        return Err(ChartError::Empty("a trend needs at least one round"));
    }
    if chart.series.len() > MAX_SERIES {
        return Err(ChartError::TooMany { what: "trend series", max: MAX_SERIES, actual: chart.series.len() });
    }
    for s in &chart.series {
        check_len(&s.label, n, s.values.len())?;
        for (i, v) in s.values.iter().enumerate() {
            check_score(*v, || format!("{} / {}", s.label, chart.rounds[i]))?;
        }
    }

    let styles = styles(&chart.series);
    let labels: Vec<Vec<String>> =
        chart.series.iter().map(|s| wrap(&s.label, LEGEND_LABEL_MAX, FONT, false, 2)).collect();
    let legend_w =
        labels.iter().flatten().map(|l| text_width(l, FONT, false)).fold(0.0, f64::max).ceil() + KEY_LENGTH + 8.0;
    // Top of each legend entry; an entry of two lines is taller.
    let mut legend_y = Vec::with_capacity(labels.len());
    let mut legend_h = 0.0;
    for lines in &labels {
        legend_y.push(PLOT_TOP + legend_h);
        legend_h += LEGEND_ROW + LEGEND_LINE * (lines.len().max(1) as f64 - 1.0);
    }
    let legend_x = WIDTH - MARGIN - legend_w;
    let plot_x = MARGIN + AXIS_W;
    let plot_w = legend_x - 24.0 - plot_x;
    let plot_bottom = PLOT_TOP + PLOT_H;
    let slot = plot_w / n as f64;
    let round_labels: Vec<Vec<String>> =
        chart.rounds.iter().map(|r| wrap(r, (slot - 8.0).max(40.0), FONT, false, 2)).collect();
    let height = (plot_bottom + 52.0).max(PLOT_TOP + legend_h + MARGIN).ceil();
    // The first and last rounds' labels are centred on their points: keep them inside the
    // plot, clear of the axis labels and the legend.
    let widest_edge_label = [round_labels.first(), round_labels.last()]
        .into_iter()
        .flatten()
        .flatten()
        .map(|line| text_width(line, FONT, false))
        .fold(0.0, f64::max);
    let pad = X_PAD.max(widest_edge_label / 2.0 + 4.0).min(plot_w / 4.0);

    let x_of = |i: usize| {
        if n == 1 { plot_x + plot_w / 2.0 } else { plot_x + pad + (plot_w - 2.0 * pad) * i as f64 / (n - 1) as f64 }
    };
    let y_of = |v: f64| plot_bottom - PLOT_H * (v - SCORE_MIN) / (SCORE_MAX - SCORE_MIN);

    let description = if chart.description.trim().is_empty() { describe(chart) } else { chart.description.clone() };
    render((WIDTH as u32, height as u32), &chart.title, &description, |c| {
        // Grid and y axis labels 1–5.
        let tick = TextStyleSpec::new(FONT, TEXT, Align::End);
        for step in 1..=5 {
            let y = y_of(f64::from(step));
            c.line(&[(plot_x, y), (plot_x + plot_w, y)], if step == 1 { AXIS } else { GRID }, 1, Dash::Solid)?;
            c.text(&step.to_string(), (plot_x - 8.0, y), tick)?;
        }
        // Rounds along the x axis.
        let round_style = TextStyleSpec::new(FONT, TEXT, Align::Middle);
        for (i, lines) in round_labels.iter().enumerate() {
            let x = x_of(i);
            c.line(&[(x, plot_bottom), (x, plot_bottom + 5.0)], AXIS, 1, Dash::Solid)?;
            let centre = plot_bottom + 18.0 + (lines.len() as f64 - 1.0) * 7.0;
            c.lines(lines, (x, centre), 14.0, round_style)?;
        }
        // Series: ordinary ones first, emphasised ones on top.
        for pass in [false, true] {
            for (s, style) in chart.series.iter().zip(&styles).filter(|(s, _)| s.emphasized == pass) {
                draw_series(c, s, style, &x_of, &y_of)?;
            }
        }
        // Legend.
        let label_style = TextStyleSpec::new(FONT, TEXT, Align::Start);
        for ((lines, style), top) in labels.iter().zip(&styles).zip(&legend_y) {
            let y = top + LEGEND_ROW / 2.0;
            c.legend_key((legend_x, y), KEY_LENGTH, style)?;
            for (k, line) in lines.iter().enumerate() {
                c.text(line, (legend_x + KEY_LENGTH + 8.0, y + LEGEND_LINE * k as f64), label_style)?;
            }
        }
        Ok(())
    })
}

/// The style of every series: emphasised ones near-black and thick, the others through
/// the palette in order.
fn styles(series: &[TrendSeries]) -> Vec<SeriesStyle> {
    let mut next = 0;
    series
        .iter()
        .map(|s| {
            if s.emphasized {
                SeriesStyle { color: EMPHASIS, width: 3, dash: Dash::Solid, marker: Marker::Circle, hollow: false }
            } else {
                next += 1;
                series_style(next - 1)
            }
        })
        .collect()
}

fn draw_series(
    c: &Canvas<'_>,
    s: &TrendSeries,
    style: &SeriesStyle,
    x_of: &dyn Fn(usize) -> f64,
    y_of: &dyn Fn(f64) -> f64,
) -> Result<(), ChartError> {
    let mut run: Vec<(f64, f64)> = Vec::new();
    for (i, v) in s.values.iter().enumerate() {
        if s.breaks_before.contains(&i) {
            c.line(&run, style.color, style.width, style.dash)?;
            run.clear();
        }
        match v {
            Some(v) => run.push((x_of(i), y_of(*v))),
            None => {
                c.line(&run, style.color, style.width, style.dash)?;
                run.clear();
            }
        }
    }
    c.line(&run, style.color, style.width, style.dash)?;
    let radius = if s.emphasized { 4.5 } else { 4.0 };
    for (i, v) in s.values.iter().enumerate() {
        if let Some(v) = v {
            c.marker((x_of(i), y_of(*v)), radius, style)?;
        }
    }
    Ok(())
}

/// A text version of the chart for screen readers.
fn describe(chart: &Trend) -> String {
    let mut out = format!("Utveckling över {} omgångar på skalan 1–5.", chart.rounds.len());
    for s in &chart.series {
        out.push(' ');
        out.push_str(s.label.trim());
        out.push_str(": ");
        let parts: Vec<String> = chart
            .rounds
            .iter()
            .zip(&s.values)
            .map(|(r, v)| format!("{} {}", r, v.map_or_else(|| NO_VALUE.to_owned(), format_score)))
            .collect();
        out.push_str(&parts.join("; "));
        out.push('.');
    }
    out
}
