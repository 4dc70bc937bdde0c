//! Results over HTTP: who sees which organisation's figures, the rule of at least three
//! units for those who may not see the units, unpublished rounds, and names shown as text.

mod common;

use app::api::results::{OrgResults, Shown};
use app::db;
use app::db::assessments::Target;
use app::db::audit::ChangeContext;
use app::domain::answers::{Answers, TextField};
use app::domain::ids::NodeId;
use app::domain::level::{Level, Rating};
use app::domain::merge::edits_setting;
use app::domain::raw_answers::Intent;
use axum::http::StatusCode;
use chrono::Utc;
use common::http::{TestApp, form};
use common::{HEAD_EMAIL, MANAGER_A_EMAIL, QUALITY_EMAIL};

/// Submits a complete assessment for `unit`, every statement at `level`.
async fn submit(app: &TestApp, unit: NodeId, level: u8) {
    let fixture = &app.fixture;
    let mut answers = Answers::default();
    for dimension in &fixture.framework.dimensions {
        for statement in &dimension.statements {
            answers.ratings.insert(statement.key.clone(), Rating::Level(Level::parse(level).unwrap()));
            answers.texts.insert(TextField::Motivation(statement.key.clone()), "Belägg".into());
        }
    }
    let mut tx = db::pool::begin_write(&fixture.pool).await.unwrap();
    let context = ChangeContext { actor: fixture.quality, request_id: None, at: Utc::now() };
    let target = Target { round: fixture.round, unit, framework: &fixture.framework };
    let outcome =
        db::assessments::save_in(&mut tx, &context, target, 0, &edits_setting(&answers), Intent::Submit).await.unwrap();
    assert_eq!(outcome.status, app::domain::status::AssessmentStatus::Submitted);
    tx.commit().await.unwrap();
}

async fn publish(app: &TestApp) {
    sqlx::query("UPDATE round SET status = 'published' WHERE id = $1")
        .bind(app.fixture.round.0)
        .execute(&app.fixture.pool)
        .await
        .unwrap();
}

async fn results(app: &TestApp, cookie: &str, node: Option<NodeId>) -> common::http::Reply {
    let round = app.fixture.round.to_string();
    let mut pairs = vec![("round_id", round.clone())];
    if let Some(node) = node {
        pairs.push(("node_id", node.to_string()));
    }
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(name, value)| (*name, value.as_str())).collect();
    app.send(TestApp::post("/api/results", form(&borrowed), Some(cookie))).await
}

async fn seen(app: &TestApp, cookie: &str, node: Option<NodeId>) -> OrgResults {
    let reply = results(app, cookie, node).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn index_mean(results: &OrgResults) -> Option<f64> {
    results.figures[0].figure.value().map(|spread| spread.mean)
}

#[test]
fn an_unpublished_round_is_the_quality_departments_alone() {
    common::run(async {
        let app = TestApp::new().await;
        submit(&app, app.fixture.unit_a, 3).await;
        for email in [MANAGER_A_EMAIL, HEAD_EMAIL] {
            let cookie = app.login(email).await;
            assert_eq!(results(&app, &cookie, None).await.status, StatusCode::NOT_FOUND, "{email}");
        }
        let quality = app.login(QUALITY_EMAIL).await;
        assert_eq!(index_mean(&seen(&app, &quality, None).await), Some(3.0));
    })
}

#[test]
fn a_unit_manager_sees_their_unit_and_aggregates_of_three_or_more_above_it() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        submit(&app, fixture.unit_a, 3).await;
        submit(&app, fixture.unit_b, 4).await;
        submit(&app, fixture.unit_c, 2).await;
        publish(&app).await;
        let cookie = app.login(MANAGER_A_EMAIL).await;

        let city = seen(&app, &cookie, None).await;
        assert!(!city.full);
        assert_eq!(index_mean(&city), Some(3.0), "three units: shown");
        let rows: Vec<&str> = city.children.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(rows, ["Järva stadsdelsförvaltning"], "only the manager's own chain, not Södermalm");
        assert_eq!(city.children[0].index, Shown::TooFew, "Järva rests on two units");

        let jarva = seen(&app, &cookie, Some(fixture.jarva)).await;
        assert_eq!(jarva.figures[0].figure, Shown::TooFew);
        let department = NodeId(jarva.children[0].id);
        let department = seen(&app, &cookie, Some(department)).await;
        let units: Vec<(&str, bool)> = department.children.iter().map(|row| (row.name.as_str(), row.link)).collect();
        assert_eq!(units, [("Förskolan A", true)], "unit B is not listed");
        assert_eq!(department.children[0].index, Shown::Value(3.0), "the manager's own unit in full");

        for other in [fixture.unit_b, fixture.sodermalm, fixture.unit_c] {
            assert_eq!(results(&app, &cookie, Some(other)).await.status, StatusCode::FORBIDDEN, "{other}");
        }
        let own = seen(&app, &cookie, Some(fixture.unit_a)).await;
        assert!(own.full);
        assert_eq!(index_mean(&own), Some(3.0));
    })
}

#[test]
fn a_head_sees_their_subtree_in_full_and_the_quality_department_everything() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        submit(&app, fixture.unit_a, 3).await;
        submit(&app, fixture.unit_b, 4).await;
        submit(&app, fixture.unit_c, 2).await;
        publish(&app).await;

        let head = app.login(HEAD_EMAIL).await;
        let jarva = seen(&app, &head, Some(fixture.jarva)).await;
        assert!(jarva.full);
        assert_eq!(index_mean(&jarva), Some(3.5));
        assert_eq!(results(&app, &head, Some(fixture.sodermalm)).await.status, StatusCode::FORBIDDEN);
        assert_eq!(results(&app, &head, Some(fixture.unit_c)).await.status, StatusCode::FORBIDDEN);

        let quality = app.login(QUALITY_EMAIL).await;
        let city = seen(&app, &quality, None).await;
        assert!(city.full);
        assert_eq!(city.children.len(), 2);
        assert_eq!((city.submitted, city.total), (3, 3));
        let index = city.figures[0].figure.value().unwrap();
        assert_eq!((index.min, index.median, index.max), (2.0, 3.0, 4.0));
    })
}

