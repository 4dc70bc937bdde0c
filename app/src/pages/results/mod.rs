//! Results and comparisons: one organisation in one round, with its spread per dimension,
//! its child organisations side by side, its trend over the rounds and, for a unit, its
//! profile; drill down by following a row, back up by the breadcrumb.

mod chart_figure;
mod children_table;
mod downloads;
mod figures_table;
mod filters;
mod heat;
mod profile;
mod trend_table;

use crate::api::results::query::ResultsQuery;
use crate::api::results::{OrgResults, get_org_results};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::ids::NodeId;
use crate::domain::org::OrgKind;
use crate::domain::round::RoundStatus;
use crate::format;
use crate::i18n::*;
use crate::routes::presentation_path;
use children_table::ChildrenTable;
use downloads::Downloads;
use figures_table::FiguresTable;
use filters::Filters;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use profile::Profile;
use trend_table::TrendTable;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let asked = move || {
        let query = query.read();
        ResultsQuery::from_params(|name| query.get(name))
    };
    let data = Resource::new(asked, get_org_results);
    view! {
        <Title text=td_string!(i18n, results.title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(results) => view! { <ResultsView results /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ResultsView(results: OrgResults) -> impl IntoView {
    let i18n = locale();
    let query = results.query.clone();
    let crumbs = results
        .breadcrumb
        .iter()
        .map(|crumb| view! { <li><a href=query.at(crumb.id).path()>{crumb.name.clone()}</a></li> })
        .collect_view();
    let response = match results.submitted.value() {
        _ if results.total == 0 => "–".to_owned(),
        Some(submitted) => {
            let share = *submitted as f64 * 100.0 / results.total as f64;
            format!("{} av {} ({} %)", format::count(*submitted), format::count(results.total), format::score(share))
        }
        None => format!("{} av {}", td_string!(i18n, results.too_few_short), format::count(results.total)),
    };
    let replaced_note =
        results.replaced.then(|| view! { <p class="notice" role="status">{td!(i18n, results.replaced)}</p> });
    let scope_note = (!results.full).then(|| {
        let (mean, spread) = (results.privacy.min_units_for_mean, results.privacy.min_units_for_spread);
        let text = td_string!(i18n, results.aggregates_only, mean = mean.to_string(), spread = spread.to_string());
        view! { <p class="notice">{text.to_string()}</p> }
    });
    let is_unit = results.node_kind == OrgKind::Unit;
    // Boards are shown an organisation's published results.
    let presentation = (!is_unit && results.round.status == RoundStatus::Published).then(|| {
        let href = presentation_path(results.round.id, NodeId(results.node_id));
        view! { <p><a href=href>{td!(i18n, deck.link)}</a></p> }
    });
    let main_section = match results.profile.clone() {
        Some(profile) if is_unit => view! { <Profile profile query=query.clone() /> }.into_any(),
        _ => view! {
            <FiguresTable
                rows=results.figures.clone()
                level_names=results.level_names.clone()
                query=query.clone()
                levels_chart=results.levels_chart_available()
            />
        }
        .into_any(),
    };
    view! {
        <nav class="breadcrumb" aria-label=td_string!(i18n, results.breadcrumb_label).to_string()>
            <ol>
                {crumbs}
                <li><span aria-current="page">{results.node_name.clone()}</span></li>
            </ol>
        </nav>
        <h1>{results.node_name.clone()}</h1>
        {presentation}
        <Filters rounds=results.rounds.clone() query=query.clone() kind_filter_offered=results.kind_filter_offered />
        {replaced_note}
        {scope_note}
        {(!is_unit).then(|| view! {
            <dl class="stats">
                <div><dt>{td!(i18n, results.response_rate)}</dt><dd>{response}</dd></div>
            </dl>
        })}
        {main_section}
        {(!results.children.is_empty()).then(|| view! {
            <ChildrenTable query=query.clone() rows=results.children.clone() dimension_names=results.dimension_names.clone() dimension_keys=dimension_keys(&results) />
        })}
        <TrendTable trend=results.trend.clone() query=query.clone() />
        <Downloads query=query />
    }
}

/// The dimensions' keys, in the framework's order (the columns of the comparison).
fn dimension_keys(results: &OrgResults) -> Vec<String> {
    results.dimension_figures().map(|row| row.key.clone()).collect()
}
