//! The board presentation over HTTP: which decks each role gets, the results page's rules on
//! every slide, the presenter's comments, hidden slides and chosen actions, and names and
//! comments shown as text.

use crate::common;

use crate::common::http::{TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, MANAGER_C_EMAIL, QUALITY_EMAIL};
use app::api::presentation::Deck;
use app::api::results::Shown;
use app::db;
use app::db::audit::ChangeContext;
use app::domain::actions::{ActionStatus, ActionValues};
use app::domain::ids::{ActionId, NodeId};
use app::domain::raw_answers::Intent;
use app::domain::slide::SlideKind;
use axum::http::StatusCode;

/// Unit A at 3 and unit B at 4 in Järva, twelve units on Södermalm: all submitted, the
/// round published.
async fn published_city(app: &TestApp) {
    let fixture = &app.fixture;
    for (unit, level) in [(fixture.unit_a, 3), (fixture.unit_b, 4), (fixture.unit_c, 2)] {
        fixture.store(fixture.round, unit, &fixture.answers_at(level, "Belägg"), Intent::Submit).await;
    }
    fixture.add_submitted_units(fixture.elderly_care, &[3; 11]).await;
    app::db::sql::query("UPDATE round SET status = 'published' WHERE id = $1")
        .bind(fixture.round.0)
        .execute(&fixture.pool)
        .await
        .unwrap();
}

/// An improvement action of `unit`'s assessment in the fixture's round.
async fn action(app: &TestApp, unit: NodeId, title: &str) -> ActionId {
    let fixture = &app.fixture;
    let record = db::assessments::find(&fixture.pool, fixture.round, unit).await.unwrap().expect("an assessment");
    let mut tx = db::pool::begin_write(&fixture.pool).await.unwrap();
    let context = ChangeContext { actor: fixture.quality, request_id: None, at: chrono::Utc::now() };
    let values = ActionValues {
        title: title.into(),
        description: String::new(),
        owner: "Anna".into(),
        due_on: "2027-03-31".into(),
        status: ActionStatus::InProgress,
    };
    let dimension = fixture.framework.dimensions[0].key.to_string();
    let id = db::actions::insert_in(&mut tx, &context, record.id, &dimension, &values, None).await.unwrap();
    tx.commit().await.unwrap();
    id
}

async fn deck_reply(app: &TestApp, cookie: &str, node: NodeId) -> common::http::Reply {
    let round = app.fixture.round.to_string();
    let node = node.to_string();
    let body = form(&[("query[round]", &round), ("query[node]", &node), ("editing", "true")]);
    app.send(TestApp::post("/api/deck", body, Some(cookie))).await
}

async fn deck(app: &TestApp, cookie: &str, node: NodeId) -> Deck {
    let reply = deck_reply(app, cookie, node).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn summary(deck: &Deck, kind: SlideKind) -> String {
    deck.slides.iter().find(|slide| slide.kind == kind).map(|slide| slide.summary.clone()).unwrap_or_default()
}

#[test]
fn a_head_and_the_quality_department_get_the_deck_with_a_plain_swedish_summary_on_each_slide() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        published_city(&app).await;
        let head = app.login(HEAD_EMAIL).await;
        let jarva = deck(&app, &head, fixture.jarva).await;
        assert!(jarva.can_edit, "the head prepares their administration's presentation");
        let kinds: Vec<SlideKind> = jarva.slides.iter().map(|slide| slide.kind).collect();
        assert_eq!(kinds, SlideKind::ALL, "every slide, in order");
        // Järva: (3 + 4) / 2 = 3,5; the city: (3 + 4 + 2 + 11 · 3) / 14 = 3,0.
        assert_eq!(summary(&jarva, SlideKind::Indices), "Index 3,5 – staden 3,0.");
        assert_eq!(summary(&jarva, SlideKind::ResponseRate), "2 av 2 enheter har svarat (100,0 %).");
        assert!(
            summary(&jarva, SlideKind::Radar).starts_with("Högre än staden på 12 av 12"),
            "{}",
            summary(&jarva, SlideKind::Radar)
        );
        assert_eq!(jarva.actions.as_deref(), Some(&[][..]), "none chosen yet");

        let quality = app.login(QUALITY_EMAIL).await;
        let city = deck(&app, &quality, fixture.city).await;
        assert!(city.can_edit);
        assert_eq!(summary(&city, SlideKind::Indices), "Index 3,0.", "the city has no city to compare with");
        assert!(
            summary(&city, SlideKind::HeatMap).contains("2 organisationer jämförs"),
            "{}",
            summary(&city, SlideKind::HeatMap)
        );
        // The head may not prepare the city's presentation, nor see Södermalm's.
        assert!(!deck(&app, &head, fixture.city).await.can_edit);
        assert_eq!(deck_reply(&app, &head, fixture.sodermalm).await.status, StatusCode::FORBIDDEN);
    })
}

