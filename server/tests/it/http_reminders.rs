//! Reminders by e-mail through the real router: who may use each endpoint, a confirmation
//! posted twice sending once (each manager mailed once, with the round, the deadline and
//! the unit's own link), rounds that are not open, e-mail that is not configured, failed
//! messages sent again, and two senders never sending one message twice.

use crate::common;
use crate::common::http::{ORIGIN, Reply, TestApp, encode, form};
use crate::common::outbox;
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, MANAGER_C_EMAIL, QUALITY_EMAIL};
use app::db;
use app::db::audit::ChangeContext;
use app::db::reminders::{NewRecipient, NewReminder};
use app::domain::ids::{NodeId, ReminderId, RoundId};
use app::domain::reminder::ReminderTarget;
use app::domain::round::RoundStatus;
use app::state::mailer::Mailer;
use axum::http::StatusCode;
use serde_json::Value;
use std::time::Duration;

const SUBJECT: &str = "Påminnelse: {omgång}";
const BODY: &str = "Hej {namn}!\n{enhet} har inte skickat in {omgång}. Sista dag: {sista_dag}.\nLänk: {länk}\n{okänd}";

/// The reminder's fields as a form (`request[…]`), for the preview and the send.
fn request_fields(round: RoundId, target: &str, administration: Option<NodeId>) -> Vec<(String, String)> {
    let mut fields = vec![
        ("request[round_id]".to_owned(), round.to_string()),
        ("request[target]".to_owned(), target.to_owned()),
        ("request[subject]".to_owned(), SUBJECT.to_owned()),
        ("request[body]".to_owned(), BODY.to_owned()),
    ];
    if let Some(administration) = administration {
        fields.push(("request[administration]".to_owned(), administration.to_string()));
    }
    fields
}

fn body_of(fields: &[(String, String)]) -> String {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(key, value)| (key.as_str(), value.as_str())).collect();
    form(&pairs)
}

fn json(reply: &Reply) -> Value {
    serde_json::from_str(&reply.body).unwrap_or_else(|error| panic!("not JSON ({error}): {}", reply.body))
}

async fn preview(app: &TestApp, cookie: Option<&str>, round: RoundId) -> Reply {
    let body = body_of(&request_fields(round, "both", None));
    app.send(TestApp::post("/api/reminder_preview", body, cookie)).await
}

/// A fresh confirmation key, from the preview as the confirmation page gets it.
async fn confirmation_key(app: &TestApp, cookie: &str, round: RoundId) -> String {
    let reply = preview(app, Some(cookie), round).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    json(&reply)["confirmation_key"].as_str().expect("a key").to_owned()
}

async fn send(app: &TestApp, cookie: Option<&str>, round: RoundId, key: &str) -> Reply {
    let mut fields = request_fields(round, "both", None);
    fields.push(("key".to_owned(), key.to_owned()));
    app.send(TestApp::post("/api/send_reminder", body_of(&fields), cookie)).await
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    app::db::sql::query_scalar(sql).fetch_one(&app.fixture.pool).await.unwrap()
}

