//! The organisation tree through the real router: browsing and searching it as each role,
//! an organisation's history after the 2023 merger (names, parents and dates as they were,
//! what succeeded what, what was under it), the rounds a unit took part in with its status,
//! and the pages rendered without script, private and uncached.

use crate::common;
use crate::common::http::{Reply, TestApp, form};
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, QUALITY_EMAIL};
use crate::http_trend_today::{Merger, merger};
use app::api::org_tree::{OrgNodePage, OrgTreePage};
use app::domain::ids::NodeId;
use app::domain::raw_answers::Intent;
use app::domain::round::RoundStatus;
use app::domain::status::AssessmentStatus;
use axum::http::{StatusCode, header};

async fn call(app: &TestApp, path: &str, pairs: &[(&str, &str)], cookie: Option<&str>) -> Reply {
    app.send(TestApp::post(path, form(pairs), cookie)).await
}

async fn tree(app: &TestApp, query: &str, cookie: &str) -> OrgTreePage {
    let reply = call(app, "/api/org_tree", &[("query", query)], Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).expect("the tree page's data")
}

async fn node(app: &TestApp, node: NodeId, cookie: &str) -> OrgNodePage {
    let reply = call(app, "/api/org_node", &[("node", &node.to_string())], Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).expect("an organisation's data")
}

#[test]
fn the_tree_is_open_to_those_who_administer_it_and_only_where_they_do() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let Merger { movers, .. } = merger(&app).await;
        let quality = app.login(QUALITY_EMAIL).await;
        let head = app.login(HEAD_EMAIL).await;
        let manager = app.login(MANAGER_A_EMAIL).await;
        let spanga_tensta = node(&app, movers[0], &quality).await.periods[0].parent.clone().expect("a parent").0;

        // Nobody signed in, and a unit manager, get nothing.
        for path in ["/api/org_tree", "/api/org_node"] {
            let pairs: &[(&str, &str)] = if path == "/api/org_node" { &[("node", "1")] } else { &[] };
            assert_eq!(call(&app, path, pairs, None).await.status, StatusCode::UNAUTHORIZED, "{path}");
            assert_eq!(call(&app, path, pairs, Some(&manager)).await.status, StatusCode::FORBIDDEN, "{path}");
        }

        // The quality department browses the whole city, closed organisations included.
        let city = tree(&app, "", &quality).await;
        let tops: Vec<&str> = city.tops.iter().map(|line| line.name.as_str()).collect();
        assert_eq!(tops, ["Järva stadsdelsförvaltning", "Södermalms stadsdelsförvaltning"]);
        let jarva_units = city.tops.iter().find(|line| line.id == f.jarva).expect("Järva").units;
        assert_eq!(jarva_units, 2 + movers.len() + 3, "A and B, the movers and Rinkeby-Kista's three");
        let former: Vec<(&str, &str)> =
            city.former.iter().map(|line| (line.name.as_str(), line.until.as_str())).collect();
        assert_eq!(
            former,
            [
                ("Rinkeby-Kista stadsdelsförvaltning", "2022-12-31"),
                ("Spånga-Tensta stadsdelsförvaltning", "2022-12-31")
            ]
        );
        assert!(city.may_change);
        let found = tree(&app, "HEMTJ", &quality).await;
        assert_eq!(found.hits.iter().map(|hit| hit.id).collect::<Vec<_>>(), [f.unit_c]);
        assert!(found.tops.is_empty() && found.former.is_empty(), "a search shows what it found only");

        // A head: their own administration, searches inside it only, nothing closed.
        let own = tree(&app, "", &head).await;
        assert_eq!(own.tops.iter().map(|line| line.id).collect::<Vec<_>>(), [f.jarva]);
        assert!(own.former.is_empty() && !own.may_change);
        assert!(tree(&app, "hemtjänst", &head).await.hits.is_empty(), "Södermalm's unit is outside");
        assert_eq!(tree(&app, "förskolan a", &head).await.hits[0].id, f.unit_a);
        assert_eq!(node(&app, f.unit_a, &head).await.name, "Förskolan A");
        for outside in [f.unit_c, f.sodermalm, f.city, spanga_tensta] {
            let reply = call(&app, "/api/org_node", &[("node", &outside.to_string())], Some(&head)).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{outside}: {}", reply.body);
        }
        let missing = call(&app, "/api/org_node", &[("node", "999999")], Some(&quality)).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
    })
}

