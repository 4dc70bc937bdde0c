//! The slides. Rendered on the server as a page of slides, each a section a link can reach
//! (`#bild-3`), which is how it reads without script and how it prints (one slide per
//! landscape page, see the print styles). Once the script runs, one slide shows at a time:
//! → space Page Down next, ← Page Up previous, Home End first and last, F full screen, O the
//! overview, N the speaker notes below the slide, Esc back out; the buttons do the same.
//!
//! The slides are server-rendered children of the `SlideShow` island, which knows only
//! their titles and shows one at a time by its class on the section.

use super::slide_body::slide_body;
use crate::api::presentation::{Deck, DeckSlide};
use crate::components::translations::locale;
use crate::i18n::*;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The element id of the slide numbered `number` (from 1).
fn slide_id(number: usize) -> String {
    format!("bild-{number}")
}

#[component]
pub fn Show(deck: Deck) -> impl IntoView {
    let i18n = locale();
    let slides: Vec<DeckSlide> = deck.visible_slides().cloned().collect();
    let count = slides.len();
    let titles: Vec<String> = slides.iter().map(|slide| slide.title.clone()).collect();
    let sections = slides
        .iter()
        .enumerate()
        .map(|(index, slide)| {
            let number = index + 1;
            let id = slide_id(number);
            let heading_id = format!("{id}-rubrik");
            let labelled_by = heading_id.clone();
            let body = slide_body(i18n, slide.kind, &deck);
            let comment = (!slide.comment.is_empty()).then(|| view! { <p class="slide__comment">{slide.comment.clone()}</p> });
            let speaker_notes = (!slide.notes.is_empty()).then(|| {
                view! {
                    <aside class="slide__notes" aria-label=td_string!(i18n, deck.notes_heading).to_string()>
                        <p class="slide__notes-label">{td!(i18n, deck.notes_heading)}</p>
                        <p>{slide.notes.clone()}</p>
                    </aside>
                }
            });
            view! {
                <section id=id class="slide" aria-labelledby=labelled_by>
                    <header class="slide__header">
                        <h2 id=heading_id class="slide__heading">{slide.title.clone()}</h2>
                        <p class="slide__number">
                            {td_string!(i18n, deck.slide_of, number = number.to_string(), count = count.to_string()).to_string()}
                        </p>
                    </header>
                    <div class="slide__body">{body}</div>
                    <p class="slide__summary">{slide.summary.clone()}</p>
                    {comment}
                    {speaker_notes}
                </section>
            }
        })
        .collect_view();
    view! { <SlideShow titles>{sections}</SlideShow> }
}

