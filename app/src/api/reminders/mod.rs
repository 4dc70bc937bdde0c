//! Reminders by e-mail to the managers of units that have not submitted (the quality
//! department, open rounds): write the text, preview it with the number of recipients,
//! confirm once (a key carried by the confirmation form makes a double click or a retried
//! post find the same reminder), follow the sending, and try failed messages again.

#[cfg(feature = "ssr")]
pub mod audience;
#[cfg(feature = "ssr")]
pub mod sending;
mod types;

pub use types::{
    AdministrationOption, AudienceSummary, PreviewMessage, RecipientLine, ReminderFormView, ReminderPreview,
    ReminderRequest, ReminderStatusView, ReminderSummary,
};

use crate::api::error::AppError;
use crate::domain::ids::{NodeId, ReminderId, RoundId};
use crate::domain::reminder::{DeliveryStatus, ReminderTarget};
use leptos::prelude::*;

/// Messages shown per page of a reminder's recipients.
pub const RECIPIENTS_PAGE_SIZE: usize = 100;

/// The form field group of a problem with the subject or the body.
pub const SUBJECT_FIELD: &str = "subject";
pub const BODY_FIELD: &str = "body";
/// The form field group of "nobody would get this reminder".
pub const RECIPIENTS_FIELD: &str = "recipients";

/// The page where a reminder of the round is written: whom the filter reaches, the default
/// text and the round's earlier reminders.
#[server(endpoint = "reminder_form")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_reminder_form(
    round_id: RoundId,
    target: Option<ReminderTarget>,
    administration: Option<NodeId>,
) -> Result<ReminderFormView, AppError> {
    use crate::api::context::{caller, state};
    use crate::db::{self, clock};
    use crate::domain::reminder::round_takes_reminders;
    use crate::i18n::{Locale, td_string};

    let caller = caller().await?;
    let state = state()?;
    let planned = audience::plan(&state.pool, &caller, round_id, target.unwrap_or_default(), administration).await?;
    let on = planned.round.tree_date(clock::today());
    let mut previous = Vec::new();
    for (reminder, counts) in db::reminders::for_round(&state.pool, round_id).await? {
        let administration = match reminder.administration {
            Some(node) => db::org::node_at(&state.pool, node, on).await?.map(|node| node.name),
            None => None,
        };
        previous.push(ReminderSummary {
            id: reminder.id,
            created_at: clock::local_minute(reminder.created_at),
            created_by: reminder.created_by_name,
            target: reminder.target,
            administration,
            counts,
        });
    }
    Ok(ReminderFormView {
        round: (&planned.round).into(),
        open: round_takes_reminders(planned.round.status),
        mail_configured: state.mailer.is_configured(),
        administrations: planned.administrations.clone(),
        audience: planned.summary(),
        default_subject: td_string!(Locale::sv, reminders.default_subject).to_string(),
        default_body: td_string!(Locale::sv, reminders.default_body).to_string(),
        previous,
    })
}

/// The text's problems as form field errors.
#[cfg(feature = "ssr")]
fn checked_text(request: &ReminderRequest) -> Result<crate::domain::reminder_text::ReminderText, AppError> {
    use crate::domain::raw_answers::FieldError;
    use crate::domain::reminder_text::{TextPart, checked_text};

    checked_text(&request.subject, &request.body).map_err(|problems| AppError::Invalid {
        fields: problems
            .into_iter()
            .map(|(part, problem)| {
                let group = match part {
                    TextPart::Subject => SUBJECT_FIELD,
                    TextPart::Body => BODY_FIELD,
                };
                FieldError { group: group.to_owned(), key: String::new(), problem }
            })
            .collect(),
        saved_version: None,
    })
}

/// The confirmation page: the message to the first recipient as it will be sent, how many
/// will get one, and a new key for the confirmation.
#[server(endpoint = "reminder_preview")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_reminder_preview(request: ReminderRequest) -> Result<ReminderPreview, AppError> {
    use crate::api::context::{caller, state};
    use crate::domain::reminder::round_takes_reminders;
    use crate::domain::reminder_text::unknown_placeholders;

    let caller = caller().await?;
    let state = state()?;
    let planned =
        audience::plan(&state.pool, &caller, request.round_id, request.target, request.administration).await?;
    let text = checked_text(&request)?;
    let first = planned.audience.messages.first().map(|(unit, manager)| {
        audience::message(&planned.round, &state.public_base_url(), &text, unit, manager).into()
    });
    let mut unknown = unknown_placeholders(&text.subject);
    unknown.extend(
        unknown_placeholders(&text.body).into_iter().filter(|word| !unknown.contains(word)).collect::<Vec<_>>(),
    );
    Ok(ReminderPreview {
        round: (&planned.round).into(),
        open: round_takes_reminders(planned.round.status),
        mail_configured: state.mailer.is_configured(),
        administration: planned.administration_name(request.administration),
        audience: planned.summary(),
        first,
        unknown_placeholders: unknown,
        confirmation_key: uuid::Uuid::new_v4().to_string(),
    })
}

