//! People and roles through the real router: every endpoint as each role — the quality
//! department, a head inside and outside their subtree, a unit manager, nobody signed in —
//! and only what is granted succeeds; a head's delegation limits; deactivation ending a
//! session at once; a refused plain form keeping what was typed; who can see a unit.

use crate::common;
use crate::common::http::{Reply, TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, MANAGER_C_EMAIL, QUALITY_EMAIL};
use crate::people_support::{admin_events, multipart, ok, outbox, roles_held, upload, user_id};
use app::domain::ids::NodeId;
use axum::http::StatusCode;

/// Who is asking.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Quality,
    Head,
    Manager,
    Nobody,
}

impl Who {
    const ALL: [Who; 4] = [Who::Quality, Who::Head, Who::Manager, Who::Nobody];

    async fn cookie(self, app: &TestApp) -> Option<String> {
        match self {
            Who::Quality => Some(app.login(QUALITY_EMAIL).await),
            Who::Head => Some(app.login(HEAD_EMAIL).await),
            Who::Manager => Some(app.login(MANAGER_A_EMAIL).await),
            Who::Nobody => None,
        }
    }
}

async fn call(app: &TestApp, path: &str, pairs: &[(&str, &str)], cookie: Option<&str>) -> Reply {
    app.send(TestApp::post(path, form(pairs), cookie)).await
}

/// What an endpoint must answer a caller: allowed, or this status.
fn expect(reply: &Reply, allowed: bool, refused: StatusCode, what: &str) {
    if allowed {
        assert!(ok(reply), "{what}: expected success, got {} {}", reply.status, reply.body);
    } else {
        assert_eq!(reply.status, refused, "{what}: {}", reply.body);
    }
}

