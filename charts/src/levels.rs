//! 100 % stacked bars: per dimension, the share of units at each level 1–5.

use crate::canvas::{Align, Canvas, TextStyleSpec, render};
use crate::style::{AXIS, Rgb, TEXT, TEXT_MUTED, blue_scale, text_on};
use crate::text::{text_width, truncate, wrap};
use crate::{ChartError, Dimension, check_len, format_percent, format_percent_tenths, group_runs};

/// Input of [`stacked_levels`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LevelDistribution {
    /// Accessible name of the chart (the SVG's `<title>`); not drawn.
    pub title: String,
    /// Longer accessible description (`<desc>`); when empty, a text version of all
    /// counts and shares is generated.
    pub description: String,
    /// Names of levels 1 to 5, shown in the legend (e.g. "Grundläggande").
    pub level_names: [String; 5],
    /// One bar per dimension, top to bottom.
    pub dimensions: Vec<Dimension>,
    /// Per dimension, the number of units at level 1, 2, 3, 4 and 5.
    pub counts: Vec<[u32; 5]>,
}

const WIDTH: f64 = 760.0;
const MARGIN: f64 = 12.0;
const FONT: f64 = 12.0;
const LABEL_MAX: f64 = 230.0;
const LINE_HEIGHT: f64 = 14.0;
const ROW_H: f64 = 36.0;
const BAR_H: f64 = 22.0;
const GROUP_H: f64 = 28.0;
const COUNT_W: f64 = 64.0;
const LEGEND_ROW: f64 = 22.0;
const SWATCH: f64 = 14.0;
/// Text shown in a bar without any units.
const NO_ANSWERS: &str = "Inga svar";

/// The fill of level `k` (0-based): five clearly different lightnesses of one blue,
/// light for level 1 and dark for level 5.
fn level_color(k: usize) -> Rgb {
    blue_scale(k as f64 / 4.0)
}

/// Draws one horizontal 100 % bar per dimension, split into the shares of units at levels
/// 1–5 (left to right, light to dark), with the percentage printed in every segment wide
/// enough for it and the number of units (`n = …`) after the bar. Segments are separated
/// by white gaps and differ clearly in lightness, so the chart reads in greyscale; a
/// legend with the level names is drawn above the bars. Dimensions are grouped under
/// their group's heading.
///
/// # Errors
/// [`ChartError::Empty`] without dimensions, [`ChartError::LengthMismatch`] when `counts`
/// does not have one entry per dimension.
pub fn stacked_levels(chart: &LevelDistribution) -> Result<String, ChartError> {
    let n = chart.dimensions.len();
    if n == 0 {
        return Err(ChartError::Empty("a level distribution needs at least one dimension"));
    }
    check_len("counts", n, chart.counts.len())?;

    let labels: Vec<Vec<String>> = chart.dimensions.iter().map(|d| wrap(&d.name, LABEL_MAX, FONT, false, 2)).collect();
    let label_w = labels.iter().flatten().map(|l| text_width(l, FONT, false)).fold(0.0, f64::max).ceil();
    let bar_x = MARGIN + label_w + 12.0;
    let bar_w = WIDTH - MARGIN - COUNT_W - bar_x;

    let legend = legend_layout(&chart.level_names);
    let legend_h = legend.rows as f64 * LEGEND_ROW + 8.0;
    let runs = group_runs(&chart.dimensions);
    // Vertical position of each group heading and each bar row.
    let mut y = MARGIN + legend_h;
    let mut headings = Vec::new();
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        if let Some(&(name, _, _)) = runs.iter().find(|&&(_, start, _)| start == i) {
            headings.push((name, y));
            y += GROUP_H;
        }
        rows.push(y);
        y += ROW_H;
    }
    let height = (y + MARGIN).ceil();

    let description = if chart.description.trim().is_empty() { describe(chart) } else { chart.description.clone() };
    render((WIDTH as u32, height as u32), &chart.title, &description, |c| {
        draw_legend(c, &legend)?;
        let heading = TextStyleSpec::new(13.0, TEXT, Align::Start).bold();
        for &(name, hy) in &headings {
            c.text(&truncate(name, WIDTH - 2.0 * MARGIN, 13.0, true), (MARGIN, hy + GROUP_H / 2.0 + 2.0), heading)?;
        }
        for ((lines, counts), &ry) in labels.iter().zip(&chart.counts).zip(&rows) {
            let mid = ry + ROW_H / 2.0;
            c.lines(lines, (bar_x - 10.0, mid), LINE_HEIGHT, TextStyleSpec::new(FONT, TEXT, Align::End))?;
            draw_bar(c, counts, (bar_x, mid - BAR_H / 2.0), bar_w)?;
        }
        Ok(())
    })
}

