//! Driving the real router in-process (tower `oneshot`), as a browser or an API client.

use super::{Fixture, PASSWORD};
use app::state::AppState;
use app::state::mailer::Mailer;
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, Response, StatusCode, header};
use leptos::config::LeptosOptions;
use server::config::Config;
use tower::ServiceExt;

pub const HOST: &str = "127.0.0.1:3000";
pub const ORIGIN: &str = "http://127.0.0.1:3000";

/// Building a router (which walks the whole app to list its routes) never overlaps with
/// rendering a page in this process: the server does the same, building once before it
/// serves. Tests build several routers side by side, so they take turns here.
static ROUTER_BUILDING: tokio::sync::RwLock<()> = tokio::sync::RwLock::const_new(());

/// The application under test with its fixture.
pub struct TestApp {
    pub router: Router,
    /// The router's state (its caches), as the server holds it.
    pub state: AppState,
    pub fixture: Fixture,
    /// Where the app's e-mail goes, one `.eml` file per message (see `common::outbox`);
    /// nothing is written there by an app made `without_email`.
    pub outbox: std::path::PathBuf,
    _outbox_dir: tempfile::TempDir,
}

/// Percent-encodes a form field name or value.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// An `application/x-www-form-urlencoded` body.
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs.iter().map(|(key, value)| format!("{}={}", encode(key), encode(value))).collect::<Vec<_>>().join("&")
}

/// A response with its body read.
pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> Option<&str> {
        self.headers.get(header::LOCATION).and_then(|value| value.to_str().ok())
    }

    /// The session cookie this response sets, as `name=value`.
    pub fn session_cookie(&self) -> Option<String> {
        self.cookie(server::sessions::COOKIE_NAME)
    }

    /// The cookie `name` this response sets, as `name=value`.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookie(name).map(|cookie| cookie.split(';').next().unwrap_or_default().to_owned())
    }

    /// The whole `Set-Cookie` header for cookie `name`, attributes included.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find(|cookie| cookie.starts_with(&format!("{name}=")))
            .map(str::to_owned)
    }
}

