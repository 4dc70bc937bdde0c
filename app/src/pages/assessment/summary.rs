//! The assessment read-only: once submitted (with the unit's scores), or for someone who
//! may read but not edit it.

use super::rating_text::rating_label;
use super::reopen::ReopenForm;
use crate::api::assessment::AssessmentView;
use crate::components::status_badge::StatusBadge;
use crate::components::translations::locale;
use crate::domain::answers::{Answers, TextField};
use crate::domain::framework::Framework;
use crate::domain::scoring::UnitScores;
use crate::domain::status::AssessmentStatus;
use crate::format;
use crate::i18n::*;
use crate::routes::{HOME, Notice, actions_path, assessment_path};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// The heading of the assessment page: unit, organisation, round, status.
#[component]
pub fn AssessmentHeader(view: AssessmentView) -> impl IntoView {
    let i18n = locale();
    let unit = view.unit_name.clone();
    let round_line =
        td_string!(i18n, assessment.round_line, round = view.round.name.clone(), closes = view.round.closes_on.clone())
            .to_string();
    let (rated, total) = (view.rated, view.statement_count);
    let show_progress = view.answers.is_some();
    view! {
        <header class="page-header">
            <p class="page-header__context">{view.organisation.join(" › ")}</p>
            <h1>{td!(i18n, assessment.heading, unit = move || unit.clone())}</h1>
            <p>{round_line}</p>
            <p>
                {td!(i18n, assessment.status_line)}
                <StatusBadge status=view.status />
                {view.submitted_at.clone().map(|time| view! {
                    " · "{td!(i18n, assessment.submitted_at, time = move || time.clone())}
                })}
                {view.submitted_at.is_none().then(|| view.updated_at.clone()).flatten().map(|time| view! {
                    " · "{td!(i18n, assessment.last_saved, time = move || time.clone())}
                })}
            </p>
            {show_progress.then(|| view! {
                <p>{td!(i18n, assessment.progress_line, rated = move || rated, total = move || total)}</p>
            })}
            {show_progress.then(|| {
                let href = actions_path(view.round.id, view.unit_id);
                view! { <p><a href=href>{td!(i18n, actions.link)}</a></p> }
            })}
            {view.can_read_history.then(|| {
                let href = format!("{}/historik", assessment_path(view.round.id, view.unit_id));
                view! { <p><a href=href>{td!(i18n, assessment.history_link)}</a></p> }
            })}
        </header>
    }
}

#[component]
pub fn AssessmentSummary(view: AssessmentView) -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let submitted_notice = move || {
        (view.status == AssessmentStatus::Submitted
            && Notice::all_in(|name| query.read().get(name)).has(&Notice::Submitted))
        .then(|| view! { <p class="notice notice--success" role="status">{td!(i18n, assessment.submitted_notice)}</p> })
    };
    let reopened_notice = move || {
        (view.status != AssessmentStatus::Submitted
            && Notice::all_in(|name| query.read().get(name)).has(&Notice::Reopened))
        .then(|| view! { <p class="notice notice--success" role="status">{td!(i18n, assessment.reopened_notice)}</p> })
    };
    let reopen = view.can_reopen.then(|| view! { <ReopenForm round=view.round.id unit=view.unit_id /> });
    let closed_notice = (view.answers.is_some() && view.status != AssessmentStatus::Submitted)
        .then(|| view! { <p class="notice">{td!(i18n, assessment.read_only_closed)}</p> });
    let framework = view.framework.clone();
    let previous = view.previous.clone().map(|previous| previous.scores);
    let body = match (view.answers.clone(), view.scores.clone()) {
        (None, _) => view! { <p class="notice">{td!(i18n, assessment.hidden_answers)}</p> }.into_any(),
        (Some(answers), scores) => view! {
            {scores.map(|scores| view! { <Scores framework=framework.clone() scores previous=previous.clone() /> })}
            <Answered framework=framework.clone() answers />
        }
        .into_any(),
    };
    view! {
        {submitted_notice}
        {reopened_notice}
        <AssessmentHeader view=view.clone() />
        {closed_notice}
        {body}
        {reopen}
        <p><a href=HOME>{td!(i18n, assessment.back_home)}</a></p>
    }
}

