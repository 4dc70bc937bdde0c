//! Signing in. A plain form: it works before the page's script has loaded.

use crate::api::auth::Login;
use crate::api::error::AppError;
use crate::components::error_notice::ErrorNotice;
use crate::components::translations::locale;
use crate::i18n::*;
use crate::routes::Notice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let login = ServerAction::<Login>::new();
    let next = move || query.read().get("next").unwrap_or_default();
    // A form post kept while the session had expired; saved once this browser signs in.
    let kept = move || Notice::all_in(|name| query.read().get(name)).kept_draft().unwrap_or_default().to_owned();
    // An error from this page's own form: from the action (script) or the address (no
    // script; `vanta` is how many seconds to wait after too many attempts).
    let error = move || {
        login.value().get().and_then(Result::err).or_else(|| {
            let notices = Notice::all_in(|name| query.read().get(name));
            let (code, wait_seconds) = notices.failure()?;
            match AppError::from_code(code)? {
                AppError::TooManyAttempts { .. } => {
                    Some(AppError::TooManyAttempts { retry_after_seconds: wait_seconds.unwrap_or(0) })
                }
                error @ AppError::InvalidCredentials => Some(error),
                _ => None,
            }
        })
    };
    view! {
        <Title text=td_string!(i18n, login.title).to_string() />
        <div class="narrow">
            <h1>{td!(i18n, login.title)}</h1>
            <p>{td!(i18n, login.intro)}</p>
            {move || (Notice::all_in(|name| query.read().get(name)).done() == Some("losenord")).then(|| view! {
                <p class="notice notice--success" role="status">{td!(i18n, password.saved_notice)}</p>
            })}
            {move || (!kept().is_empty()).then(|| view! {
                <p class="notice" role="status">{td!(i18n, login.kept_notice)}</p>
            })}
            {move || error().map(|error| view! { <ErrorNotice error /> })}
            <ActionForm action=login attr:class="form">
                <input type="hidden" name="next" value=next />
                <input type="hidden" name="kept" value=kept />
                <div class="field">
                    <label for="email" class="field__label">{td!(i18n, login.email)}</label>
                    <input id="email" name="email" type="email" autocomplete="username" required class="field__input" />
                </div>
                <div class="field">
                    <label for="password" class="field__label">{td!(i18n, login.password)}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                        class="field__input"
                    />
                </div>
                <button type="submit" class="button" disabled=move || login.pending().get()>
                    {move || if login.pending().get() {
                        td_string!(i18n, login.submitting).to_string()
                    } else {
                        td_string!(i18n, login.submit).to_string()
                    }}
                </button>
            </ActionForm>
        </div>
    }
}