#[test]
fn an_organisations_history_stays_as_it_was_through_a_merger() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let Merger { movers, closed, rinkeby } = merger(&app).await;
        let quality = app.login(QUALITY_EMAIL).await;

        // A unit that moved: two periods, the first under Spånga-Tensta by its name then.
        let mover = node(&app, movers[0], &quality).await;
        let periods: Vec<(&str, Option<&str>, &str)> = mover
            .periods
            .iter()
            .map(|period| {
                (
                    period.from.as_str(),
                    period.until.as_deref(),
                    period.parent.as_ref().map_or("", |(_, name)| name.as_str()),
                )
            })
            .collect();
        assert_eq!(
            periods,
            [
                ("2015-01-01", Some("2022-12-31"), "Spånga-Tensta stadsdelsförvaltning"),
                ("2023-01-01", None, "Avdelningen för förskola"),
            ]
        );
        let above: Vec<NodeId> = mover.above.iter().map(|(id, _, _)| *id).collect();
        assert_eq!(above, [f.city, f.jarva, f.preschools], "where it sits today");
        assert!(mover.until.is_none());

        // Järva carries on both predecessors from 2023; each of them names Järva.
        let jarva = node(&app, f.jarva, &quality).await;
        let predecessors: Vec<(&str, &str)> =
            jarva.predecessors.iter().map(|line| (line.name.as_str(), line.effective.as_str())).collect();
        assert_eq!(
            predecessors,
            [
                ("Spånga-Tensta stadsdelsförvaltning", "2023-01-01"),
                ("Rinkeby-Kista stadsdelsförvaltning", "2023-01-01")
            ]
        );
        assert!(jarva.successors.is_empty());
        assert_eq!(jarva.children.iter().map(|line| line.id).collect::<Vec<_>>(), [f.preschools]);
        assert!(jarva.holders.iter().any(|holder| holder.email == HEAD_EMAIL && !holder.inherited));
        assert!(jarva.holders.iter().any(|holder| holder.email == QUALITY_EMAIL && holder.inherited));

        // Spånga-Tensta as it was: closed, carried on by Järva, its units listed until their
        // last day there, nobody holding a role on it now.
        let spanga_tensta = jarva.predecessors[0].id;
        let old = node(&app, spanga_tensta, &quality).await;
        assert_eq!(old.name, "Spånga-Tensta stadsdelsförvaltning");
        assert_eq!(old.until.as_deref(), Some("2022-12-31"));
        assert!(old.above.is_empty() && old.children.is_empty() && old.holders.is_empty());
        assert_eq!(old.successors.iter().map(|line| line.id).collect::<Vec<_>>(), [f.jarva]);
        let mut former: Vec<NodeId> = old.former_children.iter().map(|line| line.id).collect();
        former.sort();
        let mut expected = [movers.clone(), vec![closed]].concat();
        expected.sort();
        assert_eq!(former, expected);
        assert!(old.former_children.iter().all(|line| line.until == "2022-12-31" && line.linkable));
        assert!(node(&app, rinkeby[0], &quality).await.periods.len() == 2);
    })
}

#[test]
fn a_unit_lists_the_rounds_it_took_part_in_with_its_answer() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let Merger { movers, closed, .. } = merger(&app).await;
        let earlier = f.other_round("Självskattning 2019", 2019, RoundStatus::Published).await;
        let planned = f.other_round("Självskattning 2099", 2099, RoundStatus::Draft).await;
        f.store(earlier, movers[0], &f.answers_at(3, "Förr"), Intent::Submit).await;
        f.store(f.round, movers[0], &f.answers_at(2, "Nu"), Intent::Save).await;
        let quality = app.login(QUALITY_EMAIL).await;

        let mover = node(&app, movers[0], &quality).await;
        let rounds: Vec<(_, Option<AssessmentStatus>)> =
            mover.rounds.iter().map(|line| (line.round.id, line.unit_status)).collect();
        assert_eq!(
            rounds,
            [(planned, None), (f.round, Some(AssessmentStatus::Draft)), (earlier, Some(AssessmentStatus::Submitted)),],
            "newest first; a round not yet open has no status"
        );
        // The unit that closed in 2022 took part in 2019 only, and has no answer there.
        let gone = node(&app, closed, &quality).await;
        let rounds: Vec<_> = gone.rounds.iter().map(|line| (line.round.id, line.unit_status)).collect();
        assert_eq!(rounds, [(earlier, Some(AssessmentStatus::NotStarted))]);
        // An administration lists the rounds over the city, without a unit's status.
        let jarva = node(&app, f.jarva, &quality).await;
        assert_eq!(jarva.rounds.len(), 3);
        assert!(jarva.rounds.iter().all(|line| line.unit_status.is_none()));
    })
}

#[test]
fn the_pages_render_without_script_and_are_never_cached() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        merger(&app).await;
        let quality = app.login(QUALITY_EMAIL).await;
        let head = app.login(HEAD_EMAIL).await;

        let page = app.send(TestApp::get("/admin/organisation?q=f%C3%B6rskolan", Some(&quality))).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.headers.get(header::CACHE_CONTROL).and_then(|value| value.to_str().ok()), Some("no-store"));
        assert!(page.body.contains(&format!("href=\"/admin/organisation/{}\"", f.unit_a)), "a hit links to its page");
        assert!(page.body.contains("name=\"q\""), "a plain search form");

        let start = app.send(TestApp::get("/admin/organisation", Some(&quality))).await;
        assert!(start.body.contains("Spånga-Tensta stadsdelsförvaltning"), "closed organisations are listed");

        let unit = app.send(TestApp::get(&format!("/admin/organisation/{}", f.unit_a), Some(&head))).await;
        assert_eq!(unit.status, StatusCode::OK);
        assert!(unit.body.contains("Förskolan A") && unit.body.contains("Avdelningen för förskola"));
        assert!(unit.body.contains(&format!("/admin/organisation/{}/behorigheter", f.unit_a)));

        let refused = app.send(TestApp::get(&format!("/admin/organisation/{}", f.unit_c), Some(&head))).await;
        assert!(!refused.body.contains("Hemtjänst C"), "nothing of another administration's unit");

        let admin = app.send(TestApp::get("/admin", Some(&head))).await;
        assert!(admin.body.contains("href=\"/admin/organisation\""), "the administration links to the tree");
    })
}
