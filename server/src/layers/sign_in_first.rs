//! A page asked for without a signed-in session is answered at once with 303 to the
//! sign-in page, carrying the whole address (path and query) in `next`, before anything is
//! rendered. The sign-in page itself, unknown addresses (the 404 page), files and the API
//! are left alone: server functions decide for themselves.

use app::api::context::{PageCaller, caller_of};
use app::api::error::AppError;
use app::db::Pool;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use tower_sessions::Session;

/// Pages anyone may open.
pub const PUBLIC_PAGES: [&str; 3] = [app::routes::SIGN_IN, app::routes::SET_PASSWORD_ROUTE, app::routes::ACCESSIBILITY];

/// One segment of a page's route: fixed text or a parameter (`{round}`).
#[derive(Clone, Debug, PartialEq)]
enum Segment {
    Fixed(String),
    Parameter,
}

/// The pages that need a signed-in user, from the app's route list.
#[derive(Clone, Debug)]
pub struct PrivatePages {
    routes: Vec<Vec<Segment>>,
    pool: Pool,
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|segment| !segment.is_empty())
}

impl PrivatePages {
    /// From the routes' paths in axum's form (`/omgangar/{round}`). Public pages and
    /// catch-all routes (`/{*any}`, the 404 page) are not private.
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a str>, pool: Pool) -> Self {
        let routes = paths
            .into_iter()
            .filter(|path| !PUBLIC_PAGES.contains(path) && !path.contains("{*"))
            .map(|path| {
                segments(path)
                    .map(|segment| {
                        if segment.starts_with('{') && segment.ends_with('}') {
                            Segment::Parameter
                        } else {
                            Segment::Fixed(segment.to_owned())
                        }
                    })
                    .collect()
            })
            .collect();
        PrivatePages { routes, pool }
    }

    /// Whether `path` is one of the private pages.
    pub fn holds(&self, path: &str) -> bool {
        let asked: Vec<&str> = segments(path).collect();
        self.routes.iter().any(|route| {
            route.len() == asked.len()
                && route.iter().zip(&asked).all(|(segment, asked)| match segment {
                    Segment::Fixed(text) => text == asked,
                    Segment::Parameter => true,
                })
        })
    }
}

/// Where to sign in before seeing `path_and_query`.
pub fn sign_in_target(path_and_query: &str) -> String {
    app::routes::sign_in_path(path_and_query)
}

/// Sends a private page's request without a signed-in caller to sign in; with one, passes
/// the caller on to the page (`PageCaller`), read once for all its server functions.
pub async fn check(State(pages): State<Arc<PrivatePages>>, mut request: Request, next: Next) -> Response {
    let page = matches!(*request.method(), Method::GET | Method::HEAD) && pages.holds(request.uri().path());
    let session = request.extensions().get::<Session>().cloned();
    let (true, Some(session)) = (page, session) else { return next.run(request).await };
    match caller_of(&pages.pool, &session).await {
        Ok(caller) => {
            request.extensions_mut().insert(PageCaller(caller));
            next.run(request).await
        }
        Err(AppError::Unauthenticated) => {
            let here = request.uri().path_and_query().map_or("/", |path| path.as_str());
            let mut redirect = StatusCode::SEE_OTHER.into_response();
            if let Ok(location) = HeaderValue::from_str(&sign_in_target(here)) {
                redirect.headers_mut().insert(header::LOCATION, location);
            }
            redirect
        }
        // The page itself shows the error.
        Err(_) => next.run(request).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(pool: Pool) -> PrivatePages {
        PrivatePages::new(
            ["/", "/logga-in", "/resultat", "/omgangar/{round}", "/omgangar/{round}/enheter/{unit}", "/{*any}"],
            pool,
        )
    }

    #[tokio::test]
    async fn the_app_pages_are_private_and_sign_in_and_unknown_addresses_are_not() {
        let pool = app::db::Pool::Sqlite(sqlx::SqlitePool::connect_lazy("sqlite::memory:").expect("a lazy pool"));
        let pages = pages(pool);
        for private in ["/", "/resultat", "/omgangar/2", "/omgangar/2/enheter/5", "/omgangar/2/"] {
            assert!(pages.holds(private), "{private}");
        }
        for public in ["/logga-in", "/finns-inte", "/omgangar/2/enheter", "/pkg/mognad.js", "/api/login"] {
            assert!(!pages.holds(public), "{public}");
        }
    }

    #[test]
    fn the_whole_address_goes_into_next() {
        assert_eq!(sign_in_target("/resultat?omgang=1&nod=625"), "/logga-in?next=/resultat%3Fomgang%3D1%26nod%3D625");
    }
}
