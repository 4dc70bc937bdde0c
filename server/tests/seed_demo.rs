//! The demo city: size, merger, rounds and demo accounts, generated deterministically.
//!
//! A test binary of its own, not a module of `it`: a seed holds this process's turn to
//! write (`app::db::pool::begin_write`) for longer than another writer waits for it, so the
//! tests in `it` running beside it in one process would fail to write.

#[path = "it/common/database.rs"]
mod common;

use app::db;
use app::domain::round::RoundStatus;
use app::domain::status::AssessmentStatus;
use server::seed::{SeedOptions, seed_demo};

#[tokio::test]
async fn the_demo_city_is_realistic_and_deterministic() {
    let (pool, _dir) = common::empty_database().await;
    let summary = seed_demo(&pool, SeedOptions::default()).await.unwrap();
    assert!((1_500..=2_500).contains(&summary.units), "{} units", summary.units);
    assert_eq!(summary.users.len(), 5);

    let rounds = db::rounds::list(&pool).await.unwrap();
    assert_eq!(rounds.len(), 3);
    let earliest = rounds.iter().find(|round| round.name == "Självskattning 2020").unwrap();
    assert_eq!(earliest.status, RoundStatus::Published);
    let earliest_statuses = db::assessments::statuses(&pool, earliest.id).await.unwrap();
    assert!(earliest_statuses.len() > summary.units / 2, "most units answered in 2020");
    let open = rounds.iter().find(|round| round.name == "Självskattning 2026").unwrap();
    let published = rounds.iter().find(|round| round.name == "Självskattning 2023").unwrap();

    // The open round has units in every status; the demo users' units have not started.
    let statuses = db::assessments::statuses(&pool, open.id).await.unwrap();
    let submitted = statuses.values().filter(|(status, _)| *status == AssessmentStatus::Submitted).count();
    let drafts = statuses.values().filter(|(status, _)| *status == AssessmentStatus::Draft).count();
    assert!(submitted > summary.units / 5 && drafts > summary.units / 10, "{submitted} submitted, {drafts} drafts");
    assert!(statuses.len() < summary.units, "some units have not started");
    for user in summary.users.iter().filter_map(|user| user.unit) {
        assert!(!statuses.contains_key(&user), "a demo user's unit starts empty");
    }

    // The merger: Järva's units sat under Rinkeby-Kista or Spånga-Tensta in the 2023 round.
    let city = db::org::city_root(&pool).await.unwrap().unwrap();
    let units_2023 = db::org::units_under(&pool, city, published.tree_date(db::clock::today())).await.unwrap();
    let administrations_2023: std::collections::BTreeSet<_> =
        units_2023.iter().filter_map(|unit| unit.administration.as_ref().map(|(_, name)| name.clone())).collect();
    assert!(administrations_2023.contains("Rinkeby-Kista stadsdelsförvaltning"));
    assert!(administrations_2023.contains("Spånga-Tensta stadsdelsförvaltning"));
    assert!(!administrations_2023.contains("Järva stadsdelsförvaltning"));
    let units_now = db::org::units_under(&pool, city, open.tree_date(db::clock::today())).await.unwrap();
    assert!(
        units_now
            .iter()
            .any(|unit| unit.administration.as_ref().is_some_and(|(_, name)| name == "Järva stadsdelsförvaltning"))
    );
    assert_eq!(units_2023.len(), units_now.len(), "merged units keep their ids");

    // The same seed gives the same city.
    let (again, _dir2) = common::empty_database().await;
    seed_demo(&again, SeedOptions::default()).await.unwrap();
    let names = |pool: db::Pool| async move {
        app::db::sql::query_scalar::<String>("SELECT name FROM org_node_version ORDER BY node_id, valid_from")
            .fetch_all(&pool)
            .await
            .unwrap()
    };
    assert_eq!(names(pool.clone()).await, names(again.clone()).await);
}
