//! An organisation's results in a round: its figures per dimension with their spread, the
//! response rate, and its child organisations side by side, for the node the viewer asks
//! for and may see (see `domain::results::ResultsAccess`).

use super::dto::RoundSummary;
use super::error::AppError;
use crate::domain::aggregate::Spread;
use crate::domain::framework::DimensionGroup;
use crate::domain::org::OrgKind;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A figure as the viewer may see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Shown<T> {
    Value(T),
    /// Rests on fewer than 3 units, and the viewer may not see the units: withheld.
    TooFew,
    /// No unit has a score.
    Missing,
}

impl<T> Shown<T> {
    pub fn value(&self) -> Option<&T> {
        match self {
            Shown::Value(value) => Some(value),
            _ => None,
        }
    }
}

/// One row of the figures table: a dimension, or the index or a sub-index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureRow {
    /// The dimension's key, or `index`, `forhallningssatt`, `fokusomraden`.
    pub key: String,
    pub name: String,
    pub group: Option<DimensionGroup>,
    pub figure: Shown<Spread>,
}

/// A child organisation (or unit) beside the others.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChildRow {
    pub id: i64,
    pub name: String,
    pub kind: OrgKind,
    /// Units below it that submitted, and all its units.
    pub submitted: usize,
    pub total: usize,
    pub index: Shown<f64>,
    /// The mean per dimension, in the framework's order.
    pub dimensions: Vec<Shown<f64>>,
    /// Whether the viewer may open it.
    pub link: bool,
}

/// A step of the way down from the top.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Crumb {
    pub id: i64,
    pub name: String,
}

/// The results page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgResults {
    pub round: RoundSummary,
    /// The rounds whose results the viewer may see, newest first.
    pub rounds: Vec<RoundSummary>,
    pub node_id: i64,
    pub node_name: String,
    pub node_kind: OrgKind,
    /// The organisation asked for was not in this round's tree, so the top is shown.
    pub replaced: bool,
    /// From the top down to the node's parent.
    pub breadcrumb: Vec<Crumb>,
    /// Whether the viewer sees everything here (false: aggregates only, each over ≥ 3 units).
    pub full: bool,
    pub submitted: usize,
    pub total: usize,
    /// The index, the two sub-indices, then each dimension.
    pub figures: Vec<FigureRow>,
    /// Dimension names, in the framework's order (the columns of `children`).
    pub dimension_names: Vec<String>,
    pub children: Vec<ChildRow>,
    /// The names of levels 1–5.
    pub level_names: Vec<String>,
}

/// The results page of `node` in `round` (query `omgang`, `nod`).
pub fn results_path(round: i64, node: i64) -> String {
    format!("/resultat?omgang={round}&nod={node}")
}

/// Which chart of a results page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultChart {
    /// The children × dimensions heatmap.
    Comparison,
    /// The share of units at each level, per dimension.
    Levels,
}

impl ResultChart {
    pub const ALL: [ResultChart; 2] = [ResultChart::Comparison, ResultChart::Levels];

    /// The chart's name in its address and download file name.
    pub fn key(self) -> &'static str {
        match self {
            ResultChart::Comparison => "jamforelse",
            ResultChart::Levels => "nivaer",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|chart| chart.key() == key)
    }
}

/// A chart's accessible title (the SVG's `<title>`), in Swedish from the catalogue.
pub fn chart_title(chart: ResultChart, node: &str, round: &str) -> String {
    use crate::i18n::{Locale, td_string};
    match chart {
        ResultChart::Comparison => {
            td_string!(Locale::sv, results.chart_comparison_title, node = node, round = round).to_string()
        }
        ResultChart::Levels => {
            td_string!(Locale::sv, results.chart_levels_title, node = node, round = round).to_string()
        }
    }
}

/// The address of a chart as SVG or PNG (`extension`); `download` asks for a file.
pub fn chart_path(chart: ResultChart, extension: &str, round: i64, node: i64, download: bool) -> String {
    let download = if download { "&ladda_ner=1" } else { "" };
    format!("/resultat/diagram/{}.{extension}?omgang={round}&nod={node}{download}", chart.key())
}

/// The results of `node_id` (default: the round's top) in `round_id` (default: the newest
/// round whose results the viewer may see).
#[server(endpoint = "results")]
pub async fn get_org_results(round_id: Option<i64>, node_id: Option<i64>) -> Result<OrgResults, AppError> {
    use super::context::{caller, state};
    let caller = caller().await?;
    let pool = state()?.pool;
    super::results_loader::load_org_results(&pool, &caller, round_id, node_id).await
}
