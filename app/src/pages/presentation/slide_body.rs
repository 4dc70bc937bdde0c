//! What each slide shows besides its heading, summary and comment: the figures as the
//! viewer may see them, charts drawn by the server (sharp in print) with their numbers as a
//! table to open beside them.

use crate::api::presentation::{Deck, DeckAction};
use crate::api::results::{ChildRow, ComparisonRow, OrgResults, ResultChart, Shown, chart_path};
use crate::components::action_status::status_label;
use crate::components::shown_text::{shown_count_text, shown_text};
use crate::domain::slide::SlideKind;
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

/// The body of the slide `kind` of `deck`.
pub fn slide_body(i18n: Locale, kind: SlideKind, deck: &Deck) -> AnyView {
    let results = &deck.results;
    match kind {
        SlideKind::Title => view! {
            <div class="slide__title-page">
                <p class="slide__organisation">{results.node_name.clone()}</p>
                <p>{td_string!(i18n, deck.round, round = results.round.name.as_str()).to_string()}</p>
                <p>{td_string!(i18n, deck.date, date = deck.date.as_str()).to_string()}</p>
            </div>
        }
        .into_any(),
        SlideKind::ResponseRate => view! {
            <p class="slide__big-number">
                {td_string!(i18n, deck.response_big, submitted = shown_count_text(i18n, &results.submitted), total = format::count(results.total)).to_string()}
                <span class="slide__big-caption">{td!(i18n, deck.response_caption)}</span>
            </p>
        }
        .into_any(),
        SlideKind::Indices => {
            let rows: Vec<ComparisonRow> = comparison_rows(results).into_iter().filter(|row| !row.is_dimension()).collect();
            comparison_table(i18n, results, rows, false)
        }
        SlideKind::Radar => {
            let rows: Vec<ComparisonRow> = comparison_rows(results).into_iter().filter(ComparisonRow::is_dimension).collect();
            let any = rows.iter().any(|row| row.own.value().is_some() || row.city.value().is_some());
            view! {
                {any.then(|| chart(results, ResultChart::Profile, td_string!(i18n, results.chart_profile_alt).to_string()))}
                <details class="slide__table">
                    <summary>{td!(i18n, deck.table_toggle)}</summary>
                    {comparison_table(i18n, results, rows, true)}
                </details>
            }
            .into_any()
        }
        SlideKind::HeatMap => {
            if results.children.is_empty() {
                return ().into_any();
            }
            view! {
                {chart(results, ResultChart::Comparison, td_string!(i18n, results.chart_comparison_alt).to_string())}
                <details class="slide__table">
                    <summary>{td!(i18n, deck.table_toggle)}</summary>
                    {children_table(i18n, results)}
                </details>
            }
            .into_any()
        }
        SlideKind::Levels => {
            if !results.levels_chart_available() {
                return ().into_any();
            }
            view! {
                {chart(results, ResultChart::Levels, td_string!(i18n, results.chart_levels_alt).to_string())}
                <details class="slide__table">
                    <summary>{td!(i18n, deck.table_toggle)}</summary>
                    {levels_table(i18n, results)}
                </details>
            }
            .into_any()
        }
        SlideKind::Extremes => {
            let list = |names: &[String]| {
                if names.is_empty() { "–".to_owned() } else { names.join(", ") }
            };
            view! {
                <dl class="slide__extremes">
                    <div><dt>{td!(i18n, deck.strongest)}</dt><dd>{list(&deck.strongest)}</dd></div>
                    <div><dt>{td!(i18n, deck.weakest)}</dt><dd>{list(&deck.weakest)}</dd></div>
                </dl>
            }
            .into_any()
        }
        SlideKind::Trend => {
            let has_values = results.trend.rows.iter().any(|row| row.values.iter().any(|value| value.value().is_some()));
            if results.trend.rounds.len() < 2 || !has_values {
                return ().into_any();
            }
            view! {
                {chart(results, ResultChart::Trend, td_string!(i18n, results.chart_trend_alt).to_string())}
                <details class="slide__table">
                    <summary>{td!(i18n, deck.table_toggle)}</summary>
                    {trend_table(i18n, results)}
                </details>
            }
            .into_any()
        }
        SlideKind::Actions => match &deck.actions {
            Some(actions) if !actions.is_empty() => actions_table(i18n, actions),
            _ => ().into_any(),
        },
        SlideKind::Summary => {
            let points: Vec<String> = deck
                .slides
                .iter()
                .filter(|slide| matches!(slide.kind, SlideKind::Indices | SlideKind::Extremes | SlideKind::ResponseRate))
                .map(|slide| slide.summary.clone())
                .collect();
            view! { <ul class="slide__points">{points.into_iter().map(|point| view! { <li>{point}</li> }).collect_view()}</ul> }
                .into_any()
        }
    }
}

fn comparison_rows(results: &OrgResults) -> Vec<ComparisonRow> {
    results.comparison.as_ref().map(|comparison| comparison.rows.clone()).unwrap_or_default()
}

/// A server-drawn chart of the organisation, as an image.
fn chart(results: &OrgResults, chart: ResultChart, alt: String) -> AnyView {
    view! { <img class="slide__chart" src=chart_path(chart, "svg", &results.query, false) alt=alt /> }.into_any()
}

/// A table wrapped in a region that scrolls on its own when it is wider than the slide.
fn scrolling(label: String, table: AnyView) -> AnyView {
    view! { <div class="table-scroll" role="region" aria-label=label tabindex="0">{table}</div> }.into_any()
}

