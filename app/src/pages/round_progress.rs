//! A round's progress: counts per status, per administration, and the units themselves,
//! filterable by status and administration (a GET form, so it works without script), with
//! the managers of the units that have not submitted, their addresses as one list to copy,
//! the filtered list as a CSV download, and the way to remind them.

use crate::api::rounds::{Manager, ProgressFilter, RoundProgress, load_round_progress};
use crate::components::address_list::AddressList;
use crate::components::error_notice::PageError;
use crate::components::status_badge::{StatusBadge, status_label};
use crate::components::translations::locale;
use crate::domain::ids::RoundId;
use crate::domain::reminder::{ReminderTarget, needs_reminder};
use crate::domain::status::{AssessmentStatus, StatusCounts};
use crate::format;
use crate::i18n::*;
use crate::routes::{HOME, address, assessment_path, reminder_path, round_path, units_csv_path, units_xlsx_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn RoundProgressPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let query = use_query_map();
    let request = move || {
        let round = RoundId(params.read().get("round").and_then(|id| id.parse().ok()).unwrap_or(0));
        let query = query.read();
        (round, ProgressFilter::from_query(|name| query.get(name)))
    };
    let data = Resource::new(request, |(round, filter)| {
        load_round_progress(round, filter.status, filter.administration, filter.page)
    });
    view! {
        <Title text=td_string!(i18n, progress.title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(progress) => view! { <ProgressView progress filter=request().1 /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn response_rate(counts: &StatusCounts) -> String {
    if counts.total() == 0 {
        return "–".to_owned();
    }
    // Unit counts are far below 2^52, so the conversion is exact.
    let rate = counts.submitted as f64 / counts.total() as f64 * 100.0;
    format!("{} %", format::score(rate))
}

#[component]
fn ProgressView(progress: RoundProgress, filter: ProgressFilter) -> impl IntoView {
    let i18n = locale();
    let RoundProgress {
        round,
        counts,
        administrations,
        units,
        filtered_total,
        page,
        page_count,
        addresses,
        may_remind,
    } = progress;
    let base = round_path(round.id);
    let page_link = {
        let base = base.clone();
        let filter = filter.to_query();
        move |page: usize| {
            let query = if filter.is_empty() { format!("sida={page}") } else { format!("{filter}&sida={page}") };
            address(&base, &query)
        }
    };
    let csv_link = address(&units_csv_path(round.id), &filter.to_query());
    let with_dialect = |query: String| {
        if query.is_empty() { "dialekt=rfc4180".to_owned() } else { format!("{query}&dialekt=rfc4180") }
    };
    let rfc_link = address(&units_csv_path(round.id), &with_dialect(filter.to_query()));
    let xlsx_link = address(&units_xlsx_path(round.id), &filter.to_query());
    let remind_link = {
        let target = ReminderTarget::for_status(filter.status);
        let mut query = format!("status={}", target.key());
        if let Some(administration) = filter.administration {
            query.push_str(&format!("&forvaltning={administration}"));
        }
        address(&reminder_path(round.id), &query)
    };
    let rate = response_rate(&counts);
    let period = td_string!(i18n, home.period, from = round.opens_on.clone(), to = round.closes_on.clone()).to_string();
    view! {
        <h1>{round.name.clone()}</h1>
        <p class="muted">{period}</p>

        <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">{td!(i18n, progress.summary_heading)}</h2>
            <dl class="stats">
                <div><dt>{move || status_label(i18n, AssessmentStatus::NotStarted)}</dt><dd>{format::count(counts.not_started)}</dd></div>
                <div><dt>{move || status_label(i18n, AssessmentStatus::Draft)}</dt><dd>{format::count(counts.draft)}</dd></div>
                <div><dt>{move || status_label(i18n, AssessmentStatus::Submitted)}</dt><dd>{format::count(counts.submitted)}</dd></div>
                <div><dt>{td!(i18n, progress.total_units)}</dt><dd>{format::count(counts.total())}</dd></div>
                <div><dt>{td!(i18n, progress.response_rate)}</dt><dd>{rate}</dd></div>
            </dl>
        </section>

        <section aria-labelledby="administrations-heading">
            <h2 id="administrations-heading">{td!(i18n, progress.by_administration_heading)}</h2>
            <div class="table-scroll" role="region" aria-labelledby="administrations-heading" tabindex="0">
                <table class="table table--numeric">
                    <caption class="visually-hidden">{td!(i18n, progress.by_administration_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td!(i18n, progress.col_administration)}</th>
                            <th scope="col">{move || status_label(i18n, AssessmentStatus::NotStarted)}</th>
                            <th scope="col">{move || status_label(i18n, AssessmentStatus::Draft)}</th>
                            <th scope="col">{move || status_label(i18n, AssessmentStatus::Submitted)}</th>
                            <th scope="col">{td!(i18n, progress.col_total)}</th>
                            <th scope="col">{td!(i18n, progress.response_rate)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {administrations.iter().map(|administration| {
                            let href = format!("{base}?forvaltning={}", administration.id);
                            let counts = administration.counts;
                            view! {
                                <tr>
                                    <th scope="row"><a href=href>{administration.name.clone()}</a></th>
                                    <td>{format::count(counts.not_started)}</td>
                                    <td>{format::count(counts.draft)}</td>
                                    <td>{format::count(counts.submitted)}</td>
                                    <td>{format::count(counts.total())}</td>
                                    <td>{response_rate(&counts)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>

        <section aria-labelledby="units-heading">
            <h2 id="units-heading">{td!(i18n, progress.units_heading)}</h2>
            <form method="get" action=base.clone() class="filters">
                <div class="field">
                    <label for="filter-status" class="field__label">{td!(i18n, progress.filter_status)}</label>
                    <select id="filter-status" name="status" class="field__select">
                        <option value="" selected=filter.status.is_none()>{td!(i18n, progress.filter_all)}</option>
                        {AssessmentStatus::ALL.into_iter().map(|status| view! {
                            <option value=status.key() selected=filter.status == Some(status)>
                                {move || status_label(i18n, status)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-administration" class="field__label">{td!(i18n, progress.filter_administration)}</label>
                    <select id="filter-administration" name="forvaltning" class="field__select">
                        <option value="" selected=filter.administration.is_none()>{td!(i18n, progress.filter_all)}</option>
                        {administrations.iter().map(|administration| view! {
                            <option value=administration.id.to_string() selected=filter.administration == Some(administration.id)>
                                {administration.name.clone()}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button">{td!(i18n, progress.filter_submit)}</button>
            </form>
            <p role="status">{td!(i18n, progress.filter_count, count = move || format::count(filtered_total))}</p>
            <p>
                <a href=csv_link>{td!(i18n, progress.download_csv)}</a>
                <br />
                {td!(i18n, progress.download_other)} " "
                <a href=rfc_link>{td!(i18n, progress.download_csv_rfc)}</a>
                " · "
                <a href=xlsx_link>{td!(i18n, progress.download_xlsx)}</a>
                <br />
                <span class="muted">{td!(i18n, progress.download_csv_hint)}</span>
            </p>
            {may_remind.then(|| view! { <p><a href=remind_link class="button">{td!(i18n, progress.remind_link)}</a></p> })}
            {if units.is_empty() {
                view! { <p>{td!(i18n, progress.no_units)}</p> }.into_any()
            } else {
                let round_id = round.id;
                view! {
                    <div class="table-scroll" role="region" aria-labelledby="units-heading" tabindex="0">
                        <table class="table">
                            <caption class="visually-hidden">
                                {td!(i18n, progress.units_caption, page = move || page, pages = move || page_count)}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{td!(i18n, progress.col_unit)}</th>
                                    <th scope="col">{td!(i18n, progress.col_administration)}</th>
                                    <th scope="col">{td!(i18n, progress.col_department)}</th>
                                    <th scope="col">{td!(i18n, progress.col_status)}</th>
                                    <th scope="col">{td!(i18n, progress.col_updated)}</th>
                                    <th scope="col">{td!(i18n, progress.col_managers)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {units.into_iter().map(|unit| {
                                    let name = if unit.status == AssessmentStatus::Submitted {
                                        view! { <a href=assessment_path(round_id, unit.id)>{unit.name.clone()}</a> }.into_any()
                                    } else {
                                        view! { <span>{unit.name.clone()}</span> }.into_any()
                                    };
                                    let managers = needs_reminder(unit.status).then(|| view! { <Managers managers=unit.managers.clone() /> });
                                    view! {
                                        <tr>
                                            <th scope="row">{name}</th>
                                            <td>{unit.administration.clone()}</td>
                                            <td>{unit.department.clone().unwrap_or_default()}</td>
                                            <td><StatusBadge status=unit.status /></td>
                                            <td>{unit.updated_at.clone().unwrap_or_default()}</td>
                                            <td>{managers}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {(page_count > 1).then(|| view! {
                <nav class="pagination" aria-label=move || td_string!(i18n, progress.pagination).to_string()>
                    {(page > 1).then(|| view! { <a href=page_link(page - 1) rel="prev">{td!(i18n, progress.previous)}</a> })}
                    <span>{td!(i18n, progress.page_of, page = move || page, pages = move || page_count)}</span>
                    {(page < page_count).then(|| view! { <a href=page_link(page + 1) rel="next">{td!(i18n, progress.next)}</a> })}
                </nav>
            })}
        </section>

        <section aria-labelledby="addresses-heading">
            <h2 id="addresses-heading">{td!(i18n, progress.addresses_heading)}</h2>
            {if addresses.is_empty() {
                view! { <p>{td!(i18n, progress.addresses_empty)}</p> }.into_any()
            } else {
                let count = format::count(addresses.split("; ").count());
                let label = td_string!(i18n, progress.addresses_label, count = count).to_string();
                view! { <AddressList id="address-list".to_owned() addresses label /> }.into_any()
            }}
        </section>
        <p><a href=HOME>{td!(i18n, progress.back_home)}</a></p>
    }
}

/// A unit's managers, each with an e-mail link; or that it has none.
#[component]
fn Managers(managers: Vec<Manager>) -> impl IntoView {
    let i18n = locale();
    if managers.is_empty() {
        return view! { <span class="muted">{td!(i18n, progress.no_manager)}</span> }.into_any();
    }
    view! {
        <ul class="managers">
            {managers.into_iter().map(|manager| {
                let mailto = format!("mailto:{}", manager.email);
                view! { <li>{manager.name}<br /><a href=mailto>{manager.email}</a></li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
