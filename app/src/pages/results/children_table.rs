//! The node's child organisations (or units) × the dimensions: each cell the mean, each
//! row a link one level down.

use super::chart_figure::ChartFigure;
use crate::api::results::{ChildRow, ResultChart, Shown, results_path};
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

fn cell(i18n: leptos_i18n::I18nContext<Locale>, value: &Shown<f64>) -> String {
    match value {
        Shown::Value(value) => format::score(*value),
        Shown::TooFew => t_string!(i18n, results.too_few_short).to_string(),
        Shown::Missing => "–".to_owned(),
    }
}

#[component]
pub fn ChildrenTable(round: i64, node: i64, rows: Vec<ChildRow>, dimension_names: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let headers = dimension_names.into_iter().map(|name| view! { <th scope="col">{name}</th> }).collect_view();
    let body = rows
        .into_iter()
        .map(|row| {
            let name = if row.link {
                view! { <a href=results_path(round, row.id)>{row.name.clone()}</a> }.into_any()
            } else {
                view! { <span>{row.name.clone()}</span> }.into_any()
            };
            let answered = format!("{} / {}", format::count(row.submitted), format::count(row.total));
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{answered}</td>
                    <td>{cell(i18n, &row.index)}</td>
                    {row.dimensions.iter().map(|value| view! { <td>{cell(i18n, value)}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="children-heading">
            <h2 id="children-heading">{t!(i18n, results.children_heading)}</h2>
            <ChartFigure
                chart=ResultChart::Comparison
                round
                node
                alt=tu_string!(i18n, results.chart_comparison_alt).to_string()
            />
            <div class="table-scroll" role="region" aria-labelledby="children-caption" tabindex="0">
                <table class="table table--numeric table--heat">
                    <caption id="children-caption">{t!(i18n, results.children_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, results.col_organisation)}</th>
                            <th scope="col">{t!(i18n, results.col_answered)}</th>
                            <th scope="col">{t!(i18n, results.index)}</th>
                            {headers}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}
