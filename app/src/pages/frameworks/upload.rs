//! `/admin/ramverk/ladda-upp`: a draft made from a framework file's text (the format a
//! version is downloaded as). A file with problems stores nothing and lists them, with the
//! line where the reader found them.

use super::{BackToList, ERROR_SUMMARY_ID, FailedNotice, ProblemSummary, file_problem_text};
use crate::api::frameworks::{UPLOAD_FIELD, UPLOAD_PROBLEMS_KEY, UploadFramework, UploadOutcome};
use crate::components::translations::locale;
use crate::domain::framework_file::{FileProblem, MAX_FILE_BYTES};
use crate::i18n::*;
use crate::routes::{ADMIN, ADMIN_FRAMEWORKS, Notice, framework_path, with_notice};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn FrameworkUploadPage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let from_address: Vec<FileProblem> = query
        .read_untracked()
        .get(UPLOAD_PROBLEMS_KEY)
        .and_then(|param| serde_json::from_str(&param).ok())
        .unwrap_or_default();
    let upload = ServerAction::<UploadFramework>::new();
    let problems = Signal::derive(move || match upload.value().get() {
        Some(Ok(UploadOutcome { problems, .. })) => {
            problems.iter().map(|problem| file_problem_text(i18n, problem)).collect::<Vec<_>>()
        }
        Some(Err(_)) => Vec::new(),
        None => from_address.iter().map(|problem| file_problem_text(i18n, problem)).collect(),
    });
    let failed = Signal::derive(move || upload.value().get().and_then(Result::err));
    let navigate = use_navigate();
    Effect::new(move |_| match upload.value().get() {
        Some(Ok(UploadOutcome { created: Some(id), .. })) => {
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
    let limit = td_string!(i18n, frameworks.upload_hint, kb = MAX_FILE_BYTES / 1024).to_string();
    view! {
        <Title text=td_string!(i18n, frameworks.upload_title).to_string() />
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, frameworks.breadcrumb).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><a href=ADMIN_FRAMEWORKS>{td!(i18n, frameworks.list_title)}</a></li>
            </ol>
        </nav>
        <h1>{td!(i18n, frameworks.upload_title)}</h1>
        <p class="intro">{td!(i18n, frameworks.upload_intro)}</p>
        <FailedNotice error=failed />
        {move || view! { <ProblemSummary problems=problems.get() /> }}
        <ActionForm action=upload>
            <div class="field">
                <label for="ramverk-toml">{td!(i18n, frameworks.upload_field)}</label>
                <p class="muted" id="ramverk-toml-hint">{limit}</p>
                <textarea
                    id="ramverk-toml"
                    name=UPLOAD_FIELD
                    rows="20"
                    spellcheck="false"
                    aria-describedby="ramverk-toml-hint"
                    class="code-input"
                ></textarea>
            </div>
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || upload.pending().get()>
                    {td!(i18n, frameworks.upload_submit)}
                </button>
            </div>
        </ActionForm>
        <BackToList />
    }
}
