//! The page for an address that leads nowhere (HTTP 404).

use crate::components::error_notice::set_page_status;
use crate::i18n::*;
use crate::routes::HOME;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    set_page_status(404);
    view! {
        <Title text=tu_string!(i18n, not_found.title).to_string() />
        <h1>{t!(i18n, not_found.title)}</h1>
        <p>{t!(i18n, not_found.body)}</p>
        <p><a href=HOME>{t!(i18n, not_found.home_link)}</a></p>
    }
}