#[test]
fn every_people_endpoint_answers_each_role_as_granted() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let manager_a = user_id(&app, MANAGER_A_EMAIL).await.to_string();
        let manager_c = user_id(&app, MANAGER_C_EMAIL).await.to_string();
        let (unit_a, unit_b, unit_c) = (f.unit_a.to_string(), f.unit_b.to_string(), f.unit_c.to_string());
        for who in Who::ALL {
            let cookie = who.cookie(&app).await;
            let cookie = cookie.as_deref();
            let refused = if who == Who::Nobody { StatusCode::UNAUTHORIZED } else { StatusCode::FORBIDDEN };
            let admin = matches!(who, Who::Quality | Who::Head);
            let quality = who == Who::Quality;
            let label = |what: &str| format!("{who:?} {what}");

            // Reading: the search, a person inside and outside a head's subtree, who can see.
            let reply = call(&app, "/api/people", &[("query", "enhetschef")], cookie).await;
            expect(&reply, admin, refused, &label("search"));
            if who == Who::Head {
                assert!(reply.body.contains("Enhetschef A"), "{}", reply.body);
                assert!(!reply.body.contains("Enhetschef C"), "outside the subtree: {}", reply.body);
            }
            let inside = call(&app, "/api/person", &[("person", &manager_a)], cookie).await;
            expect(&inside, admin, refused, &label("person inside"));
            let outside = call(&app, "/api/person", &[("person", &manager_c)], cookie).await;
            expect(&outside, quality, refused, &label("person outside"));
            let access = call(&app, "/api/node_access", &[("node", &unit_a)], cookie).await;
            expect(&access, admin, refused, &label("who can see inside"));
            let access = call(&app, "/api/node_access", &[("node", &unit_c)], cookie).await;
            expect(&access, quality, refused, &label("who can see outside"));
            let page = call(&app, "/api/new_person", &[("unit", &unit_a)], cookie).await;
            expect(&page, admin, refused, &label("new person inside"));
            let page = call(&app, "/api/new_person", &[("unit", &unit_c)], cookie).await;
            expect(&page, quality, refused, &label("new person outside"));
            let page = call(&app, "/api/import_allowed", &[], cookie).await;
            expect(&page, admin, refused, &label("import form"));

            // Changing: unit-manager roles inside the subtree (heads too), the rest the
            // quality department's only.
            let give = [("person", manager_a.as_str()), ("role", "unit_manager"), ("node", unit_b.as_str())];
            expect(&call(&app, "/api/give_role", &give, cookie).await, admin, refused, &label("give inside"));
            let take = [("person", manager_a.as_str()), ("role", "unit_manager"), ("node", unit_b.as_str())];
            expect(&call(&app, "/api/take_role", &take, cookie).await, admin, refused, &label("take inside"));
            let give = [("person", manager_c.as_str()), ("role", "unit_manager"), ("node", unit_a.as_str())];
            expect(&call(&app, "/api/give_role", &give, cookie).await, quality, refused, &label("give to outsider"));
            let take = [("person", manager_c.as_str()), ("role", "unit_manager"), ("node", unit_a.as_str())];
            expect(&call(&app, "/api/take_role", &take, cookie).await, quality, refused, &label("take from outsider"));
            let email = format!("ny.{}@test.example", format!("{who:?}").to_lowercase());
            let create = [("name", "Ny Enhetschef"), ("email", email.as_str()), ("unit", unit_b.as_str())];
            expect(&call(&app, "/api/create_person", &create, cookie).await, admin, refused, &label("appoint inside"));
            let create = [("name", "Ny Utanför"), ("email", "utanfor@test.example"), ("unit", unit_c.as_str())];
            let reply = call(&app, "/api/create_person", &create, cookie).await;
            expect(&reply, quality, refused, &label("appoint outside"));
            let email = format!("utan.roll.{}@test.example", format!("{who:?}").to_lowercase());
            let create = [("name", "Utan Roll"), ("email", email.as_str())];
            expect(&call(&app, "/api/create_person", &create, cookie).await, quality, refused, &label("create"));
            let link = [("person", manager_c.as_str())];
            expect(&call(&app, "/api/send_password_link", &link, cookie).await, quality, refused, &label("link"));
            let deactivate = [("person", manager_c.as_str()), ("active", "false")];
            let reply = call(&app, "/api/set_person_active", &deactivate, cookie).await;
            expect(&reply, quality, refused, &label("deactivate"));
            let reactivate = [("person", manager_c.as_str()), ("active", "true")];
            let reply = call(&app, "/api/set_person_active", &reactivate, cookie).await;
            expect(&reply, quality, refused, &label("reactivate"));

            // Imports: an unknown token is nobody's; the upload as a plain form.
            let not_found = if admin { StatusCode::NOT_FOUND } else { refused };
            let reply = call(&app, "/api/import_review", &[("token", "nothing")], cookie).await;
            assert_eq!(reply.status, not_found, "{}", label("import review"));
            let reply = call(&app, "/api/apply_import", &[("token", "nothing")], cookie).await;
            assert_eq!(reply.status, not_found, "{}", label("apply import"));
            let line = format!("uppladdad@test.example;Uppladdad;{unit_a}");
            let reply = app.send(upload(multipart(&[("text", &line)], &[]), cookie)).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", label("upload"));
            let location = reply.location().unwrap_or_default();
            match who {
                Who::Quality | Who::Head => assert!(location.starts_with("/admin/personer/import/"), "{location}"),
                Who::Manager => assert_eq!(location, "/admin/personer/import?fel=behorighet"),
                Who::Nobody => assert!(location.starts_with("/logga-in?next="), "{location}"),
            }

            // The pages say the same.
            for path in ["/admin/personer", "/admin/personer/ny", "/admin/personer/import"] {
                let page = app.send(TestApp::get(path, cookie)).await;
                match who {
                    Who::Quality | Who::Head => assert_eq!(page.status, StatusCode::OK, "{} {path}", label("page")),
                    Who::Manager => assert_eq!(page.status, StatusCode::FORBIDDEN, "{} {path}", label("page")),
                    Who::Nobody => {
                        assert!(page.location().is_some_and(|to| to.starts_with("/logga-in?next=")), "{path}")
                    }
                }
            }
        }
        // Every change that was allowed is in the admin log: quality and head each gave and
        // took a role and appointed a new person; the quality department did the rest.
        assert_eq!(admin_events(&app, "role_given").await, 2 + 1 + 2 + 1, "inside ×2, outsider, appointed ×3");
        assert_eq!(admin_events(&app, "role_taken").await, 2 + 1);
        assert_eq!(admin_events(&app, "person_created").await, 2 + 1 + 1);
        assert_eq!(admin_events(&app, "person_deactivated").await, 1);
        assert_eq!(admin_events(&app, "person_reactivated").await, 1);
        assert_eq!(admin_events(&app, "password_link_sent").await, 4 + 1, "four new people and one sent again");
        assert_eq!(outbox(&app).len(), 5);
    })
}

