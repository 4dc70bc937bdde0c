//! The change page's data and the change made (server only).

use super::access::Organiser;
use super::types::{ChangePage, Chosen, PickerHits, PickerSearches};
use crate::api::error::AppError;
use crate::api::organisation::{NodeHit, search_organisation};
use crate::db::admin_log::{AdminEntry, append};
use crate::db::{self, clock, pool::begin_write};
use crate::domain::admin_action::AdminAction;
use crate::domain::org_change::{ChangeKind, RawChange, node_ids, plan_change};
use crate::domain::org_steps::{effects, log_text};
use crate::routes::{ADMIN_ORG_CHANGE, Notice, org_change_review_path, with_notice};

/// The admin-log action of a change.
fn action_of(kind: ChangeKind) -> AdminAction {
    match kind {
        ChangeKind::Add => AdminAction::OrgNodeAdded,
        ChangeKind::Rename => AdminAction::OrgNodeRenamed,
        ChangeKind::Move => AdminAction::OrgNodeMoved,
        ChangeKind::Merge => AdminAction::OrgNodesMerged,
        ChangeKind::Split => AdminAction::OrgNodeSplit,
        ChangeKind::Close => AdminAction::OrgNodeClosed,
    }
}

async fn found(query: &str) -> Result<Vec<NodeHit>, AppError> {
    if query.trim().is_empty() { Ok(Vec::new()) } else { search_organisation(query.to_owned()).await }
}

/// The page: the form, the names of the organisations chosen, what the searches found, and
/// the review when asked for.
pub async fn page(
    organiser: &Organiser,
    raw: RawChange,
    searches: &PickerSearches,
    review: bool,
) -> Result<ChangePage, AppError> {
    let mut conn = organiser.pool.acquire().await?;
    let tree = db::org_changes::tree_now(&mut conn).await?;
    drop(conn);
    let mut ids = node_ids(&raw.nodes);
    ids.extend(node_ids(&format!("{} {} {}", raw.node, raw.parent, raw.successor)));
    let chosen =
        ids.into_iter().filter_map(|id| tree.open(id).map(|node| Chosen { id, name: node.name.clone() })).collect();
    let hits = PickerHits {
        node: found(&searches.node).await?,
        parent: found(&searches.parent).await?,
        successor: found(&searches.successor).await?,
        nodes: found(&searches.nodes).await?,
    };
    let review = review.then(|| plan_change(&raw, &tree).map(|planned| effects(&planned.steps, &tree)));
    Ok(ChangePage {
        kind: ChangeKind::from_key(raw.kind.trim()),
        raw,
        chosen,
        hits,
        review,
        today: clock::today().format("%Y-%m-%d").to_string(),
    })
}

/// Makes the change if it can be made now; where to go next: the page saying it is done, or
/// the review saying why it cannot be made.
pub async fn apply(organiser: &Organiser, raw: &RawChange) -> Result<String, AppError> {
    let context = organiser.context();
    let mut tx = begin_write(&organiser.pool).await?;
    let tree = db::org_changes::tree_now(&mut tx).await?;
    let Ok(planned) = plan_change(raw, &tree) else { return Ok(org_change_review_path(raw)) };
    let created = db::org_changes::apply(&mut tx, &planned.steps).await?;
    let node = planned.node.or_else(|| created.first().copied());
    let detail = format!("effective={}; {}", planned.effective, log_text(&effects(&planned.steps, &tree)));
    let entry = AdminEntry {
        node,
        detail: Some(&detail),
        reason: Some(&planned.reason),
        ..AdminEntry::of(action_of(planned.kind))
    };
    append(&mut tx, &context, &[entry]).await?;
    tx.commit().await?;
    tracing::info!(kind = planned.kind.key(), ?node, "organisation changed");
    let page = match node {
        Some(node) => format!("{ADMIN_ORG_CHANGE}?node={node}"),
        None => ADMIN_ORG_CHANGE.to_owned(),
    };
    Ok(with_notice(&page, &Notice::Done(planned.kind.key().to_owned())))
}
