//! An assessment's change history, read from the append-only audit log.

use crate::api::error::AppError;
use crate::api::round_summary::RoundSummary;
use crate::domain::framework::Framework;
use crate::domain::ids::{NodeId, RoundId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One entry of the history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Stockholm time, e.g. `2026-11-23 14:32`.
    pub at: String,
    pub who: String,
    /// `created`, `field_changed`, `submitted` or `reopened`.
    pub action: String,
    /// The field, e.g. `motivation:upplevelse_behov`.
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
}

/// Everything on the history page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub round: RoundSummary,
    pub unit_id: NodeId,
    pub unit_name: String,
    /// To name the fields.
    pub framework: std::sync::Arc<Framework>,
    pub entries: Vec<HistoryEntry>,
}

/// The change history of a unit's assessment, for those who may read it (the quality
/// department).
#[server(endpoint = "assessment_history")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn assessment_history(round_id: RoundId, unit_id: NodeId) -> Result<History, AppError> {
    use crate::api::access::unit_in_round;
    use crate::api::context::{caller, state};
    use crate::db::{self, clock};
    use crate::domain::rights::Permission;

    let caller = caller().await?;
    let state = state()?;
    let pool = state.pool.clone();
    let found = unit_in_round(&pool, &caller, round_id, unit_id, Permission::ReadHistory).await?;
    let framework = state.frameworks.of_round(&pool, found.round.framework_version).await?;
    let events = match db::assessments::find(&pool, found.round.id, found.unit.id).await? {
        Some(record) => db::audit::for_assessment(&pool, record.id).await?,
        None => Vec::new(),
    };
    let entries = events
        .into_iter()
        .map(|event| HistoryEntry {
            at: clock::local_minute(event.occurred_at),
            who: event.actor_name.unwrap_or_default(),
            action: event.action,
            field: event.field,
            old_value: event.old_value,
            new_value: event.new_value,
            reason: event.reason,
        })
        .collect();
    Ok(History { round: (&found.round).into(), unit_id: found.unit.id, unit_name: found.unit.name, framework, entries })
}
