//! Changes to the organisation with an effective date, through the real router: each kind
//! (add, rename, move, merge, split, close) appends to the history and leaves the tree at an
//! earlier date as it was; a change that cannot be made changes nothing and its review says
//! why; the page works as a plain GET form; every change is in the admin log with its reason.

use crate::common;
use crate::common::QUALITY_EMAIL;
use crate::common::http::TestApp;
use crate::org_support::{at, change, changed, date, history, named};
use app::domain::ids::NodeId;
use axum::http::StatusCode;

const REASON: (&str, &str) = ("reason", "Beslut i kommunfullmäktige");

/// An admin-log entry: action, reason, who, detail.
type Logged = (String, Option<String>, Option<i64>, Option<String>);

#[test]
fn every_kind_of_change_appends_to_the_history_and_the_earlier_tree_stays_as_it_was() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let quality = app.login(QUALITY_EMAIL).await;
        let id = |node: NodeId| node.to_string();

        // Add.
        let preschools = id(f.preschools);
        changed(
            &app,
            &quality,
            &[
                ("kind", "ny"),
                ("parent", &preschools),
                ("org_kind", "enhet"),
                ("name", "Förskolan Ängen"),
                ("effective", "2024-01-01"),
                REASON,
            ],
        )
        .await;
        let angen = named(&app, "Förskolan Ängen").await;
        assert_eq!(at(&app, angen, "2023-12-31").await, None);
        assert_eq!(at(&app, angen, "2024-01-01").await, Some(("Förskolan Ängen".into(), Some(f.preschools))));

        // Rename.
        let unit_a = id(f.unit_a);
        let rename = [
            ("kind", "byt-namn"),
            ("node", &unit_a),
            ("name", "Förskolan Blåklockan"),
            ("effective", "2024-03-01"),
            REASON,
        ];
        changed(&app, &quality, &rename).await;
        assert_eq!(at(&app, f.unit_a, "2024-02-29").await, Some(("Förskolan A".into(), Some(f.preschools))));
        assert_eq!(at(&app, f.unit_a, "2024-03-01").await, Some(("Förskolan Blåklockan".into(), Some(f.preschools))));

        // Move.
        let (unit_b, elderly) = (id(f.unit_b), id(f.elderly_care));
        changed(
            &app,
            &quality,
            &[("kind", "flytta"), ("node", &unit_b), ("parent", &elderly), ("effective", "2024-03-01"), REASON],
        )
        .await;
        assert_eq!(at(&app, f.unit_b, "2024-02-29").await.and_then(|(_, parent)| parent), Some(f.preschools));
        assert_eq!(at(&app, f.unit_b, "2024-03-01").await.and_then(|(_, parent)| parent), Some(f.elderly_care));

        // Merge two administrations into a new one: their departments move to it.
        let both = format!("{},{}", f.jarva, f.sodermalm);
        changed(
            &app,
            &quality,
            &[("kind", "sla-samman"), ("nodes", &both), ("name", "Norra Järva"), ("effective", "2025-01-01"), REASON],
        )
        .await;
        let norra = named(&app, "Norra Järva").await;
        for old in [f.jarva, f.sodermalm] {
            assert!(at(&app, old, "2024-12-31").await.is_some());
            assert_eq!(at(&app, old, "2025-01-01").await, None, "closed from the merger");
        }
        assert_eq!(at(&app, f.preschools, "2024-12-31").await.and_then(|(_, parent)| parent), Some(f.jarva));
        assert_eq!(at(&app, f.preschools, "2025-01-01").await.and_then(|(_, parent)| parent), Some(norra));
        let successions: Vec<(i64, i64, chrono::NaiveDate)> = app::db::sql::query_as(
            "SELECT predecessor_id, successor_id, effective FROM org_succession ORDER BY predecessor_id",
        )
        .fetch_all(&f.pool)
        .await
        .unwrap();
        assert_eq!(
            successions,
            [(f.jarva.0, norra.0, date("2025-01-01")), (f.sodermalm.0, norra.0, date("2025-01-01"))]
        );
        assert_eq!(app::db::org::predecessors(&f.pool, norra).await.unwrap(), [f.jarva, f.sodermalm]);
        let last_day: Option<chrono::NaiveDate> =
            app::db::sql::query_scalar("SELECT valid_to FROM org_node WHERE id = $1")
                .bind(f.jarva.0)
                .fetch_one(&f.pool)
                .await
                .unwrap();
        assert_eq!(last_day, Some(date("2024-12-31")), "the last day is the day before the merger");

        // Split: what was below goes to the first new one.
        let split = [
            ("kind", "dela"),
            ("node", &elderly),
            ("names", "Äldreomsorg norr\r\nÄldreomsorg söder"),
            ("effective", "2026-01-01"),
            REASON,
        ];
        changed(&app, &quality, &split).await;
        let (north, south) = (named(&app, "Äldreomsorg norr").await, named(&app, "Äldreomsorg söder").await);
        assert_eq!(at(&app, f.unit_c, "2026-01-01").await.and_then(|(_, parent)| parent), Some(north));
        assert_eq!(at(&app, f.unit_b, "2026-01-01").await.and_then(|(_, parent)| parent), Some(north));
        assert_eq!(at(&app, f.elderly_care, "2025-12-31").await.and_then(|(_, parent)| parent), Some(norra));
        assert_eq!(at(&app, f.elderly_care, "2026-01-01").await, None);
        assert_eq!(at(&app, south, "2026-01-01").await.and_then(|(_, parent)| parent), Some(norra));

        // Close the empty one.
        changed(&app, &quality, &[("kind", "stang"), ("node", &id(south)), ("effective", "2026-06-01"), REASON]).await;
        assert!(at(&app, south, "2026-05-31").await.is_some());
        assert_eq!(at(&app, south, "2026-06-01").await, None);

        // The tree of 2020 is as it was.
        assert_eq!(at(&app, f.unit_a, "2020-01-01").await, Some(("Förskolan A".into(), Some(f.preschools))));
        assert_eq!(at(&app, f.unit_b, "2020-01-01").await, Some(("Förskolan B".into(), Some(f.preschools))));
        assert_eq!(at(&app, f.preschools, "2020-01-01").await.and_then(|(_, parent)| parent), Some(f.jarva));
        assert_eq!(
            at(&app, f.jarva, "2020-01-01").await.map(|(name, _)| name),
            Some("Järva stadsdelsförvaltning".into())
        );

        // Each change in the admin log, with who, what and why.
        let logged: Vec<Logged> = app::db::sql::query_as(
            "SELECT action, reason, actor_id, detail FROM admin_event WHERE action LIKE 'org_%' ORDER BY id",
        )
        .fetch_all(&f.pool)
        .await
        .unwrap();
        let actions: Vec<&str> = logged.iter().map(|(action, ..)| action.as_str()).collect();
        assert_eq!(
            actions,
            [
                "org_node_added",
                "org_node_renamed",
                "org_node_moved",
                "org_nodes_merged",
                "org_node_split",
                "org_node_closed"
            ]
        );
        assert!(
            logged
                .iter()
                .all(|(_, reason, actor, _)| reason.as_deref() == Some(REASON.1) && *actor == Some(f.quality.0))
        );
        let merged = logged[3].3.as_deref().unwrap_or_default();
        assert!(merged.starts_with("effective=2025-01-01") && merged.contains("Norra Järva"), "{merged}");
    })
}

