//! What every action endpoint does before and after touching data (server only): the
//! caller may edit the unit's assessment in an open round; the action belongs to that
//! unit; the form is valid.

use super::access::{UnitInRound, unit_in_round};
use super::actions::actions_path;
use super::context::{caller, internal, redirect_plain_form, request_id, state};
use super::error::AppError;
use crate::db::actions::StoredAction;
use crate::db::audit::ChangeContext;
use crate::db::{self, Conn, Pool, clock};
use crate::domain::actions::{ActionProblem, ActionValues, RawAction, check};
use crate::domain::framework::Framework;
use crate::domain::ids::{ActionId, NodeId, RoundId};
use crate::domain::raw_answers::{FieldError, FieldProblem};
use crate::domain::rights::Permission;

/// The unit in the round, if the caller may edit its assessment now, with what a change
/// needs: the pool, who and when, and the round's framework.
pub async fn editable_assessment(
    round_id: i64,
    unit_id: i64,
) -> Result<(Pool, ChangeContext, UnitInRound, Framework), AppError> {
    let caller = caller().await?;
    let pool = state()?.pool;
    let found = unit_in_round(&pool, &caller, RoundId(round_id), NodeId(unit_id), Permission::EditAssessment).await?;
    if !found.round.status.accepts_answers() {
        return Err(AppError::ReadOnly);
    }
    let framework = db::framework::load(&pool, found.round.framework_version)
        .await
        .map_err(internal("load framework"))?
        .ok_or_else(|| internal("round without framework")("missing framework version"))?;
    let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
    Ok((pool, context, found, framework))
}

/// The action, if it is the unit's and not removed: in this round (`this_round`) or in
/// an earlier one. Anything else is `NotFound`, so ids of other units' actions reveal
/// nothing.
pub async fn action_of_unit(
    tx: &mut Conn,
    id: i64,
    found: &UnitInRound,
    this_round: bool,
) -> Result<StoredAction, AppError> {
    let action = db::actions::get_in(tx, ActionId(id)).await.map_err(internal("load action"))?;
    let action = action.filter(|action| action.unit == found.unit.id && !action.removed).ok_or(AppError::NotFound)?;
    let in_place = if this_round {
        action.round == found.round.id
    } else {
        let round = db::rounds::get_in(tx, action.round).await.map_err(internal("load action round"))?;
        action.round != found.round.id && round.is_some_and(|round| round.opens_on <= found.round.opens_on)
    };
    if !in_place {
        return Err(AppError::NotFound);
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
pub fn finish(round_id: i64, unit_id: i64, action_id: i64) {
    redirect_plain_form(&format!("{}?sparad=1#atgard-{action_id}", actions_path(round_id, unit_id)));
}