/// Waits until none of the reminder's messages is waiting to be sent.
async fn until_sent(pool: &db::Pool, reminder: i64) {
    for _ in 0..400 {
        let waiting: i64 = app::db::sql::query_scalar(
            "SELECT count(*) FROM reminder_recipient WHERE reminder_id = $1 AND status IN ('pending', 'sending')",
        )
        .bind(reminder)
        .fetch_one(pool)
        .await
        .unwrap();
        if waiting == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("reminder {reminder} was not sent within 10 s");
}

#[test]
fn every_reminder_endpoint_is_for_the_quality_department_only() {
    common::run(async {
        let app = TestApp::new().await;
        let round = app.fixture.round;
        let quality = app.login(QUALITY_EMAIL).await;
        let key = confirmation_key(&app, &quality, round).await;
        let sent = send(&app, Some(&quality), round, &key).await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
        let reminder = json(&sent).as_i64().expect("the reminder's id");
        until_sent(&app.fixture.pool, reminder).await;

        let ids = form(&[("round_id", &round.to_string()), ("reminder_id", &reminder.to_string())]);
        let form_body = form(&[("round_id", &round.to_string()), ("target", "not_started")]);
        let apis: Vec<(&str, String)> = vec![
            ("/api/reminder_form", form_body),
            ("/api/reminder_preview", body_of(&request_fields(round, "both", Some(app.fixture.jarva)))),
            ("/api/reminder_status", ids.clone()),
            ("/api/retry_reminder", ids),
        ];
        let review = format!("/omgangar/{round}/paminnelse/granska?status=both&amne=x&text=y");
        let pages =
            [format!("/omgangar/{round}/paminnelse"), review, format!("/omgangar/{round}/paminnelser/{reminder}")];

        for (path, body) in &apis {
            let reply = app.send(TestApp::post(path, body.clone(), Some(&quality))).await;
            assert_eq!(reply.status, StatusCode::OK, "quality department: {path} {}", reply.body);
        }
        for page in &pages {
            let reply = app.send(TestApp::get(page, Some(&quality))).await;
            assert_eq!(reply.status, StatusCode::OK, "quality department: {page}");
        }

        // A head (inside their subtree too: Järva's units) and a unit manager may not.
        for email in [HEAD_EMAIL, MANAGER_A_EMAIL, MANAGER_C_EMAIL] {
            let cookie = app.login(email).await;
            for (path, body) in &apis {
                let reply = app.send(TestApp::post(path, body.clone(), Some(&cookie))).await;
                assert_eq!(reply.status, StatusCode::FORBIDDEN, "{email}: {path} {}", reply.body);
            }
            let own = send(&app, Some(&cookie), round, &uuid::Uuid::new_v4().to_string()).await;
            assert_eq!(own.status, StatusCode::FORBIDDEN, "{email}: send");
            for page in &pages {
                let reply = app.send(TestApp::get(page, Some(&cookie))).await;
                assert_eq!(reply.status, StatusCode::FORBIDDEN, "{email}: {page}");
                assert!(reply.body.contains("Du har inte behörighet"), "{email}: {page}");
            }
        }

        // Signed out: the API answers 401, the pages send to the sign-in page.
        for (path, body) in &apis {
            let reply = app.send(TestApp::post(path, body.clone(), None)).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "signed out: {path}");
        }
        assert_eq!(send(&app, None, round, &key).await.status, StatusCode::UNAUTHORIZED);
        for page in &pages {
            let reply = app.send(TestApp::get(page, None)).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "signed out: {page}");
            assert!(reply.location().is_some_and(|to| to.starts_with("/logga-in?next=")), "{page}");
        }

        assert_eq!(count(&app, "SELECT count(*) FROM reminder").await, 1, "only the quality department's reminder");
        assert_eq!(outbox::count(&app.outbox), 2, "managers A and C, once each");
    })
}

