//! Sample data shared by the tests, the benchmarks and the gallery example.
#![allow(dead_code)]

use charts::{
    Dimension, Heatmap, HeatmapRow, LevelDistribution, RadarChart, RadarSeries, SeriesRole, Trend, TrendSeries,
};

pub const HOSTILE: &str = "<script>alert(1)</script>";
pub const QUOTES: &str = "\"&'Ö";

pub const NAMES: [&str; 12] = [
    "Ledarskap och styrning",
    "Kultur och förändringsbenägenhet",
    "Samverkan och delaktighet",
    "Kompetens och lärande",
    "Brukarfokus",
    "Innovation och experimenterande",
    "Digital infrastruktur",
    "Informationssäkerhet",
    "Data och analys",
    "Verksamhetsutveckling med digital teknik",
    "E-tjänster och självservice",
    "Hållbar digitalisering",
];

pub fn dimensions() -> Vec<Dimension> {
    NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let group = if i < 6 { "Förhållningssätt" } else { "Strategiska fokusområden" };
            Dimension::new(*name).in_group(group)
        })
        .collect()
}

/// A deterministic pseudo-random score on the 1–5 scale with one decimal.
pub fn score(i: usize, j: usize) -> f64 {
    let k = (i * 37 + j * 11 + 7) % 41;
    (10 + k) as f64 / 10.0
}

pub fn radar_chart() -> RadarChart {
    let series = |label: &str, role, offset: usize, gap: Option<usize>| RadarSeries {
        label: label.to_owned(),
        role,
        values: (0..12).map(|j| if Some(j) == gap { None } else { Some(score(offset, j)) }).collect(),
    };
    RadarChart {
        title: "Mognad per dimension".into(),
        description: String::new(),
        dimensions: dimensions(),
        series: vec![
            RadarSeries {
                values: (0..12).map(|j| Some(if j == 0 { 3.4 } else { score(1, j) })).collect(),
                ..series(HOSTILE, SeriesRole::Unit, 1, None)
            },
            series("Förvaltningen", SeriesRole::Administration, 2, None),
            series("Staden", SeriesRole::City, 3, None),
            series("Föregående omgång", SeriesRole::PreviousRound, 4, Some(7)),
        ],
    }
}

pub fn heatmap_chart(rows: usize) -> Heatmap {
    Heatmap {
        title: "Förvaltningens enheter".into(),
        description: String::new(),
        dimensions: dimensions(),
        rows: (0..rows)
            .map(|i| HeatmapRow {
                label: match i {
                    0 => HOSTILE.to_owned(),
                    1 => QUOTES.to_owned(),
                    _ => format!("Enhet {} – Förskoleområde Norr", i + 1),
                },
                values: (0..12)
                    .map(|j| match (i, j) {
                        (0, 0) => Some(3.4),
                        _ if (i + j) % 9 == 4 => None,
                        _ => Some(score(i, j)),
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub fn levels_chart() -> LevelDistribution {
    LevelDistribution {
        title: "Nivåer per dimension".into(),
        description: String::new(),
        level_names: ["Grundläggande", "Utvecklande", "Etablerad", "Integrerad", "Ledande"].map(String::from),
        dimensions: dimensions(),
        counts: (0..12)
            .map(|j| if j == 11 { [0; 5] } else { [(j % 4) as u32, 3, (j % 5 + 2) as u32, 4, (j % 3) as u32] })
            .collect(),
    }
}

pub fn trend_chart() -> Trend {
    let rounds = vec!["Våren 2024".to_owned(), "Hösten 2024".to_owned(), HOSTILE.to_owned(), "Hösten 2025".to_owned()];
    let mut series = vec![TrendSeries {
        label: "Index".into(),
        values: vec![Some(2.1), Some(2.5), Some(3.4), Some(3.6)],
        emphasized: true,
        breaks_before: Vec::new(),
    }];
    for (j, name) in NAMES.iter().enumerate() {
        series.push(TrendSeries {
            label: (*name).to_owned(),
            values: (0..4).map(|r| if (r + j) % 7 == 3 { None } else { Some(score(r, j)) }).collect(),
            emphasized: false,
            breaks_before: Vec::new(),
        });
    }
    Trend { title: "Utveckling över tid".into(), description: String::new(), rounds, series }
}
