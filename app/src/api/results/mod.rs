//! An organisation's results in a round: its figures per dimension with their spread, the
//! response rate, its child organisations side by side, its trend over the rounds and, for a
//! unit, its profile against its administration and the city, for the node the viewer asks
//! for and may see (see `domain::disclosure`).

mod chart;
#[cfg(feature = "ssr")]
pub mod comparison;
pub mod extremes;
#[cfg(feature = "ssr")]
pub mod figures;
#[cfg(feature = "ssr")]
pub mod load;
#[cfg(feature = "ssr")]
pub mod profile;
pub mod query;
#[cfg(feature = "ssr")]
pub mod trend;
mod types;

pub use chart::{ResultChart, chart_path, chart_title};
pub use types::{
    ChildRow, Comparison, ComparisonRow, Crumb, Figure, FigureRow, OrgResults, ProfileRow, Shown, TrendResults,
    TrendRow, UnitProfile,
};

use crate::api::error::AppError;
use leptos::prelude::*;
use query::ResultsQuery;

/// The results the page `query` asks for (see [`ResultsQuery`]).
#[server(endpoint = "results")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn get_org_results(query: ResultsQuery) -> Result<OrgResults, AppError> {
    use crate::api::context::{caller, state};
    let caller = caller().await?;
    let state = state()?;
    self::load::load_org_results(&state.pool, &state.results_cache, state.privacy, &caller, &query).await
}