#[test]
fn a_change_that_cannot_be_made_changes_nothing_and_its_review_says_why() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let quality = app.login(QUALITY_EMAIL).await;
        let before = history(&app).await;
        let preschools = f.preschools.to_string();
        let (unit_a, city, long) = (f.unit_a.to_string(), f.city.to_string(), "x".repeat(201));
        let refused = [
            vec![("kind", "stang"), ("node", preschools.as_str()), ("effective", "2024-01-01"), REASON],
            vec![
                ("kind", "flytta"),
                ("node", preschools.as_str()),
                ("parent", &unit_a),
                ("effective", "2024-01-01"),
                REASON,
            ],
            vec![
                ("kind", "byt-namn"),
                ("node", preschools.as_str()),
                ("name", "Ny"),
                ("effective", "2015-01-01"),
                REASON,
            ],
            vec![
                ("kind", "byt-namn"),
                ("node", preschools.as_str()),
                ("name", &long),
                ("effective", "2024-01-01"),
                REASON,
            ],
            vec![("kind", "byt-namn"), ("node", preschools.as_str()), ("name", "Ny"), ("effective", "2024-01-01")],
            vec![
                ("kind", "ny"),
                ("parent", &city),
                ("org_kind", "enhet"),
                ("name", "Enhet"),
                ("effective", "2024-01-01"),
                REASON,
            ],
        ];
        let expected = [
            "öppna organisationer ligger under den",
            "kan inte flyttas in under sig själv",
            "måste gälla från 2015-01-02 eller senare",
            "högst 200 tecken",
            "Skriv ett skäl",
            "Enhet kan inte ligga direkt under en staden",
        ];
        for (fields, why) in refused.iter().zip(expected) {
            let reply = change(&app, Some(&quality), fields).await;
            let location = reply.location().expect("back to the review").to_owned();
            assert!(location.contains("review=1") && !location.contains("klart="), "{location}");
            let page = app.send(TestApp::get(&location, Some(&quality))).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(page.body.contains("Ändringen kan inte göras") && page.body.contains(why), "{why}: {location}");
            assert!(!page.body.contains("Genomför ändringen"));
        }
        assert_eq!(history(&app).await, before, "nothing changed");
        let logged: i64 =
            app::db::sql::query_scalar("SELECT count(*) FROM admin_event").fetch_one(&f.pool).await.unwrap();
        assert_eq!(logged, 0);
    })
}

