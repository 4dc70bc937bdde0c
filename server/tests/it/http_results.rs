//! Results over HTTP: who sees which organisation's figures, the rule of at least three
//! units for those who may not see the units, unpublished rounds, and names shown as text.

use crate::common;

use crate::common::http::{TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, MANAGER_C_EMAIL, QUALITY_EMAIL};
use app::api::results::{OrgResults, Shown};
use app::db;
use app::domain::ids::NodeId;
use app::domain::raw_answers::Intent;
use app::domain::round::RoundStatus;
use axum::http::StatusCode;

/// Submits a complete assessment for `unit`, every statement at `level`.
pub(crate) async fn submit(app: &TestApp, unit: NodeId, level: u8) {
    let fixture = &app.fixture;
    fixture.store(fixture.round, unit, &fixture.answers_at(level, "Belägg"), Intent::Submit).await;
}

/// Submits unit A at 3, unit B at 4 (both in Järva) and unit C at 2 (Södermalm).
pub(crate) async fn submit_three(app: &TestApp) {
    let fixture = &app.fixture;
    submit(app, fixture.unit_a, 3).await;
    submit(app, fixture.unit_b, 4).await;
    submit(app, fixture.unit_c, 2).await;
}

/// The name a hostile user might give an organisation.
const HOSTILE_NAME: &str = "<script>alert(1)</script>";

