//! Users as stored: the demo accounts are found by how their addresses end.

use crate::common;

use app::db;

#[tokio::test]
async fn addresses_are_found_by_their_ending_taken_literally_in_the_order_created() {
    let (pool, _dir) = common::empty_database().await;
    let mut tx = db::pool::begin_write(&pool).await.unwrap();
    for email in ["b@mognad.test", "a@mognad.test", "c@mognad.test.se", "d@other.se", "E@MOGNAD.TEST"] {
        db::users::upsert(&mut tx, email, "Namn", None).await.unwrap();
    }
    tx.commit().await.unwrap();

    let found = db::users::emails_ending_with(&pool, "@mognad.test").await.unwrap();
    assert_eq!(found, ["b@mognad.test", "a@mognad.test", "e@mognad.test"]);
    // `_` and `%` are no wildcards here.
    assert!(db::users::emails_ending_with(&pool, "_mognad.test").await.unwrap().is_empty());
    assert!(db::users::emails_ending_with(&pool, "%.test").await.unwrap().is_empty());
}
