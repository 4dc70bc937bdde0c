//! What every action endpoint does before and after touching data (server only): the
//! caller may edit the unit's assessment, and it may change now (the round is open and the
//! assessment not submitted, checked again inside the write); the action belongs to that
//! unit (this round's, or an open one of its previous round to follow up); the form is
//! valid.

use crate::api::access::{UnitInRound, unit_in_round};
use crate::api::context::{caller, redirect_plain_form, request_id, state};
use crate::api::error::AppError;
use crate::db::actions::StoredAction;
use crate::db::audit::ChangeContext;
use crate::db::{self, Conn, Pool, clock};
use crate::domain::actions::{ActionProblem, ActionValues, RawAction, check};
use crate::domain::framework::Framework;
use crate::domain::ids::{ActionId, AssessmentId, NodeId, RoundId};
use crate::domain::raw_answers::{FieldError, FieldProblem};
use crate::domain::rights::{Permission, may_edit_answers};
use crate::domain::status::{AssessmentStatus, accepts_changes};
use crate::routes::{Notice, action_anchor, actions_path, with_notice};
use std::sync::Arc;

/// Everything a change to a unit's assessment or actions needs once it is allowed: who and
/// when, the unit in its round, and the round's framework.
pub struct Editable {
    pub pool: Pool,
    pub context: ChangeContext,
    pub found: UnitInRound,
    pub framework: Arc<Framework>,
}

/// The unit in the round, if the caller may change its assessment and actions now
/// (`domain::rights::may_edit_answers`): `Forbidden` if they may not edit the unit,
/// `ReadOnly` if the round is not open or the assessment is submitted.
pub async fn editable_assessment(round: RoundId, unit: NodeId) -> Result<Editable, AppError> {
    let caller = caller().await?;
    let state = state()?;
    let pool = state.pool.clone();
    let found = unit_in_round(&pool, &caller, round, unit, Permission::EditAssessment).await?;
    let record = db::assessments::find(&pool, found.round.id, found.unit.id).await?;
    let status = record.as_ref().map_or(AssessmentStatus::NotStarted, |record| record.status);
    let reopened_after_close = record.is_some_and(|record| record.reopened_after_close);
    if !may_edit_answers(&caller.grants, &found.path, found.round.status, status, reopened_after_close) {
        return Err(AppError::ReadOnly);
    }
    let framework = state.frameworks.of_round(&pool, found.round.framework_version).await?;
    let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
    Ok(Editable { pool, context, found, framework })
}

/// Inside the write: the unit's assessment in this round still takes changes (it may have
/// been submitted since [`editable_assessment`] looked).
pub async fn still_editable(tx: &mut Conn, found: &UnitInRound) -> Result<(), AppError> {
    let record = db::assessments::find_in(tx, found.round.id, found.unit.id).await?;
    let status = record.as_ref().map_or(AssessmentStatus::NotStarted, |record| record.status);
    let reopened_after_close = record.is_some_and(|record| record.reopened_after_close);
    if accepts_changes(found.round.status, status, reopened_after_close) { Ok(()) } else { Err(AppError::ReadOnly) }
}

/// This round's action `id`, if it is the unit's and not removed. Anything else is
/// `NotFound`, so ids of other units' actions reveal nothing.
pub async fn action_of_unit(tx: &mut Conn, id: ActionId, found: &UnitInRound) -> Result<StoredAction, AppError> {
    let action = db::actions::get_in(tx, id).await?;
    action
        .filter(|action| action.unit == found.unit.id && action.round == found.round.id && !action.removed)
        .ok_or(AppError::NotFound)
}

/// The unit's assessment in its previous round (the round before this one in which it
/// submitted): the only one whose actions may be followed up. None is `NotFound`.
pub async fn previous_assessment(pool: &Pool, found: &UnitInRound) -> Result<AssessmentId, AppError> {
    db::previous_round::find(pool, found.unit.id, &found.round)
        .await?
        .map(|previous| previous.assessment)
        .ok_or(AppError::NotFound)
}

/// Action `id` of the unit's `previous` assessment, if it may be followed up: open and not
/// yet carried on (`ReadOnly` otherwise). An action of any other round or unit is
/// `NotFound`.
pub async fn action_to_follow_up(
    tx: &mut Conn,
    id: ActionId,
    found: &UnitInRound,
    previous: AssessmentId,
) -> Result<StoredAction, AppError> {
    use crate::domain::actions::may_follow_up;

    let action = db::actions::get_in(tx, id).await?;
    let action = action
        .filter(|action| action.unit == found.unit.id && action.assessment == previous && !action.removed)
        .ok_or(AppError::NotFound)?;
    if !may_follow_up(action.values.status, action.carried_on) {
        return Err(AppError::ReadOnly);
    }
    Ok(action)
}

/// The form checked, or the problems as a 422 naming each field.
pub fn checked(raw: &RawAction) -> Result<ActionValues, AppError> {
    let valid_date = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok();
    check(raw, valid_date).map_err(|problems| AppError::Invalid {
        fields: problems
            .into_iter()
            .map(|(field, problem)| FieldError {
                group: "action".to_owned(),
                key: field.key().to_owned(),
                problem: match problem {
                    ActionProblem::Missing => FieldProblem::Missing,
                    ActionProblem::TooLong { max, actual } => FieldProblem::TooLong { max, actual },
                    ActionProblem::InvalidDate => FieldProblem::InvalidDate,
                    ActionProblem::InvalidStatus => FieldProblem::InvalidChoice,
                },
            })
            .collect(),
        saved_version: None,
    })
}

/// Without script, back to the actions page at the action saved.
pub fn finish(found: &UnitInRound, action: ActionId) {
    let page = format!("{}#{}", actions_path(found.round.id, found.unit.id), action_anchor(action.0));
    redirect_plain_form(&with_notice(&page, &Notice::Saved));
}
