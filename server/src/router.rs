//! The HTTP router: Leptos pages and server functions, static files, and the layers every
//! request passes through.

use crate::config::Config;
use crate::layers::{same_origin, security_headers, server_fn_errors};
use app::app::{App, shell};
use app::state::AppState;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Router, middleware};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list, handle_server_fns_with_context};
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;

/// The largest request body accepted: a whole assessment form with every text field full
/// fits with room to spare; anything bigger is refused with 413 before it is read.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

async fn server_functions(State(state): State<AppState>, request: Request) -> impl IntoResponse {
    handle_server_fns_with_context(move || provide_context(state.clone()), request).await
}

/// A panic becomes a generic 500; what happened is in the log.
fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    tracing::error!("request handler panicked");
    (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "Ett fel uppstod på servern.").into_response()
}

async fn health() -> &'static str {
    "ok"
}

/// Builds the application with all its layers.
pub async fn build(state: AppState, config: &Config) -> Result<Router, sqlx::Error> {
    let sessions = crate::sessions::layer(&state.pool, config.secure_cookies()).await?;
    let origin_policy = Arc::new(same_origin::OriginPolicy { allowed_origin: config.allowed_origin() });
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let shell_options = state.leptos_options.clone();

    // The built site: the wasm bundle, its JavaScript and the stylesheet (with precompressed
    // .br/.gz variants when `mognad precompress` has made them), and the favicon. Every
    // other path is a page; unknown ones get the app's own 404 page.
    let site_root = PathBuf::from(&*state.leptos_options.site_root);
    let pkg_dir = state.leptos_options.site_pkg_dir.to_string();
    let assets = ServeDir::new(site_root.join(&pkg_dir)).precompressed_br().precompressed_gzip();

    let mut router = Router::new()
        .route("/api/{*fn_name}", post(server_functions))
        .route("/healthz", get(health))
        .route("/resultat/diagram/{file}", get(crate::result_charts::chart))
        .nest_service(&format!("/{pkg_dir}"), assets)
        .route_service("/favicon.svg", ServeFile::new(site_root.join("favicon.svg")))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(shell_options.clone()),
        )
        .with_state(state)
        // Router::layer wraps what is already there: the last layer added runs first.
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(sessions)
        .layer(middleware::from_fn(server_fn_errors::map))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(origin_policy, same_origin::check))
        // Pages are compressed on the fly at a cheap level; big assets come precompressed.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(5)))
        .layer(middleware::from_fn(security_headers::add))
        .layer(TraceLayer::new_for_http())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid));
    if config.secure_cookies() {
        router = router.layer(middleware::from_fn(security_headers::add_hsts));
    }
    Ok(router)
}
