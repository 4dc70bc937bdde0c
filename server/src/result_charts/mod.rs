//! The charts of the results page as files: `GET /resultat/diagram/{chart}.{svg|png}` with
//! the page's query (`omgang`, `nod`, `typ`, `sortera`, `ordning`). Drawn from exactly the
//! figures the viewer may see on the page (same loader, same rights, same three-unit rule),
//! with the `charts` crate (the figures become its models in `draw`).

mod draw;

use app::api::context::caller_of;
use app::api::error::AppError;
use app::api::results::ResultChart;
use app::api::results::load::load_org_results;
use app::api::results::query::ResultsQuery;
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use tower_sessions::Session;

/// How much bigger than the SVG's own size the PNG is drawn (sharp on high-density screens
/// and in slides).
const PNG_SCALE: f32 = 2.0;

use crate::download_access::error_response as error;

/// The chart named by `file` (`{chart}.svg` or `{chart}.png`) for the page `params` name.
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
    let svg = match draw::draw(chart, &results) {
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
