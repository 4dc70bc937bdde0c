//! Framework versions through the real router: every endpoint as every role (only the
//! quality department gets anywhere), a draft edited, published and then frozen, a version
//! a round uses refusing every change, the TOML file round trip, the comparison of two
//! versions, and the trend that breaks where statements changed in a way not comparable.

use crate::common;

use crate::common::http::{Reply, TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, QUALITY_EMAIL};
use app::api::frameworks::fields::{self, StatementPart};
use app::api::frameworks::{ComparisonPage, DraftOutcome, UploadOutcome, VersionList, VersionPage};
use app::api::results::OrgResults;
use app::domain::framework::Framework;
use app::domain::framework_edit::StatementChangeKind;
use app::domain::ids::FrameworkVersionId;
use app::domain::raw_answers::Intent;
use app::domain::round::RoundStatus;
use axum::http::StatusCode;

async fn call(app: &TestApp, cookie: Option<&str>, function: &str, pairs: &[(&str, &str)]) -> Reply {
    app.send(TestApp::post(&format!("/api/{function}"), form(pairs), cookie)).await
}

fn ok<T: serde::de::DeserializeOwned>(reply: &Reply) -> T {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

/// A new draft copied from the latest published version.
async fn new_draft(app: &TestApp, cookie: &str) -> FrameworkVersionId {
    ok(&call(app, Some(cookie), "new_framework_draft", &[]).await)
}

async fn version(app: &TestApp, cookie: &str, id: FrameworkVersionId) -> VersionPage {
    ok(&call(app, Some(cookie), "framework_version", &[("version", &id.to_string())]).await)
}

/// Every field of dimension `at`'s form as the page fills it in.
fn dimension_fields(framework: &Framework, at: usize) -> Vec<(String, String)> {
    let dimension = &framework.dimensions[at];
    let mut fields = vec![
        (fields::NAME.to_owned(), dimension.name.clone()),
        (fields::DESCRIPTION.to_owned(), dimension.description.clone()),
    ];
    for (level, descriptor) in (1u8..).zip(&dimension.level_descriptors) {
        fields.push((fields::descriptor(level), descriptor.clone()));
    }
    for (at, statement) in dimension.statements.iter().enumerate() {
        let row = at.to_string();
        fields.push((fields::statement(&row, StatementPart::Key), statement.key.to_string()));
        fields.push((fields::statement(&row, StatementPart::Text), statement.text.clone()));
        fields.push((fields::statement(&row, StatementPart::Guidance), statement.guidance.clone()));
        fields.push((fields::statement(&row, StatementPart::Order), ((at + 1) * 10).to_string()));
    }
    fields.push((fields::statement(fields::NEW_ROW, StatementPart::Text), String::new()));
    fields
}

fn set(fields: &mut Vec<(String, String)>, name: String, value: &str) {
    fields.retain(|(key, _)| *key != name);
    fields.push((name, value.to_owned()));
}

/// Posts a dimension's form with `fields`.
async fn save_dimension(
    app: &TestApp,
    cookie: Option<&str>,
    id: FrameworkVersionId,
    dimension: &str,
    fields: &[(String, String)],
) -> Reply {
    let version = id.to_string();
    let named: Vec<(String, String)> =
        fields.iter().map(|(name, value)| (fields::input_name(name), value.clone())).collect();
    let mut pairs: Vec<(&str, &str)> = vec![("form[version]", &version), ("form[dimension]", dimension)];
    pairs.extend(named.iter().map(|(name, value)| (name.as_str(), value.as_str())));
    call(app, cookie, "save_framework_draft", &pairs).await
}

async fn publish(app: &TestApp, cookie: Option<&str>, id: FrameworkVersionId) -> Reply {
    call(app, cookie, "publish_framework_version", &[("version", &id.to_string())]).await
}

async fn download(app: &TestApp, cookie: Option<&str>, id: FrameworkVersionId) -> Reply {
    app.send(TestApp::get(&app::routes::framework_toml_path(id), cookie)).await
}

async fn logged_actions(app: &TestApp) -> Vec<String> {
    app::db::sql::query_scalar("SELECT action FROM admin_event ORDER BY id").fetch_all(&app.fixture.pool).await.unwrap()
}

async fn version_count(app: &TestApp) -> i64 {
    app::db::sql::query_scalar("SELECT COUNT(*) FROM framework_version").fetch_one(&app.fixture.pool).await.unwrap()
}

/// A draft whose first dimension has its first statement reworded not comparably, its
/// second reworded comparably, its last removed and a new one added; returns it as stored.
async fn edited_draft(app: &TestApp, cookie: &str) -> (FrameworkVersionId, Framework) {
    let id = new_draft(app, cookie).await;
    let draft = version(app, cookie, id).await.framework;
    let dimension = draft.dimensions[0].key.to_string();
    let last = (draft.dimensions[0].statements.len() - 1).to_string();
    let mut fields = dimension_fields(&draft, 0);
    set(&mut fields, fields::statement("0", StatementPart::Text), "En helt ny fråga om invånarnas upplevelse.");
    set(&mut fields, fields::statement("1", StatementPart::Text), "Samma fråga med andra ord.");
    set(&mut fields, fields::statement("1", StatementPart::Comparable), "on");
    set(&mut fields, fields::statement(&last, StatementPart::Remove), "on");
    set(&mut fields, fields::statement(fields::NEW_ROW, StatementPart::Text), "Ett nytt påstående.");
    set(&mut fields, fields::statement(fields::NEW_ROW, StatementPart::Order), "0");
    let outcome: DraftOutcome = ok(&save_dimension(app, Some(cookie), id, &dimension, &fields).await);
    assert_eq!(outcome.problems, vec![]);
    (id, version(app, cookie, id).await.framework)
}

#[test]
fn every_framework_endpoint_answers_only_the_quality_department() {
    common::run(async {
        let app = TestApp::new().await;
        let v1 = app.fixture.framework.version_id;
        let quality = app.login(QUALITY_EMAIL).await;
        let draft = new_draft(&app, &quality).await;
        let (v1_text, draft_text) = (v1.to_string(), draft.to_string());
        let toml = String::from_utf8(download(&app, Some(&quality), v1).await.body.into_bytes()).unwrap();
        let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
            ("framework_versions", vec![]),
            ("framework_version", vec![("version", &v1_text)]),
            ("framework_comparison", vec![("a", &v1_text), ("b", &draft_text)]),
            ("framework_draft_form", vec![("version", &draft_text)]),
            ("new_framework_draft", vec![]),
            ("save_framework_draft", vec![("form[version]", &draft_text), ("form[field][namn]", "Annat namn")]),
            ("publish_framework_version", vec![("version", &draft_text)]),
            ("upload_framework", vec![("toml", &toml)]),
        ];
        let before = (version_count(&app).await, logged_actions(&app).await.len());
        for email in [MANAGER_A_EMAIL, HEAD_EMAIL] {
            let cookie = app.login(email).await;
            for (function, pairs) in &calls {
                let reply = call(&app, Some(&cookie), function, pairs).await;
                assert_eq!(reply.status, StatusCode::FORBIDDEN, "{email} {function}: {}", reply.body);
            }
            assert_eq!(download(&app, Some(&cookie), v1).await.status, StatusCode::FORBIDDEN, "{email} download");
        }
        for (function, pairs) in &calls {
            let reply = call(&app, None, function, pairs).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "anonymous {function}");
        }
        let anonymous = download(&app, None, v1).await;
        assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
        assert!(anonymous.location().unwrap().starts_with("/logga-in?next="));
        assert_eq!((version_count(&app).await, logged_actions(&app).await.len()), before, "nothing changed");

        // The pages: the quality department sees them; others are refused.
        for path in ["/admin/ramverk".to_owned(), app::routes::framework_path(v1)] {
            let page = app.send(TestApp::get(&path, Some(&quality))).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            assert!(page.body.contains("2026:1"), "{path}");
        }
        let manager = app.login(MANAGER_A_EMAIL).await;
        let refused = app.send(TestApp::get("/admin/ramverk", Some(&manager))).await;
        assert!(!refused.body.contains("2026:1"));

        let list: VersionList = ok(&call(&app, Some(&quality), "framework_versions", &[]).await);
        assert_eq!(list.versions.len(), 2);
        assert!(list.versions[1].published && list.versions[1].rounds == 1);
        assert!(list.versions[0].editable());
    })
}

