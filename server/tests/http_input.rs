//! Bad input gets a clear 4xx and changes nothing; good input from a plain form (no
//! script) is saved and answered with a redirect back to the page.

mod common;

use axum::http::StatusCode;
use common::MANAGER_A_EMAIL;
use common::http::TestApp;

async fn stored(app: &TestApp) -> (i64, i64, i64) {
    let count = |table: &'static str| {
        let pool = app.fixture.pool.clone();
        async move { sqlx::query_scalar::<_, i64>(&format!("SELECT count(*) FROM {table}")).fetch_one(&pool).await.unwrap() }
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
        let long = app.save(&cookie, unit, 0, "save", &[(&rating, "3"), (&motivation, &too_long)]).await;
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
        let page = format!("/omgangar/{}/enheter/{}", app.fixture.round, app.fixture.unit_a);
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
fn a_plain_form_post_with_an_expired_session_leads_to_sign_in_and_back() {
    common::run(async {
        let app = TestApp::new().await;
        let page = format!("/omgangar/{}/enheter/{}", app.fixture.round, app.fixture.unit_a);
        let body = common::http::form(&[
            ("form[round_id]", &app.fixture.round.to_string()),
            ("form[unit_id]", &app.fixture.unit_a.to_string()),
            ("form[base_version]", "0"),
        ]);
        let reply = app
            .send(TestApp::post_plain_form("/api/save_assessment", body, Some("mognad_session=expired"), &page))
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert_eq!(reply.location(), Some(format!("/logga-in?next={page}").as_str()));
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
        let page = format!("/omgangar/{}/enheter/{}", app.fixture.round, app.fixture.unit_a);
        let shown = app.send(TestApp::get(&page, Some(&cookie))).await;
        assert!(!shown.body.contains("<script>alert(1)"), "the text broke out of its field");
        assert_eq!(shown.body.matches("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;").count(), 2);
    })
}
