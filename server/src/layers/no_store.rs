//! `Cache-Control: no-store` on everything that depends on who asks: pages, `/api/…` and
//! chart downloads. After signing out on a shared computer, Back must not show the previous
//! person's data from the browser's cache. Only the site's own files (the wasm bundle, its
//! script and styles, the favicon) may be cached: those with a content hash in their name
//! for a year without asking again (a new release has new names), the others after asking
//! whether they changed.

use app::asset_names::AssetNames;
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
    /// The files whose names change with their content.
    pub hashed: AssetNames,
}

impl SiteFiles {
    /// Whether `path` is one of the site's own files, the same for everyone.
    pub fn holds(&self, path: &str) -> bool {
        path.starts_with(&self.pkg_prefix) || path == "/favicon.svg"
    }
}

/// A year, the longest `max-age` caches are asked to honour.
const FOREVER: &str = "public, max-age=31536000, immutable";

/// How long a response to `path` may be kept.
fn cache_control(files: &SiteFiles, path: &str) -> &'static str {
    if files.hashed.holds(path) {
        FOREVER
    } else if files.holds(path) {
        "no-cache"
    } else {
        "no-store"
    }
}

pub async fn add(State(files): State<Arc<SiteFiles>>, request: Request, next: Next) -> Response {
    let policy = cache_control(&files, request.uri().path());
    let mut response = next.run(request).await;
    // A missing file's 404 is not kept for a year.
    let policy = if policy == FOREVER && !response.status().is_success() { "no-cache" } else { policy };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> SiteFiles {
        SiteFiles {
            pkg_prefix: "/pkg/".into(),
            hashed: AssetNames::from_hash_file("pkg", "mognad", "js: j1\nwasm: w2\ncss: c3\n"),
        }
    }

    #[test]
    fn only_the_site_files_may_be_cached() {
        let files = files();
        assert!(files.holds("/pkg/mognad.wasm") && files.holds("/favicon.svg"));
        for personal in ["/", "/resultat", "/api/overview", "/resultat/diagram/profil.svg", "/pkgx", "/pkg"] {
            assert!(!files.holds(personal), "{personal}");
            assert_eq!(cache_control(&files, personal), "no-store");
        }
    }

    #[test]
    fn files_named_by_their_content_are_kept_for_a_year_and_the_others_asked_for_again() {
        let files = files();
        for hashed in ["/pkg/mognad.j1.js", "/pkg/mognad.w2.wasm", "/pkg/mognad.c3.css"] {
            assert_eq!(cache_control(&files, hashed), FOREVER, "{hashed}");
        }
        for plain in ["/pkg/mognad.wasm", "/favicon.svg", "/pkg/mognad.w1.wasm"] {
            assert_eq!(cache_control(&files, plain), "no-cache", "{plain}");
        }
    }
}
