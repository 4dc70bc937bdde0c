//! Rights through the real router: a unit manager can neither read nor write another
//! unit's assessment through any endpoint; a head sees only their subtree.

use crate::common;

use crate::common::http::{TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, MANAGER_C_EMAIL, QUALITY_EMAIL};
use axum::http::StatusCode;

async fn assessment_rows(app: &TestApp) -> i64 {
    app::db::sql::query_scalar("SELECT count(*) FROM assessment").fetch_one(&app.fixture.pool).await.unwrap()
}

#[test]
fn a_unit_manager_cannot_read_or_write_another_units_assessment() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let (own, sibling, elsewhere) = (app.fixture.unit_a, app.fixture.unit_b, app.fixture.unit_c);

        assert_eq!(app.get_assessment(&cookie, own).await.status, StatusCode::OK);
        for other in [sibling, elsewhere] {
            let read = app.get_assessment(&cookie, other).await;
            assert_eq!(read.status, StatusCode::FORBIDDEN, "{}", read.body);
            let key = app.fixture.statement_keys()[0].clone();
            let field = format!("form[rating][{key}]");
            let write = app.save(&cookie, other, 0, "save", &[(&field, "3")]).await;
            assert_eq!(write.status, StatusCode::FORBIDDEN);
            let submit = app.save(&cookie, other, 0, "submit", &[]).await;
            assert_eq!(submit.status, StatusCode::FORBIDDEN);

            // The page says so in Swedish, with the status code.
            let path = format!("/omgangar/{}/enheter/{other}", app.fixture.round);
            let page = app.send(TestApp::get(&path, Some(&cookie))).await;
            assert_eq!(page.status, StatusCode::FORBIDDEN);
            assert!(page.body.contains("Du har inte behörighet"), "{}", page.body);
        }
        assert_eq!(assessment_rows(&app).await, 0, "nothing was written");

        // Round progress is for heads and the quality department only.
        let progress = app
            .send(TestApp::post(
                "/api/round_progress",
                form(&[("round_id", &app.fixture.round.to_string())]),
                Some(&cookie),
            ))
            .await;
        assert_eq!(progress.status, StatusCode::FORBIDDEN);
    })
}

#[test]
fn unknown_rounds_and_units_are_not_found() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(QUALITY_EMAIL).await;
        let body = form(&[("round_id", "999"), ("unit_id", &app.fixture.unit_a.to_string())]);
        assert_eq!(app.send(TestApp::post("/api/assessment", body, Some(&cookie))).await.status, StatusCode::NOT_FOUND);
        // A node that is not a unit (an administration) has no assessment.
        assert_eq!(app.get_assessment(&cookie, app.fixture.jarva).await.status, StatusCode::NOT_FOUND);
        let page = app.send(TestApp::get("/omgangar/999/enheter/1", Some(&cookie))).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
    })
}

#[test]
fn without_a_session_every_endpoint_answers_unauthenticated() {
    common::run(async {
        let app = TestApp::new().await;
        let body = form(&[("round_id", &app.fixture.round.to_string()), ("unit_id", &app.fixture.unit_a.to_string())]);
        for path in ["/api/assessment", "/api/round_progress", "/api/overview"] {
            let reply = app.send(TestApp::post(path, body.clone(), None)).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{path}");
        }
        let page = app.send(TestApp::get(&format!("/omgangar/{}", app.fixture.round), None)).await;
        assert!(page.status.is_redirection(), "{}", page.status);
        assert!(page.location().is_some_and(|location| location.starts_with("/logga-in?next=")));
    })
}

#[test]
fn a_head_follows_their_subtree_and_the_quality_department_everything() {
    common::run(async {
        let app = TestApp::new().await;
        let round = app.fixture.round.to_string();
        let progress = |cookie: String| {
            let body = form(&[("round_id", &round)]);
            let app = &app;
            async move { app.send(TestApp::post("/api/round_progress", body, Some(&cookie))).await }
        };

        let head = progress(app.login(HEAD_EMAIL).await).await;
        assert_eq!(head.status, StatusCode::OK);
        assert!(head.body.contains("Förskolan A") && head.body.contains("Förskolan B"));
        assert!(!head.body.contains("Hemtjänst C"), "another administration's unit leaked: {}", head.body);

        let quality = progress(app.login(QUALITY_EMAIL).await).await;
        assert!(quality.body.contains("Hemtjänst C") && quality.body.contains("Förskolan A"));

        // A head reads a submitted assessment in the subtree, not one outside it.
        let head_cookie = app.login(HEAD_EMAIL).await;
        assert_eq!(app.get_assessment(&head_cookie, app.fixture.unit_a).await.status, StatusCode::OK);
        assert_eq!(app.get_assessment(&head_cookie, app.fixture.unit_c).await.status, StatusCode::FORBIDDEN);
        // and cannot write in it.
        let write = app.save(&head_cookie, app.fixture.unit_a, 0, "save", &[]).await;
        assert_eq!(write.status, StatusCode::FORBIDDEN);

        // Unit manager C sees only C.
        let manager_c = app.login(MANAGER_C_EMAIL).await;
        assert_eq!(app.get_assessment(&manager_c, app.fixture.unit_c).await.status, StatusCode::OK);
        assert_eq!(app.get_assessment(&manager_c, app.fixture.unit_a).await.status, StatusCode::FORBIDDEN);
    })
}