/// Renames `node` to [`HOSTILE_NAME`].
async fn rename_hostile(app: &TestApp, node: NodeId) {
    app::db::sql::query("UPDATE org_node_version SET name = $1 WHERE node_id = $2")
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

pub(crate) async fn publish(app: &TestApp) {
    app::db::sql::query("UPDATE round SET status = 'published' WHERE id = $1")
        .bind(app.fixture.round.0)
        .execute(&app.fixture.pool)
        .await
        .unwrap();
}

pub(crate) async fn results(app: &TestApp, cookie: &str, node: Option<NodeId>) -> common::http::Reply {
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

pub(crate) async fn seen(app: &TestApp, cookie: &str, node: Option<NodeId>) -> OrgResults {
    let reply = results(app, cookie, node).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn index_mean(results: &OrgResults) -> Option<f64> {
    results.figures[0].figure.value().map(|figure| figure.mean)
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
fn a_unit_manager_sees_their_unit_and_no_aggregate_that_less_their_own_gives_a_small_group() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        submit_three(&app).await;
        publish(&app).await;
        let cookie = app.login(MANAGER_A_EMAIL).await;

        let city = seen(&app, &cookie, None).await;
        assert!(!city.full);
        assert_eq!(city.figures[0].figure, Shown::TooFew, "three units less their own would be the other two");
        assert_eq!(city.submitted, Shown::TooFew, "and whether those two answered");
        let rows: Vec<&str> = city.children.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(rows, ["Järva stadsdelsförvaltning"], "only the manager's own chain, not Södermalm");
        assert_eq!(city.children[0].index, Shown::TooFew, "Järva rests on two units");
        assert_eq!(city.children[0].submitted, Shown::TooFew, "so does its response rate");

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
        assert_eq!((city.submitted.clone(), city.total), (Shown::Value(3), 3));
        let index =
            city.figures[0].figure.value().unwrap().spread.clone().expect("everything for the quality department");
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
        // Four more units on Södermalm: the city (7) less Järva's unit A leaves six.
        fixture.add_submitted_units(fixture.elderly_care, &[3, 3, 3, 3]).await;
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
        assert_eq!(seen_by_quality.rows[0].city, Shown::Value(3.0));

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
        // An organisation's radar is its own figures (the board presentation's radar).
        let city = app.send(TestApp::get(&chart_path(&app, "profil.svg", None), Some(&quality))).await;
        assert_eq!(city.status, StatusCode::OK);
        assert!(svg_texts(&city.body).iter().any(|text| text == "Stockholms stad"));
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
        assert_eq!(by_dimension.query.sort, Some(app::api::results::query::SortColumn::Dimension(dimension)));
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

/// Unit A's department with three more units (five in all, every one submitted), and
/// thirteen units on Södermalm: the city has 18.
async fn department_of_five_in_a_city_of_eighteen(app: &TestApp) {
    let fixture = &app.fixture;
    submit_three(app).await;
    fixture.add_submitted_units(fixture.preschools, &[1, 2, 5]).await;
    fixture.add_submitted_units(fixture.elderly_care, &[2, 3, 3, 4, 2, 3, 4, 5, 1, 3, 3, 2]).await;
    publish(app).await;
}

#[test]
fn a_unit_manager_gets_a_spread_only_over_ten_units_or_more_in_page_api_and_chart() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        department_of_five_in_a_city_of_eighteen(&app).await;
        let manager = app.login(MANAGER_A_EMAIL).await;

        let department = results(&app, &manager, Some(fixture.preschools)).await;
        assert_eq!(department.status, StatusCode::OK);
        assert!(!department.body.contains("\"q1\""), "no quartile of five units is sent: {}", department.body);
        let department: OrgResults = serde_json::from_str(&department.body).unwrap();
        let index = department.figures[0].figure.value().expect("a mean over five units");
        assert_eq!((index.n, index.mean, index.spread.clone()), (5, 3.0, None), "(3 + 4 + 1 + 2 + 5) / 5");
        assert!(!department.levels_chart_available());
        let levels = chart_path(&app, "nivaer.svg", Some(fixture.preschools));
        assert_eq!(app.send(TestApp::get(&levels, Some(&manager))).await.status, StatusCode::NOT_FOUND);
        let page = format!("/resultat?omgang={}&nod={}", fixture.round, fixture.preschools);
        let page = app.send(TestApp::get(&page, Some(&manager))).await;
        assert!(page.body.contains("För få enheter för spridning"), "the page says why");
        assert!(!page.body.contains("nivaer.svg"), "no level chart on the page");

        let city = seen(&app, &manager, None).await;
        let index = city.figures[0].figure.value().expect("the city's mean");
        assert_eq!(index.n, 18);
        assert!(index.spread.is_some(), "18 units, and 17 besides their own");
        let levels = app.send(TestApp::get(&chart_path(&app, "nivaer.svg", None), Some(&manager))).await;
        assert_eq!(levels.status, StatusCode::OK);

        // With the threshold raised to 20 by configuration, the city's spread goes too.
        let strict = app::domain::privacy::PrivacyRules::new(3, 20);
        let state = app::state::AppState::new(
            leptos::config::LeptosOptions::builder().output_name("mognad").site_root("target/site").build(),
            fixture.pool.clone(),
            false,
        )
        .with_privacy(strict);
        let caller = app::api::context::load_caller(&fixture.pool, fixture.manager_a).await.unwrap();
        let query = app::api::results::query::ResultsQuery { round: Some(fixture.round.0), ..Default::default() };
        let city =
            app::api::results::load::load_org_results(&fixture.pool, &state.results_cache, strict, &caller, &query)
                .await
                .unwrap();
        assert_eq!(city.figures[0].figure.value().map(|figure| figure.spread.is_some()), Some(false));
    })
}

#[test]
fn a_department_that_is_all_but_one_unit_of_its_administration_is_withheld() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        submit_three(&app).await;
        fixture.add_submitted_units(fixture.preschools, &[1, 2]).await;
        let small =
            fixture.add_node(app::domain::org::OrgKind::Department, "Avdelningen för fritid", fixture.jarva).await;
        fixture.add_submitted_units(small, &[5]).await;
        fixture.add_submitted_units(fixture.elderly_care, &[3; 12]).await;
        publish(&app).await;
        let manager = app.login(MANAGER_A_EMAIL).await;

        // Järva (5) less the department (4) would be the one unit of Avdelningen för fritid.
        let jarva = seen(&app, &manager, Some(fixture.jarva)).await;
        let department = seen(&app, &manager, Some(fixture.preschools)).await;
        assert_eq!(index_mean(&jarva), Some(3.0), "(3 + 4 + 1 + 2 + 5) / 5: the bigger group stays");
        assert_eq!(department.figures[0].figure, Shown::TooFew, "the department goes");
        assert_eq!(department.submitted, Shown::TooFew, "and its response rate");
        let row = jarva.children.iter().find(|row| row.id == fixture.preschools.0).expect("their own department");
        assert_eq!((row.index.clone(), row.submitted.clone()), (Shown::TooFew, Shown::TooFew), "the same in its row");
        assert!(jarva.children.iter().all(|row| row.id != small.0), "the other department is not listed");
        for figure in &department.figures {
            assert_eq!(figure.figure, Shown::TooFew, "{}", figure.key);
        }
        let trend_of_department = department.trend.rows[0].values.last().cloned();
        assert_eq!(trend_of_department, Some(Shown::TooFew), "nor in the trend");
    })
}

