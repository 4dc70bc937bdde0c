//! Finding people: every word in the name or the address, any case (å, ä, ö included), an
//! exact address first, then names that start with the first word, then A–Ö with Å, Ä, Ö
//! after Z; what a user types is never a pattern; one page at a time; a head's search looks
//! only among those holding a role in their subtree; people stored before the search
//! columns existed are found once the server has started.

use crate::common;

use app::db::org::{NewNode, insert_node};
use app::db::people_search::{Among, FoundPage, fill_missing, search};
use app::db::{self, Pool};
use app::domain::ids::{NodeId, UserId};
use app::domain::org::OrgKind;
use app::domain::people::PeopleQuery;
use app::domain::rights::{Role, RoleGrant};
use chrono::NaiveDate;

async fn add_people(pool: &Pool, people: &[(&str, &str)]) -> Vec<UserId> {
    let mut tx = db::pool::begin_write(pool).await.unwrap();
    let mut ids = Vec::new();
    for (name, email) in people {
        ids.push(db::people::create(&mut tx, email, name).await.unwrap().expect("a new address"));
    }
    tx.commit().await.unwrap();
    ids
}

async fn found(pool: &Pool, among: Among<'_>, query: &str, page: usize, size: usize) -> FoundPage {
    search(pool, among, &PeopleQuery::parse(query), page, size).await.unwrap()
}

async fn names(pool: &Pool, query: &str) -> Vec<String> {
    found(pool, Among::Everyone, query, 1, 100).await.people.into_iter().map(|person| person.name).collect()
}

#[tokio::test]
async fn every_word_is_in_the_name_or_the_address_in_any_case_and_the_order_is_swedish() {
    let (pool, _dir) = common::empty_database().await;
    add_people(
        &pool,
        &[
            ("Åsa Öberg", "asa.oberg@stockholm.se"),
            ("Anna Berg", "anna.berg@stockholm.se"),
            ("Berit Åkesson", "berit@edu.stockholm.se"),
            ("Zara Ek", "anna@x.se"),
            ("Anna Andersson", "anna.a@x.se"),
        ],
    )
    .await;

    assert_eq!(names(&pool, "ÅSA").await, ["Åsa Öberg"]);
    assert_eq!(names(&pool, "berg").await, ["Anna Berg", "Åsa Öberg"], "any part of the name, A–Ö");
    assert_eq!(names(&pool, "edu.stockholm").await, ["Berit Åkesson"], "the address");
    assert_eq!(names(&pool, "anna stockholm").await, ["Anna Berg"], "every word, name or address");
    assert_eq!(names(&pool, "ANNA.BERG@stockholm.se").await, ["Anna Berg"]);
    assert_eq!(names(&pool, "nobody").await, Vec::<String>::new());
    assert_eq!(
        names(&pool, "anna").await,
        ["Anna Andersson", "Anna Berg", "Zara Ek"],
        "names starting with the word before an address that holds it"
    );
    assert_eq!(
        names(&pool, "anna@x.se").await,
        ["Zara Ek"],
        "an exact address first (and only it holds the whole address)"
    );
    assert_eq!(names(&pool, "a").await[0], "Anna Andersson");
    assert_eq!(
        names(&pool, "").await,
        ["Anna Andersson", "Anna Berg", "Berit Åkesson", "Zara Ek", "Åsa Öberg"],
        "everyone, A–Ö with Å after Z"
    );
    assert_eq!(names(&pool, "berg\nasa").await, ["Åsa Öberg"], "words are split at any white space");
}

#[tokio::test]
async fn what_a_user_types_is_never_a_pattern() {
    let (pool, _dir) = common::empty_database().await;
    add_people(&pool, &[("Anna 50% Berg", "a_b@x.se"), ("Bo Ek", "axb@x.se"), ("Ce Fors", "c\\d@x.se")]).await;

    assert_eq!(names(&pool, "%").await, ["Anna 50% Berg"]);
    assert_eq!(names(&pool, "a_b").await, ["Anna 50% Berg"], "`_` is no wildcard");
    assert_eq!(names(&pool, "\\").await, ["Ce Fors"]);
    assert_eq!(names(&pool, "' OR 1=1 --").await, Vec::<String>::new());
}