#[test]
fn the_page_is_a_plain_form_that_finds_organisations_by_name_and_shows_names_as_text() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let quality = app.login(QUALITY_EMAIL).await;
        // Started from an organisation's page (`?node=`), with the kind chosen and a search.
        let address = format!("/admin/organisation/andring?node={}&kind=flytta&search_parent=S%C3%B6derm", f.unit_a);
        let page = app.send(TestApp::get(&address, Some(&quality))).await;
        assert_eq!(page.status, StatusCode::OK);
        let cache = page.headers.get("cache-control").and_then(|value| value.to_str().ok()).unwrap_or_default();
        assert!(cache.contains("no-store"), "{cache}");
        assert!(page.body.contains("Förskolan A"), "the organisation chosen");
        assert!(page.body.contains("Södermalms stadsdelsförvaltning"), "found by the search");
        assert!(page.body.contains("Granska ändringen"));

        // The review says what will happen; a name is text, never markup.
        let address = format!(
            "/admin/organisation/andring?kind=byt-namn&node={}&name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&effective=2024-01-01&reason=Test&review=1",
            f.unit_a
        );
        let page = app.send(TestApp::get(&address, Some(&quality))).await;
        assert!(page.body.contains("Det här händer") && page.body.contains("Genomför ändringen"), "{}", page.body);
        assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.body.contains("<script>alert(1)"));

        // Made as the review's plain form post (JavaScript off): on to the page saying so.
        let node = f.unit_a.to_string();
        let body = crate::common::http::form(&[
            ("change[kind]", "byt-namn"),
            ("change[node]", &node),
            ("change[name]", "Förskolan Ängen"),
            ("change[effective]", "2024-01-01"),
            ("change[reason]", "Test"),
        ]);
        let reply = app.send(TestApp::post_plain_form("/api/apply_org_change", body, Some(&quality), &address)).await;
        assert!(reply.status.is_redirection(), "{}", reply.status);
        let location = reply.location().unwrap().to_owned();
        let done = app.send(TestApp::get(&location, Some(&quality))).await;
        assert!(done.body.contains("Ändringen är gjord"), "{location}");
    })
}
