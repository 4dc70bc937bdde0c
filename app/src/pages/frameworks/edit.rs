//! A draft's forms: `/admin/ramverk/:version/allmant` (name, label, levels and groups) and
//! `/admin/ramverk/:version/dimension/:key` (a dimension's texts, descriptors and
//! statements: reworded, marked comparable or not, added, removed and reordered).

use super::version_page::version_param;
use super::{BackToList, ERROR_SUMMARY_ID, FailedNotice, ProblemSummary, problem_text};
use crate::api::error::AppError;
use crate::api::frameworks::fields::{self, StatementPart, input_name};
use crate::api::frameworks::{DraftForm, DraftOutcome, SaveFrameworkDraft, load_framework_draft_form};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::framework_edit::same_text;
use crate::i18n::*;
use crate::routes::{ADMIN, ADMIN_FRAMEWORKS, Notice, framework_path, with_notice};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use std::collections::HashMap;

/// The draft's form data for the address (`dimension` for a dimension's form).
fn draft_resource(
    dimension: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> Resource<Result<DraftForm, AppError>> {
    let id = version_param();
    let query = use_query_map();
    Resource::new(
        move || {
            let refused = Notice::all_in(|key| query.read().get(key)).refused().map(str::to_owned);
            (id(), dimension(), refused)
        },
        |(id, dimension, refused)| load_framework_draft_form(id, dimension, refused),
    )
}

/// The save action, its problems and failure, and going on to the draft's page once saved.
struct SaveState {
    action: ServerAction<SaveFrameworkDraft>,
    problems: Signal<Vec<String>>,
    failed: Signal<Option<AppError>>,
}

fn save_state(form: &DraftForm) -> SaveState {
    let i18n = locale();
    let action = ServerAction::<SaveFrameworkDraft>::new();
    let id = form.line.id;
    let refused: Vec<String> = form
        .refused
        .as_ref()
        .map(|refused| refused.problems.iter().map(|problem| problem_text(i18n, problem)).collect())
        .unwrap_or_default();
    let problems = Signal::derive(move || match action.value().get() {
        Some(Ok(DraftOutcome { problems })) => problems.iter().map(|problem| problem_text(i18n, problem)).collect(),
        Some(Err(_)) => Vec::new(),
        None => refused.clone(),
    });
    let failed = Signal::derive(move || action.value().get().and_then(Result::err));
    let navigate = use_navigate();
    Effect::new(move |_| match action.value().get() {
        Some(Ok(outcome)) if outcome.problems.is_empty() => {
            navigate(&with_notice(&framework_path(id), &Notice::Saved), Default::default());
        }
        Some(Ok(_)) => request_animation_frame(|| {
            use leptos::wasm_bindgen::JsCast;
            if let Some(summary) = document()
                .get_element_by_id(ERROR_SUMMARY_ID)
                .and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok())
            {
                let _ = summary.focus();
            }
        }),
        _ => {}
    });
    SaveState { action, problems, failed }
}

/// A field's value: as typed in a refused post, else `current`.
fn typed(refused: &Option<HashMap<String, String>>, name: &str, current: &str) -> String {
    refused.as_ref().and_then(|fields| fields.get(name).cloned()).unwrap_or_else(|| current.to_owned())
}

#[component]
fn Breadcrumb(form: DraftForm) -> impl IntoView {
    let i18n = locale();
    view! {
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, frameworks.breadcrumb).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><a href=ADMIN_FRAMEWORKS>{td!(i18n, frameworks.list_title)}</a></li>
                <li><a href=framework_path(form.line.id)>{form.line.label.clone()}</a></li>
            </ol>
        </nav>
    }
}

