//! Running rounds through the real router: every endpoint as every role (only the quality
//! department gets anywhere), the lifecycle's guards, the admin log written with each
//! change, a draft invisible to units and an opened round on their start page, closing that
//! keeps drafts, and a refused plain form that comes back with what was typed.

use crate::common;

use crate::common::http::{Reply, TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, MANAGER_C_EMAIL, QUALITY_EMAIL};
use app::db::clock;
use app::domain::ids::{NodeId, RoundId};
use app::domain::raw_answers::Intent;
use axum::http::StatusCode;
use chrono::Duration;

/// A day `offset` days from today (Stockholm), as forms send it.
fn day(offset: i64) -> String {
    (clock::today() + Duration::days(offset)).to_string()
}

/// The fields of a round over `root` opening `opens` and closing `closes` days from today.
fn round_fields(app: &TestApp, name: &str, root: NodeId, opens: i64, closes: i64) -> Vec<(String, String)> {
    vec![
        ("namn".into(), name.into()),
        ("ramverk".into(), app.fixture.framework.version_id.to_string()),
        ("nod".into(), root.to_string()),
        ("oppnar".into(), day(opens)),
        ("stanger".into(), day(closes)),
        ("intro".into(), String::new()),
    ]
}

fn body(fields: &[(String, String)]) -> String {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(key, value)| (key.as_str(), value.as_str())).collect();
    form(&pairs)
}

/// Replaces (or adds) one field.
fn with(mut fields: Vec<(String, String)>, key: &str, value: &str) -> Vec<(String, String)> {
    fields.retain(|(name, _)| name != key);
    fields.push((key.into(), value.into()));
    fields
}

async fn create(app: &TestApp, cookie: Option<&str>, fields: &[(String, String)]) -> Reply {
    app.send(TestApp::post("/api/create_round", body(fields), cookie)).await
}

