//! The results page's downloads: every table as one workbook, or one table as CSV for
//! Swedish Excel or for R and Python, with the page's filters and rules.

use crate::api::exports::dialect::CsvDialect;
use crate::api::exports::which::{ResultTable, export_path};
use crate::api::results::query::ResultsQuery;
use crate::components::progress_note::ProgressNote;
use crate::components::translations::locale;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn Downloads(query: ResultsQuery) -> impl IntoView {
    let i18n = locale();
    // The page's filters, without its order (the files keep their own).
    let params = ResultsQuery { sort: None, descending: false, ..query }.to_params();
    let tables = ResultTable::ALL
        .into_iter()
        .map(|table| {
            let name = match table {
                ResultTable::Statements => td_string!(i18n, export.table_statements),
                ResultTable::Dimensions => td_string!(i18n, export.table_dimensions),
                ResultTable::Organisations => td_string!(i18n, export.table_organisations),
                ResultTable::Actions => td_string!(i18n, export.table_actions),
            }
            .to_string();
            let excel = export_path(Some(table), CsvDialect::SwedishExcel, &params);
            let rfc = export_path(Some(table), CsvDialect::Rfc4180, &params);
            let excel_label = format!("{name}, {}", td_string!(i18n, export.csv_excel));
            let rfc_label = format!("{name}, {}", td_string!(i18n, export.csv_rfc));
            view! {
                <li>
                    {name.clone()} ": "
                    <a href=excel download aria-label=excel_label>{td!(i18n, export.csv_excel)}</a>
                    " · "
                    <a href=rfc download aria-label=rfc_label>{td!(i18n, export.csv_rfc)}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="downloads" aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{td!(i18n, export.heading)}</h2>
            <p>{td!(i18n, export.intro)}</p>
            <ProgressNote message=td_string!(i18n, export.preparing).to_string()>
                <p>
                    <a href=export_path(None, CsvDialect::SwedishExcel, &params) download>{td!(i18n, export.xlsx_link)}</a>
                </p>
            </ProgressNote>
            <h3>{td!(i18n, export.csv_heading)}</h3>
            <ul class="downloads__tables">{tables}</ul>
        </section>
    }
}
