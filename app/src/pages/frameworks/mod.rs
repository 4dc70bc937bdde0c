//! Framework versions (the quality department): the list with each version's status, a
//! version's page, a draft's forms (its general texts, one dimension), two versions side by
//! side, and a draft made from an uploaded file. Every form works without script: a refused
//! post comes back with what was typed and why.

mod compare;
mod edit;
mod upload;
mod version_page;

pub use compare::FrameworkComparePage;
pub use edit::{FrameworkDimensionPage, FrameworkGeneralPage};
pub use upload::FrameworkUploadPage;
pub use version_page::FrameworkVersionPage;

use crate::api::error::AppError;
use crate::api::frameworks::{NewFrameworkDraft, VersionLine, VersionList, load_framework_versions};
use crate::components::error_notice::{ErrorNotice, PageError};
use crate::components::translations::locale;
use crate::domain::framework_edit::{DraftProblem, Place};
use crate::domain::framework_file::FileProblem;
use crate::i18n::*;
use crate::routes::{
    ADMIN, ADMIN_FRAMEWORK_COMPARE, ADMIN_FRAMEWORK_UPLOAD, ADMIN_FRAMEWORKS, Notice, framework_path, with_notice,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The element id of the summary of a form's problems (focused after a refused post).
pub const ERROR_SUMMARY_ID: &str = "felsammanfattning";

/// A version's status as a labelled badge (text, not colour alone).
#[component]
pub fn VersionStatusBadge(line: VersionLine) -> impl IntoView {
    let i18n = locale();
    let (class, text) = if line.published {
        ("badge badge--round-published", td_string!(i18n, frameworks.status_published).to_string())
    } else {
        ("badge badge--round-draft", td_string!(i18n, frameworks.status_draft).to_string())
    };
    view! { <span class=class>{text}</span> }
}

/// Where a problem is, in words.
fn place_text(i18n: Locale, place: &Place) -> String {
    match place {
        Place::FrameworkName => td_string!(i18n, frameworks.place_name).to_string(),
        Place::VersionLabel => td_string!(i18n, frameworks.place_label).to_string(),
        Place::Level(level) => td_string!(i18n, frameworks.place_level, level = *level).to_string(),
        Place::Group(key) => td_string!(i18n, frameworks.place_group, key = key.clone()).to_string(),
        Place::Dimension(key) => td_string!(i18n, frameworks.place_dimension, key = key.clone()).to_string(),
        Place::Statement { dimension, position } => {
            td_string!(i18n, frameworks.place_statement, key = dimension.clone(), position = *position).to_string()
        }
    }
}

/// A draft's problem in Swedish.
pub fn problem_text(i18n: Locale, problem: &DraftProblem) -> String {
    match problem {
        DraftProblem::Missing(place) => {
            td_string!(i18n, frameworks.problem_missing, place = place_text(i18n, place)).to_string()
        }
        DraftProblem::TooLong { place, max } => {
            td_string!(i18n, frameworks.problem_too_long, place = place_text(i18n, place), max = *max).to_string()
        }
        DraftProblem::Levels => td_string!(i18n, frameworks.problem_levels).to_string(),
        DraftProblem::Groups => td_string!(i18n, frameworks.problem_groups).to_string(),
        DraftProblem::DimensionCount { found } => {
            td_string!(i18n, frameworks.problem_dimension_count, found = *found).to_string()
        }
        DraftProblem::Descriptors { dimension } => {
            td_string!(i18n, frameworks.problem_descriptors, key = dimension.clone()).to_string()
        }
        DraftProblem::NoStatements { dimension } => {
            td_string!(i18n, frameworks.problem_no_statements, key = dimension.clone()).to_string()
        }
        DraftProblem::TooManyStatements { dimension, max } => {
            td_string!(i18n, frameworks.problem_too_many_statements, key = dimension.clone(), max = *max).to_string()
        }
        DraftProblem::DuplicateKey { key } => {
            td_string!(i18n, frameworks.problem_duplicate_key, key = key.clone()).to_string()
        }
        DraftProblem::BadKey { key } => td_string!(i18n, frameworks.problem_bad_key, key = key.clone()).to_string(),
        DraftProblem::UnknownGroup { key } => {
            td_string!(i18n, frameworks.problem_unknown_group, key = key.clone()).to_string()
        }
        DraftProblem::ReplacesPresentKey { key } => {
            td_string!(i18n, frameworks.problem_replaces_present, key = key.clone()).to_string()
        }
        DraftProblem::LabelTaken { label } => {
            td_string!(i18n, frameworks.problem_label_taken, label = label.clone()).to_string()
        }
    }
}

/// A file's problem in Swedish, with its line where the parser knows it.
pub fn file_problem_text(i18n: Locale, problem: &FileProblem) -> String {
    match problem {
        FileProblem::Empty => td_string!(i18n, frameworks.file_empty).to_string(),
        FileProblem::TooBig { max } => td_string!(i18n, frameworks.file_too_big, kb = *max / 1024).to_string(),
        FileProblem::Syntax { line: Some(line), detail } => {
            td_string!(i18n, frameworks.file_syntax_line, line = *line, detail = detail.clone()).to_string()
        }
        FileProblem::Syntax { line: None, detail } => {
            td_string!(i18n, frameworks.file_syntax, detail = detail.clone()).to_string()
        }
        FileProblem::Content(problem) => problem_text(i18n, problem),
    }
}

/// A summary of problems above a form, focusable so a refused post can move focus to it.
#[component]
pub fn ProblemSummary(problems: Vec<String>) -> impl IntoView {
    let i18n = locale();
    (!problems.is_empty()).then(|| {
        view! {
            <div class="error-summary" id=ERROR_SUMMARY_ID tabindex="-1" role="alert" aria-labelledby="felsammanfattning-rubrik">
                <h2 id="felsammanfattning-rubrik">{td!(i18n, frameworks.problems_heading)}</h2>
                <ul>{problems.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

/// The error of a failed post (not its refused problems), or the one named in the address.
#[component]
pub fn FailedNotice(error: Signal<Option<AppError>>) -> impl IntoView {
    let query = use_query_map();
    move || {
        let error = error.get().or_else(|| {
            let notices = Notice::all_in(|key| query.read().get(key));
            notices.failure().and_then(|(code, _)| AppError::from_code(code))
        });
        error.map(|error| view! { <ErrorNotice error /> })
    }
}

/// `/admin/ramverk`: every version with its status, a new draft, comparing two versions and
/// uploading a file.
#[component]
pub fn FrameworkVersionsPage() -> impl IntoView {
    let i18n = locale();
    let data = Resource::new(|| (), |_| load_framework_versions());
    view! {
        <Title text=td_string!(i18n, frameworks.list_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => view! { <VersionListView list /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn VersionListView(list: VersionList) -> impl IntoView {
    let i18n = locale();
    let create = ServerAction::<NewFrameworkDraft>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&with_notice(&framework_path(id), &Notice::Saved), Default::default());
        }
    });
    let failed = Signal::derive(move || create.value().get().and_then(Result::err));
    let choices = list.versions.clone();
    let option = move |line: &VersionLine, selected: bool| {
        let text = td_string!(i18n, frameworks.version_option, name = line.name.clone(), label = line.label.clone())
            .to_string();
        view! { <option value=line.id.to_string() selected=selected>{text}</option> }
    };
    let a_options = choices.iter().enumerate().map(|(at, line)| option(line, at == 1)).collect_view();
    let b_options = choices.iter().enumerate().map(|(at, line)| option(line, at == 0)).collect_view();
    let rows = list
        .versions
        .into_iter()
        .map(|line| {
            let rounds = line.rounds.to_string();
            view! {
                <tr>
                    <th scope="row"><a href=framework_path(line.id)>{line.label.clone()}</a></th>
                    <td>{line.name.clone()}</td>
                    <td><VersionStatusBadge line=line.clone() /></td>
                    <td class="nowrap">{line.published_on.clone().unwrap_or_else(|| line.created_on.clone())}</td>
                    <td class="numeric">{rounds}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, frameworks.breadcrumb).to_string()>
            <ol><li><a href=ADMIN>{td!(i18n, admin.title)}</a></li></ol>
        </nav>
        <h1>{td!(i18n, frameworks.list_title)}</h1>
        <p class="intro">{td!(i18n, frameworks.list_intro)}</p>
        <FailedNotice error=failed />
        {list.can_copy.then(|| view! {
            <ActionForm action=create>
                <button type="submit" class="button" disabled=move || create.pending().get()>
                    {td!(i18n, frameworks.new_draft)}
                </button>
                <p class="muted">{td!(i18n, frameworks.new_draft_hint)}</p>
            </ActionForm>
        })}
        <p><a href=ADMIN_FRAMEWORK_UPLOAD>{td!(i18n, frameworks.upload_link)}</a></p>
        <div class="table-scroll" role="region" aria-labelledby="versions-caption" tabindex="0">
            <table class="table">
                <caption id="versions-caption">{td!(i18n, frameworks.list_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td!(i18n, frameworks.col_label)}</th>
                        <th scope="col">{td!(i18n, frameworks.col_name)}</th>
                        <th scope="col">{td!(i18n, frameworks.col_status)}</th>
                        <th scope="col">{td!(i18n, frameworks.col_date)}</th>
                        <th scope="col" class="numeric">{td!(i18n, frameworks.col_rounds)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(choices.len() > 1).then(|| view! {
            <section aria-labelledby="compare-heading">
                <h2 id="compare-heading">{td!(i18n, frameworks.compare_heading)}</h2>
                <form method="get" action=ADMIN_FRAMEWORK_COMPARE class="form-row">
                    <label for="jamfor-a">{td!(i18n, frameworks.compare_a)}</label>
                    <select id="jamfor-a" name="a">{a_options}</select>
                    <label for="jamfor-b">{td!(i18n, frameworks.compare_b)}</label>
                    <select id="jamfor-b" name="b">{b_options}</select>
                    <button type="submit" class="button button--secondary">{td!(i18n, frameworks.compare_submit)}</button>
                </form>
            </section>
        })}
        <p><a href=ADMIN>{td!(i18n, frameworks.back_admin)}</a></p>
    }
}

/// Back to the list.
#[component]
pub fn BackToList() -> impl IntoView {
    let i18n = locale();
    view! { <p><a href=ADMIN_FRAMEWORKS>{td!(i18n, frameworks.back_list)}</a></p> }
}
