//! A round's progress: who has not started, who is in draft, who has submitted.

use crate::api::error::AppError;
use crate::api::round_summary::RoundSummary;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::status::{AssessmentStatus, StatusCounts};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Units shown per page.
pub const PAGE_SIZE: usize = 50;

/// Which units to list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgressFilter {
    pub status: Option<AssessmentStatus>,
    pub administration: Option<NodeId>,
    /// 1-based.
    pub page: Option<usize>,
}

/// One unit's line in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitProgress {
    pub id: NodeId,
    pub name: String,
    pub administration: String,
    pub department: Option<String>,
    pub status: AssessmentStatus,
    /// When it was last saved, Stockholm time.
    pub updated_at: Option<String>,
}

/// An administration's (förvaltning or bolag) counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdministrationProgress {
    pub id: NodeId,
    pub name: String,
    pub counts: StatusCounts,
}

/// Everything on the progress page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundProgress {
    pub round: RoundSummary,
    /// Over every unit the caller may follow.
    pub counts: StatusCounts,
    pub administrations: Vec<AdministrationProgress>,
    /// The requested page of the filtered list.
    pub units: Vec<UnitProgress>,
    pub filtered_total: usize,
    pub page: usize,
    pub page_count: usize,
}

/// The round's progress over the units the caller may follow. The filter's parts are
/// separate arguments, so that a request without any filter is still well-formed.
#[server(endpoint = "round_progress")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_round_progress(
    round_id: RoundId,
    status: Option<AssessmentStatus>,
    administration: Option<NodeId>,
    page: Option<usize>,
) -> Result<RoundProgress, AppError> {
    use crate::api::access::visible_round;
    use crate::api::context::{caller, state};
    use crate::db::{self, clock};
    use crate::domain::rights::{Permission, may};
    use std::collections::BTreeMap;

    let filter = ProgressFilter { status, administration, page };
    let caller = caller().await?;
    let pool = state()?.pool;
    let round = visible_round(&pool, &caller, round_id).await?;
    let on = round.tree_date(clock::today());

    let units: Vec<_> = db::org::units_under(&pool, round.root, on)
        .await?
        .into_iter()
        .filter(|unit| may(&caller.grants, Permission::ViewRoundProgress, &unit.path))
        .collect();
    if units.is_empty() {
        let root_path = db::org::path_to(&pool, round.root, on).await?;
        if !may(&caller.grants, Permission::ViewRoundProgress, &root_path) {
            return Err(AppError::Forbidden);
        }
    }

    let statuses = db::assessments::statuses(&pool, round.id).await?;
    let mut counts = StatusCounts::default();
    let mut by_administration: BTreeMap<(String, NodeId), StatusCounts> = BTreeMap::new();
    let mut listed = Vec::new();
    for unit in units {
        let (status, updated) = statuses
            .get(&unit.id)
            .map_or((AssessmentStatus::NotStarted, None), |(status, updated)| (*status, Some(*updated)));
        counts.add(status);
        let (administration_id, administration) = unit.administration.clone().unwrap_or((unit.id, String::new()));
        by_administration.entry((administration.clone(), administration_id)).or_default().add(status);
        let wanted = filter.status.is_none_or(|wanted| wanted == status)
            && filter.administration.is_none_or(|wanted| wanted == administration_id);
        if wanted {
            listed.push(UnitProgress {
                id: unit.id,
                name: unit.name,
                administration,
                department: unit.department,
                status,
                updated_at: updated.map(clock::local_minute),
            });
        }
    }

    let filtered_total = listed.len();
    let page_count = filtered_total.div_ceil(PAGE_SIZE).max(1);
    let page = filter.page.unwrap_or(1).clamp(1, page_count);
    let units = listed.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
    let administrations =
        by_administration.into_iter().map(|((name, id), counts)| AdministrationProgress { id, name, counts }).collect();

    Ok(RoundProgress { round: (&round).into(), counts, administrations, units, filtered_total, page, page_count })
}
