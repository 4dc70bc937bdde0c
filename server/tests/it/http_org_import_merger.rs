//! The 2023 merger replayed through the HR import: a file of the 2022 tree, then a file of
//! the 2023 tree in which Järva replaces Spånga-Tensta and Rinkeby-Kista from 1 January 2023.
//! Afterwards the 2020 round's results show both as they were, and Järva's trend "in today's
//! organisation" has for 2020 the mean over the units now in Järva, computed here.

use crate::common;
use crate::common::http::{TestApp, form};
use crate::common::{MANAGER_A_EMAIL, QUALITY_EMAIL};
use crate::org_support::{at, by_external, date, import};
use app::api::results::{OrgResults, Shown};
use app::domain::ids::{NodeId, RoundId};
use app::domain::raw_answers::Intent;
use app::domain::round::RoundStatus;
use axum::http::StatusCode;

const TREE_2022: &str = "\
Id;Namn;Överordnad;Typ;Giltig från
ST;Spånga-Tensta stadsdelsförvaltning;;stadsdelsforvaltning;2015-01-01
ST-F;Avdelningen för förskola, Spånga-Tensta;ST;avdelning;2015-01-01
ST-F-1;Tensta förskola;ST-F;enhet;2015-01-01
ST-F-2;Spånga förskola;ST-F;enhet;2015-01-01
RK;Rinkeby-Kista stadsdelsförvaltning;;stadsdelsforvaltning;2015-01-01
RK-F;Avdelningen för förskola, Rinkeby-Kista;RK;avdelning;2015-01-01
RK-F-1;Rinkeby förskola;RK-F;enhet;2015-01-01
RK-F-2;Kista förskola;RK-F;enhet;2015-01-01
";

/// Järva replaces both; the units move into its department (one dated with its start date,
/// as some registers keep it: it moves on the change date); the departments close with them.
const TREE_2023: &str = "\
Id;Namn;Överordnad;Typ;Giltig från;Enhetschef;Ersätter
J;Järva stadsdelsförvaltning (ny);;stadsdelsforvaltning;2023-01-01;;ST RK
J-F;Avdelningen för förskola, Järva;J;avdelning;2023-01-01
ST-F-1;Tensta förskola;J-F;enhet;2023-01-01
ST-F-2;Spånga förskola;J-F;enhet;2015-01-01
RK-F-1;Rinkeby förskola;J-F;enhet;2023-01-01;enhetschef.a@test.example
RK-F-2;Kista förskola;J-F;enhet;2023-01-01
";