#[tokio::test]
async fn one_page_at_a_time_and_the_last_one_when_asked_beyond_it() {
    let (pool, _dir) = common::empty_database().await;
    let people: Vec<(String, String)> =
        (0..12).map(|n| (format!("Person {n:02}"), format!("person{n:02}@stockholm.se"))).collect();
    let people: Vec<(&str, &str)> = people.iter().map(|(name, email)| (name.as_str(), email.as_str())).collect();
    add_people(&pool, &people).await;

    let second = found(&pool, Among::Everyone, "person", 2, 5).await;
    assert_eq!((second.total, second.page, second.pages), (12, 2, 3));
    let shown: Vec<&str> = second.people.iter().map(|person| person.name.as_str()).collect();
    assert_eq!(shown, ["Person 05", "Person 06", "Person 07", "Person 08", "Person 09"]);

    let beyond = found(&pool, Among::Everyone, "person", 9, 5).await;
    assert_eq!((beyond.page, beyond.people.len()), (3, 2));
    let none = found(&pool, Among::Everyone, "ingen", 1, 5).await;
    assert_eq!((none.total, none.page, none.pages, none.people.len()), (0, 1, 1, 0));
}

#[tokio::test]
async fn a_head_searches_among_those_holding_a_role_in_their_subtree() {
    let (pool, _dir) = common::empty_database().await;
    let from = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let mut tx = db::pool::begin_write(&pool).await.unwrap();
    let node = |kind, name, parent| NewNode { kind, name, parent, valid_from: from, valid_to: None };
    let city = insert_node(&mut tx, &node(OrgKind::City, "Stockholms stad", None)).await.unwrap();
    let jarva = insert_node(&mut tx, &node(OrgKind::DistrictAdministration, "Järva", Some(city))).await.unwrap();
    let unit = insert_node(&mut tx, &node(OrgKind::Unit, "Förskolan A", Some(jarva))).await.unwrap();
    let other = insert_node(&mut tx, &node(OrgKind::Unit, "Förskolan B", Some(city))).await.unwrap();
    tx.commit().await.unwrap();
    let [inside, outside, without] = add_people(
        &pool,
        &[("Anna Inne", "inne@x.se"), ("Anna Ute", "ute@x.se"), ("Anna Utan", "utan@x.se")],
    )
    .await[..] else {
        panic!("three people")
    };
    let mut tx = db::pool::begin_write(&pool).await.unwrap();
    db::people::give_role(&mut tx, inside, RoleGrant { role: Role::UnitManager, node: unit }).await.unwrap();
    db::people::give_role(&mut tx, outside, RoleGrant { role: Role::UnitManager, node: other }).await.unwrap();
    tx.commit().await.unwrap();

    let subtree: [NodeId; 2] = [jarva, unit];
    let page = found(&pool, Among::HoldingRoleOn(&subtree), "anna", 1, 25).await;
    assert_eq!(page.people.iter().map(|person| person.id).collect::<Vec<_>>(), [inside]);
    assert_eq!(page.total, 1);
    let everyone = found(&pool, Among::Everyone, "anna", 1, 25).await;
    assert_eq!(everyone.total, 3, "{without:?} has no role and is found by the quality department only");
    assert_eq!(found(&pool, Among::HoldingRoleOn(&[]), "", 1, 25).await.total, 0);
}

#[tokio::test]
async fn people_stored_before_the_search_columns_are_found_after_a_start() {
    let (pool, _dir) = common::empty_database().await;
    add_people(&pool, &[("Örjan Åberg", "orjan@x.se"), ("Ärla Ek", "arla@x.se")]).await;
    // As a database migrated from before the columns existed holds them.
    app::db::sql::query("UPDATE app_user SET search_text = NULL, sort_name = NULL").execute(&pool).await.unwrap();
    assert!(names(&pool, "åberg").await.is_empty());

    assert_eq!(fill_missing(&pool).await.unwrap(), 2);
    assert_eq!(names(&pool, "ÅBERG").await, ["Örjan Åberg"]);
    assert_eq!(names(&pool, "").await, ["Ärla Ek", "Örjan Åberg"]);
    assert_eq!(fill_missing(&pool).await.unwrap(), 0, "once done, nothing to do");
}
