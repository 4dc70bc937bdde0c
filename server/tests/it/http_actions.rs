//! Improvement actions over HTTP: add, edit (merged field by field), remove (kept in the
//! history), follow up and carry on the previous round's; every change in the audit log;
//! other units' actions out of reach.

use crate::common;

use crate::common::http::{TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, MANAGER_C_EMAIL};
use app::api::actions::ActionsView;
use app::db;
use app::db::assessments::Target;
use app::db::audit::ChangeContext;
use app::db::rounds::NewRound;
use app::domain::actions::{ActionStatus, ActionValues};
use app::domain::ids::{FrameworkVersionId, NodeId};
use app::domain::merge::edits_setting;
use app::domain::raw_answers::Intent;
use app::domain::round::RoundStatus;
use app::routes::actions_path;
use axum::http::StatusCode;
use chrono::{NaiveDate, Utc};

const DIMENSION: &str = "ledarskap";

fn dimension(app: &TestApp) -> String {
    let first = app.fixture.framework.dimensions[0].key.to_string();
    if app.fixture.framework.dimension_by_str(DIMENSION).is_some() { DIMENSION.to_owned() } else { first }
}

fn ids(app: &TestApp, unit: NodeId) -> Vec<(&'static str, String)> {
    vec![("round_id", app.fixture.round.to_string()), ("unit_id", unit.to_string())]
}

fn body(pairs: Vec<(&str, String)>) -> String {
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(name, value)| (*name, value.as_str())).collect();
    form(&borrowed)
}

async fn add(app: &TestApp, cookie: &str, unit: NodeId, title: &str, owner: &str) -> common::http::Reply {
    let mut pairs = ids(app, unit);
    pairs.extend([
        ("dimension", dimension(app)),
        ("action[title]", title.to_owned()),
        ("action[description]", "Så här gör vi.".to_owned()),
        ("action[owner]", owner.to_owned()),
        ("action[due_on]", "2027-03-31".to_owned()),
        ("action[status]", "planned".to_owned()),
    ]);
    app.send(TestApp::post("/api/add_action", body(pairs), Some(cookie))).await
}

/// An edit of action `id` made from `base` to `new`.
async fn edit(
    app: &TestApp,
    cookie: &str,
    unit: NodeId,
    id: i64,
    base: &ActionValues,
    new: &ActionValues,
) -> common::http::Reply {
    app.send(TestApp::post("/api/edit_action", edit_body(app, unit, id, base, new), Some(cookie))).await
}

/// The form of an edit of action `id` from `base` to `new`.
fn edit_body(app: &TestApp, unit: NodeId, id: i64, base: &ActionValues, new: &ActionValues) -> String {
    let mut pairs = ids(app, unit);
    pairs.push(("action_id", id.to_string()));
    const NEW: [&str; 5] =
        ["action[title]", "action[description]", "action[owner]", "action[due_on]", "action[status]"];
    const BASE: [&str; 5] = ["base[title]", "base[description]", "base[owner]", "base[due_on]", "base[status]"];
    for (names, values) in [(NEW, new), (BASE, base)] {
        let texts = [&values.title, &values.description, &values.owner, &values.due_on];
        pairs.extend(names.iter().zip(texts).map(|(name, value)| (*name, value.clone())));
        pairs.push((names[4], values.status.key().to_owned()));
    }
    body(pairs)
}

