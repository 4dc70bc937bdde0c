//! The organisation tree as the administration reads it: browsing from the top, searching
//! by name, and one organisation's page with its history (names, parents, dates), what
//! succeeded what, who can see it and the rounds it took part in. Changes to the tree are
//! made elsewhere; this area only reads, and never rewrites, history.

#[cfg(feature = "ssr")]
pub mod load;
mod types;

pub use types::{FormerLine, NodeLine, NodeRound, OrgNodePage, OrgTreePage, PeriodLine, SuccessionLine};

use crate::api::error::AppError;
use crate::domain::ids::NodeId;
use leptos::prelude::*;

/// The tree's start page: the organisations whose names match `query` (every word, any
/// case) and the top of the tree to browse from, within what the viewer administers.
#[server(endpoint = "org_tree")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_org_tree(query: Option<String>) -> Result<OrgTreePage, AppError> {
    use crate::api::people::access::admin;

    let admin = admin().await?;
    self::load::tree_page(&admin, query.as_deref().unwrap_or("")).await
}

/// One organisation's page.
#[server(endpoint = "org_node")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_org_node(node: NodeId) -> Result<OrgNodePage, AppError> {
    use crate::api::people::access::admin;

    let admin = admin().await?;
    self::load::node_page(&admin, node).await
}
