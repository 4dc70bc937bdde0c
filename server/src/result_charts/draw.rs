//! From a results page's figures to the `charts` crate's models: which chart shows which
//! figures, with the page's names and the catalogue's titles.

use app::api::results::{FigureRow, OrgResults, ResultChart, chart_title};
use app::domain::framework::DimensionGroup;
use charts::{
    Dimension, Heatmap, HeatmapRow, LevelDistribution, RadarChart, RadarSeries, SeriesRole, Trend, TrendSeries,
};

/// The chart's picture, or `None` when there is nothing to draw.
pub(super) fn draw(chart: ResultChart, results: &OrgResults) -> Option<Result<String, charts::ChartError>> {
    let dimensions: Vec<&FigureRow> = results.dimension_figures().collect();
    let group_name = |group: DimensionGroup| {
        results.figures.iter().find(|row| row.key == group.key()).map(|row| row.name.clone()).unwrap_or_default()
    };
    let columns: Vec<Dimension> = dimensions
        .iter()
        .map(|row| Dimension::new(row.name.clone()).in_group(row.group.map(group_name).unwrap_or_default()))
        .collect();
    match chart {
        ResultChart::Comparison => {
            if results.children.is_empty() {
                return None;
            }
            let rows = results
                .children
                .iter()
                .map(|child| HeatmapRow {
                    label: child.name.clone(),
                    values: child.dimensions.iter().map(|value| value.value().copied()).collect(),
                })
                .collect();
            Some(charts::heatmap(&Heatmap {
                title: chart_title(ResultChart::Comparison, &results.node_name, &results.round.name),
                description: String::new(),
                dimensions: columns,
                rows,
            }))
        }
        ResultChart::Levels => {
            // Only the dimensions whose distribution the viewer may see.
            let (columns, counts): (Vec<Dimension>, Vec<[u32; 5]>) = dimensions
                .iter()
                .zip(columns)
                .filter_map(|(row, column)| {
                    let spread = row.figure.value()?.spread.as_ref()?;
                    Some((column, spread.level_counts.map(|count| u32::try_from(count).unwrap_or(u32::MAX))))
                })
                .unzip();
            if columns.is_empty() {
                return None;
            }
            let level_names: [String; 5] =
                std::array::from_fn(|index| results.level_names.get(index).cloned().unwrap_or_default());
            Some(charts::stacked_levels(&LevelDistribution {
                title: chart_title(ResultChart::Levels, &results.node_name, &results.round.name),
                description: String::new(),
                level_names,
                dimensions: columns,
                counts,
            }))
        }
        ResultChart::Profile => {
            // The dimensions only, in the columns' order (not the index rows).
            let keys: Vec<&str> = dimensions.iter().map(|row| row.key.as_str()).collect();
            let series = |label: String, role: SeriesRole, values: Vec<Option<f64>>| {
                values.iter().any(Option::is_some).then_some(RadarSeries { label, role, values })
            };
            let series: Vec<RadarSeries> = match (&results.profile, &results.comparison) {
                (Some(profile), _) => {
                    let rows: Vec<_> = profile.rows.iter().filter(|row| keys.contains(&row.key.as_str())).collect();
                    [
                        series(results.node_name.clone(), SeriesRole::Unit, rows.iter().map(|row| row.unit).collect()),
                        series(
                            profile.administration.clone().unwrap_or_default(),
                            SeriesRole::Administration,
                            rows.iter().map(|row| row.administration.value().copied()).collect(),
                        ),
                        series(
                            profile.city.clone(),
                            SeriesRole::City,
                            rows.iter().map(|row| row.city.value().copied()).collect(),
                        ),
                        series(
                            profile.previous_round.clone().unwrap_or_default(),
                            SeriesRole::PreviousRound,
                            rows.iter().map(|row| row.previous).collect(),
                        ),
                    ]
                    .into_iter()
                    .flatten()
                    .collect()
                }
                // An organisation against the city and its own previous round.
                (None, Some(comparison)) => {
                    let rows: Vec<_> = comparison.rows.iter().filter(|row| keys.contains(&row.key.as_str())).collect();
                    let values = |pick: fn(&app::api::results::ComparisonRow) -> Option<f64>| {
                        rows.iter().map(|row| pick(row)).collect::<Vec<_>>()
                    };
                    [
                        series(results.node_name.clone(), SeriesRole::Unit, values(|row| row.own.value().copied())),
                        series(
                            comparison.city.clone().unwrap_or_default(),
                            SeriesRole::City,
                            values(|row| row.city.value().copied()),
                        ),
                        series(
                            comparison.previous_round.clone().unwrap_or_default(),
                            SeriesRole::PreviousRound,
                            values(|row| row.previous.value().copied()),
                        ),
                    ]
                    .into_iter()
                    .flatten()
                    .collect()
                }
                (None, None) => return None,
            };
            if series.is_empty() {
                return None;
            }
            Some(charts::radar(&RadarChart {
                title: chart_title(ResultChart::Profile, &results.node_name, &results.round.name),
                description: String::new(),
                dimensions: columns,
                series,
            }))
        }
        ResultChart::Trend => {
            if results.trend.rounds.len() < 2 {
                return None;
            }
            let series = results
                .trend
                .rows
                .iter()
                .map(|row| TrendSeries {
                    label: row.name.clone(),
                    values: row.values.iter().map(|value| value.value().copied()).collect(),
                    emphasized: row.key == "index",
                    breaks_before: row.breaks_before.clone(),
                })
                .filter(|series| series.values.iter().any(Option::is_some))
                .collect::<Vec<_>>();
            if series.is_empty() {
                return None;
            }
            Some(charts::trend(&Trend {
                title: chart_title(ResultChart::Trend, &results.node_name, &results.round.name),
                description: String::new(),
                rounds: results.trend.rounds.clone(),
                series,
            }))
        }
    }
}
