//! "Working on it" for a long wait started from the page: the island around a form (or a
//! download link) that announces `message` in a status line once the form is sent or the
//! link followed. Without script the browser's own progress shows.

use super::clicked::clicked_closest;
use leptos::prelude::*;

/// `children` with a status line below them; `message` appears there on the first
/// `submit` from within, or a click on a link within.
#[island]
pub fn ProgressNote(message: String, children: Children) -> impl IntoView {
    let started = RwSignal::new(false);
    let on_click = move |event: leptos::ev::MouseEvent| {
        if clicked_closest(&event, "a[href]").is_some() {
            started.set(true);
        }
    };
    view! {
        <div on:submit=move |_| started.set(true) on:click=on_click>
            {children()}
            <p role="status" class="muted">{move || started.get().then(|| message.clone())}</p>
        </div>
    }
}
