//! Importing unit managers: `/admin/personer/import` takes a file or pasted lines (a plain
//! multipart form, so it works without script), `/admin/personer/import/:token` shows what
//! the import would do — every line, every refused line with its number and why — and
//! applies it all at once, or shows what it did.

use super::shared::{Outcome, other_error};
use crate::api::error::AppError;
use crate::api::people::{ApplyImport, IMPORT_FILE_FIELD, IMPORT_TEXT_FIELD, ImportView, import_allowed, load_import};
use crate::components::error_notice::{ErrorNotice, PageError};
use crate::components::translations::locale;
use crate::domain::manager_import::{
    FileProblem, ImportCounts, ImportPlan, LineProblem, MAX_IMPORT_BYTES, MAX_IMPORT_LINES, PersonChange,
};
use crate::domain::raw_answers::FieldProblem;
use crate::format;
use crate::i18n::*;
use crate::routes::{ADMIN, ADMIN_IMPORT, ADMIN_PEOPLE, IMPORT_UPLOAD, Notice, node_access_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The size limit in words, e.g. "256 kB".
fn size_limit() -> String {
    format!("{} kB", MAX_IMPORT_BYTES / 1024)
}

#[component]
fn Breadcrumb(here: String) -> impl IntoView {
    let i18n = locale();
    view! {
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, people.breadcrumb_label).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><a href=ADMIN_PEOPLE>{td!(i18n, people.title)}</a></li>
                <li><span aria-current="page">{here}</span></li>
            </ol>
        </nav>
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let refused = move || Notice::all_in(|name| query.read().get(name)).refused().map(str::to_owned);
    let data = Resource::new(refused, import_allowed);
    view! {
        <Title text=td_string!(i18n, people.import_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(refused) => {
                        let problem = refused.and_then(|form| form.problem(IMPORT_TEXT_FIELD));
                        view! { <ImportForm problem /> }.into_any()
                    }
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ImportForm(problem: Option<FieldProblem>) -> impl IntoView {
    let i18n = locale();
    let here = td_string!(i18n, people.import_title).to_string();
    let problem = problem.map(|problem| match problem {
        FieldProblem::TooLong { .. } => td_string!(i18n, people.import_too_large, size = size_limit()).to_string(),
        _ => td_string!(i18n, people.import_empty).to_string(),
    });
    let invalid = problem.is_some();
    let limits = td_string!(i18n, people.import_limits, lines = format::count(MAX_IMPORT_LINES), size = size_limit())
        .to_string();
    view! {
        <Breadcrumb here=here />
        <h1>{td!(i18n, people.import_title)}</h1>
        <Outcome />
        <p class="intro">{td!(i18n, people.import_intro)}</p>
        <ul>
            <li>{td!(i18n, people.import_format_columns)}</li>
            <li>{td!(i18n, people.import_format_separator)}</li>
            <li>{limits}</li>
        </ul>
        <p>{td!(i18n, people.import_example_label)}</p>
        <pre class="example">"e-post;namn;enhet\nanna.berg@stockholm.se;Anna Berg;1234\nbo.ek@stockholm.se;Bo Ek;1240"</pre>
        {problem.clone().map(|problem| view! {
            <div class="notice notice--error" role="alert"><p><a href="#import-file">{problem}</a></p></div>
        })}
        <form method="post" action=IMPORT_UPLOAD enctype="multipart/form-data" class="narrow">
            <div class="field" class:field--invalid=invalid>
                <label for="import-file" class="field__label">{td!(i18n, people.import_file_label)}</label>
                {problem.clone().map(|problem| view! { <p id="import-file-fel" class="field__error">{problem}</p> })}
                <input
                    id="import-file"
                    type="file"
                    name=IMPORT_FILE_FIELD
                    class="field__input"
                    accept=".csv,.txt,text/csv,text/plain"
                    aria-describedby=invalid.then_some("import-file-fel")
                />
            </div>
            <div class="field">
                <label for="import-text" class="field__label">{td!(i18n, people.import_text_label)}</label>
                <p id="import-text-hint" class="field__hint">{td!(i18n, people.import_text_hint)}</p>
                <textarea
                    id="import-text"
                    name=IMPORT_TEXT_FIELD
                    class="field__textarea"
                    rows="8"
                    spellcheck="false"
                    aria-describedby="import-text-hint"
                ></textarea>
            </div>
            <button type="submit" class="button">{td!(i18n, people.import_review_submit)}</button>
        </form>
    }
}

#[component]
pub fn ImportReviewPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let query = use_query_map();
    let asked = move || (params.read().get("token").unwrap_or_default(), query.read().get("fel"));
    let data = Resource::new(asked, |(token, _)| load_import(token));
    view! {
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let token = params.read_untracked().get("token").unwrap_or_default();
                match data.await {
                    Ok(ImportView::Review { plan }) => view! { <Review plan token /> }.into_any(),
                    Ok(ImportView::Applied { counts, links_not_sent }) => {
                        view! { <Applied counts links_not_sent /> }.into_any()
                    }
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// An import's counts.
#[component]
fn Counts(counts: ImportCounts) -> impl IntoView {
    let i18n = locale();
    view! {
        <dl class="stats">
            <div><dt>{td!(i18n, people.import_count_lines)}</dt><dd>{format::count(counts.lines)}</dd></div>
            <div><dt>{td!(i18n, people.import_count_new)}</dt><dd>{format::count(counts.new_people)}</dd></div>
            <div><dt>{td!(i18n, people.import_count_given)}</dt><dd>{format::count(counts.roles_given)}</dd></div>
            <div><dt>{td!(i18n, people.import_count_held)}</dt><dd>{format::count(counts.already_held)}</dd></div>
            <div><dt>{td!(i18n, people.import_count_refused)}</dt><dd>{format::count(counts.refused)}</dd></div>
        </dl>
    }
}

fn file_problem_text(i18n: Locale, problem: FileProblem) -> String {
    match problem {
        FileProblem::Empty => td_string!(i18n, people.import_empty).to_string(),
        FileProblem::TooLarge { .. } => td_string!(i18n, people.import_too_large, size = size_limit()).to_string(),
        FileProblem::TooManyLines { max } => {
            td_string!(i18n, people.import_too_many, max = format::count(max)).to_string()
        }
        FileProblem::Unreadable => td_string!(i18n, people.import_unreadable).to_string(),
    }
}

fn line_problem_text(i18n: Locale, problem: &LineProblem) -> String {
    match problem {
        LineProblem::WrongFieldCount { found } => {
            td_string!(i18n, people.problem_fields, found = found.to_string()).to_string()
        }
        LineProblem::BadEmail => td_string!(i18n, people.problem_email).to_string(),
        LineProblem::EmptyName => td_string!(i18n, people.problem_name_missing).to_string(),
        LineProblem::NameTooLong { max, actual } => {
            td_string!(i18n, people.problem_name_long, max = format::count(*max), actual = format::count(*actual))
                .to_string()
        }
        LineProblem::NameInvalidCharacters => td_string!(i18n, people.problem_name_characters).to_string(),
        LineProblem::BadUnitId => td_string!(i18n, people.problem_unit_id).to_string(),
        LineProblem::UnknownUnit => td_string!(i18n, people.problem_unit_unknown).to_string(),
        LineProblem::NotAUnit => td_string!(i18n, people.problem_not_unit).to_string(),
        LineProblem::OutsideYourOrganisation => td_string!(i18n, people.problem_outside).to_string(),
        LineProblem::PersonDeactivated => td_string!(i18n, people.problem_deactivated).to_string(),
        LineProblem::Duplicate { first_line } => {
            td_string!(i18n, people.problem_duplicate, line = first_line.to_string()).to_string()
        }
        LineProblem::OtherName { first_line } => {
            td_string!(i18n, people.problem_other_name, line = first_line.to_string()).to_string()
        }
    }
}

/// Whether applying was refused because a line no longer passes (with script).
fn refused_now(apply: ServerAction<ApplyImport>) -> bool {
    apply.value().with(|value| matches!(value, Some(Err(AppError::Invalid { .. }))))
}

#[component]
fn Review(plan: ImportPlan, token: String) -> impl IntoView {
    let i18n = locale();
    let apply = ServerAction::<ApplyImport>::new();
    let query = use_query_map();
    let here = td_string!(i18n, people.review_title).to_string();
    let counts = plan.counts();
    let applicable = plan.applicable();
    let ImportPlan { file_problem, lines, errors } = plan;
    let error_count = errors.len();
    view! {
        <Title text=here.clone() />
        <Breadcrumb here=here />
        <h1>{td!(i18n, people.review_title)}</h1>
        {move || {
            let failed = Notice::all_in(|name| query.read().get(name)).failure().map(|(code, _)| code.to_owned());
            match failed.as_deref().map(AppError::from_code) {
                _ if refused_now(apply) || failed.as_deref() == Some("ogiltig") => Some(view! {
                    <div class="notice notice--error" role="alert"><p>{td!(i18n, people.apply_refused)}</p></div>
                }.into_any()),
                Some(Some(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
                _ => None,
            }
        }}
        <p class="intro">{td!(i18n, people.review_intro)}</p>
        {file_problem.map(|problem| view! {
            <div class="notice notice--error" role="alert"><p>{file_problem_text(i18n, problem)}</p></div>
        })}
        {file_problem.is_none().then(|| view! { <Counts counts /> })}
        {(error_count > 0).then(|| view! {
            <section aria-labelledby="refused-heading">
                <h2 id="refused-heading">{td!(i18n, people.refused_heading, count = move || format::count(error_count))}</h2>
                <div class="notice notice--error" role="alert"><p>{td!(i18n, people.refused_intro)}</p></div>
                <div class="table-scroll" role="region" aria-labelledby="refused-caption" tabindex="0">
                    <table class="table">
                        <caption id="refused-caption" class="visually-hidden">{td!(i18n, people.refused_caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{td!(i18n, people.col_line)}</th>
                                <th scope="col">{td!(i18n, people.col_content)}</th>
                                <th scope="col">{td!(i18n, people.col_why)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {errors.into_iter().map(|error| {
                                let why = error.problems.iter().map(|problem| line_problem_text(i18n, problem)).collect::<Vec<_>>().join("; ");
                                view! {
                                    <tr>
                                        <th scope="row">{error.number}</th>
                                        <td class="table__wrap"><code>{error.shown.clone()}</code></td>
                                        <td>{why}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })}
        {(!lines.is_empty()).then(|| view! {
            <section aria-labelledby="planned-heading">
                <h2 id="planned-heading">{td!(i18n, people.planned_heading)}</h2>
                <div class="table-scroll" role="region" aria-labelledby="planned-caption" tabindex="0">
                    <table class="table">
                        <caption id="planned-caption" class="visually-hidden">{td!(i18n, people.planned_caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{td!(i18n, people.col_line)}</th>
                                <th scope="col">{td!(i18n, people.col_email)}</th>
                                <th scope="col">{td!(i18n, people.col_name)}</th>
                                <th scope="col">{td!(i18n, people.col_unit)}</th>
                                <th scope="col">{td!(i18n, people.col_outcome)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {lines.into_iter().map(|line| {
                                let outcome = match (line.person, line.role_given) {
                                    (PersonChange::New, _) => td_string!(i18n, people.outcome_new),
                                    (PersonChange::NewEarlier, _) => td_string!(i18n, people.outcome_new_earlier),
                                    (PersonChange::Existing(_), true) => td_string!(i18n, people.outcome_given),
                                    (PersonChange::Existing(_), false) => td_string!(i18n, people.outcome_held),
                                }.to_string();
                                view! {
                                    <tr>
                                        <th scope="row">{line.number}</th>
                                        <td class="table__wrap">{line.email.as_str().to_owned()}</td>
                                        <td>{line.name.clone()}</td>
                                        <td><a href=node_access_path(line.unit)>{line.unit_name.clone()}</a></td>
                                        <td>{outcome}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })}
        {if applicable {
            view! {
                <section aria-labelledby="apply-heading">
                    <h2 id="apply-heading">{td!(i18n, people.apply_heading)}</h2>
                    <p>{td!(i18n, people.apply_intro)}</p>
                    {other_error(apply)}
                    <ActionForm action=apply>
                        <input type="hidden" name="token" value=token />
                        <button type="submit" class="button" disabled=move || apply.pending().get()>
                            {td!(i18n, people.apply_submit)}
                        </button>
                    </ActionForm>
                </section>
            }.into_any()
        } else {
            view! { <p><a href=ADMIN_IMPORT>{td!(i18n, people.upload_again)}</a></p> }.into_any()
        }}
    }
}

#[component]
fn Applied(counts: ImportCounts, links_not_sent: usize) -> impl IntoView {
    let i18n = locale();
    let here = td_string!(i18n, people.applied_title).to_string();
    view! {
        <Title text=here.clone() />
        <Breadcrumb here=here />
        <h1>{td!(i18n, people.applied_title)}</h1>
        <p class="notice notice--success" role="status">{td!(i18n, people.applied_intro)}</p>
        {(links_not_sent > 0).then(|| view! {
            <p class="notice notice--warning" role="status">
                {td!(i18n, people.applied_links_not_sent, count = move || format::count(links_not_sent))}
            </p>
        })}
        <Counts counts />
        <ul class="link-list">
            <li><a href=ADMIN_PEOPLE>{td!(i18n, people.back_to_people)}</a></li>
            <li><a href=ADMIN_IMPORT>{td!(i18n, people.import_another)}</a></li>
        </ul>
    }
}
