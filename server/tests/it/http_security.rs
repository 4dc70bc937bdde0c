//! The security baseline through the real router: same-origin check, session cookie,
//! sign-in and sign-out, security headers, generic errors.

use crate::common;

use crate::common::http::{HOST, TestApp, form};
use crate::common::{MANAGER_A_EMAIL, PASSWORD, QUALITY_EMAIL};
use app::routes::assessment_path;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

#[test]
fn a_cross_origin_post_is_refused_before_it_does_anything() {
    common::run(async {
        let app = TestApp::new().await;
        let body = form(&[("email", MANAGER_A_EMAIL), ("password", PASSWORD)]);
        let cross_site = Request::post("/api/login")
            .header(header::HOST, HOST)
            .header(header::ORIGIN, "https://evil.example")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.clone()))
            .unwrap();
        let reply = app.send(cross_site).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        assert!(reply.session_cookie().is_none());

        let fetch_metadata = Request::post("/api/login")
            .header(header::HOST, HOST)
            .header("sec-fetch-site", "cross-site")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.clone()))
            .unwrap();
        assert_eq!(app.send(fetch_metadata).await.status, StatusCode::FORBIDDEN);

        let no_origin = Request::post("/api/login")
            .header(header::HOST, HOST)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        assert_eq!(app.send(no_origin).await.status, StatusCode::FORBIDDEN);
    })
}

#[test]
fn signing_in_sets_a_safe_cookie_rotates_the_session_and_signing_out_ends_it() {
    common::run(async {
        let app = TestApp::new().await;
        let wrong =
            app.send(TestApp::post("/api/login", form(&[("email", MANAGER_A_EMAIL), ("password", "fel")]), None)).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        let unknown = app
            .send(TestApp::post("/api/login", form(&[("email", "ingen@test.example"), ("password", "fel")]), None))
            .await;
        assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
        assert_eq!(wrong.body, unknown.body, "a wrong address and a wrong password look the same");

        let reply = app
            .send(TestApp::post("/api/login", form(&[("email", MANAGER_A_EMAIL), ("password", PASSWORD)]), None))
            .await;
        let set_cookie =
            reply.headers.get(header::SET_COOKIE).and_then(|value| value.to_str().ok()).unwrap().to_owned();
        assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
        assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
        let first = reply.session_cookie().unwrap();

        // Signing in again with the session replaces its id (no session fixation).
        let again = app
            .send(TestApp::post(
                "/api/login",
                form(&[("email", MANAGER_A_EMAIL), ("password", PASSWORD)]),
                Some(&first),
            ))
            .await;
        let second = again.session_cookie().unwrap();
        assert_ne!(first, second);
        let old = app.send(TestApp::post("/api/overview", String::new(), Some(&first))).await;
        assert_eq!(old.status, StatusCode::UNAUTHORIZED, "the replaced session id is dead");

        assert_eq!(app.send(TestApp::post("/api/overview", String::new(), Some(&second))).await.status, StatusCode::OK);
        app.send(TestApp::post("/api/logout", String::new(), Some(&second))).await;
        let after = app.send(TestApp::post("/api/overview", String::new(), Some(&second))).await;
        assert_eq!(after.status, StatusCode::UNAUTHORIZED);
    })
}

#[test]
fn pages_carry_security_headers_and_a_nonce_matching_their_scripts() {
    common::run(async {
        let app = TestApp::new().await;
        let page = app.send(TestApp::get("/logga-in", None)).await;
        assert_eq!(page.status, StatusCode::OK);
        let header =
            |name: &str| page.headers.get(name).and_then(|value| value.to_str().ok()).unwrap_or_default().to_owned();
        let policy = header("content-security-policy");
        assert!(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"), "{policy}");
        let nonce =
            policy.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce in the policy");
        assert!(page.body.contains(&format!("nonce=\"{nonce}\"")), "the page's scripts carry the policy's nonce");
        // Nothing is preloaded (a page loads its script only if it has islands), so no
        // `crossorigin` carries the nonce, which is invalid HTML.
        assert!(!page.body.contains("crossorigin"), "no preloads");
        assert_eq!(header("x-content-type-options"), "nosniff");
        assert_eq!(header("x-frame-options"), "DENY");
        assert_eq!(header("referrer-policy"), "same-origin");
        assert!(!header("x-request-id").is_empty());

        // Another page, another nonce.
        let other = app.send(TestApp::get("/logga-in", None)).await;
        let other_policy = other.headers.get("content-security-policy").unwrap().to_str().unwrap();
        assert_ne!(policy, other_policy);
    })
}

#[test]
fn an_unknown_page_is_a_swedish_404() {
    common::run(async {
        let app = TestApp::new().await;
        let page = app.send(TestApp::get("/finns-inte", None)).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert!(page.body.contains("Sidan finns inte"));
        assert!(page.body.contains("lang=\"sv\""));
    })
}

#[test]
fn pages_render_correctly_under_concurrent_requests() {
    common::run(async {
        let app = std::sync::Arc::new(TestApp::new().await);
        let mut requests = tokio::task::JoinSet::new();
        for index in 0..96 {
            let app = app.clone();
            requests.spawn(async move {
                let (path, expected) =
                    if index % 2 == 0 { ("/finns-inte", StatusCode::NOT_FOUND) } else { ("/logga-in", StatusCode::OK) };
                let reply = app.send(TestApp::get(path, None)).await;
                (path, expected, reply.status, reply.body.contains("</html>"))
            });
        }
        while let Some(result) = requests.join_next().await {
            let (path, expected, status, complete) = result.expect("request task");
            assert_eq!(status, expected, "{path}");
            assert!(complete, "{path} was cut short");
        }
    })
}

#[test]
fn a_page_is_one_document_with_its_scripts_inside_the_body() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(QUALITY_EMAIL).await;
        let form = assessment_path(app.fixture.round, app.fixture.unit_a);
        for (path, cookie) in
            [("/logga-in", None), ("/resultat", Some(cookie.as_str())), (form.as_str(), Some(cookie.as_str()))]
        {
            let page = app.send(TestApp::get(path, cookie)).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            assert!(page.body.ends_with("</body></html>"), "{path} ends with the document");
            assert_eq!(page.body.matches("</html>").count(), 1, "{path}");
            // Leptos' own data scripts are still there, inside the body.
            let body = &page.body[page.body.find("<body>").expect("a body")..];
            assert!(body.contains("__RESOLVED_RESOURCES"), "{path}");
        }
    })
}