async fn actions(app: &TestApp, cookie: &str, unit: NodeId) -> ActionsView {
    let reply = app.send(TestApp::post("/api/actions", body(ids(app, unit)), Some(cookie))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn audit_fields(app: &TestApp) -> Vec<String> {
    app::db::sql::query_scalar("SELECT field FROM audit_event WHERE field LIKE 'action:%' ORDER BY id")
        .fetch_all(&app.fixture.pool)
        .await
        .unwrap()
}

#[test]
fn an_action_is_added_edited_and_removed_with_every_change_in_the_audit_log() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let unit = app.fixture.unit_a;
        let added = add(&app, &cookie, unit, "Inför månadsvis uppföljning", "Anna Ek").await;
        assert_eq!(added.status, StatusCode::OK, "{}", added.body);
        let id: i64 = serde_json::from_str(&added.body).unwrap();

        let listed = actions(&app, &cookie, unit).await;
        assert!(listed.can_edit);
        let current = listed.current.unwrap();
        assert_eq!(current.len(), 1);
        let shown = current[0].values.clone();
        assert_eq!(shown.title, "Inför månadsvis uppföljning");
        assert_eq!(shown.status, ActionStatus::Planned);
        let fields = audit_fields(&app).await;
        for field in ["title", "description", "owner", "due", "status"] {
            assert!(fields.contains(&format!("action:{id}:{field}")), "{field} in {fields:?}");
        }

        let mut changed = shown.clone();
        changed.status = ActionStatus::InProgress;
        assert_eq!(edit(&app, &cookie, unit, id, &shown, &changed).await.status, StatusCode::OK);
        let (old, new): (Option<String>, Option<String>) = app::db::sql::query_as(
            "SELECT old_value, new_value FROM audit_event WHERE field = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(format!("action:{id}:status"))
        .fetch_one(&app.fixture.pool)
        .await
        .unwrap();
        assert_eq!((old.as_deref(), new.as_deref()), (Some("planned"), Some("in_progress")));

        let mut pairs = ids(&app, unit);
        pairs.push(("action_id", id.to_string()));
        let removed = app.send(TestApp::post("/api/remove_action", body(pairs), Some(&cookie))).await;
        assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
        assert!(actions(&app, &cookie, unit).await.current.unwrap().is_empty());
        let kept: i64 = app::db::sql::query_scalar(
            "SELECT count(*) FROM improvement_action WHERE id = $1 AND removed_at IS NOT NULL",
        )
        .bind(id)
        .fetch_one(&app.fixture.pool)
        .await
        .unwrap();
        assert_eq!(kept, 1, "a removed action stays in the database");
        assert!(audit_fields(&app).await.contains(&format!("action:{id}:removed")));
    })
}

#[test]
fn two_editors_merge_different_fields_and_see_both_values_on_the_same_field() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let unit = app.fixture.unit_a;
        let id: i64 = serde_json::from_str(&add(&app, &cookie, unit, "Rutin", "Anna").await.body).unwrap();
        let base = actions(&app, &cookie, unit).await.current.unwrap()[0].values.clone();

        let mut first = base.clone();
        first.owner = "Bertil".into();
        assert_eq!(edit(&app, &cookie, unit, id, &base, &first).await.status, StatusCode::OK);
        let mut second = base.clone();
        second.due_on = "2027-06-30".into();
        assert_eq!(
            edit(&app, &cookie, unit, id, &base, &second).await.status,
            StatusCode::OK,
            "different fields merge"
        );
        let stored = actions(&app, &cookie, unit).await.current.unwrap()[0].values.clone();
        assert_eq!((stored.owner.as_str(), stored.due_on.as_str()), ("Bertil", "2027-06-30"));

        let mut third = base.clone();
        third.owner = "Cecilia".into();
        third.title = "Rutin för uppföljning".into();
        let conflict = edit(&app, &cookie, unit, id, &base, &third).await;
        assert_eq!(conflict.status, StatusCode::CONFLICT);
        let error: serde_json::Value = serde_json::from_str(&conflict.body).unwrap();
        let fields = &error["ActionConflict"]["fields"];
        assert_eq!(fields[0]["field"], "Owner");
        assert_eq!(fields[0]["theirs"], "Bertil");
        assert_eq!(fields[0]["yours"], "Cecilia");
        let stored = actions(&app, &cookie, unit).await.current.unwrap()[0].values.clone();
        assert_eq!(stored.owner, "Bertil", "the other person's value is not overwritten");
        assert_eq!(stored.title, "Rutin för uppföljning", "the rest of the edit is stored");

        // Without script: the conflicting text is kept for its author and put back into the
        // form on the page, beside the other person's.
        let mut fourth = base.clone();
        fourth.owner = "Doris".into();
        let page = actions_path(app.fixture.round, unit);
        let plain = TestApp::post_plain_form(
            "/api/edit_action",
            edit_body(&app, unit, id, &base, &fourth),
            Some(&cookie),
            &page,
        );
        let reply = app.send(plain).await;
        assert!(reply.status.is_redirection(), "{} {}", reply.status, reply.body);
        let location = reply.headers["location"].to_str().unwrap().to_owned();
        assert!(location.starts_with(&format!("{page}?konflikt=")), "{location}");
        assert!(location.ends_with(&format!("#atgard-{id}")), "{location}");
        let token = location.split("konflikt=").nth(1).unwrap().split('#').next().unwrap().to_owned();
        let mut pairs = ids(&app, unit);
        pairs.push(("conflict", token.clone()));
        let reply = app.send(TestApp::post("/api/actions", body(pairs), Some(&cookie))).await;
        let listed: ActionsView = serde_json::from_str(&reply.body).unwrap();
        let (kept_id, kept) = listed.kept_conflict.expect("the conflict is kept");
        assert_eq!(kept_id.0, id);
        assert_eq!((kept[0].theirs.as_str(), kept[0].yours.as_str()), ("Bertil", "Doris"));
        let html = app.send(TestApp::get(&format!("{page}?konflikt={token}"), Some(&cookie))).await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(html.body.contains("value=\"Doris\""), "the author's text back in the field");
        assert!(html.body.contains("Bertil"), "the other person's version beside it");
        assert_eq!(actions(&app, &cookie, unit).await.kept_conflict, None, "without the token: nothing");
    })
}

