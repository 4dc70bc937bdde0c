//! Hardening through the real router (issue 10, items 4–11): nothing stored for a request
//! without a credential the server issued; a submitted assessment's actions stay as they
//! are; the request id is the server's; sign-in is throttled; sessions end, cookies are
//! host-only over https and slow clients are cut off; deep links survive signing in; what
//! depends on who asks is never cached; unknown API addresses are a plain 404.

use crate::common;

use crate::common::http::{HOST, ORIGIN, Reply, TestApp, encode, form};
use crate::common::{MANAGER_A_EMAIL, PASSWORD, QUALITY_EMAIL};
use app::db;
use app::domain::actions::{ActionStatus, ActionValues};
use app::domain::raw_answers::Intent;
use app::domain::round::RoundStatus;
use app::routes::assessment_path;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use chrono::Utc;
use server::config::Timeouts;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

async fn count(app: &TestApp, sql: &str) -> i64 {
    app::db::sql::query_scalar(sql).fetch_one(&app.fixture.pool).await.unwrap()
}

fn assessment_page(app: &TestApp) -> String {
    assessment_path(app.fixture.round, app.fixture.unit_a)
}

/// A plain-form save of unit A's assessment with `fields` besides the ids.
fn save_form(app: &TestApp, fields: &[(&str, &str)]) -> String {
    let round = app.fixture.round.to_string();
    let unit = app.fixture.unit_a.to_string();
    let mut pairs: Vec<(&str, &str)> = vec![
        ("form[round_id]", &round),
        ("form[unit_id]", &unit),
        ("form[base_version]", "0"),
        ("form[intent]", "save"),
    ];
    pairs.extend_from_slice(fields);
    form(&pairs)
}

/// Signs in without script (a plain form), from the browser holding `cookie`.
async fn sign_in_plain(app: &TestApp, email: &str, next: &str, kept: Option<&str>, cookie: Option<&str>) -> Reply {
    let mut pairs = vec![("email", email), ("password", PASSWORD), ("next", next)];
    pairs.extend(kept.map(|token| ("kept", token)));
    app.send(TestApp::post_plain_form("/api/login", form(&pairs), cookie, "/logga-in")).await
}

// Item 4: anonymous writes.

#[test]
fn a_form_post_without_any_credential_stores_nothing_and_sets_no_cookie() {
    common::run(async {
        let app = TestApp::new().await;
        let key = app.fixture.statement_keys()[0].clone();
        let field = format!("form[motivation][{key}]");
        let big = "x".repeat(200_000);
        let page = assessment_page(&app);
        for _ in 0..5 {
            let body = save_form(&app, &[(&field, &big)]);
            let reply = app.send(TestApp::post_plain_form("/api/save_assessment", body, None, &page)).await;
            assert!(reply.status.is_redirection(), "{}", reply.status);
            assert_eq!(reply.location(), Some(format!("/logga-in?next={page}").as_str()), "no kept token");
            assert!(reply.headers.get(header::SET_COOKIE).is_none(), "no cookie for an anonymous post");
        }
        // A key the server never issued, and an expired session, are no credential either.
        let forged = format!("mognad_browser={}; mognad_session=expired", "0".repeat(32));
        let body = save_form(&app, &[(&field, "Kort text")]);
        let reply = app.send(TestApp::post_plain_form("/api/save_assessment", body, Some(&forged), &page)).await;
        assert_eq!(reply.location(), Some(format!("/logga-in?next={page}").as_str()));
        assert_eq!(count(&app, "SELECT count(*) FROM pending_save").await, 0);
        assert_eq!(count(&app, "SELECT count(*) FROM assessment").await, 0);
    })
}

