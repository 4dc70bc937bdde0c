//! Checks the SVG documents as XML: structure, accessibility, labels, escaping, and the
//! PNG rasterisation.

mod common;

use charts::{ChartError, Dimension, RadarSeries, SeriesRole, png_from_svg};
use common::*;

/// Parses the SVG and checks what every chart must have; returns all text content.
fn check_document(svg: &str, title: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    assert_eq!(root.attribute("role"), Some("img"));
    let (w, h) = (root.attribute("width").unwrap(), root.attribute("height").unwrap());
    assert_eq!(root.attribute("viewBox"), Some(format!("0 0 {w} {h}").as_str()));
    let mut children = root.children().filter(roxmltree::Node::is_element);
    let first = children.next().unwrap();
    assert_eq!(first.tag_name().name(), "title");
    assert_eq!(first.text(), Some(title));
    let second = children.next().unwrap();
    assert_eq!(second.tag_name().name(), "desc");
    assert!(!second.text().unwrap_or_default().is_empty());
    assert!(doc.descendants().all(|n| n.tag_name().name() != "script"), "no <script> element");
    // Text inherits the font family of the root.
    assert_eq!(root.attribute("font-family"), Some(charts::FONT_FAMILY));
    assert!(doc.descendants().all(|n| n.attribute("font-family").is_none() || n == root));
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().trim().to_owned())
        .collect()
}

fn has(texts: &[String], wanted: &str) -> bool {
    texts.iter().any(|t| t == wanted)
}

/// Joins wrapped lines back into the names they came from (adjacent text elements).
fn contains_wrapped(texts: &[String], wanted: &str) -> bool {
    (0..texts.len()).any(|i| {
        (1..=3).any(|k| {
            i + k <= texts.len() && {
                let joined = texts[i..i + k].join(" ");
                joined == wanted || texts[i..i + k].concat() == wanted
            }
        })
    })
}

#[test]
fn radar_has_labels_legend_and_escaped_names() {
    let chart = radar_chart();
    let svg = charts::radar(&chart).unwrap();
    let texts = check_document(&svg, "Mognad per dimension");
    for name in NAMES {
        assert!(contains_wrapped(&texts, name), "dimension {name} missing in {texts:?}");
    }
    for label in [HOSTILE, "Förvaltningen", "Staden", "Föregående omgång"] {
        assert!(has(&texts, label), "legend {label} missing");
    }
    for tick in ["1", "2", "3", "4", "5"] {
        assert!(has(&texts, tick), "ring label {tick}");
    }
    assert!(has(&texts, "Förhållningssätt") && has(&texts, "Strategiska fokusområden"));
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!svg.contains("<script"));
    // The generated description has the values with a decimal comma.
    assert!(svg.contains("Ledarskap och styrning 3,4"), "description");
}

#[test]
fn radar_gaps_and_validation() {
    let mut chart = radar_chart();
    chart.series[0].values[3] = None;
    chart.series[0].values[4] = None;
    let svg = charts::radar(&chart).unwrap();
    check_document(&svg, "Mognad per dimension");

    let mut bad = radar_chart();
    bad.series[1].values.pop();
    assert!(matches!(charts::radar(&bad), Err(ChartError::LengthMismatch { expected: 12, actual: 11, .. })));
    let mut bad = radar_chart();
    bad.series[1].values[2] = Some(5.5);
    assert!(matches!(charts::radar(&bad), Err(ChartError::ScoreOutOfRange { .. })));
    let mut bad = radar_chart();
    bad.series[1].values[2] = Some(f64::NAN);
    assert!(matches!(charts::radar(&bad), Err(ChartError::ScoreOutOfRange { .. })));
    let mut bad = radar_chart();
    bad.series.push(RadarSeries { label: "x".into(), role: SeriesRole::City, values: vec![None; 12] });
    assert!(matches!(charts::radar(&bad), Err(ChartError::TooMany { .. })));
    let mut bad = radar_chart();
    bad.dimensions.truncate(2);
    assert!(matches!(charts::radar(&bad), Err(ChartError::Empty(_))));

    // Few axes, no groups, no series, all values missing: still a valid document.
    let mut small = radar_chart();
    small.dimensions = vec![Dimension::new("A"), Dimension::new("B"), Dimension::new("C")];
    small.series = vec![RadarSeries { label: "Tom".into(), role: SeriesRole::Unit, values: vec![None; 3] }];
    check_document(&charts::radar(&small).unwrap(), "Mognad per dimension");
    small.series.clear();
    check_document(&charts::radar(&small).unwrap(), "Mognad per dimension");
}

