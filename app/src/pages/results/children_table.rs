//! The node's child organisations (or units) × the dimensions: each cell the mean, shaded
//! on the heat scale, each row a link one level down (the name is the link, for keyboards
//! and without script; with script a click anywhere on the row or its cells follows it);
//! every column header sorts the rows. The rows' clicks are the island `RowLinks`: one
//! listener around the server-rendered table.

use super::chart_figure::ChartFigure;
use super::heat::{HeatLegend, heat_class};
use crate::api::results::query::{ResultsQuery, SortColumn};
use crate::api::results::{ChildRow, ResultChart, Shown};
use crate::components::clicked::clicked_closest;
use crate::components::shown_text::{shown_count_text, shown_text};
use crate::components::translations::locale;
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

/// Where a click on a table row goes: the link of its row (`tr.row-link`), unless the click
/// landed on a link (which then goes by itself).
fn row_link(event: &leptos::ev::MouseEvent) -> Option<String> {
    if clicked_closest(event, "a").is_some() {
        return None;
    }
    let row = clicked_closest(event, "tr.row-link")?;
    row.query_selector("a[href]").ok()??.get_attribute("href")
}

/// Follows a row's link on a click anywhere on the row (`children`: the table).
#[island]
fn RowLinks(children: Children) -> impl IntoView {
    let follow = move |event: leptos::ev::MouseEvent| {
        if let Some(href) = row_link(&event) {
            let _ = window().location().assign(&href);
        }
    };
    view! { <div on:click=follow>{children()}</div> }
}

/// A cell of the comparison, shaded on the heat scale where it has a value.
fn cell(i18n: Locale, value: &Shown<f64>) -> impl IntoView + use<> {
    let class = value.value().map(|value| heat_class(*value));
    view! { <td class=class>{shown_text(i18n, value)}</td> }
}

/// A column header that sorts the rows by its column: a link (works without script), with
/// `aria-sort` on the column sorted by.
fn sort_header(i18n: Locale, query: &ResultsQuery, column: SortColumn, label: String) -> AnyView {
    let current = query.sort.clone().unwrap_or(SortColumn::Name);
    let sorted = current == column;
    let aria_sort = sorted.then_some(if query.descending { "descending" } else { "ascending" });
    let mark = if !sorted {
        ""
    } else if query.descending {
        "▼"
    } else {
        "▲"
    };
    let hint = td_string!(i18n, results.sort_hint).to_string();
    view! {
        <th scope="col" aria-sort=aria_sort>
            <a class="sort-link" href=query.sorted_by(column).path()>
                {label}
                <span class="sort-link__mark" aria-hidden="true">{mark}</span>
                <span class="visually-hidden">{hint}</span>
            </a>
        </th>
    }
    .into_any()
}

#[component]
pub fn ChildrenTable(
    query: ResultsQuery,
    rows: Vec<ChildRow>,
    dimension_names: Vec<String>,
    dimension_keys: Vec<String>,
) -> impl IntoView {
    let i18n = locale();
    let headers = dimension_names
        .into_iter()
        .zip(dimension_keys)
        .map(|(name, key)| sort_header(i18n, &query, SortColumn::Dimension(key), name))
        .collect_view();
    let body = rows
        .into_iter()
        .map(|row| {
            let href = row.link.then(|| query.at(row.id).path());
            let name = match &href {
                Some(href) => view! { <a href=href.clone()>{row.name.clone()}</a> }.into_any(),
                None => view! { <span>{row.name.clone()}</span> }.into_any(),
            };
            let answered = format!("{} / {}", shown_count_text(i18n, &row.submitted), format::count(row.total));
            let class = if href.is_some() { "row-link" } else { "" };
            view! {
                <tr class=class>
                    <th scope="row">{name}</th>
                    <td>{answered}</td>
                    {cell(i18n, &row.index)}
                    {row.dimensions.iter().map(|value| cell(i18n, value)).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="children-heading">
            <h2 id="children-heading">{td!(i18n, results.children_heading)}</h2>
            <ChartFigure
                chart=ResultChart::Comparison
                query=query.clone()
                alt=td_string!(i18n, results.chart_comparison_alt).to_string()
            />
            <HeatLegend />
            <RowLinks>
            <div class="table-scroll" role="region" aria-labelledby="children-caption" tabindex="0">
                <table class="table table--numeric table--heat">
                    <caption id="children-caption">{td!(i18n, results.children_caption)}</caption>
                    <thead>
                        <tr>
                            {sort_header(i18n, &query, SortColumn::Name, td_string!(i18n, results.col_organisation).to_string())}
                            <th scope="col">{td!(i18n, results.col_answered)}</th>
                            {sort_header(i18n, &query, SortColumn::Index, td_string!(i18n, results.index).to_string())}
                            {headers}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            </RowLinks>
        </section>
    }
}
