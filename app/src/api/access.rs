//! Finding a round or a unit in a round, and deciding whether the caller may act on it: the
//! one path every endpoint about a round or a unit takes before touching data (server only).

use super::context::Caller;
use super::error::AppError;
use crate::db::{self, Pool, org::NodeAt, rounds::Round};
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::org::OrgKind;
use crate::domain::rights::{Permission, may, may_see_round};

/// A unit as it stands in a round.
#[derive(Clone, Debug)]
pub struct UnitInRound {
    pub round: Round,
    pub unit: NodeAt,
    /// From the city root down to the unit, on the round's tree date.
    pub path: Vec<NodeId>,
    /// The names of the organisations between the city and the unit (for breadcrumbs).
    pub within: Vec<String>,
}

/// Loads a round the caller may see (`domain::rights::may_see_round`).
pub async fn visible_round(pool: &Pool, caller: &Caller, round: RoundId) -> Result<Round, AppError> {
    let round = db::rounds::get(pool, round).await?.ok_or(AppError::NotFound)?;
    if !may_see_round(&caller.grants, round.status) {
        return Err(AppError::NotFound);
    }
    Ok(round)
}

/// The unit in the round, if the caller has `permission` on it. A unit that does not exist,
/// is not a unit, or is outside the round is `NotFound`; one the caller may not touch is
/// `Forbidden`.
pub async fn unit_in_round(
    pool: &Pool,
    caller: &Caller,
    round: RoundId,
    unit: NodeId,
    permission: Permission,
) -> Result<UnitInRound, AppError> {
    let round = visible_round(pool, caller, round).await?;
    let on = round.tree_date(db::clock::today());
    let mut lineage = db::org::lineage(pool, unit, on).await?;
    let path: Vec<NodeId> = lineage.iter().map(|node| node.id).collect();
    let Some(node) = lineage.pop() else { return Err(AppError::NotFound) };
    if node.kind != OrgKind::Unit || !path.contains(&round.root) {
        return Err(AppError::NotFound);
    }
    if !may(&caller.grants, permission, &path) {
        tracing::warn!(user = %caller.id, %unit, ?permission, "access denied");
        return Err(AppError::Forbidden);
    }
    let within = lineage.into_iter().skip(1).map(|node| node.name).collect();
    Ok(UnitInRound { round, unit: node, path, within })
}
