//! The organisation tree as the administration uses it: finding an organisation by name, to
//! give a role on it or to let a round cover it.

use crate::api::error::AppError;
use crate::domain::ids::NodeId;
use crate::domain::org::OrgKind;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The most organisations one search returns.
pub const SEARCH_LIMIT: usize = 25;

/// An organisation found by a search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeHit {
    pub id: NodeId,
    pub name: String,
    pub kind: OrgKind,
    /// The organisations above it (below the city), from the top down.
    pub within: Vec<String>,
}

/// Organisations whose names match `query` (every word, any case), today, within what the
/// person administers: the whole city for the quality department, their own subtrees for a
/// head (who appoints unit managers there). Others may not search.
#[server(endpoint = "search_organisation")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn search_organisation(query: String) -> Result<Vec<NodeHit>, AppError> {
    use crate::api::context::{caller, state};
    use crate::db::{self, clock};
    use crate::domain::org_search::search;
    use crate::domain::rights::{Permission, may_anywhere};

    let caller = caller().await?;
    let pool = state()?.pool;
    let today = clock::today();
    let roots: Vec<NodeId> = if may_anywhere(&caller.grants, Permission::ManagePeople)
        || may_anywhere(&caller.grants, Permission::ManageRounds)
    {
        db::org::city_root(&pool).await?.into_iter().collect()
    } else {
        caller
            .grants
            .iter()
            .filter(|grant| may_anywhere(&[**grant], Permission::AppointUnitManagers))
            .map(|grant| grant.node)
            .collect()
    };
    if roots.is_empty() {
        return Err(AppError::Forbidden);
    }
    let query: String = query.chars().take(100).collect();
    let mut nodes = Vec::new();
    for root in roots {
        nodes.extend(db::results::nodes_under(&pool, root, today).await?);
    }
    Ok(search(&nodes, &query, SEARCH_LIMIT)
        .into_iter()
        .map(|found| NodeHit { id: found.id, name: found.name, kind: found.kind, within: found.within })
        .collect())
}