#[test]
fn a_deck_is_for_an_organisation_in_a_published_round() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let quality = app.login(QUALITY_EMAIL).await;
        assert_eq!(deck_reply(&app, &quality, fixture.city).await.status, StatusCode::NOT_FOUND, "open round");
        published_city(&app).await;
        assert_eq!(deck_reply(&app, &quality, fixture.unit_a).await.status, StatusCode::NOT_FOUND, "a unit");
        let anonymous = app
            .send(TestApp::post(
                "/api/deck",
                form(&[("query[round]", &fixture.round.to_string()), ("editing", "false")]),
                None,
            ))
            .await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    })
}

#[test]
fn a_unit_manager_sees_the_aggregates_rules_on_every_slide_and_no_actions() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        published_city(&app).await;
        let chosen = action(&app, fixture.unit_b, "Rutin för synpunkter").await;
        let head = app.login(HEAD_EMAIL).await;
        let save = form(&[
            ("form[round_id]", &fixture.round.to_string()),
            ("form[node_id]", &fixture.jarva.to_string()),
            (&format!("form[action][{chosen}]"), "1"),
        ]);
        assert_eq!(app.send(TestApp::post("/api/save_deck", save, Some(&head))).await.status, StatusCode::OK);

        let manager = app.login(MANAGER_A_EMAIL).await;
        let jarva = deck(&app, &manager, fixture.jarva).await;
        assert!(!jarva.can_edit);
        assert_eq!(jarva.results.figures[0].figure, Shown::TooFew, "two units: withheld, as on the results page");
        assert_eq!(summary(&jarva, SlideKind::Indices), "Index visas inte: det bygger på för få enheter.");
        assert_eq!(jarva.actions, None, "another unit's action is never shown to a unit manager");
        assert!(jarva.candidates.is_empty());
        assert!(jarva.slides.iter().all(|slide| slide.notes.is_empty()), "speaker notes are the presenter's");
        let other = app.login(MANAGER_C_EMAIL).await;
        assert_eq!(deck_reply(&app, &other, fixture.jarva).await.status, StatusCode::FORBIDDEN);
    })
}

#[test]
fn the_presenter_saves_comments_notes_hidden_slides_and_actions_and_only_they_may() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        published_city(&app).await;
        let inside = action(&app, fixture.unit_a, "=HYPERLINK(\"x\") <script>alert(1)</script>").await;
        let outside = action(&app, fixture.unit_c, "Södermalms åtgärd").await;
        let round = fixture.round.to_string();
        let jarva = fixture.jarva.to_string();
        let fields = |action: ActionId| {
            form(&[
                ("form[round_id]", round.as_str()),
                ("form[node_id]", jarva.as_str()),
                ("form[comment][index]", "Vi har ökat <b>tydligt</b>."),
                ("form[notes][index]", "Nämn utbildningen."),
                ("form[hidden][nivaer]", "1"),
                (&format!("form[action][{action}]"), "1"),
            ])
        };
        let head = app.login(HEAD_EMAIL).await;
        let refused = app.send(TestApp::post("/api/save_deck", fields(outside), Some(&head))).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "another administration's action");
        let manager = app.login(MANAGER_A_EMAIL).await;
        let denied = app.send(TestApp::post("/api/save_deck", fields(inside), Some(&manager))).await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN, "a unit manager prepares nothing");
        let saved = app.send(TestApp::post("/api/save_deck", fields(inside), Some(&head))).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);

        let deck = deck(&app, &head, fixture.jarva).await;
        let index = deck.slides.iter().find(|slide| slide.kind == SlideKind::Indices).unwrap();
        assert_eq!(
            (index.comment.as_str(), index.notes.as_str()),
            ("Vi har ökat <b>tydligt</b>.", "Nämn utbildningen.")
        );
        assert!(deck.slides.iter().find(|slide| slide.kind == SlideKind::Levels).unwrap().hidden);
        assert_eq!(deck.visible_slides().count(), SlideKind::ALL.len() - 1);
        assert_eq!(deck.actions.as_ref().map(|actions| actions[0].id), Some(inside));
        let logged: i64 = app::db::sql::query_scalar(
            "SELECT COUNT(*) FROM admin_event WHERE action = 'deck_edited' AND node_id = $1",
        )
        .bind(fixture.jarva.0)
        .fetch_one(&fixture.pool)
        .await
        .unwrap();
        assert_eq!(logged, 1);

        // The page: the hidden slide is not in it, the comment and the action are text.
        let path = format!("/resultat/presentation?omgang={}&nod={}", fixture.round, fixture.jarva);
        let page = app.send(TestApp::get(&path, Some(&head))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Vi har ökat &lt;b&gt;tydligt&lt;/b&gt;."), "the comment as text");
        assert!(!page.body.contains("<script>alert(1)"), "an action title rendered as markup");
        // (The page's data for its script holds every slide; the sections are the visible ones.)
        assert!(!page.body.contains(">Mognadsnivåer per dimension</h2>"), "the hidden slide is left out");
        assert_eq!(
            page.body.matches("<h2 id=\"bild-").count(),
            SlideKind::ALL.len() - 1,
            "a section per visible slide"
        );
        // The manager's view of the same deck: the comment, not the notes.
        let seen = app.send(TestApp::get(&path, Some(&manager))).await;
        assert!(seen.body.contains("Vi har ökat") && !seen.body.contains("Nämn utbildningen"));
    })
}
