//! `/admin/personer/ny`: creating a person. With `?enhet=` they are appointed unit manager
//! of that unit (someone who already exists just gets the role); without, only the quality
//! department creates a person. A head first finds the unit (`?org=`).

use super::shared::{
    ErrorSummary, FieldRef, InputField, Outcome, form_problems, hit_description, other_error, problem_of, within_text,
};
use crate::api::organisation::NodeHit;
use crate::api::people::{CreatePerson, EMAIL_FIELD, NAME_FIELD, NewPersonView, RefusedForm, load_new_person};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::ids::NodeId;
use crate::domain::people::{EMAIL_MAX_CHARS, NAME_MAX_CHARS};
use crate::i18n::*;
use crate::routes::{ADMIN, ADMIN_NEW_PERSON, ADMIN_PEOPLE, Notice, new_unit_manager_path, node_access_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_query_map};

const EMAIL_ID: &str = "person-email";
const NAME_ID: &str = "person-name";

#[component]
pub fn NewPersonPage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let location = use_location();
    let asked = move || {
        let query = query.read();
        let unit = query.get("enhet").and_then(|id| id.parse::<i64>().ok()).map(NodeId);
        let refused = Notice::all_in(|name| query.get(name)).refused().map(str::to_owned);
        (unit, query.get("org"), refused, location.search.get())
    };
    let data = Resource::new(asked, |(unit, org, refused, _)| load_new_person(unit, org, refused));
    view! {
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <NewPerson view /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewPerson(view: NewPersonView) -> impl IntoView {
    let i18n = locale();
    let NewPersonView { manages_accounts, unit, org_query, unit_hits, refused } = view;
    let heading = match (&unit, manages_accounts) {
        (Some(unit), _) => td_string!(i18n, people.appoint_heading, unit = unit.name.clone()).to_string(),
        (None, true) => td_string!(i18n, people.new_heading).to_string(),
        (None, false) => td_string!(i18n, people.appoint_link).to_string(),
    };
    let form = match (unit.clone(), manages_accounts) {
        (Some(unit), _) => Some(view! { <PersonForm unit=Some(unit) refused=refused.clone() /> }.into_any()),
        (None, true) => Some(view! { <PersonForm unit=None refused=refused.clone() /> }.into_any()),
        (None, false) => None,
    };
    let finder = unit.is_none().then(|| view! { <UnitFinder org_query unit_hits with_heading=manages_accounts /> });
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
        <Outcome />
        {unit.map(|unit| {
            let within = within_text(&unit.within);
            view! {
                <p>
                    <a href=node_access_path(unit.id)>{unit.name.clone()}</a>
                    {(!within.is_empty()).then(|| view! { <span class="muted">{format!(" ({within})")}</span> })}
                </p>
            }
        })}
        {form}
        {finder}
    }
}

/// E-mail address and name of the person to create (or, with a unit, to appoint).
#[component]
fn PersonForm(unit: Option<NodeHit>, refused: Option<RefusedForm>) -> impl IntoView {
    let i18n = locale();
    let create = ServerAction::<CreatePerson>::new();
    let problems = form_problems(create, refused.clone());
    let typed_email = refused.as_ref().and_then(|form| form.value(EMAIL_FIELD)).unwrap_or_default();
    let typed_name = refused.as_ref().and_then(|form| form.value(NAME_FIELD)).unwrap_or_default();
    let appointing = unit.is_some();
    let intro = if appointing {
        td_string!(i18n, people.appoint_intro).to_string()
    } else {
        td_string!(i18n, people.new_intro).to_string()
    };
    let submit = if appointing {
        td_string!(i18n, people.appoint_submit).to_string()
    } else {
        td_string!(i18n, people.new_submit).to_string()
    };
    let email_label = td_string!(i18n, people.col_email).to_string();
    let name_label = td_string!(i18n, people.col_name).to_string();
    let fields = vec![
        FieldRef { key: EMAIL_FIELD, id: EMAIL_ID, label: email_label.clone() },
        FieldRef { key: NAME_FIELD, id: NAME_ID, label: name_label.clone() },
    ];
    view! {
        <p>{intro}</p>
        <ErrorSummary problems fields />
        {other_error(create)}
        <ActionForm action=create attr:class="narrow">
            {unit.map(|unit| view! { <input type="hidden" name="unit" value=unit.id.to_string() /> })}
            <InputField
                id=EMAIL_ID
                name="email"
                label=email_label
                kind="email"
                autocomplete="off"
                maxlength=EMAIL_MAX_CHARS
                required=true
                value=typed_email
                problem=problem_of(problems, EMAIL_FIELD)
            />
            <InputField
                id=NAME_ID
                name="name"
                label=name_label
                hint=if appointing { td_string!(i18n, people.name_hint_appoint).to_string() } else { td_string!(i18n, people.name_hint).to_string() }
                autocomplete="off"
                maxlength=NAME_MAX_CHARS
                required=!appointing
                value=typed_name
                problem=problem_of(problems, NAME_FIELD)
            />
            <button type="submit" class="button" disabled=move || create.pending().get()>{submit}</button>
        </ActionForm>
    }
}

/// Finding the unit whose manager to appoint (units the viewer may appoint managers of).
#[component]
fn UnitFinder(org_query: String, unit_hits: Vec<NodeHit>, with_heading: bool) -> impl IntoView {
    let i18n = locale();
    let searched = !org_query.trim().is_empty();
    view! {
        <section aria-labelledby="unit-finder-heading">
            {if with_heading {
                view! { <h2 id="unit-finder-heading">{td!(i18n, people.appoint_link)}</h2> }.into_any()
            } else {
                view! { <h2 id="unit-finder-heading" class="visually-hidden">{td!(i18n, people.unit_search_label)}</h2> }.into_any()
            }}
            <p>{td!(i18n, people.unit_finder_intro)}</p>
            <form method="get" action=ADMIN_NEW_PERSON class="filters" role="search">
                <div class="field">
                    <label for="unit-finder" class="field__label">{td!(i18n, people.unit_search_label)}</label>
                    <input id="unit-finder" type="search" name="org" class="field__input" value=org_query maxlength="100" />
                </div>
                <button type="submit" class="button button--secondary">{td!(i18n, people.org_search_submit)}</button>
            </form>
            {searched.then(|| if unit_hits.is_empty() {
                view! { <p role="status">{td!(i18n, people.unit_none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="link-list link-list--described">
                        {unit_hits.into_iter().map(|hit| {
                            let description = hit_description(i18n, &hit);
                            view! {
                                <li>
                                    <a href=new_unit_manager_path(hit.id)>{hit.name.clone()}</a>
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
