//! The start page: the person's own assessments and the rounds they follow.

use crate::api::overview::{Overview, load_overview};
use crate::components::error_notice::PageError;
use crate::components::status_badge::StatusBadge;
use crate::components::translations::locale;
use crate::domain::status::AssessmentStatus;
use crate::i18n::*;
use crate::routes::{RESULTS, assessment_path, round_path};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = locale();
    let data = Resource::new(|| (), |_| load_overview());
    view! {
        <Title text=td_string!(i18n, home.title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(overview) => view! { <OverviewView overview /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OverviewView(overview: Overview) -> impl IntoView {
    let i18n = locale();
    let Overview { assignments, followed_rounds } = overview;
    let show_assignments = !assignments.is_empty() || followed_rounds.is_empty();
    view! {
        <h1>{td!(i18n, home.title)}</h1>
        <p><a href=RESULTS>{td!(i18n, results.link)}</a></p>
        {show_assignments.then(|| view! {
            <section aria-labelledby="assignments-heading">
                <h2 id="assignments-heading">{td!(i18n, home.assignments_heading)}</h2>
                {if assignments.is_empty() {
                    view! { <p>{td!(i18n, home.assignments_empty)}</p> }.into_any()
                } else {
                    view! {
                        <table class="table">
                            <thead>
                                <tr>
                                    <th scope="col">{td!(i18n, home.col_round)}</th>
                                    <th scope="col">{td!(i18n, home.col_unit)}</th>
                                    <th scope="col">{td!(i18n, home.col_status)}</th>
                                    <th scope="col">{td!(i18n, home.col_closes)}</th>
                                    <th scope="col"><span class="visually-hidden">{td!(i18n, home.action_view)}</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {assignments.into_iter().map(|assignment| {
                                    let href = assessment_path(assignment.round.id, assignment.unit_id);
                                    let action = match assignment.status {
                                        AssessmentStatus::NotStarted => td_string!(i18n, home.action_start),
                                        AssessmentStatus::Draft => td_string!(i18n, home.action_continue),
                                        AssessmentStatus::Submitted => td_string!(i18n, home.action_view),
                                    };
                                    let label = format!("{action}: {} – {}", assignment.unit_name, assignment.round.name);
                                    view! {
                                        <tr>
                                            <td>{assignment.round.name.clone()}</td>
                                            <td>{assignment.unit_name.clone()}</td>
                                            <td><StatusBadge status=assignment.status /></td>
                                            <td>{assignment.round.closes_on.clone()}</td>
                                            <td><a href=href aria-label=label>{action}</a></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
        })}
        {(!followed_rounds.is_empty()).then(|| view! {
            <section aria-labelledby="rounds-heading">
                <h2 id="rounds-heading">{td!(i18n, home.rounds_heading)}</h2>
                <ul class="link-list">
                    {followed_rounds.into_iter().map(|round| {
                        let href = round_path(round.id);
                        let period = td_string!(i18n, home.period, from = round.opens_on.clone(), to = round.closes_on.clone()).to_string();
                        view! {
                            <li>
                                <a href=href>{round.name.clone()}</a>
                                <span class="muted">" · "{period}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