#[test]
fn bad_input_is_refused_with_the_fields_named() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let unit = app.fixture.unit_a;
        let refused = add(&app, &cookie, unit, "   ", &"x".repeat(201)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let error: serde_json::Value = serde_json::from_str(&refused.body).unwrap();
        let keys: Vec<&str> =
            error["Invalid"]["fields"].as_array().unwrap().iter().map(|field| field["key"].as_str().unwrap()).collect();
        assert_eq!(keys, ["title", "owner"]);

        let mut pairs = ids(&app, unit);
        pairs.extend([
            ("dimension", dimension(&app)),
            ("action[title]", "T".into()),
            ("action[due_on]", "31/3".into()),
        ]);
        let bad_date = app.send(TestApp::post("/api/add_action", body(pairs), Some(&cookie))).await;
        assert_eq!(bad_date.status, StatusCode::UNPROCESSABLE_ENTITY);
        let mut pairs = ids(&app, unit);
        pairs.extend([("dimension", "<script>".into()), ("action[title]", "T".into())]);
        let bad_dimension = app.send(TestApp::post("/api/add_action", body(pairs), Some(&cookie))).await;
        assert_eq!(bad_dimension.status, StatusCode::BAD_REQUEST);
        assert!(actions(&app, &cookie, unit).await.current.unwrap().is_empty());
    })
}

#[test]
fn other_units_actions_are_out_of_reach() {
    common::run(async {
        let app = TestApp::new().await;
        let manager_c = app.login(MANAGER_C_EMAIL).await;
        let id: i64 =
            serde_json::from_str(&add(&app, &manager_c, app.fixture.unit_c, "C:s åtgärd", "C").await.body).unwrap();

        let manager_a = app.login(MANAGER_A_EMAIL).await;
        let values = ActionValues { title: "Kapad".into(), ..ActionValues::default() };
        // Through another unit's id: forbidden. Through one's own unit: the action is not there.
        let foreign = edit(&app, &manager_a, app.fixture.unit_c, id, &values, &values).await;
        assert_eq!(foreign.status, StatusCode::FORBIDDEN);
        let smuggled = edit(&app, &manager_a, app.fixture.unit_a, id, &values, &values).await;
        assert_eq!(smuggled.status, StatusCode::NOT_FOUND);
        let mut pairs = ids(&app, app.fixture.unit_a);
        pairs.push(("action_id", id.to_string()));
        let removed = app.send(TestApp::post("/api/remove_action", body(pairs), Some(&manager_a))).await;
        assert_eq!(removed.status, StatusCode::NOT_FOUND);

        // A head reads, never writes; and sees a unit's actions only once it has submitted.
        let head = app.login(HEAD_EMAIL).await;
        assert_eq!(add(&app, &head, app.fixture.unit_a, "Chefens", "X").await.status, StatusCode::FORBIDDEN);
        let own = add(&app, &manager_a, app.fixture.unit_a, "A:s åtgärd", "A").await;
        assert_eq!(own.status, StatusCode::OK);
        assert_eq!(actions(&app, &head, app.fixture.unit_a).await.current, None);
        let title: String = app::db::sql::query_scalar("SELECT title FROM improvement_action WHERE id = $1")
            .bind(id)
            .fetch_one(&app.fixture.pool)
            .await
            .unwrap();
        assert_eq!(title, "C:s åtgärd");
    })
}

