//! Helpers of the organisation tests: a change through its server function, the change page,
//! an HR file uploaded and its dry run read, and the tree at a date.

use crate::common::http::{HOST, ORIGIN, Reply, TestApp, form};
use crate::people_support::BOUNDARY;
use app::domain::ids::NodeId;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::NaiveDate;

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Makes a change through `apply_org_change` (`fields` without the `change[…]` wrapping).
pub async fn change(app: &TestApp, cookie: Option<&str>, fields: &[(&str, &str)]) -> Reply {
    let named: Vec<(String, &str)> = fields.iter().map(|(key, value)| (format!("change[{key}]"), *value)).collect();
    let pairs: Vec<(&str, &str)> = named.iter().map(|(key, value)| (key.as_str(), *value)).collect();
    app.send(TestApp::post("/api/apply_org_change", form(&pairs), cookie)).await
}

/// Makes a change that must go through, and checks it went to the page saying so.
pub async fn changed(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) {
    let reply = change(app, Some(cookie), fields).await;
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{} {}", reply.status, reply.body);
    let location = reply.location().unwrap_or_default();
    assert!(location.contains("klart="), "done, not refused: {location}");
}

/// The name and parent of `node` on `on`, if it existed then.
pub async fn at(app: &TestApp, node: NodeId, on: &str) -> Option<(String, Option<NodeId>)> {
    app::db::org::node_at(&app.fixture.pool, node, date(on)).await.unwrap().map(|node| (node.name, node.parent))
}

/// The node with an external (HR register) id.
pub async fn by_external(app: &TestApp, external: &str) -> NodeId {
    let id: i64 = app::db::sql::query_scalar("SELECT id FROM org_node WHERE external_id = $1")
        .bind(external)
        .fetch_one(&app.fixture.pool)
        .await
        .unwrap_or_else(|_| panic!("a node with external id {external}"));
    NodeId(id)
}

/// The node named `name` (in any version).
pub async fn named(app: &TestApp, name: &str) -> NodeId {
    let id: i64 =
        app::db::sql::query_scalar("SELECT node_id FROM org_node_version WHERE name = $1 ORDER BY valid_from LIMIT 1")
            .bind(name)
            .fetch_one(&app.fixture.pool)
            .await
            .unwrap_or_else(|_| panic!("a node named {name}"));
    NodeId(id)
}

/// How many rows a table has.
pub async fn count(app: &TestApp, table: &str) -> i64 {
    app::db::sql::query_scalar(format!("SELECT count(*) FROM {table}")).fetch_one(&app.fixture.pool).await.unwrap()
}

/// Everything the organisation's history is made of, to see that nothing changed.
pub async fn history(app: &TestApp) -> (i64, i64, i64, i64) {
    let closed: i64 = app::db::sql::query_scalar("SELECT count(*) FROM org_node WHERE valid_to IS NOT NULL")
        .fetch_one(&app.fixture.pool)
        .await
        .unwrap();
    (count(app, "org_node").await, count(app, "org_node_version").await, count(app, "org_succession").await, closed)
}

/// The upload form posted as a browser does: the file and the change date.
pub fn upload_request(file_name: &str, bytes: &[u8], change_day: &str, cookie: Option<&str>) -> Request<Body> {
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"change_day\"\r\n\r\n{change_day}\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let mut request = Request::post(app::routes::ORG_IMPORT_UPLOAD)
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"))
        .header(header::CONTENT_LENGTH, body.len())
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, format!("{ORIGIN}{}", app::routes::ADMIN_ORG_IMPORT));
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

/// Uploads a file; the token of its dry run.
pub async fn upload(app: &TestApp, cookie: &str, file_name: &str, bytes: &[u8], change_day: &str) -> String {
    let reply = app.send(upload_request(file_name, bytes, change_day, Some(cookie))).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let location = reply.location().expect("to the dry run").to_owned();
    let prefix = format!("{}/", app::routes::ADMIN_ORG_IMPORT);
    assert!(location.starts_with(&prefix), "to the dry run, not refused: {location}");
    location.trim_start_matches(&prefix).to_owned()
}

/// An upload's dry run (or outcome) as data.
pub async fn review(app: &TestApp, cookie: &str, token: &str) -> serde_json::Value {
    let reply = app.send(TestApp::post("/api/org_import_review", form(&[("token", token)]), Some(cookie))).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

/// Applies an upload.
pub async fn apply(app: &TestApp, cookie: &str, token: &str) -> Reply {
    app.send(TestApp::post("/api/apply_org_import", form(&[("token", token)]), Some(cookie))).await
}

/// Uploads, checks the dry run has no refused line, and applies it.
pub async fn import(app: &TestApp, cookie: &str, text: &str, change_day: &str) -> serde_json::Value {
    let token = upload(app, cookie, "hr.csv", text.as_bytes(), change_day).await;
    let dry_run = review(app, cookie, &token).await;
    assert_eq!(dry_run["Review"]["diff"]["errors"], serde_json::json!([]), "{dry_run}");
    let applied = apply(app, cookie, &token).await;
    assert!(applied.status.is_success() || applied.status.is_redirection(), "{} {}", applied.status, applied.body);
    assert!(applied.location().is_some(), "to the outcome");
    dry_run
}