#[test]
fn a_post_kept_after_the_session_expired_fits_the_form_is_capped_and_resumes_only_for_its_person() {
    common::run(async {
        let app = TestApp::new().await;
        let page = assessment_page(&app);
        let signed_in = sign_in_plain(&app, MANAGER_A_EMAIL, "/", None, None).await;
        let browser = signed_in.cookie("mognad_browser").expect("signing in gives the browser a key");
        let set_cookie = signed_in.set_cookie("mognad_browser").unwrap();
        assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("Max-Age=31536000"), "{set_cookie}");
        let again = sign_in_plain(&app, MANAGER_A_EMAIL, "/", None, Some(&browser)).await;
        assert!(again.cookie("mognad_browser").is_none(), "a browser keeps its key");
        let expired = format!("{browser}; mognad_session=expired");
        let key = app.fixture.statement_keys()[0].clone();
        let field = format!("form[motivation][{key}]");
        let post = |fields: Vec<(String, String)>| {
            let borrowed: Vec<(&str, &str)> =
                fields.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
            TestApp::post_plain_form("/api/save_assessment", save_form(&app, &borrowed), Some(&expired), &page)
        };
        let kept_token = |reply: &Reply| reply.location().and_then(|at| at.split("utkast=").nth(1)).map(str::to_owned);

        // What the form cannot hold is not kept: an unknown field, an over-long text.
        let unknown = app.send(post(vec![("form[motivation][no_such_statement]".into(), "x".into())])).await;
        assert_eq!(kept_token(&unknown), None, "{:?}", unknown.location());
        let too_long = app.send(post(vec![(field.clone(), "x".repeat(2_001))])).await;
        assert_eq!(kept_token(&too_long), None);
        assert_eq!(count(&app, "SELECT count(*) FROM pending_save").await, 0);

        // At most five posts per browser: the oldest go.
        let mut tokens = Vec::new();
        for attempt in 0..7 {
            let reply = app.send(post(vec![(field.clone(), format!("Utkast {attempt}"))])).await;
            tokens.push(kept_token(&reply).expect("a post that fits is kept"));
        }
        assert_eq!(count(&app, "SELECT count(*) FROM pending_save").await, 5);
        assert!(reply_leaves_nothing(&app, &tokens[0]).await, "the oldest was dropped");

        // Someone else signing in on the same browser does not save it as theirs.
        let latest = tokens.last().unwrap().clone();
        let other = sign_in_plain(&app, QUALITY_EMAIL, &page, Some(&latest), Some(&browser)).await;
        assert_eq!(other.location(), Some(page.as_str()));
        assert_eq!(count(&app, "SELECT count(*) FROM assessment").await, 0);
        // The person it was kept for, on that browser: saved.
        let own = sign_in_plain(&app, MANAGER_A_EMAIL, &page, Some(&latest), Some(&browser)).await;
        assert_eq!(own.location(), Some(format!("{page}?sparad=1").as_str()));
        let text: String = app::db::sql::query_scalar("SELECT body FROM text_answer")
            .fetch_one(&app.fixture.pool)
            .await
            .expect("the kept text is saved");
        assert_eq!(text, "Utkast 6");
        // Known browsers are kept by hash only.
        let stored_key: String = app::db::sql::query_scalar("SELECT key_hash FROM known_browser")
            .fetch_one(&app.fixture.pool)
            .await
            .unwrap();
        assert!(!browser.contains(&stored_key) && stored_key.len() == 64);
    })
}

async fn reply_leaves_nothing(app: &TestApp, token: &str) -> bool {
    let found: i64 = app::db::sql::query_scalar("SELECT count(*) FROM pending_save WHERE token = $1")
        .bind(token)
        .fetch_one(&app.fixture.pool)
        .await
        .unwrap();
    found == 0
}

// Item 5: a submitted assessment's actions.