fn comparison_table(i18n: Locale, results: &OrgResults, rows: Vec<ComparisonRow>, compact: bool) -> AnyView {
    let comparison = results.comparison.clone().unwrap_or_default();
    let own = td_string!(i18n, deck.col_own, organisation = results.node_name.as_str()).to_string();
    let previous = comparison.previous_round.clone();
    let has_city = comparison.city.is_some();
    let body = rows
        .into_iter()
        .map(|row| {
            let change = row.change().map_or_else(|| "–".to_owned(), format::change);
            view! {
                <tr>
                    <th scope="row">{row.name.clone()}</th>
                    <td>{shown_text(i18n, &row.own)}</td>
                    {has_city.then(|| view! { <td>{shown_text(i18n, &row.city)}</td> })}
                    {previous.is_some().then(|| view! { <td>{shown_text(i18n, &row.previous)}</td> <td>{change.clone()}</td> })}
                </tr>
            }
        })
        .collect_view();
    let class = if compact { "table table--numeric" } else { "table table--numeric table--large" };
    let label = own.clone();
    scrolling(
        label,
        view! {
            <table class=class>
                <thead>
                    <tr>
                        <th scope="col">{td!(i18n, deck.col_dimension)}</th>
                        <th scope="col">{own}</th>
                        {has_city.then(|| view! { <th scope="col">{td!(i18n, deck.col_city)}</th> })}
                        {previous.map(|round| view! {
                            <th scope="col">{td_string!(i18n, deck.col_previous, round = round.as_str()).to_string()}</th>
                            <th scope="col">{td!(i18n, deck.col_change)}</th>
                        })}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
        .into_any(),
    )
}

fn children_table(i18n: Locale, results: &OrgResults) -> AnyView {
    let headers =
        results.dimension_names.iter().map(|name| view! { <th scope="col">{name.clone()}</th> }).collect_view();
    let row = |child: &ChildRow| {
        view! {
            <tr>
                <th scope="row">{child.name.clone()}</th>
                <td>{shown_text(i18n, &child.index)}</td>
                {child.dimensions.iter().map(|value| view! { <td>{shown_text(i18n, value)}</td> }).collect_view()}
            </tr>
        }
    };
    scrolling(
        td_string!(i18n, results.children_caption).to_string(),
        view! {
            <table class="table table--numeric">
                <thead>
                    <tr>
                        <th scope="col">{td!(i18n, results.col_organisation)}</th>
                        <th scope="col">{td!(i18n, results.index)}</th>
                        {headers}
                    </tr>
                </thead>
                <tbody>{results.children.iter().map(row).collect_view()}</tbody>
            </table>
        }
        .into_any(),
    )
}

fn levels_table(i18n: Locale, results: &OrgResults) -> AnyView {
    let headers = results
        .level_names
        .iter()
        .enumerate()
        .map(|(index, name)| view! { <th scope="col">{format!("{} {name}", index + 1)}</th> })
        .collect_view();
    let body = results
        .dimension_figures()
        .map(|row| {
            let cells = match row.figure.value().and_then(|figure| figure.spread.clone()) {
                Some(spread) => spread
                    .level_shares()
                    .into_iter()
                    .map(|share| view! { <td>{format!("{}\u{a0}%", format::score(share * 100.0))}</td> })
                    .collect_view()
                    .into_any(),
                None => view! { <td colspan="5">{td!(i18n, results.too_few_for_spread)}</td> }.into_any(),
            };
            view! { <tr><th scope="row">{row.name.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    scrolling(
        td_string!(i18n, results.figures_caption).to_string(),
        view! {
            <table class="table table--numeric">
                <thead><tr><th scope="col">{td!(i18n, results.col_dimension)}</th>{headers}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        }
        .into_any(),
    )
}

fn trend_table(i18n: Locale, results: &OrgResults) -> AnyView {
    let headers =
        results.trend.rounds.iter().map(|round| view! { <th scope="col">{round.clone()}</th> }).collect_view();
    let body = results
        .trend
        .rows
        .iter()
        .map(|row| {
            let cells =
                row.values.iter().map(|value: &Shown<f64>| view! { <td>{shown_text(i18n, value)}</td> }).collect_view();
            view! { <tr><th scope="row">{row.name.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let todays_units =
        results.trend.todays_units.then(|| view! { <p class="trend-note">{td!(i18n, results.trend_todays_units)}</p> });
    let table = scrolling(
        td_string!(i18n, results.trend_caption).to_string(),
        view! {
            <table class="table table--numeric">
                <thead><tr><th scope="col">{td!(i18n, results.col_dimension)}</th>{headers}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        }
        .into_any(),
    );
    view! { {todays_units}{table} }.into_any()
}

fn actions_table(i18n: Locale, actions: &[DeckAction]) -> AnyView {
    let body = actions
        .iter()
        .map(|action| {
            view! {
                <tr>
                    <td>{action.title.clone()}</td>
                    <td>{action.unit.clone()}</td>
                    <td>{action.dimension.clone()}</td>
                    <td>{action.owner.clone()}</td>
                    <td>{action.due_on.clone()}</td>
                    <td>{status_label(i18n, action.status)}</td>
                </tr>
            }
        })
        .collect_view();
    scrolling(
        td_string!(i18n, deck.slide_actions).to_string(),
        view! {
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{td!(i18n, deck.col_action)}</th>
                        <th scope="col">{td!(i18n, deck.col_unit)}</th>
                        <th scope="col">{td!(i18n, deck.col_dimension)}</th>
                        <th scope="col">{td!(i18n, deck.col_owner)}</th>
                        <th scope="col">{td!(i18n, deck.col_due)}</th>
                        <th scope="col">{td!(i18n, deck.col_status)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
        .into_any(),
    )
}