#[test]
fn a_head_cannot_give_a_head_or_quality_department_role_nor_any_role_outside_their_subtree() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let cookie = app.login(HEAD_EMAIL).await;
        let manager_a = user_id(&app, MANAGER_A_EMAIL).await;
        let person = manager_a.to_string();
        let before = roles_held(&app, manager_a).await;
        for (role, node) in [
            ("head", f.preschools),
            ("head", f.jarva),
            ("quality_department", f.unit_b),
            ("quality_department", f.city),
            ("unit_manager", f.unit_c),
            ("unit_manager", f.city),
        ] {
            let pairs = [("person", person.as_str()), ("role", role), ("node", &node.to_string())];
            let reply = call(&app, "/api/give_role", &pairs, Some(&cookie)).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{role} on {node}: {}", reply.body);
        }
        // Nor take one: not the quality department's, not a unit manager's elsewhere.
        let quality = user_id(&app, QUALITY_EMAIL).await.to_string();
        let pairs = [("person", quality.as_str()), ("role", "quality_department"), ("node", &f.city.to_string())];
        assert_eq!(call(&app, "/api/take_role", &pairs, Some(&cookie)).await.status, StatusCode::FORBIDDEN);
        let manager_c = user_id(&app, MANAGER_C_EMAIL).await.to_string();
        let pairs = [("person", manager_c.as_str()), ("role", "unit_manager"), ("node", &f.unit_c.to_string())];
        assert_eq!(call(&app, "/api/take_role", &pairs, Some(&cookie)).await.status, StatusCode::FORBIDDEN);
        assert_eq!(roles_held(&app, manager_a).await, before, "nothing changed");
        assert_eq!(admin_events(&app, "role_given").await + admin_events(&app, "role_taken").await, 0);

        // A unit-manager role on a department is no unit manager's: refused at the field.
        let quality_cookie = app.login(QUALITY_EMAIL).await;
        let pairs = [("person", person.as_str()), ("role", "unit_manager"), ("node", &f.preschools.to_string())];
        let reply = call(&app, "/api/give_role", &pairs, Some(&quality_cookie)).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert!(reply.body.contains("WrongLevel"), "{}", reply.body);
        // What the quality department may: a head's role on the department.
        let pairs = [("person", person.as_str()), ("role", "head"), ("node", &f.preschools.to_string())];
        assert!(ok(&call(&app, "/api/give_role", &pairs, Some(&quality_cookie)).await));
        assert_eq!(roles_held(&app, manager_a).await, before + 1);
    })
}

#[test]
fn deactivation_ends_an_active_session_at_once() {
    common::run(async {
        let app = TestApp::new().await;
        let manager = app.login(MANAGER_A_EMAIL).await;
        assert_eq!(app.get_assessment(&manager, app.fixture.unit_a).await.status, StatusCode::OK);
        let home = app.send(TestApp::get("/", Some(&manager))).await;
        assert_eq!(home.status, StatusCode::OK);

        let quality = app.login(QUALITY_EMAIL).await;
        let person = user_id(&app, MANAGER_A_EMAIL).await.to_string();
        let reply =
            call(&app, "/api/set_person_active", &[("person", &person), ("active", "false")], Some(&quality)).await;
        assert!(ok(&reply), "{} {}", reply.status, reply.body);

        // The very next request of the open session is no longer signed in.
        assert_eq!(app.get_assessment(&manager, app.fixture.unit_a).await.status, StatusCode::UNAUTHORIZED);
        let home = app.send(TestApp::get("/", Some(&manager))).await;
        assert!(home.location().is_some_and(|to| to.starts_with("/logga-in")), "{:?}", home.location());
        // Nor can they sign in again.
        let login = call(&app, "/api/login", &[("email", MANAGER_A_EMAIL), ("password", common::PASSWORD)], None).await;
        assert_eq!(login.status, StatusCode::UNAUTHORIZED);
        assert_eq!(admin_events(&app, "person_deactivated").await, 1);

        // Nobody deactivates themselves.
        let me = user_id(&app, QUALITY_EMAIL).await.to_string();
        let reply = call(&app, "/api/set_person_active", &[("person", &me), ("active", "false")], Some(&quality)).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);

        // Reactivated, they sign in again with their roles.
        let reply =
            call(&app, "/api/set_person_active", &[("person", &person), ("active", "true")], Some(&quality)).await;
        assert!(ok(&reply));
        let manager = app.login(MANAGER_A_EMAIL).await;
        assert_eq!(app.get_assessment(&manager, app.fixture.unit_a).await.status, StatusCode::OK);
        assert_eq!(admin_events(&app, "person_reactivated").await, 1);
    })
}

