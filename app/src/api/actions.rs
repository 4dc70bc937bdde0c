//! Improvement actions of a unit's assessment: reading them with the previous round's open
//! ones, adding, editing (merged field by field), removing (marked, never deleted) and
//! following up the previous round's (a new status, and carried on into this round).
//! Every change goes into the assessment's audit log.

use super::error::AppError;
use crate::domain::actions::{ActionConflict, ActionValues, RawAction};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An action as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionItem {
    pub id: i64,
    pub dimension: String,
    pub values: ActionValues,
    pub version: i64,
    /// Carried on from an action of an earlier round.
    pub carried_from: Option<i64>,
    /// Carried on into a later round.
    pub carried_on: bool,
}

/// The actions page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionsView {
    /// Whether the caller may change the actions now.
    pub can_edit: bool,
    /// `None` when the caller may not see them: others see them once submitted.
    pub current: Option<Vec<ActionItem>>,
    /// The previous round's name and its actions still open (not yet carried on).
    pub previous_round: Option<String>,
    pub previous_open: Vec<ActionItem>,
    /// After a plain form post (no script) that conflicted: the action and the editor's side
    /// of its conflicting fields, to put back into the form beside the other person's.
    pub kept_conflict: Option<(i64, Vec<ActionConflict>)>,
}

#[cfg(feature = "ssr")]
impl From<crate::db::actions::StoredAction> for ActionItem {
    fn from(stored: crate::db::actions::StoredAction) -> Self {
        ActionItem {
            id: stored.id.0,
            dimension: stored.dimension,
            values: stored.values,
            version: stored.version,
            carried_from: stored.carried_from.map(|id| id.0),
            carried_on: stored.carried_on,
        }
    }
}

/// The page of a unit's improvement actions in a round.
pub fn actions_path(round: i64, unit: i64) -> String {
    format!("/omgangar/{round}/enheter/{unit}/atgarder")
}

/// The unit's actions in the round; `conflict` is the token of a kept conflicting post
/// (`?konflikt=` after a plain form post).
#[server(endpoint = "actions")]
pub async fn get_actions(round_id: i64, unit_id: i64, conflict: Option<String>) -> Result<ActionsView, AppError> {
    use super::access::unit_in_round;
    use super::context::{caller, internal, state};
    use crate::db;
    use crate::domain::ids::{NodeId, RoundId};
    use crate::domain::rights::{Permission, may};
    use crate::domain::status::AssessmentStatus;

    let caller = caller().await?;
    let pool = state()?.pool;
    let found = unit_in_round(&pool, &caller, RoundId(round_id), NodeId(unit_id), Permission::ReadAssessment).await?;
    let record =
        db::assessments::find(&pool, found.round.id, found.unit.id).await.map_err(internal("find assessment"))?;
    let status = record.as_ref().map_or(AssessmentStatus::NotStarted, |record| record.status);
    let editor = may(&caller.grants, Permission::EditAssessment, &found.path);
    let visible = editor || status == AssessmentStatus::Submitted;
    let current = match (&record, visible) {
        (_, false) => None,
        (None, true) => Some(Vec::new()),
        (Some(record), true) => Some(
            db::actions::list(&pool, record.id)
                .await
                .map_err(internal("list actions"))?
                .into_iter()
                .map(ActionItem::from)
                .collect(),
        ),
    };
    let previous =
        db::previous_round::find(&pool, found.unit.id, &found.round).await.map_err(internal("find previous round"))?;
    let (previous_round, previous_open) = match previous {
        Some(previous) if visible => {
            let open = db::actions::list(&pool, previous.assessment)
                .await
                .map_err(internal("list previous actions"))?
                .into_iter()
                .filter(|action| crate::domain::actions::may_follow_up(action.values.status, action.carried_on))
                .map(ActionItem::from)
                .collect();
            (Some(previous.round_name), open)
        }
        _ => (None, Vec::new()),
    };
    let kept_conflict = match conflict {
        Some(token) if editor => {
            super::saving::kept_action_conflicts(&pool, &caller, &token, found.round.id, found.unit.id).await?
        }
        _ => None,
    };
    Ok(ActionsView {
        kept_conflict,
        can_edit: editor && crate::domain::status::accepts_changes(found.round.status, status),
        current,
        previous_round,
        previous_open,
    })
}

/// Adds an action to a dimension of the unit's assessment (started if need be).
#[server(endpoint = "add_action")]
pub async fn add_action(round_id: i64, unit_id: i64, dimension: String, action: RawAction) -> Result<i64, AppError> {
    use super::action_access::{checked, editable_assessment, finish};
    use crate::db;

    let (pool, context, found, framework) = editable_assessment(round_id, unit_id).await?;
    if framework.dimension_by_str(&dimension).is_none() {
        return Err(AppError::BadRequest);
    }
    let values = checked(&action)?;
    let mut tx = db::pool::begin_write(&pool).await.map_err(super::context::internal("begin"))?;
    super::action_access::still_editable(&mut tx, &found).await?;
    let record = db::assessments::find_or_create_in(&mut tx, &context, found.round.id, found.unit.id)
        .await
        .map_err(super::context::internal("find or create assessment"))?;
    let id = db::actions::insert_in(&mut tx, &context, record.id, &dimension, &values, None)
        .await
        .map_err(super::context::internal("insert action"))?;
    tx.commit().await.map_err(super::context::internal("commit"))?;
    finish(round_id, unit_id, id.0);
    Ok(id.0)
}

