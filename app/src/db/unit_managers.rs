//! Who manages which unit: the people holding the unit-manager role on a unit, with their
//! names and e-mail addresses (disabled accounts left out), to list, download and remind.

use super::Pool;
use super::error::DbResult;
use super::sql::QueryBuilder;
use crate::domain::ids::{NodeId, UserId};
use std::collections::HashMap;

/// A unit manager as someone to write to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManagerContact {
    pub user: UserId,
    pub name: String,
    pub email: String,
}

/// Ids per query, well under any database's limit on bound values.
const CHUNK: usize = 500;

/// The managers of each of `units` that has any, each unit's by name.
pub async fn of_units(pool: &Pool, units: &[NodeId]) -> DbResult<HashMap<NodeId, Vec<ManagerContact>>> {
    let mut managers: HashMap<NodeId, Vec<ManagerContact>> = HashMap::new();
    for chunk in units.chunks(CHUNK) {
        let mut query = QueryBuilder::new(
            "SELECT r.node_id, u.id, u.display_name, u.email
             FROM role_assignment r JOIN app_user u ON u.id = r.user_id
             WHERE r.role = 'unit_manager' AND NOT u.disabled AND r.node_id IN (",
        );
        let mut list = query.separated(", ");
        for unit in chunk {
            list.push_bind(unit.0);
        }
        query.push(") ORDER BY r.node_id, u.display_name, u.email");
        let rows: Vec<(i64, i64, String, String)> = query.build_query_as().fetch_all(pool).await?;
        for (unit, user, name, email) in rows {
            managers.entry(NodeId(unit)).or_default().push(ManagerContact { user: UserId(user), name, email });
        }
    }
    Ok(managers)
}
