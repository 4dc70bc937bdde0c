//! A unit's profile: a radar of its dimensions against its förvaltning or bolag, the city and
//! its previous round, the same figures as a table beside it with the change since last
//! round, and its strongest and weakest dimensions.

use super::chart_figure::ChartFigure;
use crate::api::results::query::ResultsQuery;
use crate::api::results::{ResultChart, UnitProfile};
use crate::components::shown_text::shown_text;
use crate::components::translations::locale;
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn Profile(profile: UnitProfile, query: ResultsQuery) -> impl IntoView {
    let i18n = locale();
    let administration = profile.administration.clone().unwrap_or_else(|| "–".to_owned());
    let previous_header = match &profile.previous_round {
        Some(round) => td_string!(i18n, results.col_previous_named, round = round.as_str()).to_string(),
        None => td_string!(i18n, results.col_previous).to_string(),
    };
    let list = |names: &[String]| if names.is_empty() { "–".to_owned() } else { names.join(", ") };
    let (strongest, weakest) = (list(&profile.strongest), list(&profile.weakest));
    let body = profile
        .rows
        .iter()
        .map(|row| {
            view! {
                <tr class=if row.is_dimension() { "" } else { "table__summary-row" }>
                    <th scope="row">{row.name.clone()}</th>
                    <td>{format::score_or_dash(row.unit)}</td>
                    <td>{shown_text(i18n, &row.administration)}</td>
                    <td>{shown_text(i18n, &row.city)}</td>
                    <td>{format::score_or_dash(row.previous)}</td>
                    <td>{row.change().map_or_else(|| "–".to_owned(), format::change)}</td>
                </tr>
            }
        })
        .collect_view();
    let not_submitted =
        (!profile.submitted).then(|| view! { <p class="notice">{td!(i18n, results.unit_not_submitted)}</p> });
    view! {
        <section aria-labelledby="profile-heading">
            <h2 id="profile-heading">{td!(i18n, results.profile_heading)}</h2>
            {not_submitted}
            <dl class="profile-facts">
                <div><dt>{td!(i18n, results.strongest)}</dt><dd>{strongest}</dd></div>
                <div><dt>{td!(i18n, results.weakest)}</dt><dd>{weakest}</dd></div>
            </dl>
            <ChartFigure chart=ResultChart::Profile query alt=td_string!(i18n, results.chart_profile_alt).to_string() />
            <div class="table-scroll" role="region" aria-labelledby="profile-caption" tabindex="0">
                <table class="table table--numeric">
                    <caption id="profile-caption">{td!(i18n, results.profile_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td!(i18n, results.col_dimension)}</th>
                            <th scope="col">{td!(i18n, results.col_unit)}</th>
                            <th scope="col">{administration}</th>
                            <th scope="col">{profile.city.clone()}</th>
                            <th scope="col">{previous_header}</th>
                            <th scope="col">{td!(i18n, results.col_change)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}
