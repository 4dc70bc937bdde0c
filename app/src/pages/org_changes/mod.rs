//! `/admin/organisation/andring`: a change to the organisation with an effective date (the
//! quality department). A plain GET form — the kind of change, the organisations found by
//! name, names, the date and the reason, all in the address — asks for a review that says
//! what will happen; its confirmation makes the change. `?node=` starts with an organisation
//! chosen (the organisation page's "Ändra").

mod picker;
mod review;
pub mod texts;

use self::picker::Picker;
use self::review::Review;
use self::texts::change_name;
use crate::api::org_changes::{ChangePage, PickerSearches, load_org_change};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::org::OrgKind;
use crate::domain::org_change::{ChangeKind, RawChange};
use crate::i18n::*;
use crate::pages::people::shared::kind_name;
use crate::routes::{ADMIN, ADMIN_ORG_CHANGE, ADMIN_ORG_IMPORT, Notice};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

/// The change as the address has it.
fn change_from(query: &ParamsMap) -> RawChange {
    let get = |key: &str| query.get(key).unwrap_or_default();
    RawChange {
        kind: get("kind"),
        node: get("node"),
        nodes: query.get_all("nodes").unwrap_or_default().join(","),
        parent: get("parent"),
        successor: get("successor"),
        name: get("name"),
        names: get("names"),
        org_kind: get("org_kind"),
        effective: get("effective"),
        reason: get("reason"),
    }
}

/// The pickers' searches as the address has them.
fn searches_from(query: &ParamsMap) -> PickerSearches {
    let get = |key: &str| query.get(key).unwrap_or_default();
    PickerSearches {
        node: get("search_node"),
        parent: get("search_parent"),
        successor: get("search_successor"),
        nodes: get("search_nodes"),
    }
}

#[component]
fn Breadcrumb() -> impl IntoView {
    let i18n = locale();
    view! {
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, org_change.breadcrumb_label).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><span aria-current="page">{td!(i18n, org_change.title)}</span></li>
            </ol>
        </nav>
    }
}

/// The notice of a change just made.
#[component]
fn Done() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    move || {
        let done = Notice::all_in(|name| query.read().get(name)).done().and_then(ChangeKind::from_key)?;
        let text = td_string!(i18n, org_change.done, kind = change_name(i18n, done)).to_string();
        Some(view! { <p class="notice notice--success" role="status">{text}</p> })
    }
}

