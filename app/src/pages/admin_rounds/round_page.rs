//! `/admin/omgangar/:round`: a round's facts and response rate, the steps it can take, its
//! details to edit while it is a draft and its closing date to change while it is open.

use super::errors::{
    ErrorSummary, FieldMessage, OtherError, described_by, field_id, focus_summary_when_refused, invalid,
    problems_signal,
};
use super::round_fields::RoundFields;
use super::{RoundStatusBadge, response_rate};
use crate::api::admin_rounds::{
    AdminRound, ChangeRoundClosingDate, EditRound, RoundFormOptions, SEARCH_KEY, load_admin_round,
    load_round_form_options, raw_round_from_params,
};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::round::RoundStatus;
use crate::domain::round_lifecycle::{Move, RawRound, RoundField, parse_id};
use crate::format;
use crate::i18n::*;
use crate::routes::{
    ADMIN, ADMIN_ROUNDS, Notice, admin_log_of_round, admin_round_move_path, admin_round_path, round_path, with_notice,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_navigate, use_params_map, use_query_map};

#[component]
pub fn AdminRoundPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let query = use_query_map();
    let search = use_location().search;
    let round_id = move || RoundId(params.read().get("round").and_then(|id| id.parse().ok()).unwrap_or(0));
    // Read again whenever the address changes (a step taken or a change saved comes back to
    // this page with a notice).
    let data = Resource::new(move || (round_id(), search.get()), |(id, _)| load_admin_round(id));
    let options = Resource::new(
        move || {
            let query = query.read();
            let chosen = query.get(RoundField::Root.key()).and_then(|id| parse_id(&id)).map(NodeId);
            (round_id(), query.get(SEARCH_KEY), chosen)
        },
        |(_, search, chosen)| load_round_form_options(search, chosen),
    );
    view! {
        <Title text=td_string!(i18n, admin_rounds.list_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(round) if round.details_editable => match options.await {
                        Ok(options) => view! { <RoundView round options=Some(options) /> }.into_any(),
                        Err(error) => view! { <PageError error /> }.into_any(),
                    },
                    Ok(round) => view! { <RoundView round options=None /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The label and hint of a step.
pub fn move_label(i18n: Locale, step: Move) -> String {
    match step {
        Move::Open => td_string!(i18n, admin_rounds.move_open),
        Move::Close => td_string!(i18n, admin_rounds.move_close),
        Move::Publish => td_string!(i18n, admin_rounds.move_publish),
        Move::Reopen => td_string!(i18n, admin_rounds.move_reopen),
        Move::Withdraw => td_string!(i18n, admin_rounds.move_withdraw),
    }
    .to_string()
}

fn move_hint(i18n: Locale, step: Move) -> String {
    match step {
        Move::Open => td_string!(i18n, admin_rounds.move_open_hint),
        Move::Close => td_string!(i18n, admin_rounds.move_close_hint),
        Move::Publish => td_string!(i18n, admin_rounds.move_publish_hint),
        Move::Reopen => td_string!(i18n, admin_rounds.move_reopen_hint),
        Move::Withdraw => td_string!(i18n, admin_rounds.move_withdraw_hint),
    }
    .to_string()
}

#[component]
fn RoundView(round: AdminRound, options: Option<RoundFormOptions>) -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let saved = Notice::all_in(|key| query.read_untracked().get(key)).has(&Notice::Saved);
    let id = round.round.id;
    let coverage = round.coverage;
    let period = td_string!(i18n, home.period, from = round.round.opens_on.clone(), to = round.round.closes_on.clone())
        .to_string();
    let version = td_string!(
        i18n,
        admin_rounds.version_option,
        name = round.framework.name.clone(),
        label = round.framework.label.clone()
    )
    .to_string();
    let scope = std::iter::once(round.root.name.clone())
        .chain((!round.root.within.is_empty()).then(|| format!("({})", round.root.within.join(" › "))))
        .collect::<Vec<_>>()
        .join(" ");
    let units_summary = td_string!(
        i18n,
        admin_rounds.units_summary,
        units = format::count(coverage.units),
        not_started = format::count(coverage.not_started),
        drafts = format::count(coverage.drafts),
        submitted = format::count(coverage.submitted)
    )
    .to_string();
    let rate = td_string!(
        i18n,
        admin_rounds.rate,
        submitted = format::count(coverage.submitted),
        units = format::count(coverage.units),
        percent = response_rate(&coverage)
    )
    .to_string();
    let current_values = RawRound {
        name: round.round.name.clone(),
        framework_version: round.framework.id.to_string(),
        root: round.root.id.to_string(),
        opens_on: round.round.opens_on.clone(),
        closes_on: round.round.closes_on.clone(),
        intro: round.intro.clone().unwrap_or_default(),
    };
    let edit = options.map(|mut options| {
        // The round's own organisation is a choice even when no search found it.
        if options.chosen.is_none() && options.city.id != round.root.id {
            options.chosen = Some(round.root.clone());
        }
        view! { <EditForm id options current=current_values.clone() /> }
    });
    let deadline =
        round.closing_date_changeable.then(|| view! { <DeadlineForm id current=round.round.closes_on.clone() /> });
    let moves = round.moves.clone();

    view! {
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, admin_rounds.breadcrumb).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><a href=ADMIN_ROUNDS>{td!(i18n, admin_rounds.list_title)}</a></li>
            </ol>
        </nav>
        <h1>{round.round.name.clone()}</h1>
        {saved.then(|| view! { <p class="notice notice--success" role="status">{td!(i18n, admin_rounds.saved_notice)}</p> })}
        <dl class="facts">
            <div><dt>{td!(i18n, admin_rounds.fact_status)}</dt><dd><RoundStatusBadge status=round.round.status /></dd></div>
            <div><dt>{td!(i18n, admin_rounds.fact_period)}</dt><dd>{period}</dd></div>
            <div><dt>{td!(i18n, admin_rounds.fact_scope)}</dt><dd>{scope}</dd></div>
            <div><dt>{td!(i18n, admin_rounds.fact_version)}</dt><dd>{version}</dd></div>
            <div><dt>{td!(i18n, admin_rounds.fact_units)}</dt><dd>{units_summary}</dd></div>
            <div><dt>{td!(i18n, admin_rounds.fact_rate)}</dt><dd>{rate}</dd></div>
        </dl>

        <section aria-labelledby="intro-heading">
            <h2 id="intro-heading">{td!(i18n, admin_rounds.intro_heading)}</h2>
            {match round.intro.clone() {
                Some(intro) => view! { <p class="answer-text">{intro}</p> }.into_any(),
                None => view! { <p class="muted">{td!(i18n, admin_rounds.intro_none)}</p> }.into_any(),
            }}
        </section>

        <section aria-labelledby="moves-heading">
            <h2 id="moves-heading">{td!(i18n, admin_rounds.moves_heading)}</h2>
            {if moves.is_empty() {
                view! { <p>{td!(i18n, admin_rounds.moves_none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="link-list link-list--described">
                        {moves.into_iter().map(|step| view! {
                            <li>
                                <a href=admin_round_move_path(id, step)>{move_label(i18n, step)}</a>
                                <p class="muted">{move_hint(i18n, step)}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <ul class="link-list">
                {(round.round.status != RoundStatus::Draft).then(|| view! {
                    <li><a href=round_path(id)>{td!(i18n, admin_rounds.progress_link)}</a></li>
                })}
                <li><a href=admin_log_of_round(id)>{td!(i18n, admin_rounds.log_link)}</a></li>
            </ul>
        </section>

        {deadline}
        {edit}

        <p><a href=ADMIN_ROUNDS>{td!(i18n, admin_rounds.back_list)}</a></p>
    }
}

/// A draft's details to edit: what the address holds after a search or a refused post, else
/// the round as it is.
#[component]
fn EditForm(id: RoundId, options: RoundFormOptions, current: RawRound) -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let (values, search) = {
        let query = query.read_untracked();
        let typed = query.get(RoundField::Name.key()).is_some() || query.get(SEARCH_KEY).is_some();
        let values = if typed { raw_round_from_params(|key| query.get(key)) } else { current };
        (values, query.get(SEARCH_KEY).unwrap_or_default())
    };
    let edit = ServerAction::<EditRound>::new();
    let outcome = Signal::derive(move || edit.value().get());
    let problems = problems_signal(outcome);
    focus_summary_when_refused(outcome);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = edit.value().get() {
            navigate(&with_notice(&admin_round_path(id), &Notice::Saved), Default::default());
        }
    });
    view! {
        <section aria-labelledby="edit-heading">
            <h2 id="edit-heading">{td!(i18n, admin_rounds.edit_heading)}</h2>
            <p>{td!(i18n, admin_rounds.edit_intro)}</p>
            <OtherError value=outcome />
            <ErrorSummary problems />
            <ActionForm action=edit>
                <input type="hidden" name="omgang" value=id.to_string() />
                <RoundFields options values search page=admin_round_path(id) problems />
                <div class="form-actions">
                    <button type="submit" class="button" disabled=move || edit.pending().get()>
                        {td!(i18n, admin_rounds.edit_submit)}
                    </button>
                </div>
            </ActionForm>
        </section>
    }
}

/// An open round's closing date.
#[component]
fn DeadlineForm(id: RoundId, current: String) -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let value = query.read_untracked().get(RoundField::ClosesOn.key()).unwrap_or(current);
    let change = ServerAction::<ChangeRoundClosingDate>::new();
    let outcome = Signal::derive(move || change.value().get());
    let problems = problems_signal(outcome);
    focus_summary_when_refused(outcome);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = change.value().get() {
            navigate(&with_notice(&admin_round_path(id), &Notice::Saved), Default::default());
        }
    });
    let field = RoundField::ClosesOn;
    let hint = format!("{}-hint", field_id(field));
    view! {
        <section aria-labelledby="deadline-heading">
            <h2 id="deadline-heading">{td!(i18n, admin_rounds.deadline_heading)}</h2>
            <p>{td!(i18n, admin_rounds.deadline_intro)}</p>
            <OtherError value=outcome />
            <ErrorSummary problems />
            <ActionForm action=change>
                <input type="hidden" name="omgang" value=id.to_string() />
                <div class="field">
                    <label for=field_id(field) class="field__label">{td!(i18n, admin_rounds.deadline_field)}</label>
                    <p id=hint.clone() class="field__hint">{td!(i18n, admin_rounds.date_hint)}</p>
                    <FieldMessage field problems />
                    <input
                        id=field_id(field)
                        name=field.key()
                        type="date"
                        class="field__input field__input--date"
                        value=value
                        aria-describedby=described_by(field, Some(hint), problems)
                        aria-invalid=invalid(field, problems)
                    />
                </div>
                <button type="submit" class="button" disabled=move || change.pending().get()>
                    {td!(i18n, admin_rounds.deadline_submit)}
                </button>
            </ActionForm>
        </section>
    }
}
