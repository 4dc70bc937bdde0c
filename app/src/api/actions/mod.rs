//! Improvement actions of a unit's assessment: reading them with the previous round's open
//! ones, adding, editing (merged field by field), removing (marked, never deleted) and
//! following up the previous round's (a new status, and carried on into this round).
//! Every change goes into the assessment's audit log.

#[cfg(feature = "ssr")]
pub mod access;
mod types;

pub use types::{ActionItem, ActionsView};

use crate::api::error::AppError;
use crate::domain::actions::RawAction;
use crate::domain::ids::{ActionId, NodeId, RoundId};
use leptos::prelude::*;

/// The unit's actions in the round; `conflict` is the token of a kept conflicting post
/// (`?konflikt=` after a plain form post).
#[server(endpoint = "actions")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn get_actions(
    round_id: RoundId,
    unit_id: NodeId,
    conflict: Option<String>,
) -> Result<ActionsView, AppError> {
    use crate::api::access::unit_in_round;
    use crate::api::context::{caller, state};
    use crate::api::kept_posts;
    use crate::db;
    use crate::domain::actions::may_follow_up;
    use crate::domain::rights::{Permission, may, may_edit_answers, may_see_answers};
    use crate::domain::status::AssessmentStatus;

    let caller = caller().await?;
    let pool = state()?.pool;
    let found = unit_in_round(&pool, &caller, round_id, unit_id, Permission::ReadAssessment).await?;
    let record = db::assessments::find(&pool, found.round.id, found.unit.id).await?;
    let status = record.as_ref().map_or(AssessmentStatus::NotStarted, |record| record.status);
    let visible = may_see_answers(&caller.grants, &found.path, status);
    let current = match (&record, visible) {
        (_, false) => None,
        (None, true) => Some(Vec::new()),
        (Some(record), true) => {
            Some(db::actions::list(&pool, record.id).await?.into_iter().map(ActionItem::from).collect())
        }
    };
    let (previous_round, previous_open) = match db::previous_round::find(&pool, found.unit.id, &found.round).await? {
        Some(previous) if visible => {
            let open = db::actions::list(&pool, previous.assessment)
                .await?
                .into_iter()
                .filter(|action| may_follow_up(action.values.status, action.carried_on))
                .map(ActionItem::from)
                .collect();
            (Some(previous.round_name), open)
        }
        _ => (None, Vec::new()),
    };
    let kept_conflict = match conflict {
        Some(token) if may(&caller.grants, Permission::EditAssessment, &found.path) => {
            kept_posts::action_conflicts(&pool, &caller, &token, found.round.id, found.unit.id).await?
        }
        _ => None,
    };
    Ok(ActionsView {
        kept_conflict,
        can_edit: may_edit_answers(
            &caller.grants,
            &found.path,
            found.round.status,
            status,
            record.as_ref().is_some_and(|record| record.reopened_after_close),
        ),
        current,
        previous_round,
        previous_open,
    })
}

/// Adds an action to a dimension of the unit's assessment (started if need be).
#[server(endpoint = "add_action")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn add_action(
    round_id: RoundId,
    unit_id: NodeId,
    dimension: String,
    action: RawAction,
) -> Result<ActionId, AppError> {
    use self::access::{checked, editable_assessment, finish, still_editable};
    use crate::db;

    let editable = editable_assessment(round_id, unit_id).await?;
    let (found, context) = (&editable.found, &editable.context);
    if editable.framework.dimension_by_str(&dimension).is_none() {
        return Err(AppError::BadRequest);
    }
    let values = checked(&action)?;
    let mut tx = db::pool::begin_write(&editable.pool).await?;
    still_editable(&mut tx, found).await?;
    let record = db::assessments::find_or_create_in(&mut tx, context, found.round.id, found.unit.id).await?;
    let id = db::actions::insert_in(&mut tx, context, record.id, &dimension, &values, None).await?;
    tx.commit().await?;
    finish(found, id);
    Ok(id)
}