#[component]
fn Scores(framework: Arc<Framework>, scores: UnitScores, previous: Option<UnitScores>) -> impl IntoView {
    let i18n = locale();
    let compared = previous.is_some();
    let before = move |key: &crate::domain::keys::DimensionKey| {
        previous.as_ref().and_then(|previous| previous.dimensions.iter().find(|score| &score.key == key)?.score)
    };
    view! {
        <section aria-labelledby="results-heading">
            <h2 id="results-heading">{td!(i18n, assessment.results_heading)}</h2>
            <dl class="stats">
                <div><dt>{td!(i18n, assessment.index)}</dt><dd>{format::score_or_dash(scores.index)}</dd></div>
                <div><dt>{td!(i18n, assessment.approaches_index)}</dt><dd>{format::score_or_dash(scores.approaches_index)}</dd></div>
                <div><dt>{td!(i18n, assessment.focus_areas_index)}</dt><dd>{format::score_or_dash(scores.focus_areas_index)}</dd></div>
            </dl>
            <div class="table-scroll" role="region" aria-labelledby="scores-caption" tabindex="0">
                <table class="table table--numeric">
                    <caption id="scores-caption">{td!(i18n, assessment.scores_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{td!(i18n, assessment.col_dimension)}</th>
                            <th scope="col">{td!(i18n, assessment.col_score)}</th>
                            <th scope="col">{td!(i18n, assessment.col_level)}</th>
                            <th scope="col">{td!(i18n, assessment.col_rated)}</th>
                            {compared.then(|| view! {
                                <th scope="col">{td!(i18n, assessment.col_previous)}</th>
                                <th scope="col">{td!(i18n, assessment.col_change)}</th>
                            })}
                        </tr>
                    </thead>
                    <tbody>
                        {scores.dimensions.iter().map(|score| {
                            let name = framework.dimension(&score.key).map(|d| d.name.clone()).unwrap_or_default();
                            let level = score.level().map(|level| format!("{} {}", level.get(), framework.level_name(level))).unwrap_or_else(|| "–".into());
                            let then = before(&score.key);
                            let change = match (then, score.score) {
                                (Some(then), Some(now)) => format::change(now - then),
                                _ => "–".to_owned(),
                            };
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td>{format::score_or_dash(score.score)}</td>
                                    <td>{level}</td>
                                    <td>{score.rated}</td>
                                    {compared.then(|| view! {
                                        <td>{format::score_or_dash(then)}</td>
                                        <td>{change}</td>
                                    })}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Answered(framework: Arc<Framework>, answers: Answers) -> impl IntoView {
    let i18n = locale();
    let text_or_none = move |text: Option<&str>| match text {
        Some(text) => view! { <p class="answer-text">{text.to_owned()}</p> }.into_any(),
        None => view! { <p class="muted">{td!(i18n, assessment.no_text)}</p> }.into_any(),
    };
    view! {
        <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">{td!(i18n, assessment.answers_heading)}</h2>
            {framework.dimensions.iter().enumerate().map(|(index, dimension)| view! {
                <section class="dimension">
                    <h3>{format!("{}. {}", index + 1, dimension.name)}</h3>
                    <ol class="answers">
                        {dimension.statements.iter().map(|statement| {
                            let rating = answers.rating(&statement.key).map(|rating| rating_label(i18n, &framework, rating)).unwrap_or_else(|| "–".into());
                            let motivation = answers.text(&TextField::Motivation(statement.key.clone()));
                            view! {
                                <li>
                                    <p class="statement__text">{statement.text.clone()}</p>
                                    <p><strong>{td!(i18n, assessment.rating_label)}</strong>{rating}</p>
                                    {text_or_none(motivation)}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                    <h4>{td!(i18n, assessment.strengths_heading)}</h4>
                    {text_or_none(answers.text(&TextField::Strengths(dimension.key.clone())))}
                    <h4>{td!(i18n, assessment.improvements_heading)}</h4>
                    {text_or_none(answers.text(&TextField::Improvements(dimension.key.clone())))}
                </section>
            }).collect_view()}
        </section>
    }
}
