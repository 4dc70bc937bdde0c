//! The start page: what the signed-in person has to do, and what they can follow.

use super::dto::RoundSummary;
use super::error::AppError;
use crate::domain::ids::NodeId;
use crate::domain::status::AssessmentStatus;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One unit's assessment in one round that the person fills in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub round: RoundSummary,
    pub unit_id: NodeId,
    pub unit_name: String,
    pub status: AssessmentStatus,
}

/// Everything on the start page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// Assessments the person edits, newest round first.
    pub assignments: Vec<Assignment>,
    /// Rounds whose progress the person may follow.
    pub followed_rounds: Vec<RoundSummary>,
}

#[server(endpoint = "overview")]
pub async fn load_overview() -> Result<Overview, AppError> {
    use super::context::{caller, internal, state};
    use crate::db::{self, clock};
    use crate::domain::rights::{Permission, Role, may_anywhere};
    use crate::domain::round::RoundStatus;

    let caller = caller().await?;
    let pool = state()?.pool;
    let today = clock::today();
    let rounds = db::rounds::list(&pool).await.map_err(internal("list rounds"))?;
    let manages_rounds = may_anywhere(&caller.grants, Permission::ManageRounds);

    let mut assignments = Vec::new();
    for grant in caller.grants.iter().filter(|grant| grant.role == Role::UnitManager) {
        for round in rounds.iter().filter(|round| round.status != RoundStatus::Draft) {
            let on = round.tree_date(today);
            let path = db::org::path_to(&pool, grant.node, on).await.map_err(internal("unit path"))?;
            if !path.contains(&round.root) {
                continue;
            }
            let Some(unit) = db::org::node_at(&pool, grant.node, on).await.map_err(internal("load unit"))? else {
                continue;
            };
            let status = db::assessments::find(&pool, round.id, unit.id)
                .await
                .map_err(internal("find assessment"))?
                .map_or(AssessmentStatus::NotStarted, |record| record.status);
            assignments.push(Assignment { round: round.into(), unit_id: unit.id, unit_name: unit.name, status });
        }
    }

    let mut followed_rounds = Vec::new();
    for round in &rounds {
        if round.status == RoundStatus::Draft && !manages_rounds {
            continue;
        }
        let on = round.tree_date(today);
        let root_path = db::org::path_to(&pool, round.root, on).await.map_err(internal("round root path"))?;
        let mut follows = false;
        for grant in caller.grants.iter().filter(|grant| grant.role != Role::UnitManager) {
            let grant_path = db::org::path_to(&pool, grant.node, on).await.map_err(internal("grant path"))?;
            // The grant covers the round's root, or lies inside the round's subtree.
            if root_path.contains(&grant.node) || grant_path.contains(&round.root) {
                follows = true;
                break;
            }
        }
        if follows {
            followed_rounds.push(round.into());
        }
    }

    Ok(Overview { assignments, followed_rounds })
}
