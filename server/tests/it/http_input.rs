//! Bad input gets a clear 4xx and changes nothing; good input from a plain form (no
//! script) is saved and answered with a redirect back to the page.

use crate::common;

use crate::common::MANAGER_A_EMAIL;
use crate::common::http::TestApp;
use app::routes::assessment_path;
use axum::http::StatusCode;

async fn stored(app: &TestApp) -> (i64, i64, i64) {
    let count = |table: &'static str| {
        let pool = app.fixture.pool.clone();
        async move {
            app::db::sql::query_scalar::<i64>(&format!("SELECT count(*) FROM {table}")).fetch_one(&pool).await.unwrap()
        }
    };
    (count("assessment").await, count("rating").await, count("text_answer").await)
}

#[test]
fn bad_input_is_refused_with_a_clear_error_and_changes_nothing() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let unit = app.fixture.unit_a;
        let key = app.fixture.statement_keys()[0].clone();
        let rating = format!("form[rating][{key}]");
        let motivation = format!("form[motivation][{key}]");
        let before = stored(&app).await;

        let out_of_range = app.save(&cookie, unit, 0, "save", &[(&rating, "7")]).await;
        assert_eq!(out_of_range.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(out_of_range.body.contains("InvalidRating"), "{}", out_of_range.body);

        let unknown = app.save(&cookie, unit, 0, "save", &[("form[rating][finns_inte]", "3")]).await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unknown.body.contains("UnknownKey"));

        let too_long = "å".repeat(2_001);
        let long = app.save(&cookie, unit, 0, "save", &[(&motivation, &too_long)]).await;
        assert_eq!(long.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(long.body.contains("TooLong"));

        let megabyte = "x".repeat(1024 * 1024 + 1);
        let huge = app.save(&cookie, unit, 0, "save", &[(&motivation, &megabyte)]).await;
        assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);

        let malformed = app
            .send(TestApp::post("/api/save_assessment", "form[round_id]=inte-ett-tal&%%%".into(), Some(&cookie)))
            .await;
        assert_eq!(malformed.status, StatusCode::BAD_REQUEST);

        let bad_intent = app.save(&cookie, unit, 0, "delete_everything", &[(&rating, "3")]).await;
        assert_eq!(bad_intent.status, StatusCode::BAD_REQUEST);

        assert_eq!(stored(&app).await, before, "nothing was stored");
        for reply in [&out_of_range, &malformed] {
            let body = reply.body.to_lowercase();
            assert!(!body.contains("sqlx") && !body.contains("sqlite") && !body.contains("panicked"), "{body}");
        }
    })
}

#[test]
fn a_plain_form_post_saves_and_goes_back_to_the_page() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let key = app.fixture.statement_keys()[0].clone();
        let page = assessment_path(app.fixture.round, app.fixture.unit_a);
        let body = common::http::form(&[
            ("form[round_id]", &app.fixture.round.to_string()),
            ("form[unit_id]", &app.fixture.unit_a.to_string()),
            ("form[base_version]", "0"),
            ("form[intent]", "save"),
            (&format!("form[rating][{key}]"), "4"),
            (&format!("form[motivation][{key}]"), "<img src=x onerror=alert(1)>"),
        ]);
        let reply = app.send(TestApp::post_plain_form("/api/save_assessment", body, Some(&cookie), &page)).await;
        assert!(reply.status.is_redirection(), "{} {}", reply.status, reply.body);
        assert_eq!(reply.location(), Some(format!("{page}?sparad=1").as_str()));

        // The page shows the saved text as text, never as markup.
        let shown = app.send(TestApp::get(&format!("{page}?sparad=1"), Some(&cookie))).await;
        assert_eq!(shown.status, StatusCode::OK);
        assert!(shown.body.contains("&lt;img src=x onerror=alert(1)&gt;"), "the text is shown escaped");
        assert!(!shown.body.contains("<img src=x"), "never as markup");
        assert!(shown.body.contains("Utkastet är sparat."));

        // Submitting without script when things are missing goes back with the gap list.
        let body = common::http::form(&[
            ("form[round_id]", &app.fixture.round.to_string()),
            ("form[unit_id]", &app.fixture.unit_a.to_string()),
            ("form[base_version]", "1"),
            ("form[intent]", "submit"),
            (&format!("form[rating][{key}]"), "4"),
            (&format!("form[motivation][{key}]"), "<img src=x onerror=alert(1)>"),
        ]);
        let reply = app.send(TestApp::post_plain_form("/api/save_assessment", body, Some(&cookie), &page)).await;
        assert_eq!(reply.location(), Some(format!("{page}?ofullstandig=1").as_str()));
        let shown = app.send(TestApp::get(&format!("{page}?ofullstandig=1"), Some(&cookie))).await;
        assert!(shown.body.contains("Det här saknas innan du kan skicka in"), "{}", shown.body);

        // A refused plain form goes back to the page with the reason.
        let body = common::http::form(&[
            ("form[round_id]", &app.fixture.round.to_string()),
            ("form[unit_id]", &app.fixture.unit_b.to_string()),
            ("form[base_version]", "0"),
        ]);
        let reply = app.send(TestApp::post_plain_form("/api/save_assessment", body, Some(&cookie), &page)).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert_eq!(reply.location(), Some(format!("{page}?fel=behorighet").as_str()));
    })
}

