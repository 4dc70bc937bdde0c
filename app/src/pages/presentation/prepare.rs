//! Preparing a presentation: per slide a comment shown on it, speaker notes and whether it
//! is hidden, and the improvement actions to show. One form, saved together; it works
//! without script; with script (an island) it saves without leaving the page.

use crate::api::presentation::{Deck, DeckAction, DeckSlide, SaveDeck, get_deck};
use crate::api::results::query::ResultsQuery;
use crate::components::action_status::status_label;
use crate::components::error_notice::{ErrorNotice, PageError};
use crate::components::text_counter::LimitedTextarea;
use crate::components::translations::locale;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::slide::{MAX_CHOSEN_ACTIONS, SLIDE_TEXT_MAX_CHARS};
use crate::i18n::*;
use crate::routes::presentation_path;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PreparePresentationPage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let asked = move || {
        let query = query.read();
        ResultsQuery::from_params(|name| query.get(name))
    };
    let data = Resource::new(asked, |asked| get_deck(asked, true));
    view! {
        <Title text=td_string!(i18n, deck.edit_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(deck) if deck.can_edit => view! { <PrepareForm deck /> }.into_any(),
                    Ok(_) => view! { <PageError error=crate::api::error::AppError::Forbidden /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PrepareForm(deck: Deck) -> impl IntoView {
    let i18n = locale();
    let round = deck.results.round.id;
    let node = NodeId(deck.results.node_id);
    let show = presentation_path(round, node);
    view! {
        <h1>{td!(i18n, deck.edit_title)}</h1>
        <p>{deck.results.node_name.clone()}" – "{deck.results.round.name.clone()}</p>
        <p>{td!(i18n, deck.edit_intro)}</p>
        <p><a href=show>{td!(i18n, deck.show_link)}</a></p>
        <PrepareFields round node slides=deck.slides candidates=deck.candidates />
    }
}

/// The form: every slide's fields and the actions to show.
#[island]
fn PrepareFields(round: RoundId, node: NodeId, slides: Vec<DeckSlide>, candidates: Vec<DeckAction>) -> impl IntoView {
    let i18n = locale();
    let save = ServerAction::<SaveDeck>::new();
    let error = move || save.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> });
    let saved = move || {
        matches!(save.value().get(), Some(Ok(())))
            .then(|| view! { <p class="notice notice--success" role="status">{td!(i18n, deck.saved)}</p> })
    };
    let slides = slides
        .iter()
        .map(|slide| {
            let key = slide.kind.key();
            let hidden_id = format!("dold-{key}");
            view! {
                <fieldset class="fieldset">
                    <legend>{slide.title.clone()}</legend>
                    <p class="muted">{slide.summary.clone()}</p>
                    <div class="field field--checkbox">
                        <input type="checkbox" id=hidden_id.clone() name=format!("form[hidden][{key}]") value="1" checked=slide.hidden />
                        <label for=hidden_id>{td!(i18n, deck.hidden_label)}</label>
                    </div>
                    <LimitedTextarea
                        id=format!("kommentar-{key}")
                        name=format!("form[comment][{key}]")
                        label=td_string!(i18n, deck.comment_label).to_string()
                        max=SLIDE_TEXT_MAX_CHARS
                        value=slide.comment.clone()
                    />
                    <LimitedTextarea
                        id=format!("anteckningar-{key}")
                        name=format!("form[notes][{key}]")
                        label=td_string!(i18n, deck.notes_label).to_string()
                        max=SLIDE_TEXT_MAX_CHARS
                        value=slide.notes.clone()
                    />
                </fieldset>
            }
        })
        .collect_view();
    let actions = actions_fieldset(i18n, &candidates);
    view! {
        {error}
        {saved}
        <ActionForm action=save attr:class="form">
            <input type="hidden" name="form[round_id]" value=round.to_string() />
            <input type="hidden" name="form[node_id]" value=node.to_string() />
            {slides}
            {actions}
            <div class="form-actions">
                <button type="submit" class="button">{td!(i18n, deck.save)}</button>
            </div>
        </ActionForm>
    }
}

/// The actions of the units below, each with a checkbox to show it on the actions slide.
fn actions_fieldset(i18n: Locale, candidates: &[DeckAction]) -> impl IntoView + use<> {
    let legend = td_string!(i18n, deck.actions_legend, max = MAX_CHOSEN_ACTIONS.to_string()).to_string();
    let content = if candidates.is_empty() {
        view! { <p>{td!(i18n, deck.actions_none_available)}</p> }.into_any()
    } else {
        candidates
            .iter()
            .map(|action| {
                let id = format!("atgard-{}", action.id);
                let label = format!(
                    "{} – {} ({}, {})",
                    action.title,
                    action.unit,
                    action.dimension,
                    status_label(i18n, action.status)
                );
                view! {
                    <div class="field field--checkbox">
                        <input type="checkbox" id=id.clone() name=format!("form[action][{}]", action.id) value="1" checked=action.chosen />
                        <label for=id>{label}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <fieldset class="fieldset">
            <legend>{legend}</legend>
            {content}
        </fieldset>
    }
}
