//! A sent reminder: who sent it, when, to which units, with which text; how far the
//! sending has come ("412 av 2 000 skickade, 3 misslyckades"), following the sending in
//! place with script (the island `DeliveryProgress`, which loads the page again once it is
//! done) and with a refresh link without; the failed messages sent again on request; and
//! every message with its status, when it was sent and any error.

use super::{delivery_label, round_param, target_label};
use crate::api::reminders::{ReminderStatusView, RetryReminder, load_reminder_status};
use crate::components::error_notice::{ErrorNotice, PageError};
use crate::components::translations::locale;
use crate::domain::ids::{ReminderId, RoundId};
use crate::domain::reminder::{DeliveryCounts, DeliveryStatus};
use crate::format;
use crate::i18n::*;
use crate::routes::{address, reminder_path, reminder_status_path, round_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::time::Duration;

/// How often the page asks for news while the reminder is being sent (with script).
const REFRESH_EVERY: Duration = Duration::from_secs(2);

#[component]
pub fn ReminderStatusPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let query = use_query_map();
    let request = move || {
        let params = params.read();
        let reminder = ReminderId(params.get("reminder").and_then(|id| id.parse().ok()).unwrap_or(0));
        let query = query.read();
        let status = query.get("status").and_then(|key| DeliveryStatus::from_key(&key));
        let page = query.get("sida").and_then(|page| page.parse().ok());
        (round_param(&params), reminder, status, page)
    };
    let data =
        Resource::new(request, |(round, reminder, status, page)| load_reminder_status(round, reminder, status, page));
    view! {
        <Title text=td_string!(i18n, reminders.status_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <Status view /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Status(view: ReminderStatusView) -> impl IntoView {
    let i18n = locale();
    let ReminderStatusView {
        round,
        id,
        created_at,
        created_by,
        target,
        administration,
        subject,
        body,
        units: _,
        units_without_manager,
        counts,
        may_retry,
        mail_configured,
        filter,
        recipients,
        filtered_total,
        page,
        page_count,
    } = view;
    let here = reminder_status_path(round.id, id);
    let scope = administration.unwrap_or_else(|| td_string!(i18n, reminders.all_administrations).to_string());
    let page_link = {
        let here = here.clone();
        move |page: usize| {
            let query = match filter {
                Some(status) => format!("status={}&sida={page}", status.key()),
                None => format!("sida={page}"),
            };
            address(&here, &query)
        }
    };
    let without_manager = (units_without_manager > 0).then(|| {
        let count = format::count(units_without_manager);
        view! { <p class="notice notice--warning">{td!(i18n, reminders.without_manager, count = count)}</p> }
    });
    view! {
        <h1>{td!(i18n, reminders.sent_heading, time = created_at.clone())}</h1>
        <p class="muted">{round.name.clone()}</p>
        {(!mail_configured && !counts.finished()).then(|| view! {
            <p class="notice notice--error" role="alert">{td!(i18n, reminders.mail_not_configured)}</p>
        })}
        <dl class="message-facts">
            <dt>{td!(i18n, reminders.facts_sent_by)}</dt>
            <dd>{created_by}</dd>
            <dt>{td!(i18n, reminders.facts_sent_at)}</dt>
            <dd>{created_at}</dd>
            <dt>{td!(i18n, reminders.facts_target)}</dt>
            <dd>{move || target_label(i18n, target)}</dd>
            <dt>{td!(i18n, reminders.facts_scope)}</dt>
            <dd>{scope}</dd>
            <dt>{td!(i18n, reminders.facts_subject)}</dt>
            <dd>{subject}</dd>
        </dl>
        <details class="text-as-written">
            <summary>{td!(i18n, reminders.text_as_written)}</summary>
            <pre class="message-preview">{body}</pre>
        </details>

        <section aria-labelledby="delivery-heading">
            <h2 id="delivery-heading">{td!(i18n, reminders.delivery_heading)}</h2>
            <DeliveryProgress round=round.id reminder=id counts here=here.clone() />
            {without_manager}
            {may_retry.then(|| view! { <Retry view_round=round.id reminder=id failed=counts.failed /> })}
        </section>

        <section aria-labelledby="recipients-heading">
            <h2 id="recipients-heading">{td!(i18n, reminders.recipients_heading)}</h2>
            <form method="get" action=here.clone() class="filters">
                <div class="field">
                    <label for="recipients-status" class="field__label">{td!(i18n, reminders.recipients_filter)}</label>
                    <select id="recipients-status" name="status" class="field__select">
                        <option value="" selected=filter.is_none()>{td!(i18n, reminders.recipients_filter_all)}</option>
                        {DeliveryStatus::ALL.into_iter().map(|status| view! {
                            <option value=status.key() selected=filter == Some(status)>
                                {move || delivery_label(i18n, status)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button">{td!(i18n, reminders.recipients_filter_submit)}</button>
            </form>
            <p>{td!(i18n, reminders.recipients_count, count = move || format::count(filtered_total))}</p>
            {(!recipients.is_empty()).then(|| view! {
                <div class="table-scroll" role="region" aria-labelledby="recipients-heading" tabindex="0">
                    <table class="table">
                        <caption class="visually-hidden">
                            {td!(i18n, reminders.recipients_caption, page = move || page, pages = move || page_count)}
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">{td!(i18n, reminders.col_unit)}</th>
                                <th scope="col">{td!(i18n, reminders.col_recipient)}</th>
                                <th scope="col">{td!(i18n, reminders.col_address)}</th>
                                <th scope="col">{td!(i18n, reminders.col_status)}</th>
                                <th scope="col">{td!(i18n, reminders.col_sent)}</th>
                                <th scope="col">{td!(i18n, reminders.col_error)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {recipients.into_iter().map(|line| {
                                let status = line.status;
                                view! {
                                    <tr>
                                        <th scope="row">{line.unit}</th>
                                        <td>{line.name}</td>
                                        <td>{line.address}</td>
                                        <td>{move || delivery_label(i18n, status)}</td>
                                        <td>{line.sent_at.unwrap_or_default()}</td>
                                        <td>{line.error.unwrap_or_default()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            {(page_count > 1).then(|| view! {
                <nav class="pagination" aria-label=move || td_string!(i18n, progress.pagination).to_string()>
                    {(page > 1).then(|| view! { <a href=page_link(page - 1) rel="prev">{td!(i18n, progress.previous)}</a> })}
                    <span>{td!(i18n, progress.page_of, page = move || page, pages = move || page_count)}</span>
                    {(page < page_count).then(|| view! { <a href=page_link(page + 1) rel="next">{td!(i18n, progress.next)}</a> })}
                </nav>
            })}
        </section>
        <p>
            <a href=reminder_path(round.id)>{td!(i18n, reminders.new_reminder)}</a>
            " · "
            <a href=round_path(round.id)>{td!(i18n, reminders.back_to_progress)}</a>
        </p>
    }
}

/// Sending the failed messages again.
#[component]
fn Retry(view_round: RoundId, reminder: ReminderId, failed: usize) -> impl IntoView {
    let i18n = locale();
    let retry = ServerAction::<RetryReminder>::new();
    let error = move || retry.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> });
    let label = td_string!(i18n, reminders.retry, count = format::count(failed)).to_string();
    view! {
        <p>{td!(i18n, reminders.retry_intro)}</p>
        {error}
        <ActionForm action=retry>
            <input type="hidden" name="round_id" value=view_round.to_string() />
            <input type="hidden" name="reminder_id" value=reminder.to_string() />
            <button type="submit" class="button" disabled=move || retry.pending().get()>{label}</button>
        </ActionForm>
    }
}

/// How far the sending has come: a line and a bar, and while messages wait, a link that
/// loads the page again (`here`). With script, the counts are asked for every little while
/// and shown in place (the line is a polite live region); once the sending is done the page
/// is loaded again, for the messages' final status.
#[island]
fn DeliveryProgress(round: RoundId, reminder: ReminderId, counts: DeliveryCounts, here: String) -> impl IntoView {
    let i18n = locale();
    let counts = RwSignal::new(counts);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| {
        hydrated.set(true);
        if !counts.get_untracked().finished() {
            ask_again(round, reminder, counts);
        }
    });
    let text = move || {
        let counts = counts.get();
        let (done, total, failed) =
            (format::count(counts.sent), format::count(counts.total()), format::count(counts.failed));
        if counts.finished() {
            td_string!(i18n, reminders.delivery_finished, done = done, total = total, failed = failed).to_string()
        } else {
            td_string!(i18n, reminders.delivery_progress, done = done, total = total, failed = failed).to_string()
        }
    };
    let sending = !counts.get_untracked().finished();
    view! {
        <p role="status" id="delivery-progress">{text}</p>
        <progress
            max=move || counts.get().total().max(1)
            value=move || { let counts = counts.get(); counts.sent + counts.failed }
            aria-label=td_string!(i18n, reminders.delivery_bar).to_string()
            aria-describedby="delivery-progress"
        ></progress>
        {sending.then(|| view! {
            <p>
                <a href=here>{td!(i18n, reminders.refresh)}</a>
                <span class="muted" hidden=move || !hydrated.get()>" "{td!(i18n, reminders.refreshes_itself)}</span>
            </p>
        })}
    }
}

/// In a moment, asks for the reminder's counts and shows them; again while messages wait,
/// and the page loaded again once none do (or when asking fails: the page then says why).
fn ask_again(round: RoundId, reminder: ReminderId, counts: RwSignal<DeliveryCounts>) {
    set_timeout(
        move || {
            leptos::task::spawn_local(async move {
                match load_reminder_status(round, reminder, None, None).await {
                    Ok(view) if !view.counts.finished() => {
                        counts.set(view.counts);
                        ask_again(round, reminder, counts);
                    }
                    _ => {
                        let _ = window().location().reload();
                    }
                }
            });
        },
        REFRESH_EVERY,
    );
}
