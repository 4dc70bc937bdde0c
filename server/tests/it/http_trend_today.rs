//! A trend "in today's organisation": units that moved into Järva in a merger bring the
//! rounds they answered under their old administration with them, for those who see Järva
//! in full; a unit that closed before the merger is not part of it; beside it, each
//! predecessor as it was, unless that would give away units the viewer does not see; a
//! viewer who sees Järva only in aggregate gets each round as they may see it then.

use crate::common;

use crate::common::http::TestApp;
use crate::common::{HEAD_EMAIL, MANAGER_A_EMAIL, QUALITY_EMAIL};
use crate::http_results::{publish, results, seen, submit_three};
use app::api::results::Shown;
use app::db;
use app::db::org::{NewNode, NodePeriod, insert_node, insert_node_with_history};
use app::domain::ids::NodeId;
use app::domain::org::OrgKind;
use app::domain::raw_answers::Intent;
use app::domain::round::RoundStatus;
use axum::http::StatusCode;
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// What the merger made.
pub(crate) struct Merger {
    /// Spånga-Tensta's units that moved into Järva.
    pub movers: Vec<NodeId>,
    /// Spånga-Tensta's unit that closed with it.
    pub closed: NodeId,
    /// Rinkeby-Kista's units, all of which moved into Järva.
    pub rinkeby: Vec<NodeId>,
}

/// Spånga-Tensta until 2022: three units that move into Järva's preschool department in
/// 2023, and one that closes with it; Rinkeby-Kista, whose three units all move. Järva
/// carries on the work of both from 2023.
pub(crate) async fn merger(app: &TestApp) -> Merger {
    let fixture = &app.fixture;
    let mut tx = db::pool::begin_write(&fixture.pool).await.unwrap();
    let (from, last_day, merged) = (date(2015, 1, 1), date(2022, 12, 31), date(2023, 1, 1));
    let old = insert_node(
        &mut tx,
        &NewNode {
            kind: OrgKind::DistrictAdministration,
            name: "Spånga-Tensta stadsdelsförvaltning",
            parent: Some(fixture.city),
            valid_from: from,
            valid_to: Some(last_day),
        },
    )
    .await
    .unwrap();
    let other = insert_node(
        &mut tx,
        &NewNode {
            kind: OrgKind::DistrictAdministration,
            name: "Rinkeby-Kista stadsdelsförvaltning",
            parent: Some(fixture.city),
            valid_from: from,
            valid_to: Some(last_day),
        },
    )
    .await
    .unwrap();
    let (mut movers, mut rinkeby) = (Vec::new(), Vec::new());
    let names = [
        "Tensta förskola",
        "Spånga förskola",
        "Hjulsta förskola",
        "Rinkeby förskola",
        "Kista förskola",
        "Husby förskola",
    ];
    for (number, name) in names.into_iter().enumerate() {
        let before = if number < 3 { old } else { other };
        let periods = [
            NodePeriod { name, parent: Some(before), valid_from: from, valid_to: Some(last_day) },
            NodePeriod { name, parent: Some(fixture.preschools), valid_from: merged, valid_to: None },
        ];
        let unit = insert_node_with_history(&mut tx, OrgKind::Unit, &periods).await.unwrap();
        if number < 3 { movers.push(unit) } else { rinkeby.push(unit) }
    }
    for predecessor in [old, other] {
        db::org::insert_succession(&mut tx, predecessor, fixture.jarva, merged).await.unwrap();
    }
    let closed = insert_node(
        &mut tx,
        &NewNode {
            kind: OrgKind::Unit,
            name: "Bromsten förskola",
            parent: Some(old),
            valid_from: from,
            valid_to: Some(last_day),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    Merger { movers, closed, rinkeby }
}

#[test]
fn units_that_moved_in_a_merger_bring_their_earlier_rounds_for_those_who_see_the_organisation_in_full() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let Merger { movers, closed, rinkeby } = merger(&app).await;
        let earlier = fixture.other_round("Självskattning 2019", 2019, RoundStatus::Published).await;
        // 2019: unit A (Järva then and now) at 4, the movers at 1, 2 and 3 under
        // Spånga-Tensta, the unit that closed at 5, Rinkeby-Kista's three at 2.
        let levels_2019 = [
            (fixture.unit_a, 4),
            (movers[0], 1),
            (movers[1], 2),
            (movers[2], 3),
            (closed, 5),
            (rinkeby[0], 2),
            (rinkeby[1], 2),
            (rinkeby[2], 2),
        ];
        for (unit, level) in levels_2019 {
            fixture.store(earlier, unit, &fixture.answers_at(level, "Förr"), Intent::Submit).await;
        }
        submit_three(&app).await;
        publish(&app).await;

        // Computed here from the levels: every statement at a level gives an index of it.
        let mean = |units: &[NodeId]| {
            let levels: Vec<f64> = levels_2019
                .iter()
                .filter(|(unit, _)| units.contains(unit))
                .map(|(_, level)| f64::from(*level))
                .collect();
            levels.iter().sum::<f64>() / levels.len() as f64
        };
        let in_jarva_today = [&[fixture.unit_a, fixture.unit_b][..], &movers, &rinkeby].concat();
        let everyone_today = [&in_jarva_today[..], &[fixture.unit_c]].concat();

        let head = app.login(HEAD_EMAIL).await;
        let jarva = seen(&app, &head, Some(fixture.jarva)).await;
        assert_eq!(jarva.trend.rounds, ["Självskattning 2019", "Självskattning test"]);
        assert_eq!(jarva.trend.rows[0].values[0], Shown::Value(mean(&in_jarva_today)), "A and the six movers");
        assert_eq!(jarva.trend.rows[0].values[1], Shown::Value(jarva.figures[0].figure.value().unwrap().mean));
        assert!(jarva.trend.todays_units);
        // Beside it, the predecessors as they were: Rinkeby-Kista's units are all Järva's now;
        // Spånga-Tensta's mean less the three the head knows would give the closed unit away.
        let as_it_was = |results: &app::api::results::OrgResults, name: &str| {
            let row = results.trend.predecessors.iter().find(|row| row.name.starts_with(name)).expect(name);
            row.values.clone()
        };
        assert_eq!(as_it_was(&jarva, "Rinkeby-Kista"), [Shown::Value(mean(&rinkeby)), Shown::Missing]);
        assert_eq!(as_it_was(&jarva, "Spånga-Tensta"), [Shown::TooFew, Shown::Missing]);
        let mover = seen(&app, &head, Some(movers[0])).await;
        assert_eq!(mover.trend.rows[0].values[0], Shown::Value(1.0), "a moved unit's own earlier round");

        let quality = app.login(QUALITY_EMAIL).await;
        let city = seen(&app, &quality, None).await;
        assert_eq!(
            city.trend.rows[0].values[0],
            Shown::Value(mean(&everyone_today)),
            "the city of today: the closed unit is not in it"
        );
        let jarva_for_quality = seen(&app, &quality, Some(fixture.jarva)).await;
        let spanga = [&movers[..], &[closed]].concat();
        assert_eq!(as_it_was(&jarva_for_quality, "Spånga-Tensta"), [Shown::Value(mean(&spanga)), Shown::Missing]);

        // Unit A's manager sees Järva in aggregate: 2019 as it was, Järva then had one unit.
        let manager = app.login(MANAGER_A_EMAIL).await;
        let seen_by_manager = seen(&app, &manager, Some(fixture.jarva)).await;
        assert_eq!(seen_by_manager.trend.rows[0].values[0], Shown::TooFew);
        assert!(!seen_by_manager.trend.todays_units);
        assert!(seen_by_manager.trend.predecessors.is_empty(), "nor the predecessors");
        let elsewhere = results(&app, &manager, Some(movers[0])).await;
        assert_eq!(elsewhere.status, StatusCode::FORBIDDEN, "nor another unit's");
    })
}