/// Creates a draft round as the quality department and returns its id.
async fn draft(app: &TestApp, name: &str, root: NodeId) -> RoundId {
    let quality = app.login(QUALITY_EMAIL).await;
    let reply = create(app, Some(&quality), &round_fields(app, name, root, 0, 30)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    RoundId(serde_json::from_str(&reply.body).unwrap())
}

async fn step(app: &TestApp, cookie: Option<&str>, round: RoundId, step: &str, extra: &[(&str, &str)]) -> Reply {
    let round = round.to_string();
    let mut pairs = vec![("omgang", round.as_str()), ("steg", step)];
    pairs.extend_from_slice(extra);
    app.send(TestApp::post("/api/move_round", form(&pairs), cookie)).await
}

async fn status_of(app: &TestApp, round: RoundId) -> String {
    app::db::sql::query_scalar("SELECT status FROM round WHERE id = $1")
        .bind(round.0)
        .fetch_one(&app.fixture.pool)
        .await
        .unwrap()
}

/// The admin log as (action, round, detail, reason), oldest first.
async fn log(app: &TestApp) -> Vec<(String, Option<i64>, Option<String>, Option<String>)> {
    app::db::sql::query_as("SELECT action, round_id, detail, reason FROM admin_event ORDER BY id")
        .fetch_all(&app.fixture.pool)
        .await
        .unwrap()
}

/// The fields named in a 422's body.
fn refused_fields(reply: &Reply) -> Vec<(String, String)> {
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
    let error: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    error["Invalid"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|field| {
            let problem = match &field["problem"] {
                serde_json::Value::String(name) => name.clone(),
                other => other.as_object().unwrap().keys().next().unwrap().clone(),
            };
            (field["key"].as_str().unwrap().to_owned(), problem)
        })
        .collect()
}

fn pair(key: &str, problem: &str) -> (String, String) {
    (key.to_owned(), problem.to_owned())
}

#[test]
fn every_round_endpoint_answers_only_the_quality_department() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let over_jarva = draft(&app, "Omgång Järva", fixture.jarva).await;
        let over_sodermalm = draft(&app, "Omgång Södermalm", fixture.sodermalm).await;
        let logged = log(&app).await.len();

        let quality = app.login(QUALITY_EMAIL).await;
        // The head of Järva: inside the first round's part of the tree, outside the second's.
        let head = app.login(HEAD_EMAIL).await;
        let manager = app.login(MANAGER_A_EMAIL).await;

        for round in [over_jarva, over_sodermalm] {
            let id = round.to_string();
            let reads: Vec<(&str, String)> = vec![
                ("/api/admin_rounds", String::new()),
                ("/api/round_form_options", form(&[("search", "Järva")])),
                ("/api/admin_round", form(&[("round_id", &id)])),
                ("/api/round_move", form(&[("round_id", &id), ("step", "Open")])),
                ("/api/admin_log", form(&[("query[round]", &id)])),
            ];
            let writes: Vec<(&str, String)> = vec![
                ("/api/create_round", body(&round_fields(&app, "Obehörig", fixture.jarva, 0, 30))),
                ("/api/edit_round", body(&with(round_fields(&app, "Ändrad", fixture.jarva, 0, 30), "omgang", &id))),
                ("/api/change_round_closing_date", form(&[("omgang", &id), ("stanger", &day(40))])),
                ("/api/move_round", form(&[("omgang", &id), ("steg", "oppna")])),
            ];
            for (path, request) in reads.iter().chain(&writes) {
                for (who, cookie) in [("head", &head), ("unit manager", &manager)] {
                    let reply = app.send(TestApp::post(path, request.clone(), Some(cookie))).await;
                    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{who} {path}: {}", reply.body);
                }
                let reply = app.send(TestApp::post(path, request.clone(), None)).await;
                assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "signed out {path}");
            }
            for (path, request) in &reads {
                let reply = app.send(TestApp::post(path, request.clone(), Some(&quality))).await;
                assert_eq!(reply.status, StatusCode::OK, "quality {path}: {}", reply.body);
            }

            let pages = [
                "/admin/omgangar".to_owned(),
                "/admin/omgangar/ny".to_owned(),
                format!("/admin/omgangar/{id}"),
                format!("/admin/omgangar/{id}/oppna"),
                "/admin/logg".to_owned(),
            ];
            for page in &pages {
                for (who, cookie) in [("head", &head), ("unit manager", &manager)] {
                    let reply = app.send(TestApp::get(page, Some(cookie))).await;
                    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{who} {page}");
                    assert!(reply.body.contains("Du har inte behörighet"), "{who} {page}");
                    assert!(!reply.body.contains("Omgång Järva"), "{who} {page} leaked a round");
                }
                let reply = app.send(TestApp::get(page, None)).await;
                assert_eq!(reply.status, StatusCode::SEE_OTHER, "signed out {page}");
                assert!(reply.location().is_some_and(|to| to.starts_with("/logga-in?next=")));
                let reply = app.send(TestApp::get(page, Some(&quality))).await;
                assert_eq!(reply.status, StatusCode::OK, "quality {page}");
            }
        }
        assert_eq!(log(&app).await.len(), logged, "no refused request changed anything");
        assert_eq!(status_of(&app, over_jarva).await, "draft");
        let unknown = app.send(TestApp::post("/api/admin_round", form(&[("round_id", "999")]), Some(&quality))).await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        let unknown = app.send(TestApp::post("/api/admin_round", form(&[("round_id", "999")]), Some(&head))).await;
        assert_eq!(unknown.status, StatusCode::FORBIDDEN, "ids reveal nothing to those who may not manage rounds");
    })
}

