//! Only the quality department changes the organisation or imports it: every server function
//! and the upload refuse others, anonymous callers, and posts from another site.

use crate::common;
use crate::common::http::{TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL};
use crate::org_support::{change, count, history, upload_request};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

#[test]
fn heads_unit_managers_and_anonymous_callers_may_not_change_or_import_the_organisation() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let before = history(&app).await;
        let node = f.unit_a.to_string();
        let rename = [
            ("kind", "byt-namn"),
            ("node", node.as_str()),
            ("name", "Ny"),
            ("effective", "2024-01-01"),
            ("reason", "Test"),
        ];
        let functions: [(&str, Vec<(&str, &str)>); 4] = [
            ("org_change_page", vec![("review", "true")]),
            ("org_import_form", vec![]),
            ("org_import_review", vec![("token", "abc")]),
            ("apply_org_import", vec![("token", "abc")]),
        ];
        let head = app.login(HEAD_EMAIL).await;
        let manager = app.login(MANAGER_A_EMAIL).await;
        for (cookie, status) in [
            (Some(head.as_str()), StatusCode::FORBIDDEN),
            (Some(manager.as_str()), StatusCode::FORBIDDEN),
            (None, StatusCode::UNAUTHORIZED),
        ] {
            assert_eq!(change(&app, cookie, &rename).await.status, status, "apply_org_change {cookie:?}");
            for (function, pairs) in &functions {
                let reply = app.send(TestApp::post(&format!("/api/{function}"), form(pairs), cookie)).await;
                assert_eq!(reply.status, status, "{function} {cookie:?}: {}", reply.body);
            }
            let kept = count(&app, "pending_save").await;
            let reply = app.send(upload_request("hr.csv", b"X;Bolaget;;bolag;2023-01-01", "2023-01-01", cookie)).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER);
            let location = reply.location().unwrap_or_default();
            if cookie.is_some() {
                assert!(location.starts_with("/admin/organisation/import?fel="), "{location}");
            } else {
                assert!(location.starts_with("/logga-in"), "{location}");
            }
            assert_eq!(count(&app, "pending_save").await, kept, "nothing kept");
        }
        for page in ["/admin/organisation/andring", "/admin/organisation/import"] {
            let reply = app.send(TestApp::get(page, Some(&head))).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{page}");
            assert!(!reply.body.contains("Granska"), "{page}");
        }
        assert_eq!(history(&app).await, before, "nothing changed");
    })
}

#[test]
fn a_post_from_another_site_is_refused() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(crate::common::QUALITY_EMAIL).await;
        let before = history(&app).await;
        let node = app.fixture.unit_a.to_string();
        let body = form(&[
            ("change[kind]", "byt-namn"),
            ("change[node]", &node),
            ("change[name]", "Ny"),
            ("change[effective]", "2024-01-01"),
            ("change[reason]", "Test"),
        ]);
        let cross_site = Request::post("/api/apply_org_change")
            .header(header::HOST, crate::common::http::HOST)
            .header(header::ORIGIN, "https://evil.example")
            .header(header::COOKIE, &quality)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        assert_eq!(app.send(cross_site).await.status, StatusCode::FORBIDDEN);
        let mut upload = upload_request("hr.csv", b"X;Bolaget;;bolag;2023-01-01", "2023-01-01", Some(&quality));
        upload.headers_mut().insert(header::ORIGIN, "https://evil.example".parse().unwrap());
        upload.headers_mut().insert("sec-fetch-site", "cross-site".parse().unwrap());
        assert_eq!(app.send(upload).await.status, StatusCode::FORBIDDEN);
        assert_eq!(history(&app).await, before);
    })
}
