//! The charts of a results page: which there are, their accessible titles and their
//! addresses (as pictures on the page, and as SVG and PNG downloads).

use super::query::ResultsQuery;

/// Which chart of a results page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultChart {
    /// The children × dimensions heatmap.
    Comparison,
    /// The share of units at each level, per dimension.
    Levels,
    /// A unit against its administration, the city and its previous round (radar).
    Profile,
    /// The index and the dimensions over the rounds.
    Trend,
}

impl ResultChart {
    pub const ALL: [ResultChart; 4] =
        [ResultChart::Comparison, ResultChart::Levels, ResultChart::Profile, ResultChart::Trend];

    /// The chart's name in its address and download file name.
    pub fn key(self) -> &'static str {
        match self {
            ResultChart::Comparison => "jamforelse",
            ResultChart::Levels => "nivaer",
            ResultChart::Profile => "profil",
            ResultChart::Trend => "utveckling",
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
        ResultChart::Profile => {
            td_string!(Locale::sv, results.chart_profile_title, node = node, round = round).to_string()
        }
        ResultChart::Trend => td_string!(Locale::sv, results.chart_trend_title, node = node, round = round).to_string(),
    }
}

/// The address of a chart of the page `query` as SVG or PNG (`extension`); `download` asks
/// for a file.
pub fn chart_path(chart: ResultChart, extension: &str, query: &ResultsQuery, download: bool) -> String {
    let download = if download { "&ladda_ner=1" } else { "" };
    format!("{}/{}.{extension}?{}{download}", crate::routes::RESULT_CHARTS, chart.key(), query.to_params())
}