/// An earlier closed round opening in `year` where unit A submitted, with one action per
/// status given; returns the actions' ids.
async fn earlier_round_with_actions(app: &TestApp, year: i32, statuses: &[ActionStatus]) -> Vec<i64> {
    let fixture = &app.fixture;
    let round = fixture.other_round(&format!("Självskattning {year}"), year, RoundStatus::Closed).await;
    fixture.store(round, fixture.unit_a, &fixture.answers_at(3, "Belägg"), Intent::Submit).await;
    let record = db::assessments::find(&fixture.pool, round, fixture.unit_a).await.unwrap().unwrap();
    assert_eq!(record.status, app::domain::status::AssessmentStatus::Submitted);
    let mut tx = db::pool::begin_write(&fixture.pool).await.unwrap();
    let context = db::audit::ChangeContext { actor: fixture.quality, request_id: None, at: Utc::now() };
    let dimension = fixture.framework.dimensions[0].key.to_string();
    let mut ids = Vec::new();
    for (index, status) in statuses.iter().enumerate() {
        let values = ActionValues { title: format!("{year} nr {index}"), status: *status, ..ActionValues::default() };
        ids.push(db::actions::insert_in(&mut tx, &context, record.id, &dimension, &values, None).await.unwrap().0);
    }
    tx.commit().await.unwrap();
    ids
}

fn action_call(app: &TestApp, cookie: &str, endpoint: &str, extra: &[(&str, &str)]) -> Request<Body> {
    let round = app.fixture.round.to_string();
    let unit = app.fixture.unit_a.to_string();
    let mut pairs: Vec<(&str, &str)> = vec![("round_id", &round), ("unit_id", &unit)];
    pairs.extend_from_slice(extra);
    TestApp::post(&format!("/api/{endpoint}"), form(&pairs), Some(cookie))
}

async fn action_row(app: &TestApp, id: i64) -> (String, String, bool) {
    app::db::sql::query_as("SELECT title, status, removed_at IS NOT NULL FROM improvement_action WHERE id = $1")
        .bind(id)
        .fetch_one(&app.fixture.pool)
        .await
        .unwrap()
}

#[test]
fn a_submitted_assessments_actions_are_not_edited_removed_or_followed_up() {
    common::run(async {
        let app = TestApp::new().await;
        let previous = earlier_round_with_actions(&app, 2019, &[ActionStatus::Planned]).await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let dimension = app.fixture.framework.dimensions[0].key.to_string();
        let added = app
            .send(action_call(
                &app,
                &cookie,
                "add_action",
                &[
                    ("dimension", &dimension),
                    ("action[title]", "Före inskickning"),
                    ("action[description]", ""),
                    ("action[owner]", "Anna"),
                    ("action[due_on]", "2027-03-31"),
                    ("action[status]", "planned"),
                ],
            ))
            .await;
        assert_eq!(added.status, StatusCode::OK, "{}", added.body);
        let id: i64 = serde_json::from_str(&added.body).unwrap();
        let answers = app.fixture.answers_at(4, "Klart");
        app.fixture.store(app.fixture.round, app.fixture.unit_a, &answers, Intent::Submit).await;

        let id_text = id.to_string();
        let edit = [
            ("action_id", id_text.as_str()),
            ("action[title]", "Ändrad efteråt"),
            ("action[description]", ""),
            ("action[owner]", "Anna"),
            ("action[due_on]", "2027-03-31"),
            ("action[status]", "done"),
            ("base[title]", "Före inskickning"),
            ("base[description]", ""),
            ("base[owner]", "Anna"),
            ("base[due_on]", "2027-03-31"),
            ("base[status]", "planned"),
        ];
        let edited = app.send(action_call(&app, &cookie, "edit_action", &edit)).await;
        assert_eq!(edited.status, StatusCode::CONFLICT, "{}", edited.body);
        assert!(edited.body.contains("ReadOnly"), "{}", edited.body);
        let removed = app.send(action_call(&app, &cookie, "remove_action", &[("action_id", &id_text)])).await;
        assert_eq!(removed.status, StatusCode::CONFLICT);
        assert_eq!(action_row(&app, id).await, ("Före inskickning".into(), "planned".into(), false));

        let previous_id = previous[0].to_string();
        let followed = app
            .send(action_call(&app, &cookie, "follow_up_action", &[("action_id", &previous_id), ("status", "done")]))
            .await;
        assert_eq!(followed.status, StatusCode::CONFLICT);
        assert_eq!(action_row(&app, previous[0]).await.1, "planned", "the previous round's action is unchanged");
        let audited =
            count(&app, "SELECT count(*) FROM audit_event WHERE field LIKE 'action:%' AND new_value = 'done'");
        assert_eq!(audited.await, 0);
    })
}

