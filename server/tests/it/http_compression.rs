//! Pages come compressed as the browser asks: zstd where it is offered (Chromium, Firefox),
//! gzip where it is not (Safari), as they are when nothing is offered; never brotli on the
//! fly (the precompressed assets are brotli).

use crate::common;
use crate::common::QUALITY_EMAIL;
use crate::common::http::TestApp;
use axum::http::header::{ACCEPT_ENCODING, CONTENT_ENCODING, HeaderValue};
use axum::http::{HeaderMap, StatusCode};

fn encoding(headers: &HeaderMap) -> Option<&str> {
    headers.get(CONTENT_ENCODING).and_then(|value| value.to_str().ok())
}

/// What a page holds whatever its nonce: its length and how it begins and ends.
fn outline(page: &[u8]) -> (usize, bool, bool) {
    (page.len(), page.starts_with(b"<!DOCTYPE html>"), page.ends_with(b"</html>"))
}

#[test]
fn a_page_comes_compressed_as_the_browser_asks() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(QUALITY_EMAIL).await;
        let ask = |encodings: Option<&'static str>| {
            let mut request = TestApp::get("/resultat", Some(&cookie));
            if let Some(encodings) = encodings {
                request.headers_mut().insert(ACCEPT_ENCODING, HeaderValue::from_static(encodings));
            }
            request
        };

        let (status, headers, plain) = app.send_raw(ask(None)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(encoding(&headers), None, "nothing offered, nothing compressed");
        assert_eq!(outline(&plain), (plain.len(), true, true));

        let (status, headers, zstd) = app.send_raw(ask(Some("gzip, deflate, br, zstd"))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(encoding(&headers), Some("zstd"), "Chromium's offer is answered with zstd");
        let page = zstd::stream::decode_all(&zstd[..]).expect("a zstd stream");
        assert_eq!(outline(&page), outline(&plain));
        assert!(zstd.len() * 2 < plain.len(), "compressed: {} of {} bytes", zstd.len(), plain.len());

        let (status, headers, gzip) = app.send_raw(ask(Some("gzip, deflate, br"))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(encoding(&headers), Some("gzip"), "Safari's offer is answered with gzip");
        let mut page = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gzip[..]), &mut page).expect("a gzip stream");
        assert_eq!(outline(&page), outline(&plain));
        assert!(gzip.len() * 2 < plain.len(), "compressed: {} of {} bytes", gzip.len(), plain.len());

        let (status, headers, only_brotli) = app.send_raw(ask(Some("br"))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(encoding(&headers), None, "a page is not compressed with brotli on the fly");
        assert_eq!(outline(&only_brotli), outline(&plain));
    });
}
