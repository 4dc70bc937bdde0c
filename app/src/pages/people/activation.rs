//! `/admin/personer/:id/inaktivera` and `/aktivera`: confirming that a person is to be
//! deactivated (their sessions end at once) or reactivated.

use super::person::person_id;
use super::shared::other_error;
use crate::api::people::{PersonView, SetPersonActive, load_person};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::i18n::*;
use crate::routes::admin_person_path;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_params_map};

#[component]
pub fn PersonActivationPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let location = use_location();
    let activate = move || location.pathname.get().ends_with("/aktivera");
    let data = Resource::new(move || person_id(&params.read()), |person| load_person(person, None, None));
    view! {
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <Confirm view activate=activate() /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Confirm(view: PersonView, activate: bool) -> impl IntoView {
    let i18n = locale();
    let action = ServerAction::<SetPersonActive>::new();
    let person = view.person;
    let (name, email) = (person.name.clone(), person.email.clone());
    let heading = if activate {
        td_string!(i18n, people.reactivate_heading, name = name.clone()).to_string()
    } else {
        td_string!(i18n, people.deactivate_heading, name = name.clone()).to_string()
    };
    let explanation = if activate {
        td_string!(i18n, people.reactivate_explanation, name = name.clone(), email = email.clone()).to_string()
    } else {
        td_string!(i18n, people.deactivate_explanation, name = name.clone(), email = email.clone()).to_string()
    };
    let submit = if activate {
        td_string!(i18n, people.reactivate_submit).to_string()
    } else {
        td_string!(i18n, people.deactivate_submit).to_string()
    };
    let already = person.active == activate;
    let button_class = if activate { "button" } else { "button button--danger" };
    view! {
        <Title text=heading.clone() />
        <div class="narrow">
            <h1>{heading}</h1>
            {if already {
                view! { <p>{td!(i18n, people.activation_already)}</p> }.into_any()
            } else if !view.manages_accounts || (view.is_self && !activate) {
                view! { <p>{td!(i18n, errors.forbidden)}</p> }.into_any()
            } else {
                view! {
                    <p>{explanation}</p>
                    {other_error(action)}
                    <ActionForm action attr:class="form-row">
                        <input type="hidden" name="person" value=person.id.to_string() />
                        <input type="hidden" name="active" value=activate.to_string() />
                        <button type="submit" class=button_class disabled=move || action.pending().get()>{submit}</button>
                        <a href=admin_person_path(person.id)>{td!(i18n, people.cancel)}</a>
                    </ActionForm>
                }.into_any()
            }}
            {already.then(|| view! { <p><a href=admin_person_path(person.id)>{td!(i18n, people.back_to_person)}</a></p> })}
        </div>
    }
}
