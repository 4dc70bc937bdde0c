//! `/admin/organisation/import/:token`: an uploaded file's dry run and its application, or
//! what it did.

use super::Breadcrumb;
use super::texts::{file_problem_text, outcome_text, row_problem_text};
use crate::api::error::AppError;
use crate::api::org_import::{ApplyOrgImport, OrgImportView, load_org_import};
use crate::components::error_notice::{ErrorNotice, PageError};
use crate::components::translations::locale;
use crate::domain::org_import::{ImportCounts, ImportDiff};
use crate::format;
use crate::i18n::*;
use crate::pages::people::shared::{kind_name, other_error};
use crate::routes::{ADMIN_ORG_CHANGE, ADMIN_ORG_IMPORT, Notice};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn OrgImportReviewPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let query = use_query_map();
    let asked = move || (params.read().get("token").unwrap_or_default(), query.read().get("fel"));
    let data = Resource::new(asked, |(token, _)| load_org_import(token));
    view! {
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                let token = params.read_untracked().get("token").unwrap_or_default();
                match data.await {
                    Ok(OrgImportView::Review { diff, counts, rows_cut, without_account }) => {
                        view! { <Review diff counts rows_cut without_account token /> }.into_any()
                    }
                    Ok(OrgImportView::Applied { counts, managers_given }) => {
                        view! { <Applied counts managers_given /> }.into_any()
                    }
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Counts(counts: ImportCounts) -> impl IntoView {
    let i18n = locale();
    let item = |label: String, value: usize| view! { <div><dt>{label}</dt><dd>{format::count(value)}</dd></div> };
    view! {
        <dl class="stats">
            {item(td_string!(i18n, org_import.count_lines).to_string(), counts.lines)}
            {item(td_string!(i18n, org_import.count_new).to_string(), counts.new)}
            {item(td_string!(i18n, org_import.count_renamed).to_string(), counts.renamed)}
            {item(td_string!(i18n, org_import.count_moved).to_string(), counts.moved)}
            {item(td_string!(i18n, org_import.count_closed).to_string(), counts.closed)}
            {item(td_string!(i18n, org_import.count_unchanged).to_string(), counts.unchanged)}
            {item(td_string!(i18n, org_import.count_managers).to_string(), counts.managers)}
            {item(td_string!(i18n, org_import.count_refused).to_string(), counts.refused)}
        </dl>
    }
}

/// Whether applying was refused because a line no longer passes (with script).
fn refused_now(apply: ServerAction<ApplyOrgImport>) -> bool {
    apply.value().with(|value| matches!(value, Some(Err(AppError::Invalid { .. }))))
}

#[component]
fn Review(
    diff: ImportDiff,
    counts: ImportCounts,
    rows_cut: bool,
    without_account: Vec<String>,
    token: String,
) -> impl IntoView {
    let i18n = locale();
    let apply = ServerAction::<ApplyOrgImport>::new();
    let query = use_query_map();
    let here = td_string!(i18n, org_import.review_title).to_string();
    let applicable = diff.applicable();
    let ImportDiff { file_problem, change_day, rows, closed, errors, .. } = diff;
    let error_count = errors.len();
    let change_day = change_day.map(|day| day.to_string()).unwrap_or_default();
    view! {
        <Title text=here.clone() />
        <Breadcrumb here=here />
        <h1>{td!(i18n, org_import.review_title)}</h1>
        {move || {
            let failed = Notice::all_in(|name| query.read().get(name)).failure().map(|(code, _)| code.to_owned());
            match failed.as_deref().map(AppError::from_code) {
                _ if refused_now(apply) || failed.as_deref() == Some("ogiltig") => Some(view! {
                    <div class="notice notice--error" role="alert"><p>{td!(i18n, org_import.apply_refused)}</p></div>
                }.into_any()),
                Some(Some(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
                _ => None,
            }
        }}
        <p class="intro">{td!(i18n, org_import.review_intro, day = change_day.clone())}</p>
        {file_problem.map(|problem| view! {
            <div class="notice notice--error" role="alert"><p>{file_problem_text(i18n, problem)}</p></div>
        })}
        {file_problem.is_none().then(|| view! { <Counts counts /> })}
        {(error_count > 0).then(|| view! {
            <section aria-labelledby="refused-heading">
                <h2 id="refused-heading">{td!(i18n, org_import.refused_heading, count = move || format::count(error_count))}</h2>
                <div class="notice notice--error" role="alert"><p>{td!(i18n, org_import.refused_intro)}</p></div>
                <div class="table-scroll" role="region" aria-labelledby="refused-caption" tabindex="0">
                    <table class="table">
                        <caption id="refused-caption">{td!(i18n, org_import.refused_caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{td!(i18n, org_import.col_line)}</th>
                                <th scope="col">{td!(i18n, org_import.col_content)}</th>
                                <th scope="col">{td!(i18n, org_import.col_why)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {errors.into_iter().map(|error| {
                                let why = error.problems.iter().map(|problem| row_problem_text(i18n, problem)).collect::<Vec<_>>().join(" ");
                                let number = if error.number == 0 { td_string!(i18n, org_import.not_in_file).to_string() } else { error.number.to_string() };
                                view! {
                                    <tr>
                                        <th scope="row">{number}</th>
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
        {(!rows.is_empty()).then(|| view! {
            <section aria-labelledby="changed-heading">
                <h2 id="changed-heading">{td!(i18n, org_import.changed_heading)}</h2>
                {rows_cut.then(|| view! { <p>{td!(i18n, org_import.rows_cut, max = format::count(crate::api::org_import::MAX_SHOWN_ROWS))}</p> })}
                <div class="table-scroll" role="region" aria-labelledby="changed-caption" tabindex="0">
                    <table class="table">
                        <caption id="changed-caption">{td!(i18n, org_import.changed_caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{td!(i18n, org_import.col_line)}</th>
                                <th scope="col">{td!(i18n, org_import.col_id)}</th>
                                <th scope="col">{td!(i18n, org_import.col_name)}</th>
                                <th scope="col">{td!(i18n, org_import.col_kind)}</th>
                                <th scope="col">{td!(i18n, org_import.col_parent)}</th>
                                <th scope="col">{td!(i18n, org_import.col_what)}</th>
                                <th scope="col">{td!(i18n, org_import.col_from)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|row| {
                                let mut what = outcome_text(i18n, &row.outcome);
                                if !row.replaces.is_empty() {
                                    what = format!("{what}; {}", td_string!(i18n, org_import.replaces, names = row.replaces.join(", ")));
                                }
                                view! {
                                    <tr>
                                        <th scope="row">{row.number}</th>
                                        <td>{row.external_id.clone()}</td>
                                        <td class="table__wrap">{row.name.clone()}</td>
                                        <td>{kind_name(i18n, row.kind)}</td>
                                        <td class="table__wrap">{row.parent.clone().unwrap_or_default()}</td>
                                        <td>{what}</td>
                                        <td>{row.from.to_string()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })}
        {(!closed.is_empty()).then(|| view! {
            <section aria-labelledby="closed-heading">
                <h2 id="closed-heading">{td!(i18n, org_import.closed_heading)}</h2>
                <div class="table-scroll" role="region" aria-labelledby="closed-caption" tabindex="0">
                    <table class="table">
                        <caption id="closed-caption">{td!(i18n, org_import.closed_caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{td!(i18n, org_import.col_id)}</th>
                                <th scope="col">{td!(i18n, org_import.col_name)}</th>
                                <th scope="col">{td!(i18n, org_import.col_last_day)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {closed.into_iter().map(|row| view! {
                                <tr>
                                    <td>{row.external_id.clone()}</td>
                                    <th scope="row" class="table__wrap">{row.name.clone()}</th>
                                    <td>{row.last_day.to_string()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })}
        {(!without_account.is_empty()).then(|| view! {
            <section aria-labelledby="accounts-heading">
                <h2 id="accounts-heading">{td!(i18n, org_import.without_account_heading)}</h2>
                <p>{td!(i18n, org_import.without_account_intro)}</p>
                <ul>{without_account.into_iter().map(|email| view! { <li>{email}</li> }).collect_view()}</ul>
            </section>
        })}
        {if applicable {
            view! {
                <section aria-labelledby="apply-heading">
                    <h2 id="apply-heading">{td!(i18n, org_import.apply_heading)}</h2>
                    <p>{td!(i18n, org_import.apply_intro)}</p>
                    {other_error(apply)}
                    <ActionForm action=apply>
                        <input type="hidden" name="token" value=token />
                        <button type="submit" class="button" disabled=move || apply.pending().get()>
                            {td!(i18n, org_import.apply_submit)}
                        </button>
                        <p role="status" class="muted">{move || apply.pending().get().then(|| td_string!(i18n, org_import.applying).to_string())}</p>
                    </ActionForm>
                </section>
            }.into_any()
        } else {
            view! { <p><a href=ADMIN_ORG_IMPORT>{td!(i18n, org_import.upload_again)}</a></p> }.into_any()
        }}
    }
}

#[component]
fn Applied(counts: ImportCounts, managers_given: usize) -> impl IntoView {
    let i18n = locale();
    let here = td_string!(i18n, org_import.applied_title).to_string();
    view! {
        <Title text=here.clone() />
        <Breadcrumb here=here />
        <h1>{td!(i18n, org_import.applied_title)}</h1>
        <p class="notice notice--success" role="status">
            {td!(i18n, org_import.applied_intro, managers = move || format::count(managers_given))}
        </p>
        <Counts counts />
        <ul class="link-list">
            <li><a href=ADMIN_ORG_IMPORT>{td!(i18n, org_import.import_another)}</a></li>
            <li><a href=ADMIN_ORG_CHANGE>{td!(i18n, org_import.change_link)}</a></li>
        </ul>
    }
}
