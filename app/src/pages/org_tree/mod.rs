//! `/admin/organisation`: the organisation tree, browsed from the top or searched by name
//! (`?q=`). The search is a GET form; with script, what is typed is searched as it is typed
//! (the address follows, so the back button and a reload keep it): the search and what it
//! found are the page's island. `/admin/organisation/:id` is one organisation's page
//! (`node`).

mod node;

pub use node::OrgNodePage;

use crate::api::org_tree::{FormerLine, NodeLine, OrgTreePage as TreeData, load_org_tree};
use crate::components::error_notice::{ErrorNotice, PageError};
use crate::components::translations::locale;
use crate::format;
use crate::i18n::*;
use crate::pages::people::shared::{hit_description, kind_name};
use crate::routes::{ADMIN, ADMIN_ORG_CHANGE, ADMIN_ORG_IMPORT, ADMIN_ORGANISATION, org_node_path, urlencode};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use std::time::Duration;

/// How long typing must pause before the search runs.
const SEARCH_DELAY: Duration = Duration::from_millis(250);

#[component]
pub fn OrgTreePage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let asked = move || query.read().get("q");
    let data = Resource::new(asked, load_org_tree);
    view! {
        <Title text=td_string!(i18n, org_tree.title).to_string() />
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, org_tree.breadcrumb_label).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><span aria-current="page">{td!(i18n, org_tree.title)}</span></li>
            </ol>
        </nav>
        <h1>{td!(i18n, org_tree.title)}</h1>
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(tree) => view! { <TreeSearch tree /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The search form and the tree (or what was found). A GET form without script; with
/// script, what is typed is searched after a pause in typing, and the address follows.
#[island]
fn TreeSearch(tree: TreeData) -> impl IntoView {
    let i18n = locale();
    let typed = tree.query.clone();
    let shown = RwSignal::new(Ok::<TreeData, crate::api::error::AppError>(tree));
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // Only the answer to the latest search is shown, whatever order the answers come in.
    let latest = StoredValue::new(0u64);
    let search_as_typed = move |event: leptos::ev::Event| {
        let text = event_target_value(&event).trim().to_owned();
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        let search = move || {
            let asked = latest.get_value() + 1;
            latest.set_value(asked);
            let address = format!("{ADMIN_ORGANISATION}?q={}", urlencode(&text));
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
            }
            leptos::task::spawn_local(async move {
                let found = load_org_tree(Some(text)).await;
                if latest.get_value() == asked {
                    shown.set(found);
                }
            });
        };
        if let Ok(handle) = set_timeout_with_handle(search, SEARCH_DELAY) {
            timer.set_value(Some(handle));
        }
    };
    view! {
        <form method="get" action=ADMIN_ORGANISATION class="filters" role="search">
            <div class="field">
                <label for="org-query" class="field__label">{td!(i18n, org_tree.search_label)}</label>
                <p id="org-query-hint" class="field__hint">{td!(i18n, org_tree.search_hint)}</p>
                <input
                    id="org-query"
                    type="search"
                    name="q"
                    class="field__input"
                    value=typed
                    maxlength="100"
                    autocomplete="off"
                    aria-describedby="org-query-hint"
                    on:input=search_as_typed
                />
            </div>
            <button type="submit" class="button">{td!(i18n, org_tree.search_submit)}</button>
        </form>
        {move || match shown.get() {
            Ok(tree) => view! { <TreeView tree /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        }}
    }
}

#[component]
fn TreeView(tree: TreeData) -> impl IntoView {
    let i18n = locale();
    let TreeData { query, hits, tops, former, may_change } = tree;
    let intro = if may_change {
        td_string!(i18n, org_tree.intro_everyone).to_string()
    } else {
        td_string!(i18n, org_tree.intro_head).to_string()
    };
    let searched = !query.is_empty();
    let hit_count = hits.len();
    view! {
        {searched.then(|| view! {
            <section aria-labelledby="org-hits-heading">
                <h2 id="org-hits-heading">{td!(i18n, org_tree.hits_heading)}</h2>
                <p role="status">
                    {if hit_count == 0 {
                        td_string!(i18n, org_tree.hits_none).to_string()
                    } else if hit_count == 1 {
                        td_string!(i18n, org_tree.hits_one).to_string()
                    } else {
                        td_string!(i18n, org_tree.hits_count, count = format::count(hit_count)).to_string()
                    }}
                </p>
                <ul class="link-list link-list--described">
                    {hits.into_iter().map(|hit| {
                        let description = hit_description(i18n, &hit);
                        view! {
                            <li>
                                <a href=org_node_path(hit.id)>{hit.name.clone()}</a>
                                <p class="muted">{description}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!searched).then(|| view! {
            <p class="intro">{intro}</p>
            {may_change.then(|| view! {
                <ul class="link-list">
                    <li><a href=ADMIN_ORG_CHANGE>{td!(i18n, org_tree.change_link)}</a></li>
                    <li><a href=ADMIN_ORG_IMPORT>{td!(i18n, org_tree.import_link)}</a></li>
                </ul>
            })}
            <section aria-labelledby="org-tops-heading">
                <h2 id="org-tops-heading">
                    {if may_change {
                        td_string!(i18n, org_tree.tops_heading_everyone).to_string()
                    } else {
                        td_string!(i18n, org_tree.tops_heading_head).to_string()
                    }}
                </h2>
                <NodeLines lines=tops />
            </section>
            {(!former.is_empty()).then(|| view! {
                <section aria-labelledby="org-former-heading">
                    <h2 id="org-former-heading">{td!(i18n, org_tree.former_heading)}</h2>
                    <p>{td!(i18n, org_tree.former_intro)}</p>
                    <FormerLines lines=former />
                </section>
            })}
        })}
    }
}

/// Organisations of today as links, each with its kind and how many units it has.
#[component]
pub fn NodeLines(lines: Vec<NodeLine>) -> impl IntoView {
    let i18n = locale();
    view! {
        <ul class="link-list link-list--described">
            {lines.into_iter().map(|line| {
                let units = if line.units == 1 {
                    td_string!(i18n, org_tree.units_one).to_string()
                } else {
                    td_string!(i18n, org_tree.units_count, count = format::count(line.units)).to_string()
                };
                let description = format!("{}, {units}", kind_name(i18n, line.kind));
                view! {
                    <li>
                        <a href=org_node_path(line.id)>{line.name.clone()}</a>
                        <p class="muted">{description}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Organisations that are no longer where they were, each with its last day there.
#[component]
pub fn FormerLines(lines: Vec<FormerLine>) -> impl IntoView {
    let i18n = locale();
    view! {
        <ul class="link-list link-list--described">
            {lines.into_iter().map(|line| {
                let description = former_description(i18n, &line);
                let name = if line.linkable {
                    view! { <a href=org_node_path(line.id)>{line.name.clone()}</a> }.into_any()
                } else {
                    view! { <span>{line.name.clone()}</span> }.into_any()
                };
                view! {
                    <li>
                        {name}
                        <p class="muted">{description}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

fn former_description(i18n: Locale, line: &FormerLine) -> String {
    format!("{}, {}", kind_name(i18n, line.kind), td_string!(i18n, org_tree.until, date = line.until.clone()))
}
