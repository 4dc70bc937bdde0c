//! A round form's problems as the person sees them: a summary above the form that links to
//! each field, and each field's own message beside it. They come from the address after a
//! refused post without script, or from the server's answer with script.

use crate::api::admin_rounds::{PROBLEMS_KEY, problems_from_param, round_problems};
use crate::api::error::AppError;
use crate::components::error_notice::{ErrorNotice, field_problem_message};
use crate::components::translations::locale;
use crate::domain::raw_answers::{FieldError, FieldProblem};
use crate::domain::round_lifecycle::{RoundField, RoundFieldError};
use crate::i18n::*;
use crate::routes::Notice;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The element id of the summary of a form's problems.
pub const ERROR_SUMMARY_ID: &str = "felsammanfattning";

/// With script: once a post was refused, moves keyboard focus to the summary of its
/// problems (without script the page loads with the summary at its top).
pub fn focus_summary_when_refused<T>(value: Signal<Option<Result<T, AppError>>>)
where
    T: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if matches!(value.get(), Some(Err(AppError::Invalid { .. }))) {
            request_animation_frame(|| {
                use leptos::wasm_bindgen::JsCast;
                if let Some(summary) = document()
                    .get_element_by_id(ERROR_SUMMARY_ID)
                    .and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok())
                {
                    let _ = summary.focus();
                }
            });
        }
    });
}

/// The element id of a field (its input, or the first radio of a group).
pub fn field_id(field: RoundField) -> String {
    format!("round-{}", field.key())
}

/// The element id of a field's message.
fn error_id(field: RoundField) -> String {
    format!("{}-fel", field_id(field))
}

/// What a field is called on the forms.
pub fn field_label(i18n: Locale, field: RoundField) -> String {
    match field {
        RoundField::Name => td_string!(i18n, admin_rounds.field_name),
        RoundField::FrameworkVersion => td_string!(i18n, admin_rounds.field_version),
        RoundField::Root => td_string!(i18n, admin_rounds.scope_legend),
        RoundField::OpensOn => td_string!(i18n, admin_rounds.field_opens),
        RoundField::ClosesOn => td_string!(i18n, admin_rounds.field_closes),
        RoundField::Intro => td_string!(i18n, admin_rounds.field_intro),
        RoundField::Reason => td_string!(i18n, admin_rounds.field_reason),
        RoundField::Status => td_string!(i18n, admin_rounds.field_status),
    }
    .to_string()
}

/// The message of one problem, e.g. "Sista dag: får inte vara före öppningsdagen".
pub fn problem_text(i18n: Locale, error: &RoundFieldError) -> String {
    match (error.field, &error.problem) {
        (RoundField::Status, _) => td_string!(i18n, admin_rounds.problem_status).to_string(),
        (RoundField::FrameworkVersion, FieldProblem::NotAvailable) => {
            td_string!(i18n, admin_rounds.problem_version_not_published).to_string()
        }
        (RoundField::OpensOn, FieldProblem::InTheFuture) => {
            td_string!(i18n, admin_rounds.problem_opens_in_the_future).to_string()
        }
        (field, problem) => {
            let as_field_error = FieldError { group: String::new(), key: String::new(), problem: problem.clone() };
            let problem = field_problem_message(i18n, &as_field_error);
            td_string!(i18n, admin_rounds.field_problem, field = field_label(i18n, field), problem = problem)
                .to_string()
        }
    }
}

/// The problems to show: from the server's answer once the form has been sent with script,
/// else from the address (a refused post without script).
pub fn problems_signal<T>(value: Signal<Option<Result<T, AppError>>>) -> Signal<Vec<RoundFieldError>>
where
    T: Clone + Send + Sync + 'static,
{
    let query = use_query_map();
    Signal::derive(move || match value.get() {
        Some(Err(AppError::Invalid { fields, .. })) => round_problems(&fields),
        Some(_) => Vec::new(),
        None => {
            let query = query.read();
            match query.get(PROBLEMS_KEY) {
                Some(param) => problems_from_param(&param, |field| query.get(field.key()).unwrap_or_default()),
                None => Vec::new(),
            }
        }
    })
}

/// An error other than a field's: from the server's answer with script, or from the
/// address's `fel=` without (a refused form's fields are shown by the summary instead).
#[component]
pub fn OtherError<T>(value: Signal<Option<Result<T, AppError>>>) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let query = use_query_map();
    move || {
        let error = match value.get() {
            Some(Err(AppError::Invalid { .. })) | Some(Ok(_)) => None,
            Some(Err(error)) => Some(error),
            None => {
                let notices = Notice::all_in(|key| query.read().get(key));
                notices.failure().and_then(|(code, _)| AppError::from_code(code))
            }
        };
        error.filter(|error| !matches!(error, AppError::Invalid { .. })).map(|error| view! { <ErrorNotice error /> })
    }
}

/// The summary of a form's problems, each linking to its field.
#[component]
pub fn ErrorSummary(problems: Signal<Vec<RoundFieldError>>) -> impl IntoView {
    let i18n = locale();
    move || {
        let problems = problems.get();
        (!problems.is_empty()).then(|| {
            view! {
                <div
                    id=ERROR_SUMMARY_ID
                    class="notice notice--error error-summary"
                    role="alert"
                    tabindex="-1"
                    aria-labelledby="error-summary-heading"
                >
                    <h2 id="error-summary-heading">{td!(i18n, admin_rounds.errors_heading)}</h2>
                    <p>{td!(i18n, admin_rounds.errors_intro)}</p>
                    <ul>
                        {problems.iter().map(|error| {
                            let text = problem_text(i18n, error);
                            if error.field == RoundField::Status {
                                view! { <li>{text}</li> }.into_any()
                            } else {
                                view! { <li><a href=format!("#{}", field_id(error.field))>{text}</a></li> }.into_any()
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// A field's own message, if it has a problem.
#[component]
pub fn FieldMessage(field: RoundField, problems: Signal<Vec<RoundFieldError>>) -> impl IntoView {
    let i18n = locale();
    move || {
        problems.get().into_iter().find(|error| error.field == field).map(|error| {
            view! { <p id=error_id(field) class="field__error">{problem_text(i18n, &error)}</p> }
        })
    }
}

/// The ids that describe a field: its hint (if it has one) and its message (if it has a
/// problem).
pub fn described_by(
    field: RoundField,
    hint: Option<String>,
    problems: Signal<Vec<RoundFieldError>>,
) -> impl Fn() -> Option<String> + Send + Sync + Clone + 'static {
    move || {
        let mut ids: Vec<String> = hint.iter().cloned().collect();
        if problems.get().iter().any(|error| error.field == field) {
            ids.push(error_id(field));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// Whether a field has a problem (for `aria-invalid`).
pub fn invalid(
    field: RoundField,
    problems: Signal<Vec<RoundFieldError>>,
) -> impl Fn() -> Option<&'static str> + Send + Sync + Clone + 'static {
    move || problems.get().iter().any(|error| error.field == field).then_some("true")
}
