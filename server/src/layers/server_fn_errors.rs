//! Server functions answer every error with status 500 and the error in the body. This
//! layer gives each error its real status (401, 403, 404, 409, 422, 429, 400, 500), and sends a
//! plain form post (JavaScript off) back to its page with `?fel=<code>` so the page can
//! say what happened, in Swedish. The page is the one the form was sent from, or the one the
//! server function named (`app::api::context::plain_form_returns_to`: the form's page with
//! what was typed in its address).

use app::api::context::FORM_PAGE_HEADER;
use app::api::error::AppError;
use app::routes::{HOME, Notice, sign_in_path, with_notice, without_notices};
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The header server functions put on error responses.
const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";
/// Error bodies are small; anything bigger is not ours to parse.
const MAX_ERROR_BODY: usize = 64 * 1024;

fn accepts_html(headers: &HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|value| value.to_str().ok()).is_some_and(|accept| accept.contains("text/html"))
}

/// The path and query of a Referer URL, without any earlier notices.
pub fn referer_path(referer: &str) -> Option<String> {
    let after_scheme = referer.split_once("://").map_or(referer, |(_, rest)| rest);
    Some(without_notices(&after_scheme[after_scheme.find('/')?..]))
}

/// Where a plain form post that failed with `error` should land: back to `form_page` if the
/// server function named one (a local path), else to the page it came from.
pub fn plain_form_target(error: &AppError, referer: Option<&str>, form_page: Option<&str>) -> String {
    let named = form_page.filter(|page| page.starts_with('/') && !page.starts_with("//")).map(without_notices);
    let back = named.or_else(|| referer.and_then(referer_path)).unwrap_or_else(|| HOME.to_owned());
    if *error == AppError::Unauthenticated {
        return sign_in_path(&back);
    }
    let wait_seconds = match error {
        AppError::TooManyAttempts { retry_after_seconds } => Some(*retry_after_seconds),
        _ => None,
    };
    with_notice(&back, &Notice::Failed { code: error.code().to_owned(), wait_seconds })
}

pub async fn map(request: Request, next: Next) -> Response {
    let plain_form = accepts_html(request.headers());
    let referer = request.headers().get(header::REFERER).and_then(|value| value.to_str().ok()).map(str::to_owned);
    let response = next.run(request).await;
    if !response.headers().contains_key(SERVER_FN_ERROR_HEADER) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = to_bytes(body, MAX_ERROR_BODY).await.unwrap_or_default();
    let error: AppError = serde_json::from_slice(&bytes).unwrap_or(AppError::Internal);
    let form_page = parts.headers.remove(FORM_PAGE_HEADER).and_then(|value| value.to_str().ok().map(str::to_owned));

    if plain_form {
        let target = plain_form_target(&error, referer.as_deref(), form_page.as_deref());
        let mut redirect = StatusCode::SEE_OTHER.into_response();
        if let Ok(location) = HeaderValue::from_str(&target) {
            redirect.headers_mut().insert(header::LOCATION, location);
        }
        return redirect;
    }
    parts.status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    parts.headers.remove(header::LOCATION);
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_referer_path_keeps_filters_and_drops_old_markers() {
        assert_eq!(
            referer_path("http://127.0.0.1:3000/omgangar/2/enheter/5?fel=konflikt&x=1#saknas").as_deref(),
            Some("/omgangar/2/enheter/5?x=1")
        );
        assert_eq!(referer_path("http://host").as_deref(), None);
    }

    #[test]
    fn a_failed_plain_form_goes_back_with_the_error_code() {
        assert_eq!(
            plain_form_target(&AppError::Forbidden, Some("http://h/omgangar/2/enheter/5?sparad=1"), None),
            "/omgangar/2/enheter/5?fel=behorighet"
        );
        assert_eq!(
            plain_form_target(&AppError::InvalidCredentials, Some("http://h/logga-in?next=%2F"), None),
            "/logga-in?next=%2F&fel=felaktig-inloggning"
        );
        assert_eq!(
            plain_form_target(
                &AppError::TooManyAttempts { retry_after_seconds: 120 },
                Some("http://h/logga-in?next=%2F&fel=for-manga-forsok&vanta=5"),
                None
            ),
            "/logga-in?next=%2F&fel=for-manga-forsok&vanta=120"
        );
    }

    #[test]
    fn an_expired_session_goes_to_sign_in_and_back() {
        assert_eq!(
            plain_form_target(&AppError::Unauthenticated, Some("http://h/omgangar/2/enheter/5"), None),
            "/logga-in?next=/omgangar/2/enheter/5"
        );
    }

    #[test]
    fn a_refused_form_goes_back_to_the_page_its_function_named_with_what_was_typed() {
        let invalid = AppError::Invalid { fields: Vec::new(), saved_version: None };
        assert_eq!(
            plain_form_target(
                &invalid,
                Some("http://h/admin/omgangar/ny"),
                Some("/admin/omgangar/ny?namn=X&fel=gammal")
            ),
            "/admin/omgangar/ny?namn=X&fel=ogiltig"
        );
        assert_eq!(
            plain_form_target(&invalid, Some("http://h/admin/omgangar/ny"), Some("https://evil.example/")),
            "/admin/omgangar/ny?fel=ogiltig",
            "only a local page"
        );
        assert_eq!(
            plain_form_target(&AppError::Unauthenticated, None, Some("/admin/omgangar/ny?namn=X")),
            "/logga-in?next=/admin/omgangar/ny%3Fnamn%3DX"
        );
    }
}