#[test]
fn a_draft_is_invisible_to_units_until_it_opens_and_then_on_their_start_page() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let round = draft(&app, "Självskattning Järva", fixture.jarva).await;
        // Opening checks the framework version is frozen, and freezes it if not: a version
        // no round has used yet (a published version can no longer be unfrozen, so the draft
        // round is pointed at a fresh one).
        let mut unused = fixture.framework.clone();
        unused.version_label = "oanvänd".into();
        let mut tx = app::db::pool::begin_write(&fixture.pool).await.unwrap();
        let fresh = app::db::framework::insert(&mut tx, "kvalitetsprogrammet", &unused).await.unwrap();
        tx.commit().await.unwrap();
        app::db::sql::query("UPDATE round SET framework_version_id = $1 WHERE id = $2")
            .bind(fresh.0)
            .bind(round.0)
            .execute(&fixture.pool)
            .await
            .unwrap();

        let manager_a = app.login(MANAGER_A_EMAIL).await;
        let overview = app.send(TestApp::post("/api/overview", String::new(), Some(&manager_a))).await;
        assert!(!overview.body.contains("Självskattning Järva"), "a draft is the quality department's");
        let path = format!("/omgangar/{round}/enheter/{}", fixture.unit_a);
        assert_eq!(app.send(TestApp::get(&path, Some(&manager_a))).await.status, StatusCode::NOT_FOUND);

        let quality = app.login(QUALITY_EMAIL).await;
        let preview = app
            .send(TestApp::post(
                "/api/round_move",
                form(&[("round_id", &round.to_string()), ("step", "Open")]),
                Some(&quality),
            ))
            .await;
        let preview: serde_json::Value = serde_json::from_str(&preview.body).unwrap();
        assert_eq!(preview["coverage"]["units"], 2, "Järva's units A and B");
        assert_eq!(preview["freezes_framework"], true);
        let page = app.send(TestApp::get(&format!("/admin/omgangar/{round}/oppna"), Some(&quality))).await;
        assert!(page.body.contains("2 enheter under Järva stadsdelsförvaltning"), "the confirmation says how many");

        let opened = step(&app, Some(&quality), round, "oppna", &[]).await;
        assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
        assert_eq!(status_of(&app, round).await, "open");
        let frozen: bool = app::db::sql::query_scalar("SELECT frozen FROM framework_version WHERE id = $1")
            .bind(fresh.0)
            .fetch_one(&fixture.pool)
            .await
            .unwrap();
        assert!(frozen, "a version is frozen as soon as a round opens on it");

        let overview = app.send(TestApp::post("/api/overview", String::new(), Some(&manager_a))).await;
        let overview: serde_json::Value = serde_json::from_str(&overview.body).unwrap();
        let assignment = overview["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|assignment| assignment["round"]["id"] == round.0)
            .expect("the opened round is on unit manager A's start page");
        assert_eq!(assignment["status"], "NotStarted");
        let home = app.send(TestApp::get("/", Some(&manager_a))).await;
        assert!(home.body.contains("Självskattning Järva") && home.body.contains("Ej påbörjad"));

        let manager_c = app.login(MANAGER_C_EMAIL).await;
        let overview = app.send(TestApp::post("/api/overview", String::new(), Some(&manager_c))).await;
        assert!(!overview.body.contains("Självskattning Järva"), "Södermalm is not covered");

        let entries = log(&app).await;
        let actions: Vec<&str> = entries.iter().map(|entry| entry.0.as_str()).collect();
        assert_eq!(actions, ["round_created", "round_opened"]);
        assert!(entries.iter().all(|entry| entry.1 == Some(round.0)));
        let detail = entries[1].2.clone().unwrap();
        assert!(detail.contains("2 enheter") && detail.contains("låst"), "{detail}");
        let who: Vec<(i64, Option<String>)> = app::db::sql::query_as("SELECT actor_id, request_id FROM admin_event")
            .fetch_all(&fixture.pool)
            .await
            .unwrap();
        assert!(who.iter().all(|(actor, request)| *actor == fixture.quality.0 && request.is_some()));
    })
}