#[test]
fn a_plain_form_post_with_an_expired_session_is_saved_after_signing_in_again() {
    common::run(async {
        let app = TestApp::new().await;
        let key = app.fixture.statement_keys()[0].clone();
        let page = assessment_path(app.fixture.round, app.fixture.unit_a);
        let sign_in = |cookie: Option<String>, token: Option<String>| {
            let mut pairs = vec![("email", MANAGER_A_EMAIL.to_owned()), ("password", common::PASSWORD.to_owned())];
            pairs.push(("next", page.clone()));
            pairs.extend(token.map(|token| ("kept", token)));
            let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(name, value)| (*name, value.as_str())).collect();
            let body = common::http::form(&borrowed);
            let app = &app;
            async move { app.send(TestApp::post_plain_form("/api/login", body, cookie.as_deref(), "/logga-in")).await }
        };
        // Signing in earlier gave this browser its key.
        let browser_key = sign_in(None, None).await.cookie("mognad_browser").expect("a key for this browser");

        let body = common::http::form(&[
            ("form[round_id]", &app.fixture.round.to_string()),
            ("form[unit_id]", &app.fixture.unit_a.to_string()),
            ("form[base_version]", "0"),
            ("form[intent]", "save"),
            (&format!("form[motivation][{key}]"), "En eftermiddags skrivande"),
        ]);
        let expired = format!("{browser_key}; mognad_session=expired");
        let reply = app.send(TestApp::post_plain_form("/api/save_assessment", body, Some(&expired), &page)).await;
        assert!(reply.status.is_redirection(), "{}", reply.status);
        let location = reply.location().unwrap().to_owned();
        assert!(location.starts_with(&format!("/logga-in?next={page}&utkast=")), "{location}");
        let token = location.rsplit("utkast=").next().unwrap().to_owned();
        assert_eq!(stored(&app).await, (0, 0, 0), "nothing stored yet");

        // Another browser with the token alone gets nothing.
        let stranger = sign_in(None, Some(token.clone())).await;
        assert_eq!(stranger.location(), Some(page.as_str()));
        assert_eq!(stored(&app).await, (0, 0, 0));

        // The same browser signs in: the text is saved and it lands back on the page.
        let signed_in = sign_in(Some(browser_key), Some(token)).await;
        assert_eq!(signed_in.location(), Some(format!("{page}?sparad=1").as_str()));
        assert_eq!(stored(&app).await, (1, 0, 1));
        let cookie = signed_in.session_cookie().unwrap();
        let shown = app.send(TestApp::get(&page, Some(&cookie))).await;
        assert!(shown.body.contains("En eftermiddags skrivande"));
    })
}

