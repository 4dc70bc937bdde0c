//! Choosing the round: a plain GET form, so it works without script.

use crate::api::dto::RoundSummary;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn RoundPicker(rounds: Vec<RoundSummary>, current: i64, node: i64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" action="/resultat" class="filters">
            <input type="hidden" name="nod" value=node.to_string() />
            <div class="field">
                <label for="results-round" class="field__label">{t!(i18n, results.round_label)}</label>
                <select id="results-round" name="omgang" class="field__select">
                    {rounds.into_iter().map(|round| {
                        let selected = round.id.0 == current;
                        view! { <option value=round.id.0.to_string() selected=selected>{round.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button button--secondary">{t!(i18n, results.show)}</button>
        </form>
    }
}
