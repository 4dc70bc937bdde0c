//! `/admin/omgangar/ny`: a new round, created as a draft.

use super::errors::{ErrorSummary, OtherError, focus_summary_when_refused, problems_signal};
use super::round_fields::RoundFields;
use crate::api::admin_rounds::{
    CreateRound, RoundFormOptions, SEARCH_KEY, load_round_form_options, raw_round_from_params,
};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::ids::NodeId;
use crate::domain::round_lifecycle::{RoundField, parse_id};
use crate::i18n::*;
use crate::routes::{ADMIN_NEW_ROUND, ADMIN_ROUNDS, Notice, admin_round_path, with_notice};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn NewRoundPage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let request = move || {
        let query = query.read();
        let chosen = query.get(RoundField::Root.key()).and_then(|id| parse_id(&id)).map(NodeId);
        (query.get(SEARCH_KEY), chosen)
    };
    let options = Resource::new(request, |(search, chosen)| load_round_form_options(search, chosen));
    view! {
        <Title text=td_string!(i18n, admin_rounds.new_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match options.await {
                    Ok(options) => view! { <NewRoundForm options /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewRoundForm(options: RoundFormOptions) -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let (mut values, search) = {
        let query = query.read_untracked();
        (raw_round_from_params(|key| query.get(key)), query.get(SEARCH_KEY).unwrap_or_default())
    };
    if values == Default::default() && search.is_empty() {
        // A fresh form: the round opens today unless another day is chosen.
        values.opens_on = options.today.clone();
    }
    let create = ServerAction::<CreateRound>::new();
    let outcome = Signal::derive(move || create.value().get());
    let problems = problems_signal(outcome);
    focus_summary_when_refused(outcome);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&with_notice(&admin_round_path(id), &Notice::Saved), Default::default());
        }
    });
    view! {
        <h1>{td!(i18n, admin_rounds.new_title)}</h1>
        <p class="intro">{td!(i18n, admin_rounds.new_intro)}</p>
        <OtherError value=outcome />
        <ErrorSummary problems />
        <ActionForm action=create>
            <RoundFields options values search page=ADMIN_NEW_ROUND.to_owned() problems />
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || create.pending().get()>
                    {move || if create.pending().get() {
                        td_string!(i18n, admin_rounds.saving).to_string()
                    } else {
                        td_string!(i18n, admin_rounds.create_submit).to_string()
                    }}
                </button>
            </div>
        </ActionForm>
        <p><a href=ADMIN_ROUNDS>{td!(i18n, admin_rounds.back_list)}</a></p>
    }
}
