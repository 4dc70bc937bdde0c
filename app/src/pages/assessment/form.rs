//! The self-assessment form. A plain HTML form posting to the save endpoint, so it works
//! before the page's script has loaded. With script, what is typed is saved shortly after
//! typing stops (see `autosave`) and kept in the browser until the server has it; the
//! buttons save or submit without leaving the page; conflicts show beside their fields.
//!
//! The form is the page's island: it is hydrated in the browser from the assessment it was
//! rendered with (its props), so it reads nothing from the router.

use super::autosave::{SaveState, Saver, SaverParts, Trigger};
use super::conflict_summary::ConflictSummary;
use super::dimension_section::DimensionSection;
use super::form_state::FormState;
use super::gap_list::GapList;
use super::local_copy;
use super::previous::Previous;
use super::restore_offer::RestoreOffer;
use super::summary::AssessmentHeader;
use crate::api::assessment::AssessmentView;
use crate::api::error::AppError;
use crate::components::error_notice::ErrorNotice;
use crate::components::translations::locale;
use crate::domain::completeness::Gap;
use crate::domain::raw_answers::Intent;
use crate::i18n::*;
use crate::routes::{
    Notice, Notices, SAVE_ASSESSMENT, address, assessment_path, dimension_anchor, sign_in_path, with_notice,
};
use leptos::html::{Form, H2};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What the page's address says about how the form opens (read on the server).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormOpening {
    /// This page, with its query: where to come back to after signing in again.
    pub address: String,
    /// A script-free submission was refused (`?ofullstandig=1`): show the gaps.
    pub asked_for_gaps: bool,
    /// A script-free save succeeded (`?sparad=1`).
    pub saved_without_script: bool,
    /// A script-free save failed with this error (`?fel=`).
    pub returned_error: Option<AppError>,
}

impl FormOpening {
    pub fn from_notices(notices: &Notices, path: &str, query: &str) -> Self {
        FormOpening {
            address: address(path, query),
            asked_for_gaps: notices.has(&Notice::Incomplete),
            saved_without_script: notices.has(&Notice::Saved),
            returned_error: notices.failure().and_then(|(code, _)| AppError::from_code(code)),
        }
    }
}