#[test]
fn a_confirmation_posted_twice_sends_the_reminder_once_to_each_manager() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let round = fixture.round;
        let cookie = app.login(QUALITY_EMAIL).await;

        // The preview: the first recipient's message as it will be sent, and the count.
        let reply = preview(&app, Some(&cookie), round).await;
        let shown = json(&reply);
        assert_eq!(shown["audience"]["units"], 3);
        assert_eq!(shown["audience"]["messages"], 2, "units A and C have a manager each");
        assert_eq!(shown["audience"]["units_without_manager"], 1, "unit B has none");
        assert_eq!(shown["unknown_placeholders"], serde_json::json!(["{okänd}"]));
        let first = &shown["first"];
        assert_eq!(first["to_address"], MANAGER_A_EMAIL);
        assert_eq!(first["subject"], "Påminnelse: Självskattning test");
        let link_a = format!("{ORIGIN}/omgangar/{round}/enheter/{}", fixture.unit_a);
        assert_eq!(
            first["body"].as_str().unwrap(),
            format!(
                "Hej Enhetschef A!\nFörskolan A har inte skickat in Självskattning test. Sista dag: 2099-12-31.\n\
                 Länk: {link_a}\n{{okänd}}"
            )
        );

        // The same confirmation twice, at once, and again as a plain form (a double click
        // without script, a retried post): one reminder.
        let key = shown["confirmation_key"].as_str().unwrap().to_owned();
        let (first_post, second_post) =
            tokio::join!(send(&app, Some(&cookie), round, &key), send(&app, Some(&cookie), round, &key));
        assert_eq!(first_post.status, StatusCode::OK, "{}", first_post.body);
        assert_eq!(first_post.body, second_post.body, "both posts name the same reminder");
        let reminder = json(&first_post).as_i64().unwrap();
        let mut fields = request_fields(round, "both", None);
        fields.push(("key".to_owned(), key.to_uppercase()));
        let referer = format!("/omgangar/{round}/paminnelse/granska");
        let plain =
            app.send(TestApp::post_plain_form("/api/send_reminder", body_of(&fields), Some(&cookie), &referer)).await;
        assert!(plain.status.is_redirection(), "{}", plain.status);
        assert_eq!(plain.location(), Some(format!("/omgangar/{round}/paminnelser/{reminder}").as_str()));

        until_sent(&fixture.pool, reminder).await;
        assert_eq!(count(&app, "SELECT count(*) FROM reminder").await, 1);
        assert_eq!(
            count(&app, "SELECT count(*) FROM reminder_recipient WHERE status = 'sent' AND sent_at IS NOT NULL").await,
            2
        );
        assert_eq!(
            count(&app, "SELECT count(*) FROM admin_event WHERE action = 'reminder_sent'").await,
            1,
            "logged once"
        );
        let (actor, detail): (i64, String) =
            app::db::sql::query_as("SELECT actor_id, detail FROM admin_event WHERE action = 'reminder_sent'")
                .fetch_one(&fixture.pool)
                .await
                .unwrap();
        assert_eq!((actor, detail), (fixture.quality.0, format!("Påminnelse {reminder} till 2 mottagare")));

        // Each manager got exactly one message, about their own unit.
        let messages = outbox::messages(&app.outbox);
        assert_eq!(messages.len(), 2, "{messages:#?}");
        for (message, email, name, unit, unit_name) in [
            (&messages[0], MANAGER_A_EMAIL, "Enhetschef A", fixture.unit_a, "Förskolan A"),
            (&messages[1], MANAGER_C_EMAIL, "Enhetschef C", fixture.unit_c, "Hemtjänst C"),
        ] {
            assert_eq!(message.to, format!("\"{name}\" <{email}>"));
            assert_eq!(message.subject, "Påminnelse: Självskattning test");
            assert!(message.body.contains(&format!("Hej {name}!")), "{}", message.body);
            assert!(message.body.contains(&format!("{unit_name} har inte skickat in Självskattning test")));
            assert!(message.body.contains("Sista dag: 2099-12-31."));
            let own_link = format!("Länk: {ORIGIN}/omgangar/{round}/enheter/{unit}\n");
            assert!(message.body.contains(&own_link), "{own_link} in {}", message.body);
        }

        // The reminder's page: finished, with every recipient and when.
        let ids = form(&[("round_id", &round.to_string()), ("reminder_id", &reminder.to_string())]);
        let status = json(&app.send(TestApp::post("/api/reminder_status", ids, Some(&cookie))).await);
        assert_eq!((status["counts"]["sent"].as_i64(), status["counts"]["failed"].as_i64()), (Some(2), Some(0)));
        assert_eq!(status["created_by"], "Kvalitet");
        assert_eq!(status["recipients"].as_array().unwrap().len(), 2);
        let page = app.send(TestApp::get(&format!("/omgangar/{round}/paminnelser/{reminder}"), Some(&cookie))).await;
        assert!(page.body.contains("Klart: 2 av 2 skickade, 0 misslyckades."), "{}", page.body);
        assert!(page.body.contains(MANAGER_C_EMAIL) && page.body.contains("Skickat"));
    })
}

