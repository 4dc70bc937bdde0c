//! `/admin/personer/:id`: a person, their roles (each with "Ta bort"), giving a role on an
//! organisation found by name, and their account (a new password link, deactivating).

use super::give_role::GiveRoleForm;
use super::shared::{Outcome, other_error, role_name, within_text};
use crate::api::people::{PersonView, RoleHeld, SendPasswordLink, TakeRole, load_person};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::ids::UserId;
use crate::i18n::*;
use crate::routes::{ADMIN, ADMIN_PEOPLE, Notice, node_access_path, person_activation_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

/// The `:id` of a person's pages; 0 (nobody) when malformed.
pub fn person_id(params: &leptos_router::params::ParamsMap) -> UserId {
    UserId(params.get("id").and_then(|id| id.parse().ok()).unwrap_or(0))
}

#[component]
pub fn PersonPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let query = use_query_map();
    let location = use_location();
    // Asked again after every change (the address then carries its outcome).
    let asked = move || {
        let query = query.read();
        let refused = Notice::all_in(|name| query.get(name)).refused().map(str::to_owned);
        (person_id(&params.read()), query.get("org"), refused, location.search.get())
    };
    let data = Resource::new(asked, |(person, org, refused, _)| load_person(person, org, refused));
    view! {
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <PersonDetails view /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PersonDetails(view: PersonView) -> impl IntoView {
    let i18n = locale();
    let PersonView { person, manages_accounts, is_self, roles_to_give, org_query, org_hits, refused } = view;
    let status = if person.active {
        td_string!(i18n, people.status_active).to_string()
    } else {
        td_string!(i18n, people.status_deactivated).to_string()
    };
    let password = if person.has_password {
        td_string!(i18n, people.password_chosen).to_string()
    } else {
        td_string!(i18n, people.password_not_chosen).to_string()
    };
    let id = person.id;
    let name = person.name.clone();
    let roles = person.roles.clone();
    view! {
        <Title text=person.name.clone() />
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, people.breadcrumb_label).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><a href=ADMIN_PEOPLE>{td!(i18n, people.title)}</a></li>
                <li><span aria-current="page">{person.name.clone()}</span></li>
            </ol>
        </nav>
        <h1>{person.name.clone()}</h1>
        <Outcome />
        <dl class="facts">
            <div><dt>{td!(i18n, people.col_email)}</dt><dd>{person.email.clone()}</dd></div>
            <div><dt>{td!(i18n, people.col_status)}</dt><dd>{status}</dd></div>
            <div><dt>{td!(i18n, people.password_label)}</dt><dd>{password}</dd></div>
        </dl>

        <section aria-labelledby="roles-heading">
            <h2 id="roles-heading">{td!(i18n, people.roles_heading)}</h2>
            {if roles.is_empty() {
                view! { <p>{td!(i18n, people.no_roles)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" role="region" aria-labelledby="roles-caption" tabindex="0">
                        <table class="table">
                            <caption id="roles-caption" class="visually-hidden">{td!(i18n, people.roles_caption, name = move || name.clone())}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{td!(i18n, people.col_role)}</th>
                                    <th scope="col">{td!(i18n, people.col_organisation)}</th>
                                    <th scope="col"><span class="visually-hidden">{td!(i18n, people.col_actions)}</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {roles.into_iter().map(|held| view! { <RoleRow person=id held /> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>

        {(person.active && !roles_to_give.is_empty()).then(|| view! {
            <GiveRoleForm person=id roles=roles_to_give org_query org_hits refused />
        })}

        {manages_accounts.then(|| view! { <Account person=id active=person.active is_self /> })}
    }
}

/// A role, with a button that takes it away (when the viewer may).
#[component]
fn RoleRow(person: UserId, held: RoleHeld) -> impl IntoView {
    let i18n = locale();
    let take = ServerAction::<TakeRole>::new();
    let role = role_name(i18n, held.role);
    let node_name = if held.node_name.is_empty() {
        td_string!(i18n, people.node_gone, id = held.node.to_string()).to_string()
    } else {
        held.node_name.clone()
    };
    let hidden_context =
        td_string!(i18n, people.take_context, role = role.clone(), node = node_name.clone()).to_string();
    let within = within_text(&held.within);
    let linked = held.node_kind.is_some();
    let error = other_error(take);
    view! {
        <tr>
            <td>{role}</td>
            <td>
                {if linked {
                    view! { <a href=node_access_path(held.node)>{node_name}</a> }.into_any()
                } else {
                    view! { <span>{node_name}</span> }.into_any()
                }}
                {(!within.is_empty()).then(|| view! { <br /><span class="muted">{within}</span> })}
            </td>
            <td>
                {error}
                {held.may_take.then(|| view! {
                    <ActionForm action=take attr:class="inline-form">
                        <input type="hidden" name="person" value=person.to_string() />
                        <input type="hidden" name="role" value=held.role.key() />
                        <input type="hidden" name="node" value=held.node.to_string() />
                        <button type="submit" class="button button--secondary button--small" disabled=move || take.pending().get()>
                            {td!(i18n, people.take)}
                            <span class="visually-hidden">{format!(" {hidden_context}")}</span>
                        </button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}

/// The account: a new link to choose a password, and deactivating or reactivating.
#[component]
fn Account(person: UserId, active: bool, is_self: bool) -> impl IntoView {
    let i18n = locale();
    let send = ServerAction::<SendPasswordLink>::new();
    let error = other_error(send);
    view! {
        <section aria-labelledby="account-heading">
            <h2 id="account-heading">{td!(i18n, people.account_heading)}</h2>
            {error}
            {if active {
                view! {
                    <p>{td!(i18n, people.link_intro)}</p>
                    <ActionForm action=send>
                        <input type="hidden" name="person" value=person.to_string() />
                        <button type="submit" class="button button--secondary" disabled=move || send.pending().get()>
                            {td!(i18n, people.send_link)}
                        </button>
                    </ActionForm>
                    {if is_self {
                        view! { <p class="muted">{td!(i18n, people.not_yourself)}</p> }.into_any()
                    } else {
                        view! { <p><a href=person_activation_path(person, false)>{td!(i18n, people.deactivate_link)}</a></p> }.into_any()
                    }}
                }.into_any()
            } else {
                view! {
                    <p>{td!(i18n, people.deactivated_intro)}</p>
                    <p><a href=person_activation_path(person, true)>{td!(i18n, people.reactivate_link)}</a></p>
                }.into_any()
            }}
        </section>
    }
}
