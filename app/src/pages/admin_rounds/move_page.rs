//! `/admin/omgangar/:round/:step`: the confirmation of a step in a round's life. It says what
//! will happen and to how many units (those in the round's part of the tree on its date),
//! and asks for a reason (and a new closing date) where the step needs one.

use super::errors::{
    ErrorSummary, FieldMessage, OtherError, described_by, field_id, focus_summary_when_refused, invalid, problem_text,
    problems_signal,
};
use crate::api::admin_rounds::{MovePreview, MoveRound, load_round_move};
use crate::api::error::AppError;
use crate::components::error_notice::PageError;
use crate::components::text_counter::textarea_content;
use crate::components::translations::locale;
use crate::domain::ids::RoundId;
use crate::domain::raw_answers::FieldProblem;
use crate::domain::reason::REASON_MAX_CHARS;
use crate::domain::round_lifecycle::{Move, RoundField, RoundFieldError};
use crate::format;
use crate::i18n::*;
use crate::routes::{Notice, admin_round_path, with_notice};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

#[component]
pub fn RoundMovePage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let request = move || {
        let params = params.read();
        let round = RoundId(params.get("round").and_then(|id| id.parse().ok()).unwrap_or(0));
        (round, params.get("step").as_deref().and_then(Move::from_key))
    };
    let data = Resource::new(request, |(round, step)| async move {
        match step {
            Some(step) => load_round_move(round, step).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(preview) => view! { <Confirmation preview /> }.into_any(),
                    Err(error) => view! {
                        <Title text=td_string!(i18n, errors.title).to_string() />
                        <PageError error />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn title(i18n: Locale, step: Move) -> String {
    match step {
        Move::Open => td_string!(i18n, admin_rounds.confirm_title_open),
        Move::Close => td_string!(i18n, admin_rounds.confirm_title_close),
        Move::Publish => td_string!(i18n, admin_rounds.confirm_title_publish),
        Move::Reopen => td_string!(i18n, admin_rounds.confirm_title_reopen),
        Move::Withdraw => td_string!(i18n, admin_rounds.confirm_title_withdraw),
    }
    .to_string()
}

fn submit_label(i18n: Locale, step: Move) -> String {
    match step {
        Move::Open => td_string!(i18n, admin_rounds.confirm_submit_open),
        Move::Close => td_string!(i18n, admin_rounds.confirm_submit_close),
        Move::Publish => td_string!(i18n, admin_rounds.confirm_submit_publish),
        Move::Reopen => td_string!(i18n, admin_rounds.confirm_submit_reopen),
        Move::Withdraw => td_string!(i18n, admin_rounds.confirm_submit_withdraw),
    }
    .to_string()
}

/// What the step does, in as many sentences as it takes.
fn consequences(i18n: Locale, preview: &MovePreview) -> Vec<String> {
    let counts = preview.coverage;
    let units = format::count(counts.units);
    let mut sentences = match preview.step {
        Move::Open => vec![
            td_string!(
                i18n,
                admin_rounds.confirm_open,
                units = units,
                scope = preview.root.name.clone(),
                closes = preview.round.closes_on.clone()
            )
            .to_string(),
        ],
        Move::Close => vec![
            td_string!(
                i18n,
                admin_rounds.confirm_close,
                units = units,
                submitted = format::count(counts.submitted),
                drafts = format::count(counts.drafts),
                not_started = format::count(counts.not_started)
            )
            .to_string(),
            td_string!(i18n, admin_rounds.confirm_close_reopen).to_string(),
        ],
        Move::Publish => vec![
            td_string!(i18n, admin_rounds.confirm_publish, units = units, submitted = format::count(counts.submitted))
                .to_string(),
        ],
        Move::Reopen => vec![
            td_string!(
                i18n,
                admin_rounds.confirm_reopen,
                units = units,
                not_started_or_draft = format::count(counts.not_started + counts.drafts)
            )
            .to_string(),
        ],
        Move::Withdraw => vec![td_string!(i18n, admin_rounds.confirm_withdraw, units = units).to_string()],
    };
    if preview.freezes_framework {
        let version = format!("{} {}", preview.framework.name, preview.framework.label);
        sentences.push(td_string!(i18n, admin_rounds.confirm_open_freeze, version = version).to_string());
    }
    sentences
}

/// Why the step cannot be taken now, as sentences.
fn blocker_text(i18n: Locale, blocker: &RoundFieldError) -> String {
    match (blocker.field, &blocker.problem) {
        (RoundField::ClosesOn, FieldProblem::InThePast) => {
            td_string!(i18n, admin_rounds.problem_closes_in_the_past).to_string()
        }
        _ => problem_text(i18n, blocker),
    }
}

#[component]
fn Confirmation(preview: MovePreview) -> impl IntoView {
    let i18n = locale();
    let step = preview.step;
    let id = preview.round.id;
    let heading = format!("{}: {}", title(i18n, step), preview.round.name);
    let sentences = consequences(i18n, &preview);
    let blockers = preview.problems.clone();
    let form = if blockers.is_empty() {
        view! { <MoveForm id step closes_on=preview.round.closes_on.clone() /> }.into_any()
    } else {
        view! {
            <div class="notice notice--warning">
                <p>{td!(i18n, admin_rounds.confirm_blocked)}</p>
                <ul>{blockers.iter().map(|blocker| view! { <li>{blocker_text(i18n, blocker)}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any()
    };
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        <section aria-labelledby="what-heading">
            <h2 id="what-heading">{td!(i18n, admin_rounds.confirm_what)}</h2>
            {sentences.into_iter().map(|sentence| view! { <p class="intro">{sentence}</p> }).collect_view()}
        </section>
        {form}
        <p><a href=admin_round_path(id)>{td!(i18n, admin_rounds.cancel)}</a></p>
    }
}

#[component]
fn MoveForm(id: RoundId, step: Move, closes_on: String) -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let (reason, new_closing) = {
        let query = query.read_untracked();
        (
            query.get(RoundField::Reason.key()).unwrap_or_default(),
            query.get(RoundField::ClosesOn.key()).unwrap_or(closes_on),
        )
    };
    let action = ServerAction::<MoveRound>::new();
    let outcome = Signal::derive(move || action.value().get());
    let problems = problems_signal(outcome);
    focus_summary_when_refused(outcome);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            navigate(&with_notice(&admin_round_path(id), &Notice::Saved), Default::default());
        }
    });
    let closing_field = step.needs_new_closing_date().then(|| {
        let field = RoundField::ClosesOn;
        let hint = format!("{}-hint", field_id(field));
        view! {
            <div class="field">
                <label for=field_id(field) class="field__label">{td!(i18n, admin_rounds.confirm_new_closing)}</label>
                <p id=hint.clone() class="field__hint">{td!(i18n, admin_rounds.date_hint)}</p>
                <FieldMessage field problems />
                <input
                    id=field_id(field)
                    name=field.key()
                    type="date"
                    class="field__input field__input--date"
                    value=new_closing
                    aria-describedby=described_by(field, Some(hint), problems)
                    aria-invalid=invalid(field, problems)
                />
            </div>
        }
    });
    let reason_field = step.needs_reason().then(|| {
        let field = RoundField::Reason;
        let hint = format!("{}-hint", field_id(field));
        view! {
            <div class="field">
                <label for=field_id(field) class="field__label">{td!(i18n, admin_rounds.field_reason)}</label>
                <p id=hint.clone() class="field__hint">
                    {td!(i18n, admin_rounds.confirm_reason_hint)}
                    " "
                    {td!(i18n, assessment.chars_max, max = move || format::count(REASON_MAX_CHARS))}
                </p>
                <FieldMessage field problems />
                <textarea
                    id=field_id(field)
                    name=field.key()
                    class="field__textarea"
                    rows="4"
                    aria-describedby=described_by(field, Some(hint), problems)
                    aria-invalid=invalid(field, problems)
                >
                    {textarea_content(&reason)}
                </textarea>
            </div>
        }
    });
    view! {
        <OtherError value=outcome />
        <ErrorSummary problems />
        <ActionForm action>
            <input type="hidden" name="omgang" value=id.to_string() />
            <input type="hidden" name="steg" value=step.key() />
            {closing_field}
            {reason_field}
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {submit_label(i18n, step)}
                </button>
            </div>
        </ActionForm>
    }
}
