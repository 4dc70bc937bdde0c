//! Reopening a submitted assessment (quality department), with a required reason.

use crate::api::assessment::ReopenAssessment;
use crate::components::error_notice::ErrorNotice;
use crate::components::text_counter::LimitedTextarea;
use crate::components::translations::locale;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::reason::REASON_MAX_CHARS;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn ReopenForm(round: RoundId, unit: NodeId) -> impl IntoView {
    let i18n = locale();
    let reopen = ServerAction::<ReopenAssessment>::new();
    let error = move || reopen.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> });
    view! {
        <section class="reopen" aria-labelledby="reopen-heading">
            <h2 id="reopen-heading">{td!(i18n, assessment.reopen_heading)}</h2>
            <p>{td!(i18n, assessment.reopen_intro)}</p>
            {error}
            <ActionForm action=reopen>
                <input type="hidden" name="round_id" value=round.to_string() />
                <input type="hidden" name="unit_id" value=unit.to_string() />
                <LimitedTextarea
                    id="reopen-reason".to_owned()
                    name="reason".to_owned()
                    label=td_string!(i18n, assessment.reopen_reason).to_string()
                    max=REASON_MAX_CHARS
                    required=true
                />
                <button type="submit" class="button" disabled=move || reopen.pending().get()>
                    {td!(i18n, assessment.reopen_submit)}
                </button>
            </ActionForm>
        </section>
    }
}