#[test]
fn only_open_actions_of_the_previous_round_are_followed_up() {
    common::run(async {
        let app = TestApp::new().await;
        let older = earlier_round_with_actions(&app, 2018, &[ActionStatus::Planned]).await;
        let previous = earlier_round_with_actions(&app, 2019, &[ActionStatus::Done, ActionStatus::InProgress]).await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let follow = |id: i64, status: &'static str| {
            let id = id.to_string();
            action_call(&app, &cookie, "follow_up_action", &[("action_id", &id), ("status", status)])
        };
        let older_round = app.send(follow(older[0], "done")).await;
        assert_eq!(older_round.status, StatusCode::NOT_FOUND, "an action two rounds back");
        assert_eq!(action_row(&app, older[0]).await.1, "planned");
        let closed = app.send(follow(previous[0], "in_progress")).await;
        assert_eq!(closed.status, StatusCode::CONFLICT, "a done action is not reopened");
        assert_eq!(action_row(&app, previous[0]).await.1, "done");
        let open = app.send(follow(previous[1], "done")).await;
        assert_eq!(open.status, StatusCode::OK, "{}", open.body);
        assert_eq!(action_row(&app, previous[1]).await.1, "done");
        assert_eq!(app.send(follow(previous[1], "planned")).await.status, StatusCode::CONFLICT, "no longer open");
    })
}

// Item 6: the request id.

#[test]
fn a_clients_request_id_is_replaced_by_the_servers_own_in_the_reply_and_the_audit_log() {
    common::run(async {
        let app = TestApp::new().await;
        let long = "a".repeat(10_000);
        let mut request = TestApp::get("/logga-in", None);
        request.headers_mut().insert("x-request-id", long.parse().unwrap());
        let reply = app.send(request).await;
        let id = reply.headers.get("x-request-id").and_then(|value| value.to_str().ok()).unwrap_or_default();
        assert!(uuid::Uuid::parse_str(id).is_ok(), "{} characters came back", id.len());

        let cookie = app.login(MANAGER_A_EMAIL).await;
        let key = app.fixture.statement_keys()[0].clone();
        let field = format!("form[motivation][{key}]");
        let mut save = TestApp::post("/api/save_assessment", save_form(&app, &[(&field, "Text")]), Some(&cookie));
        save.headers_mut().insert("x-request-id", "<script>forged</script>".parse().unwrap());
        assert_eq!(app.send(save).await.status, StatusCode::OK);
        let logged: Vec<Option<String>> = app::db::sql::query_scalar("SELECT request_id FROM audit_event")
            .fetch_all(&app.fixture.pool)
            .await
            .unwrap();
        assert!(!logged.is_empty());
        for logged in logged {
            assert!(logged.as_deref().is_some_and(|id| uuid::Uuid::parse_str(id).is_ok()), "{logged:?}");
        }
    })
}

// Item 7: throttled sign-in.

fn login_from(address: Option<SocketAddr>, email: &str, password: &str) -> Request<Body> {
    let mut request = TestApp::post("/api/login", form(&[("email", email), ("password", password)]), None);
    if let Some(address) = address {
        request.extensions_mut().insert(ConnectInfo(address));
    }
    request
}