/// Saves an edited action. `base` is the action as the page showed it: fields only the
/// editor changed are written, fields someone else changed differently meanwhile are
/// conflicts (the other fields are still written).
#[server(endpoint = "edit_action")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn edit_action(
    round_id: RoundId,
    unit_id: NodeId,
    action_id: ActionId,
    action: RawAction,
    base: RawAction,
) -> Result<i64, AppError> {
    use self::access::{action_of_unit, checked, editable_assessment, finish, still_editable};
    use crate::api::context::is_plain_form_post;
    use crate::api::kept_posts::{self, Kept};
    use crate::db;
    use crate::db::pending::Owner;
    use crate::domain::actions::merge;
    use crate::routes::{Notice, action_anchor, actions_path, with_notice};

    let editable = editable_assessment(round_id, unit_id).await?;
    let (found, context) = (&editable.found, &editable.context);
    let values = checked(&action)?;
    // The base is what the page showed; it was valid when stored, so only normalise it.
    let base = checked(&base).unwrap_or_default();
    let mut tx = db::pool::begin_write(&editable.pool).await?;
    still_editable(&mut tx, found).await?;
    let stored = action_of_unit(&mut tx, action_id, found).await?;
    let merged = merge(&stored.values, &base, &values);
    let version = db::actions::update_in(&mut tx, context, &stored, &merged.merged, &merged.changes).await?;
    tx.commit().await?;
    if merged.conflicts.is_empty() {
        finish(found, action_id);
        return Ok(version);
    }
    if !is_plain_form_post() {
        return Err(AppError::ActionConflict { current_version: version, fields: merged.conflicts });
    }
    // Without script the page cannot show both versions in place: keep the editor's side for
    // them and show it on the page, beside the other person's.
    let kept = Kept::ActionConflicts { round_id, unit_id, action_id, conflicts: merged.conflicts };
    let token = kept_posts::keep(&editable.pool, &Owner::User(context.actor), &kept).await?;
    let page = format!("{}#{}", actions_path(round_id, unit_id), action_anchor(action_id.0));
    leptos_axum::redirect(&with_notice(&page, &Notice::Conflict(token)));
    Ok(version)
}

/// Removes an action: it is marked removed and stays in the history.
#[server(endpoint = "remove_action")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn remove_action(round_id: RoundId, unit_id: NodeId, action_id: ActionId) -> Result<(), AppError> {
    use self::access::{action_of_unit, editable_assessment, still_editable};
    use crate::api::context::redirect_plain_form;
    use crate::db;
    use crate::routes::{Notice, actions_path, with_notice};

    let editable = editable_assessment(round_id, unit_id).await?;
    let mut tx = db::pool::begin_write(&editable.pool).await?;
    still_editable(&mut tx, &editable.found).await?;
    let stored = action_of_unit(&mut tx, action_id, &editable.found).await?;
    db::actions::remove_in(&mut tx, &editable.context, &stored).await?;
    tx.commit().await?;
    redirect_plain_form(&with_notice(&actions_path(round_id, unit_id), &Notice::Removed));
    Ok(())
}

/// Follows up an open action of the unit's previous round: sets its status and, if
/// `carry` is given, carries it on into this round (a new action pointing at it). Only
/// while this round's assessment may change; only an open action of the previous round
/// not yet carried on.
#[server(endpoint = "follow_up_action")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn follow_up_action(
    round_id: RoundId,
    unit_id: NodeId,
    action_id: ActionId,
    status: String,
    carry: Option<String>,
) -> Result<Option<ActionId>, AppError> {
    use self::access::{action_to_follow_up, editable_assessment, previous_assessment, still_editable};
    use crate::api::context::redirect_plain_form;
    use crate::db;
    use crate::domain::actions::{ActionField, ActionStatus};
    use crate::routes::{Notice, actions_path, with_notice};

    let editable = editable_assessment(round_id, unit_id).await?;
    let (found, context) = (&editable.found, &editable.context);
    let status = ActionStatus::from_key(&status).ok_or(AppError::BadRequest)?;
    let carry = carry.is_some();
    if carry && !status.is_open() {
        return Err(AppError::BadRequest);
    }
    let previous_assessment = previous_assessment(&editable.pool, found).await?;
    let mut tx = db::pool::begin_write(&editable.pool).await?;
    still_editable(&mut tx, found).await?;
    let previous = action_to_follow_up(&mut tx, action_id, found, previous_assessment).await?;
    let mut values = previous.values.clone();
    values.status = status;
    let changes: Vec<(ActionField, String, String)> = (previous.values.status != status)
        .then(|| (ActionField::Status, previous.values.status.key().to_owned(), status.key().to_owned()))
        .into_iter()
        .collect();
    db::actions::update_in(&mut tx, context, &previous, &values, &changes).await?;
    let carried = if carry {
        let record = db::assessments::find_or_create_in(&mut tx, context, found.round.id, found.unit.id).await?;
        Some(
            db::actions::insert_in(&mut tx, context, record.id, &previous.dimension, &values, Some(previous.id))
                .await?,
        )
    } else {
        None
    };
    tx.commit().await?;
    redirect_plain_form(&with_notice(&actions_path(round_id, unit_id), &Notice::Saved));
    Ok(carried)
}