#[test]
fn a_draft_is_edited_then_published_and_then_refuses_every_edit() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let v1 = app.fixture.framework.clone();
        let (id, draft) = edited_draft(&app, &quality).await;
        let page = version(&app, &quality, id).await;
        assert_eq!(page.line.label, "2026:2");
        assert!(!page.line.published && page.problems.is_empty());
        assert_eq!(page.line.based_on, Some(v1.version_id));

        // Keys: the new statement first with a new key; a non-comparable rewording under a
        // new key naming the one it replaces; a comparable one under its old key.
        let (before, after) = (&v1.dimensions[0].statements, &draft.dimensions[0].statements);
        assert_eq!(after.len(), before.len());
        assert_eq!(after[0].text, "Ett nytt påstående.");
        assert!(after[0].replaces.is_none() && before.iter().all(|old| old.key != after[0].key));
        assert_eq!(after[1].replaces.as_ref(), Some(&before[0].key));
        assert_ne!(after[1].key, before[0].key);
        assert_eq!((&after[2].key, after[2].text.as_str()), (&before[1].key, "Samma fråga med andra ord."));
        assert!(!after.iter().any(|statement| statement.key == before[before.len() - 1].key), "removed");

        // A refused edit changes nothing and says why.
        let dimension = draft.dimensions[1].key.to_string();
        let mut emptied = dimension_fields(&draft, 1);
        set(&mut emptied, fields::NAME.to_owned(), " ");
        let refused: DraftOutcome = ok(&save_dimension(&app, Some(&quality), id, &dimension, &emptied).await);
        assert_eq!(refused.problems.len(), 1, "{:?}", refused.problems);
        assert_eq!(version(&app, &quality, id).await.framework, draft);
        // Without script it goes back to the form with what was typed.
        let version_text = id.to_string();
        let mut pairs = vec![("form[version]".to_owned(), version_text), ("form[dimension]".to_owned(), dimension)];
        pairs.extend(emptied.iter().map(|(name, value)| (fields::input_name(name), value.clone())));
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
        let plain = app
            .send(TestApp::post_plain_form("/api/save_framework_draft", form(&pairs), Some(&quality), "/admin/ramverk"))
            .await;
        assert!(plain.status.is_redirection(), "{} {}", plain.status, plain.body);
        let back = plain.location().unwrap().to_owned();
        assert!(back.contains("/dimension/") && back.contains("avvisad="), "{back}");
        let form_page = app.send(TestApp::get(&back, Some(&quality))).await;
        assert_eq!(form_page.status, StatusCode::OK);
        assert!(form_page.body.contains("felsammanfattning"), "the problems are shown");

        // Published: frozen, and every edit refused.
        let published: DraftOutcome = ok(&publish(&app, Some(&quality), id).await);
        assert_eq!(published.problems, vec![]);
        assert!(version(&app, &quality, id).await.line.published);
        let mut fields = dimension_fields(&draft, 0);
        set(&mut fields, fields::NAME.to_owned(), "Nytt namn");
        let frozen = save_dimension(&app, Some(&quality), id, draft.dimensions[0].key.as_str(), &fields).await;
        assert_eq!(frozen.status, StatusCode::CONFLICT, "{}", frozen.body);
        assert_eq!(publish(&app, Some(&quality), id).await.status, StatusCode::CONFLICT);
        assert_eq!(version(&app, &quality, id).await.framework, draft, "nothing changed");
        // The database refuses it too, whatever writes.
        let direct = app::db::sql::query("UPDATE statement SET body = 'x' WHERE dimension_id IN (SELECT id FROM dimension WHERE framework_version_id = $1)")
            .bind(id.0)
            .execute(&app.fixture.pool)
            .await;
        assert!(direct.is_err());

        // The version the fixture's round uses cannot change either.
        let used = save_dimension(&app, Some(&quality), v1.version_id, v1.dimensions[0].key.as_str(), &fields).await;
        assert_eq!(used.status, StatusCode::CONFLICT);

        let actions = logged_actions(&app).await;
        assert_eq!(actions, ["framework_draft_created", "framework_draft_edited", "framework_published"]);
        let detail: String =
            app::db::sql::query_scalar("SELECT detail FROM admin_event WHERE action = 'framework_draft_edited'")
                .fetch_one(&app.fixture.pool)
                .await
                .unwrap();
        assert!(detail.contains("nya nycklar") && detail.contains(before[0].key.as_str()), "{detail}");
    })
}