#[test]
fn wrong_passwords_for_one_account_are_stopped_with_429_retry_after_and_a_swedish_message() {
    common::run(async {
        let app = TestApp::new().await;
        let started = Instant::now();
        let mut statuses = Vec::new();
        for _ in 0..app::domain::sign_in::ATTEMPTS_PER_ACCOUNT {
            statuses.push(app.send(login_from(None, MANAGER_A_EMAIL, "fel-lösenord")).await.status);
        }
        assert!(statuses.iter().all(|status| *status == StatusCode::UNAUTHORIZED), "{statuses:?}");
        // Another spelling of the same address is the same account; even the right password
        // waits now.
        let stopped = app.send(login_from(None, " Enhetschef.A@Test.Example", PASSWORD)).await;
        assert_eq!(stopped.status, StatusCode::TOO_MANY_REQUESTS, "{}", stopped.body);
        let retry_after: u64 = stopped.headers[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
        assert!((1..=120).contains(&retry_after), "{retry_after}");
        assert!(stopped.session_cookie().is_none());
        assert!(started.elapsed() < Duration::from_secs(20));

        // Without script: back to the sign-in page, which says it in Swedish.
        let body = form(&[("email", MANAGER_A_EMAIL), ("password", PASSWORD), ("next", "/")]);
        let plain = app.send(TestApp::post_plain_form("/api/login", body, None, "/logga-in?next=%2F")).await;
        assert_eq!(plain.status, StatusCode::SEE_OTHER);
        let location = plain.location().unwrap().to_owned();
        assert!(location.starts_with("/logga-in?next=%2F&fel=for-manga-forsok&vanta="), "{location}");
        let page = app.send(TestApp::get(&location, None)).await;
        assert!(page.body.contains("För många inloggningsförsök. Vänta 2 min och försök igen."), "{}", page.body);
    })
}

#[test]
fn two_servers_on_one_database_share_the_budgets() {
    common::run(async {
        let app = TestApp::new().await;
        let other = app.another_server().await;
        // Wrong passwords for one account, half through each server: the account's budget
        // is spent once, not once per server.
        for attempt in 0..app::domain::sign_in::ATTEMPTS_PER_ACCOUNT {
            let request = login_from(None, MANAGER_A_EMAIL, "fel-lösenord");
            let reply = if attempt % 2 == 0 { app.send(request).await } else { app.send_to(&other, request).await };
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
        }
        for server in [&app.router, &other] {
            let stopped = app.send_to(server, login_from(None, MANAGER_A_EMAIL, PASSWORD)).await;
            assert_eq!(stopped.status, StatusCode::TOO_MANY_REQUESTS, "{}", stopped.body);
        }
        // One address over many accounts, alternating servers: stopped at one address's
        // budget in all.
        let attacker: SocketAddr = "192.0.2.20:40000".parse().unwrap();
        for attempt in 0..app::domain::sign_in::ATTEMPTS_PER_ADDRESS {
            let request = login_from(Some(attacker), &format!("gissning{attempt}@test.example"), "x");
            let reply = if attempt % 2 == 0 { app.send(request).await } else { app.send_to(&other, request).await };
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
        }
        let stopped = app.send_to(&other, login_from(Some(attacker), "ny@test.example", "x")).await;
        assert_eq!(stopped.status, StatusCode::TOO_MANY_REQUESTS, "{}", stopped.body);
        let stored: Vec<String> = app::db::sql::query_scalar("SELECT budget_key FROM sign_in_budget")
            .fetch_all(&app.fixture.pool)
            .await
            .unwrap();
        assert!(!stored.is_empty());
        assert!(
            stored.iter().all(|key| key.len() == 64 && !key.contains('@') && !key.contains("192.0.2")),
            "only hashes are stored: {stored:?}"
        );
    })
}

#[test]
fn one_address_trying_many_accounts_is_stopped_and_another_address_is_not() {
    common::run(async {
        let app = TestApp::new().await;
        let attacker: SocketAddr = "192.0.2.10:40000".parse().unwrap();
        for attempt in 0..app::domain::sign_in::ATTEMPTS_PER_ADDRESS {
            let reply = app.send(login_from(Some(attacker), &format!("gissning{attempt}@test.example"), "x")).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        }
        let next_port: SocketAddr = "192.0.2.10:40001".parse().unwrap();
        let stopped = app.send(login_from(Some(next_port), MANAGER_A_EMAIL, PASSWORD)).await;
        assert_eq!(stopped.status, StatusCode::TOO_MANY_REQUESTS);
        let colleague: SocketAddr = "198.51.100.7:50000".parse().unwrap();
        let allowed = app.send(login_from(Some(colleague), MANAGER_A_EMAIL, PASSWORD)).await;
        assert!(allowed.session_cookie().is_some(), "{} {}", allowed.status, allowed.body);
    })
}

#[test]
fn behind_a_proxy_the_address_it_names_is_the_clients_and_otherwise_the_header_is_ignored() {
    common::run(async {
        let mut config = TestApp::config();
        config.client_address_header = Some(header::HeaderName::from_static("x-forwarded-for"));
        let app = TestApp::with_config(config).await;
        let proxy: SocketAddr = "10.0.0.1:443".parse().unwrap();
        let via_proxy = |client: &str, email: &str, password: &str| {
            let mut request = login_from(Some(proxy), email, password);
            request.headers_mut().insert("x-forwarded-for", format!("1.2.3.4, {client}").parse().unwrap());
            request
        };
        for attempt in 0..app::domain::sign_in::ATTEMPTS_PER_ADDRESS {
            let reply = app.send(via_proxy("192.0.2.10", &format!("gissning{attempt}@test.example"), "x")).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        }
        let stopped = app.send(via_proxy("192.0.2.10", MANAGER_A_EMAIL, PASSWORD)).await;
        assert_eq!(stopped.status, StatusCode::TOO_MANY_REQUESTS);
        let colleague = app.send(via_proxy("198.51.100.7", MANAGER_A_EMAIL, PASSWORD)).await;
        assert!(colleague.session_cookie().is_some(), "behind the same proxy, another client signs in");

        // Without the setting, a client's own header changes nothing.
        let app = TestApp::new().await;
        let attacker: SocketAddr = "192.0.2.20:1".parse().unwrap();
        for attempt in 0..app::domain::sign_in::ATTEMPTS_PER_ADDRESS {
            let mut request = login_from(Some(attacker), &format!("g{attempt}@test.example"), "x");
            request.headers_mut().insert("x-forwarded-for", format!("203.0.113.{attempt}").parse().unwrap());
            app.send(request).await;
        }
        let stopped = app.send(login_from(Some(attacker), MANAGER_A_EMAIL, PASSWORD)).await;
        assert_eq!(stopped.status, StatusCode::TOO_MANY_REQUESTS);
    })
}

// Item 8: session lifetime, cookie names, timeouts.

#[test]
fn a_session_ends_twelve_hours_after_sign_in_however_active() {
    common::run(async {
        use tower_sessions::session::Id;
        use tower_sessions::session_store::SessionStore;

        let app = TestApp::new().await;
        let cookie = app.login(MANAGER_A_EMAIL).await;
        assert_eq!(app.send(TestApp::post("/api/overview", String::new(), Some(&cookie))).await.status, StatusCode::OK);
        // The sign-in was 12 hours and a minute ago (the session itself is fresh).
        let store = server::session_store::Store::open(&app.fixture.pool).await.unwrap();
        let id: Id = cookie.split_once('=').unwrap().1.parse().unwrap();
        let mut record = store.load(&id).await.unwrap().expect("the session is stored");
        let long_ago = Utc::now().timestamp() - 12 * 3600 - 60;
        record.data.insert("signed_in_at".into(), serde_json::json!(long_ago));
        store.save(&record).await.unwrap();

        let api = app.send(TestApp::post("/api/overview", String::new(), Some(&cookie))).await;
        assert_eq!(api.status, StatusCode::UNAUTHORIZED);
        let page = app.send(TestApp::get("/", Some(&cookie))).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert!(store.load(&id).await.unwrap().is_none(), "the outlived session is deleted");
    })
}

#[test]
fn over_https_the_cookies_are_host_only_and_secure() {
    common::run(async {
        let app = TestApp::configured(Some("https://mognad.example"), Timeouts::default()).await;
        let request = Request::post("/api/login")
            .header(header::HOST, "mognad.example")
            .header(header::ORIGIN, "https://mognad.example")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form(&[("email", MANAGER_A_EMAIL), ("password", PASSWORD)])))
            .unwrap();
        let reply = app.send(request).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        for name in ["__Host-mognad_session", "__Host-mognad_browser"] {
            let cookie = reply.set_cookie(name).unwrap_or_else(|| panic!("{name} in {:?}", reply.headers));
            assert!(cookie.contains("; Secure") && cookie.contains("Path=/"), "{cookie}");
            assert!(!cookie.contains("Domain"), "{cookie}");
        }
        assert!(reply.session_cookie().is_none(), "no cookie without the prefix");
    })
}

