//! A thin layer over plotters' SVG drawing area: pixel coordinates as `f64`, text with
//! the crate's font family and sizes in CSS pixels, markers and dashed lines.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, FontTransform, RGBAColor};

use crate::escape::{clean_label, wrap_document};
use crate::style::{Dash, Marker, Rgb, SeriesStyle, WHITE};
use crate::{ChartError, FONT_FAMILY};

/// Horizontal alignment of text at its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Start,
    Middle,
    End,
}

/// How a piece of text is set.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TextStyleSpec {
    /// Font size in CSS pixels.
    pub size: f64,
    pub bold: bool,
    pub color: Rgb,
    pub align: Align,
    /// Rotated 90° counter-clockwise (reads bottom to top).
    pub vertical: bool,
}

impl TextStyleSpec {
    pub(crate) const fn new(size: f64, color: Rgb, align: Align) -> Self {
        Self { size, bold: false, color, align, vertical: false }
    }

    pub(crate) const fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    pub(crate) const fn vertical(mut self) -> Self {
        self.vertical = true;
        self
    }
}

/// The size to give plotters for `px` CSS pixels: plotters writes `font-size` as the
/// size divided by 1.24 (the SVG is tidied to two decimals afterwards).
fn plotters_font_size(px: f64) -> f64 {
    px * 1.24
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

fn px(p: (f64, f64)) -> (i32, i32) {
    (p.0.round() as i32, p.1.round() as i32)
}

fn draw_err<E: std::error::Error + Send + Sync>(e: plotters::drawing::DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Drawing surface of one chart.
pub(crate) struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
}

/// Draws a chart of `size` pixels with `draw`, then wraps plotters' SVG into the
/// accessible document (role, title, desc).
pub(crate) fn render(
    size: (u32, u32),
    title: &str,
    desc: &str,
    draw: impl FnOnce(&Canvas<'_>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let mut buf = String::with_capacity(64 * 1024);
    {
        let area = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        area.fill(&rgb(WHITE)).map_err(draw_err)?;
        let canvas = Canvas { area };
        draw(&canvas)?;
        canvas.area.present().map_err(draw_err)?;
    }
    wrap_document(&buf, size, title, desc)
}

impl Canvas<'_> {
    /// One line of text at `pos`, vertically centred on it. The text is cleaned of
    /// characters XML cannot carry; plotters escapes markup characters.
    pub(crate) fn text(&self, text: &str, pos: (f64, f64), style: TextStyleSpec) -> Result<(), ChartError> {
        if text.is_empty() {
            return Ok(());
        }
        let text = clean_label(text);
        let h = match style.align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let font_style = if style.bold { FontStyle::Bold } else { FontStyle::Normal };
        let color = rgb(style.color);
        let mut ts =
            TextStyle::from(FontDesc::new(FontFamily::Name(FONT_FAMILY), plotters_font_size(style.size), font_style))
                .color(&color)
                .pos(Pos::new(h, VPos::Center));
        if style.vertical {
            ts = ts.transform(FontTransform::Rotate270);
        }
        self.area.draw(&Text::new(text, px(pos), ts)).map_err(draw_err)
    }

    /// Several lines of text centred as a block on `pos.1` (each `line_height` apart).
    pub(crate) fn lines(
        &self,
        lines: &[String],
        pos: (f64, f64),
        line_height: f64,
        style: TextStyleSpec,
    ) -> Result<(), ChartError> {
        let top = pos.1 - line_height * (lines.len() as f64 - 1.0) / 2.0;
        for (i, line) in lines.iter().enumerate() {
            self.text(line, (pos.0, top + line_height * i as f64), style)?;
        }
        Ok(())
    }

    /// A polyline, solid or dashed.
    pub(crate) fn line(&self, points: &[(f64, f64)], color: Rgb, width: u32, dash: Dash) -> Result<(), ChartError> {
        if points.len() < 2 {
            return Ok(());
        }
        let style = ShapeStyle { color: rgb(color).to_rgba(), filled: false, stroke_width: width };
        let pts: Vec<(i32, i32)> = points.iter().copied().map(px).collect();
        match dash {
            Dash::Solid => self.area.draw(&PathElement::new(pts, style)),
            Dash::Dashed(len, gap) => self.area.draw(&DashedPathElement::new(pts, len, gap, style)),
        }
        .map_err(draw_err)
    }

    /// A filled rectangle between two corners.
    pub(crate) fn rect(&self, from: (f64, f64), to: (f64, f64), fill: Rgb) -> Result<(), ChartError> {
        // A rectangle that rounds to no area draws nothing (and would be an invalid SVG
        // `width="0"` that rasterisers warn about).
        let ((x0, y0), (x1, y1)) = (px(from), px(to));
        if x0 == x1 || y0 == y1 {
            return Ok(());
        }
        let style = ShapeStyle { color: rgb(fill).to_rgba(), filled: true, stroke_width: 0 };
        self.area.draw(&Rectangle::new([px(from), px(to)], style)).map_err(draw_err)
    }

    /// The 1-pixel outline of a rectangle between two corners.
    pub(crate) fn rect_outline(&self, from: (f64, f64), to: (f64, f64), color: Rgb) -> Result<(), ChartError> {
        let style = ShapeStyle { color: rgb(color).to_rgba(), filled: false, stroke_width: 1 };
        self.area.draw(&Rectangle::new([px(from), px(to)], style)).map_err(draw_err)
    }

    /// A filled polygon with the given opacity.
    pub(crate) fn polygon(&self, points: &[(f64, f64)], fill: Rgb, opacity: f64) -> Result<(), ChartError> {
        let color = RGBAColor(fill[0], fill[1], fill[2], opacity);
        let style = ShapeStyle { color, filled: true, stroke_width: 0 };
        let pts: Vec<(i32, i32)> = points.iter().copied().map(px).collect();
        self.area.draw(&Polygon::new(pts, style)).map_err(draw_err)
    }

    /// A data marker of `radius` pixels centred on `at`.
    pub(crate) fn marker(&self, at: (f64, f64), radius: f64, style: &SeriesStyle) -> Result<(), ChartError> {
        let (x, y) = at;
        let r = radius;
        let outline: Vec<(f64, f64)> = match style.marker {
            Marker::Circle => {
                let (c, rad) = (px(at), r.round().max(1.0) as i32);
                let fill = ShapeStyle { color: rgb(style.color).to_rgba(), filled: true, stroke_width: 0 };
                self.area.draw(&Circle::new(c, rad, fill)).map_err(draw_err)?;
                if style.hollow {
                    let inner = ShapeStyle { color: rgb(WHITE).to_rgba(), filled: true, stroke_width: 0 };
                    self.area.draw(&Circle::new(c, (rad - 2).max(1), inner)).map_err(draw_err)?;
                }
                return Ok(());
            }
            Marker::Square => {
                let s = r * 0.85;
                vec![(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)]
            }
            Marker::Triangle => vec![(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)],
            Marker::TriangleDown => vec![(x, y + r * 1.2), (x + r * 1.1, y - r * 0.8), (x - r * 1.1, y - r * 0.8)],
            Marker::Diamond => vec![(x, y - r * 1.25), (x + r * 1.25, y), (x, y + r * 1.25), (x - r * 1.25, y)],
        };
        self.polygon(&outline, style.color, 1.0)?;
        if style.hollow {
            // Shrink towards the centre for the white inside.
            let inner: Vec<(f64, f64)> =
                outline.iter().map(|&(px_, py)| (x + (px_ - x) * 0.45, y + (py - y) * 0.45)).collect();
            self.polygon(&inner, WHITE, 1.0)?;
        }
        Ok(())
    }

    /// A legend key: a short line in the series' pattern with its marker in the middle.
    pub(crate) fn legend_key(&self, at: (f64, f64), length: f64, style: &SeriesStyle) -> Result<(), ChartError> {
        let (x, y) = at;
        self.line(&[(x, y), (x + length, y)], style.color, style.width, style.dash)?;
        self.marker((x + length / 2.0, y), 4.5, style)
    }
}