#[test]
fn a_downloaded_version_uploaded_again_is_the_same_version() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let v1 = app.fixture.framework.version_id;
        let file = download(&app, Some(&quality), v1).await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.headers["cache-control"], "no-store");
        assert_eq!(file.headers["content-disposition"], "attachment; filename=\"mognad-ramverk-2026-1.toml\"");
        let text = file.body;

        // The same label is taken: refused, nothing stored.
        let before = version_count(&app).await;
        let taken: UploadOutcome = ok(&call(&app, Some(&quality), "upload_framework", &[("toml", &text)]).await);
        assert!(taken.created.is_none() && !taken.problems.is_empty());
        // A broken file: refused with the line, nothing stored.
        let broken = text.replacen("version_label = \"2026:1\"", "version_label = = \"x\"", 1);
        let refused: UploadOutcome = ok(&call(&app, Some(&quality), "upload_framework", &[("toml", &broken)]).await);
        match &refused.problems[..] {
            [app::domain::framework_file::FileProblem::Syntax { line: Some(line), .. }] => {
                assert_eq!(broken.lines().nth(line - 1).unwrap(), "version_label = = \"x\"");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(version_count(&app).await, before);
        // Without script, back to the upload page with the problem in Swedish.
        let plain = app
            .send(TestApp::post_plain_form(
                "/api/upload_framework",
                form(&[("toml", &broken)]),
                Some(&quality),
                "/admin/ramverk/ladda-upp",
            ))
            .await;
        assert!(plain.status.is_redirection(), "{}", plain.status);
        let back = app.send(TestApp::get(plain.location().unwrap(), Some(&quality))).await;
        assert!(back.body.contains("Rad "), "the line is named");

        // Under a new label: a draft identical to the version, and its file is the same text.
        let relabelled = text.replacen("version_label = \"2026:1\"", "version_label = \"2026:9\"", 1);
        let uploaded: UploadOutcome =
            ok(&call(&app, Some(&quality), "upload_framework", &[("toml", &relabelled)]).await);
        let copy = uploaded.created.expect("a draft");
        let comparison: ComparisonPage = ok(&call(
            &app,
            Some(&quality),
            "framework_comparison",
            &[("a", &v1.to_string()), ("b", &copy.to_string())],
        )
        .await);
        assert!(comparison.comparison.is_empty(), "{:?}", comparison.comparison);
        let again = download(&app, Some(&quality), copy).await;
        assert_eq!(again.body, relabelled);
        let mut original = app.fixture.framework.clone();
        let mut stored = version(&app, &quality, copy).await.framework;
        original.version_label = String::new();
        stored.version_label = String::new();
        stored.version_id = original.version_id;
        assert_eq!(stored, original);
        assert!(logged_actions(&app).await.contains(&"framework_uploaded".to_owned()));
    })
}