#[island]
pub fn AssessmentForm(view: AssessmentView, opening: FormOpening) -> impl IntoView {
    let i18n = locale();
    let framework = view.framework.clone();
    let answers = view.answers.clone().unwrap_or_default();

    let state = FormState::new(&framework, &answers, view.conflicts.clone());
    provide_context(state);
    provide_context(Previous(view.previous.clone().map(Arc::new)));
    let gaps_heading = NodeRef::<H2>::new();
    // Without script, a refused submission comes back as `?ofullstandig=1`; the gaps are
    // computed from the saved draft.
    let FormOpening { address: page_address, asked_for_gaps, saved_without_script, returned_error } = opening;
    let gaps: RwSignal<Option<Vec<Gap>>> =
        RwSignal::new((asked_for_gaps && !view.gaps.is_empty()).then(|| view.gaps.clone()));
    let initial = match &returned_error {
        Some(_) => SaveState::Failed,
        None if saved_without_script => SaveState::SavedWithoutScript,
        None => SaveState::Idle,
    };
    let form_ref = NodeRef::<Form>::new();
    let saver = Saver::new(SaverParts {
        form: form_ref,
        state,
        version: RwSignal::new(view.version),
        status: RwSignal::new(initial),
        notice: RwSignal::new(returned_error),
        gaps,
        gaps_heading,
        submitted_address: with_notice(&assessment_path(view.round.id, view.unit_id), &Notice::Submitted),
        local_key: local_copy::storage_key(view.viewer_id, view.round.id.0, view.unit_id.0),
    });
    provide_context(saver);
    let version = saver.version;

    // Back online: try at once instead of waiting for the next retry.
    Effect::new(move |_| {
        let listener = window_event_listener(leptos::ev::online, move |_| {
            if saver.is_retrying() {
                saver.save(Intent::Save, Trigger::Typing);
            }
        });
        on_cleanup(move || listener.remove());
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let submitter = event.submitter().and_then(|button| button.get_attribute("value"));
        let intent = if submitter.as_deref() == Some("submit") { Intent::Submit } else { Intent::Save };
        saver.save(intent, Trigger::Button);
    };

    let status_message = move || match saver.status.get() {
        SaveState::Idle => String::new(),
        SaveState::SavedWithoutScript => td_string!(i18n, assessment.saved).to_string(),
        SaveState::Saving => td_string!(i18n, assessment.saving).to_string(),
        SaveState::Saved(Some(time)) => td_string!(i18n, assessment.saved_at, time = time).to_string(),
        SaveState::Saved(None) => td_string!(i18n, assessment.saved).to_string(),
        SaveState::Conflicted => td_string!(i18n, assessment.conflict_status).to_string(),
        SaveState::Retrying => td_string!(i18n, assessment.not_saved_retrying).to_string(),
        SaveState::Failed => td_string!(i18n, assessment.not_saved).to_string(),
    };
    let error_notice = move || match saver.notice.get()? {
        AppError::Unauthenticated => {
            let sign_in = sign_in_path(&page_address);
            Some(
                view! {
                    <div class="notice notice--error" role="alert">
                        <p>{td!(i18n, assessment.session_expired)}</p>
                        <p><a href=sign_in target="_blank">{td!(i18n, assessment.session_expired_link)}</a></p>
                    </div>
                }
                .into_any(),
            )
        }
        AppError::Unreachable => Some(
            view! {
                <div class="notice notice--warning" role="status">
                    <p>{td!(i18n, assessment.offline_notice)}</p>
                </div>
            }
            .into_any(),
        ),
        // Conflicts are listed by ConflictSummary, with the fields.
        AppError::Conflict { .. } => None,
        error => Some(view! { <ErrorNotice error /> }.into_any()),
    };

    let (round, unit) = (view.round.id, view.unit_id);
    let round_id = view.round.id.to_string();
    let unit_id = view.unit_id.to_string();
    let gap_framework = framework.clone();
    let summary_framework = framework.clone();
    let mut number = 0;

    view! {
        <AssessmentHeader view=view.clone() />
        // The quality department's words for this round: plain text, line breaks kept.
        {view.round_intro.clone().map(|intro| view! { <div class="notice round-intro"><p class="answer-text">{intro}</p></div> })}
        <p class="intro">{td!(i18n, assessment.intro)}</p>
        <RestoreOffer />
        {error_notice}
        <ConflictSummary framework=summary_framework />
        {move || gaps.get().map(|gaps| view! { <GapList framework=gap_framework.clone() gaps heading_ref=gaps_heading /> })}
        <nav class="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading" class="contents__heading">{td!(i18n, assessment.contents)}</h2>
            <ol>
                {framework.dimensions.iter().map(|dimension| view! {
                    <li><a href=format!("#{}", dimension_anchor(dimension.key.as_str()))>{dimension.name.clone()}</a></li>
                }).collect_view()}
            </ol>
        </nav>
        <form
            method="post"
            action=SAVE_ASSESSMENT
            class="assessment-form"
            novalidate
            node_ref=form_ref
            on:submit=on_submit
            on:input=move |event| {
                state.note_rating(&event);
                saver.changed();
            }
        >
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
                                <DimensionSection framework=framework.clone() dimension number answers=answers.clone() round=round unit=unit />
                            }
                        }).collect_view()}
                    </section>
                }
            }).collect_view()}
            <div class="form-actions">
                <button type="submit" name="form[intent]" value="save" class="button button--secondary">
                    {td!(i18n, assessment.save)}
                </button>
                <button type="submit" name="form[intent]" value="submit" class="button">
                    {td!(i18n, assessment.submit)}
                </button>
                <p id="save-status" class="form-actions__status" role="status">{status_message}</p>
            </div>
        </form>
    }
}