#[test]
fn a_round_moves_through_its_life_and_back_only_with_a_reason() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let round = draft(&app, "Livscykel", app.fixture.city).await;
        let quality = Some(quality.as_str());

        // No publish of a draft or an open round, no closing of a draft.
        for wrong in ["publicera", "stang", "aterkalla", "oppna-igen"] {
            let reply = step(&app, quality, round, wrong, &[("orsak", "Skäl"), ("stanger", &day(5))]).await;
            assert_eq!(refused_fields(&reply), [pair("status", "NotAvailable")], "{wrong}");
        }
        assert_eq!(step(&app, quality, round, "oppna", &[]).await.status, StatusCode::OK);
        let publish_open = step(&app, quality, round, "publicera", &[]).await;
        assert_eq!(refused_fields(&publish_open), [pair("status", "NotAvailable")]);
        assert_eq!(status_of(&app, round).await, "open", "an open round is not published");
        let again = step(&app, quality, round, "oppna", &[]).await;
        assert_eq!(refused_fields(&again), [pair("status", "NotAvailable")]);

        assert_eq!(step(&app, quality, round, "stang", &[]).await.status, StatusCode::OK);
        assert_eq!(step(&app, quality, round, "publicera", &[]).await.status, StatusCode::OK);
        assert_eq!(status_of(&app, round).await, "published");

        let unjustified = step(&app, quality, round, "aterkalla", &[("orsak", "   ")]).await;
        assert_eq!(refused_fields(&unjustified), [pair("orsak", "Missing")]);
        let withdrawn = step(&app, quality, round, "aterkalla", &[("orsak", "Fel i underlaget för Järva")]).await;
        assert_eq!(withdrawn.status, StatusCode::OK, "{}", withdrawn.body);
        assert_eq!(status_of(&app, round).await, "closed");

        let without = step(&app, quality, round, "oppna-igen", &[]).await;
        assert_eq!(refused_fields(&without), [pair("stanger", "Missing"), pair("orsak", "Missing")]);
        let past = step(&app, quality, round, "oppna-igen", &[("orsak", "Förlängt"), ("stanger", &day(-1))]).await;
        assert_eq!(refused_fields(&past), [pair("stanger", "InThePast")]);
        let reopened = step(&app, quality, round, "oppna-igen", &[("orsak", "Förlängt"), ("stanger", &day(14))]).await;
        assert_eq!(reopened.status, StatusCode::OK, "{}", reopened.body);
        assert_eq!(status_of(&app, round).await, "open");
        let closes: chrono::NaiveDate = app::db::sql::query_scalar("SELECT closes_on FROM round WHERE id = $1")
            .bind(round.0)
            .fetch_one(&app.fixture.pool)
            .await
            .unwrap();
        assert_eq!(closes.to_string(), day(14), "opening again extends the deadline");

        let entries = log(&app).await;
        let actions: Vec<&str> = entries.iter().map(|entry| entry.0.as_str()).collect();
        assert_eq!(
            actions,
            ["round_created", "round_opened", "round_closed", "round_published", "round_withdrawn", "round_reopened"]
        );
        assert_eq!(entries[4].3.as_deref(), Some("Fel i underlaget för Järva"));
        assert_eq!(entries[5].3.as_deref(), Some("Förlängt"));
        assert!(entries[5].2.as_deref().unwrap().contains(&day(14)));
        assert!(entries[1].3.is_none(), "moves forward need no reason");

        let unknown = step(&app, quality, round, "radera", &[]).await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    })
}