#[test]
fn a_round_that_is_not_open_cannot_be_reminded() {
    common::run(async {
        let app = TestApp::new().await;
        let cookie = app.login(QUALITY_EMAIL).await;
        for (name, year, status) in [
            ("Stängd", 2019, RoundStatus::Closed),
            ("Utkast", 2031, RoundStatus::Draft),
            ("Publicerad", 2018, RoundStatus::Published),
        ] {
            let round = app.fixture.other_round(name, year, status).await;
            let page = app.send(TestApp::get(&format!("/omgangar/{round}/paminnelse"), Some(&cookie))).await;
            assert_eq!(page.status, StatusCode::OK, "{name}");
            assert!(page.body.contains("Omgången är inte öppen."), "{name}");
            assert!(!page.body.contains("Förhandsgranska"), "{name}: no way on to sending");
            let shown = json(&preview(&app, Some(&cookie), round).await);
            assert_eq!(shown["open"], false, "{name}");
            let refused = send(&app, Some(&cookie), round, shown["confirmation_key"].as_str().unwrap()).await;
            assert_eq!(refused.status, StatusCode::CONFLICT, "{name}: {}", refused.body);
        }
        assert_eq!(count(&app, "SELECT count(*) FROM reminder").await, 0);
        assert_eq!(count(&app, "SELECT count(*) FROM admin_event").await, 0);
        assert_eq!(outbox::count(&app.outbox), 0);
    })
}

#[test]
fn without_email_configured_the_reminder_is_refused_clearly_and_nothing_is_marked_sent() {
    common::run(async {
        let app = TestApp::without_email().await;
        let round = app.fixture.round;
        let cookie = app.login(QUALITY_EMAIL).await;
        let page = app.send(TestApp::get(&format!("/omgangar/{round}/paminnelse"), Some(&cookie))).await;
        assert!(page.body.contains("E-post är inte inställd på servern"), "{}", page.body);
        assert!(!page.body.contains("Förhandsgranska"));

        let key = confirmation_key(&app, &cookie, round).await;
        let refused = send(&app, Some(&cookie), round, &key).await;
        assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(refused.body.contains("MailNotConfigured"), "{}", refused.body);

        // Without script: back to the confirmation page, which says why.
        let mut fields = request_fields(round, "both", None);
        fields.push(("key".to_owned(), key));
        let referer =
            format!("/omgangar/{round}/paminnelse/granska?status=both&amne={}&text={}", encode(SUBJECT), encode(BODY));
        let plain =
            app.send(TestApp::post_plain_form("/api/send_reminder", body_of(&fields), Some(&cookie), &referer)).await;
        assert_eq!(plain.status, StatusCode::SEE_OTHER);
        let back = plain.location().expect("back to the page").to_owned();
        assert!(back.ends_with("&fel=e-post-saknas"), "{back}");
        let told = app.send(TestApp::get(&back, Some(&cookie))).await;
        assert!(told.body.contains("E-post är inte inställd på servern"), "{}", told.body);

        assert_eq!(count(&app, "SELECT count(*) FROM reminder").await, 0);
        assert_eq!(count(&app, "SELECT count(*) FROM reminder_recipient").await, 0);
        assert_eq!(count(&app, "SELECT count(*) FROM admin_event").await, 0);
        assert_eq!(outbox::count(&app.outbox), 0);
    })
}