#[test]
fn a_plain_form_post_in_conflict_keeps_both_versions_for_its_author() {
    common::run(async {
        let app = TestApp::new().await;
        let anna = app.login(MANAGER_A_EMAIL).await;
        let quality = app.login(common::QUALITY_EMAIL).await;
        let key = app.fixture.statement_keys()[0].clone();
        let page = assessment_path(app.fixture.round, app.fixture.unit_a);
        let empty = app::domain::fingerprint::fingerprint(None);
        let base = format!("form[base][motivation:{key}]");
        let field = format!("form[motivation][{key}]");
        app.save(&anna, app.fixture.unit_a, 0, "save", &[(&field, "Annas text"), (&base, &empty)]).await;

        let body = common::http::form(&[
            ("form[round_id]", &app.fixture.round.to_string()),
            ("form[unit_id]", &app.fixture.unit_a.to_string()),
            ("form[base_version]", "0"),
            ("form[intent]", "save"),
            (&field, "Kvalitetens text"),
            (&base, &empty),
        ]);
        let reply = app.send(TestApp::post_plain_form("/api/save_assessment", body, Some(&quality), &page)).await;
        let location = reply.location().unwrap().to_owned();
        assert!(location.starts_with(&format!("{page}?konflikt=")), "{location}");

        let shown = app.send(TestApp::get(&location, Some(&quality))).await.body;
        assert!(shown.contains("Någon annan har ändrat samma uppgifter"));
        assert!(shown.contains(">Kvalitetens text</textarea>"), "the field holds the author's version");
        let note = format!(
            "<div id=\"conflict-motivation-{key}\" class=\"conflict-slot\"><div role=\"note\" class=\"conflict\">"
        );
        assert!(shown.contains(&note), "the other version is in a note beside the field");
        assert!(shown.contains("<p class=\"answer-text conflict__theirs\">Annas text</p>"));
        // Reloading keeps it; someone else following the link sees nothing of it.
        assert!(app.send(TestApp::get(&location, Some(&quality))).await.body.contains("Kvalitetens text"));
        assert!(!app.send(TestApp::get(&location, Some(&anna))).await.body.contains("Kvalitetens text"));
    })
}

#[test]
fn the_form_keeps_its_counters_and_conflict_notes_without_an_island_per_field() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let key = app.fixture.statement_keys()[0].clone();
        let page = assessment_path(app.fixture.round, app.fixture.unit_a);
        let shown = app.send(TestApp::get(&page, Some(&cookie))).await.body;
        // Until the script counts, a counter states the limit; the form's island keeps them.
        let counter = format!("<p id=\"motivation-{key}-count\" class=\"field__counter\">Högst 2\u{a0}000 tecken</p>");
        assert!(shown.contains(&counter), "{shown}");
        assert!(shown.contains(&format!("<div id=\"conflict-rating-{key}\" class=\"conflict-slot\"></div>")));
        assert!(shown.contains("data-component=\"AssessmentForm_"));
        for island in ["CharCounter_", "ConflictNote_"] {
            assert!(!shown.contains(&format!("data-component=\"{island}")), "{island} on the form page");
        }
    })
}

#[test]
fn text_that_tries_to_close_its_field_stays_inside_it() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let key = app.fixture.statement_keys()[0].clone();
        let hostile = "</textarea><script>alert(1)</script><textarea>";
        let reply = app
            .save(
                &cookie,
                app.fixture.unit_a,
                0,
                "save",
                &[(&format!("form[motivation][{key}]"), hostile), ("form[strengths][upplevelse]", hostile)],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let page = assessment_path(app.fixture.round, app.fixture.unit_a);
        let shown = app.send(TestApp::get(&page, Some(&cookie))).await;
        assert!(!shown.body.contains("<script>alert(1)"), "the text broke out of its field");
        // Each field shows it whole (the form island's props carry it too, attribute-escaped).
        let in_field = ">&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;textarea&gt;</textarea>";
        assert_eq!(shown.body.matches(in_field).count(), 2);
    })
}

#[test]
fn an_oversize_text_is_refused_and_the_rest_of_the_form_is_saved() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let keys = app.fixture.statement_keys();
        let rating = format!("form[rating][{}]", keys[0]);
        let good = format!("form[motivation][{}]", keys[0]);
        let bad = format!("form[motivation][{}]", keys[1]);
        let too_long = "ö".repeat(2_001);
        let reply = app
            .save(&cookie, app.fixture.unit_a, 0, "save", &[(&rating, "3"), (&good, "Sparas"), (&bad, &too_long)])
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let error: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(error["Invalid"]["saved_version"], 1, "{}", reply.body);
        assert_eq!(error["Invalid"]["fields"][0]["key"], keys[1].as_str());
        assert_eq!(error["Invalid"]["fields"][0]["problem"]["TooLong"]["max"], 2000);

        let view = app.get_assessment(&cookie, app.fixture.unit_a).await;
        assert!(view.body.contains("Sparas"), "the rest of the form was saved");
        assert_eq!(stored(&app).await, (1, 1, 1));
    })
}

