//! Importing unit managers through the real router: a dry run that changes nothing and says
//! what each line would do or why it is refused; applying all of it in one transaction or
//! nothing; the admin log; a file upload (Windows-1252 from Swedish Excel) and the size limit.

use crate::common;
use crate::common::http::{TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, QUALITY_EMAIL};
use crate::people_support::{
    admin_events, multipart, ok, outbox, review_token, roles_held, upload, upload_text, user_id,
};
use app::domain::manager_import::MAX_IMPORT_BYTES;
use axum::http::StatusCode;

async fn people_count(app: &TestApp) -> i64 {
    app::db::sql::query_scalar("SELECT count(*) FROM app_user").fetch_one(&app.fixture.pool).await.unwrap()
}

async fn role_count(app: &TestApp) -> i64 {
    app::db::sql::query_scalar("SELECT count(*) FROM role_assignment").fetch_one(&app.fixture.pool).await.unwrap()
}

async fn review(app: &TestApp, cookie: &str, token: &str) -> serde_json::Value {
    let reply = app.send(TestApp::post("/api/import_review", form(&[("token", token)]), Some(cookie))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

#[test]
fn a_dry_run_changes_nothing_and_applying_changes_everything_once() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let cookie = app.login(HEAD_EMAIL).await;
        let text = format!(
            "e-post;namn;enhet\n\
             ny.ett@test.example;Ny Ett;{a}\n\
             ny.ett@test.example;Ny Ett;{b}\n\
             {manager};Enhetschef A;{a}\n\
             {manager};Enhetschef A;{b}\n",
            a = f.unit_a,
            b = f.unit_b,
            manager = MANAGER_A_EMAIL,
        );
        let (people, roles) = (people_count(&app).await, role_count(&app).await);
        let reply = upload_text(&app, &cookie, &text).await;
        let location = reply.location().expect("to the review").to_owned();
        let token = review_token(&location);
        let page = app.send(TestApp::get(&location, Some(&cookie))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Genomför importen") && page.body.contains("Ny person, blir enhetschef"));

        let plan = review(&app, &cookie, &token).await;
        let lines = plan["Review"]["plan"]["lines"].as_array().unwrap();
        let what: Vec<(u64, String, bool)> = lines
            .iter()
            .map(|line| {
                let person = match &line["person"] {
                    serde_json::Value::String(kind) => kind.clone(),
                    _ => "Existing".to_owned(),
                };
                (line["number"].as_u64().unwrap(), person, line["role_given"].as_bool().unwrap())
            })
            .collect();
        assert_eq!(
            what,
            [
                (2, "New".to_owned(), true),
                (3, "NewEarlier".to_owned(), true),
                (4, "Existing".to_owned(), false),
                (5, "Existing".to_owned(), true),
            ]
        );
        assert_eq!((people_count(&app).await, role_count(&app).await), (people, roles), "a dry run changes nothing");

        let applied = app.send(TestApp::post("/api/apply_import", form(&[("token", &token)]), Some(&cookie))).await;
        assert!(ok(&applied), "{} {}", applied.status, applied.body);
        assert_eq!(people_count(&app).await, people + 1);
        assert_eq!(role_count(&app).await, roles + 3);
        let new = user_id(&app, "ny.ett@test.example").await;
        assert_eq!(roles_held(&app, new).await, 2);
        assert_eq!(roles_held(&app, user_id(&app, MANAGER_A_EMAIL).await).await, 2);
        assert_eq!(admin_events(&app, "managers_imported").await, 1);
        let detail: String =
            app::db::sql::query_scalar("SELECT detail FROM admin_event WHERE action = 'managers_imported'")
                .fetch_one(&f.pool)
                .await
                .unwrap();
        assert_eq!(detail, "lines=4 new_people=1 roles_given=3 already_held=1");
        assert_eq!(admin_events(&app, "role_given").await, 3);
        assert_eq!(admin_events(&app, "person_created").await, 1);
        assert_eq!(admin_events(&app, "password_link_sent").await, 1);
        assert_eq!(outbox(&app).len(), 1, "the new person got their link");

        // The outcome is shown; the import cannot be applied twice.
        let outcome = applied.location().expect("to the outcome").to_owned();
        let page = app.send(TestApp::get(&outcome, Some(&cookie))).await;
        assert!(page.body.contains("Importen är genomförd"), "{}", page.body);
        let twice = app.send(TestApp::post("/api/apply_import", form(&[("token", &token)]), Some(&cookie))).await;
        assert_eq!(twice.status, StatusCode::NOT_FOUND);
        assert_eq!(admin_events(&app, "managers_imported").await, 1);
        // Another person's import is not theirs to see.
        let quality = app.login(QUALITY_EMAIL).await;
        let other = app
            .send(TestApp::post("/api/import_review", form(&[("token", &review_token(&outcome))]), Some(&quality)))
            .await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);
    })
}

