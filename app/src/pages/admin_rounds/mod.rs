//! Running rounds (the quality department): the list of rounds, a new round, a round's
//! page (its facts, editing while it is a draft, the closing date while it is open, the
//! steps it can take) and the confirmation of each step. Every form works without script:
//! a refused post comes back with what was typed and each field's problem.

mod errors;
mod move_page;
mod new_round;
mod round_fields;
mod round_page;

pub use move_page::RoundMovePage;
pub use new_round::NewRoundPage;
pub use round_page::AdminRoundPage;

use crate::api::admin_rounds::{CoverageCounts, RoundLine, load_admin_rounds};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::round::RoundStatus;
use crate::format;
use crate::i18n::*;
use crate::routes::{ADMIN, ADMIN_NEW_ROUND, admin_round_path};
use leptos::prelude::*;
use leptos_meta::Title;

/// What a round's status is called.
pub fn round_status_label(i18n: Locale, status: RoundStatus) -> String {
    match status {
        RoundStatus::Draft => td_string!(i18n, round_status.draft),
        RoundStatus::Open => td_string!(i18n, round_status.open),
        RoundStatus::Closed => td_string!(i18n, round_status.closed),
        RoundStatus::Published => td_string!(i18n, round_status.published),
    }
    .to_string()
}

/// A round's status as a labelled badge (text, not colour alone).
#[component]
pub fn RoundStatusBadge(status: RoundStatus) -> impl IntoView {
    let i18n = locale();
    let class = format!("badge badge--round-{}", status.key());
    view! { <span class=class>{move || round_status_label(i18n, status)}</span> }
}

/// The share of covered units that have submitted, e.g. `30,0 %`; a dash without units.
pub fn response_rate(coverage: &CoverageCounts) -> String {
    if coverage.units == 0 {
        return "–".to_owned();
    }
    // Unit counts are far below 2^52, so the conversion is exact.
    let rate = coverage.submitted as f64 / coverage.units as f64 * 100.0;
    format!("{} %", format::score(rate))
}

/// `/admin/omgangar`: every round with status, dates and response rate.
#[component]
pub fn AdminRoundsPage() -> impl IntoView {
    let i18n = locale();
    let data = Resource::new(|| (), |_| load_admin_rounds());
    view! {
        <Title text=td_string!(i18n, admin_rounds.list_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(rounds) => view! { <RoundList rounds /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RoundList(rounds: Vec<RoundLine>) -> impl IntoView {
    let i18n = locale();
    let table = if rounds.is_empty() {
        view! { <p>{td!(i18n, admin_rounds.list_empty)}</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll" role="region" aria-labelledby="rounds-caption" tabindex="0">
                <table class="table">
                    <caption id="rounds-caption">{td!(i18n, admin_rounds.list_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td!(i18n, admin_rounds.col_name)}</th>
                            <th scope="col">{td!(i18n, admin_rounds.col_status)}</th>
                            <th scope="col">{td!(i18n, admin_rounds.col_period)}</th>
                            <th scope="col">{td!(i18n, admin_rounds.col_scope)}</th>
                            <th scope="col" class="numeric">{td!(i18n, admin_rounds.col_units)}</th>
                            <th scope="col" class="numeric">{td!(i18n, admin_rounds.col_submitted)}</th>
                            <th scope="col" class="numeric">{td!(i18n, admin_rounds.col_rate)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rounds.into_iter().map(|line| {
                            let period = td_string!(
                                i18n, home.period, from = line.round.opens_on.clone(), to = line.round.closes_on.clone()
                            ).to_string();
                            view! {
                                <tr>
                                    <th scope="row"><a href=admin_round_path(line.round.id)>{line.round.name.clone()}</a></th>
                                    <td><RoundStatusBadge status=line.round.status /></td>
                                    <td class="nowrap">{period}</td>
                                    <td>{line.root_name.clone()}</td>
                                    <td class="numeric">{format::count(line.coverage.units)}</td>
                                    <td class="numeric">{format::count(line.coverage.submitted)}</td>
                                    <td class="numeric">{response_rate(&line.coverage)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <h1>{td!(i18n, admin_rounds.list_title)}</h1>
        <p class="intro">{td!(i18n, admin_rounds.list_intro)}</p>
        <p><a href=ADMIN_NEW_ROUND class="button">{td!(i18n, admin_rounds.new_link)}</a></p>
        {table}
        <p><a href=ADMIN>{td!(i18n, admin_rounds.back_admin)}</a></p>
    }
}