#[test]
fn a_stale_save_of_the_same_field_is_a_conflict_with_both_texts_and_other_fields_merge() {
    common::run(async {
        let app = TestApp::new().await;
        let anna = app.login(MANAGER_A_EMAIL).await;
        let quality = app.login(common::QUALITY_EMAIL).await;
        let keys = app.fixture.statement_keys();
        let first = format!("form[motivation][{}]", keys[0]);
        let second = format!("form[motivation][{}]", keys[1]);
        let base_first = format!("form[base][motivation:{}]", keys[0]);
        let base_second = format!("form[base][motivation:{}]", keys[1]);
        let empty = app::domain::fingerprint::fingerprint(None);

        let saved =
            app.save(&anna, app.fixture.unit_a, 0, "save", &[(&first, "Annas text"), (&base_first, &empty)]).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);

        // The other editor loaded version 0 too; changes both fields.
        let reply = app
            .save(
                &quality,
                app.fixture.unit_a,
                0,
                "save",
                &[(&first, "Kvalitetens text"), (&base_first, &empty), (&second, "Nytt fält"), (&base_second, &empty)],
            )
            .await;
        assert_eq!(reply.status, StatusCode::CONFLICT);
        let error: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        let conflict = &error["Conflict"];
        assert_eq!(conflict["current_version"], 2, "the other field was merged: {}", reply.body);
        assert_eq!(conflict["fields"][0]["field"], format!("motivation:{}", keys[0]));
        assert_eq!(conflict["fields"][0]["theirs"], "Annas text");
        assert_eq!(conflict["fields"][0]["yours"], "Kvalitetens text");

        let view = app.get_assessment(&anna, app.fixture.unit_a).await.body;
        assert!(view.contains("Annas text") && view.contains("Nytt fält") && !view.contains("Kvalitetens text"));
    })
}

/// Text an attacker might type, and text a real person might.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">klicka</a>",
    "=HYPERLINK(\"http://evil.example\",\"klicka\")",
    "</textarea><script>alert(2)</script>",
    "مرحبا بالعالم – שלום 😀👍🏽 åäö",
];

#[test]
fn hostile_text_in_every_field_is_stored_and_shown_as_text_in_every_view() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let keys = app.fixture.statement_keys();
        // As long as a motivation may be (2,000 characters), ending in markup.
        let long = "x".repeat(1_989) + "<b>slut</b>";
        let mut owned: Vec<(String, String)> = Vec::new();
        for (index, key) in keys.iter().enumerate() {
            owned.push((format!("form[rating][{key}]"), "3".into()));
            let text = if index == 0 { long.clone() } else { HOSTILE[index % HOSTILE.len()].to_owned() };
            owned.push((format!("form[motivation][{key}]"), text));
        }
        for dimension in &app.fixture.framework.dimensions {
            for (index, group) in ["strengths", "improvements"].into_iter().enumerate() {
                owned.push((format!("form[{group}][{}]", dimension.key), HOSTILE[index % HOSTILE.len()].to_owned()));
            }
        }
        // 10,000 characters fit no field: that one is refused, everything else is saved.
        let ten_thousand = "å".repeat(10_000);
        let original = owned.iter().position(|(name, _)| name == "form[improvements][metoder]").unwrap();
        let kept = std::mem::replace(&mut owned[original].1, ten_thousand);
        let fields: Vec<(&str, &str)> = owned.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
        let reply = app.save(&cookie, app.fixture.unit_a, 0, "save", &fields).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert!(reply.body.contains("\"actual\":10000"), "{}", reply.body);
        owned[original].1 = kept;
        let fields: Vec<(&str, &str)> = owned.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
        let reply = app.save(&cookie, app.fixture.unit_a, 1, "submit", &fields).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

        let page = assessment_path(app.fixture.round, app.fixture.unit_a);
        let head = app.login(common::HEAD_EMAIL).await;
        for (viewer, path) in [(&cookie, page.clone()), (&head, page.clone())] {
            let shown = app.send(TestApp::get(&path, Some(viewer))).await;
            assert_eq!(shown.status, StatusCode::OK);
            let body = &shown.body;
            for markup in ["<script>alert", "<img src=x", "<a href=\"javascript", "<b>slut"] {
                assert!(!body.contains(markup), "{markup} rendered as markup");
            }
            assert!(
                body.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    || body.contains("&lt;script>alert(1)&lt;/script>")
            );
            assert!(body.contains("😀👍🏽 åäö") && body.contains("مرحبا"), "text survives intact");
            assert!(body.contains("=HYPERLINK("), "formula text is shown as typed");
        }
    })
}
