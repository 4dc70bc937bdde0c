//! A chart drawn by the server, shown as an image whose text alternative is the table next
//! to it, with downloads as SVG and PNG.

use crate::api::results::query::ResultsQuery;
use crate::api::results::{ResultChart, chart_path};
use crate::components::translations::locale;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn ChartFigure(chart: ResultChart, query: ResultsQuery, alt: String) -> impl IntoView {
    let i18n = locale();
    view! {
        <figure class="chart">
            <img class="chart__image" src=chart_path(chart, "svg", &query, false) alt=alt />
            <figcaption class="chart__downloads">
                <a href=chart_path(chart, "svg", &query, true) download="">{td!(i18n, results.download_svg)}</a>
                <a href=chart_path(chart, "png", &query, true) download="">{td!(i18n, results.download_png)}</a>
            </figcaption>
        </figure>
    }
}