#[test]
fn the_comparison_shows_what_was_added_removed_and_reworded_and_whether_it_is_comparable() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let v1 = app.fixture.framework.clone();
        let (id, _) = edited_draft(&app, &quality).await;
        let page: ComparisonPage = ok(&call(
            &app,
            Some(&quality),
            "framework_comparison",
            &[("a", &v1.version_id.to_string()), ("b", &id.to_string())],
        )
        .await);
        let kinds: Vec<(StatementChangeKind, bool)> =
            page.comparison.statements.iter().map(|change| (change.kind, change.comparable)).collect();
        assert_eq!(
            kinds,
            [
                (StatementChangeKind::Added, false),
                (StatementChangeKind::Reworded, false),
                (StatementChangeKind::Reworded, true),
                (StatementChangeKind::Removed, false),
            ]
        );
        let first = v1.dimensions[0].key.to_string();
        assert!(page.comparison.breaks.dimensions.contains(&first));
        assert_eq!(page.comparison.breaks.dimensions.len(), 1);
        assert!(page.comparison.breaks.index);

        let html =
            app.send(TestApp::get(&app::routes::framework_compare_path(v1.version_id, id), Some(&quality))).await;
        assert_eq!(html.status, StatusCode::OK);
        for text in ["Samma fråga med andra ord.", "Ett nytt påstående.", "Inte jämförbar", "Jämförbar"] {
            assert!(html.body.contains(text), "{text}");
        }
    })
}