/// The slides given as `children`, with the contents (`titles`, in order) and, with script,
/// the controls for showing one at a time.
#[island]
fn SlideShow(titles: Vec<String>, children: Children) -> impl IntoView {
    let i18n = locale();
    let count = titles.len();
    let current = RwSignal::new(0usize);
    let overview = RwSignal::new(false);
    let notes = RwSignal::new(false);
    let presenting = RwSignal::new(false);
    let deck_ref = NodeRef::<Div>::new();
    // With script: one slide at a time, starting at the one in the address.
    Effect::new(move |_| {
        let start = window()
            .location()
            .hash()
            .ok()
            .and_then(|hash| hash.strip_prefix("#bild-").and_then(|number| number.parse::<usize>().ok()))
            .map_or(0, |number| number.saturating_sub(1).min(count.saturating_sub(1)));
        current.set(start);
        presenting.set(true);
    });
    // The address follows the slide, so a reload or a copied link comes back to it.
    Effect::new(move |_| {
        let number = current.get() + 1;
        if presenting.get_untracked()
            && let Ok(history) = window().history()
        {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("#{}", slide_id(number))),
            );
        }
    });

    // The slides are server-rendered: the current one is marked on its section.
    Effect::new(move |_| {
        let at = current.get();
        let Some(deck) = deck_ref.get() else { return };
        let Ok(sections) = deck.query_selector_all("section.slide") else { return };
        for index in 0..sections.length() {
            if let Some(section) = sections.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) {
                let _ = section.class_list().toggle_with_force("slide--current", index as usize == at);
            }
        }
    });

    let go = move |to: usize| {
        current.set(to.min(count.saturating_sub(1)));
        overview.set(false);
    };
    let toggle_fullscreen = move || {
        let document = document();
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        } else if let Some(element) = deck_ref.get_untracked() {
            let _ = element.request_fullscreen();
        }
    };
    Effect::new(move |_| {
        let listener = window_event_listener(leptos::ev::keydown, move |event| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() || typing_in_a_field(&event) {
                return;
            }
            let at = current.get_untracked();
            let handled = match event.key().as_str() {
                "ArrowRight" | "PageDown" | " " => {
                    go(at + 1);
                    true
                }
                "ArrowLeft" | "PageUp" => {
                    go(at.saturating_sub(1));
                    true
                }
                "Home" => {
                    go(0);
                    true
                }
                "End" => {
                    go(count.saturating_sub(1));
                    true
                }
                "f" | "F" => {
                    toggle_fullscreen();
                    true
                }
                "o" | "O" => {
                    overview.update(|open| *open = !*open);
                    true
                }
                "n" | "N" => {
                    notes.update(|shown| *shown = !*shown);
                    true
                }
                "Escape" => {
                    if overview.get_untracked() {
                        overview.set(false);
                    } else if document().fullscreen_element().is_some() {
                        document().exit_fullscreen();
                    }
                    true
                }
                _ => false,
            };
            if handled {
                event.prevent_default();
            }
        });
        on_cleanup(move || listener.remove());
    });

    let position = {
        let titles = titles.clone();
        move || {
            let at = current.get();
            let title = titles.get(at).cloned().unwrap_or_default();
            format!(
                "{}: {title}",
                td_string!(i18n, deck.slide_of, number = (at + 1).to_string(), count = count.to_string())
            )
        }
    };
    let contents = titles
        .iter()
        .enumerate()
        .map(|(index, title)| {
            let number = index + 1;
            view! { <li><a href=format!("#{}", slide_id(number)) on:click=move |event| {
                if presenting.get_untracked() {
                    event.prevent_default();
                    go(index);
                }
            }>{format!("{number}. {title}")}</a></li> }
        })
        .collect_view();
    view! {
        <div
            class="deck"
            class:deck--presenting=move || presenting.get()
            class:deck--overview=move || overview.get()
            class:deck--notes=move || notes.get()
            node_ref=deck_ref
        >
            {move || presenting.get().then(|| view! {
                <div class="deck__controls">
                    <button type="button" class="button button--secondary" on:click=move |_| go(current.get_untracked().saturating_sub(1))>
                        {td!(i18n, deck.previous)}
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| go(current.get_untracked() + 1)>
                        {td!(i18n, deck.next)}
                    </button>
                    <button type="button" class="button button--secondary" aria-pressed=move || overview.get().to_string()
                        on:click=move |_| overview.update(|open| *open = !*open)>
                        {td!(i18n, deck.overview)}
                    </button>
                    <button type="button" class="button button--secondary" aria-pressed=move || notes.get().to_string()
                        on:click=move |_| notes.update(|shown| *shown = !*shown)>
                        {td!(i18n, deck.notes_toggle)}
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| toggle_fullscreen()>
                        {td!(i18n, deck.fullscreen)}
                    </button>
                    <p class="deck__position" aria-live="polite">{position.clone()}</p>
                </div>
            })}
            <nav class="deck__contents" aria-label=td_string!(i18n, deck.overview_heading).to_string()>
                <h2 class="deck__contents-heading">{td!(i18n, deck.overview_heading)}</h2>
                <ol>{contents}</ol>
            </nav>
            <div class="deck__slides">{children()}</div>
        </div>
    }
}

/// Whether a key was pressed while writing in a field (then it is the field's, not the
/// show's).
fn typing_in_a_field(event: &leptos::ev::KeyboardEvent) -> bool {
    event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok()).is_some_and(|element| {
        matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || element.has_attribute("contenteditable")
    })
}
