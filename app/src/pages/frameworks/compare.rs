//! `/admin/ramverk/jamfor?a=&b=`: what changed from version `a` to version `b`, and whether
//! each change keeps results comparable.

use super::BackToList;
use crate::api::frameworks::{ComparisonPage, load_framework_comparison};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::framework_edit::StatementChangeKind;
use crate::domain::ids::FrameworkVersionId;
use crate::i18n::*;
use crate::routes::{ADMIN, ADMIN_FRAMEWORK_COMPARE, ADMIN_FRAMEWORKS, framework_path};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn FrameworkComparePage() -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let ids = move || {
        let query = query.read();
        let id = |key: &str| FrameworkVersionId(query.get(key).and_then(|id| id.parse().ok()).unwrap_or(0));
        (id("a"), id("b"))
    };
    let data = Resource::new(ids, |(a, b)| load_framework_comparison(a, b));
    view! {
        <Title text=td_string!(i18n, frameworks.compare_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <ComparisonView page /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn kind_text(i18n: Locale, kind: StatementChangeKind) -> String {
    match kind {
        StatementChangeKind::Added => td_string!(i18n, frameworks.change_added),
        StatementChangeKind::Removed => td_string!(i18n, frameworks.change_removed),
        StatementChangeKind::Reworded => td_string!(i18n, frameworks.change_reworded),
        StatementChangeKind::GuidanceChanged => td_string!(i18n, frameworks.change_guidance),
        StatementChangeKind::Moved => td_string!(i18n, frameworks.change_moved),
    }
    .to_string()
}

#[component]
fn ComparisonView(page: ComparisonPage) -> impl IntoView {
    let i18n = locale();
    let names = page.dimension_names.clone();
    let name_of = move |key: &str| {
        names.iter().find(|(found, _)| found == key).map_or_else(|| key.to_owned(), |(_, name)| name.clone())
    };
    let comparison = page.comparison.clone();
    let heading =
        td_string!(i18n, frameworks.compare_heading_of, a = page.a.label.clone(), b = page.b.label.clone()).to_string();
    let option = move |selected: FrameworkVersionId| {
        page.versions
            .iter()
            .map(|line| {
                let text =
                    td_string!(i18n, frameworks.version_option, name = line.name.clone(), label = line.label.clone())
                        .to_string();
                view! { <option value=line.id.to_string() selected=line.id == selected>{text}</option> }
            })
            .collect_view()
    };
    let (a_options, b_options) = (option.clone()(page.a.id), option(page.b.id));

    let rows = comparison
        .statements
        .iter()
        .map(|change| {
            let statement_cell = |statement: &Option<crate::domain::framework::Statement>| {
                statement.as_ref().map(|statement| {
                    view! {
                        <p>{statement.text.clone()}</p>
                        <p class="muted"><code>{statement.key.to_string()}</code></p>
                    }
                })
            };
            let comparable = if change.comparable {
                td_string!(i18n, frameworks.comparable_yes).to_string()
            } else {
                td_string!(i18n, frameworks.comparable_no).to_string()
            };
            view! {
                <tr>
                    <td>{name_of(change.dimension.as_str())}</td>
                    <td>{kind_text(i18n, change.kind)}</td>
                    <td>{statement_cell(&change.before)}</td>
                    <td>{statement_cell(&change.after)}</td>
                    <td>{comparable}</td>
                </tr>
            }
        })
        .collect_view();
    let statements = if comparison.statements.is_empty() {
        view! { <p>{td!(i18n, frameworks.compare_no_statement_changes)}</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll" role="region" aria-labelledby="changes-caption" tabindex="0">
                <table class="table">
                    <caption id="changes-caption">{td!(i18n, frameworks.changes_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td!(i18n, frameworks.col_dimension)}</th>
                            <th scope="col">{td!(i18n, frameworks.col_change)}</th>
                            <th scope="col">{td!(i18n, frameworks.col_before)}</th>
                            <th scope="col">{td!(i18n, frameworks.col_after)}</th>
                            <th scope="col">{td!(i18n, frameworks.col_comparable)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let mut other: Vec<String> = comparison
        .dimensions
        .iter()
        .map(|change| {
            let mut parts = Vec::new();
            if let Some((from, to)) = &change.name {
                parts.push(td_string!(i18n, frameworks.other_name, from = from.clone(), to = to.clone()).to_string());
            }
            if change.description {
                parts.push(td_string!(i18n, frameworks.other_description).to_string());
            }
            if !change.descriptors.is_empty() {
                let levels = change.descriptors.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
                parts.push(td_string!(i18n, frameworks.other_descriptors, levels = levels).to_string());
            }
            format!("{}: {}", name_of(change.dimension.as_str()), parts.join("; "))
        })
        .collect();
    if !comparison.levels.is_empty() {
        let levels = comparison.levels.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
        other.push(td_string!(i18n, frameworks.other_levels, levels = levels).to_string());
    }
    if !comparison.groups.is_empty() {
        other.push(td_string!(i18n, frameworks.other_groups).to_string());
    }
    for key in &comparison.dimensions_added {
        other.push(td_string!(i18n, frameworks.other_dimension_added, name = name_of(key.as_str())).to_string());
    }
    for key in &comparison.dimensions_removed {
        other.push(td_string!(i18n, frameworks.other_dimension_removed, name = name_of(key.as_str())).to_string());
    }
    let breaks = &comparison.breaks;
    let broken: Vec<String> = breaks.dimensions.iter().map(|key| name_of(key)).collect();
    let trend = if breaks.is_empty() {
        td_string!(i18n, frameworks.trend_unbroken).to_string()
    } else {
        let index = if breaks.index { td_string!(i18n, frameworks.trend_index).to_string() } else { String::new() };
        td_string!(i18n, frameworks.trend_broken, dimensions = broken.join(", "), index = index).to_string()
    };

    view! {
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, frameworks.breadcrumb).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><a href=ADMIN_FRAMEWORKS>{td!(i18n, frameworks.list_title)}</a></li>
            </ol>
        </nav>
        <h1>{heading}</h1>
        <p>
            <a href=framework_path(page.a.id)>{page.a.label.clone()}</a>
            " → "
            <a href=framework_path(page.b.id)>{page.b.label.clone()}</a>
        </p>
        <form method="get" action=ADMIN_FRAMEWORK_COMPARE class="form-row">
            <label for="jamfor-a">{td!(i18n, frameworks.compare_a)}</label>
            <select id="jamfor-a" name="a">{a_options}</select>
            <label for="jamfor-b">{td!(i18n, frameworks.compare_b)}</label>
            <select id="jamfor-b" name="b">{b_options}</select>
            <button type="submit" class="button button--secondary">{td!(i18n, frameworks.compare_submit)}</button>
        </form>
        <section aria-labelledby="trend-effect-heading">
            <h2 id="trend-effect-heading">{td!(i18n, frameworks.trend_effect_heading)}</h2>
            <p>{trend}</p>
        </section>
        <section aria-labelledby="statement-changes-heading">
            <h2 id="statement-changes-heading">{td!(i18n, frameworks.statement_changes_heading)}</h2>
            {statements}
        </section>
        <section aria-labelledby="other-changes-heading">
            <h2 id="other-changes-heading">{td!(i18n, frameworks.other_changes_heading)}</h2>
            {if other.is_empty() {
                view! { <p>{td!(i18n, frameworks.other_none)}</p> }.into_any()
            } else {
                view! { <ul>{other.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
        <BackToList />
    }
}
