//! The board presentation: the slides of one organisation in one published round. With
//! script a slide at a time, driven by the keyboard (see `show`); without script a page of
//! slides to scroll; printed, one slide per landscape page. The presenter prepares it on
//! its own page (`prepare`).

mod prepare;
mod show;
mod slide_body;

pub use prepare::PreparePresentationPage;

use crate::api::presentation::{Deck, get_deck};
use crate::api::results::query::ResultsQuery;
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::i18n::*;
use crate::routes::{Notice, RESULTS, presentation_edit_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use show::Show;

#[component]
pub fn PresentationPage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let asked = move || {
        let query = query.read();
        ResultsQuery::from_params(|name| query.get(name))
    };
    let data = Resource::new(asked, |asked| get_deck(asked, false));
    view! {
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(deck) => view! { <DeckPage deck /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DeckPage(deck: Deck) -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let saved = Notice::all_in(|name| query.read_untracked().get(name)).has(&Notice::Saved);
    let organisation = deck.results.node_name.clone();
    let title = td_string!(i18n, deck.title, organisation = organisation.as_str()).to_string();
    let back = deck.results.query.path();
    let prepare = deck.can_edit.then(|| {
        let href = presentation_edit_path(deck.results.round.id, crate::domain::ids::NodeId(deck.results.node_id));
        view! { <a href=href>{td!(i18n, deck.edit_link)}</a> }
    });
    view! {
        <Title text=title.clone() />
        <div class="deck-page">
            <nav class="deck-page__links" aria-label=td_string!(i18n, results.breadcrumb_label).to_string()>
                <a href=back>{deck.results.node_name.clone()}</a>
                " · "
                <a href=RESULTS>{td!(i18n, results.title)}</a>
                {prepare.map(|link| view! { " · " {link} })}
            </nav>
            <h1 class="deck-page__title">{title}</h1>
            {saved.then(|| view! { <p class="notice notice--success" role="status">{td!(i18n, deck.saved)}</p> })}
            <p class="deck-page__help muted">{td!(i18n, deck.intro)}</p>
            <Show deck />
        </div>
    }
}
