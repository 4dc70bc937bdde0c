//! The self-assessment form. A plain HTML form posting to the save endpoint, so it works
//! before the page's script has loaded; with script it saves without leaving the page.

use super::dimension_section::{DimensionSection, dimension_anchor};
use super::gap_list::GapList;
use super::summary::AssessmentHeader;
use crate::api::assessment::{AssessmentView, SaveAssessment};
use crate::api::error::AppError;
use crate::components::error_notice::ErrorNotice;
use crate::domain::status::AssessmentStatus;
use crate::i18n::*;
use leptos::html::H2;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AssessmentForm(view: AssessmentView, reload: RwSignal<u32>, just_submitted: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let save = ServerAction::<SaveAssessment>::new();
    let version = RwSignal::new(view.version);
    let gaps_heading = NodeRef::<H2>::new();
    // Without script, a refused submission comes back as `?ofullstandig=1`; the gaps are
    // computed from the saved draft.
    let asked_for_gaps = query.read_untracked().get("ofullstandig").is_some();
    let gaps = RwSignal::new((asked_for_gaps && !view.gaps.is_empty()).then(|| view.gaps.clone()));
    let saved_without_script = query.read_untracked().get("sparad").is_some();
    let error_from_address = query.read_untracked().get("fel").and_then(|code| AppError::from_code(&code));

    Effect::new(move |_| {
        let Some(Ok(result)) = save.value().get() else { return };
        version.set(result.version);
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
    });

    let status_message = move || {
        if save.pending().get() {
            return t_string!(i18n, assessment.saving).to_string();
        }
        match save.value().get() {
            Some(Ok(result)) => t_string!(i18n, assessment.saved_at, time = result.saved_at).to_string(),
            Some(Err(_)) => t_string!(i18n, assessment.not_saved).to_string(),
            None if saved_without_script => t_string!(i18n, assessment.saved).to_string(),
            None => String::new(),
        }
    };
    let error = move || save.value().get().and_then(Result::err).or_else(|| error_from_address.clone());

    let framework = view.framework.clone();
    let answers = view.answers.clone().unwrap_or_default();
    let round_id = view.round.id.to_string();
    let unit_id = view.unit_id.to_string();
    let gap_framework = framework.clone();
    let mut number = 0;

    view! {
        <AssessmentHeader view=view.clone() />
        <p class="intro">{t!(i18n, assessment.intro)}</p>
        {move || error().map(|error| view! { <ErrorNotice error /> })}
        {move || gaps.get().map(|gaps| view! { <GapList framework=gap_framework.clone() gaps heading_ref=gaps_heading /> })}
        <nav class="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading" class="contents__heading">{t!(i18n, assessment.contents)}</h2>
            <ol>
                {framework.dimensions.iter().map(|dimension| view! {
                    <li><a href=format!("#{}", dimension_anchor(dimension))>{dimension.name.clone()}</a></li>
                }).collect_view()}
            </ol>
        </nav>
        <ActionForm action=save attr:class="assessment-form" attr:novalidate=true>
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
        </ActionForm>
    }
}
