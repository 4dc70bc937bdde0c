//! An error as the user sees it: a Swedish message, and on the server the matching HTTP
//! status. Not being signed in leads to the sign-in page and back.

use crate::api::error::AppError;
use crate::components::translations::locale;
use crate::domain::raw_answers::{FieldError, FieldProblem};
use crate::format;
use crate::i18n::*;
use crate::routes::{HOME, address, sign_in_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

/// The Swedish message for an error.
pub fn error_message(i18n: Locale, error: &AppError) -> String {
    match error {
        AppError::Unauthenticated => td_string!(i18n, errors.unauthenticated),
        AppError::InvalidCredentials => td_string!(i18n, errors.invalid_credentials),
        AppError::Forbidden => td_string!(i18n, errors.forbidden),
        AppError::NotFound => td_string!(i18n, errors.not_found),
        AppError::Conflict { .. } => td_string!(i18n, errors.conflict),
        AppError::ActionConflict { .. } => td_string!(i18n, errors.action_conflict),
        AppError::ReadOnly => td_string!(i18n, errors.read_only),
        AppError::Invalid { .. } => td_string!(i18n, errors.invalid),
        AppError::TooManyAttempts { retry_after_seconds } => {
            let minutes = crate::domain::sign_in::minutes_to_wait(*retry_after_seconds);
            return td_string!(i18n, errors.too_many_attempts, minutes = minutes).to_string();
        }
        AppError::BadRequest => td_string!(i18n, errors.bad_request),
        AppError::Internal => td_string!(i18n, errors.internal),
        AppError::MailNotConfigured => td_string!(i18n, errors.mail_not_configured),
        AppError::Unreachable => td_string!(i18n, errors.unreachable),
    }
    .to_string()
}

/// What is wrong with one field, e.g. "för lång text (2 400 tecken, högst 2 000)".
pub fn field_problem_message(i18n: Locale, error: &FieldError) -> String {
    match &error.problem {
        FieldProblem::UnknownKey => td_string!(i18n, errors.field_unknown).to_string(),
        FieldProblem::InvalidRating => td_string!(i18n, errors.field_invalid_rating).to_string(),
        FieldProblem::Missing => td_string!(i18n, errors.field_missing).to_string(),
        FieldProblem::InvalidDate => td_string!(i18n, errors.field_invalid_date).to_string(),
        FieldProblem::InvalidChoice => td_string!(i18n, errors.field_invalid_choice).to_string(),
        FieldProblem::EndsBeforeStart => td_string!(i18n, admin_rounds.problem_ends_before_start).to_string(),
        FieldProblem::InThePast => td_string!(i18n, admin_rounds.problem_in_the_past).to_string(),
        FieldProblem::InTheFuture => td_string!(i18n, admin_rounds.problem_in_the_future).to_string(),
        FieldProblem::NotAvailable => td_string!(i18n, admin_rounds.problem_not_available).to_string(),
        FieldProblem::InvalidEmail => td_string!(i18n, errors.field_invalid_email).to_string(),
        FieldProblem::InvalidCharacters => td_string!(i18n, errors.field_invalid_characters).to_string(),
        FieldProblem::Taken => td_string!(i18n, errors.field_taken).to_string(),
        FieldProblem::TooShort { min } => {
            td_string!(i18n, errors.field_too_short, min = format::count(*min)).to_string()
        }
        FieldProblem::NotMatching => td_string!(i18n, errors.field_not_matching).to_string(),
        FieldProblem::Deactivated => td_string!(i18n, errors.field_deactivated).to_string(),
        FieldProblem::WrongLevel => td_string!(i18n, errors.field_wrong_level).to_string(),
        FieldProblem::TooLong { max, actual } => {
            td_string!(i18n, errors.field_too_long, actual = format::count(*actual), max = format::count(*max))
                .to_string()
        }
    }
}

/// Sets the HTTP status of the page being rendered on the server.
pub fn set_page_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(code)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(status))
    {
        response.set_status(code);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

/// Shows an error that stops a page from loading.
#[component]
pub fn PageError(error: AppError) -> impl IntoView {
    let i18n = locale();
    if error == AppError::Unauthenticated {
        let location = use_location();
        let target = sign_in_path(&address(&location.pathname.get_untracked(), &location.search.get_untracked()));
        return view! { <Redirect path=target /> }.into_any();
    }
    set_page_status(error.status_code());
    let message = error_message(i18n, &error);
    view! {
        // A page that failed before naming itself is still named (the last title wins).
        <Title text=td_string!(i18n, errors.title).to_string() />
        <section class="notice notice--error" role="alert">
            <h1>{td!(i18n, errors.title)}</h1>
            <p>{message}</p>
            <p><a href=HOME>{td!(i18n, not_found.home_link)}</a></p>
        </section>
    }
    .into_any()
}

/// An error after an action, shown above a form.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = locale();
    let message = error_message(i18n, &error);
    let fields = match &error {
        AppError::Invalid { fields, .. } => fields.clone(),
        _ => Vec::new(),
    };
    view! {
        <div class="notice notice--error" role="alert">
            <p>{message}</p>
            {(!fields.is_empty()).then(|| view! {
                <ul>
                    {fields.into_iter().map(|field| {
                        let problem = field_problem_message(i18n, &field);
                        view! { <li>{format!("{} {}: {problem}", field.group, field.key)}</li> }
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}