#[test]
fn organisation_names_are_shown_as_text() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        sqlx::query("UPDATE org_node_version SET name = $1 WHERE node_id = $2")
            .bind("<script>alert(1)</script>")
            .bind(fixture.jarva.0)
            .execute(&fixture.pool)
            .await
            .unwrap();
        submit(&app, fixture.unit_a, 3).await;
        publish(&app).await;
        let quality = app.login(QUALITY_EMAIL).await;
        let page = app.send(TestApp::get(&format!("/resultat?omgang={}", fixture.round), Some(&quality))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("<script>alert(1)"), "a name rendered as markup");
        assert!(
            page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || page.body.contains("&lt;script>alert(1)")
        );
    })
}

fn chart_path(app: &TestApp, file: &str, node: Option<NodeId>) -> String {
    let node = node.map(|node| format!("&nod={node}")).unwrap_or_default();
    format!("/resultat/diagram/{file}?omgang={}{node}", app.fixture.round)
}

#[test]
fn charts_are_svg_and_png_of_what_the_viewer_may_see_with_names_escaped() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        sqlx::query("UPDATE org_node_version SET name = $1 WHERE node_id = $2")
            .bind("<script>alert(1)</script>")
            .bind(fixture.jarva.0)
            .execute(&fixture.pool)
            .await
            .unwrap();
        submit(&app, fixture.unit_a, 3).await;
        submit(&app, fixture.unit_b, 4).await;
        submit(&app, fixture.unit_c, 2).await;

        // Not published yet: the unit manager gets nothing, chart or not.
        let manager = app.login(MANAGER_A_EMAIL).await;
        let early = app.send(TestApp::get(&chart_path(&app, "nivaer.svg", None), Some(&manager))).await;
        assert_eq!(early.status, StatusCode::NOT_FOUND);
        publish(&app).await;

        let quality = app.login(QUALITY_EMAIL).await;
        let svg = app.send(TestApp::get(&chart_path(&app, "jamforelse.svg", None), Some(&quality))).await;
        assert_eq!(svg.status, StatusCode::OK, "{}", svg.body);
        assert_eq!(svg.headers["content-type"], "image/svg+xml; charset=utf-8");
        let document = roxmltree::Document::parse(&svg.body).expect("the SVG is XML");
        assert!(document.descendants().all(|node| node.tag_name().name() != "script"), "no script element");
        let texts: Vec<&str> = document.descendants().filter_map(|node| node.text()).collect();
        assert!(texts.iter().any(|text| text.contains("<script>alert(1)</script>")), "the name as text");
        assert!(texts.iter().any(|text| text.contains("Södermalms stadsdelsförvaltning")));
        assert!(texts.iter().any(|text| text.trim() == "2,0"), "Södermalm's mean printed in its cells: {texts:?}");

        let levels = app.send(TestApp::get(&chart_path(&app, "nivaer.svg", None), Some(&quality))).await;
        assert_eq!(levels.status, StatusCode::OK);
        let document = roxmltree::Document::parse(&levels.body).expect("the SVG is XML");
        for rect in document.descendants().filter(|node| node.has_tag_name("rect")) {
            let width: f64 = rect.attribute("width").and_then(|value| value.parse().ok()).unwrap_or(-1.0);
            assert!(width > 0.0, "a rect without width: {:?}", rect.attributes().collect::<Vec<_>>());
        }

        let png =
            app.send(TestApp::get(&(chart_path(&app, "nivaer.png", None) + "&ladda_ner=1"), Some(&quality))).await;
        assert_eq!(png.status, StatusCode::OK);
        assert_eq!(png.headers["content-type"], "image/png");
        assert!(
            png.headers["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"mognad-nivaer-")
        );

        // The unit manager: their own chain only, and nothing about unit B or Södermalm.
        for node in [fixture.unit_b, fixture.sodermalm] {
            let refused = app.send(TestApp::get(&chart_path(&app, "nivaer.svg", Some(node)), Some(&manager))).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{node}");
        }
        let city = app.send(TestApp::get(&chart_path(&app, "jamforelse.svg", None), Some(&manager))).await;
        assert_eq!(city.status, StatusCode::OK);
        assert!(!city.body.contains("Södermalm"), "another administration leaked into the chart");
        let unknown = app.send(TestApp::get(&chart_path(&app, "hemligt.svg", None), Some(&quality))).await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        let anonymous = app.send(TestApp::get(&chart_path(&app, "nivaer.svg", None), None)).await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    })
}

#[test]
fn an_organisation_outside_the_rounds_tree_gives_way_to_its_top() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        submit(&app, fixture.unit_a, 3).await;
        let mut tx = db::pool::begin_write(&fixture.pool).await.unwrap();
        let elsewhere = db::org::insert_node(
            &mut tx,
            &db::org::NewNode {
                kind: app::domain::org::OrgKind::Company,
                name: "Bolag utanför omgången",
                parent: None,
                valid_from: chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap(),
                valid_to: None,
            },
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let quality = app.login(QUALITY_EMAIL).await;
        let shown = seen(&app, &quality, Some(elsewhere)).await;
        assert!(shown.replaced);
        assert_eq!(shown.node_id, fixture.city.0);
        let missing = results(&app, &quality, Some(NodeId(999_999))).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "an organisation that does not exist");
    })
}
