//! The HTTP router: Leptos pages and server functions, static files, and the layers every
//! request passes through.

use crate::config::Config;
use crate::layers::{
    client_address, document_end, no_store, request_id, same_origin, security_headers, server_fn_errors, sign_in_first,
};
use app::app::{App, shell};
use app::state::AppState;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{any, get, post};
use axum::{Router, middleware};
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// The largest request body accepted: a whole assessment form with every text field full
/// fits with room to spare; anything bigger is refused with 413 before it is read.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// An address under `/api/` that is no server function: a plain 404, like any unknown
/// address, saying nothing about the framework or the path.
async fn no_such_function() -> impl IntoResponse {
    (StatusCode::NOT_FOUND, "Finns inte.")
}

/// A panic becomes a generic 500; what happened is in the log.
fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    tracing::error!("request handler panicked");
    (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "Ett fel uppstod på servern.").into_response()
}

async fn health() -> &'static str {
    "ok"
}

/// Ready for traffic (for a load balancer's readiness check): once the results of every
/// round have been computed after the start; until then `503`, while `/healthz` already
/// answers.
async fn ready(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.results_cache.is_warm() {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "starting")
    }
}

/// Builds the application with all its layers.
pub async fn build(state: AppState, config: &Config) -> Result<Router, sqlx::Error> {
    let sessions = crate::sessions::layer(&state.pool, config.secure_cookies()).await?;
    let origin_policy = Arc::new(same_origin::OriginPolicy { allowed_origin: config.allowed_origin() });
    let routes = generate_route_list(App);
    let shell_options = state.leptos_options.clone();

    // The built site: the wasm bundle, its JavaScript and the stylesheet (with precompressed
    // .br/.gz variants when `mognad precompress` has made them), and the favicon. Every
    // other path is a page; unknown ones get the app's own 404 page.
    let site_root = PathBuf::from(&*state.leptos_options.site_root);
    let pkg_dir = state.leptos_options.site_pkg_dir.to_string();
    let assets = ServeDir::new(site_root.join(&pkg_dir)).precompressed_br().precompressed_gzip();

    // Every server function is registered by `leptos_routes`, which gives it and every page
    // the router's state, `AppState`, as context; any other `/api/…` is a plain 404.
    let private_pages =
        Arc::new(sign_in_first::PrivatePages::new(routes.iter().map(|listing| listing.path()), state.pool.clone()));
    let site_files = Arc::new(no_store::SiteFiles {
        pkg_prefix: format!("/{pkg_dir}/"),
        hashed: app::asset_names::current(&state.leptos_options).clone(),
    });

    // The HR register upload reads up to its own, larger limit (it refuses a larger file
    // itself, with a page saying so), so it is added after the general limit.
    let org_upload = post(app::api::org_import::upload::upload)
        .with_state(state.clone())
        .layer(DefaultBodyLimit::max(app::api::org_import::upload::MAX_UPLOAD_BYTES));

    let mut router = Router::new()
        .route("/healthz", get(health))
        .route("/readyz", get(ready))
        .route(&format!("{}/{{file}}", app::routes::RESULT_CHARTS), get(crate::result_charts::chart))
        .route(&format!("{}.xlsx", app::routes::RESULT_EXPORTS), get(crate::result_exports::workbook))
        .route(&format!("{}/{{file}}", app::routes::RESULT_EXPORTS), get(crate::result_exports::csv_table))
        .route(app::routes::ADMIN_LOG_CSV, get(crate::admin_log_csv::download))
        .route(app::routes::FRAMEWORK_TOML_ROUTE, get(crate::framework_toml::download))
        .route("/omgangar/{round}/enheter.csv", get(crate::unit_lists::units_csv_download))
        .route("/omgangar/{round}/enheter.xlsx", get(crate::unit_lists::units_xlsx_download))
        .nest_service(&format!("/{pkg_dir}"), assets)
        .route_service("/favicon.svg", ServeFile::new(site_root.join("favicon.svg")))
        .leptos_routes(&state, routes, move || shell(shell_options.clone()))
        // An import file is a multipart form post, which server functions do not take here.
        .route(app::routes::IMPORT_UPLOAD, post(app::api::people::upload::upload))
        .route("/api/{*rest}", any(no_such_function))
        .with_state(state)
        // Router::layer wraps what is already there: the last layer added runs first.
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .route_service(app::routes::ORG_IMPORT_UPLOAD, org_upload)
        .layer(middleware::from_fn_with_state(private_pages, sign_in_first::check))
        .layer(sessions)
        .layer(middleware::from_fn(server_fn_errors::map))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(origin_policy, same_origin::check))
        .layer(middleware::from_fn_with_state(site_files, no_store::add))
        .layer(middleware::from_fn(document_end::close_last))
        // Pages are compressed on the fly at a cheap level; big assets come precompressed
        // (brotli at its best). Browsers that take zstd (Chromium, Firefox) get it: level 3
        // makes the form (196 kB) 24.1 kB at ≈ 1 GB/s. The others (Safari: `gzip, deflate,
        // br`) get gzip 3, never brotli: brotli 3 as tower-http drives it (the `brotli`
        // crate, its window not ours to set) cost the city results 0.8 ms a page, ≈ 6× what
        // the C library takes (554 against 857 requests/s with zstd, 882 with gzip, one core),
        // for ≈ 4 % fewer bytes than gzip.
        // `./scripts/bench` measures the pages uncompressed, as Chromium asks and as Safari
        // asks.
        .layer(CompressionLayer::new().no_br().quality(CompressionLevel::Precise(3)))
        .layer(middleware::from_fn(security_headers::add))
        // A request (body included) that takes longer than this until its response starts
        // is answered 408.
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, config.timeouts.request))
        .layer(TraceLayer::new_for_http())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        // The request id is always the server's own.
        .layer(middleware::map_request(request_id::drop_incoming));
    if let Some(header) = config.client_address_header.clone() {
        router = router.layer(middleware::from_fn_with_state(Arc::new(header), client_address::from_proxy));
    }
    if config.secure_cookies() {
        router = router.layer(middleware::from_fn(security_headers::add_hsts));
    }
    Ok(router)
}
