//! Who has not started, through the real router: the managers of the units that have not
//! submitted on the progress page and in its address list, for those who follow the round
//! (heads their subtree only), and the same list as a CSV file for Swedish Excel with
//! hostile names defused, with the page's rights.

use crate::common;
use crate::common::http::{Reply, TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, MANAGER_C_EMAIL, QUALITY_EMAIL};
use app::db;
use app::domain::org::OrgKind;
use app::domain::raw_answers::Intent;
use app::domain::rights::Role;
use axum::http::{StatusCode, header};
use serde_json::Value;

async fn progress(app: &TestApp, cookie: Option<&str>, filter: &[(&str, &str)]) -> Reply {
    let round = app.fixture.round.to_string();
    let mut pairs = vec![("round_id", round.as_str())];
    pairs.extend_from_slice(filter);
    app.send(TestApp::post("/api/round_progress", form(&pairs), cookie)).await
}

fn units(reply: &Reply) -> Vec<Value> {
    let progress: Value = serde_json::from_str(&reply.body).unwrap_or_else(|_| panic!("{}", reply.body));
    progress["units"].as_array().unwrap().clone()
}

fn unit<'a>(units: &'a [Value], name: &str) -> &'a Value {
    units.iter().find(|unit| unit["name"] == name).unwrap_or_else(|| panic!("{name} not listed"))
}

async fn csv(app: &TestApp, cookie: Option<&str>, query: &str) -> Reply {
    let path = format!("/omgangar/{}/enheter.csv{query}", app.fixture.round);
    app.send(TestApp::get(&path, cookie)).await
}

#[test]
fn the_units_not_submitted_are_listed_with_their_managers_and_an_address_list() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(QUALITY_EMAIL).await;
        let reply = progress(&app, Some(&cookie), &[]).await;
        let listed = units(&reply);
        let manager_a = &unit(&listed, "Förskolan A")["managers"][0];
        assert_eq!(
            (manager_a["name"].as_str(), manager_a["email"].as_str()),
            (Some("Enhetschef A"), Some(MANAGER_A_EMAIL))
        );
        assert_eq!(unit(&listed, "Förskolan B")["managers"], serde_json::json!([]), "unit B has no manager");
        let addresses: Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(addresses["addresses"], format!("{MANAGER_A_EMAIL}; {MANAGER_C_EMAIL}"));
        assert_eq!(addresses["may_remind"], true);

        // A submitted unit needs no reminder: its managers are neither listed nor addressed.
        let fixture = &app.fixture;
        fixture.store(fixture.round, fixture.unit_a, &fixture.answers_at(3, "Belägg"), Intent::Submit).await;
        let reply = progress(&app, Some(&cookie), &[]).await;
        assert_eq!(unit(&units(&reply), "Förskolan A")["managers"], serde_json::json!([]));
        let after: Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(after["addresses"], MANAGER_C_EMAIL);

        // The page: the managers, a unit without one saying so, the address list in a
        // labelled read-only field, the download and the way to remind.
        let page = app.send(TestApp::get(&format!("/omgangar/{}", fixture.round), Some(&cookie))).await;
        assert_eq!(page.status, StatusCode::OK);
        for expected in [
            "Enhetschef C",
            &format!("mailto:{MANAGER_C_EMAIL}"),
            "Ingen enhetschef",
            "<label for=\"address-list\"",
            "readonly",
            &format!("/omgangar/{}/enheter.csv", fixture.round),
            &format!("/omgangar/{}/paminnelse?status=both", fixture.round),
        ] {
            assert!(page.body.contains(expected), "{expected} missing from the page");
        }
        // Filtered: the download and the reminder keep the filter.
        let filtered = format!("/omgangar/{}?status=not_started&forvaltning={}", fixture.round, fixture.sodermalm);
        let page = app.send(TestApp::get(&filtered, Some(&cookie))).await;
        let csv_link =
            format!("/omgangar/{}/enheter.csv?status=not_started&amp;forvaltning={}", fixture.round, fixture.sodermalm);
        assert!(page.body.contains(&csv_link), "{csv_link}");
        let remind_link =
            format!("/omgangar/{}/paminnelse?status=not_started&amp;forvaltning={}", fixture.round, fixture.sodermalm);
        assert!(page.body.contains(&remind_link), "{remind_link}");
    })
}

#[test]
fn a_head_sees_the_managers_of_their_own_units_only() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(HEAD_EMAIL).await;
        let reply = progress(&app, Some(&cookie), &[]).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(reply.body.contains(MANAGER_A_EMAIL));
        assert!(!reply.body.contains(MANAGER_C_EMAIL), "another administration's manager leaked");
        let listed: Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(listed["addresses"], MANAGER_A_EMAIL);
        assert_eq!(listed["may_remind"], false, "heads follow; the quality department reminds");

        // Asking for another administration gives nothing of it.
        let sodermalm = app.fixture.sodermalm.to_string();
        let outside = progress(&app, Some(&cookie), &[("administration", &sodermalm)]).await;
        assert_eq!(units(&outside).len(), 0);
        let file = csv(&app, Some(&cookie), &format!("?forvaltning={sodermalm}")).await;
        assert_eq!(file.status, StatusCode::OK);
        assert!(!file.body.contains("Hemtjänst C") && !file.body.contains(MANAGER_C_EMAIL));
        let own = csv(&app, Some(&cookie), "").await;
        assert!(own.body.contains("Förskolan A") && own.body.contains(MANAGER_A_EMAIL));
        assert!(!own.body.contains("Hemtjänst C") && !own.body.contains(MANAGER_C_EMAIL));
    })
}

