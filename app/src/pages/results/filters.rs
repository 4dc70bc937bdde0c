//! Choosing the round and, where the children are förvaltningar and bolag, the type of
//! organisation: a plain GET form, so it works without script. The organisation and the
//! order go along unchanged.

use crate::api::results::query::ResultsQuery;
use crate::api::round_summary::RoundSummary;
use crate::components::translations::locale;
use crate::domain::kind_filter::KindFilter;
use crate::i18n::*;
use crate::routes::RESULTS;
use leptos::prelude::*;

#[component]
pub fn Filters(rounds: Vec<RoundSummary>, query: ResultsQuery, kind_filter_offered: bool) -> impl IntoView {
    let i18n = locale();
    let current = query.round.unwrap_or_default();
    let kind_name = move |kind: KindFilter| match kind {
        KindFilter::District => td_string!(i18n, results.kind_district).to_string(),
        KindFilter::Specialist => td_string!(i18n, results.kind_specialist).to_string(),
        KindFilter::Company => td_string!(i18n, results.kind_company).to_string(),
    };
    let kind_field = kind_filter_offered.then(|| {
        view! {
            <div class="field">
                <label for="results-kind" class="field__label">{td!(i18n, results.kind_label)}</label>
                <select id="results-kind" name="typ" class="field__select">
                    <option value="" selected=query.kind.is_none()>{td!(i18n, results.kind_all)}</option>
                    {KindFilter::ALL.into_iter().map(|kind| {
                        view! { <option value=kind.key() selected=query.kind == Some(kind)>{kind_name(kind)}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    });
    let sort = query.sort.as_ref().map(|sort| {
        let order = if query.descending { "fallande" } else { "stigande" };
        view! {
            <input type="hidden" name="sortera" value=sort.key().to_owned() />
            <input type="hidden" name="ordning" value=order />
        }
    });
    view! {
        <form method="get" action=RESULTS class="filters">
            <input type="hidden" name="nod" value=query.node.unwrap_or_default().to_string() />
            {sort}
            <div class="field">
                <label for="results-round" class="field__label">{td!(i18n, results.round_label)}</label>
                <select id="results-round" name="omgang" class="field__select">
                    {rounds.into_iter().map(|round| {
                        let selected = round.id.0 == current;
                        view! { <option value=round.id.0.to_string() selected=selected>{round.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            {kind_field}
            <button type="submit" class="button button--secondary">{td!(i18n, results.show)}</button>
        </form>
    }
}
