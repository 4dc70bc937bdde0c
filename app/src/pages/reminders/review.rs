//! Reviewing a reminder before it goes: whom it reaches, the message to the first
//! recipient exactly as it will be sent, and the confirmation. The confirmation form
//! carries the text and a key made when this page was rendered, so posting it twice (a
//! double click, a reload, a retry) sends the reminder once.

use super::{CannotSend, failure_notice, request_from_query, request_query, round_param, target_label};
use crate::api::error::AppError;
use crate::api::reminders::{
    BODY_FIELD, ReminderPreview, ReminderRequest, SUBJECT_FIELD, SendReminder, load_reminder_preview,
};
use crate::components::error_notice::{ErrorNotice, PageError, field_problem_message};
use crate::components::translations::locale;
use crate::format;
use crate::i18n::*;
use crate::routes::{address, reminder_path, reminder_status_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

#[component]
pub fn ReminderReviewPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let query = use_query_map();
    let request = move || request_from_query(round_param(&params.read()), |name| query.read().get(name)).0;
    let data = Resource::new(request, load_reminder_preview);
    view! {
        <Title text=td_string!(i18n, reminders.review_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let request = request();
                match data.await {
                    Ok(preview) => view! { <Review preview request /> }.into_any(),
                    Err(AppError::Invalid { fields, .. }) => view! { <TextProblems fields request /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The text cannot be sent as it is: what is wrong, and the way back to change it.
#[component]
fn TextProblems(fields: Vec<crate::domain::raw_answers::FieldError>, request: ReminderRequest) -> impl IntoView {
    let i18n = locale();
    let back = address(&reminder_path(request.round_id), &request_query(&request));
    view! {
        <h1>{td!(i18n, reminders.review_title)}</h1>
        <div class="notice notice--error" role="alert">
            <p>{td!(i18n, reminders.text_problems)}</p>
            <ul>
                {fields.into_iter().map(|field| {
                    let problem = field_problem_message(i18n, &field);
                    let text = match field.group.as_str() {
                        SUBJECT_FIELD => td_string!(i18n, reminders.problem_subject, problem = problem).to_string(),
                        BODY_FIELD => td_string!(i18n, reminders.problem_body, problem = problem).to_string(),
                        _ => td_string!(i18n, reminders.problem_recipients).to_string(),
                    };
                    view! { <li>{text}</li> }
                }).collect_view()}
            </ul>
        </div>
        <p><a href=back>{td!(i18n, reminders.edit)}</a></p>
    }
}

#[component]
fn Review(preview: ReminderPreview, request: ReminderRequest) -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let failure = failure_notice(|name| query.read_untracked().get(name));
    let ReminderPreview {
        round,
        open,
        mail_configured,
        administration,
        audience,
        first,
        unknown_placeholders,
        confirmation_key,
    } = preview;
    let back = address(&reminder_path(round.id), &request_query(&request));
    let round_line =
        td_string!(i18n, reminders.round_line, round = round.name.clone(), closes = round.closes_on.clone())
            .to_string();
    let messages = format::count(audience.messages);
    let summary = {
        let scope = administration.unwrap_or_else(|| td_string!(i18n, reminders.all_administrations).to_string());
        td_string!(
            i18n,
            reminders.review_summary,
            messages = messages.clone(),
            people = format::count(audience.people),
            units = format::count(audience.units),
            target = target_label(i18n, request.target),
            scope = scope
        )
        .to_string()
    };
    let without_manager = (audience.units_without_manager > 0).then(|| {
        let count = format::count(audience.units_without_manager);
        view! { <p class="notice notice--warning">{td!(i18n, reminders.without_manager, count = count)}</p> }
    });
    let unknown = (!unknown_placeholders.is_empty()).then(|| {
        let words = unknown_placeholders.join(", ");
        view! { <p class="notice notice--warning">{td!(i18n, reminders.unknown_placeholders, words = words)}</p> }
    });
    let can_send = open && mail_configured && first.is_some();
    let preview = first.map(|message| {
        let to = format!("{} <{}>", message.to_name, message.to_address);
        view! {
            <section aria-labelledby="preview-heading">
                <h2 id="preview-heading">{td!(i18n, reminders.preview_heading)}</h2>
                <dl class="message-facts">
                    <dt>{td!(i18n, reminders.preview_to)}</dt>
                    <dd>{to}</dd>
                    <dt>{td!(i18n, reminders.preview_unit)}</dt>
                    <dd>{message.unit}</dd>
                    <dt>{td!(i18n, reminders.preview_subject)}</dt>
                    <dd>{message.subject}</dd>
                </dl>
                <p class="message-facts__label">{td!(i18n, reminders.preview_body)}</p>
                <pre class="message-preview">{message.body}</pre>
            </section>
        }
    });
    view! {
        <h1>{td!(i18n, reminders.review_title)}</h1>
        <p class="muted">{round_line}</p>
        {failure}
        <CannotSend open mail_configured />
        {if audience.messages == 0 {
            view! { <p class="notice notice--warning">{td!(i18n, reminders.audience_none)}</p> }.into_any()
        } else {
            view! { <p>{summary}</p> }.into_any()
        }}
        {without_manager}
        {unknown}
        {preview}
        {can_send.then(|| view! { <Confirm request key=confirmation_key messages /> })}
        <p><a href=back>{td!(i18n, reminders.edit)}</a></p>
    }
}

/// The confirmation: the text and the filter as hidden fields, and the key.
#[component]
fn Confirm(request: ReminderRequest, key: String, messages: String) -> impl IntoView {
    let i18n = locale();
    let send = ServerAction::<SendReminder>::new();
    let round = request.round_id;
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(reminder)) = send.value().get() {
            navigate(&reminder_status_path(round, reminder), Default::default());
        }
    });
    let error = move || send.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> });
    let confirm_intro = td_string!(i18n, reminders.confirm_intro, messages = messages.clone()).to_string();
    let confirm = td_string!(i18n, reminders.confirm, messages = messages).to_string();
    view! {
        <section aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{td!(i18n, reminders.confirm_heading)}</h2>
            <p>{confirm_intro}</p>
            {error}
            <ActionForm action=send>
                <input type="hidden" name="request[round_id]" value=request.round_id.to_string() />
                <input type="hidden" name="request[target]" value=request.target.key() />
                {request.administration.map(|administration| view! {
                    <input type="hidden" name="request[administration]" value=administration.to_string() />
                })}
                <input type="hidden" name="request[subject]" value=request.subject />
                <input type="hidden" name="request[body]" value=request.body />
                <input type="hidden" name="key" value=key />
                <button type="submit" class="button" disabled=move || send.pending().get()>
                    {move || if send.pending().get() { td_string!(i18n, reminders.sending).to_string() } else { confirm.clone() }}
                </button>
            </ActionForm>
        </section>
    }
}