#[test]
fn heatmap_prints_values_and_escapes_row_names() {
    let chart = heatmap_chart(30);
    let svg = charts::heatmap(&chart).unwrap();
    let texts = check_document(&svg, "Förvaltningens enheter");
    assert!(has(&texts, HOSTILE), "hostile row name as text");
    assert!(has(&texts, QUOTES), "quotes row name as text");
    assert!(has(&texts, "3,4"));
    assert!(has(&texts, "–"), "missing cells");
    assert!(has(&texts, charts::NO_VALUE_LABEL));
    for name in NAMES {
        assert!(contains_wrapped(&texts, name), "column {name} missing");
    }
    assert!(has(&texts, "Förhållningssätt") && has(&texts, "Strategiska fokusområden"));
    // Every cell is printed: 30 rows × 12 values (numbers or dashes) + the legend's dash.
    let values = texts.iter().filter(|t| t.len() <= 3 && (t.contains(',') || *t == "–")).count();
    assert_eq!(values, 30 * 12 + 1);
    assert!(svg.contains("&quot;&amp;&apos;Ö"));
    assert!(!svg.contains("<script"));

    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    let height: f64 = root.attribute("height").unwrap().parse().unwrap();
    assert!(height > 30.0 * 26.0, "30 rows fit");
}

#[test]
fn heatmap_short_names_and_validation() {
    let mut chart = heatmap_chart(2);
    chart.dimensions[0] = Dimension::new(
        "Ett orimligt långt namn på en dimension som aldrig får plats i två rader i rubriken över kolumnen",
    )
    .with_short_name("Kort namn");
    let svg = charts::heatmap(&chart).unwrap();
    let texts = check_document(&svg, "Förvaltningens enheter");
    assert!(has(&texts, "Kort namn"));

    let mut bad = heatmap_chart(2);
    bad.rows[1].values.push(None);
    assert!(matches!(charts::heatmap(&bad), Err(ChartError::LengthMismatch { .. })));
    let mut bad = heatmap_chart(2);
    bad.rows.clear();
    assert!(matches!(charts::heatmap(&bad), Err(ChartError::Empty(_))));
    let mut bad = heatmap_chart(2);
    bad.rows[0].values[0] = Some(0.9);
    assert!(matches!(charts::heatmap(&bad), Err(ChartError::ScoreOutOfRange { .. })));
}

#[test]
fn levels_have_legend_percentages_and_counts() {
    let chart = levels_chart();
    let svg = charts::stacked_levels(&chart).unwrap();
    let texts = check_document(&svg, "Nivåer per dimension");
    for (k, name) in chart.level_names.iter().enumerate() {
        assert!(has(&texts, &format!("{} {name}", k + 1)), "legend {name}");
    }
    for name in NAMES {
        assert!(contains_wrapped(&texts, name), "bar {name} missing");
    }
    // First dimension: counts [0, 3, 2, 4, 0] of 9.
    assert!(has(&texts, "n = 9"));
    assert!(has(&texts, "33\u{a0}%") && has(&texts, "44\u{a0}%"));
    assert!(has(&texts, "n = 0") && has(&texts, "Inga svar"));

    let mut bad = levels_chart();
    bad.counts.pop();
    assert!(matches!(charts::stacked_levels(&bad), Err(ChartError::LengthMismatch { .. })));
}

#[test]
fn a_sliver_of_a_bar_never_becomes_a_rectangle_without_width() {
    let mut chart = levels_chart();
    // One unit in two thousand: its segment rounds to no pixels at all.
    chart.counts[0] = [1, 1_999, 0, 0, 0];
    let svg = charts::stacked_levels(&chart).unwrap();
    let document = roxmltree::Document::parse(&svg).unwrap();
    for rect in document.descendants().filter(|node| node.has_tag_name("rect")) {
        for dimension in ["width", "height"] {
            let value: f64 = rect.attribute(dimension).and_then(|value| value.parse().ok()).unwrap_or(1.0);
            assert!(value > 0.0, "a rect with {dimension}={value}");
        }
    }
}

#[test]
fn trend_has_rounds_series_and_gaps() {
    let chart = trend_chart();
    let svg = charts::trend(&chart).unwrap();
    let texts = check_document(&svg, "Utveckling över tid");
    for round in ["Våren 2024", "Hösten 2024", "Hösten 2025"] {
        assert!(contains_wrapped(&texts, round), "round {round}");
    }
    assert!(contains_wrapped(&texts, HOSTILE) || texts.iter().any(|t| t.starts_with("<script>")));
    assert!(has(&texts, "Index"));
    for name in NAMES {
        assert!(contains_wrapped(&texts, name), "legend {name}");
    }
    for tick in ["1", "2", "3", "4", "5"] {
        assert!(has(&texts, tick));
    }
    assert!(svg.contains("Index: Våren 2024 2,1; Hösten 2024 2,5"), "description");
    assert!(!svg.contains("<script"));

    let mut single = trend_chart();
    single.rounds.truncate(1);
    for s in &mut single.series {
        s.values.truncate(1);
    }
    check_document(&charts::trend(&single).unwrap(), "Utveckling över tid");
    let mut bad = trend_chart();
    bad.rounds.clear();
    assert!(matches!(charts::trend(&bad), Err(ChartError::Empty(_))));
}

