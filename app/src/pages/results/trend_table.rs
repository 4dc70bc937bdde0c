//! The index and each dimension over the rounds: a line chart and, beside it, the same
//! figures as a table (a row per figure, a column per round); where the trend is in today's
//! organisation and the organisation has predecessors, their index as they were.

use super::chart_figure::ChartFigure;
use crate::api::results::query::ResultsQuery;
use crate::api::results::{ResultChart, TrendResults};
use crate::components::shown_text::shown_text;
use crate::components::translations::locale;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn TrendTable(trend: TrendResults, query: ResultsQuery) -> impl IntoView {
    let i18n = locale();
    let has_values = trend.rows.iter().any(|row| row.values.iter().any(|value| value.value().is_some()));
    let content = if trend.rounds.len() < 2 || !has_values {
        view! { <p>{td!(i18n, results.trend_one_round)}</p> }.into_any()
    } else {
        let headers = trend.rounds.iter().map(|round| view! { <th scope="col">{round.clone()}</th> }).collect_view();
        let body = trend
            .rows
            .iter()
            .map(|row| {
                let cells = row
                    .values
                    .iter()
                    .enumerate()
                    .map(|(at, value)| {
                        let broken = row.breaks_before.contains(&at).then(|| {
                            view! { <span class="trend-break">" "{td!(i18n, results.trend_break_cell)}</span> }
                        });
                        view! { <td>{shown_text(i18n, value)}{broken}</td> }
                    })
                    .collect_view();
                let class = if row.key == "index" { "table__summary-row" } else { "" };
                view! { <tr class=class><th scope="row">{row.name.clone()}</th>{cells}</tr> }
            })
            .collect_view();
        let notes = (!trend.breaks.is_empty()).then(|| {
            let items = trend
                .breaks
                .iter()
                .map(|step| {
                    let text = td_string!(
                        i18n,
                        results.trend_break_note,
                        from = step.from_round.clone(),
                        to = step.to_round.clone(),
                        figures = step.figures.join(", ")
                    )
                    .to_string();
                    view! { <li>{text}</li> }
                })
                .collect_view();
            view! {
                <div class="trend-breaks" id="trend-breaks">
                    <p>{td!(i18n, results.trend_break_intro)}</p>
                    <ul>{items}</ul>
                </div>
            }
        });
        let predecessors = (!trend.predecessors.is_empty()).then(|| predecessors_table(i18n, &trend));
        let todays_units =
            trend.todays_units.then(|| view! { <p class="trend-note">{td!(i18n, results.trend_todays_units)}</p> });
        view! {
            <ChartFigure chart=ResultChart::Trend query alt=td_string!(i18n, results.chart_trend_alt).to_string() />
            {todays_units}
            {notes}
            <div class="table-scroll" role="region" aria-labelledby="trend-caption" tabindex="0">
                <table class="table table--numeric">
                    <caption id="trend-caption">{td!(i18n, results.trend_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td!(i18n, results.col_dimension)}</th>
                            {headers}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {predecessors}
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="trend-heading">
            <h2 id="trend-heading">{td!(i18n, results.trend_heading)}</h2>
            {content}
        </section>
    }
}

/// The predecessors' index per round, as they were (beside a trend in today's organisation).
fn predecessors_table(i18n: Locale, trend: &TrendResults) -> AnyView {
    let headers = trend.rounds.iter().map(|round| view! { <th scope="col">{round.clone()}</th> }).collect_view();
    let body = trend
        .predecessors
        .iter()
        .map(|row| {
            let cells = row.values.iter().map(|value| view! { <td>{shown_text(i18n, value)}</td> }).collect_view();
            view! { <tr><th scope="row">{row.name.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <p>{td!(i18n, results.trend_predecessors_intro)}</p>
        <div class="table-scroll" role="region" aria-labelledby="trend-predecessors-caption" tabindex="0">
            <table class="table table--numeric">
                <caption id="trend-predecessors-caption">{td!(i18n, results.trend_predecessors_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td!(i18n, results.col_predecessor)}</th>
                        {headers}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}
