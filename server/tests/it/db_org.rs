//! The organisation tree over time: a merger keeps a unit's id and its history.

use crate::common;

use app::db::org::{NewNode, NodePeriod, insert_node, insert_node_with_history, lineage, path_to, units_under};
use app::domain::org::OrgKind;
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[tokio::test]
async fn a_unit_that_moved_in_a_merger_shows_under_its_old_administration_before_and_its_new_after() {
    let (pool, _dir) = common::empty_database().await;
    let mut tx = app::db::pool::begin_write(&pool).await.unwrap();
    let from = date(2015, 1, 1);
    let merged = date(2023, 7, 1);
    let node = |kind, name, parent, valid_from, valid_to| NewNode { kind, name, parent, valid_from, valid_to };
    let city = insert_node(&mut tx, &node(OrgKind::City, "Stockholms stad", None, from, None)).await.unwrap();
    let old = insert_node(
        &mut tx,
        &node(
            OrgKind::DistrictAdministration,
            "Spånga-Tensta stadsdelsförvaltning",
            Some(city),
            from,
            Some(date(2023, 6, 30)),
        ),
    )
    .await
    .unwrap();
    let new = insert_node(
        &mut tx,
        &node(OrgKind::DistrictAdministration, "Järva stadsdelsförvaltning", Some(city), merged, None),
    )
    .await
    .unwrap();
    let unit = insert_node_with_history(
        &mut tx,
        OrgKind::Unit,
        &[
            NodePeriod {
                name: "Tensta förskola",
                parent: Some(old),
                valid_from: from,
                valid_to: Some(date(2023, 6, 30)),
            },
            NodePeriod { name: "Förskolan Tensta", parent: Some(new), valid_from: merged, valid_to: None },
        ],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let before = date(2022, 3, 1);
    let after = date(2026, 11, 1);
    assert_eq!(path_to(&pool, unit, before).await.unwrap(), vec![city, old, unit]);
    assert_eq!(path_to(&pool, unit, after).await.unwrap(), vec![city, new, unit]);
    let names = |nodes: Vec<app::db::org::NodeAt>| nodes.into_iter().map(|node| node.name).collect::<Vec<_>>();
    let lineage_before = lineage(&pool, unit, before).await.unwrap();
    assert_eq!(lineage_before.iter().map(|node| node.id).collect::<Vec<_>>(), vec![city, old, unit]);
    assert_eq!(lineage_before[2].parent, Some(old));
    assert_eq!(lineage_before[2].kind, OrgKind::Unit);
    assert_eq!(names(lineage_before)[1..], ["Spånga-Tensta stadsdelsförvaltning", "Tensta förskola"]);
    assert_eq!(
        names(lineage(&pool, unit, after).await.unwrap())[1..],
        ["Järva stadsdelsförvaltning", "Förskolan Tensta"]
    );
    assert!(path_to(&pool, new, before).await.unwrap().is_empty(), "Järva did not exist in 2022");
    assert!(lineage(&pool, new, before).await.unwrap().is_empty(), "nor its lineage");

    let units_2022 = units_under(&pool, city, before).await.unwrap();
    assert_eq!(units_2022.len(), 1);
    assert_eq!(
        units_2022[0].administration.as_ref().map(|(_, name)| name.as_str()),
        Some("Spånga-Tensta stadsdelsförvaltning")
    );
    let units_2026 = units_under(&pool, new, after).await.unwrap();
    assert_eq!(units_2026[0].name, "Förskolan Tensta");
    assert_eq!(units_2026[0].path, vec![city, new, unit], "the path starts at the city root");
}
