//! Writing a reminder: which units (those not started, in draft or both; one administration
//! or all), how many it reaches, the subject and text with their placeholders explained,
//! and the round's earlier reminders. A GET form leads on to the review.

use super::{CannotSend, failure_notice, request_from_query, round_param, target_label};
use crate::api::reminders::{ReminderFormView, ReminderRequest, load_reminder_form};
use crate::components::error_notice::PageError;
use crate::components::text_counter::LimitedTextarea;
use crate::components::translations::locale;
use crate::domain::reminder::ReminderTarget;
use crate::domain::reminder_text::{BODY_MAX_CHARS, Placeholder, SUBJECT_MAX_CHARS};
use crate::format;
use crate::i18n::*;
use crate::routes::{reminder_path, reminder_review_path, reminder_status_path, round_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ReminderPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let query = use_query_map();
    let request = move || request_from_query(round_param(&params.read()), |name| query.read().get(name));
    let data = Resource::new(request, |(request, _)| {
        load_reminder_form(request.round_id, Some(request.target), request.administration)
    });
    view! {
        <Title text=td_string!(i18n, reminders.title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let (request, has_text) = request();
                match data.await {
                    Ok(form) => view! { <Compose form request has_text /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What a placeholder stands for.
fn placeholder_meaning(i18n: Locale, placeholder: Placeholder) -> String {
    match placeholder {
        Placeholder::Round => td_string!(i18n, reminders.placeholder_round),
        Placeholder::Deadline => td_string!(i18n, reminders.placeholder_deadline),
        Placeholder::Link => td_string!(i18n, reminders.placeholder_link),
        Placeholder::Unit => td_string!(i18n, reminders.placeholder_unit),
        Placeholder::Administration => td_string!(i18n, reminders.placeholder_administration),
        Placeholder::Name => td_string!(i18n, reminders.placeholder_name),
    }
    .to_string()
}

#[component]
fn Compose(form: ReminderFormView, request: ReminderRequest, has_text: bool) -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let failure = failure_notice(|name| query.read_untracked().get(name));
    let ReminderFormView {
        round,
        open,
        mail_configured,
        administrations,
        audience,
        default_subject,
        default_body,
        previous,
    } = form;
    let (subject, body) =
        if has_text { (request.subject.clone(), request.body.clone()) } else { (default_subject, default_body) };
    let round_line =
        td_string!(i18n, reminders.round_line, round = round.name.clone(), closes = round.closes_on.clone())
            .to_string();
    let audience_text = if audience.messages == 0 {
        td_string!(i18n, reminders.audience_none).to_string()
    } else {
        td_string!(
            i18n,
            reminders.audience,
            units = format::count(audience.units),
            messages = format::count(audience.messages),
            people = format::count(audience.people)
        )
        .to_string()
    };
    let without_manager = (audience.units_without_manager > 0).then(|| {
        let count = format::count(audience.units_without_manager);
        view! { <p class="notice notice--warning">{td!(i18n, reminders.without_manager, count = count)}</p> }
    });
    let can_send = open && mail_configured;
    view! {
        <h1>{td!(i18n, reminders.title)}</h1>
        <p class="muted">{round_line}</p>
        {failure}
        <CannotSend open mail_configured />
        <p class="intro">{td!(i18n, reminders.intro)}</p>

        <form method="get" action=reminder_review_path(round.id) class="reminder-form">
            <fieldset>
                <legend>{td!(i18n, reminders.recipients_legend)}</legend>
                <div class="filters">
                    <div class="field">
                        <label for="reminder-target" class="field__label">{td!(i18n, reminders.target_label)}</label>
                        <select id="reminder-target" name="status" class="field__select">
                            {ReminderTarget::ALL.into_iter().map(|target| view! {
                                <option value=target.key() selected=request.target == target>
                                    {move || target_label(i18n, target)}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="reminder-administration" class="field__label">
                            {td!(i18n, reminders.administration_label)}
                        </label>
                        <select id="reminder-administration" name="forvaltning" class="field__select">
                            <option value="" selected=request.administration.is_none()>
                                {td!(i18n, reminders.administration_all)}
                            </option>
                            {administrations.into_iter().map(|administration| view! {
                                <option
                                    value=administration.id.to_string()
                                    selected=request.administration == Some(administration.id)
                                >
                                    {administration.name}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button button--secondary" formaction=reminder_path(round.id)>
                        {td!(i18n, reminders.update_count)}
                    </button>
                </div>
                <p role="status">{audience_text}</p>
                {without_manager}
            </fieldset>

            <fieldset>
                <legend>{td!(i18n, reminders.message_legend)}</legend>
                <div class="field">
                    <label for="reminder-subject" class="field__label">{td!(i18n, reminders.subject_label)}</label>
                    <input
                        id="reminder-subject"
                        name="amne"
                        type="text"
                        class="field__input"
                        maxlength=SUBJECT_MAX_CHARS
                        required
                        value=subject
                    />
                </div>
                <LimitedTextarea
                    id="reminder-body".to_owned()
                    name="text".to_owned()
                    label=td_string!(i18n, reminders.body_label).to_string()
                    max=BODY_MAX_CHARS
                    value=body
                    required=true
                />
                <section class="placeholders" aria-labelledby="placeholders-heading">
                    <h2 id="placeholders-heading" class="placeholders__heading">
                        {td!(i18n, reminders.placeholders_heading)}
                    </h2>
                    <p>{td!(i18n, reminders.placeholders_intro)}</p>
                    <dl class="placeholders__list">
                        {Placeholder::ALL.into_iter().map(|placeholder| view! {
                            <dt><code>{placeholder.written()}</code></dt>
                            <dd>{move || placeholder_meaning(i18n, placeholder)}</dd>
                        }).collect_view()}
                    </dl>
                </section>
            </fieldset>
            {can_send.then(|| view! {
                <p><button type="submit" class="button">{td!(i18n, reminders.preview)}</button></p>
            })}
        </form>

        <section aria-labelledby="previous-heading">
            <h2 id="previous-heading">{td!(i18n, reminders.previous_heading)}</h2>
            {if previous.is_empty() {
                view! { <p>{td!(i18n, reminders.previous_none)}</p> }.into_any()
            } else {
                let round_id = round.id;
                view! {
                    <div class="table-scroll" role="region" aria-labelledby="previous-heading" tabindex="0">
                        <table class="table">
                            <caption class="visually-hidden">{td!(i18n, reminders.previous_caption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{td!(i18n, reminders.col_sent_at)}</th>
                                    <th scope="col">{td!(i18n, reminders.col_sent_by)}</th>
                                    <th scope="col">{td!(i18n, reminders.col_target)}</th>
                                    <th scope="col">{td!(i18n, reminders.col_progress)}</th>
                                    <th scope="col">{td!(i18n, reminders.col_failed)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {previous.into_iter().map(|reminder| {
                                    let scope = reminder
                                        .administration
                                        .unwrap_or_else(|| td_string!(i18n, reminders.all_administrations).to_string());
                                    let target = format!("{} ({scope})", target_label(i18n, reminder.target));
                                    let progress = format!(
                                        "{} / {}",
                                        format::count(reminder.counts.sent),
                                        format::count(reminder.counts.total())
                                    );
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                <a href=reminder_status_path(round_id, reminder.id)>{reminder.created_at}</a>
                                            </th>
                                            <td>{reminder.created_by}</td>
                                            <td>{target}</td>
                                            <td>{progress}</td>
                                            <td>{format::count(reminder.counts.failed)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        <p><a href=round_path(round.id)>{td!(i18n, reminders.back_to_progress)}</a></p>
    }
}