#[component]
pub fn OrgChangePage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let asked = move || {
        query.with(|query| {
            (change_from(query), searches_from(query), query.get("review").is_some_and(|review| review == "1"))
        })
    };
    let data = Resource::new(asked, |(change, searches, review)| load_org_change(change, searches, review));
    view! {
        <Title text=td_string!(i18n, org_change.title).to_string() />
        <Breadcrumb />
        <h1>{td!(i18n, org_change.title)}</h1>
        <Done />
        <p class="intro">{td!(i18n, org_change.intro)}</p>
        <p><a href=ADMIN_ORG_IMPORT>{td!(i18n, org_change.import_link)}</a></p>
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let searches = query.with_untracked(searches_from);
                match data.await {
                    Ok(page) => view! { <ChangeForm page searches /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChangeForm(page: ChangePage, searches: PickerSearches) -> impl IntoView {
    let i18n = locale();
    let chosen = |raw: &str| -> Vec<crate::api::org_changes::Chosen> {
        crate::domain::org_change::node_ids(raw)
            .into_iter()
            .filter_map(|id| page.name_of(id).map(|name| crate::api::org_changes::Chosen { id, name: name.to_owned() }))
            .collect()
    };
    let raw = page.raw.clone();
    let hits = page.hits.clone();
    let effective = if raw.effective.trim().is_empty() { page.today.clone() } else { raw.effective.clone() };
    let kind_choices = ChangeKind::ALL
        .into_iter()
        .map(|kind| {
            let id = format!("kind-{}", kind.key());
            view! {
                <div class="choice">
                    <input type="radio" id=id.clone() name="kind" value=kind.key() checked=page.kind == Some(kind) />
                    <label for=id>{change_name(i18n, kind)}</label>
                </div>
            }
        })
        .collect_view();
    let node_picker = |legend: String| {
        view! {
            <Picker
                field="node"
                search_field="search_node"
                legend
                chosen=chosen(&raw.node)
                hits=hits.node.clone()
                search=searches.node.clone()
            />
        }
    };
    let name_field = |label: String| {
        view! {
            <div class="field">
                <label for="org-name" class="field__label">{label}</label>
                <input id="org-name" type="text" name="name" class="field__input" value=raw.name.clone() maxlength="200" />
            </div>
        }
    };
    let fields = page.kind.map(|kind| match kind {
        ChangeKind::Add => view! {
            <Picker
                field="parent"
                search_field="search_parent"
                legend=td_string!(i18n, org_change.parent_label).to_string()
                chosen=chosen(&raw.parent)
                hits=hits.parent.clone()
                search=searches.parent.clone()
            />
            <div class="field">
                <label for="org-kind" class="field__label">{td!(i18n, org_change.org_kind_label)}</label>
                <select id="org-kind" name="org_kind" class="field__select">
                    {OrgKind::ALL.into_iter().filter(|kind| *kind != OrgKind::City).map(|kind| {
                        let selected = raw.org_kind == kind.key();
                        view! { <option value=kind.key() selected=selected>{kind_name(i18n, kind)}</option> }
                    }).collect_view()}
                </select>
            </div>
            {name_field(td_string!(i18n, org_change.name_label).to_string())}
        }
        .into_any(),
        ChangeKind::Rename => view! {
            {node_picker(td_string!(i18n, org_change.node_label).to_string())}
            {name_field(td_string!(i18n, org_change.new_name_label).to_string())}
        }
        .into_any(),
        ChangeKind::Move => view! {
            {node_picker(td_string!(i18n, org_change.node_label).to_string())}
            <Picker
                field="parent"
                search_field="search_parent"
                legend=td_string!(i18n, org_change.new_parent_label).to_string()
                chosen=chosen(&raw.parent)
                hits=hits.parent.clone()
                search=searches.parent.clone()
            />
        }
        .into_any(),
        ChangeKind::Merge => view! {
            <Picker
                field="nodes"
                search_field="search_nodes"
                legend=td_string!(i18n, org_change.merged_label).to_string()
                hint=td_string!(i18n, org_change.merged_hint).to_string()
                chosen=chosen(&raw.nodes)
                hits=hits.nodes.clone()
                search=searches.nodes.clone()
                multiple=true
            />
            <Picker
                field="successor"
                search_field="search_successor"
                legend=td_string!(i18n, org_change.successor_label).to_string()
                hint=td_string!(i18n, org_change.successor_hint).to_string()
                chosen=chosen(&raw.successor)
                hits=hits.successor.clone()
                search=searches.successor.clone()
            />
            {name_field(td_string!(i18n, org_change.merged_name_label).to_string())}
        }
        .into_any(),
        ChangeKind::Split => view! {
            {node_picker(td_string!(i18n, org_change.node_label).to_string())}
            <div class="field">
                <label for="org-names" class="field__label">{td!(i18n, org_change.names_label)}</label>
                <p id="org-names-hint" class="field__hint">{td!(i18n, org_change.names_hint)}</p>
                <textarea id="org-names" name="names" class="field__textarea" rows="4" aria-describedby="org-names-hint">
                    {raw.names.clone()}
                </textarea>
            </div>
        }
        .into_any(),
        ChangeKind::Close => view! {
            {node_picker(td_string!(i18n, org_change.node_label).to_string())}
            <p class="field__hint">{td!(i18n, org_change.close_hint)}</p>
        }
        .into_any(),
    });
    let chosen_kind = page.kind.is_some();
    view! {
        <form method="get" action=ADMIN_ORG_CHANGE class="narrow">
            <fieldset class="field">
                <legend class="field__label">{td!(i18n, org_change.kind_label)}</legend>
                <div class="choice-list">{kind_choices}</div>
            </fieldset>
            <button type="submit" class="button button--secondary" name="step" value="kind">
                {td!(i18n, org_change.kind_submit)}
            </button>
            {fields}
            {chosen_kind.then(|| view! {
                <div class="field">
                    <label for="org-effective" class="field__label">{td!(i18n, org_change.effective_label)}</label>
                    <p id="org-effective-hint" class="field__hint">{td!(i18n, org_change.effective_hint)}</p>
                    <input
                        id="org-effective"
                        type="date"
                        name="effective"
                        class="field__input"
                        value=effective.clone()
                        aria-describedby="org-effective-hint"
                    />
                </div>
                <div class="field">
                    <label for="org-reason" class="field__label">{td!(i18n, org_change.reason_label)}</label>
                    <p id="org-reason-hint" class="field__hint">{td!(i18n, org_change.reason_hint)}</p>
                    <textarea id="org-reason" name="reason" class="field__textarea" rows="3" aria-describedby="org-reason-hint">
                        {raw.reason.clone()}
                    </textarea>
                </div>
                <button type="submit" class="button" name="review" value="1">{td!(i18n, org_change.review_submit)}</button>
            })}
        </form>
        {page.review.clone().map(|review| view! { <Review review raw=page.raw.clone() /> })}
    }
}
