//! One-time links to choose a password: e-mailed to a new person, public, usable once, for a
//! week; a new link replaces the earlier one; the password must be long enough and typed
//! twice; afterwards the person signs in with it.

use crate::common;
use crate::common::http::{Reply, TestApp, form};
use crate::common::{MANAGER_A_EMAIL, QUALITY_EMAIL};
use crate::people_support::{admin_events, latest_link_to, ok, outbox, user_id};
use app::api::password::links::token_hash;
use axum::http::StatusCode;

const NEW_PASSWORD: &str = "ett riktigt långt lösenord";

async fn set_password(app: &TestApp, token: &str, password: &str, confirmation: &str) -> Reply {
    let body = form(&[("token", token), ("password", password), ("confirmation", confirmation)]);
    app.send(TestApp::post("/api/set_password", body, None)).await
}

async fn link_status(app: &TestApp, token: &str) -> String {
    app.send(TestApp::post("/api/password_link", form(&[("token", token)]), None)).await.body
}

async fn sign_in(app: &TestApp, email: &str, password: &str) -> Reply {
    app.send(TestApp::post("/api/login", form(&[("email", email), ("password", password)]), None)).await
}

#[test]
fn a_new_person_chooses_a_password_through_the_link_once_and_signs_in() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let body = form(&[("name", "Petra Ny"), ("email", "petra.ny@test.example")]);
        assert!(ok(&app.send(TestApp::post("/api/create_person", body, Some(&quality))).await));
        let token = latest_link_to(&app, "petra.ny@test.example")
            .unwrap_or_else(|| panic!("a link in the outbox: {:?}", outbox(&app)));
        let stored: i64 = app::db::sql::query_scalar("SELECT count(*) FROM password_link WHERE token_hash = $1")
            .bind(token_hash(&token))
            .fetch_one(&app.fixture.pool)
            .await
            .unwrap();
        assert_eq!(stored, 1, "only the token's hash is stored");
        let plain: i64 = app::db::sql::query_scalar("SELECT count(*) FROM password_link WHERE token_hash = $1")
            .bind(&token)
            .fetch_one(&app.fixture.pool)
            .await
            .unwrap();
        assert_eq!(plain, 0);

        // The page is public: no session needed.
        let page = app.send(TestApp::get(&app::routes::set_password_path(&token), None)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Petra Ny") && page.body.contains("autocomplete=\"new-password\""));
        assert!(link_status(&app, &token).await.contains("Usable"));
        // Not before a password has been chosen.
        assert_eq!(sign_in(&app, "petra.ny@test.example", "").await.status, StatusCode::UNAUTHORIZED);

        // Too short, or typed differently: refused, per field, and the link still works.
        let short = set_password(&app, &token, "för kort", "för kort").await;
        assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(short.body.contains("TooShort") && short.body.contains("\"password\""), "{}", short.body);
        let mismatch = set_password(&app, &token, NEW_PASSWORD, "ett annat långt lösenord").await;
        assert_eq!(mismatch.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(mismatch.body.contains("NotMatching") && mismatch.body.contains("confirmation"));
        assert!(link_status(&app, &token).await.contains("Usable"));

        let chosen = set_password(&app, &token, NEW_PASSWORD, NEW_PASSWORD).await;
        assert!(chosen.status.is_redirection() || chosen.status.is_success(), "{} {}", chosen.status, chosen.body);
        assert!(sign_in(&app, "petra.ny@test.example", NEW_PASSWORD).await.session_cookie().is_some());

        // Used once: never again.
        let again = set_password(&app, &token, "ett tredje långt lösenord", "ett tredje långt lösenord").await;
        assert_eq!(again.status, StatusCode::NOT_FOUND);
        assert!(link_status(&app, &token).await.contains("Used"));
        let page = app.send(TestApp::get(&app::routes::set_password_path(&token), None)).await;
        assert!(page.body.contains("Länken har redan använts"), "{}", page.body);
        assert!(sign_in(&app, "petra.ny@test.example", NEW_PASSWORD).await.session_cookie().is_some());
    })
}

