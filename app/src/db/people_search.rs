//! Finding people in the register (see `domain::people::PeopleQuery` for what matches and
//! in which order): the database counts the matches and returns one page, so a search over
//! thousands of people reads 25 rows. Matching and order use the `search_text` and
//! `sort_name` columns the application writes with every name.

use super::error::DbResult;
use super::people::{PERSON_COLUMNS, PersonRow, person_row};
use super::sql::QueryBuilder;
use super::{Pool, like};
use crate::domain::ids::NodeId;
use crate::domain::people::{PeopleQuery, page_of, search_text, sort_key};

/// Whom a search looks among.
#[derive(Clone, Copy, Debug)]
pub enum Among<'a> {
    /// Every person.
    Everyone,
    /// Those holding a role on one of these nodes.
    HoldingRoleOn(&'a [NodeId]),
}

/// One page of the people found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundPage {
    pub people: Vec<PersonRow>,
    /// How many match in all.
    pub total: usize,
    /// The page shown (the last one if asked beyond it), from 1.
    pub page: usize,
    pub pages: usize,
}

/// Page `page` (of `size` people) of those among `among` who match `query`, in the order
/// `PeopleQuery` describes.
pub async fn search(
    pool: &Pool,
    among: Among<'_>,
    query: &PeopleQuery,
    page: usize,
    size: usize,
) -> DbResult<FoundPage> {
    if let Among::HoldingRoleOn([]) = among {
        let (_, page, pages) = page_of(0, page, size);
        return Ok(FoundPage { people: Vec::new(), total: 0, page, pages });
    }
    let mut count = QueryBuilder::new("SELECT count(*) FROM app_user WHERE ");
    matching(&mut count, among, query);
    let total: i64 = count.build_query_scalar().fetch_one(pool).await?;
    let total = usize::try_from(total).unwrap_or(0);
    let (range, page, pages) = page_of(total, page, size);

    let mut rows = QueryBuilder::new(format!("SELECT {PERSON_COLUMNS}, CASE WHEN email = "));
    rows.push_bind(query.exact_email().map(str::to_owned));
    rows.push(r" THEN 0 WHEN search_text LIKE ");
    rows.push_bind(query.first().map(like::starting_with));
    rows.push(r" ESCAPE '\' THEN 1 ELSE 2 END AS rank FROM app_user WHERE ");
    matching(&mut rows, among, query);
    rows.push(" ORDER BY rank, sort_name, email, id LIMIT ");
    rows.push_bind(i64::try_from(range.len()).unwrap_or(i64::MAX));
    rows.push(" OFFSET ");
    rows.push_bind(i64::try_from(range.start).unwrap_or(i64::MAX));
    let people = rows.build().fetch_all(pool).await?.into_iter().map(person_row).collect::<DbResult<_>>()?;
    Ok(FoundPage { people, total, page, pages })
}

/// The condition: among whom, and every word in the search text.
fn matching(query: &mut QueryBuilder, among: Among<'_>, wanted: &PeopleQuery) {
    query.push("TRUE");
    if let Among::HoldingRoleOn(nodes) = among {
        query.push(" AND id IN (SELECT user_id FROM role_assignment WHERE node_id IN (");
        let mut list = query.separated(", ");
        for node in nodes {
            list.push_bind(node.0);
        }
        query.push("))");
    }
    for word in &wanted.words {
        query.push(" AND search_text LIKE ");
        query.push_bind(like::containing(word));
        query.push(r" ESCAPE '\'");
    }
}

/// Writes the search columns of people stored before they existed (run at start; a no-op
/// once done). Returns how many were filled in.
pub async fn fill_missing(pool: &Pool) -> DbResult<usize> {
    let missing: Vec<(i64, String, String)> = super::sql::query_as(
        "SELECT id, display_name, email FROM app_user WHERE search_text IS NULL OR sort_name IS NULL",
    )
    .fetch_all(pool)
    .await?;
    if missing.is_empty() {
        return Ok(0);
    }
    let mut tx = super::pool::begin_write(pool).await?;
    for (id, name, email) in &missing {
        super::sql::query("UPDATE app_user SET search_text = $1, sort_name = $2 WHERE id = $3")
            .bind(search_text(name, email))
            .bind(sort_key(name))
            .bind(*id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(missing.len())
}
