//! The administration: its start page lists the parts the person may use.

use crate::api::admin::{AdminSections, load_admin_sections};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::i18n::*;
use crate::routes::{ADMIN_FRAMEWORKS, ADMIN_LOG, ADMIN_ORGANISATION, ADMIN_PEOPLE, ADMIN_ROUNDS};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminPage() -> impl IntoView {
    let i18n = locale();
    let data = Resource::new(|| (), |_| load_admin_sections());
    view! {
        <Title text=td_string!(i18n, admin.title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(sections) => view! { <Sections sections /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Sections(sections: AdminSections) -> impl IntoView {
    let i18n = locale();
    let people_description = if sections.people {
        td_string!(i18n, admin.people_description).to_string()
    } else {
        td_string!(i18n, admin.people_description_head).to_string()
    };
    view! {
        <h1>{td!(i18n, admin.title)}</h1>
        <p>{td!(i18n, admin.intro)}</p>
        <ul class="link-list link-list--described">
            {sections.rounds.then(|| view! {
                <li>
                    <a href=ADMIN_ROUNDS>{td!(i18n, admin.rounds_link)}</a>
                    <p class="muted">{td!(i18n, admin.rounds_description)}</p>
                </li>
            })}
            {(sections.people || sections.unit_managers).then(|| view! {
                <li>
                    <a href=ADMIN_PEOPLE>{td!(i18n, admin.people_link)}</a>
                    <p class="muted">{people_description}</p>
                </li>
            })}
            {sections.organisation.then(|| view! {
                <li>
                    <a href=ADMIN_ORGANISATION>{td!(i18n, admin.organisation_link)}</a>
                    <p class="muted">{td!(i18n, admin.organisation_description)}</p>
                </li>
            })}
            {sections.frameworks.then(|| view! {
                <li>
                    <a href=ADMIN_FRAMEWORKS>{td!(i18n, admin.frameworks_link)}</a>
                    <p class="muted">{td!(i18n, admin.frameworks_description)}</p>
                </li>
            })}
            {sections.log.then(|| view! {
                <li>
                    <a href=ADMIN_LOG>{td!(i18n, admin.log_link)}</a>
                    <p class="muted">{td!(i18n, admin.log_description)}</p>
                </li>
            })}
        </ul>
    }
}
