//! What a results page receives: an organisation's figures as the viewer may see them, its
//! children side by side, its trend and, for a unit, its profile.

use super::query::ResultsQuery;
use crate::api::round_summary::RoundSummary;
use crate::domain::aggregate::Distribution;
use crate::domain::framework::DimensionGroup;
use crate::domain::org::OrgKind;
use crate::domain::privacy::PrivacyRules;
use serde::{Deserialize, Serialize};

/// A figure as the viewer may see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Shown<T> {
    Value(T),
    /// Withheld: it rests on too few units for a viewer who may not see the units, or
    /// together with another figure they can reach it would give away a small group.
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

/// A figure as shown: how many units it rests on and their mean, and how they spread where
/// the viewer may see that (see `domain::privacy`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub n: usize,
    pub mean: f64,
    /// `None`: withheld, too few units for the spread.
    pub spread: Option<Distribution>,
}

/// One row of the figures table: a dimension, or the index or a sub-index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureRow {
    /// The dimension's key, or `index`, `forhallningssatt`, `fokusomraden`.
    pub key: String,
    pub name: String,
    pub group: Option<DimensionGroup>,
    pub figure: Shown<Figure>,
}

/// Whether a figure's key and group are a dimension's (not the index or a sub-index).
fn is_dimension(key: &str, group: Option<DimensionGroup>) -> bool {
    group.is_some() && DimensionGroup::from_key(key).is_none()
}

impl FigureRow {
    /// Whether the row is a dimension's (not the index or a sub-index).
    pub fn is_dimension(&self) -> bool {
        is_dimension(&self.key, self.group)
    }
}

/// A child organisation (or unit) beside the others.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChildRow {
    pub id: i64,
    pub name: String,
    pub kind: OrgKind,
    /// Units below it that submitted (withheld where it would tell whether a neighbour
    /// answered), and all its units.
    pub submitted: Shown<usize>,
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
    /// Whether the viewer sees everything here (false: aggregates only, under `privacy`).
    pub full: bool,
    /// The thresholds of what a viewer who sees aggregates only is shown.
    pub privacy: PrivacyRules,
    /// Units that submitted (withheld where it would tell whether a neighbour answered), and
    /// all units.
    pub submitted: Shown<usize>,
    pub total: usize,
    /// The index, the two sub-indices, then each dimension.
    pub figures: Vec<FigureRow>,
    /// Dimension names, in the framework's order (the columns of `children`).
    pub dimension_names: Vec<String>,
    pub children: Vec<ChildRow>,
    /// The names of levels 1–5.
    pub level_names: Vec<String>,
    /// The query shown, with the round and organisation filled in (the filter and order are
    /// left out where they do not apply).
    pub query: ResultsQuery,
    /// Whether the children can be limited to one type of organisation (they are
    /// förvaltningar and bolag).
    pub kind_filter_offered: bool,
    /// A unit's profile (only for a unit).
    pub profile: Option<UnitProfile>,
    /// An organisation against the city and its previous round (not for a unit).
    pub comparison: Option<Comparison>,
    /// The index and each dimension over the rounds up to this one that the viewer may see.
    pub trend: TrendResults,
}

impl OrgResults {
    /// The figure rows of the dimensions, in the framework's order.
    pub fn dimension_figures(&self) -> impl Iterator<Item = &FigureRow> {
        self.figures.iter().filter(|row| row.is_dimension())
    }

    /// Whether the level distribution of some dimension may be shown (and so drawn).
    pub fn levels_chart_available(&self) -> bool {
        self.dimension_figures().any(|row| row.figure.value().is_some_and(|figure| figure.spread.is_some()))
    }
}

/// A unit against its administration and the city, and its previous round.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UnitProfile {
    /// The unit's förvaltning or bolag in this round.
    pub administration: Option<String>,
    pub city: String,
    /// The round of the unit's previous submitted assessment that the viewer may see.
    pub previous_round: Option<String>,
    /// Whether the unit submitted in this round.
    pub submitted: bool,
    /// The index, the two sub-indices, then each dimension.
    pub rows: Vec<ProfileRow>,
    /// The dimensions with the unit's highest and lowest scores (all that tie).
    pub strongest: Vec<String>,
    pub weakest: Vec<String>,
}

/// One figure of a unit's profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileRow {
    /// As [`FigureRow::key`].
    pub key: String,
    pub name: String,
    pub group: Option<DimensionGroup>,
    pub unit: Option<f64>,
    /// The mean over the administration's and the city's units.
    pub administration: Shown<f64>,
    pub city: Shown<f64>,
    pub previous: Option<f64>,
}

impl ProfileRow {
    /// Whether the row is a dimension's (not the index or a sub-index).
    pub fn is_dimension(&self) -> bool {
        is_dimension(&self.key, self.group)
    }

    /// The unit's change since its previous round.
    pub fn change(&self) -> Option<f64> {
        Some(self.unit? - self.previous?)
    }
}

/// An organisation against the city and its own previous round.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The city's name; `None` when the organisation is the city.
    pub city: Option<String>,
    /// The previous round the organisation took part in, if the viewer may see it.
    pub previous_round: Option<String>,
    /// The index, the two sub-indices, then each dimension.
    pub rows: Vec<ComparisonRow>,
}

/// One figure of a [`Comparison`]: the organisation's mean, the city's and its own in the
/// previous round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComparisonRow {
    /// As [`FigureRow::key`].
    pub key: String,
    pub name: String,
    pub group: Option<DimensionGroup>,
    pub own: Shown<f64>,
    pub city: Shown<f64>,
    pub previous: Shown<f64>,
}

impl ComparisonRow {
    /// Whether the row is a dimension's (not the index or a sub-index).
    pub fn is_dimension(&self) -> bool {
        is_dimension(&self.key, self.group)
    }

    /// The change since the previous round, where both are shown.
    pub fn change(&self) -> Option<f64> {
        Some(self.own.value()? - self.previous.value()?)
    }
}

/// Figures over rounds, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TrendResults {
    pub rounds: Vec<String>,
    /// The index, then each dimension of this round's framework.
    pub rows: Vec<TrendRow>,
    /// The steps between rounds where the framework changed so that some figures are not
    /// comparable, oldest first.
    #[serde(default)]
    pub breaks: Vec<TrendBreak>,
    /// Whether some earlier round's figures are over the units the organisation has in the
    /// round shown, which then belonged elsewhere (see `api::results::trend`).
    #[serde(default)]
    pub todays_units: bool,
    /// Beside a trend in today's organisation: each predecessor's index as it was (the row's
    /// key is its id), where the viewer may see it.
    #[serde(default)]
    pub predecessors: Vec<TrendRow>,
}

/// One figure over the rounds: the mean (a unit's own score, for a unit) in each round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendRow {
    pub key: String,
    pub name: String,
    pub values: Vec<Shown<f64>>,
    /// The rounds (by position in `values`) that are not comparable with the round before
    /// them: the line is not drawn into them.
    #[serde(default)]
    pub breaks_before: Vec<usize>,
}

/// A step from one round to the next across which some figures are not comparable, because
/// statements changed between the rounds' framework versions in a way marked not comparable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendBreak {
    /// The later round's position among the trend's rounds.
    pub at: usize,
    pub from_round: String,
    pub to_round: String,
    /// The names of the figures broken (the index first, then dimensions).
    pub figures: Vec<String>,
}
