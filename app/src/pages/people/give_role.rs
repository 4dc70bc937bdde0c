//! Giving a person a role: find the organisation by name (a GET search on the person's
//! page), choose it and the role, give it.

use super::shared::{ErrorSummary, FieldRef, form_problems, hit_description, other_error, problem_of, role_name};
use crate::api::organisation::NodeHit;
use crate::api::people::{GiveRole, NODE_FIELD, ROLE_FIELD, RefusedForm};
use crate::components::translations::locale;
use crate::domain::ids::UserId;
use crate::domain::rights::Role;
use crate::i18n::*;
use crate::routes::admin_person_path;
use leptos::prelude::*;

/// The id of the first organisation choice (where the error summary leads).
const FIRST_NODE_ID: &str = "give-node-0";
const ROLE_ID: &str = "give-role";

#[component]
pub fn GiveRoleForm(
    person: UserId,
    roles: Vec<Role>,
    org_query: String,
    org_hits: Vec<NodeHit>,
    refused: Option<RefusedForm>,
) -> impl IntoView {
    let i18n = locale();
    let give = ServerAction::<GiveRole>::new();
    let problems = form_problems(give, refused.clone());
    let node_problem = problem_of(problems, NODE_FIELD);
    let role_problem = problem_of(problems, ROLE_FIELD);
    let chosen_node = refused.as_ref().and_then(|form| form.value(NODE_FIELD));
    let chosen_role = refused.as_ref().and_then(|form| form.value(ROLE_FIELD));
    let only_units = roles == [Role::UnitManager];
    let intro = if only_units {
        td_string!(i18n, people.give_intro_head).to_string()
    } else {
        td_string!(i18n, people.give_intro).to_string()
    };
    let fields = vec![
        FieldRef { key: NODE_FIELD, id: FIRST_NODE_ID, label: td_string!(i18n, people.col_organisation).to_string() },
        FieldRef { key: ROLE_FIELD, id: ROLE_ID, label: td_string!(i18n, people.col_role).to_string() },
    ];
    let searched = !org_query.trim().is_empty();
    let choices = (!org_hits.is_empty()).then(|| {
        let org = org_query.clone();
        view! {
            <ErrorSummary problems fields />
            {other_error(give)}
            <ActionForm action=give>
                <input type="hidden" name="person" value=person.to_string() />
                <input type="hidden" name="org" value=org />
                <fieldset class="field" class:field--invalid=move || node_problem.get().is_some()>
                    <legend class="field__label">{td!(i18n, people.col_organisation)}</legend>
                    {move || node_problem.get().map(|problem| view! { <p id="give-node-fel" class="field__error">{problem}</p> })}
                    <div class="choice-list">
                        {org_hits.into_iter().enumerate().map(|(index, hit)| {
                            let id = format!("give-node-{index}");
                            let description_id = format!("{id}-beskrivning");
                            let described = {
                                let description_id = description_id.clone();
                                move || match node_problem.get() {
                                    Some(_) => format!("give-node-fel {description_id}"),
                                    None => description_id.clone(),
                                }
                            };
                            let checked = chosen_node.as_deref() == Some(hit.id.to_string().as_str());
                            let description = hit_description(i18n, &hit);
                            view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        id=id.clone()
                                        name="node"
                                        value=hit.id.to_string()
                                        checked=checked
                                        required
                                        aria-describedby=described
                                    />
                                    <label for=id>{hit.name.clone()}</label>
                                    <span id=description_id class="choice__description">{description}</span>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <div class="field" class:field--invalid=move || role_problem.get().is_some()>
                    <label for=ROLE_ID class="field__label">{td!(i18n, people.col_role)}</label>
                    {move || role_problem.get().map(|problem| view! { <p id="give-role-fel" class="field__error">{problem}</p> })}
                    <select
                        id=ROLE_ID
                        name="role"
                        class="field__select"
                        aria-describedby=move || role_problem.get().map(|_| "give-role-fel")
                    >
                        {roles.iter().map(|role| {
                            let selected = chosen_role.as_deref().map_or(*role == Role::UnitManager, |chosen| chosen == role.key());
                            view! { <option value=role.key() selected=selected>{role_name(i18n, *role)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button" disabled=move || give.pending().get()>{td!(i18n, people.give_submit)}</button>
            </ActionForm>
        }
    });
    view! {
        <section aria-labelledby="give-heading">
            <h2 id="give-heading">{td!(i18n, people.give_heading)}</h2>
            <p>{intro}</p>
            <form method="get" action=admin_person_path(person) class="filters" role="search">
                <div class="field">
                    <label for="give-org" class="field__label">{td!(i18n, people.org_search_label)}</label>
                    <input id="give-org" type="search" name="org" class="field__input" value=org_query maxlength="100" />
                </div>
                <button type="submit" class="button button--secondary">{td!(i18n, people.org_search_submit)}</button>
            </form>
            {(searched && choices.is_none()).then(|| view! { <p role="status">{td!(i18n, people.org_none)}</p> })}
            {choices}
        </section>
    }
}
