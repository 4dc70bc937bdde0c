//! `/admin/ramverk/:version`: a version with everything in it; for a draft, its forms, what
//! still stops it from being published, and publishing.

use super::{BackToList, FailedNotice, ProblemSummary, VersionStatusBadge, problem_text};
use crate::api::frameworks::{PublishFrameworkVersion, VersionPage, load_framework_version};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::framework::Dimension;
use crate::domain::ids::FrameworkVersionId;
use crate::i18n::*;
use crate::routes::{
    ADMIN, ADMIN_FRAMEWORKS, Notice, framework_compare_path, framework_dimension_path, framework_general_path,
    framework_path, framework_toml_path, with_notice,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_navigate, use_params_map, use_query_map};

/// The version id in the address (0, which is no version, if it is not a number).
pub fn version_param() -> impl Fn() -> FrameworkVersionId + Copy {
    let params = use_params_map();
    move || FrameworkVersionId(params.read().get("version").and_then(|id| id.parse().ok()).unwrap_or(0))
}

#[component]
pub fn FrameworkVersionPage() -> impl IntoView {
    let i18n = locale();
    let id = version_param();
    let search = use_location().search;
    let data = Resource::new(move || (id(), search.get()), |(id, _)| load_framework_version(id));
    view! {
        <Title text=td_string!(i18n, frameworks.version_title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <VersionView page /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn VersionView(page: VersionPage) -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let notices = Notice::all_in(|key| query.read_untracked().get(key));
    let saved = notices.has(&Notice::Saved);
    let published_now = notices.done() == Some("publicerad");
    let id = page.line.id;
    let editable = page.line.editable();
    let framework = page.framework.clone();
    let title = td_string!(i18n, frameworks.version_heading, label = page.line.label.clone()).to_string();
    let problems: Vec<String> = page.problems.iter().map(|problem| problem_text(i18n, problem)).collect();
    let used = page.line.rounds.to_string();
    let created = page.line.created_on.clone();
    let published_on = page.line.published_on.clone();

    let publish = ServerAction::<PublishFrameworkVersion>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = publish.value().get() {
            let notice =
                if outcome.problems.is_empty() { Notice::Done("publicerad".into()) } else { Notice::Incomplete };
            navigate(&with_notice(&framework_path(id), &notice), Default::default());
        }
    });
    let failed = Signal::derive(move || publish.value().get().and_then(Result::err));

    let draft_section = editable.then(|| {
        let dimension_links = framework
            .dimensions
            .iter()
            .map(|dimension| {
                view! { <li><a href=framework_dimension_path(id, dimension.key.as_str())>{dimension.name.clone()}</a></li> }
            })
            .collect_view();
        let can_publish = problems.is_empty();
        view! {
            <section aria-labelledby="draft-heading">
                <h2 id="draft-heading">{td!(i18n, frameworks.draft_heading)}</h2>
                <p>{td!(i18n, frameworks.draft_intro)}</p>
                <ul class="link-list">
                    <li><a href=framework_general_path(id)>{td!(i18n, frameworks.edit_general_link)}</a></li>
                    {dimension_links}
                </ul>
                <ProblemSummary problems=problems.clone() />
                {can_publish.then(|| view! {
                    <ActionForm action=publish>
                        <input type="hidden" name="version" value=id.to_string() />
                        <p>{td!(i18n, frameworks.publish_hint)}</p>
                        <button type="submit" class="button" disabled=move || publish.pending().get()>
                            {td!(i18n, frameworks.publish_submit)}
                        </button>
                    </ActionForm>
                })}
            </section>
        }
    });
    let frozen_note = (!editable).then(|| view! { <p class="notice">{td!(i18n, frameworks.frozen_note)}</p> });

    view! {
        <nav class="breadcrumb" aria-label=move || td_string!(i18n, frameworks.breadcrumb).to_string()>
            <ol>
                <li><a href=ADMIN>{td!(i18n, admin.title)}</a></li>
                <li><a href=ADMIN_FRAMEWORKS>{td!(i18n, frameworks.list_title)}</a></li>
            </ol>
        </nav>
        <h1>{title}</h1>
        {saved.then(|| view! { <p class="notice notice--success" role="status">{td!(i18n, frameworks.saved_notice)}</p> })}
        {published_now.then(|| view! { <p class="notice notice--success" role="status">{td!(i18n, frameworks.published_notice)}</p> })}
        <FailedNotice error=failed />
        <dl class="facts">
            <div><dt>{td!(i18n, frameworks.fact_name)}</dt><dd>{framework.name.clone()}</dd></div>
            <div><dt>{td!(i18n, frameworks.fact_status)}</dt><dd><VersionStatusBadge line=page.line.clone() /></dd></div>
            <div><dt>{td!(i18n, frameworks.fact_created)}</dt><dd>{created}</dd></div>
            {published_on.map(|on| view! { <div><dt>{td!(i18n, frameworks.fact_published)}</dt><dd>{on}</dd></div> })}
            <div><dt>{td!(i18n, frameworks.fact_rounds)}</dt><dd>{used}</dd></div>
            {page.based_on.clone().map(|base| view! {
                <div>
                    <dt>{td!(i18n, frameworks.fact_based_on)}</dt>
                    <dd>
                        <a href=framework_path(base.id)>{base.label.clone()}</a>
                        " – "
                        <a href=framework_compare_path(base.id, id)>{td!(i18n, frameworks.compare_with_base)}</a>
                    </dd>
                </div>
            })}
        </dl>
        {frozen_note}
        <p><a href=framework_toml_path(id) download="">{td!(i18n, frameworks.download_link)}</a></p>
        {draft_section}
        <FrameworkContent framework=framework />
        <BackToList />
    }
}

