//! Cross-site request forgery protection: a request that changes state (anything but
//! GET, HEAD, OPTIONS) must come from this site. Browsers say where a request comes from
//! in `Sec-Fetch-Site` and `Origin`; a request with neither is refused.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// Which origin is "this site".
#[derive(Clone, Debug, Default)]
pub struct OriginPolicy {
    /// The configured public origin; if `None`, the request's Host header decides.
    pub allowed_origin: Option<String>,
}

/// Whether the request comes from this site, judged by its headers.
pub fn is_same_origin(policy: &OriginPolicy, headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return site.as_bytes() == b"same-origin";
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|value| value.to_str().ok()) else {
        return false;
    };
    match &policy.allowed_origin {
        Some(allowed) => origin == allowed,
        None => {
            let host = headers.get(header::HOST).and_then(|value| value.to_str().ok());
            let origin_host = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://"));
            matches!((origin_host, host), (Some(origin_host), Some(host)) if origin_host == host)
        }
    }
}

pub async fn check(State(policy): State<Arc<OriginPolicy>>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_same_origin(&policy, request.headers()) {
        return next.run(request).await;
    }
    tracing::warn!(method = %request.method(), path = %request.uri().path(), "cross-origin request refused");
    (StatusCode::FORBIDDEN, "Förfrågan nekades: den kom inte från den här webbplatsen.").into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        let policy = OriginPolicy::default();
        assert!(is_same_origin(&policy, &headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!is_same_origin(
            &policy,
            &headers(&[("sec-fetch-site", "cross-site"), ("origin", "http://a"), ("host", "a")])
        ));
        assert!(!is_same_origin(&policy, &headers(&[("sec-fetch-site", "same-site")])));
    }

    #[test]
    fn without_fetch_metadata_the_origin_must_match_the_host() {
        let policy = OriginPolicy::default();
        assert!(is_same_origin(&policy, &headers(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")])));
        assert!(!is_same_origin(&policy, &headers(&[("origin", "http://evil.example"), ("host", "127.0.0.1:3000")])));
        assert!(!is_same_origin(&policy, &headers(&[("origin", "null"), ("host", "127.0.0.1:3000")])));
    }

    #[test]
    fn a_configured_origin_wins_over_the_host() {
        let policy = OriginPolicy { allowed_origin: Some("https://mognad.example".into()) };
        assert!(is_same_origin(&policy, &headers(&[("origin", "https://mognad.example"), ("host", "internal:3000")])));
        assert!(!is_same_origin(&policy, &headers(&[("origin", "http://internal:3000"), ("host", "internal:3000")])));
    }

    #[test]
    fn a_request_that_says_nothing_about_its_origin_is_refused() {
        assert!(!is_same_origin(&OriginPolicy::default(), &headers(&[("host", "127.0.0.1:3000")])));
    }
}