#[test]
fn details_are_checked_and_a_round_may_only_use_a_published_framework_version() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let quality = app.login(QUALITY_EMAIL).await;
        let quality = Some(quality.as_str());

        // A new version, not yet published (not frozen).
        let draft_version = {
            let (key, framework) =
                server::seed::framework_file::parse(server::seed::framework_file::DEFAULT_FRAMEWORK).unwrap();
            let framework = app::domain::framework::Framework { version_label: "utkast".into(), ..framework };
            let mut tx = app::db::pool::begin_write(&fixture.pool).await.unwrap();
            let id = app::db::framework::insert(&mut tx, &key, &framework).await.unwrap();
            tx.commit().await.unwrap();
            id
        };
        let fields = round_fields(&app, "Ny", fixture.jarva, 0, 30);
        let on_draft = create(&app, quality, &with(fields.clone(), "ramverk", &draft_version.to_string())).await;
        assert_eq!(refused_fields(&on_draft), [pair("ramverk", "NotAvailable")]);
        let options = app.send(TestApp::post("/api/round_form_options", String::new(), quality)).await;
        let options: serde_json::Value = serde_json::from_str(&options.body).unwrap();
        let offered: Vec<i64> =
            options["versions"].as_array().unwrap().iter().map(|version| version["id"].as_i64().unwrap()).collect();
        assert_eq!(offered, [fixture.framework.version_id.0], "only published versions are offered");

        let nothing = create(&app, quality, &[]).await;
        assert_eq!(
            refused_fields(&nothing),
            [
                pair("namn", "Missing"),
                pair("ramverk", "Missing"),
                pair("nod", "Missing"),
                pair("oppnar", "Missing"),
                pair("stanger", "Missing")
            ]
        );
        let backwards = create(&app, quality, &with(fields.clone(), "stanger", &day(-1))).await;
        assert_eq!(refused_fields(&backwards), [pair("stanger", "EndsBeforeStart")]);
        let past = with(with(fields.clone(), "oppnar", &day(-30)), "stanger", &day(-1));
        assert_eq!(refused_fields(&create(&app, quality, &past).await), [pair("stanger", "InThePast")]);
        let nowhere = create(&app, quality, &with(fields.clone(), "nod", "99999")).await;
        assert_eq!(refused_fields(&nowhere), [pair("nod", "InvalidChoice")]);
        let long = with(with(fields.clone(), "namn", &"Å".repeat(121)), "intro", &"x".repeat(2_001));
        assert_eq!(
            refused_fields(&create(&app, quality, &long).await),
            [pair("namn", "TooLong"), pair("intro", "TooLong")]
        );
        assert!(log(&app).await.is_empty(), "nothing refused is logged");

        // Editing: a draft's details change (logged with what changed); an open round's do not.
        let round = draft(&app, "Utkast", fixture.jarva).await;
        let id = round.to_string();
        let edited = with(round_fields(&app, "Utkast, ändrat", fixture.sodermalm, 1, 40), "omgang", &id);
        let reply = app.send(TestApp::post("/api/edit_round", body(&edited), quality)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let (name, root): (String, i64) = app::db::sql::query_as("SELECT name, root_node_id FROM round WHERE id = $1")
            .bind(round.0)
            .fetch_one(&fixture.pool)
            .await
            .unwrap();
        assert_eq!((name.as_str(), root), ("Utkast, ändrat", fixture.sodermalm.0));
        let detail = log(&app).await.last().unwrap().2.clone().unwrap();
        assert!(detail.contains("Järva stadsdelsförvaltning → Södermalms stadsdelsförvaltning"), "{detail}");

        let opens_tomorrow = step(&app, quality, round, "oppna", &[]).await;
        assert_eq!(refused_fields(&opens_tomorrow), [pair("oppnar", "InTheFuture")]);
        let today = with(with(edited.clone(), "oppnar", &day(0)), "namn", "Utkast, klart");
        assert_eq!(app.send(TestApp::post("/api/edit_round", body(&today), quality)).await.status, StatusCode::OK);
        assert_eq!(step(&app, quality, round, "oppna", &[]).await.status, StatusCode::OK);
        let frozen_edit = app.send(TestApp::post("/api/edit_round", body(&with(today, "namn", "Sent")), quality)).await;
        assert_eq!(refused_fields(&frozen_edit), [pair("status", "NotAvailable")], "no edit once open");

        // An open round's closing date moves, not into the past.
        let deadline = |date: String| {
            let body = form(&[("omgang", &id), ("stanger", &date)]);
            let app = &app;
            async move { app.send(TestApp::post("/api/change_round_closing_date", body, quality)).await }
        };
        assert_eq!(refused_fields(&deadline(day(-1)).await), [pair("stanger", "InThePast")]);
        assert_eq!(deadline(day(60)).await.status, StatusCode::OK);
        let entry = log(&app).await.pop().unwrap();
        assert_eq!(entry.0, "round_deadline_changed");
        assert_eq!(entry.2.unwrap(), format!("sista dag: {} → {}", day(40), day(60)));
    })
}