/// Sends the reminder: made once per confirmation `key` (a retried or double post finds
/// the one already made and sends nothing more), with one message per unit and manager,
/// logged, then sent in the background. Without JavaScript the browser goes on to the
/// reminder's page.
#[server(endpoint = "send_reminder")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn send_reminder(request: ReminderRequest, key: String) -> Result<ReminderId, AppError> {
    use crate::api::context::{caller, redirect_plain_form, request_id, state};
    use crate::db::admin_log::{AdminEntry, append};
    use crate::db::audit::ChangeContext;
    use crate::db::reminders::{NewReminder, find_by_key, insert};
    use crate::db::{self, clock};
    use crate::domain::admin_action::AdminAction;
    use crate::domain::raw_answers::{FieldError, FieldProblem};
    use crate::domain::reminder::round_takes_reminders;
    use crate::i18n::{Locale, td_string};
    use crate::routes::reminder_status_path;

    let caller = caller().await?;
    let state = state()?;
    let key = uuid::Uuid::parse_str(key.trim()).map_err(|_| AppError::BadRequest)?.to_string();
    let planned =
        audience::plan(&state.pool, &caller, request.round_id, request.target, request.administration).await?;
    let done = |reminder: ReminderId| {
        redirect_plain_form(&reminder_status_path(request.round_id, reminder));
        Ok(reminder)
    };

    let mut conn = state.pool.acquire().await?;
    if let Some((reminder, round)) = find_by_key(&mut conn, &key).await? {
        drop(conn);
        if round != request.round_id {
            return Err(AppError::BadRequest);
        }
        tracing::info!(user = %caller.id, %reminder, "reminder confirmed again: nothing more is sent");
        return done(reminder);
    }
    drop(conn);
    if !state.mailer.is_configured() {
        return Err(AppError::MailNotConfigured);
    }
    if !round_takes_reminders(planned.round.status) {
        return Err(AppError::ReadOnly);
    }
    let text = checked_text(&request)?;
    if planned.audience.messages.is_empty() {
        return Err(AppError::Invalid {
            fields: vec![FieldError {
                group: RECIPIENTS_FIELD.to_owned(),
                key: String::new(),
                problem: FieldProblem::Missing,
            }],
            saved_version: None,
        });
    }
    let base_url = state.public_base_url();
    let messages: Vec<_> = planned
        .audience
        .messages
        .iter()
        .map(|(unit, manager)| audience::message(&planned.round, &base_url, &text, unit, manager))
        .collect();

    let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
    let mut tx = db::pool::begin_write(&state.pool).await?;
    // Two posts of one confirmation at the same moment: the second finds the first's here.
    if let Some((reminder, _)) = find_by_key(&mut tx, &key).await? {
        return done(reminder);
    }
    let new = NewReminder {
        idempotency_key: &key,
        round: planned.round.id,
        target: request.target,
        administration: request.administration,
        subject: &text.subject,
        body: &text.body,
        units: planned.audience.units,
        units_without_manager: planned.audience.units_without_manager.len(),
    };
    let reminder = insert(&mut tx, &context, &new, &messages).await?;
    let detail = td_string!(Locale::sv, reminders.log_detail, id = reminder.0, count = messages.len()).to_string();
    let entry = AdminEntry {
        round: Some(planned.round.id),
        node: request.administration,
        detail: Some(&detail),
        ..AdminEntry::of(AdminAction::ReminderSent)
    };
    append(&mut tx, &context, &[entry]).await?;
    tx.commit().await?;
    tracing::info!(user = %caller.id, %reminder, messages = messages.len(), "reminder created");
    sending::spawn(state.pool.clone(), state.mailer.clone(), reminder);
    done(reminder)
}