async fn read(response: Response<Body>) -> Reply {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), 16 * 1024 * 1024).await.unwrap_or_default();
    Reply { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

impl TestApp {
    pub async fn new() -> TestApp {
        Self::configured(None, server::config::Timeouts::default()).await
    }

    /// The application as served at `public_url` (https: secure cookies), with `timeouts`.
    pub async fn configured(public_url: Option<&str>, timeouts: server::config::Timeouts) -> TestApp {
        let mut config = Self::config();
        config.public_url = public_url.map(str::to_owned);
        config.timeouts = timeouts;
        Self::with_config(config).await
    }

    /// The configuration tests run with unless they say otherwise.
    pub fn config() -> Config {
        Config {
            database_url: String::new(),
            address: HOST.parse().unwrap(),
            public_url: None,
            timeouts: server::config::Timeouts::default(),
            client_address_header: None,
        }
    }

    /// The application with `config`, writing its e-mail into `outbox`.
    pub async fn with_config(config: Config) -> TestApp {
        Self::build(config, true).await
    }

    /// The application with no way to send e-mail (neither SMTP nor an outbox).
    pub async fn without_email() -> TestApp {
        Self::build(Self::config(), false).await
    }

    async fn build(config: Config, email: bool) -> TestApp {
        let fixture = Fixture::new().await;
        let options = LeptosOptions::builder().output_name("mognad").site_root("target/site").build();
        let outbox_dir = tempfile::tempdir().expect("temporary directory");
        let outbox = outbox_dir.path().join("outbox");
        let mailer = if email {
            Mailer::outbox(&outbox, "Mognad <noreply@mognad.test>").expect("outbox")
        } else {
            Mailer::disabled()
        };
        let state = AppState::new(options, fixture.pool.clone(), config.secure_cookies())
            .with_mailer(mailer)
            .with_public_url(config.public_url.clone());
        let router = {
            let _exclusive = ROUTER_BUILDING.write().await;
            server::router::build(state.clone(), &config).await.expect("router")
        };
        TestApp { router, state, fixture, outbox, _outbox_dir: outbox_dir }
    }

    /// A second server on the same database, with its own state (caches, in-memory
    /// limits), as another instance behind a load balancer would be.
    pub async fn another_server(&self) -> Router {
        let options = LeptosOptions::builder().output_name("mognad").site_root("target/site").build();
        let config = Self::config();
        let state = AppState::new(options, self.fixture.pool.clone(), config.secure_cookies());
        let _exclusive = ROUTER_BUILDING.write().await;
        server::router::build(state, &config).await.expect("router")
    }

    /// Sends a request; a response that takes more than 20 s fails the test, naming it.
    pub async fn send(&self, request: Request<Body>) -> Reply {
        self.send_to(&self.router, request).await
    }

    /// Sends a request to `router` (e.g. [`TestApp::another_server`]).
    pub async fn send_to(&self, router: &Router, request: Request<Body>) -> Reply {
        let what = format!("{} {}", request.method(), request.uri());
        let exchange = async {
            let _shared = ROUTER_BUILDING.read().await;
            read(router.clone().oneshot(request).await.expect("infallible")).await
        };
        tokio::time::timeout(std::time::Duration::from_secs(20), exchange)
            .await
            .unwrap_or_else(|_| panic!("no complete response to {what} within 20 s"))
    }

    /// Sends a request and keeps the body as bytes (a binary download).
    pub async fn send_raw(&self, request: Request<Body>) -> (StatusCode, axum::http::HeaderMap, bytes::Bytes) {
        let _shared = ROUTER_BUILDING.read().await;
        let response = self.router.clone().oneshot(request).await.expect("infallible");
        let (status, headers) = (response.status(), response.headers().clone());
        let body = to_bytes(response.into_body(), 64 * 1024 * 1024).await.expect("a complete body");
        (status, headers, body)
    }

    /// A same-origin POST as the app's own script makes it (expects data back).
    pub fn post(path: &str, body: String, cookie: Option<&str>) -> Request<Body> {
        let mut request = Request::post(path)
            .header(header::HOST, HOST)
            .header(header::CONTENT_LENGTH, body.len())
            .header(header::ORIGIN, ORIGIN)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        request.body(Body::from(body)).unwrap()
    }

    /// A same-origin POST as a browser without script makes it (a plain form).
    pub fn post_plain_form(path: &str, body: String, cookie: Option<&str>, referer: &str) -> Request<Body> {
        let mut request = Request::post(path)
            .header(header::HOST, HOST)
            .header(header::CONTENT_LENGTH, body.len())
            .header(header::ORIGIN, ORIGIN)
            .header("sec-fetch-site", "same-origin")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .header(header::REFERER, format!("{ORIGIN}{referer}"));
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        request.body(Body::from(body)).unwrap()
    }

    pub fn get(path: &str, cookie: Option<&str>) -> Request<Body> {
        let mut request = Request::get(path).header(header::HOST, HOST).header(header::ACCEPT, "text/html");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        request.body(Body::empty()).unwrap()
    }

    /// Signs in and returns the session cookie.
    pub async fn login(&self, email: &str) -> String {
        let reply = self.send(Self::post("/api/login", form(&[("email", email), ("password", PASSWORD)]), None)).await;
        assert!(
            reply.status.is_success() || reply.status.is_redirection(),
            "login failed: {} {}",
            reply.status,
            reply.body
        );
        reply.session_cookie().expect("a session cookie after signing in")
    }

    /// Asks for a unit's assessment through its server function.
    pub async fn get_assessment(&self, cookie: &str, unit: app::domain::ids::NodeId) -> Reply {
        let body = form(&[("round_id", &self.fixture.round.to_string()), ("unit_id", &unit.to_string())]);
        self.send(Self::post("/api/assessment", body, Some(cookie))).await
    }

    /// Saves (or submits) a unit's assessment through its server function.
    pub async fn save(
        &self,
        cookie: &str,
        unit: app::domain::ids::NodeId,
        base_version: i64,
        intent: &str,
        fields: &[(&str, &str)],
    ) -> Reply {
        let round = self.fixture.round.to_string();
        let unit = unit.to_string();
        let version = base_version.to_string();
        let mut pairs: Vec<(&str, &str)> = vec![
            ("form[round_id]", &round),
            ("form[unit_id]", &unit),
            ("form[base_version]", &version),
            ("form[intent]", intent),
        ];
        pairs.extend_from_slice(fields);
        self.send(Self::post("/api/save_assessment", form(&pairs), Some(cookie))).await
    }
}