/// One 100 % bar with `n = …` after it.
fn draw_bar(c: &Canvas<'_>, counts: &[u32; 5], (x, y): (f64, f64), width: f64) -> Result<(), ChartError> {
    let total: u64 = counts.iter().map(|&k| u64::from(k)).sum();
    let mid_y = y + BAR_H / 2.0;
    let count_style = TextStyleSpec::new(FONT, TEXT_MUTED, Align::Start);
    c.text(&format!("n = {total}"), (x + width + 10.0, mid_y), count_style)?;
    if total == 0 {
        c.rect_outline((x, y), (x + width, y + BAR_H), AXIS)?;
        return c.text(NO_ANSWERS, (x + width / 2.0, mid_y), TextStyleSpec::new(FONT, TEXT_MUTED, Align::Middle));
    }
    let mut cumulative = 0_u64;
    for (k, &count) in counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let x0 = x + width * cumulative as f64 / total as f64;
        cumulative += u64::from(count);
        let x1 = x + width * cumulative as f64 / total as f64;
        let fill = level_color(k);
        // A white gap of 2 px between segments (none after the last).
        let right = if cumulative == total { x1 } else { (x1 - 2.0).max(x0 + 1.0) };
        c.rect((x0, y), (right, y + BAR_H), fill)?;
        let share = f64::from(count) / total as f64;
        let label = format_percent(share);
        if text_width(&label, 11.0, false) + 6.0 <= right - x0 {
            c.text(&label, ((x0 + right) / 2.0, mid_y), TextStyleSpec::new(11.0, text_on(fill), Align::Middle))?;
        }
    }
    c.rect_outline((x, y), (x + width, y + BAR_H), AXIS)
}

/// Where the legend entries go.
struct LegendLayout {
    rows: usize,
    /// Per level: row, x of the swatch, text.
    entries: Vec<(usize, f64, String)>,
}

fn legend_layout(names: &[String; 5]) -> LegendLayout {
    let gap = 22.0;
    let mut entries = Vec::new();
    let (mut row, mut x) = (0, MARGIN);
    for (k, name) in names.iter().enumerate() {
        let text = truncate(&format!("{} {}", k + 1, name.trim()), 260.0, FONT, false);
        let w = SWATCH + 6.0 + text_width(&text, FONT, false);
        if x > MARGIN && x + w > WIDTH - MARGIN {
            row += 1;
            x = MARGIN;
        }
        entries.push((row, x, text));
        x += w + gap;
    }
    LegendLayout { rows: row + 1, entries }
}

fn draw_legend(c: &Canvas<'_>, legend: &LegendLayout) -> Result<(), ChartError> {
    let style = TextStyleSpec::new(FONT, TEXT, Align::Start);
    for (k, (row, x, text)) in legend.entries.iter().enumerate() {
        let y = MARGIN + *row as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
        let (from, to) = ((*x, y - SWATCH / 2.0), (x + SWATCH, y + SWATCH / 2.0));
        c.rect(from, to, level_color(k))?;
        c.rect_outline(from, to, AXIS)?;
        c.text(text, (x + SWATCH + 6.0, y), style)?;
    }
    Ok(())
}

/// A text version of the chart for screen readers.
fn describe(chart: &LevelDistribution) -> String {
    let mut out = format!("Fördelning av enheter på nivå 1–5 för {} dimensioner.", chart.dimensions.len());
    for (d, counts) in chart.dimensions.iter().zip(&chart.counts) {
        let total: u64 = counts.iter().map(|&k| u64::from(k)).sum();
        out.push(' ');
        out.push_str(&d.name);
        out.push_str(&format!(" (n = {total}): "));
        let parts: Vec<String> = counts
            .iter()
            .enumerate()
            .map(|(k, &count)| {
                let share = if total == 0 { 0.0 } else { f64::from(count) / total as f64 };
                // One decimal, as the table beside the chart shows it.
                format!("nivå {} {} {}", k + 1, chart.level_names[k].trim(), format_percent_tenths(share))
            })
            .collect();
        out.push_str(&parts.join("; "));
        out.push('.');
    }
    out
}
