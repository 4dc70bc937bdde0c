//! The charts of the results page as files: `GET /resultat/diagram/{chart}.{svg|png}` with
//! the page's query (`omgang`, `nod`, `typ`, `sortera`, `ordning`). Drawn from exactly the
//! figures the viewer may see on the page (same loader, same rights, same three-unit rule),
//! with the `charts` crate.

use app::api::context::caller_of;
use app::api::error::AppError;
use app::api::results::load::load_org_results;
use app::api::results::query::ResultsQuery;
use app::api::results::{FigureRow, OrgResults, ResultChart, chart_title};
use app::domain::framework::DimensionGroup;
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use charts::{
    Dimension, Heatmap, HeatmapRow, LevelDistribution, RadarChart, RadarSeries, SeriesRole, Trend, TrendSeries,
};
use std::collections::HashMap;
use tower_sessions::Session;

/// How much bigger than the SVG's own size the PNG is drawn (sharp on high-density screens
/// and in slides).
const PNG_SCALE: f32 = 2.0;

fn error(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error.to_string()).into_response()
}

pub async fn chart(
    State(state): State<AppState>,
    session: Session,
    Path(file): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let query = ResultsQuery::from_params(|name| params.get(name).cloned());
    // Present: served as a file to save rather than shown.
    let download = params.contains_key("ladda_ner");
    let Some((name, extension)) = file.rsplit_once('.') else { return error(AppError::NotFound) };
    let (Some(chart), true) = (ResultChart::from_key(name), matches!(extension, "svg" | "png")) else {
        return error(AppError::NotFound);
    };
    let caller = match caller_of(&state.pool, &session).await {
        Ok(caller) => caller,
        Err(failure) => return error(failure),
    };
    let results = match load_org_results(&state.pool, &state.results_cache, state.privacy, &caller, &query).await {
        Ok(results) => results,
        Err(failure) => return error(failure),
    };
    let svg = match draw(chart, &results) {
        Some(Ok(svg)) => svg,
        Some(Err(failure)) => {
            tracing::error!(%failure, chart = chart.key(), "chart drawing failed");
            return error(AppError::Internal);
        }
        None => return error(AppError::NotFound),
    };
    let (body, content_type) = if extension == "png" {
        match tokio::task::spawn_blocking(move || charts::png_from_svg(&svg, PNG_SCALE)).await {
            Ok(Ok(png)) => (png, "image/png"),
            Ok(Err(failure)) => {
                tracing::error!(%failure, "chart rasterising failed");
                return error(AppError::Internal);
            }
            Err(_) => return error(AppError::Internal),
        }
    } else {
        (svg.into_bytes(), "image/svg+xml; charset=utf-8")
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Figures depend on who asks: never kept (Back after signing out must not show them).
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // An SVG opened on its own is a document: it may not run or load anything.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
    );
    if download {
        let file_name = format!("mognad-{}-{}-{}.{extension}", chart.key(), results.round.id, results.node_id);
        if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
    }
    response
}

/// The chart's picture, or `None` when there is nothing to draw.
fn draw(chart: ResultChart, results: &OrgResults) -> Option<Result<String, charts::ChartError>> {
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
            let profile = results.profile.as_ref()?;
            // The dimensions only, in the columns' order (not the index rows).
            let keys: Vec<&str> = dimensions.iter().map(|row| row.key.as_str()).collect();
            let rows: Vec<_> = profile.rows.iter().filter(|row| keys.contains(&row.key.as_str())).collect();
            let series = |label: String, role: SeriesRole, values: Vec<Option<f64>>| {
                values.iter().any(Option::is_some).then_some(RadarSeries { label, role, values })
            };
            let series = [
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
            .collect();
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