#[test]
fn title_description_and_control_characters_are_escaped() {
    let mut chart = radar_chart();
    chart.title = format!("{HOSTILE} & \"x\"");
    chart.description = "Beskrivning <b>fet</b>\u{0}".into();
    chart.series[1].label = "Nollbyte\u{0}här".into();
    let svg = charts::radar(&chart).unwrap();
    let texts = check_document(&svg, &format!("{HOSTILE} & \"x\""));
    assert!(svg.contains("<desc>Beskrivning &lt;b&gt;fet&lt;/b&gt;</desc>"));
    assert!(has(&texts, "Nollbytehär"));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(charts::radar(&radar_chart()).unwrap(), charts::radar(&radar_chart()).unwrap());
    assert_eq!(charts::heatmap(&heatmap_chart(30)).unwrap(), charts::heatmap(&heatmap_chart(30)).unwrap());
    assert_eq!(charts::stacked_levels(&levels_chart()).unwrap(), charts::stacked_levels(&levels_chart()).unwrap());
    assert_eq!(charts::trend(&trend_chart()).unwrap(), charts::trend(&trend_chart()).unwrap());
    let svg = charts::radar(&radar_chart()).unwrap();
    assert_eq!(png_from_svg(&svg, 1.0).unwrap(), png_from_svg(&svg, 1.0).unwrap());
}

/// Decodes a PNG and returns its size and pixels (RGBA, premultiplied).
fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "PNG signature");
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).expect("decodes");
    (pixmap.width(), pixmap.height(), pixmap.data().to_vec())
}

fn svg_size(svg: &str) -> (u32, u32) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let root = doc.root_element();
    (root.attribute("width").unwrap().parse().unwrap(), root.attribute("height").unwrap().parse().unwrap())
}

#[test]
fn png_of_every_chart_has_the_expected_size() {
    let svgs = [
        charts::radar(&radar_chart()).unwrap(),
        charts::heatmap(&heatmap_chart(30)).unwrap(),
        charts::stacked_levels(&levels_chart()).unwrap(),
        charts::trend(&trend_chart()).unwrap(),
    ];
    for svg in &svgs {
        let (w, h) = svg_size(svg);
        let (pw, ph, pixels) = decode(&png_from_svg(svg, 1.0).unwrap());
        assert_eq!((pw, ph), (w, h));
        // Not blank: some dark pixels (text, lines).
        assert!(pixels.chunks(4).any(|p| p[0] < 80 && p[1] < 80 && p[2] < 80), "has dark pixels");
        let (pw, ph, _) = decode(&png_from_svg(svg, 2.0).unwrap());
        assert_eq!((pw, ph), (w * 2, h * 2));
    }
}

#[test]
fn png_renders_text_with_the_bundled_font() {
    // The same SVG with and without its text: text must change the pixels, i.e. the
    // bundled font was found although the machine may have no fonts.
    let with_text = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\" viewBox=\"0 0 200 40\">\
        <text x=\"10\" y=\"28\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"20\">Åäö 3,4</text></svg>";
    let without = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\" viewBox=\"0 0 200 40\"></svg>";
    let (_, _, a) = decode(&png_from_svg(with_text, 1.0).unwrap());
    let (_, _, b) = decode(&png_from_svg(without, 1.0).unwrap());
    assert_ne!(a, b);
    let bold = with_text.replace("font-size", "font-weight=\"bold\" font-size");
    let (_, _, c) = decode(&png_from_svg(&bold, 1.0).unwrap());
    assert_ne!(a, c, "bold differs from regular");
}

#[test]
fn characters_outside_the_font_do_not_break_rendering() {
    let mut chart = heatmap_chart(3);
    chart.rows[2].label = "Enhet 😀 مرحبا 漢字".into();
    let svg = charts::heatmap(&chart).unwrap();
    let texts = check_document(&svg, "Förvaltningens enheter");
    assert!(has(&texts, "Enhet 😀 مرحبا 漢字"));
    let (w, h) = svg_size(&svg);
    assert_eq!(decode(&png_from_svg(&svg, 1.0).unwrap()).0, w);
    assert_eq!(decode(&png_from_svg(&svg, 0.5).unwrap()).1, (h as f32 * 0.5).round() as u32);
}

#[test]
fn png_rejects_bad_input() {
    let svg = charts::radar(&radar_chart()).unwrap();
    assert!(matches!(png_from_svg(&svg, 0.0), Err(ChartError::Png(_))));
    assert!(matches!(png_from_svg(&svg, f32::NAN), Err(ChartError::Png(_))));
    assert!(matches!(png_from_svg(&svg, 20.0), Err(ChartError::Png(_))));
    assert!(matches!(png_from_svg("not svg", 1.0), Err(ChartError::Svg(_))));
}
