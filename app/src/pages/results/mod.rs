//! Results and comparisons: one organisation in one round, with its spread per dimension
//! and its child organisations side by side; drill down by following a row, back up by the
//! breadcrumb.

mod chart_figure;
mod children_table;
mod figures_table;
mod round_picker;

use crate::api::results::{OrgResults, get_org_results, results_path};
use crate::components::error_notice::PageError;
use crate::format;
use crate::i18n::*;
use children_table::ChildrenTable;
use figures_table::FiguresTable;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use round_picker::RoundPicker;

#[component]
pub fn ResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let asked = move || {
        let query = query.read();
        let number = |name: &str| query.get(name).and_then(|value| value.parse::<i64>().ok());
        (number("omgang"), number("nod"))
    };
    let data = Resource::new(asked, |(round, node)| get_org_results(round, node));
    view! {
        <Title text=tu_string!(i18n, results.title).to_string() />
        <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
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
    let i18n = use_i18n();
    let round = results.round.id.0;
    let crumbs = results
        .breadcrumb
        .iter()
        .map(|crumb| view! { <li><a href=results_path(round, crumb.id)>{crumb.name.clone()}</a></li> })
        .collect_view();
    let response = if results.total == 0 {
        "–".to_owned()
    } else {
        let share = results.submitted as f64 * 100.0 / results.total as f64;
        format!("{} av {} ({} %)", format::count(results.submitted), format::count(results.total), format::score(share))
    };
    let replaced_note =
        results.replaced.then(|| view! { <p class="notice" role="status">{t!(i18n, results.replaced)}</p> });
    let scope_note = (!results.full).then(|| view! { <p class="notice">{t!(i18n, results.aggregates_only)}</p> });
    view! {
        <nav class="breadcrumb" aria-label=tu_string!(i18n, results.breadcrumb_label).to_string()>
            <ol>
                {crumbs}
                <li><span aria-current="page">{results.node_name.clone()}</span></li>
            </ol>
        </nav>
        <h1>{results.node_name.clone()}</h1>
        <RoundPicker rounds=results.rounds.clone() current=round node=results.node_id />
        {replaced_note}
        {scope_note}
        <dl class="stats">
            <div><dt>{t!(i18n, results.response_rate)}</dt><dd>{response}</dd></div>
        </dl>
        <FiguresTable rows=results.figures.clone() level_names=results.level_names.clone() round node=results.node_id />
        {(!results.children.is_empty()).then(|| view! {
            <ChildrenTable
                round
                node=results.node_id
                rows=results.children.clone()
                dimension_names=results.dimension_names.clone()
            />
        })}
    }
}
