//! `/losenord/:token`: choosing a password through a one-time link (a public page). Plain
//! form: it works before the page's script has loaded; the password is never sent back.

use crate::api::password::{PasswordLinkStatus, PasswordLinkView, SetPassword, password_link};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::password::{CONFIRMATION_FIELD, PASSWORD_FIELD, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use crate::i18n::*;
use crate::pages::people::shared::{ErrorSummary, FieldRef, InputField, form_problems, other_error, problem_of};
use crate::routes::{Notice, SIGN_IN};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const PASSWORD_ID: &str = "new-password";
const CONFIRMATION_ID: &str = "new-password-again";

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let query = use_query_map();
    let asked = move || {
        let refused = Notice::all_in(|name| query.read().get(name)).refused().map(str::to_owned);
        (params.read().get("token").unwrap_or_default(), refused)
    };
    let data = Resource::new(asked, |(token, refused)| password_link(token, refused));
    view! {
        <Title text=td_string!(i18n, password.title).to_string() />
        <div class="narrow">
            <h1>{td!(i18n, password.title)}</h1>
            <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
                {move || Suspend::new(async move {
                    let token = params.read_untracked().get("token").unwrap_or_default();
                    match data.await {
                        Ok(view) => view! { <LinkView view token /> }.into_any(),
                        Err(error) => view! { <PageError error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn LinkView(view: PasswordLinkView, token: String) -> impl IntoView {
    let i18n = locale();
    let text = match view.status {
        PasswordLinkStatus::Usable { name, email } => {
            return view! { <PasswordForm name email token refused=view.refused /> }.into_any();
        }
        PasswordLinkStatus::Used => td_string!(i18n, password.used).to_string(),
        PasswordLinkStatus::Expired => td_string!(i18n, password.expired).to_string(),
        PasswordLinkStatus::Unknown => td_string!(i18n, password.unknown).to_string(),
    };
    view! {
        <div class="notice notice--warning" role="status"><p>{text}</p></div>
        <p><a href=SIGN_IN>{td!(i18n, password.to_sign_in)}</a></p>
    }
    .into_any()
}

#[component]
fn PasswordForm(
    name: String,
    email: String,
    token: String,
    refused: Option<crate::api::people::RefusedForm>,
) -> impl IntoView {
    let i18n = locale();
    let set = ServerAction::<SetPassword>::new();
    let problems = form_problems(set, refused);
    let password_label = td_string!(i18n, password.password_label).to_string();
    let confirmation_label = td_string!(i18n, password.confirmation_label).to_string();
    let fields = vec![
        FieldRef { key: PASSWORD_FIELD, id: PASSWORD_ID, label: password_label.clone() },
        FieldRef { key: CONFIRMATION_FIELD, id: CONFIRMATION_ID, label: confirmation_label.clone() },
    ];
    let intro = td_string!(i18n, password.intro, name = name, email = email.clone()).to_string();
    let hint = td_string!(i18n, password.hint, min = PASSWORD_MIN_CHARS.to_string()).to_string();
    view! {
        <p>{intro}</p>
        <ErrorSummary problems fields />
        {other_error(set)}
        <ActionForm action=set attr:class="form">
            <input type="hidden" name="token" value=token />
            // Tells password managers which account the new password belongs to.
            <input type="email" name="username" value=email autocomplete="username" hidden readonly aria-hidden="true" tabindex="-1" />
            <InputField
                id=PASSWORD_ID
                name="password"
                label=password_label
                hint=hint
                kind="password"
                autocomplete="new-password"
                minlength=PASSWORD_MIN_CHARS
                maxlength=PASSWORD_MAX_CHARS
                required=true
                problem=problem_of(problems, PASSWORD_FIELD)
            />
            <InputField
                id=CONFIRMATION_ID
                name="confirmation"
                label=confirmation_label
                kind="password"
                autocomplete="new-password"
                minlength=PASSWORD_MIN_CHARS
                maxlength=PASSWORD_MAX_CHARS
                required=true
                problem=problem_of(problems, CONFIRMATION_FIELD)
            />
            <button type="submit" class="button" disabled=move || set.pending().get()>{td!(i18n, password.submit)}</button>
        </ActionForm>
    }
}