/// The real server on a free local port, with short timeouts.
async fn listening(app: &TestApp) -> (SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let router = app.router.clone();
    tokio::spawn(server::serve::serve(listener, router, Duration::from_millis(500), async {
        let _ = stopped.await;
    }));
    (address, stop)
}

/// Everything the server sends until it closes the connection, and how long that took;
/// `None` if it is still open after 10 s.
async fn until_closed(stream: &mut tokio::net::TcpStream) -> Option<(String, Duration)> {
    use tokio::io::AsyncReadExt;
    let started = Instant::now();
    let mut received = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut received)).await.ok()?;
    // A reset also closes the connection.
    let _ = read;
    Some((String::from_utf8_lossy(&received).into_owned(), started.elapsed()))
}

#[test]
fn a_client_that_stalls_in_its_headers_or_its_body_is_cut_off() {
    common::run(async {
        use tokio::io::AsyncWriteExt;

        let timeouts = Timeouts { header_read: Duration::from_millis(500), request: Duration::from_secs(1) };
        let app = TestApp::configured(None, timeouts).await;
        let (address, stop) = listening(&app).await;

        // A whole request is answered.
        let mut whole = tokio::net::TcpStream::connect(address).await.unwrap();
        whole.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.unwrap();
        let (answer, _) = until_closed(&mut whole).await.expect("answered and closed");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

        // Half a request line, then nothing: the connection is closed.
        let mut stalled = tokio::net::TcpStream::connect(address).await.unwrap();
        stalled.write_all(b"GET /logga-in HT").await.unwrap();
        let (_, took) = until_closed(&mut stalled).await.expect("the server closes a stalled connection");
        assert!(took < Duration::from_secs(3), "{took:?}");

        // Headers promising a body that never comes: 408.
        let mut slow_body = tokio::net::TcpStream::connect(address).await.unwrap();
        let head = format!(
            "POST /api/login HTTP/1.1\r\nHost: {HOST}\r\nOrigin: {ORIGIN}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail={}",
            encode(MANAGER_A_EMAIL)
        );
        slow_body.write_all(head.as_bytes()).await.unwrap();
        let (answer, took) = until_closed(&mut slow_body).await.expect("the server gives up on the body");
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
        assert!(took < Duration::from_secs(5), "{took:?}");
        let _ = stop.send(());
    })
}

