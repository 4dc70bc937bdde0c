//! Keeps a page one valid document: Leptos writes the data its islands resume from (inline
//! `<script>`s) after the shell's closing `</body></html>`, which the HTML validator flags
//! and browsers only tolerate by moving them into the body. Every page is rendered whole
//! (`SsrMode::Async`), so the finished page is taken and what follows its closing tags is
//! put before them. Other responses pass untouched.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The end of the shell's document (`app::app::shell`).
const DOCUMENT_END: &[u8] = b"</body></html>";

/// A page is never near this big (the largest, a unit's form, is about 200 kB).
const LARGEST_PAGE: usize = 16 * 1024 * 1024;

/// Moves anything after the document's closing tags before them.
pub async fn close_last(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|kind| kind.starts_with("text/html"));
    if !is_page {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(page) = axum::body::to_bytes(body, LARGEST_PAGE).await else {
        tracing::error!("a page could not be read to its end");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(with_end_last(page)))
}

/// `page` with whatever follows its last `</body></html>` moved before it.
fn with_end_last(page: Bytes) -> Bytes {
    let Some(at) = page.windows(DOCUMENT_END.len()).rposition(|window| window == DOCUMENT_END) else {
        return page;
    };
    let trailing = &page[at + DOCUMENT_END.len()..];
    if trailing.is_empty() {
        return page;
    }
    let mut moved = Vec::with_capacity(page.len());
    moved.extend_from_slice(&page[..at]);
    moved.extend_from_slice(trailing);
    moved.extend_from_slice(DOCUMENT_END);
    moved.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_after_the_document_are_put_inside_its_body() {
        let page = Bytes::from_static(b"<html><body><p>x</p></body></html><script>a</script><script>b</script>");
        assert_eq!(
            with_end_last(page),
            Bytes::from_static(b"<html><body><p>x</p><script>a</script><script>b</script></body></html>")
        );
    }

    #[test]
    fn a_document_that_ends_properly_or_has_no_end_is_left_alone() {
        let whole = Bytes::from_static(b"<html><body><p>x</p></body></html>");
        assert_eq!(with_end_last(whole.clone()), whole);
        let fragment = Bytes::from_static(b"<p>no document here</p>");
        assert_eq!(with_end_last(fragment.clone()), fragment);
    }
}