async fn results_in(app: &TestApp, cookie: &str, round: RoundId, node: NodeId) -> OrgResults {
    let (round, node) = (round.to_string(), node.to_string());
    let reply = app
        .send(TestApp::post("/api/results", form(&[("query[round]", &round), ("query[node]", &node)]), Some(cookie)))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

#[test]
fn the_2023_mergers_replayed_through_the_importer_keep_2020_as_it_was_and_carry_it_into_jarvas_trend() {
    common::run(async {
        let app = TestApp::new().await;
        let f = &app.fixture;
        let quality = app.login(QUALITY_EMAIL).await;
        assert_eq!(MANAGER_A_EMAIL, "enhetschef.a@test.example");

        let first = import(&app, &quality, TREE_2022, "2015-01-01").await;
        assert_eq!(first["Review"]["counts"]["new"], 8);

        // The 2020 round, answered under the old administrations.
        let round_2020 = f.other_round("Självskattning 2020", 2020, RoundStatus::Published).await;
        let levels = [("ST-F-1", 1u8), ("ST-F-2", 2), ("RK-F-1", 3), ("RK-F-2", 5)];
        for (unit, level) in levels {
            let unit = by_external(&app, unit).await;
            f.store(round_2020, unit, &f.answers_at(level, "Belägg 2020"), Intent::Submit).await;
        }

        let second = import(&app, &quality, TREE_2023, "2023-01-01").await;
        let counts = &second["Review"]["counts"];
        assert_eq!(
            (counts["new"].as_u64(), counts["moved"].as_u64(), counts["closed"].as_u64()),
            (Some(2), Some(4), Some(4))
        );

        let (st, rk, jarva) =
            (by_external(&app, "ST").await, by_external(&app, "RK").await, by_external(&app, "J").await);
        let tensta = by_external(&app, "ST-F-1").await;
        assert_eq!(
            at(&app, tensta, "2022-12-31").await.and_then(|(_, parent)| parent),
            Some(by_external(&app, "ST-F").await)
        );
        assert_eq!(
            at(&app, tensta, "2023-01-01").await.and_then(|(_, parent)| parent),
            Some(by_external(&app, "J-F").await)
        );
        assert_eq!(at(&app, st, "2023-01-01").await, None);
        assert!(at(&app, st, "2022-12-31").await.is_some());
        let successions: Vec<(i64, i64, chrono::NaiveDate)> = app::db::sql::query_as(
            "SELECT predecessor_id, successor_id, effective FROM org_succession ORDER BY predecessor_id",
        )
        .fetch_all(&f.pool)
        .await
        .unwrap();
        assert_eq!(successions, [(st.0, jarva.0, date("2023-01-01")), (rk.0, jarva.0, date("2023-01-01"))]);
        let manages: i64 =
            app::db::sql::query_scalar("SELECT count(*) FROM role_assignment WHERE user_id = $1 AND node_id = $2")
                .bind(f.manager_a.0)
                .bind(by_external(&app, "RK-F-1").await.0)
                .fetch_one(&f.pool)
                .await
                .unwrap();
        assert_eq!(manages, 1, "the manager's e-mail gave the role");

        // The 2020 round's report shows Spånga-Tensta and Rinkeby-Kista as they were.
        let city_2020 = results_in(&app, &quality, round_2020, f.city).await;
        let names: Vec<&str> = city_2020.children.iter().map(|child| child.name.as_str()).collect();
        assert!(names.contains(&"Spånga-Tensta stadsdelsförvaltning"), "{names:?}");
        assert!(names.contains(&"Rinkeby-Kista stadsdelsförvaltning"), "{names:?}");
        assert!(!names.iter().any(|name| name.contains("(ny)")), "Järva did not exist in 2020: {names:?}");
        let spanga_2020 = results_in(&app, &quality, round_2020, st).await;
        assert_eq!(spanga_2020.node_name, "Spånga-Tensta stadsdelsförvaltning");
        assert!(!spanga_2020.replaced);
        assert_eq!(spanga_2020.total, 2);
        assert_eq!(spanga_2020.figures[0].figure.value().map(|figure| figure.mean), Some(1.5));

        // Järva's trend in today's organisation: 2020 is the mean over its units of today.
        let mean = levels.iter().map(|(_, level)| f64::from(*level)).sum::<f64>() / levels.len() as f64;
        // (Shown in a round after the merger: a trend runs up to the round shown.)
        let round_2024 = f.other_round("Självskattning 2024", 2024, RoundStatus::Published).await;
        let jarva_today = results_in(&app, &quality, round_2024, jarva).await;
        assert!(jarva_today.trend.todays_units);
        let at_2020 = jarva_today
            .trend
            .rounds
            .iter()
            .position(|round| round == "Självskattning 2020")
            .expect("2020 in the trend");
        assert_eq!(jarva_today.trend.rows[0].values[at_2020], Shown::Value(mean));
        let predecessors: Vec<&str> = jarva_today.trend.predecessors.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(predecessors.len(), 2, "{predecessors:?}");

        // The same 2023 file again: every line matched, nothing to change, nothing written twice.
        let before = crate::org_support::history(&app).await;
        let again = import(&app, &quality, TREE_2023, "2024-01-01").await;
        assert_eq!(again["Review"]["counts"]["unchanged"], 6, "{again}");
        assert_eq!(crate::org_support::history(&app).await, before);
    })
}