/// Everything a version holds: levels, groups, dimensions with descriptors and statements.
#[component]
pub fn FrameworkContent(framework: crate::domain::framework::Framework) -> impl IntoView {
    let i18n = locale();
    let levels = framework
        .levels
        .iter()
        .map(|level| {
            view! {
                <tr>
                    <th scope="row">{format!("{} {}", level.level.get(), level.name)}</th>
                    <td>{level.description.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let groups = framework
        .groups
        .iter()
        .map(|group| {
            let dimensions: Vec<Dimension> =
                framework.dimensions.iter().filter(|dimension| dimension.group == group.group).cloned().collect();
            view! {
                <section class="framework-group">
                    <h2>{group.name.clone()}</h2>
                    <p>{group.description.clone()}</p>
                    {dimensions.into_iter().map(|dimension| view! { <DimensionView dimension /> }).collect_view()}
                </section>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="levels-heading">
            <h2 id="levels-heading">{td!(i18n, frameworks.levels_heading)}</h2>
            <table class="table">
                <caption class="visually-hidden">{td!(i18n, frameworks.levels_heading)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td!(i18n, frameworks.col_level)}</th>
                        <th scope="col">{td!(i18n, frameworks.col_descriptor)}</th>
                    </tr>
                </thead>
                <tbody>{levels}</tbody>
            </table>
        </section>
        {groups}
    }
}

#[component]
fn DimensionView(dimension: Dimension) -> impl IntoView {
    let i18n = locale();
    let heading_id = format!("dimension-{}", dimension.key);
    let descriptors = dimension
        .level_descriptors
        .iter()
        .zip(1..)
        .map(|(text, level): (&String, u8)| {
            view! { <li>{td!(i18n, frameworks.descriptor_level, level = level)}" "{text.clone()}</li> }
        })
        .collect_view();
    let statements = dimension
        .statements
        .iter()
        .map(|statement| {
            let replaces = statement.replaces.as_ref().map(|replaced| {
                let text = td_string!(i18n, frameworks.replaces_note, key = replaced.to_string()).to_string();
                view! { <p class="muted">{text}</p> }
            });
            view! {
                <li>
                    <p>{statement.text.clone()}</p>
                    <p class="muted">{td!(i18n, frameworks.key_label)}" "<code>{statement.key.to_string()}</code></p>
                    {replaces}
                    {(!statement.guidance.is_empty()).then(|| view! {
                        <p class="muted">{td!(i18n, frameworks.guidance_label)}" "{statement.guidance.clone()}</p>
                    })}
                </li>
            }
        })
        .collect_view();
    let labelled_by = heading_id.clone();
    view! {
        <section class="framework-dimension" aria-labelledby=labelled_by>
            <h3 id=heading_id>{dimension.name.clone()}</h3>
            <p>{dimension.description.clone()}</p>
            <h4>{td!(i18n, frameworks.descriptors_heading)}</h4>
            <ul>{descriptors}</ul>
            <h4>{td!(i18n, frameworks.statements_heading)}</h4>
            <ol>{statements}</ol>
        </section>
    }
}
