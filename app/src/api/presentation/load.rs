//! Building the presentation for one viewer (server only): the results page's figures for
//! the organisation, under the same rules, with the presenter's settings and actions.

use super::summaries::summary;
use super::types::{Deck, DeckAction, DeckSlide};
use crate::api::context::Caller;
use crate::api::error::AppError;
use crate::api::results::OrgResults;
use crate::api::results::extremes::extremes;
use crate::api::results::load::load_org_results;
use crate::api::results::query::ResultsQuery;
use crate::db::{self, clock};
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::org::OrgKind;
use crate::domain::rights::{Permission, may};
use crate::domain::round::RoundStatus;
use crate::domain::slide::SlideKind;
use crate::state::AppState;

/// The presentation of the organisation `asked` names in its round, for `caller`.
pub async fn deck(state: &AppState, caller: &Caller, asked: &ResultsQuery, editing: bool) -> Result<Deck, AppError> {
    let (results, round, node) = presented(state, caller, asked).await?;
    let computed = state
        .results_cache
        .get(&state.pool, &db::rounds::get(&state.pool, round).await?.ok_or(AppError::NotFound)?)
        .await?;
    let path = computed.results.path(node).unwrap_or_default();
    let can_edit = may(&caller.grants, Permission::PreparePresentation, path);
    let settings = db::decks::settings(&state.pool, round, node).await?;

    // Actions of the units below, for those who see the units (never aggregates-only viewers).
    let (actions, candidates) = if results.full {
        let units: Vec<NodeId> = computed.results.units_below(node).collect();
        let chosen = db::decks::chosen_actions(&state.pool, round, node).await?;
        let name_of_dimension = |key: &str| {
            computed.framework.dimension_by_str(key).map_or_else(|| key.to_owned(), |dimension| dimension.name.clone())
        };
        let all: Vec<DeckAction> = db::actions::of_units_in_round(&state.pool, round, &units)
            .await?
            .into_iter()
            .map(|action| DeckAction {
                chosen: chosen.contains(&action.id),
                id: action.id,
                unit: computed.results.node(action.unit).map(|unit| unit.name.clone()).unwrap_or_default(),
                dimension: name_of_dimension(&action.dimension),
                title: action.values.title,
                owner: action.values.owner,
                due_on: action.values.due_on,
                status: action.values.status,
            })
            .collect();
        let shown: Vec<DeckAction> =
            chosen.iter().filter_map(|id| all.iter().find(|action| action.id == *id).cloned()).collect();
        (Some(shown), if editing && can_edit { all } else { Vec::new() })
    } else {
        (None, Vec::new())
    };

    let scored: Vec<(String, f64)> = results
        .comparison
        .iter()
        .flat_map(|comparison| &comparison.rows)
        .filter(|row| row.is_dimension())
        .filter_map(|row| Some((row.name.clone(), *row.own.value()?)))
        .collect();
    let (strongest, weakest) = extremes(&scored);
    let slides = SlideKind::ALL
        .into_iter()
        .map(|kind| {
            let set = settings.get(&kind).cloned().unwrap_or_default();
            DeckSlide {
                kind,
                title: slide_title(kind),
                summary: summary(kind, &results, (&strongest, &weakest), actions.as_deref()),
                comment: set.comment,
                notes: if can_edit { set.notes } else { String::new() },
                hidden: set.hidden,
            }
        })
        .collect();
    Ok(Deck { results, date: clock::today().to_string(), can_edit, slides, strongest, weakest, actions, candidates })
}

/// The organisation's results for the presentation: a published round, an organisation
/// (not a unit: a unit has its profile), under the results page's rules.
pub async fn presented(
    state: &AppState,
    caller: &Caller,
    asked: &ResultsQuery,
) -> Result<(OrgResults, RoundId, NodeId), AppError> {
    let query = ResultsQuery { round: asked.round, node: asked.node, ..ResultsQuery::default() };
    let results = load_org_results(&state.pool, &state.results_cache, state.privacy, caller, &query).await?;
    if results.round.status != RoundStatus::Published || results.node_kind == OrgKind::Unit || results.replaced {
        return Err(AppError::NotFound);
    }
    let (round, node) = (results.round.id, NodeId(results.node_id));
    Ok((results, round, node))
}

/// The heading of a slide, from the catalogue.
pub fn slide_title(kind: SlideKind) -> String {
    use crate::i18n::{Locale, td_string};
    match kind {
        SlideKind::Title => td_string!(Locale::sv, deck.slide_title),
        SlideKind::ResponseRate => td_string!(Locale::sv, deck.slide_response),
        SlideKind::Indices => td_string!(Locale::sv, deck.slide_indices),
        SlideKind::Radar => td_string!(Locale::sv, deck.slide_radar),
        SlideKind::HeatMap => td_string!(Locale::sv, deck.slide_heat_map),
        SlideKind::Levels => td_string!(Locale::sv, deck.slide_levels),
        SlideKind::Extremes => td_string!(Locale::sv, deck.slide_extremes),
        SlideKind::Trend => td_string!(Locale::sv, deck.slide_trend),
        SlideKind::Actions => td_string!(Locale::sv, deck.slide_actions),
        SlideKind::Summary => td_string!(Locale::sv, deck.slide_summary),
    }
    .to_string()
}