#[test]
fn a_message_that_fails_is_kept_with_its_error_and_sent_again_on_request() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let round = fixture.round;
        // Unit B's manager has an address no mail server would take.
        let mut tx = db::pool::begin_write(&fixture.pool).await.unwrap();
        let broken = db::users::upsert(&mut tx, "trasig adress@test.example", "Enhetschef B", None).await.unwrap();
        db::users::grant(&mut tx, broken, fixture.unit_b, app::domain::rights::Role::UnitManager).await.unwrap();
        tx.commit().await.unwrap();

        let cookie = app.login(QUALITY_EMAIL).await;
        let key = confirmation_key(&app, &cookie, round).await;
        let reminder = json(&send(&app, Some(&cookie), round, &key).await).as_i64().unwrap();
        until_sent(&fixture.pool, reminder).await;
        let ids = form(&[("round_id", &round.to_string()), ("reminder_id", &reminder.to_string())]);
        let status = json(&app.send(TestApp::post("/api/reminder_status", ids.clone(), Some(&cookie))).await);
        assert_eq!((status["counts"]["sent"].as_i64(), status["counts"]["failed"].as_i64()), (Some(2), Some(1)));
        assert_eq!(status["may_retry"], true);
        let failed = status["recipients"].as_array().unwrap().iter().find(|line| line["status"] == "failed").unwrap();
        assert_eq!(failed["unit"], "Förskolan B");
        assert!(failed["error"].as_str().is_some_and(|error| !error.is_empty()));
        assert_eq!(outbox::count(&app.outbox), 2);

        // The address is put right (as a mail server that was down comes back), and the
        // failed message is sent again: only it.
        app::db::sql::query(
            "UPDATE reminder_recipient SET address = 'enhetschef.b@test.example' WHERE status = 'failed'",
        )
        .execute(&fixture.pool)
        .await
        .unwrap();
        let again = app.send(TestApp::post("/api/retry_reminder", ids.clone(), Some(&cookie))).await;
        assert_eq!((again.status, again.body.as_str()), (StatusCode::OK, "1"));
        until_sent(&fixture.pool, reminder).await;
        let status = json(&app.send(TestApp::post("/api/reminder_status", ids, Some(&cookie))).await);
        assert_eq!((status["counts"]["sent"].as_i64(), status["counts"]["failed"].as_i64()), (Some(3), Some(0)));
        let messages = outbox::messages(&app.outbox);
        assert_eq!(messages.len(), 3);
        assert_eq!(messages.iter().filter(|message| message.to.contains("enhetschef.b@test.example")).count(), 1);
        assert_eq!(count(&app, "SELECT count(*) FROM admin_event WHERE action = 'reminder_sent'").await, 2);
    })
}

#[test]
fn two_senders_of_one_reminder_never_send_a_message_twice_even_on_two_servers() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let mut tx = db::pool::begin_write(&fixture.pool).await.unwrap();
        let mut recipients = Vec::new();
        for number in 0..60 {
            let address = format!("chef{number}@test.example");
            let user = db::users::upsert(&mut tx, &address, &format!("Chef {number}"), None).await.unwrap();
            recipients.push(NewRecipient {
                unit: fixture.unit_a,
                unit_name: "Förskolan A".into(),
                user,
                name: format!("Chef {number}"),
                address,
                subject: "Påminnelse".into(),
                body: "Hej!".into(),
            });
        }
        let context = ChangeContext { actor: fixture.quality, request_id: None, at: chrono::Utc::now() };
        let new = NewReminder {
            idempotency_key: "två-sändare",
            round: fixture.round,
            target: ReminderTarget::Both,
            administration: None,
            subject: "Påminnelse",
            body: "Hej!",
            units: 1,
            units_without_manager: 0,
        };
        let reminder: ReminderId = db::reminders::insert(&mut tx, &context, &new, &recipients).await.unwrap();
        tx.commit().await.unwrap();

        // One sender on this server's pool, one on a pool of its own, as another server has.
        let mailer = Mailer::outbox(&app.outbox, "Mognad <noreply@mognad.test>").unwrap();
        let other_server = db::pool::connect(&fixture.url).await.unwrap();
        use app::api::reminders::sending::deliver;
        let (first, second) =
            tokio::join!(deliver(&fixture.pool, &mailer, reminder, 4), deliver(&other_server, &mailer, reminder, 4));
        let (first, second) = (first.unwrap(), second.unwrap());
        assert_eq!(first.sent + second.sent, 60, "{first:?} {second:?}");
        other_server.close().await;

        let messages = outbox::messages(&app.outbox);
        assert_eq!(messages.len(), 60);
        let mut addresses: Vec<&str> = messages.iter().map(|message| message.to.as_str()).collect();
        addresses.dedup();
        assert_eq!(addresses.len(), 60, "each recipient once");
        assert_eq!(
            count(&app, "SELECT count(*) FROM reminder_recipient WHERE status = 'sent' AND attempts = 1").await,
            60
        );
    })
}
