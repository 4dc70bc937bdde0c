//! What the people pages share: roles and kinds of organisation in words, a labelled input
//! with its error, the summary of a refused form, and the notice of what just happened.

use crate::api::error::AppError;
use crate::api::organisation::NodeHit;
use crate::api::people::RefusedForm;
use crate::components::error_notice::{ErrorNotice, error_message, field_problem_message};
use crate::components::translations::locale;
use crate::domain::org::OrgKind;
use crate::domain::raw_answers::FieldError;
use crate::domain::rights::Role;
use crate::i18n::*;
use crate::routes::Notice;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// A role in words: "Kvalitetsavdelningen", "Chef", "Enhetschef".
pub fn role_name(i18n: Locale, role: Role) -> String {
    match role {
        Role::QualityDepartment => td_string!(i18n, roles.quality_department),
        Role::Head => td_string!(i18n, roles.head),
        Role::UnitManager => td_string!(i18n, roles.unit_manager),
    }
    .to_string()
}

/// A kind of organisation in words.
pub fn kind_name(i18n: Locale, kind: OrgKind) -> String {
    match kind {
        OrgKind::City => td_string!(i18n, people.kind_city),
        OrgKind::DistrictAdministration => td_string!(i18n, people.kind_district),
        OrgKind::SpecialistAdministration => td_string!(i18n, people.kind_specialist),
        OrgKind::Company => td_string!(i18n, people.kind_company),
        OrgKind::Department => td_string!(i18n, people.kind_department),
        OrgKind::Unit => td_string!(i18n, people.kind_unit),
    }
    .to_string()
}

/// Where an organisation sits, e.g. "Järva stadsdelsförvaltning › Avdelningen för förskola".
pub fn within_text(within: &[String]) -> String {
    within.join(" › ")
}

/// An organisation found by a search, described: its kind and where it sits.
pub fn hit_description(i18n: Locale, hit: &NodeHit) -> String {
    let kind = kind_name(i18n, hit.kind);
    if hit.within.is_empty() { kind } else { format!("{kind}, {}", within_text(&hit.within)) }
}

/// The problems of a form: from the page's script (the action's error) or, after a plain
/// post, from what was kept.
pub fn form_problems<T>(action: ServerAction<T>, kept: Option<RefusedForm>) -> Signal<Vec<FieldError>>
where
    T: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    T::Output: Send + Sync + 'static,
{
    Signal::derive(move || {
        action.value().with(|value| match value {
            Some(Err(AppError::Invalid { fields, .. })) => fields.clone(),
            Some(_) => Vec::new(),
            None => kept.as_ref().map(|kept| kept.problems.clone()).unwrap_or_default(),
        })
    })
}

/// Another error of the action (not a refused field), to show above the form.
pub fn other_error<T>(action: ServerAction<T>) -> impl Fn() -> Option<AnyView> + Copy
where
    T: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    T::Output: Send + Sync + 'static,
{
    move || {
        let error = action.value().with(|value| match value {
            Some(Err(AppError::Invalid { .. })) | Some(Ok(_)) | None => None,
            Some(Err(error)) => Some(error.clone()),
        })?;
        Some(view! { <ErrorNotice error /> }.into_any())
    }
}

/// The message of field `key`'s problem, if it has one.
pub fn problem_of(problems: Signal<Vec<FieldError>>, key: &'static str) -> Signal<Option<String>> {
    let i18n = locale();
    Signal::derive(move || {
        problems.with(|problems| {
            problems.iter().find(|problem| problem.key == key).map(|problem| field_problem_message(i18n, problem))
        })
    })
}

/// A field of a form: its key, the id of its input and its label.
#[derive(Clone)]
pub struct FieldRef {
    pub key: &'static str,
    pub id: &'static str,
    pub label: String,
}

/// What is wrong with a refused form, each problem a link to its field.
#[component]
pub fn ErrorSummary(problems: Signal<Vec<FieldError>>, fields: Vec<FieldRef>) -> impl IntoView {
    let i18n = locale();
    move || {
        let problems = problems.get();
        (!problems.is_empty()).then(|| {
            let items = problems
                .iter()
                .map(|problem| {
                    let field = fields.iter().find(|field| field.key == problem.key);
                    let text = match field {
                        Some(field) => format!("{}: {}", field.label, field_problem_message(i18n, problem)),
                        None => field_problem_message(i18n, problem),
                    };
                    let href = field.map(|field| format!("#{}", field.id)).unwrap_or_default();
                    view! { <li><a href=href>{text}</a></li> }
                })
                .collect_view();
            view! {
                <div class="notice notice--error" role="alert">
                    <p>{move || error_message(i18n, &AppError::Invalid { fields: Vec::new(), saved_version: None })}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// A labelled input with its hint and its error, tied together for assistive technology.
#[component]
pub fn InputField(
    id: &'static str,
    name: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] value: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] minlength: Option<usize>,
    #[prop(optional)] required: bool,
    #[prop(into)] problem: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-fel");
    let has_hint = hint.is_some();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = [has_hint.then_some(hint_id.as_str()), problem.get().map(|_| error_id.as_str())]
                .into_iter()
                .flatten()
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field--invalid=move || problem.get().is_some()>
            <label for=id class="field__label">{label}</label>
            {hint.map(|hint| view! { <p id=hint_id class="field__hint">{hint}</p> })}
            {move || problem.get().map(|problem| view! { <p id=error_id.clone() class="field__error">{problem}</p> })}
            <input
                id=id
                name=name
                type=kind
                class="field__input"
                value=value.unwrap_or_default()
                autocomplete=autocomplete
                maxlength=maxlength
                minlength=minlength
                required=required
                aria-invalid=move || problem.get().map(|_| "true")
                aria-describedby=described
            />
        </div>
    }
}

/// What the last change did (`?klart=`), or why it failed (`?fel=`), from the address.
#[component]
pub fn Outcome() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    move || {
        let notices = Notice::all_in(|name| query.read().get(name));
        if let Some(done) = notices.done() {
            let (text, warning) = match done {
                "skapad" => (td_string!(i18n, people.done_created).to_string(), false),
                "skapad-utan-lank" => (td_string!(i18n, people.done_created_no_link).to_string(), true),
                "roll-given" => (td_string!(i18n, people.done_role_given).to_string(), false),
                "roll-fanns" => (td_string!(i18n, people.done_role_held).to_string(), false),
                "roll-borttagen" => (td_string!(i18n, people.done_role_taken).to_string(), false),
                "inaktiverad" => (td_string!(i18n, people.done_deactivated).to_string(), false),
                "aktiverad" => (td_string!(i18n, people.done_reactivated).to_string(), false),
                "lank-skickad" => (td_string!(i18n, people.done_link_sent).to_string(), false),
                "lank-ej-skickad" => (td_string!(i18n, people.done_link_not_sent).to_string(), true),
                _ => return None,
            };
            let class = if warning { "notice notice--warning" } else { "notice notice--success" };
            return Some(view! { <p class=class role="status">{text}</p> }.into_any());
        }
        let (code, _) = notices.failure()?;
        let error = AppError::from_code(code)?;
        Some(view! { <ErrorNotice error /> }.into_any())
    }
}