#[test]
fn a_refused_plain_form_comes_back_with_what_was_typed_and_why() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(QUALITY_EMAIL).await;
        let body = form(&[("name", "Åsa <Öberg>"), ("email", "inte-en-adress")]);
        let reply =
            app.send(TestApp::post_plain_form("/api/create_person", body, Some(&cookie), "/admin/personer/ny")).await;
        assert!(reply.status.is_redirection(), "{} {}", reply.status, reply.body);
        let location = reply.location().unwrap().to_owned();
        assert!(location.starts_with("/admin/personer/ny?avvisad="), "{location}");
        let page = app.send(TestApp::get(&location, Some(&cookie))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("value=\"Åsa ") && page.body.contains("Öberg"), "the name is kept: {}", page.body);
        assert!(!page.body.contains("<Öberg>"), "and escaped");
        assert!(page.body.contains("value=\"inte-en-adress\""));
        assert!(page.body.contains("inte en giltig e-postadress"), "the problem is at its field");
        assert!(page.body.contains("aria-invalid=\"true\""));
        // The kept form is the person's own: another admin's session does not see it.
        let head = app.login(HEAD_EMAIL).await;
        let other = app.send(TestApp::get(&location, Some(&head))).await;
        assert!(!other.body.contains("inte-en-adress"));

        // An address in use is refused at its field, with script as data.
        let taken = call(&app, "/api/create_person", &[("name", "X"), ("email", MANAGER_A_EMAIL)], Some(&cookie)).await;
        assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(taken.body.contains("Taken") && taken.body.contains("email"), "{}", taken.body);
        assert_eq!(admin_events(&app, "person_created").await, 0);
    })
}

#[test]
fn appointing_by_address_gives_an_existing_person_the_role_and_creates_a_new_one() {
    common::run(async {
        let app = TestApp::new().await;
        let head = app.login(HEAD_EMAIL).await;
        let unit_b = app.fixture.unit_b.to_string();
        // Someone from Södermalm, appointed in Järva by exact address: keeps their name.
        let appoint = [("name", "Ett annat namn"), ("email", "ENHETSCHEF.C@test.example"), ("unit", unit_b.as_str())];
        let reply = call(&app, "/api/create_person", &appoint, Some(&head)).await;
        assert!(ok(&reply), "{} {}", reply.status, reply.body);
        let manager_c = user_id(&app, MANAGER_C_EMAIL).await;
        assert_eq!(roles_held(&app, manager_c).await, 2);
        let person = app::db::users::find_by_id(&app.fixture.pool, manager_c).await.unwrap().unwrap();
        assert_eq!(person.display_name, "Enhetschef C", "an existing person's name stays");
        assert!(outbox(&app).is_empty(), "an existing person gets no password link");
        // Now in the head's subtree, the head sees them — and only their role in Järva.
        let view = call(&app, "/api/person", &[("person", &manager_c.to_string())], Some(&head)).await;
        assert_eq!(view.status, StatusCode::OK);
        assert!(view.body.contains("Förskolan B") && !view.body.contains("Hemtjänst C"), "{}", view.body);

        // A new person: created, appointed, and e-mailed a link.
        let appoint = [("name", "Nina Ny"), ("email", "nina.ny@test.example"), ("unit", unit_b.as_str())];
        assert!(ok(&call(&app, "/api/create_person", &appoint, Some(&head)).await));
        let nina = user_id(&app, "nina.ny@test.example").await;
        assert_eq!(roles_held(&app, nina).await, 1);
        let messages = outbox(&app);
        assert_eq!(messages.len(), 1);
        assert!(messages[0].contains("nina.ny@test.example") && messages[0].contains("/losenord/"), "{}", messages[0]);
        assert!(messages[0].contains("Hej Nina Ny!"), "the text comes from the catalogue: {}", messages[0]);
        assert_eq!(admin_events(&app, "person_created").await, 1);
        assert_eq!(admin_events(&app, "role_given").await, 2);
        assert_eq!(admin_events(&app, "password_link_sent").await, 1);
    })
}

