//! The self-assessment form. A plain HTML form posting to the save endpoint, so it works
//! before the page's script has loaded. With script, what is typed is saved shortly after
//! typing stops (see `autosave`) and kept in the browser until the server has it; the
//! buttons save or submit without leaving the page; conflicts show beside their fields.
//!
//! The island holds the `<form>` element and what is shown above it (the offer of a kept
//! copy, errors, the conflicts and the gaps). The fields inside are its children, rendered
//! on the server (`EditableAssessment`) and never hydrated, but for a dimension's live
//! score, a small island among them that finds the form's state in the context this island
//! provides. The island keeps the texts' length counters among the fields and puts each
//! conflict's note into its field's slot (`conflict_notes`): one listener and one island
//! where there were three islands per statement.

use super::autosave::{SaveState, Saver, SaverParts, Trigger};
use super::conflict_notes::LiveConflictNotes;
use super::conflict_summary::ConflictSummary;
use super::form_start::{FormOpening, FormStart};
use super::form_state::FormState;
use super::gap_list::GapList;
use super::local_copy;
use super::restore_offer::RestoreOffer;
use crate::api::error::AppError;
use crate::components::char_count::show_count;
use crate::components::error_notice::ErrorNotice;
use crate::components::translations::locale;
use crate::domain::completeness::Gap;
use crate::domain::raw_answers::Intent;
use crate::i18n::*;
use crate::routes::{Notice, SAVE_ASSESSMENT, assessment_path, dimension_anchor, sign_in_path, with_notice};
use leptos::html::{Form, H2};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

#[island]
pub fn AssessmentForm(start: FormStart, children: Children) -> impl IntoView {
    let i18n = locale();
    let state = FormState::new(&start);
    provide_context(state);
    // The framework's names, for the conflict notes the server renders among the fields.
    provide_context(start.framework.clone());
    let FormStart { framework, round, unit, viewer_id, version, gaps, opening, .. } = start;
    let gaps_heading = NodeRef::<H2>::new();
    // Without script, a refused submission comes back as `?ofullstandig=1`; the gaps are
    // computed from the saved draft.
    let FormOpening { address: page_address, saved_without_script, returned_error, .. } = opening;
    let gaps: RwSignal<Option<Vec<Gap>>> = RwSignal::new((!gaps.is_empty()).then_some(gaps));
    let initial = match &returned_error {
        Some(_) => SaveState::Failed,
        None if saved_without_script => SaveState::SavedWithoutScript,
        None => SaveState::Idle,
    };
    let form_ref = NodeRef::<Form>::new();
    let saver = Saver::new(SaverParts {
        form: form_ref,
        state,
        version: RwSignal::new(version),
        status: RwSignal::new(initial),
        notice: RwSignal::new(returned_error),
        gaps,
        gaps_heading,
        submitted_address: with_notice(&assessment_path(round, unit), &Notice::Submitted),
        local_key: local_copy::storage_key(viewer_id, round.0, unit.0),
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

    // The fields' length counters (plain HTML among the children): what each textarea
    // holds once the script runs, then as it is typed into or filled by script.
    Effect::new(move |_| {
        let Some(form) = form_ref.get() else { return };
        let Ok(textareas) = form.query_selector_all("textarea[maxlength]") else { return };
        for index in 0..textareas.length() {
            if let Some(textarea) = textareas.item(index).and_then(|node| node.dyn_into().ok()) {
                show_count(i18n, &textarea);
            }
        }
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

    let round_id = round.to_string();
    let unit_id = unit.to_string();
    let gap_framework = framework.clone();
    let summary_framework = framework.clone();
    let notes_framework = framework.clone();

    view! {
        <RestoreOffer />
        {error_notice}
        <ConflictSummary framework=summary_framework />
        <LiveConflictNotes framework=notes_framework />
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
                if let Some(textarea) = event.target().and_then(|target| target.dyn_into().ok()) {
                    show_count(i18n, &textarea);
                }
                state.note_rating(&event);
                saver.changed();
            }
        >
            <input type="hidden" name="form[round_id]" value=round_id />
            <input type="hidden" name="form[unit_id]" value=unit_id />
            <input type="hidden" name="form[base_version]" value=move || version.get().to_string() />
            {children()}
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
