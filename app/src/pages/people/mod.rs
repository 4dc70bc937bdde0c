//! People and their roles in the administration: the search (this module), a person's page,
//! creating a person, deactivating, who can see an organisation, importing unit managers.
//! Every form works without script: searches are GET forms, changes plain posts.

mod activation;
mod give_role;
mod holders_table;
mod import;
mod new_person;
mod node_access;
mod person;
pub mod shared;

pub use activation::PersonActivationPage;
pub use holders_table::HoldersTable;
pub use import::{ImportPage, ImportReviewPage};
pub use new_person::NewPersonPage;
pub use node_access::NodeAccessPage;
pub use person::PersonPage;

use crate::api::people::{PeoplePage as Found, PersonSummary, search_people};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::format;
use crate::i18n::*;
use crate::routes::{
    ADMIN, ADMIN_IMPORT, ADMIN_NEW_PERSON, ADMIN_PEOPLE, admin_person_path, node_access_path, urlencode,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use shared::{Outcome, hit_description, role_name};

/// `/admin/personer`: find people by name or e-mail address (`?q=`, `?sida=`), and find an
/// organisation to see who can see it (`?org=`).
#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let asked = move || {
        let query = query.read();
        (query.get("q"), query.get("sida").and_then(|page| page.parse::<usize>().ok()), query.get("org"))
    };
    let data = Resource::new(asked, |(text, page, org)| search_people(text, page, org));
    view! {
        <Title text=td_string!(i18n, people.title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(found) => view! { <PeopleView found /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PeopleView(found: Found) -> impl IntoView {
    let i18n = locale();
    let Found { query, people, total, page, pages, everyone, org_query, org_hits } = found;
    let page_link = {
        let query = query.clone();
        move |page: usize| format!("{ADMIN_PEOPLE}?q={}&sida={page}", urlencode(&query))
    };
    let intro = if everyone {
        td_string!(i18n, people.intro_everyone).to_string()
    } else {
        td_string!(i18n, people.intro_head).to_string()
    };
    let new_link = if everyone {
        td_string!(i18n, people.new_link).to_string()
    } else {
        td_string!(i18n, people.appoint_link).to_string()
    };
    let searched_org = !org_query.trim().is_empty();
    view! {
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, people.breadcrumb_label).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><span aria-current="page">{td!(i18n, people.title)}</span></li>
            </ol>
        </nav>
        <h1>{td!(i18n, people.title)}</h1>
        <p class="intro">{intro}</p>
        <Outcome />
        <ul class="link-list">
            <li><a href=ADMIN_NEW_PERSON>{new_link}</a></li>
            <li><a href=ADMIN_IMPORT>{td!(i18n, people.import_link)}</a></li>
        </ul>

        <section aria-labelledby="people-search-heading">
            <h2 id="people-search-heading">{td!(i18n, people.search_heading)}</h2>
            <form method="get" action=ADMIN_PEOPLE class="filters" role="search">
                <div class="field">
                    <label for="people-query" class="field__label">{td!(i18n, people.search_label)}</label>
                    <input id="people-query" type="search" name="q" class="field__input" value=query.clone() maxlength="100" />
                </div>
                <button type="submit" class="button">{td!(i18n, people.search_submit)}</button>
            </form>
            <p role="status">{td!(i18n, people.found_count, count = move || format::count(total))}</p>
            {(!people.is_empty()).then(|| view! {
                <div class="table-scroll" role="region" aria-labelledby="people-caption" tabindex="0">
                    <table class="table">
                        <caption id="people-caption" class="visually-hidden">
                            {td!(i18n, people.table_caption, page = move || page, pages = move || pages)}
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">{td!(i18n, people.col_name)}</th>
                                <th scope="col">{td!(i18n, people.col_email)}</th>
                                <th scope="col">{td!(i18n, people.col_roles)}</th>
                                <th scope="col">{td!(i18n, people.col_status)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {people.into_iter().map(|person| view! { <PersonRow person /> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            {(pages > 1).then(|| view! {
                <nav class="pagination" aria-label=move || td_string!(i18n, progress.pagination).to_string()>
                    {(page > 1).then(|| view! { <a href=page_link(page - 1) rel="prev">{td!(i18n, progress.previous)}</a> })}
                    <span>{td!(i18n, progress.page_of, page = move || page, pages = move || pages)}</span>
                    {(page < pages).then(|| view! { <a href=page_link(page + 1) rel="next">{td!(i18n, progress.next)}</a> })}
                </nav>
            })}
        </section>

        <section aria-labelledby="who-can-see-heading">
            <h2 id="who-can-see-heading">{td!(i18n, people.who_heading)}</h2>
            <p>{td!(i18n, people.who_intro)}</p>
            <form method="get" action=ADMIN_PEOPLE class="filters" role="search">
                <input type="hidden" name="q" value=query />
                <div class="field">
                    <label for="who-org" class="field__label">{td!(i18n, people.org_search_label)}</label>
                    <input id="who-org" type="search" name="org" class="field__input" value=org_query maxlength="100" />
                </div>
                <button type="submit" class="button button--secondary">{td!(i18n, people.org_search_submit)}</button>
            </form>
            {searched_org.then(|| if org_hits.is_empty() {
                view! { <p role="status">{td!(i18n, people.org_none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="link-list link-list--described">
                        {org_hits.into_iter().map(|hit| {
                            let description = hit_description(i18n, &hit);
                            view! {
                                <li>
                                    <a href=node_access_path(hit.id)>{hit.name.clone()}</a>
                                    <p class="muted">{description}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </section>
    }
}

#[component]
fn PersonRow(person: PersonSummary) -> impl IntoView {
    let i18n = locale();
    let status = if person.active {
        td_string!(i18n, people.status_active).to_string()
    } else {
        td_string!(i18n, people.status_deactivated).to_string()
    };
    view! {
        <tr>
            <th scope="row"><a href=admin_person_path(person.id)>{person.name.clone()}</a></th>
            <td class="table__wrap">{person.email.clone()}</td>
            <td>
                {if person.roles.is_empty() {
                    view! { <span class="muted">{td!(i18n, people.no_roles_short)}</span> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list">
                            {person.roles.iter().map(|held| {
                                let text = format!("{}, {}", role_name(i18n, held.role), held.node_name);
                                view! { <li>{text}</li> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </td>
            <td>{status}</td>
        </tr>
    }
}