#[test]
fn who_can_see_a_unit_lists_everyone_whose_role_covers_it_inherited_included() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(QUALITY_EMAIL).await;
        let reply = call(&app, "/api/node_access", &[("node", &app.fixture.unit_a.to_string())], Some(&cookie)).await;
        assert_eq!(reply.status, StatusCode::OK);
        let access: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        let holders: Vec<(String, String, String, bool)> = access["holders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|holder| {
                (
                    holder["name"].as_str().unwrap().to_owned(),
                    holder["role"].as_str().unwrap().to_owned(),
                    holder["held_on_name"].as_str().unwrap().to_owned(),
                    holder["inherited"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            holders,
            [
                ("Kvalitet".to_owned(), "QualityDepartment".to_owned(), "Stockholms stad".to_owned(), true),
                ("Chef Järva".to_owned(), "Head".to_owned(), "Järva stadsdelsförvaltning".to_owned(), true),
                ("Enhetschef A".to_owned(), "UnitManager".to_owned(), "Förskolan A".to_owned(), false),
            ]
        );
        assert_eq!(access["may_appoint"], true);
        // The page, reachable from the person's roles.
        let page = app.send(TestApp::get(&app::routes::node_access_path(app.fixture.unit_a), Some(&cookie))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Vem kan se Förskolan A?") && page.body.contains("Chef Järva"));
        let manager_a = user_id(&app, MANAGER_A_EMAIL).await;
        let person = app.send(TestApp::get(&app::routes::admin_person_path(manager_a), Some(&cookie))).await;
        assert!(person.body.contains(&app::routes::node_access_path(app.fixture.unit_a)));
        // Not a node of today: not found.
        let gone = call(&app, "/api/node_access", &[("node", &NodeId(99_999).to_string())], Some(&cookie)).await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
    })
}

#[test]
fn the_people_pages_render_for_the_quality_department_and_a_head() {
    common::run(async {
        let app = TestApp::new().await;
        let manager_a = user_id(&app, MANAGER_A_EMAIL).await;
        for email in [QUALITY_EMAIL, HEAD_EMAIL] {
            let cookie = app.login(email).await;
            for path in [
                "/admin/personer?q=enhetschef".to_owned(),
                "/admin/personer?org=f%C3%B6rskolan".to_owned(),
                format!("{}?org=f%C3%B6rskolan", app::routes::admin_person_path(manager_a)),
                format!("/admin/personer/ny?org=f%C3%B6rskolan&enhet={}", app.fixture.unit_a),
                "/admin/personer/import".to_owned(),
            ] {
                let page = app.send(TestApp::get(&path, Some(&cookie))).await;
                assert_eq!(page.status, StatusCode::OK, "{email} {path}");
                assert!(page.body.contains("<h1"), "{path}");
            }
        }
        let quality = app.login(QUALITY_EMAIL).await;
        let page = app.send(TestApp::get(&app::routes::person_activation_path(manager_a, false), Some(&quality))).await;
        assert!(page.body.contains("Inaktivera Enhetschef A?"), "{}", page.body);
        let found = app.send(TestApp::get("/admin/personer?q=enhetschef", Some(&quality))).await;
        assert!(found.body.contains("Enhetschef A") && found.body.contains("Enhetschef C"));
        assert!(found.body.contains("class=\"table-scroll\""));
        // The organisation search on a person's page offers the units to choose.
        let page = app
            .send(TestApp::get(
                &format!("{}?org=f%C3%B6rskolan+b", app::routes::admin_person_path(manager_a)),
                Some(&quality),
            ))
            .await;
        assert!(page.body.contains(&format!("value=\"{}\"", app.fixture.unit_b)), "{}", page.body);
    })
}