#[test]
fn a_trend_in_todays_organisation_follows_later_answers_and_changes_to_the_tree_at_once() {
    common::run(async {
        let app = TestApp::new().await;
        let fixture = &app.fixture;
        let Merger { movers, rinkeby, .. } = merger(&app).await;
        let earlier = fixture.other_round("Självskattning 2019", 2019, RoundStatus::Published).await;
        let answered_2019 = async |unit: NodeId, level: u8| {
            fixture.store(earlier, unit, &fixture.answers_at(level, "Förr"), Intent::Submit).await;
        };
        answered_2019(fixture.unit_a, 1).await;
        answered_2019(rinkeby[0], 3).await;
        submit_three(&app).await;
        publish(&app).await;
        let quality = app.login(QUALITY_EMAIL).await;
        let index_2019 = async || seen(&app, &quality, Some(fixture.jarva)).await.trend.rows[0].values[0].clone();
        assert_eq!(index_2019().await, Shown::Value(2.0), "A at 1 and Rinkeby förskola at 3");

        // An answer in the earlier round counts at once.
        answered_2019(movers[0], 5).await;
        assert_eq!(index_2019().await, Shown::Value(3.0), "and Tensta förskola at 5");

        // Unit A moves to Södermalm today: Järva of today no longer has it, in any round.
        let today = db::clock::today().format("%Y-%m-%d").to_string();
        let (unit_a, elderly) = (fixture.unit_a.to_string(), fixture.elderly_care.to_string());
        let reason = ("reason", "Ny organisation");
        let change = [("kind", "flytta"), ("node", &unit_a), ("parent", &elderly), ("effective", &today), reason];
        crate::org_support::changed(&app, &quality, &change).await;
        let jarva = seen(&app, &quality, Some(fixture.jarva)).await;
        assert_eq!(jarva.trend.rows[0].values[0], Shown::Value(4.0), "Rinkeby och Tensta förskola");
        assert_eq!(jarva.figures[0].figure.value().map(|figure| figure.mean), Some(4.0), "B alone this round");
        let sodermalm = seen(&app, &quality, Some(fixture.sodermalm)).await;
        assert_eq!(sodermalm.figures[0].figure.value().map(|figure| figure.mean), Some(2.5), "A at 3 and C at 2");
        assert_eq!(sodermalm.trend.rows[0].values[0], Shown::Value(1.0), "A's 2019 answer came with it");
    })
}