#[test]
fn the_units_download_has_the_progress_pages_rights() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        assert_eq!(csv(&app, Some(&quality), "").await.status, StatusCode::OK);
        for email in [MANAGER_A_EMAIL, MANAGER_C_EMAIL] {
            let cookie = app.login(email).await;
            let refused = csv(&app, Some(&cookie), "").await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{email}");
            assert!(!refused.body.contains("Förskolan"), "{email}");
            assert_eq!(progress(&app, Some(&cookie), &[]).await.status, StatusCode::FORBIDDEN, "{email}");
        }
        let signed_out = csv(&app, None, "").await;
        assert_eq!(signed_out.status, StatusCode::UNAUTHORIZED);
        assert_eq!(csv(&app, Some(&quality), "").await.headers.get(header::CACHE_CONTROL).unwrap(), "no-store");
        let unknown = app.send(TestApp::get("/omgangar/999/enheter.csv", Some(&quality))).await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    })
}

#[test]
fn the_units_download_opens_in_swedish_excel_with_hostile_cells_defused() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let hostile =
            fixture.add_node(OrgKind::Unit, "=HYPERLINK(\"http://evil.example\";\"Klicka\")", fixture.preschools).await;
        let mut tx = db::pool::begin_write(&fixture.pool).await.unwrap();
        let manager = db::users::upsert(&mut tx, "-2+3@test.example", "+cmd|' /C calc'!A0", None).await.unwrap();
        db::users::grant(&mut tx, manager, hostile, Role::UnitManager).await.unwrap();
        tx.commit().await.unwrap();

        let cookie = app.login(QUALITY_EMAIL).await;
        let file = csv(&app, Some(&cookie), "?status=not_started").await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.headers.get(header::CONTENT_TYPE).unwrap(), "text/csv; charset=utf-8");
        let disposition = file.headers.get(header::CONTENT_DISPOSITION).unwrap().to_str().unwrap();
        assert_eq!(disposition, format!("attachment; filename=\"enheter-omgang-{}.csv\"", fixture.round));
        assert!(file.body.starts_with('\u{feff}'), "UTF-8 with a byte-order mark");

        let text = file.body.trim_start_matches('\u{feff}');
        let lines: Vec<&str> = text.split("\r\n").filter(|line| !line.is_empty()).collect();
        assert_eq!(
            lines[0],
            "Enhet;Förvaltning eller bolag;Avdelning;Status;Senast sparad;Enhetschef;E-post till enhetschef"
        );
        assert_eq!(lines.len(), 5, "a header and the four units not started: {lines:#?}");
        assert!(lines.contains(&"Förskolan A;Järva stadsdelsförvaltning;Avdelningen för förskola;Ej påbörjad;;Enhetschef A;enhetschef.a@test.example"));
        assert!(lines.contains(&"Förskolan B;Järva stadsdelsförvaltning;Avdelningen för förskola;Ej påbörjad;;;"));
        // Every hostile cell starts with an apostrophe, so Excel shows it as text.
        let row = lines.iter().find(|line| line.contains("HYPERLINK")).expect("the hostile unit");
        assert!(row.starts_with("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Klicka\"\")\";"), "{row}");
        assert!(row.ends_with(";'+cmd|' /C calc'!A0;'-2+3@test.example"), "{row}");

        // Filtered as the page: only submitted units, and they have no managers listed.
        fixture.store(fixture.round, fixture.unit_c, &fixture.answers_at(4, "Belägg"), Intent::Submit).await;
        let submitted = csv(&app, Some(&cookie), "?status=submitted").await;
        let lines: Vec<&str> = submitted.body.split("\r\n").filter(|line| !line.is_empty()).collect();
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert!(
            lines[1].starts_with("Hemtjänst C;Södermalms stadsdelsförvaltning;Avdelningen för äldreomsorg;Inskickad;")
        );
        assert!(lines[1].ends_with(";;"), "a submitted unit's managers are not listed: {}", lines[1]);
    })
}

#[test]
fn the_units_list_is_also_rfc_4180_csv_and_a_workbook_with_the_same_rows_and_rights() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let quality = app.login(QUALITY_EMAIL).await;
        let excel = csv(&app, Some(&quality), "").await;
        let excel: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_reader(excel.body.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|record| record.unwrap().iter().map(str::to_owned).collect())
            .collect();
        let plain = csv(&app, Some(&quality), "?dialekt=rfc4180").await;
        assert!(!plain.body.starts_with('\u{feff}'), "no byte-order mark for R and Python");
        let plain: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(plain.body.as_bytes())
            .records()
            .map(|record| record.unwrap().iter().map(str::to_owned).collect())
            .collect();
        assert_eq!(plain, excel, "the same cells in both dialects");

        let path = format!("/omgangar/{}/enheter.xlsx", fixture.round);
        let (status, headers, bytes) = app.send_raw(TestApp::get(&path, Some(&quality))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CACHE_CONTROL], "no-store");
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("a workbook");
        use calamine::Reader;
        assert_eq!(book.sheet_names(), ["Om filen", "Enheter"]);
        let sheet: Vec<Vec<String>> = book
            .worksheet_range("Enheter")
            .unwrap()
            .rows()
            .map(|row| row.iter().map(ToString::to_string).collect())
            .collect();
        assert_eq!(sheet, excel, "the same rows in the workbook");

        // A unit manager follows no round: refused in every form.
        let manager = app.login(MANAGER_A_EMAIL).await;
        let (status, _, _) = app.send_raw(TestApp::get(&path, Some(&manager))).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    })
}