#[test]
fn open_actions_of_the_previous_round_are_followed_up_and_carried_on() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let unit = fixture.unit_a;
        // An earlier, closed round where the unit submitted, with three actions.
        let mut tx = db::pool::begin_write(&fixture.pool).await.unwrap();
        let version: i64 = app::db::sql::query_scalar("SELECT framework_version_id FROM round WHERE id = $1")
            .bind(fixture.round.0)
            .fetch_one(&mut *tx)
            .await
            .unwrap();
        let earlier = db::rounds::insert(
            &mut tx,
            &NewRound {
                name: "Självskattning 2019",
                framework_version: FrameworkVersionId(version),
                root: fixture.city,
                opens_on: NaiveDate::from_ymd_opt(2019, 2, 1).unwrap(),
                closes_on: NaiveDate::from_ymd_opt(2019, 4, 30).unwrap(),
                status: RoundStatus::Closed,
            },
        )
        .await
        .unwrap();
        let context = ChangeContext { actor: fixture.quality, request_id: None, at: Utc::now() };
        let target = Target { round: earlier, unit, framework: &fixture.framework };
        let outcome =
            db::assessments::save_in(&mut tx, &context, target, 0, &edits_setting(&Default::default()), Intent::Save)
                .await
                .unwrap();
        let assessment = match outcome.assessment {
            Some(id) => id,
            None => db::assessments::create_in(&mut tx, &context, earlier, unit).await.unwrap().id,
        };
        app::db::sql::query("UPDATE assessment SET status = 'submitted' WHERE id = $1")
            .bind(assessment.0)
            .execute(&mut *tx)
            .await
            .unwrap();
        let mut insert = async |title: &str, status: ActionStatus| {
            let values = ActionValues { title: title.into(), status, ..ActionValues::default() };
            db::actions::insert_in(&mut tx, &context, assessment, &dimension(&app), &values, None).await.unwrap().0
        };
        let to_carry = insert("Fortsätt utbilda", ActionStatus::InProgress).await;
        let to_finish = insert("Ny rutin", ActionStatus::Planned).await;
        let _done = insert("Redan klar", ActionStatus::Done).await;
        tx.commit().await.unwrap();

        let cookie = app.login(MANAGER_A_EMAIL).await;
        let view = actions(&app, &cookie, unit).await;
        assert_eq!(view.previous_round.as_deref(), Some("Självskattning 2019"));
        let open: Vec<i64> = view.previous_open.iter().map(|item| item.id.0).collect();
        assert_eq!(open, [to_carry, to_finish], "only open actions follow the unit");

        let follow = |id: i64, status: &str, carry: bool| {
            let mut pairs = ids(&app, unit);
            pairs.extend([("action_id", id.to_string()), ("status", status.to_owned())]);
            if carry {
                pairs.push(("carry", "1".to_owned()));
            }
            TestApp::post("/api/follow_up_action", body(pairs), Some(&cookie))
        };
        let carried = app.send(follow(to_carry, "in_progress", true)).await;
        assert_eq!(carried.status, StatusCode::OK, "{}", carried.body);
        assert_eq!(app.send(follow(to_carry, "in_progress", true)).await.status, StatusCode::CONFLICT, "carried once");
        assert_eq!(app.send(follow(to_finish, "done", false)).await.status, StatusCode::OK);

        let view = actions(&app, &cookie, unit).await;
        assert!(view.previous_open.is_empty());
        let current = view.current.unwrap();
        assert_eq!(current.len(), 1);
        assert_eq!(current[0].values.title, "Fortsätt utbilda");
        assert_eq!(current[0].carried_from.map(|id| id.0), Some(to_carry));
        let status: String = app::db::sql::query_scalar("SELECT status FROM improvement_action WHERE id = $1")
            .bind(to_finish)
            .fetch_one(&fixture.pool)
            .await
            .unwrap();
        assert_eq!(status, "done");
        assert!(audit_fields(&app).await.contains(&format!("action:{to_finish}:status")));
    })
}

#[test]
fn hostile_text_in_actions_is_shown_as_text_on_the_page_and_in_the_history() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let unit = app.fixture.unit_a;
        let hostile = [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">klicka</a>",
            "=HYPERLINK(\"http://evil.example\",\"klicka\")",
            "</textarea><script>alert(2)</script>",
            "مرحبا – שלום 😀👍🏽 åäö",
        ];
        for text in hostile {
            let reply = add(&app, &cookie, unit, text, text).await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        }
        let mut pairs = ids(&app, unit);
        pairs.extend([
            ("dimension", dimension(&app)),
            ("action[title]", "Lång".into()),
            ("action[description]", "å".repeat(10_000)),
        ]);
        let long = app.send(TestApp::post("/api/add_action", body(pairs), Some(&cookie))).await;
        assert_eq!(long.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(long.body.contains("\"actual\":10000"), "{}", long.body);

        let actions_page = format!("/omgangar/{}/enheter/{unit}/atgarder", app.fixture.round);
        let history_page = format!("/omgangar/{}/enheter/{unit}/historik", app.fixture.round);
        let quality = app.login(common::QUALITY_EMAIL).await;
        for (viewer, path) in [(&cookie, &actions_page), (&quality, &history_page)] {
            let shown = app.send(TestApp::get(path, Some(viewer))).await;
            assert_eq!(shown.status, StatusCode::OK, "{path}");
            for markup in ["<script>alert", "<img src=x", "<a href=\"javascript"] {
                assert!(!shown.body.contains(markup), "{markup} rendered as markup on {path}");
            }
            assert!(shown.body.contains("😀👍🏽 åäö"), "text survives intact on {path}");
        }
    })
}
