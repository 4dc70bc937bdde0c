//! Importing the organisation from the HR register: `/admin/organisation/import` takes a CSV
//! or XLSX file (a plain multipart form, so it works without script; a notice says the file is
//! being read while a large one uploads), `/admin/organisation/import/:token` shows the dry
//! run — counts, every changed line, every closure, every refused line with its number and
//! why — and applies it all at once, or shows what it did.

mod review;
mod texts;

pub use self::review::OrgImportReviewPage;

use self::texts::{file_problem_text, size_limit};
use crate::api::org_import::{CHANGE_DAY_FIELD, FILE_FIELD, OrgImportForm, load_org_import_form};
use crate::components::error_notice::PageError;
use crate::components::progress_note::ProgressNote;
use crate::components::translations::locale;
use crate::domain::org_import::MAX_IMPORT_LINES;
use crate::format;
use crate::i18n::*;
use crate::pages::people::shared::Outcome;
use crate::routes::{ADMIN, ADMIN_ORG_CHANGE, ADMIN_ORG_IMPORT, Notice, ORG_IMPORT_UPLOAD};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
fn Breadcrumb(here: String) -> impl IntoView {
    let i18n = locale();
    view! {
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, org_change.breadcrumb_label).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><a href=ADMIN_ORG_IMPORT>{td!(i18n, org_import.title)}</a></li>
                <li><span aria-current="page">{here}</span></li>
            </ol>
        </nav>
    }
}

#[component]
pub fn OrgImportPage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let refused = move || Notice::all_in(|name| query.read().get(name)).refused().map(str::to_owned);
    let data = Resource::new(refused, load_org_import_form);
    view! {
        <Title text=td_string!(i18n, org_import.title).to_string() />
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, org_change.breadcrumb_label).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><span aria-current="page">{td!(i18n, org_import.title)}</span></li>
            </ol>
        </nav>
        <h1>{td!(i18n, org_import.title)}</h1>
        <Outcome />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(form) => view! { <UploadForm form /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UploadForm(form: OrgImportForm) -> impl IntoView {
    let i18n = locale();
    let file_problem = form.problem.map(|problem| file_problem_text(i18n, problem));
    let day_problem = form.bad_change_day.then(|| td_string!(i18n, org_import.change_day_invalid).to_string());
    let limits =
        td_string!(i18n, org_import.limits, lines = format::count(MAX_IMPORT_LINES), size = size_limit()).to_string();
    let file_invalid = file_problem.is_some();
    let day_invalid = day_problem.is_some();
    view! {
        <p class="intro">{td!(i18n, org_import.intro)}</p>
        <ol>
            <li>{td!(i18n, org_import.column_id)}</li>
            <li>{td!(i18n, org_import.column_name)}</li>
            <li>{td!(i18n, org_import.column_parent)}</li>
            <li>{td!(i18n, org_import.column_kind)}</li>
            <li>{td!(i18n, org_import.column_from)}</li>
            <li>{td!(i18n, org_import.column_manager)}</li>
            <li>{td!(i18n, org_import.column_replaces)}</li>
        </ol>
        <p>{td!(i18n, org_import.format_rules)}</p>
        <p>{limits}</p>
        <p>{td!(i18n, org_import.example_label)}</p>
        <pre class="example">"id;namn;överordnad;typ;giltig från;enhetschef;ersätter\nJ;Järva stadsdelsförvaltning;;stadsdelsforvaltning;2023-01-01;;ST RK\nJ-F;Avdelningen för förskola;J;avdelning;2023-01-01\nJ-F-1;Förskolan Ängen;J-F;enhet;2023-01-01;anna.berg@stockholm.se"</pre>
        {file_problem.clone().map(|problem| view! {
            <div class="notice notice--error" role="alert"><p><a href="#org-import-file">{problem}</a></p></div>
        })}
        {day_problem.clone().map(|problem| view! {
            <div class="notice notice--error" role="alert"><p><a href="#org-import-day">{problem}</a></p></div>
        })}
        <ProgressNote message=td_string!(i18n, org_import.working).to_string()>
        <form method="post" action=ORG_IMPORT_UPLOAD enctype="multipart/form-data" class="narrow">
            <div class="field" class:field--invalid=file_invalid>
                <label for="org-import-file" class="field__label">{td!(i18n, org_import.file_label)}</label>
                {file_problem.map(|problem| view! { <p id="org-import-file-fel" class="field__error">{problem}</p> })}
                <input
                    id="org-import-file"
                    type="file"
                    name=FILE_FIELD
                    class="field__input"
                    accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    required
                    aria-describedby=file_invalid.then_some("org-import-file-fel")
                />
            </div>
            <div class="field" class:field--invalid=day_invalid>
                <label for="org-import-day" class="field__label">{td!(i18n, org_import.change_day_label)}</label>
                <p id="org-import-day-hint" class="field__hint">{td!(i18n, org_import.change_day_hint)}</p>
                {day_problem.map(|problem| view! { <p id="org-import-day-fel" class="field__error">{problem}</p> })}
                <input
                    id="org-import-day"
                    type="date"
                    name=CHANGE_DAY_FIELD
                    class="field__input"
                    value=form.today
                    aria-describedby=if day_invalid { "org-import-day-hint org-import-day-fel" } else { "org-import-day-hint" }
                />
            </div>
            <button type="submit" class="button">{td!(i18n, org_import.review_submit)}</button>
        </form>
        </ProgressNote>
        <p><a href=ADMIN_ORG_CHANGE>{td!(i18n, org_import.change_link)}</a></p>
    }
}