#[test]
fn one_bad_line_stops_the_whole_import_and_every_bad_line_says_why() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let cookie = app.login(HEAD_EMAIL).await;
        let long_name = "x".repeat(10_000);
        let text = format!(
            "bra@test.example;Bra Person;{a}\n\
             inte-en-adress;Namn;{a}\n\
             c@test.example;Namn;{c}\n\
             d@test.example;Namn;{jarva}\n\
             e@test.example;Namn;999999\n\
             f@test.example;;{a}\n\
             g@test.example;{long_name};{a}\n\
             bra@test.example;Bra Person;{a}\n\
             =HYPERLINK(\"http://x\");Namn;{a}\n",
            a = f.unit_a,
            c = f.unit_c,
            jarva = f.jarva,
        );
        let (people, roles) = (people_count(&app).await, role_count(&app).await);
        let token = review_token(upload_text(&app, &cookie, &text).await.location().unwrap());
        let plan = review(&app, &cookie, &token).await;
        let errors: Vec<(u64, String)> = plan["Review"]["plan"]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|error| (error["number"].as_u64().unwrap(), error["problems"].to_string()))
            .collect();
        let numbers: Vec<u64> = errors.iter().map(|(number, _)| *number).collect();
        assert_eq!(numbers, [2, 3, 4, 5, 6, 7, 8, 9]);
        for (number, expected) in [
            (2, "BadEmail"),
            (3, "OutsideYourOrganisation"),
            (4, "NotAUnit"),
            (5, "UnknownUnit"),
            (6, "EmptyName"),
            (7, "NameTooLong"),
            (8, "Duplicate"),
            (9, "BadEmail"),
        ] {
            let (_, problems) = errors.iter().find(|(found, _)| *found == number).unwrap();
            assert!(problems.contains(expected), "line {number}: {problems}");
        }
        let page = app.send(TestApp::get(&app::routes::import_review_path(&token), Some(&cookie))).await;
        let refused_heading = page.body.find("Rader med fel").map(|at| &page.body[at..at + 40]).unwrap_or_default();
        assert!(refused_heading.contains('8'), "{refused_heading}");
        assert!(page.body.contains("enheten ligger utanför din organisation"), "{}", page.body);
        assert!(!page.body.contains("Genomför importen"), "nothing to apply");

        // Applying anyway (a crafted post): nothing changes.
        let reply = app.send(TestApp::post("/api/apply_import", form(&[("token", &token)]), Some(&cookie))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!((people_count(&app).await, role_count(&app).await), (people, roles));
        assert_eq!(admin_events(&app, "managers_imported").await, 0);
        assert!(outbox(&app).is_empty());
        // The import stays to look at.
        assert!(review(&app, &cookie, &token).await["Review"].is_object());
    })
}

#[test]
fn an_import_applies_what_holds_when_it_is_applied() {
    common::run(async {
        let app = TestApp::new().await;
        let quality = app.login(QUALITY_EMAIL).await;
        let text = format!("sen@test.example;Sen Person;{}\n", app.fixture.unit_b);
        let token = review_token(upload_text(&app, &quality, &text).await.location().unwrap());
        // Meanwhile someone creates that person and deactivates them.
        let body = form(&[("name", "Sen Person"), ("email", "sen@test.example")]);
        assert!(ok(&app.send(TestApp::post("/api/create_person", body, Some(&quality))).await));
        let person = user_id(&app, "sen@test.example").await.to_string();
        let body = form(&[("person", &person), ("active", "false")]);
        assert!(ok(&app.send(TestApp::post("/api/set_person_active", body, Some(&quality))).await));
        let reply = app.send(TestApp::post("/api/apply_import", form(&[("token", &token)]), Some(&quality))).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert_eq!(admin_events(&app, "managers_imported").await, 0);
    })
}

#[test]
fn a_file_from_swedish_excel_is_read_and_an_oversized_one_refused() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(QUALITY_EMAIL).await;
        // "Åsa Öberg" in Windows-1252, as "CSV (semikolonavgränsad)" saves it.
        let mut file = b"E-post;Namn;Enhet\r\nasa@test.example;\xC5sa \xD6berg;".to_vec();
        file.extend_from_slice(app.fixture.unit_c.to_string().as_bytes());
        file.extend_from_slice(b"\r\n");
        let reply = app.send(upload(multipart(&[("text", "")], &[("file", "chefer.csv", &file)]), Some(&cookie))).await;
        let token = review_token(reply.location().unwrap());
        let plan = review(&app, &cookie, &token).await;
        assert_eq!(plan["Review"]["plan"]["lines"][0]["name"], "Åsa Öberg");
        let applied = app.send(TestApp::post("/api/apply_import", form(&[("token", &token)]), Some(&cookie))).await;
        assert!(ok(&applied));
        let person = app::db::users::find_by_email(&app.fixture.pool, "asa@test.example").await.unwrap().unwrap();
        assert_eq!(person.display_name, "Åsa Öberg");

        // Too big: back to the form, saying so at the field; nothing kept.
        let big = "a".repeat(MAX_IMPORT_BYTES + 10);
        let reply = upload_text(&app, &cookie, &big).await;
        let location = reply.location().unwrap().to_owned();
        assert!(location.starts_with("/admin/personer/import?avvisad="), "{location}");
        let page = app.send(TestApp::get(&location, Some(&cookie))).await;
        assert!(page.body.contains("Filen är för stor"), "{}", page.body);
        // Nothing at all: the same.
        let reply = upload_text(&app, &cookie, "  \n").await;
        let page = app.send(TestApp::get(reply.location().unwrap(), Some(&cookie))).await;
        assert!(page.body.contains("Det finns inget att importera"));
        // Over the server's body limit: refused before it is read.
        let huge = "a".repeat(2 * 1024 * 1024);
        let reply = app.send(upload(multipart(&[("text", &huge)], &[]), Some(&cookie))).await;
        assert!(reply.status == StatusCode::PAYLOAD_TOO_LARGE || reply.status.is_redirection(), "{}", reply.status);
        assert_eq!(admin_events(&app, "managers_imported").await, 1);
    })
}
