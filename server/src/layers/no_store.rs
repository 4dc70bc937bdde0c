//! `Cache-Control: no-store` on everything that depends on who asks: pages, `/api/…` and
//! chart downloads. After signing out on a shared computer, Back must not show the previous
//! person's data from the browser's cache. Only the site's own files (the wasm bundle, its
//! script and styles, the favicon) may be cached.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;

/// Where the site's own files are served from.
#[derive(Clone, Debug)]
pub struct SiteFiles {
    /// e.g. `/pkg/`
    pub pkg_prefix: String,
}

impl SiteFiles {
    /// Whether `path` is one of the site's own files, the same for everyone.
    pub fn holds(&self, path: &str) -> bool {
        path.starts_with(&self.pkg_prefix) || path == "/favicon.svg"
    }
}

pub async fn add(State(files): State<Arc<SiteFiles>>, request: Request, next: Next) -> Response {
    let personal = !files.holds(request.uri().path());
    let mut response = next.run(request).await;
    if personal {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_site_files_may_be_cached() {
        let files = SiteFiles { pkg_prefix: "/pkg/".into() };
        assert!(files.holds("/pkg/mognad.wasm") && files.holds("/favicon.svg"));
        for personal in ["/", "/resultat", "/api/overview", "/resultat/diagram/profil.svg", "/pkgx", "/pkg"] {
            assert!(!files.holds(personal), "{personal}");
        }
    }
}
