//! Results over HTTP: who sees which organisation's figures, the rule of at least three
//! units for those who may not see the units, unpublished rounds, and names shown as text.

mod common;

use app::api::results::{OrgResults, Shown};
use app::db;
use app::domain::ids::NodeId;
use app::domain::raw_answers::Intent;
use app::domain::round::RoundStatus;
use axum::http::StatusCode;
use common::http::{TestApp, form};
use common::{HEAD_EMAIL, MANAGER_A_EMAIL, QUALITY_EMAIL};

/// Submits a complete assessment for `unit`, every statement at `level`.
async fn submit(app: &TestApp, unit: NodeId, level: u8) {
    let fixture = &app.fixture;
    fixture.store(fixture.round, unit, &fixture.answers_at(level, "Belägg"), Intent::Submit).await;
}

/// Submits unit A at 3, unit B at 4 (both in Järva) and unit C at 2 (Södermalm).
async fn submit_three(app: &TestApp) {
    let fixture = &app.fixture;
    submit(app, fixture.unit_a, 3).await;
    submit(app, fixture.unit_b, 4).await;
    submit(app, fixture.unit_c, 2).await;
}

/// The name a hostile user might give an organisation.
const HOSTILE_NAME: &str = "<script>alert(1)</script>";

/// Renames `node` to [`HOSTILE_NAME`].
async fn rename_hostile(app: &TestApp, node: NodeId) {
    sqlx::query("UPDATE org_node_version SET name = $1 WHERE node_id = $2")
        .bind(HOSTILE_NAME)
        .bind(node.0)
        .execute(&app.fixture.pool)
        .await
        .unwrap();
}

/// The texts of an SVG document, trimmed, after checking that it is XML without a script
/// element.
fn svg_texts(svg: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(svg).expect("the SVG is XML");
    assert!(document.descendants().all(|node| node.tag_name().name() != "script"), "no script element");
    document.descendants().filter_map(|node| node.text()).map(|text| text.trim().to_owned()).collect()
}

async fn publish(app: &TestApp) {
    sqlx::query("UPDATE round SET status = 'published' WHERE id = $1")
        .bind(app.fixture.round.0)
        .execute(&app.fixture.pool)
        .await
        .unwrap();
}

async fn results(app: &TestApp, cookie: &str, node: Option<NodeId>) -> common::http::Reply {
    let node = node.map(|node| node.to_string());
    let mut pairs = vec![];
    if let Some(node) = &node {
        pairs.push(("query[node]", node.as_str()));
    }
    results_with(app, cookie, &pairs).await
}

