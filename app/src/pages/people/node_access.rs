//! `/admin/organisation/:id/behorigheter`: who can see an organisation — everyone whose role
//! is held on it or on an organisation above it, with the role and where it is held; and,
//! on a unit, appointing its unit manager.

use super::holders_table::HoldersTable;
use super::shared::{kind_name, within_text};
use crate::api::people::{NodeAccess, load_node_access};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::ids::NodeId;
use crate::i18n::*;
use crate::routes::{ADMIN, ADMIN_PEOPLE, new_unit_manager_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NodeAccessPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let node = move || NodeId(params.read().get("id").and_then(|id| id.parse().ok()).unwrap_or(0));
    let data = Resource::new(node, load_node_access);
    view! {
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(access) => view! { <AccessView access /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccessView(access: NodeAccess) -> impl IntoView {
    let i18n = locale();
    let NodeAccess { node, holders, may_appoint } = access;
    let heading = td_string!(i18n, people.access_heading, name = node.name.clone()).to_string();
    let kind = kind_name(i18n, node.kind);
    let place = if node.within.is_empty() { kind } else { format!("{kind}, {}", within_text(&node.within)) };
    let name = node.name.clone();
    view! {
        <Title text=heading.clone() />
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, people.breadcrumb_label).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><a href=ADMIN_PEOPLE>{td!(i18n, people.title)}</a></li>
                <li><span aria-current="page">{heading.clone()}</span></li>
            </ol>
        </nav>
        <h1>{heading}</h1>
        <p class="muted">{place}</p>
        <p>{td!(i18n, people.access_intro)}</p>
        {may_appoint.then(|| view! {
            <p><a href=new_unit_manager_path(node.id) class="button button--secondary">{td!(i18n, people.appoint_here)}</a></p>
        })}
        {if holders.is_empty() {
            view! { <p>{td!(i18n, people.access_none)}</p> }.into_any()
        } else {
            let caption = td_string!(i18n, people.access_caption, name = name.clone()).to_string();
            view! { <HoldersTable holders caption /> }.into_any()
        }}
    }
}