/// Saves an edited action. `base` is the action as the page showed it: fields only the
/// editor changed are written, fields someone else changed differently meanwhile are
/// conflicts (the other fields are still written).
#[server(endpoint = "edit_action")]
pub async fn edit_action(
    round_id: i64,
    unit_id: i64,
    action_id: i64,
    action: RawAction,
    base: RawAction,
) -> Result<i64, AppError> {
    use super::action_access::{action_of_unit, checked, editable_assessment, finish, still_editable};
    use super::context::{internal, is_plain_form_post};
    use crate::db;
    use crate::domain::actions::merge;

    let (pool, context, found, _) = editable_assessment(round_id, unit_id).await?;
    let values = checked(&action)?;
    // The base is what the page showed; it was valid when stored, so only normalise it.
    let base = checked(&base).unwrap_or_default();
    let mut tx = db::pool::begin_write(&pool).await.map_err(internal("begin"))?;
    still_editable(&mut tx, &found).await?;
    let stored = action_of_unit(&mut tx, action_id, &found).await?;
    let merged = merge(&stored.values, &base, &values);
    let version = db::actions::update_in(&mut tx, &context, &stored, &merged.merged, &merged.changes)
        .await
        .map_err(internal("update action"))?;
    tx.commit().await.map_err(internal("commit"))?;
    if !merged.conflicts.is_empty() {
        if is_plain_form_post() {
            // Without script the page cannot show both versions in place: keep the editor's
            // side for them and show it on the page, beside the other person's.
            let ids = (round_id, unit_id, action_id);
            let token = super::saving::keep_action_conflicts(&pool, context.actor, ids, merged.conflicts).await?;
            leptos_axum::redirect(&format!("{}?konflikt={token}#atgard-{action_id}", actions_path(round_id, unit_id)));
            return Ok(version);
        }
        return Err(AppError::ActionConflict { current_version: version, fields: merged.conflicts });
    }
    finish(round_id, unit_id, action_id);
    Ok(version)
}

/// Removes an action: it is marked removed and stays in the history.
#[server(endpoint = "remove_action")]
pub async fn remove_action(round_id: i64, unit_id: i64, action_id: i64) -> Result<(), AppError> {
    use super::action_access::{action_of_unit, editable_assessment, still_editable};
    use super::context::{internal, redirect_plain_form};
    use crate::db;

    let (pool, context, found, _) = editable_assessment(round_id, unit_id).await?;
    let mut tx = db::pool::begin_write(&pool).await.map_err(internal("begin"))?;
    still_editable(&mut tx, &found).await?;
    let stored = action_of_unit(&mut tx, action_id, &found).await?;
    db::actions::remove_in(&mut tx, &context, &stored).await.map_err(internal("remove action"))?;
    tx.commit().await.map_err(internal("commit"))?;
    redirect_plain_form(&format!("{}?borttagen=1", actions_path(round_id, unit_id)));
    Ok(())
}

/// Follows up an open action of the unit's previous round: sets its status and, if
/// `carry` is given, carries it on into this round (a new action pointing at it). Only
/// while this round's assessment may change; only an open action of the previous round
/// not yet carried on.
#[server(endpoint = "follow_up_action")]
pub async fn follow_up_action(
    round_id: i64,
    unit_id: i64,
    action_id: i64,
    status: String,
    carry: Option<String>,
) -> Result<Option<i64>, AppError> {
    use super::action_access::{action_to_follow_up, editable_assessment, previous_assessment, still_editable};
    use super::context::{internal, redirect_plain_form};
    use crate::db;
    use crate::domain::actions::{ActionField, ActionStatus};

    let (pool, context, found, _) = editable_assessment(round_id, unit_id).await?;
    let status = ActionStatus::from_key(&status).ok_or(AppError::BadRequest)?;
    let carry = carry.is_some();
    if carry && !status.is_open() {
        return Err(AppError::BadRequest);
    }
    let previous_assessment = previous_assessment(&pool, &found).await?;
    let mut tx = db::pool::begin_write(&pool).await.map_err(internal("begin"))?;
    still_editable(&mut tx, &found).await?;
    let previous = action_to_follow_up(&mut tx, action_id, &found, previous_assessment).await?;
    let mut values = previous.values.clone();
    values.status = status;
    let changes: Vec<(ActionField, String, String)> = (previous.values.status != status)
        .then(|| (ActionField::Status, previous.values.status.key().to_owned(), status.key().to_owned()))
        .into_iter()
        .collect();
    db::actions::update_in(&mut tx, &context, &previous, &values, &changes)
        .await
        .map_err(internal("update previous action"))?;
    let carried = if carry {
        let record = db::assessments::find_or_create_in(&mut tx, &context, found.round.id, found.unit.id)
            .await
            .map_err(internal("find or create assessment"))?;
        let id = db::actions::insert_in(&mut tx, &context, record.id, &previous.dimension, &values, Some(previous.id))
            .await
            .map_err(internal("carry action"))?;
        Some(id.0)
    } else {
        None
    };
    tx.commit().await.map_err(internal("commit"))?;
    redirect_plain_form(&format!("{}?sparad=1", actions_path(round_id, unit_id)));
    Ok(carried)
}
