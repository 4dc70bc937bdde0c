//! A round's progress: who has not started, who is in draft, who has submitted, and the
//! managers of those who have not (listed, as an address list, and as a CSV download).

#[cfg(feature = "ssr")]
pub mod progress;

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

impl ProgressFilter {
    /// The filter in an address's query, read through `get` (a parameter's value by name):
    /// `status`, `forvaltning`, `sida`.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        ProgressFilter {
            status: get("status").and_then(|status| AssessmentStatus::from_key(&status)),
            administration: get("forvaltning").and_then(|id| id.parse().ok()).map(NodeId),
            page: get("sida").and_then(|page| page.parse().ok()),
        }
    }

    /// The status and administration as query parameters (without the page), e.g.
    /// `status=draft&forvaltning=12`; empty without either.
    pub fn to_query(&self) -> String {
        let mut query = Vec::new();
        if let Some(status) = self.status {
            query.push(format!("status={}", status.key()));
        }
        if let Some(administration) = self.administration {
            query.push(format!("forvaltning={administration}"));
        }
        query.join("&")
    }
}

/// A unit manager to write to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manager {
    pub name: String,
    pub email: String,
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
    /// Its managers, if it has not submitted (`domain::reminder::needs_reminder`).
    pub managers: Vec<Manager>,
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
    /// The e-mail addresses of the managers of every filtered unit that has not submitted,
    /// separated by semicolons (`domain::reminder::address_list`).
    pub addresses: String,
    /// Whether the caller may send the round's units a reminder now.
    pub may_remind: bool,
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
    use crate::api::context::{caller, state};
    use crate::domain::reminder::{address_list, needs_reminder};

    let filter = ProgressFilter { status, administration, page };
    let caller = caller().await?;
    let pool = state()?.pool;
    let progress::Filtered { round, counts, administrations, units, may_remind } =
        progress::filtered(&pool, &caller, round_id, &filter).await?;
    let addresses = address_list(
        units
            .iter()
            .filter(|unit| needs_reminder(unit.status))
            .flat_map(|unit| unit.managers.iter().map(|manager| manager.email.as_str())),
    );
    let filtered_total = units.len();
    let page_count = filtered_total.div_ceil(PAGE_SIZE).max(1);
    let page = filter.page.unwrap_or(1).clamp(1, page_count);
    let units = units.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
    Ok(RoundProgress {
        round: (&round).into(),
        counts,
        administrations,
        units,
        filtered_total,
        page,
        page_count,
        addresses,
        may_remind,
    })
}
