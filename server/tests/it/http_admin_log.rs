//! The admin log through the real router: the quality department reads it newest first,
//! filtered and paged, and downloads it as a CSV file for Swedish Excel; nobody else does.

use crate::common;

use crate::common::http::{TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, QUALITY_EMAIL};
use app::db::admin_log::{AdminEntry, append};
use app::db::audit::ChangeContext;
use app::db::clock;
use app::domain::admin_action::AdminAction;
use app::domain::ids::RoundId;
use axum::http::{StatusCode, header};
use chrono::{Duration, Utc};

fn day(offset: i64) -> String {
    (clock::today() + Duration::days(offset)).to_string()
}

/// Creates a draft round over the city as the quality department.
async fn create(app: &TestApp, cookie: &str, name: &str) -> RoundId {
    let body = form(&[
        ("namn", name),
        ("ramverk", &app.fixture.framework.version_id.to_string()),
        ("nod", &app.fixture.city.to_string()),
        ("oppnar", &day(0)),
        ("stanger", &day(30)),
    ]);
    let reply = app.send(TestApp::post("/api/create_round", body, Some(cookie))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    RoundId(serde_json::from_str(&reply.body).unwrap())
}

async fn open(app: &TestApp, cookie: &str, round: RoundId) {
    let body = form(&[("omgang", &round.to_string()), ("steg", "oppna")]);
    let reply = app.send(TestApp::post("/api/move_round", body, Some(cookie))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

async fn read_log(app: &TestApp, cookie: &str, filter: &[(&str, &str)]) -> serde_json::Value {
    let pairs: Vec<(String, &str)> = filter.iter().map(|(key, value)| (format!("query[{key}]"), *value)).collect();
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(key, value)| (key.as_str(), *value)).collect();
    let reply = app.send(TestApp::post("/api/admin_log", form(&pairs), Some(cookie))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn actions(log: &serde_json::Value) -> Vec<String> {
    log["entries"].as_array().unwrap().iter().map(|entry| entry["action_key"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn the_admin_log_lists_every_change_newest_first_filtered_and_paged() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let quality = app.login(QUALITY_EMAIL).await;
        let alfa = create(&app, &quality, "Alfa").await;
        let beta = create(&app, &quality, "Beta").await;
        open(&app, &quality, alfa).await;
        // Another engineer's kind of entry: about a person.
        let mut tx = app::db::pool::begin_write(&fixture.pool).await.unwrap();
        let context = ChangeContext { actor: fixture.quality, request_id: None, at: Utc::now() };
        let entry = AdminEntry {
            person: Some(fixture.manager_a),
            node: Some(fixture.unit_a),
            ..AdminEntry::of(AdminAction::PersonCreated)
        };
        append(&mut tx, &context, &[entry]).await.unwrap();
        tx.commit().await.unwrap();

        let all = read_log(&app, &quality, &[]).await;
        assert_eq!(all["total"], 4);
        assert_eq!(actions(&all), ["person_created", "round_opened", "round_created", "round_created"]);
        assert_eq!(all["entries"][0]["person"], "Enhetschef A");
        assert_eq!(all["entries"][0]["organisation"], "Förskolan A");
        assert_eq!(all["entries"][1]["who"], "Kvalitet");
        assert_eq!(all["entries"][1]["round"][1], "Alfa");

        let count = |log: serde_json::Value| log["total"].as_i64().unwrap();
        assert_eq!(count(read_log(&app, &quality, &[("action", "round_created")]).await), 2);
        assert_eq!(count(read_log(&app, &quality, &[("round", &beta.to_string())]).await), 1);
        assert_eq!(count(read_log(&app, &quality, &[("actor", &fixture.quality.to_string())]).await), 4);
        assert_eq!(count(read_log(&app, &quality, &[("actor", &fixture.manager_a.to_string())]).await), 0);
        assert_eq!(count(read_log(&app, &quality, &[("from", &day(1))]).await), 0);
        assert_eq!(count(read_log(&app, &quality, &[("to", &day(-1))]).await), 0);
        assert_eq!(count(read_log(&app, &quality, &[("from", &day(0)), ("to", &day(0))]).await), 4, "whole days");
        let garbled = read_log(&app, &quality, &[("from", "igår")]).await;
        assert_eq!((garbled["total"].as_i64(), garbled["invalid_from"].as_bool()), (Some(4), Some(true)));

        let page =
            app.send(TestApp::get(&format!("/admin/logg?handelse=round_opened&omgang={alfa}"), Some(&quality))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Omgång öppnad") && page.body.contains("Alfa") && page.body.contains("Kvalitet"));
        assert!(page.body.contains("händelser matchar filtret"), "the count is said");
        assert!(page.body.contains(&format!("href=\"/admin/logg.csv?handelse=round_opened&amp;omgang={alfa}\"")));
        let local_day = clock::local_minute(Utc::now())[..10].to_owned();
        assert!(page.body.contains(&local_day), "Stockholm time");

        // Paged, 50 to a page.
        let mut tx = app::db::pool::begin_write(&fixture.pool).await.unwrap();
        let many: Vec<AdminEntry> = (0..60).map(|_| AdminEntry::of(AdminAction::ReminderSent)).collect();
        append(&mut tx, &context, &many).await.unwrap();
        tx.commit().await.unwrap();
        let second = read_log(&app, &quality, &[("page", "2")]).await;
        assert_eq!((second["page"].as_i64(), second["page_count"].as_i64()), (Some(2), Some(2)));
        assert_eq!(second["entries"].as_array().unwrap().len(), 14);
        let page = app.send(TestApp::get("/admin/logg", Some(&quality))).await;
        assert!(page.body.contains("href=\"/admin/logg?sida=2\""), "a link to the next page");
    })
}

#[test]
fn the_admin_log_downloads_as_csv_for_swedish_excel_for_the_quality_department_only() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let hostile = create(&app, &quality, "=HYPERLINK(\"x\")").await;
        open(&app, &quality, hostile).await;

        let reply = app.send(TestApp::get("/admin/logg.csv", Some(&quality))).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
        let disposition = reply.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
        assert!(disposition.starts_with("attachment; filename=\"mognad-administrationslogg-"), "{disposition}");
        assert_eq!(reply.headers[header::CACHE_CONTROL], "no-store");
        assert!(reply.body.starts_with('\u{feff}'), "a byte-order mark for Excel");
        let lines: Vec<&str> =
            reply.body.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "Tid;Vem;Händelse;Omgång;Person;Organisation;Detaljer;Skäl;Förfrågans id");
        assert_eq!(lines.len(), 3, "a header and two entries: {lines:?}");
        assert!(lines[1].contains(";Omgång öppnad;") && lines[2].contains(";Omgång skapad;"), "newest first");
        assert!(lines[1].contains("\"'=HYPERLINK(\"\"x\"\")\""), "a formula is text: {}", lines[1]);
        assert!(!reply.body.contains(";=HYPERLINK"), "never a formula");

        let filtered = app.send(TestApp::get("/admin/logg.csv?handelse=round_created", Some(&quality))).await;
        assert_eq!(filtered.body.matches("\r\n").count(), 2, "the page's filters apply");

        for email in [HEAD_EMAIL, MANAGER_A_EMAIL] {
            let cookie = app.login(email).await;
            let refused = app.send(TestApp::get("/admin/logg.csv", Some(&cookie))).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{email}");
            assert!(!refused.body.contains("HYPERLINK"));
        }
        let signed_out = app.send(TestApp::get("/admin/logg.csv?handelse=round_created", None)).await;
        assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
        assert_eq!(signed_out.location(), Some("/logga-in?next=/admin/logg.csv%3Fhandelse%3Dround_created"));
    })
}