/// The results server function with the fixture's round and the given query fields.
async fn results_with(app: &TestApp, cookie: &str, pairs: &[(&str, &str)]) -> common::http::Reply {
    let round = app.fixture.round.to_string();
    let mut all = vec![("query[round]", round.as_str())];
    all.extend_from_slice(pairs);
    app.send(TestApp::post("/api/results", form(&all), Some(cookie))).await
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
        submit_three(&app).await;
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
        submit_three(&app).await;
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
        rename_hostile(&app, fixture.jarva).await;
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
        rename_hostile(&app, fixture.jarva).await;
        submit_three(&app).await;

        // Not published yet: the unit manager gets nothing, chart or not.
        let manager = app.login(MANAGER_A_EMAIL).await;
        let early = app.send(TestApp::get(&chart_path(&app, "nivaer.svg", None), Some(&manager))).await;
        assert_eq!(early.status, StatusCode::NOT_FOUND);
        publish(&app).await;

        let quality = app.login(QUALITY_EMAIL).await;
        let svg = app.send(TestApp::get(&chart_path(&app, "jamforelse.svg", None), Some(&quality))).await;
        assert_eq!(svg.status, StatusCode::OK, "{}", svg.body);
        assert_eq!(svg.headers["content-type"], "image/svg+xml; charset=utf-8");
        let texts = svg_texts(&svg.body);
        assert!(texts.iter().any(|text| text.contains(HOSTILE_NAME)), "the name as text");
        assert!(texts.iter().any(|text| text.contains("Södermalms stadsdelsförvaltning")));
        assert!(texts.iter().any(|text| text == "2,0"), "Södermalm's mean printed in its cells: {texts:?}");

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

#[test]
fn a_units_profile_sets_it_beside_its_administration_the_city_and_its_previous_round() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let earlier = fixture.other_round("Självskattning 2019", 2019, RoundStatus::Published).await;
        fixture.store(earlier, fixture.unit_a, &fixture.answers_at(2, "Förr"), Intent::Submit).await;
        submit_three(&app).await;
        publish(&app).await;

        let manager = app.login(MANAGER_A_EMAIL).await;
        let own = seen(&app, &manager, Some(fixture.unit_a)).await;
        let profile = own.profile.expect("a unit has a profile");
        assert_eq!(profile.previous_round.as_deref(), Some("Självskattning 2019"));
        assert_eq!(profile.administration.as_deref(), Some("Järva stadsdelsförvaltning"));
        let index = &profile.rows[0];
        assert_eq!(
            (index.key.as_str(), index.unit, index.previous, index.change()),
            ("index", Some(3.0), Some(2.0), Some(1.0))
        );
        assert_eq!(index.administration, Shown::TooFew, "Järva rests on two units: withheld from a unit manager");
        assert_eq!(index.city, Shown::Value(3.0));
        assert!(profile.strongest.is_empty() && profile.weakest.is_empty(), "every dimension alike");
        assert_eq!(own.trend.rounds, ["Självskattning 2019", "Självskattning test"]);
        assert_eq!(own.trend.rows[0].values, [Shown::Value(2.0), Shown::Value(3.0)]);
        let city = seen(&app, &manager, None).await;
        assert_eq!(city.trend.rows[0].values, [Shown::TooFew, Shown::Value(3.0)], "2019 rests on one unit");

        let quality = app.login(QUALITY_EMAIL).await;
        let seen_by_quality = seen(&app, &quality, Some(fixture.unit_a)).await.profile.unwrap();
        assert_eq!(seen_by_quality.rows[0].administration, Shown::Value(3.5));

        // The radar: the unit, the city and the previous round; not the withheld Järva.
        let radar = app.send(TestApp::get(&chart_path(&app, "profil.svg", Some(fixture.unit_a)), Some(&manager))).await;
        assert_eq!(radar.status, StatusCode::OK, "{}", radar.body);
        let texts = svg_texts(&radar.body);
        for label in ["Förskolan A", "Stockholms stad", "Självskattning 2019"] {
            assert!(texts.iter().any(|text| text == label), "{label} in {texts:?}");
        }
        assert!(!radar.body.contains("Järva"), "a withheld series drawn");
        let trend =
            app.send(TestApp::get(&chart_path(&app, "utveckling.png", Some(fixture.unit_a)), Some(&manager))).await;
        assert_eq!(trend.status, StatusCode::OK);
        assert_eq!(trend.headers["content-type"], "image/png");

        // Another unit's profile, in any form, is refused.
        for file in ["profil.svg", "profil.png", "utveckling.svg", "utveckling.png", "nivaer.svg"] {
            let refused = app.send(TestApp::get(&chart_path(&app, file, Some(fixture.unit_b)), Some(&manager))).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{file}");
        }
        assert_eq!(results(&app, &manager, Some(fixture.unit_b)).await.status, StatusCode::FORBIDDEN);
        // An organisation has no profile to draw.
        let none = app.send(TestApp::get(&chart_path(&app, "profil.svg", None), Some(&quality))).await;
        assert_eq!(none.status, StatusCode::NOT_FOUND);
    })
}

#[test]
fn a_units_profile_in_an_unpublished_round_is_refused_to_its_manager() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        submit(&app, fixture.unit_a, 3).await;
        let manager = app.login(MANAGER_A_EMAIL).await;
        assert_eq!(results(&app, &manager, Some(fixture.unit_a)).await.status, StatusCode::NOT_FOUND);
        for file in ["profil.svg", "profil.png", "utveckling.svg"] {
            let refused = app.send(TestApp::get(&chart_path(&app, file, Some(fixture.unit_a)), Some(&manager))).await;
            assert_eq!(refused.status, StatusCode::NOT_FOUND, "{file}");
        }
    })
}