#[test]
fn closing_keeps_drafts_refuses_saves_and_a_reopened_unit_alone_may_answer_again() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let key = fixture.statement_keys()[0].clone();
        let rating = format!("form[rating][{key}]");
        fixture.store(fixture.round, fixture.unit_a, &fixture.answers_at(3, "Belägg"), Intent::Submit).await;
        let manager_c = app.login(MANAGER_C_EMAIL).await;
        assert_eq!(app.save(&manager_c, fixture.unit_c, 0, "save", &[(&rating, "2")]).await.status, StatusCode::OK);

        let quality = app.login(QUALITY_EMAIL).await;
        let page = app.send(TestApp::get(&format!("/admin/omgangar/{}/stang", fixture.round), Some(&quality))).await;
        assert!(page.body.contains("1 har skickat in, 1 har utkast"), "the confirmation counts them");
        assert_eq!(step(&app, Some(&quality), fixture.round, "stang", &[]).await.status, StatusCode::OK);

        let refused = app.save(&manager_c, fixture.unit_c, 1, "save", &[(&rating, "4")]).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "nothing more can be saved");
        let kept: i64 = app::db::sql::query_scalar("SELECT count(*) FROM assessment WHERE status = 'draft'")
            .fetch_one(&fixture.pool)
            .await
            .unwrap();
        assert_eq!(kept, 1, "the draft is kept");

        let reopen = form(&[
            ("round_id", &fixture.round.to_string()),
            ("unit_id", &fixture.unit_a.to_string()),
            ("reason", "Enheten behöver rätta en uppgift"),
        ]);
        let reopened = app.send(TestApp::post("/api/reopen_assessment", reopen, Some(&quality))).await;
        assert_eq!(reopened.status, StatusCode::OK, "the quality department reopens a unit in a closed round");
        let version: i64 = serde_json::from_str(&reopened.body).unwrap();

        let manager_a = app.login(MANAGER_A_EMAIL).await;
        let view = app.get_assessment(&manager_a, fixture.unit_a).await;
        assert!(view.body.contains("\"can_edit\":true"), "{}", view.body);
        let edit = app.save(&manager_a, fixture.unit_a, version, "save", &[(&rating, "5")]).await;
        assert_eq!(edit.status, StatusCode::OK, "the reopened unit may answer again: {}", edit.body);
        let still = app.save(&manager_c, fixture.unit_c, 1, "save", &[(&rating, "4")]).await;
        assert_eq!(still.status, StatusCode::CONFLICT, "everyone else stays closed");
        let submitted = app.save(&manager_a, fixture.unit_a, version + 1, "submit", &[]).await;
        assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.body);
        let after = app.save(&manager_a, fixture.unit_a, version + 1, "save", &[(&rating, "1")]).await;
        assert_eq!(after.status, StatusCode::CONFLICT, "submitted again: closed for it too");

        // Published: its results must be withdrawn before a submission is reopened.
        assert_eq!(step(&app, Some(&quality), fixture.round, "publicera", &[]).await.status, StatusCode::OK);
        let reopen = form(&[
            ("round_id", &fixture.round.to_string()),
            ("unit_id", &fixture.unit_a.to_string()),
            ("reason", "Igen"),
        ]);
        let refused = app.send(TestApp::post("/api/reopen_assessment", reopen, Some(&quality))).await;
        assert_eq!(refused.status, StatusCode::CONFLICT);
    })
}

#[test]
fn the_list_shows_every_round_with_its_response_rate() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        fixture.store(fixture.round, fixture.unit_a, &fixture.answers_at(3, "Belägg"), Intent::Submit).await;
        fixture.store(fixture.round, fixture.unit_b, &fixture.answers_at(3, "Belägg"), Intent::Save).await;
        let over_sodermalm = draft(&app, "Södermalm <b>2027</b>", fixture.sodermalm).await;
        let quality = app.login(QUALITY_EMAIL).await;
        let reply = app.send(TestApp::post("/api/admin_rounds", String::new(), Some(&quality))).await;
        let lines: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        let line =
            |id: RoundId| lines.as_array().unwrap().iter().find(|line| line["round"]["id"] == id.0).unwrap().clone();
        let city = line(fixture.round);
        assert_eq!((city["coverage"]["units"].as_i64(), city["coverage"]["submitted"].as_i64()), (Some(3), Some(1)));
        assert_eq!(city["coverage"]["drafts"], 1);
        assert_eq!(city["root_name"], "Stockholms stad");
        assert_eq!(line(over_sodermalm)["coverage"]["units"], 1);

        let page = app.send(TestApp::get("/admin/omgangar", Some(&quality))).await;
        assert!(page.body.contains("33,3 %"), "one of three");
        assert!(page.body.contains("Södermalm &lt;b") && !page.body.contains("<b>2027"), "names are text");
        assert!(page.body.contains("class=\"table-scroll\""));
    })
}

