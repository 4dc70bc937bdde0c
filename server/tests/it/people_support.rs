//! Helpers of the people tests: ids by address, the outbox, the admin log, multipart bodies.

use crate::common::http::{HOST, ORIGIN, Reply, TestApp};
use app::domain::ids::UserId;
use axum::body::Body;
use axum::http::{Request, header};

/// Whether a server function call went through (data, or a redirect to its outcome).
pub fn ok(reply: &Reply) -> bool {
    reply.status.is_success() || reply.status.is_redirection()
}

/// The id of the person with `email`.
pub async fn user_id(app: &TestApp, email: &str) -> UserId {
    app::db::users::find_by_email(&app.fixture.pool, email).await.unwrap().expect("a user").id
}

/// The messages in the app's outbox, as their files' text.
pub fn outbox(app: &TestApp) -> Vec<String> {
    let mut files: Vec<_> =
        std::fs::read_dir(&app.outbox).map(|dir| dir.flatten().map(|entry| entry.path()).collect()).unwrap_or_default();
    files.sort();
    files.iter().filter_map(|path| std::fs::read_to_string(path).ok()).collect()
}

/// The token of the one-time link in a message.
pub fn link_token(message: &str) -> Option<String> {
    let start = message.find("/losenord/")? + "/losenord/".len();
    let token: String = message[start..].chars().take_while(char::is_ascii_hexdigit).collect();
    (token.len() == 64).then_some(token)
}

/// The newest link sent to `email`.
pub fn latest_link_to(app: &TestApp, email: &str) -> Option<String> {
    let mut messages: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(&app.outbox)
        .ok()?
        .flatten()
        .filter_map(|entry| {
            Some((entry.metadata().ok()?.modified().ok()?, std::fs::read_to_string(entry.path()).ok()?))
        })
        .filter(|(_, text)| text.contains(email))
        .collect();
    messages.sort_by_key(|(time, _)| *time);
    messages.last().and_then(|(_, text)| link_token(text))
}

/// How many admin-log entries of `action` there are.
pub async fn admin_events(app: &TestApp, action: &str) -> i64 {
    app::db::sql::query_scalar("SELECT count(*) FROM admin_event WHERE action = $1")
        .bind(action)
        .fetch_one(&app.fixture.pool)
        .await
        .unwrap()
}

/// How many roles `person` holds.
pub async fn roles_held(app: &TestApp, person: UserId) -> i64 {
    app::db::sql::query_scalar("SELECT count(*) FROM role_assignment WHERE user_id = $1")
        .bind(person.0)
        .fetch_one(&app.fixture.pool)
        .await
        .unwrap()
}

pub const BOUNDARY: &str = "----mognad-test-boundary";

/// A `multipart/form-data` body of text fields and files (`(name, file name, content)`).
pub fn multipart(fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    for (name, file_name, content) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// The import form posted as a browser does (plain, multipart).
pub fn upload(body: Vec<u8>, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::post(app::routes::IMPORT_UPLOAD)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"))
        .header(header::CONTENT_LENGTH, body.len())
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, format!("{ORIGIN}{}", app::routes::ADMIN_IMPORT));
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

/// Uploads `text` as pasted lines; the review page it leads to.
pub async fn upload_text(app: &TestApp, cookie: &str, text: &str) -> Reply {
    app.send(upload(multipart(&[("text", text)], &[]), Some(cookie))).await
}

/// The import token in a review page's address.
pub fn review_token(location: &str) -> String {
    location.rsplit('/').next().unwrap_or_default().to_owned()
}
