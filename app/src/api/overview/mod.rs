//! The start page: what the signed-in person has to do, and what they can follow.

use crate::api::error::AppError;
use crate::api::round_summary::RoundSummary;
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

/// The start page's data: the assessments the person fills in and the rounds they follow.
/// Three queries whatever the number of roles and rounds: the rounds, every path the
/// rules need (each on its round's date), and the statuses of the person's units.
#[server(endpoint = "overview")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_overview() -> Result<Overview, AppError> {
    use crate::api::context::{caller, state};
    use crate::db::{self, clock};
    use crate::domain::rights::{Role, assignments, follows_round, may_see_round};

    let caller = caller().await?;
    let pool = state()?.pool;
    let today = clock::today();
    let rounds: Vec<_> = db::rounds::list(&pool)
        .await?
        .into_iter()
        .filter(|round| may_see_round(&caller.grants, round.status))
        .collect();
    let starts: Vec<(NodeId, chrono::NaiveDate)> = rounds
        .iter()
        .flat_map(|round| {
            let on = round.tree_date(today);
            caller.grants.iter().map(|grant| grant.node).chain([round.root]).map(move |node| (node, on))
        })
        .collect();
    let paths = db::org::paths_on(&pool, &starts).await?;
    let managed: Vec<NodeId> =
        caller.grants.iter().filter(|grant| grant.role == Role::UnitManager).map(|grant| grant.node).collect();
    let statuses = db::assessments::statuses_of_units(&pool, &managed).await?;

    let mut overview = Overview { assignments: Vec::new(), followed_rounds: Vec::new() };
    for round in &rounds {
        let on = round.tree_date(today);
        let path_of = |node: NodeId| paths.get(&(node, on)).map(|found| found.path.as_slice());
        if round.status != crate::domain::round::RoundStatus::Draft {
            for unit in assignments(&caller.grants, round.root, path_of) {
                overview.assignments.push(Assignment {
                    round: round.into(),
                    unit_id: unit,
                    unit_name: paths.get(&(unit, on)).map(|found| found.name.clone()).unwrap_or_default(),
                    status: statuses.get(&(round.id, unit)).copied().unwrap_or(AssessmentStatus::NotStarted),
                });
            }
        }
        if follows_round(&caller.grants, round.root, path_of) {
            overview.followed_rounds.push(round.into());
        }
    }
    Ok(overview)
}
