//! Reopening a submitted assessment, and reading its history: quality department only,
//! with a reason, all in the audit log.

use crate::common;

use crate::common::http::{TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, QUALITY_EMAIL};
use axum::http::StatusCode;

/// Every statement rated 3 with a motivation.
fn complete(app: &TestApp) -> Vec<(String, String)> {
    app.fixture
        .statement_keys()
        .into_iter()
        .flat_map(|key| {
            [
                (format!("form[rating][{key}]"), "3".to_owned()),
                (format!("form[motivation][{key}]"), "Belägg".to_owned()),
            ]
        })
        .collect()
}

async fn submit(app: &TestApp, cookie: &str, base_version: i64) -> common::http::Reply {
    let owned = complete(app);
    let fields: Vec<(&str, &str)> = owned.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
    app.save(cookie, app.fixture.unit_a, base_version, "submit", &fields).await
}

fn reopen_body(app: &TestApp, reason: &str) -> String {
    form(&[
        ("round_id", &app.fixture.round.to_string()),
        ("unit_id", &app.fixture.unit_a.to_string()),
        ("reason", reason),
    ])
}

#[test]
fn a_double_submit_submits_once() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        assert_eq!(submit(&app, &cookie, 0).await.status, StatusCode::OK);
        assert_eq!(submit(&app, &cookie, 0).await.status, StatusCode::OK, "a repeated submit is not an error");
        let submitted: i64 = app::db::sql::query_scalar("SELECT count(*) FROM audit_event WHERE action = 'submitted'")
            .fetch_one(&app.fixture.pool)
            .await
            .unwrap();
        assert_eq!(submitted, 1);
    })
}

#[test]
fn only_the_quality_department_reopens_and_only_with_a_reason() {
    common::run(async {
        let app = TestApp::new().await;
        let manager = app.login(MANAGER_A_EMAIL).await;
        assert_eq!(submit(&app, &manager, 0).await.status, StatusCode::OK);

        for cookie in [&manager, &app.login(HEAD_EMAIL).await] {
            let reply = app.send(TestApp::post("/api/reopen_assessment", reopen_body(&app, "Fel"), Some(cookie))).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN);
        }
        let quality = app.login(QUALITY_EMAIL).await;
        let blank = app.send(TestApp::post("/api/reopen_assessment", reopen_body(&app, "  "), Some(&quality))).await;
        assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);

        let reason = "Enheten har bett om att få komplettera belägg i dimension 3.";
        let reopened =
            app.send(TestApp::post("/api/reopen_assessment", reopen_body(&app, reason), Some(&quality))).await;
        assert_eq!(reopened.status, StatusCode::OK, "{}", reopened.body);
        let again = app.send(TestApp::post("/api/reopen_assessment", reopen_body(&app, reason), Some(&quality))).await;
        assert_eq!(again.status, StatusCode::CONFLICT, "a draft cannot be reopened");

        let stored: (String, Option<String>) =
            app::db::sql::query_as("SELECT action, reason FROM audit_event ORDER BY id DESC LIMIT 1")
                .fetch_one(&app.fixture.pool)
                .await
                .unwrap();
        assert_eq!(stored, ("reopened".to_owned(), Some(reason.to_owned())));

        // The unit can change it again.
        let key = app.fixture.statement_keys()[0].clone();
        let version: i64 = serde_json::from_str(&reopened.body).unwrap();
        let edit =
            app.save(&manager, app.fixture.unit_a, version, "save", &[(&format!("form[rating][{key}]"), "5")]).await;
        assert_eq!(edit.status, StatusCode::OK, "{}", edit.body);
    })
}

#[test]
fn the_history_is_for_the_quality_department_and_lists_every_change() {
    common::run(async {
        let app = TestApp::new().await;
        let manager = app.login(MANAGER_A_EMAIL).await;
        let key = app.fixture.statement_keys()[0].clone();
        app.save(&manager, app.fixture.unit_a, 0, "save", &[(&format!("form[motivation][{key}]"), "<i>Första</i>")])
            .await;
        app.save(&manager, app.fixture.unit_a, 1, "save", &[(&format!("form[motivation][{key}]"), "Andra")]).await;

        let body = form(&[("round_id", &app.fixture.round.to_string()), ("unit_id", &app.fixture.unit_a.to_string())]);
        let denied = app.send(TestApp::post("/api/assessment_history", body.clone(), Some(&manager))).await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN);

        let quality = app.login(QUALITY_EMAIL).await;
        let history = app.send(TestApp::post("/api/assessment_history", body, Some(&quality))).await;
        assert_eq!(history.status, StatusCode::OK);
        let history: serde_json::Value = serde_json::from_str(&history.body).unwrap();
        let entries = history["entries"].as_array().unwrap();
        assert_eq!(entries.len(), 3, "created, and two changes");
        assert_eq!(entries[2]["old_value"], "<i>Första</i>");
        assert_eq!(entries[2]["new_value"], "Andra");
        assert_eq!(entries[2]["who"], "Enhetschef A");

        let path = format!("/omgangar/{}/enheter/{}/historik", app.fixture.round, app.fixture.unit_a);
        let page = app.send(TestApp::get(&path, Some(&quality))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("&lt;i&gt;Första&lt;/i&gt;") || page.body.contains("&lt;i>Första&lt;/i>"));
        assert!(!page.body.contains("<i>Första"));
        assert_eq!(app.send(TestApp::get(&path, Some(&manager))).await.status, StatusCode::FORBIDDEN);
    })
}
