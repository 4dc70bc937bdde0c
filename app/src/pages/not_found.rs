//! The page for an address that leads nowhere (HTTP 404).

use crate::components::error_notice::set_page_status;
use crate::components::translations::locale;
use crate::i18n::*;
use crate::routes::HOME;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = locale();
    set_page_status(404);
    view! {
        <Title text=td_string!(i18n, not_found.title).to_string() />
        <h1>{td!(i18n, not_found.title)}</h1>
        <p>{td!(i18n, not_found.body)}</p>
        <p><a href=HOME>{td!(i18n, not_found.home_link)}</a></p>
    }
}