/// A reminder's page: who sent it and when, how far the sending has come, and one page of
/// its messages (all, or those at `status`).
#[server(endpoint = "reminder_status")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_reminder_status(
    round_id: RoundId,
    reminder_id: ReminderId,
    status: Option<DeliveryStatus>,
    page: Option<usize>,
) -> Result<ReminderStatusView, AppError> {
    use crate::api::context::{caller, state};
    use crate::db::{self, clock};
    use crate::domain::reminder::round_takes_reminders;

    let caller = caller().await?;
    let state = state()?;
    let (round, reminder) = visible_reminder(&state.pool, &caller, round_id, reminder_id).await?;
    let counts = db::reminders::counts(&state.pool, reminder.id).await?;
    let (_, filtered_total) = db::reminders::recipients(&state.pool, reminder.id, status, 0, 0).await?;
    let page_count = filtered_total.div_ceil(RECIPIENTS_PAGE_SIZE).max(1);
    let page = page.unwrap_or(1).clamp(1, page_count);
    let (records, _) = db::reminders::recipients(
        &state.pool,
        reminder.id,
        status,
        (page - 1) * RECIPIENTS_PAGE_SIZE,
        RECIPIENTS_PAGE_SIZE,
    )
    .await?;
    let administration = match reminder.administration {
        Some(node) => db::org::node_at(&state.pool, node, round.tree_date(clock::today())).await?.map(|node| node.name),
        None => None,
    };
    let mail_configured = state.mailer.is_configured();
    Ok(ReminderStatusView {
        round: (&round).into(),
        id: reminder.id,
        created_at: clock::local_minute(reminder.created_at),
        created_by: reminder.created_by_name,
        target: reminder.target,
        administration,
        subject: reminder.subject,
        body: reminder.body,
        units: reminder.units,
        units_without_manager: reminder.units_without_manager,
        counts,
        may_retry: counts.may_retry() && mail_configured && round_takes_reminders(round.status),
        mail_configured,
        filter: status,
        recipients: records
            .into_iter()
            .map(|record| RecipientLine {
                unit: record.unit_name,
                name: record.name,
                address: record.address,
                status: record.status,
                sent_at: record.sent_at.map(clock::local_minute),
                error: record.error,
            })
            .collect(),
        filtered_total,
        page,
        page_count,
    })
}

/// The reminder of the round, if the caller may remind the round's units.
#[cfg(feature = "ssr")]
async fn visible_reminder(
    pool: &crate::db::Pool,
    caller: &crate::api::context::Caller,
    round_id: RoundId,
    reminder_id: ReminderId,
) -> Result<(crate::db::rounds::Round, crate::db::reminders::ReminderRecord), AppError> {
    use crate::api::access::visible_round;
    use crate::db::{self, clock};
    use crate::domain::rights::{Permission, may};

    let round = visible_round(pool, caller, round_id).await?;
    let on = round.tree_date(clock::today());
    let reminder = db::reminders::get(pool, reminder_id).await?.filter(|reminder| reminder.round == round.id);
    // A reminder is over the round's tree or one administration of it: those who may remind
    // there see it, and so does whoever sent it.
    let scope = reminder.as_ref().and_then(|reminder| reminder.administration).unwrap_or(round.root);
    let scope_path = db::org::path_to(pool, scope, on).await?;
    let sender = reminder.as_ref().is_some_and(|reminder| reminder.created_by == caller.id);
    if !sender && !may(&caller.grants, Permission::SendReminders, &scope_path) {
        return Err(AppError::Forbidden);
    }
    Ok((round, reminder.ok_or(AppError::NotFound)?))
}

/// Sends the reminder's failed messages again (after the sending has finished). Without
/// JavaScript the browser goes back to the reminder's page.
#[server(endpoint = "retry_reminder")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn retry_reminder(round_id: RoundId, reminder_id: ReminderId) -> Result<u64, AppError> {
    use crate::api::context::{caller, redirect_plain_form, request_id, state};
    use crate::db::admin_log::{AdminEntry, append};
    use crate::db::audit::ChangeContext;
    use crate::db::{self, clock};
    use crate::domain::admin_action::AdminAction;
    use crate::domain::reminder::round_takes_reminders;
    use crate::i18n::{Locale, td_string};
    use crate::routes::reminder_status_path;

    let caller = caller().await?;
    let state = state()?;
    let (round, reminder) = visible_reminder(&state.pool, &caller, round_id, reminder_id).await?;
    if !state.mailer.is_configured() {
        return Err(AppError::MailNotConfigured);
    }
    if !round_takes_reminders(round.status) {
        return Err(AppError::ReadOnly);
    }
    let counts = db::reminders::counts(&state.pool, reminder.id).await?;
    let page = reminder_status_path(round_id, reminder.id);
    if !counts.may_retry() {
        // Nothing failed, or the sending is still under way: nothing to do.
        redirect_plain_form(&page);
        return Ok(0);
    }
    let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
    let mut tx = db::pool::begin_write(&state.pool).await?;
    let again = db::reminders::retry_failed(&mut tx, reminder.id).await?;
    if again > 0 {
        let detail = td_string!(Locale::sv, reminders.log_retry_detail, id = reminder.id.0, count = again).to_string();
        let entry = AdminEntry {
            round: Some(round.id),
            node: reminder.administration,
            detail: Some(&detail),
            ..AdminEntry::of(AdminAction::ReminderSent)
        };
        append(&mut tx, &context, &[entry]).await?;
    }
    tx.commit().await?;
    tracing::info!(user = %caller.id, reminder = %reminder.id, again, "failed reminder messages sent again");
    sending::spawn(state.pool.clone(), state.mailer.clone(), reminder.id);
    redirect_plain_form(&page);
    Ok(again)
}
