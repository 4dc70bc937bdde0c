//! `/admin/logg`: every administrative change, newest first, filtered by what happened, the
//! round, who did it and when (a GET form, so it works without script and can be linked),
//! paged, and downloadable as a CSV file with the same filters.

use crate::api::admin_log::{AdminLogPage, LogEntry, LogQuery, action_label, load_admin_log};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::admin_action::AdminAction;
use crate::format;
use crate::i18n::*;
use crate::routes::{ADMIN, ADMIN_LOG, ADMIN_LOG_CSV, admin_round_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AdminLogPage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let request = move || LogQuery::from_params(|name| query.read().get(name));
    let data = Resource::new(request, load_admin_log);
    view! {
        <Title text=td_string!(i18n, admin_log.title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(log) => view! { <LogView log query=request() /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LogView(log: AdminLogPage, query: LogQuery) -> impl IntoView {
    let i18n = locale();
    let AdminLogPage { entries, total, page, page_count, rounds, actors, invalid_from, invalid_to } = log;
    let filtered = !query.filter_params().is_empty();
    let csv = query.address(ADMIN_LOG_CSV, None);
    let page_link = {
        let query = query.clone();
        move |page: usize| query.address(ADMIN_LOG, Some(page))
    };
    let action = query.action.clone();
    view! {
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, admin_rounds.breadcrumb).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
            </ol>
        </nav>
        <h1>{td!(i18n, admin_log.title)}</h1>
        <p class="intro">{td!(i18n, admin_log.intro)}</p>

        <section aria-labelledby="log-filter-heading">
            <h2 id="log-filter-heading">{td!(i18n, admin_log.filter_heading)}</h2>
            <form method="get" action=ADMIN_LOG class="filters">
                <div class="field">
                    <label for="log-action" class="field__label">{td!(i18n, admin_log.filter_action)}</label>
                    <select id="log-action" name="handelse" class="field__select">
                        <option value="" selected=action.is_none()>{td!(i18n, admin_log.filter_all)}</option>
                        {AdminAction::ALL.into_iter().map(|kind| view! {
                            <option value=kind.key() selected=action.as_deref() == Some(kind.key())>
                                {action_label(i18n, kind)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="log-round" class="field__label">{td!(i18n, admin_log.filter_round)}</label>
                    <select id="log-round" name="omgang" class="field__select">
                        <option value="" selected=query.round.is_none()>{td!(i18n, admin_log.filter_all)}</option>
                        {rounds.into_iter().map(|(id, name)| view! {
                            <option value=id.to_string() selected=query.round == Some(id.0)>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="log-actor" class="field__label">{td!(i18n, admin_log.filter_actor)}</label>
                    <select id="log-actor" name="vem" class="field__select">
                        <option value="" selected=query.actor.is_none()>{td!(i18n, admin_log.filter_all)}</option>
                        {actors.into_iter().map(|(id, name)| view! {
                            <option value=id.to_string() selected=query.actor == Some(id.0)>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field field--date">
                    <label for="log-from" class="field__label">{td!(i18n, admin_log.filter_from)}</label>
                    <input id="log-from" name="fran" type="date" class="field__input" value=query.from.clone().unwrap_or_default() />
                </div>
                <div class="field field--date">
                    <label for="log-to" class="field__label">{td!(i18n, admin_log.filter_to)}</label>
                    <input id="log-to" name="till" type="date" class="field__input" value=query.to.clone().unwrap_or_default() />
                </div>
                <button type="submit" class="button">{td!(i18n, admin_log.filter_submit)}</button>
            </form>
            {filtered.then(|| view! { <p><a href=ADMIN_LOG>{td!(i18n, admin_log.filter_clear)}</a></p> })}
            {invalid_from.then(|| view! { <p class="notice notice--warning">{td!(i18n, admin_log.invalid_from)}</p> })}
            {invalid_to.then(|| view! { <p class="notice notice--warning">{td!(i18n, admin_log.invalid_to)}</p> })}
        </section>

        <section aria-labelledby="log-entries-heading">
            <h2 id="log-entries-heading" class="visually-hidden">{td!(i18n, admin_log.title)}</h2>
            <p role="status">{td!(i18n, admin_log.count, count = move || format::count(total))}</p>
            <p>
                <a href=csv download="">{td!(i18n, admin_log.download)}</a>
                " "
                <span class="muted">{td!(i18n, admin_log.download_hint)}</span>
            </p>
            {if entries.is_empty() {
                view! { <p>{td!(i18n, admin_log.empty)}</p> }.into_any()
            } else {
                view! { <LogTable entries page page_count /> }.into_any()
            }}
            {(page_count > 1).then(|| view! {
                <nav class="pagination" aria-label=move || td_string!(i18n, admin_log.pagination).to_string()>
                    {(page > 1).then(|| view! { <a href=page_link(page - 1) rel="prev">{td!(i18n, admin_log.previous)}</a> })}
                    <span>{td!(i18n, admin_log.page_of, page = move || page, pages = move || page_count)}</span>
                    {(page < page_count).then(|| view! { <a href=page_link(page + 1) rel="next">{td!(i18n, admin_log.next)}</a> })}
                </nav>
            })}
        </section>
        <p><a href=ADMIN>{td!(i18n, admin_log.back_admin)}</a></p>
    }
}

#[component]
fn LogTable(entries: Vec<LogEntry>, page: usize, page_count: usize) -> impl IntoView {
    let i18n = locale();
    view! {
        <div class="table-scroll" role="region" aria-labelledby="log-caption" tabindex="0">
            <table class="table table--log">
                <caption id="log-caption">
                    {td!(i18n, admin_log.caption, page = move || page, pages = move || page_count)}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{td!(i18n, admin_log.col_when)}</th>
                        <th scope="col">{td!(i18n, admin_log.col_who)}</th>
                        <th scope="col">{td!(i18n, admin_log.col_what)}</th>
                        <th scope="col">{td!(i18n, admin_log.col_subject)}</th>
                        <th scope="col">{td!(i18n, admin_log.col_detail)}</th>
                        <th scope="col">{td!(i18n, admin_log.col_reason)}</th>
                    </tr>
                </thead>
                <tbody>
                    {entries.into_iter().map(|entry| {
                        let what = entry.action.map_or_else(|| entry.action_key.clone(), |action| action_label(i18n, action));
                        let round = entry.round.clone().map(|(id, name)| view! {
                            <li><a href=admin_round_path(id)>{name}</a></li>
                        });
                        view! {
                            <tr>
                                <td class="nowrap">{entry.when.clone()}</td>
                                <td>{entry.who.clone()}</td>
                                <td>{what}</td>
                                <td>
                                    <ul class="plain-list">
                                        {round}
                                        {entry.person.clone().map(|person| view! { <li>{person}</li> })}
                                        {entry.organisation.clone().map(|organisation| view! { <li>{organisation}</li> })}
                                    </ul>
                                </td>
                                <td class="answer-text">{entry.detail.clone().unwrap_or_default()}</td>
                                <td class="answer-text">{entry.reason.clone().unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
