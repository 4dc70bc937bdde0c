//! The self-assessment form. A plain HTML form posting to the save endpoint, so it works
//! before the page's script has loaded. With script, saving sends the same fields without
//! leaving the page, keeps each field's base fingerprint up to date (so a later save merges
//! with other people's saves), and shows conflicts beside the fields concerned.

use super::dimension_section::{DimensionSection, dimension_anchor};
use super::form_state::{ConflictSummary, FormState};
use super::gap_list::GapList;
use super::summary::AssessmentHeader;
use crate::api::assessment::{AssessmentView, SaveAssessment, save_assessment};
use crate::api::error::AppError;
use crate::components::error_notice::{ErrorNotice, urlencode};
use crate::domain::completeness::Gap;
use crate::domain::fingerprint::fingerprint;
use crate::domain::raw_answers::AssessmentForm as FormFields;
use crate::domain::status::AssessmentStatus;
use crate::i18n::*;
use leptos::form::FromFormData;
use leptos::html::H2;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

/// Where the last save stands, for the announced status line.
#[derive(Clone, Debug, PartialEq)]
enum SaveState {
    Idle,
    /// Saved by a plain form post (the page was reloaded with `?sparad=1`).
    SavedWithoutScript,
    Saving,
    /// Saved at this Stockholm clock time.
    Saved(Option<String>),
    Failed(AppError),
}