#[test]
fn without_script_the_password_form_goes_to_sign_in_or_back_with_the_problem() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let person = user_id(&app, MANAGER_A_EMAIL).await.to_string();
        let body = form(&[("person", &person)]);
        assert!(ok(&app.send(TestApp::post("/api/send_password_link", body, Some(&quality))).await));
        let token = latest_link_to(&app, MANAGER_A_EMAIL).expect("a link");
        let page = app::routes::set_password_path(&token);

        let body = form(&[("token", &token), ("password", "kort"), ("confirmation", "kort")]);
        let refused = app.send(TestApp::post_plain_form("/api/set_password", body, None, &page)).await;
        let location = refused.location().expect("back to the page").to_owned();
        assert!(location.starts_with(&format!("{page}?avvisad=")), "{location}");
        let shown = app.send(TestApp::get(&location, None)).await;
        assert!(shown.body.contains("för kort (minst 12 tecken)"), "{}", shown.body);
        assert!(!shown.body.contains("value=\"kort\""), "a password is never sent back");

        let body = form(&[("token", &token), ("password", NEW_PASSWORD), ("confirmation", NEW_PASSWORD)]);
        let done = app.send(TestApp::post_plain_form("/api/set_password", body, None, &page)).await;
        assert_eq!(done.location(), Some("/logga-in?klart=losenord"));
        let sign_in_page = app.send(TestApp::get("/logga-in?klart=losenord", None)).await;
        assert!(sign_in_page.body.contains("Ditt lösenord är sparat"));
        assert!(sign_in(&app, MANAGER_A_EMAIL, NEW_PASSWORD).await.session_cookie().is_some());
        assert_eq!(sign_in(&app, MANAGER_A_EMAIL, common::PASSWORD).await.status, StatusCode::UNAUTHORIZED);
    })
}

#[test]
fn an_expired_or_replaced_link_is_refused() {
    common::run(async {
        let app = TestApp::new().await;
        let person = user_id(&app, MANAGER_A_EMAIL).await;
        let quality = user_id(&app, QUALITY_EMAIL).await;
        let now = chrono::Utc::now();
        let mut tx = app::db::pool::begin_write(&app.fixture.pool).await.unwrap();
        let expired = "e".repeat(64);
        app::db::password_links::insert(
            &mut tx,
            &token_hash(&expired),
            person,
            quality,
            now - chrono::Duration::days(8),
            now - chrono::Duration::days(1),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert!(link_status(&app, &expired).await.contains("Expired"));
        assert_eq!(set_password(&app, &expired, NEW_PASSWORD, NEW_PASSWORD).await.status, StatusCode::NOT_FOUND);
        let page = app.send(TestApp::get(&app::routes::set_password_path(&expired), None)).await;
        assert!(page.body.contains("Länken har slutat gälla"));

        // Two links sent: only the newest works.
        let cookie = app.login(QUALITY_EMAIL).await;
        for _ in 0..2 {
            let body = form(&[("person", &person.to_string())]);
            assert!(ok(&app.send(TestApp::post("/api/send_password_link", body, Some(&cookie))).await));
            // Files in the outbox are told apart by their times.
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let messages = outbox(&app);
        assert_eq!(messages.len(), 2);
        let newest = latest_link_to(&app, MANAGER_A_EMAIL).unwrap();
        let older: Vec<String> = messages
            .iter()
            .filter_map(|message| crate::people_support::link_token(message))
            .filter(|token| *token != newest)
            .collect();
        assert_eq!(older.len(), 1);
        assert!(link_status(&app, &older[0]).await.contains("Unknown"));
        assert_eq!(set_password(&app, &older[0], NEW_PASSWORD, NEW_PASSWORD).await.status, StatusCode::NOT_FOUND);
        assert!(ok(&set_password(&app, &newest, NEW_PASSWORD, NEW_PASSWORD).await));
        assert!(link_status(&app, "not-a-token").await.contains("Unknown"));
        assert_eq!(admin_events(&app, "password_link_sent").await, 2);

        // A deactivated person's link does nothing.
        let body = form(&[("person", &person.to_string())]);
        assert!(ok(&app.send(TestApp::post("/api/send_password_link", body, Some(&cookie))).await));
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        let latest = latest_link_to(&app, MANAGER_A_EMAIL).unwrap();
        let body = form(&[("person", &person.to_string()), ("active", "false")]);
        assert!(ok(&app.send(TestApp::post("/api/set_person_active", body, Some(&cookie))).await));
        assert!(link_status(&app, &latest).await.contains("Unknown"));
        assert_eq!(set_password(&app, &latest, NEW_PASSWORD, NEW_PASSWORD).await.status, StatusCode::NOT_FOUND);
    })
}

#[test]
fn without_e_mail_a_person_is_still_created_and_the_page_says_no_link_went() {
    common::run(async {
        let app = TestApp::without_email().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let body = form(&[("name", "Utan Post"), ("email", "utan.post@test.example")]);
        let reply =
            app.send(TestApp::post_plain_form("/api/create_person", body, Some(&quality), "/admin/personer/ny")).await;
        let location = reply.location().expect("to the person").to_owned();
        assert!(location.ends_with("?klart=skapad-utan-lank"), "{location}");
        let page = app.send(TestApp::get(&location, Some(&quality))).await;
        assert!(page.body.contains("e-postmeddelandet med länken kunde inte skickas"), "{}", page.body);
        assert_eq!(admin_events(&app, "person_created").await, 1);
        assert_eq!(admin_events(&app, "password_link_sent").await, 0, "only links that went are logged");
    })
}