#[test]
fn a_unit_name_is_text_in_the_profile_page_and_its_radar() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        rename_hostile(&app, fixture.unit_a).await;
        submit(&app, fixture.unit_a, 3).await;
        publish(&app).await;
        let quality = app.login(QUALITY_EMAIL).await;
        let path = format!("/resultat?omgang={}&nod={}", fixture.round, fixture.unit_a);
        let page = app.send(TestApp::get(&path, Some(&quality))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("<script>alert(1)"), "a name rendered as markup");
        let radar = app.send(TestApp::get(&chart_path(&app, "profil.svg", Some(fixture.unit_a)), Some(&quality))).await;
        assert!(svg_texts(&radar.body).iter().any(|text| text.contains(HOSTILE_NAME)), "the name as text");
    })
}

#[test]
fn the_comparison_keeps_one_type_of_organisation_and_sorts_by_any_column() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        submit_three(&app).await;
        publish(&app).await;
        let quality = app.login(QUALITY_EMAIL).await;
        let names = |results: &OrgResults| results.children.iter().map(|row| row.name.clone()).collect::<Vec<_>>();
        let read = |reply: common::http::Reply| -> OrgResults {
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            serde_json::from_str(&reply.body).unwrap()
        };

        let by_name = read(results_with(&app, &quality, &[]).await);
        assert!(by_name.kind_filter_offered);
        assert_eq!(names(&by_name), ["Järva stadsdelsförvaltning", "Södermalms stadsdelsförvaltning"]);
        let best_first =
            read(results_with(&app, &quality, &[("query[sort]", "Index"), ("query[descending]", "true")]).await);
        assert_eq!(names(&best_first), ["Järva stadsdelsförvaltning", "Södermalms stadsdelsförvaltning"]);
        let worst_first = read(results_with(&app, &quality, &[("query[sort]", "Index")]).await);
        assert_eq!(names(&worst_first), ["Södermalms stadsdelsförvaltning", "Järva stadsdelsförvaltning"]);
        let dimension = fixture.framework.dimensions[0].key.to_string();
        let by_dimension = read(
            results_with(&app, &quality, &[("query[sort][Dimension]", &dimension), ("query[descending]", "true")])
                .await,
        );
        assert_eq!(by_dimension.query.sort, Some(app::api::results_query::SortColumn::Dimension(dimension)));
        assert_eq!(names(&by_dimension)[0], "Järva stadsdelsförvaltning");

        let districts = read(results_with(&app, &quality, &[("query[kind]", "District")]).await);
        assert_eq!(names(&districts).len(), 2);
        assert_eq!(index_mean(&districts), Some(3.0), "both are stadsdelsförvaltningar");
        let companies = read(results_with(&app, &quality, &[("query[kind]", "Company")]).await);
        assert!(companies.children.is_empty());
        assert_eq!(companies.figures[0].figure, Shown::Missing, "no bolag: no figures");
        assert_eq!(companies.total, 0);

        // Below the city the children are no förvaltningar: the filter does not apply.
        let jarva = read(
            results_with(&app, &quality, &[("query[node]", &fixture.jarva.to_string()), ("query[kind]", "Company")])
                .await,
        );
        assert!(!jarva.kind_filter_offered);
        assert_eq!(jarva.query.kind, None);
        assert_eq!(index_mean(&jarva), Some(3.5));
        // The heat-map follows the order asked for.
        let heatmap = app
            .send(TestApp::get(
                &format!("/resultat/diagram/jamforelse.svg?omgang={}&sortera=index&ordning=stigande", fixture.round),
                Some(&quality),
            ))
            .await;
        let (sodermalm, jarva) =
            (heatmap.body.find("Södermalms").expect("Södermalm"), heatmap.body.find("Järva").expect("Järva"));
        assert!(sodermalm < jarva, "lowest index first");
    })
}