#[test]
fn a_refused_plain_form_comes_back_with_what_was_typed_and_what_was_wrong() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let fields = with(round_fields(&app, "Höst & vinter", app.fixture.jarva, 0, -1), "intro", "Rad ett\r\nRad två");
        let reply = app
            .send(TestApp::post_plain_form("/api/create_round", body(&fields), Some(&quality), "/admin/omgangar/ny"))
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        let back = reply.location().unwrap().to_owned();
        assert!(back.starts_with("/admin/omgangar/ny?namn=H%C3%B6st%20%26%20vinter"), "{back}");
        assert!(back.contains("problem=stanger.fore-start") && back.ends_with("&fel=ogiltig"), "{back}");

        let page = app.send(TestApp::get(&back, Some(&quality))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("value=\"Höst &amp; vinter\""), "the name is kept");
        assert!(page.body.contains("Rad ett") && page.body.contains("Rad två"), "the introduction is kept");
        assert!(page.body.contains(&format!("value=\"{}\"", day(-1))), "the closing date is kept");
        assert!(page.body.contains("Sista dag: får inte vara före öppningsdagen"), "the field says what is wrong");
        assert!(page.body.contains("href=\"#round-stanger\""), "the summary links to the field");
        assert!(page.body.contains("aria-invalid=\"true\""));
        let radio = format!("id=\"round-nod-{}\"", app.fixture.jarva);
        let at = page.body.find(&radio).expect("the chosen organisation is a choice");
        let element = &page.body[at..at + page.body[at..].find('>').unwrap()];
        assert!(element.contains("checked"), "the chosen organisation stays chosen: {element}");

        // A search sends the whole form to the page: the hits are choices, nothing typed is lost.
        let search = app.send(TestApp::get("/admin/omgangar/ny?namn=Vinter&sok=s%C3%B6dermalm", Some(&quality))).await;
        assert!(search.body.contains("Södermalms stadsdelsförvaltning") && search.body.contains("value=\"Vinter\""));

        // A good post goes on to the new round's page.
        let fields = round_fields(&app, "Höst", app.fixture.jarva, 0, 10);
        let reply = app
            .send(TestApp::post_plain_form("/api/create_round", body(&fields), Some(&quality), "/admin/omgangar/ny"))
            .await;
        let to = reply.location().unwrap();
        assert!(to.starts_with("/admin/omgangar/") && to.ends_with("?sparad=1"), "{to}");
        let page = app.send(TestApp::get(to, Some(&quality))).await;
        assert!(page.body.contains("Ändringen är sparad.") && page.body.contains("Öppna omgången"));
    })
}

#[test]
fn the_rounds_introduction_is_shown_above_the_form_as_plain_text() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let fields =
            with(round_fields(&app, "Med introduktion", app.fixture.jarva, 0, 10), "intro", "<b>Välkomna</b>\nRad två");
        let reply = create(&app, Some(&quality), &fields).await;
        let round = RoundId(serde_json::from_str(&reply.body).unwrap());
        assert_eq!(step(&app, Some(&quality), round, "oppna", &[]).await.status, StatusCode::OK);

        let manager = app.login(MANAGER_A_EMAIL).await;
        let page =
            app.send(TestApp::get(&format!("/omgangar/{round}/enheter/{}", app.fixture.unit_a), Some(&manager))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("&lt;b") && page.body.contains("Välkomna"), "text, never markup");
        assert!(!page.body.contains("<b>Välkomna"));
        assert!(
            page.body.contains("Välkomna&lt;/b&gt;\nRad två") || page.body.contains("Välkomna&lt;/b>\nRad två"),
            "its line break kept"
        );
    })
}