#[test]
fn a_type_of_organisation_against_the_city_gives_no_small_group_away() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        submit_three(&app).await;
        fixture.add_submitted_units(fixture.preschools, &[1, 2]).await;
        fixture.add_submitted_units(fixture.elderly_care, &[3; 12]).await;
        let company = fixture.add_node(app::domain::org::OrgKind::Company, "Bolaget AB", fixture.city).await;
        fixture.add_submitted_units(company, &[5, 5]).await;
        publish(&app).await;
        let manager = app.login(MANAGER_A_EMAIL).await;
        let read = |reply: common::http::Reply| -> OrgResults {
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            serde_json::from_str(&reply.body).unwrap()
        };

        let city = read(results_with(&app, &manager, &[]).await);
        let districts = read(results_with(&app, &manager, &[("query[kind]", "District")]).await);
        let companies = read(results_with(&app, &manager, &[("query[kind]", "Company")]).await);
        assert_eq!(companies.figures[0].figure, Shown::TooFew, "two units");
        assert_eq!(companies.submitted, Shown::TooFew);
        // The city less the districts would be the two companies' units.
        assert_ne!(city.figures[0].figure, Shown::TooFew, "the city stays");
        assert_eq!(districts.figures[0].figure, Shown::TooFew, "so the districts go");
        assert_eq!(districts.trend.rows[0].values.last().cloned(), Some(Shown::TooFew), "in the trend too");
        let chart = format!("/resultat/diagram/nivaer.svg?omgang={}&typ=stadsdelsnamnd", fixture.round);
        assert_eq!(app.send(TestApp::get(&chart, Some(&manager))).await.status, StatusCode::NOT_FOUND, "no chart");

        // The quality department sees all three.
        let quality = app.login(QUALITY_EMAIL).await;
        let companies = read(results_with(&app, &quality, &[("query[kind]", "Company")]).await);
        assert_eq!(index_mean(&companies), Some(5.0));
    })
}

#[test]
fn a_round_over_another_part_of_the_city_is_neither_offered_nor_chosen_for_those_it_does_not_reach() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        publish(&app).await;
        // The newest published round covers Södermalm only.
        let sodermalm_only = fixture.other_round("Självskattning Södermalm", 2030, RoundStatus::Published).await;
        app::db::sql::query("UPDATE round SET root_node_id = $1 WHERE id = $2")
            .bind(fixture.sodermalm.0)
            .bind(sodermalm_only.0)
            .execute(&fixture.pool)
            .await
            .unwrap();

        // Järva's manager and head land on the newest round that reaches them, and are not
        // offered the other.
        for email in [MANAGER_A_EMAIL, HEAD_EMAIL] {
            let cookie = app.login(email).await;
            let reply =
                app.send(TestApp::post("/api/results", form(&[("query[descending]", "false")]), Some(&cookie))).await;
            assert_eq!(reply.status, StatusCode::OK, "{email}: {}", reply.body);
            let page: OrgResults = serde_json::from_str(&reply.body).unwrap();
            assert_eq!(page.round.id, fixture.round, "{email}");
            assert!(
                page.rounds.iter().all(|round| round.id != sodermalm_only),
                "{email} offered a round over Södermalm"
            );
            let asked = form(&[("query[round]", &sodermalm_only.to_string())]);
            let refused = app.send(TestApp::post("/api/results", asked, Some(&cookie))).await;
            assert_eq!(refused.status, StatusCode::NOT_FOUND, "{email}");
        }

        // Södermalm's manager and the quality department see it, as the newest.
        for email in [MANAGER_C_EMAIL, QUALITY_EMAIL] {
            let cookie = app.login(email).await;
            let reply =
                app.send(TestApp::post("/api/results", form(&[("query[descending]", "false")]), Some(&cookie))).await;
            assert_eq!(reply.status, StatusCode::OK, "{email}: {}", reply.body);
            let page: OrgResults = serde_json::from_str(&reply.body).unwrap();
            assert_eq!(page.round.id, sodermalm_only, "{email}");
        }
    })
}

#[test]
fn a_server_shows_at_once_what_another_server_on_the_same_database_changed() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let other = app.another_server().await;
        submit_three(&app).await;
        let quality = app.login(QUALITY_EMAIL).await;
        let city = seen(&app, &quality, None).await;
        assert_eq!(city.submitted, Shown::Value(3), "now in the first server's results cache");

        // The quality department reopens unit A through the second server (the session is in
        // the database, so it holds there too).
        let round = fixture.round.to_string();
        let unit = fixture.unit_a.to_string();
        let reopen = form(&[("round_id", &round), ("unit_id", &unit), ("reason", "Inskickad av misstag")]);
        let reply = app.send_to(&other, TestApp::post("/api/reopen_assessment", reopen, Some(&quality))).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

        let city = seen(&app, &quality, None).await;
        assert_eq!(city.submitted, Shown::Value(2), "the first server's figures follow the second's write");
    })
}

#[test]
fn a_started_server_says_it_is_ready_once_every_rounds_results_are_computed() {
    common::run(async {
        let app = TestApp::new().await;
        submit_three(&app).await;
        let starting = app.send(TestApp::get("/readyz", None)).await;
        assert_eq!(starting.status, StatusCode::SERVICE_UNAVAILABLE, "nothing computed yet");

        assert_eq!(app.state.results_cache.warm(&app.fixture.pool).await, 1, "the one round, open");
        let ready = app.send(TestApp::get("/readyz", None)).await;
        assert_eq!(ready.status, StatusCode::OK);

        let quality = app.login(QUALITY_EMAIL).await;
        let city = seen(&app, &quality, None).await;
        assert_eq!(city.submitted, Shown::Value(3), "the computed results are the ones shown");
    })
}