// Item 9: deep links, and a real redirect before any page.

#[test]
fn a_deep_link_opened_signed_out_gets_303_to_sign_in_and_leads_back_to_the_same_address() {
    common::run(async {
        let app = TestApp::new().await;
        let deep = "/resultat?omgang=1&nod=625";
        let reply = app.send(TestApp::get(deep, None)).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert_eq!(reply.location(), Some("/logga-in?next=/resultat%3Fomgang%3D1%26nod%3D625"));
        assert!(reply.body.is_empty(), "nothing of the page is sent");

        // The sign-in page carries the whole address on …
        let page = app.send(TestApp::get(reply.location().unwrap(), None)).await;
        assert!(page.body.contains(r#"name="next" value="/resultat?omgang=1&amp;nod=625""#), "{}", page.body);
        // … without script (a plain form post) …
        let plain = sign_in_plain(&app, MANAGER_A_EMAIL, deep, None, None).await;
        assert_eq!(plain.location(), Some(deep));
        // … and with script (the app follows the address it is given).
        let body = form(&[("email", MANAGER_A_EMAIL), ("password", PASSWORD), ("next", deep)]);
        let scripted = app.send(TestApp::post("/api/login", body, None)).await;
        assert_eq!(scripted.status, StatusCode::OK);
        assert_eq!(scripted.location(), Some(deep));
    })
}

#[test]
fn every_private_page_redirects_before_rendering_and_the_sign_in_page_does_not() {
    common::run(async {
        let app = TestApp::new().await;
        let round = app.fixture.round;
        let unit = app.fixture.unit_a;
        for path in [
            "/".to_owned(),
            format!("/omgangar/{round}"),
            format!("/omgangar/{round}/enheter/{unit}"),
            format!("/omgangar/{round}/enheter/{unit}/historik"),
            format!("/omgangar/{round}/enheter/{unit}/atgarder"),
        ] {
            let reply = app.send(TestApp::get(&path, None)).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
            assert!(reply.location().is_some_and(|at| at.starts_with("/logga-in?next=/")), "{path}");
        }
        assert_eq!(app.send(TestApp::get("/logga-in", None)).await.status, StatusCode::OK);
        let cookie = app.login(MANAGER_A_EMAIL).await;
        assert_eq!(app.send(TestApp::get("/", Some(&cookie))).await.status, StatusCode::OK);
    })
}

// Item 10: nothing personal is cached.

#[test]
fn what_depends_on_who_asks_is_never_cached() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(QUALITY_EMAIL).await;
        let no_store = |reply: &Reply| {
            reply.headers.get(header::CACHE_CONTROL).and_then(|value| value.to_str().ok()) == Some("no-store")
        };
        let page = app.send(TestApp::get("/", Some(&cookie))).await;
        assert!(no_store(&page), "{:?}", page.headers);
        let api = app.send(TestApp::post("/api/overview", String::new(), Some(&cookie))).await;
        assert!(no_store(&api), "{:?}", api.headers);
        let chart_path = format!("/resultat/diagram/nivaer.svg?omgang={}", app.fixture.round);
        let chart = app.send(TestApp::get(&chart_path, Some(&cookie))).await;
        assert!(no_store(&chart), "{} {:?}", chart.status, chart.headers);
        let sign_in = app.send(TestApp::get("/logga-in", None)).await;
        assert!(no_store(&sign_in));
    })
}

// Item 11: unknown API addresses.

#[test]
fn an_unknown_api_address_is_a_plain_404_that_echoes_nothing() {
    common::run(async {
        let app = TestApp::new().await;
        let reply = app.send(TestApp::post("/api/does_not_exist", String::new(), None)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        assert!(!reply.body.contains("does_not_exist") && !reply.body.contains("server function"), "{}", reply.body);
        let get = app.send(TestApp::get("/api/does_not_exist", None)).await;
        assert_eq!(get.status, StatusCode::NOT_FOUND);
        assert!(!get.body.contains("does_not_exist"));
        // The real ones still answer.
        let cookie = app.login(MANAGER_A_EMAIL).await;
        let known = app.send(TestApp::post("/api/overview", String::new(), Some(&cookie))).await;
        assert_eq!(known.status, StatusCode::OK);
    })
}