#[test]
fn the_trend_breaks_where_statements_changed_in_a_way_not_comparable() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let quality = app.login(QUALITY_EMAIL).await;
        let (id, draft) = edited_draft(&app, &quality).await;
        let published: DraftOutcome = ok(&publish(&app, Some(&quality), id).await);
        assert!(published.problems.is_empty());

        // 2019 on the first version, the fixture's round on the new one.
        let earlier = fixture.other_round("Självskattning 2019", 2019, RoundStatus::Published).await;
        fixture.store(earlier, fixture.unit_a, &fixture.answers_at(2, "Förr"), Intent::Submit).await;
        app::db::sql::query("UPDATE round SET framework_version_id = $1, status = 'published' WHERE id = $2")
            .bind(id.0)
            .bind(fixture.round.0)
            .execute(&fixture.pool)
            .await
            .unwrap();
        fixture.store(fixture.round, fixture.unit_a, &fixture.answers_at(3, "Nu"), Intent::Submit).await;

        let round = fixture.round.to_string();
        let unit = fixture.unit_a.to_string();
        let reply = call(&app, Some(&quality), "results", &[("query[round]", &round), ("query[node]", &unit)]).await;
        let results: OrgResults = ok(&reply);
        let trend = &results.trend;
        assert_eq!(trend.rounds, ["Självskattning 2019", "Självskattning test"]);
        let row = |key: &str| trend.rows.iter().find(|row| row.key == key).unwrap();
        let changed = draft.dimensions[0].key.as_str();
        let unchanged = draft.dimensions[1].key.as_str();
        assert_eq!(row("index").breaks_before, [1]);
        assert_eq!(row(changed).breaks_before, [1]);
        assert_eq!(row(unchanged).breaks_before, Vec::<usize>::new(), "comparable: the line stays");
        assert_eq!(row(unchanged).values.len(), 2);
        assert_eq!(trend.breaks.len(), 1);
        assert!(trend.breaks[0].figures.contains(&draft.dimensions[0].name));
        assert!(!trend.breaks[0].figures.contains(&draft.dimensions[1].name));

        let page = app.send(TestApp::get(&format!("/resultat?omgang={round}&nod={unit}"), Some(&quality))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("ej jämförbar med föregående omgång"), "in the table");
        assert!(page.body.contains("Linjen är bruten"), "under the chart");
    })
}
