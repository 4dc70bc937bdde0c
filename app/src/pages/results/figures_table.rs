//! The node's figures: for the index, each sub-index and each dimension, how many units a
//! figure rests on, its mean, min, quartiles and max, and the share of units at each level.

use super::chart_figure::ChartFigure;
use crate::api::results::query::ResultsQuery;
use crate::api::results::{FigureRow, ResultChart, Shown};
use crate::components::translations::locale;
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn FiguresTable(
    rows: Vec<FigureRow>,
    level_names: Vec<String>,
    query: ResultsQuery,
    /// Whether any dimension's level distribution may be shown (else no level chart).
    levels_chart: bool,
) -> impl IntoView {
    let i18n = locale();
    let level_headers = level_names
        .iter()
        .enumerate()
        .map(|(index, name)| view! { <th scope="col">{format!("{} {name}", index + 1)}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|row| {
            let cells = match &row.figure {
                Shown::Value(figure) => {
                    let spread = match &figure.spread {
                        Some(spread) => {
                            let numbers = [spread.min, spread.q1, spread.median, spread.q3, spread.max];
                            let shares = spread.level_shares();
                            view! {
                                {numbers.into_iter().map(|value| view! { <td>{format::score(value)}</td> }).collect_view()}
                                {shares.into_iter().map(|share| view! { <td>{format!("{}\u{a0}%", format::score(share * 100.0))}</td> }).collect_view()}
                            }
                            .into_any()
                        }
                        None => view! { <td colspan="10">{td!(i18n, results.too_few_for_spread)}</td> }.into_any(),
                    };
                    view! {
                        <td>{format::count(figure.n)}</td>
                        <td>{format::score(figure.mean)}</td>
                        {spread}
                    }
                    .into_any()
                }
                Shown::TooFew => view! { <td colspan="12">{td!(i18n, results.too_few)}</td> }.into_any(),
                Shown::Missing => view! { <td colspan="12">{td!(i18n, results.no_scores)}</td> }.into_any(),
            };
            let class = if row.is_dimension() { "" } else { "table__summary-row" };
            view! { <tr class=class><th scope="row">{row.name.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="figures-heading">
            <h2 id="figures-heading">{td!(i18n, results.figures_heading)}</h2>
            {levels_chart.then(|| view! {
                <ChartFigure chart=ResultChart::Levels query alt=td_string!(i18n, results.chart_levels_alt).to_string() />
            })}
            <div class="table-scroll" role="region" aria-labelledby="figures-caption" tabindex="0">
                <table class="table table--numeric">
                    <caption id="figures-caption">{td!(i18n, results.figures_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td!(i18n, results.col_dimension)}</th>
                            <th scope="col"><abbr title=td_string!(i18n, results.col_n_title).to_string()>"n"</abbr></th>
                            <th scope="col">{td!(i18n, results.col_mean)}</th>
                            <th scope="col">{td!(i18n, results.col_min)}</th>
                            <th scope="col">{td!(i18n, results.col_q1)}</th>
                            <th scope="col">{td!(i18n, results.col_median)}</th>
                            <th scope="col">{td!(i18n, results.col_q3)}</th>
                            <th scope="col">{td!(i18n, results.col_max)}</th>
                            {level_headers}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}