#[component]
pub fn AssessmentForm(view: AssessmentView, reload: RwSignal<u32>, just_submitted: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let location = use_location();
    let framework = view.framework.clone();
    let answers = view.answers.clone().unwrap_or_default();

    let state = FormState::new(&framework, &answers, view.conflicts.clone());
    provide_context(state);
    let version = RwSignal::new(view.version);
    let gaps_heading = NodeRef::<H2>::new();
    // Without script, a refused submission comes back as `?ofullstandig=1`; the gaps are
    // computed from the saved draft.
    let asked_for_gaps = query.read_untracked().get("ofullstandig").is_some();
    let gaps: RwSignal<Option<Vec<Gap>>> =
        RwSignal::new((asked_for_gaps && !view.gaps.is_empty()).then(|| view.gaps.clone()));
    let initial = match query.read_untracked().get("fel").and_then(|code| AppError::from_code(&code)) {
        Some(error) => SaveState::Failed(error),
        None if query.read_untracked().get("sparad").is_some() => SaveState::SavedWithoutScript,
        None => SaveState::Idle,
    };
    let save_state = RwSignal::new(initial);

    // After a save: the fields sent now start from what was sent, except those in conflict,
    // which start from the other person's value (saving again keeps yours).
    let settle = move |sent: &FormFields, except: &[String]| {
        state.bases.update(|bases| {
            for (name, value) in sent.named_fields() {
                if !except.contains(&name) {
                    bases.insert(name, fingerprint(value));
                }
            }
        });
    };
    let send = move |fields: FormFields| {
        save_state.set(SaveState::Saving);
        leptos::task::spawn_local(async move {
            match save_assessment(fields.clone()).await {
                Ok(result) => {
                    version.set(result.version);
                    settle(&fields, &[]);
                    state.conflicts.set(Vec::new());
                    save_state.set(SaveState::Saved(result.saved_at));
                    if result.status == AssessmentStatus::Submitted {
                        just_submitted.set(true);
                        reload.update(|count| *count += 1);
                    } else if result.gaps.is_empty() {
                        gaps.set(None);
                    } else {
                        gaps.set(Some(result.gaps));
                        request_animation_frame(move || {
                            if let Some(heading) = gaps_heading.get_untracked() {
                                let _ = heading.focus();
                            }
                        });
                    }
                }
                Err(AppError::Conflict { current_version, fields: conflicts }) => {
                    version.set(current_version);
                    let names: Vec<String> = conflicts.iter().map(|conflict| conflict.field.to_string()).collect();
                    settle(&fields, &names);
                    state.bases.update(|bases| {
                        for conflict in &conflicts {
                            bases.insert(conflict.field.to_string(), fingerprint(conflict.theirs.as_deref()));
                        }
                    });
                    state.conflicts.set(conflicts.clone());
                    save_state.set(SaveState::Failed(AppError::Conflict { current_version, fields: conflicts }));
                    focus_by_id("conflict-heading");
                }
                Err(AppError::Invalid { fields: refused, saved_version }) => {
                    if let Some(saved) = saved_version {
                        version.set(saved);
                        let names: Vec<String> =
                            refused.iter().map(|field| format!("{}:{}", field.group, field.key)).collect();
                        settle(&fields, &names);
                    }
                    save_state.set(SaveState::Failed(AppError::Invalid { fields: refused, saved_version }));
                }
                Err(error) => save_state.set(SaveState::Failed(error)),
            }
        });
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match SaveAssessment::from_event(&event) {
            Ok(arguments) => send(arguments.form),
            Err(_) => save_state.set(SaveState::Failed(AppError::BadRequest)),
        }
    };

    let status_message = move || match save_state.get() {
        SaveState::Idle => String::new(),
        SaveState::SavedWithoutScript => t_string!(i18n, assessment.saved).to_string(),
        SaveState::Saving => t_string!(i18n, assessment.saving).to_string(),
        SaveState::Saved(Some(time)) => t_string!(i18n, assessment.saved_at, time = time).to_string(),
        SaveState::Saved(None) => t_string!(i18n, assessment.saved).to_string(),
        SaveState::Failed(_) => t_string!(i18n, assessment.not_saved).to_string(),
    };
    let error_notice = move || match save_state.get() {
        SaveState::Failed(AppError::Unauthenticated) => {
            let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
            let sign_in = format!("/logga-in?next={}", urlencode(&here));
            Some(
                view! {
                    <div class="notice notice--error" role="alert">
                        <p>{t!(i18n, assessment.session_expired)}</p>
                        <p><a href=sign_in target="_blank">{t!(i18n, assessment.session_expired_link)}</a></p>
                    </div>
                }
                .into_any(),
            )
        }
        // Conflicts are listed by ConflictSummary, with the fields.
        SaveState::Failed(AppError::Conflict { .. }) => None,
        SaveState::Failed(error) => Some(view! { <ErrorNotice error /> }.into_any()),
        _ => None,
    };

    let round_id = view.round.id.to_string();
    let unit_id = view.unit_id.to_string();
    let gap_framework = framework.clone();
    let summary_framework = framework.clone();
    let mut number = 0;

    view! {
        <AssessmentHeader view=view.clone() />
        <p class="intro">{t!(i18n, assessment.intro)}</p>
        {error_notice}
        <ConflictSummary framework=summary_framework />
        {move || gaps.get().map(|gaps| view! { <GapList framework=gap_framework.clone() gaps heading_ref=gaps_heading /> })}
        <nav class="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading" class="contents__heading">{t!(i18n, assessment.contents)}</h2>
            <ol>
                {framework.dimensions.iter().map(|dimension| view! {
                    <li><a href=format!("#{}", dimension_anchor(dimension))>{dimension.name.clone()}</a></li>
                }).collect_view()}
            </ol>
        </nav>
        <form method="post" action="/api/save_assessment" class="assessment-form" novalidate on:submit=on_submit>
            <input type="hidden" name="form[round_id]" value=round_id />
            <input type="hidden" name="form[unit_id]" value=unit_id />
            <input type="hidden" name="form[base_version]" value=move || version.get().to_string() />
            {framework.groups.iter().map(|group| {
                let dimensions: Vec<_> = framework.dimensions.iter().filter(|dimension| dimension.group == group.group).cloned().collect();
                let heading_id = format!("grupp-{}", group.group.key());
                let labelled_by = heading_id.clone();
                view! {
                    <section class="dimension-group" aria-labelledby=labelled_by>
                        <h2 id=heading_id>{group.name.clone()}</h2>
                        <p>{group.description.clone()}</p>
                        {dimensions.into_iter().map(|dimension| {
                            number += 1;
                            view! {
                                <DimensionSection framework=framework.clone() dimension number answers=answers.clone() />
                            }
                        }).collect_view()}
                    </section>
                }
            }).collect_view()}
            <div class="form-actions">
                <button type="submit" name="form[intent]" value="save" class="button button--secondary">
                    {t!(i18n, assessment.save)}
                </button>
                <button type="submit" name="form[intent]" value="submit" class="button">
                    {t!(i18n, assessment.submit)}
                </button>
                <p class="form-actions__status" role="status">{status_message}</p>
            </div>
        </form>
    }
}

/// Moves keyboard focus to the element with this id once it is on the page.
fn focus_by_id(id: &'static str) {
    request_animation_frame(move || {
        use leptos::wasm_bindgen::JsCast;
        if let Some(element) =
            document().get_element_by_id(id).and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}