/// A labelled text field (one line, or several).
#[component]
fn TextField(name: String, label: String, value: String, #[prop(optional)] multiline: bool) -> impl IntoView {
    let id = format!("falt-{name}");
    let input = if multiline {
        view! { <textarea id=id.clone() name=input_name(&name) rows="3">{value}</textarea> }.into_any()
    } else {
        view! { <input id=id.clone() type="text" name=input_name(&name) value=value /> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
        </div>
    }
}

/// `/admin/ramverk/:version/allmant`.
#[component]
pub fn FrameworkGeneralPage() -> impl IntoView {
    let i18n = locale();
    let data = draft_resource(|| None);
    view! {
        <Title text=td_string!(i18n, frameworks.general_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(form) => view! { <GeneralForm form /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GeneralForm(form: DraftForm) -> impl IntoView {
    let i18n = locale();
    let state = save_state(&form);
    let refused = form.refused.as_ref().map(|refused| refused.fields.clone());
    let framework = form.framework.clone();
    let levels = framework
        .levels
        .iter()
        .map(|level| {
            let number = level.level.get();
            let legend = td_string!(i18n, frameworks.level_legend, level = number).to_string();
            view! {
                <fieldset>
                    <legend>{legend}</legend>
                    <TextField
                        name=fields::level_name(number)
                        label=td_string!(i18n, frameworks.field_level_name).to_string()
                        value=typed(&refused, &fields::level_name(number), &level.name)
                    />
                    <TextField
                        name=fields::level_description(number)
                        label=td_string!(i18n, frameworks.field_level_description).to_string()
                        value=typed(&refused, &fields::level_description(number), &level.description)
                        multiline=true
                    />
                </fieldset>
            }
        })
        .collect_view();
    let groups = framework
        .groups
        .iter()
        .map(|group| {
            let key = group.group.key();
            view! {
                <fieldset>
                    <legend>{group.name.clone()}</legend>
                    <TextField
                        name=fields::group_name(key)
                        label=td_string!(i18n, frameworks.field_group_name).to_string()
                        value=typed(&refused, &fields::group_name(key), &group.name)
                    />
                    <TextField
                        name=fields::group_description(key)
                        label=td_string!(i18n, frameworks.field_group_description).to_string()
                        value=typed(&refused, &fields::group_description(key), &group.description)
                        multiline=true
                    />
                </fieldset>
            }
        })
        .collect_view();
    let action = state.action;
    view! {
        <Breadcrumb form=form.clone() />
        <h1>{td!(i18n, frameworks.general_title)}</h1>
        <FailedNotice error=state.failed />
        {move || view! { <ProblemSummary problems=state.problems.get() /> }}
        <ActionForm action>
            <input type="hidden" name="form[version]" value=form.line.id.to_string() />
            <TextField
                name=fields::NAME.to_owned()
                label=td_string!(i18n, frameworks.field_name).to_string()
                value=typed(&refused, fields::NAME, &framework.name)
            />
            <TextField
                name=fields::LABEL.to_owned()
                label=td_string!(i18n, frameworks.field_label).to_string()
                value=typed(&refused, fields::LABEL, &framework.version_label)
            />
            <h2>{td!(i18n, frameworks.levels_heading)}</h2>
            {levels}
            <h2>{td!(i18n, frameworks.groups_heading)}</h2>
            {groups}
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {td!(i18n, frameworks.save_submit)}
                </button>
            </div>
        </ActionForm>
        <BackToList />
    }
}

/// `/admin/ramverk/:version/dimension/:key`.
#[component]
pub fn FrameworkDimensionPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let data = draft_resource(move || params.read().get("key"));
    view! {
        <Title text=td_string!(i18n, frameworks.dimension_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(form) => view! { <DimensionForm form /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One statement's row: its text, guidance, place in the order, and whether a rewording is
/// comparable or the statement is removed.
#[component]
fn StatementRow(
    row: String,
    legend: String,
    key: Option<String>,
    text: String,
    guidance: String,
    order: String,
    comparable: bool,
    replaces: Option<String>,
) -> impl IntoView {
    let i18n = locale();
    let field = |part| fields::statement(&row, part);
    let id = |part| format!("falt-{}", fields::statement(&row, part));
    let is_new = key.is_none();
    let hint_id = id(StatementPart::Comparable) + "-hint";
    view! {
        <fieldset class="statement-edit">
            <legend>{legend}</legend>
            {key.clone().map(|key| view! {
                <input type="hidden" name=input_name(&field(StatementPart::Key)) value=key.clone() />
                <p class="muted">{td!(i18n, frameworks.key_label)}" "<code>{key}</code></p>
            })}
            {replaces.map(|replaced| {
                let text = td_string!(i18n, frameworks.replaces_note, key = replaced).to_string();
                view! { <p class="muted">{text}</p> }
            })}
            <div class="field">
                <label for=id(StatementPart::Text)>{td!(i18n, frameworks.field_statement_text)}</label>
                <textarea id=id(StatementPart::Text) name=input_name(&field(StatementPart::Text)) rows="3">{text}</textarea>
            </div>
            <div class="field">
                <label for=id(StatementPart::Guidance)>{td!(i18n, frameworks.field_statement_guidance)}</label>
                <textarea id=id(StatementPart::Guidance) name=input_name(&field(StatementPart::Guidance)) rows="2">{guidance}</textarea>
            </div>
            <div class="field">
                <label for=id(StatementPart::Order)>{td!(i18n, frameworks.field_statement_order)}</label>
                <input id=id(StatementPart::Order) type="number" inputmode="numeric" name=input_name(&field(StatementPart::Order)) value=order />
            </div>
            {(!is_new).then(|| view! {
                <div class="field field--checkbox">
                    <input
                        id=id(StatementPart::Comparable)
                        type="checkbox"
                        name=input_name(&field(StatementPart::Comparable))
                        value="on"
                        checked=comparable
                        aria-describedby=hint_id.clone()
                    />
                    <label for=id(StatementPart::Comparable)>{td!(i18n, frameworks.field_comparable)}</label>
                    <p class="muted" id=hint_id.clone()>{td!(i18n, frameworks.field_comparable_hint)}</p>
                </div>
                <div class="field field--checkbox">
                    <input id=id(StatementPart::Remove) type="checkbox" name=input_name(&field(StatementPart::Remove)) value="on" />
                    <label for=id(StatementPart::Remove)>{td!(i18n, frameworks.field_remove)}</label>
                </div>
            })}
        </fieldset>
    }
}

#[component]
fn DimensionForm(form: DraftForm) -> impl IntoView {
    let i18n = locale();
    let Some(dimension) = form.dimension.clone() else {
        return view! { <PageError error=AppError::NotFound /> }.into_any();
    };
    let state = save_state(&form);
    let refused = form.refused.as_ref().map(|refused| refused.fields.clone());
    let title = td_string!(i18n, frameworks.dimension_heading, name = dimension.name.clone()).to_string();
    let descriptors = dimension
        .level_descriptors
        .iter()
        .zip(1u8..)
        .map(|(text, level)| {
            view! {
                <TextField
                    name=fields::descriptor(level)
                    label=td_string!(i18n, frameworks.field_descriptor, level = level).to_string()
                    value=typed(&refused, &fields::descriptor(level), text)
                    multiline=true
                />
            }
        })
        .collect_view();
    let rows = dimension
        .statements
        .iter()
        .enumerate()
        .map(|(at, statement)| {
            let row = at.to_string();
            let key = statement.key.to_string();
            let was_comparable = form.base_texts.get(&key).is_some_and(|base| !same_text(base, &statement.text));
            let comparable = match &refused {
                Some(fields) => fields.contains_key(&fields::statement(&row, StatementPart::Comparable)),
                None => was_comparable,
            };
            view! {
                <StatementRow
                    legend=td_string!(i18n, frameworks.statement_legend, position = at + 1).to_string()
                    key=Some(key)
                    text=typed(&refused, &fields::statement(&row, StatementPart::Text), &statement.text)
                    guidance=typed(&refused, &fields::statement(&row, StatementPart::Guidance), &statement.guidance)
                    order=typed(&refused, &fields::statement(&row, StatementPart::Order), &((at + 1) * 10).to_string())
                    comparable
                    replaces=statement.replaces.as_ref().map(ToString::to_string)
                    row
                />
            }
        })
        .collect_view();
    let new_order = ((dimension.statements.len() + 1) * 10).to_string();
    let action = state.action;
    view! {
        <Breadcrumb form=form.clone() />
        <h1>{title}</h1>
        <p class="intro">{td!(i18n, frameworks.dimension_intro)}</p>
        <FailedNotice error=state.failed />
        {move || view! { <ProblemSummary problems=state.problems.get() /> }}
        <ActionForm action>
            <input type="hidden" name="form[version]" value=form.line.id.to_string() />
            <input type="hidden" name="form[dimension]" value=dimension.key.to_string() />
            <TextField
                name=fields::NAME.to_owned()
                label=td_string!(i18n, frameworks.field_dimension_name).to_string()
                value=typed(&refused, fields::NAME, &dimension.name)
            />
            <TextField
                name=fields::DESCRIPTION.to_owned()
                label=td_string!(i18n, frameworks.field_dimension_description).to_string()
                value=typed(&refused, fields::DESCRIPTION, &dimension.description)
                multiline=true
            />
            <fieldset>
                <legend>{td!(i18n, frameworks.descriptors_heading)}</legend>
                {descriptors}
            </fieldset>
            <h2>{td!(i18n, frameworks.statements_heading)}</h2>
            {rows}
            <StatementRow
                legend=td_string!(i18n, frameworks.new_statement_legend).to_string()
                key=None
                text=typed(&refused, &fields::statement(fields::NEW_ROW, StatementPart::Text), "")
                guidance=typed(&refused, &fields::statement(fields::NEW_ROW, StatementPart::Guidance), "")
                order=typed(&refused, &fields::statement(fields::NEW_ROW, StatementPart::Order), &new_order)
                comparable=false
                replaces=None
                row=fields::NEW_ROW.to_owned()
            />
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {td!(i18n, frameworks.save_submit)}
                </button>
            </div>
        </ActionForm>
        <BackToList />
    }
    .into_any()
}
