//! One unit's self-assessment in one round: the form while it can be edited, the
//! answers and scores once submitted.

mod autosave;
mod base_input;
mod conflict_note;
mod conflict_notes;
mod conflict_summary;
mod dimension_section;
mod editable;
mod field_dom;
mod field_label;
mod form;
mod form_start;
mod form_state;
mod gap_list;
mod live_score;
mod local_copy;
mod previous;
mod rating_text;
mod reopen;
mod restore_offer;
mod statement_field;
mod summary;

pub use field_label::field_label;

use crate::api::assessment::get_assessment;
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::i18n::*;
use crate::pages::route_ids::round_and_unit;
use crate::routes::Notice;
use editable::EditableAssessment;
use form_start::FormOpening;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};
use summary::AssessmentSummary;

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let ids = move || round_and_unit(&params.read());
    let query = use_query_map();
    let location = use_location();
    // After a script-free save that clashed with someone else's: the kept versions.
    let conflict = move || Notice::all_in(|name| query.read().get(name)).conflict().map(str::to_owned);
    let data =
        Resource::new(move || (ids(), conflict()), |((round, unit), conflict)| get_assessment(round, unit, conflict));
    let opening = move || {
        FormOpening::from_notices(
            &Notice::all_in(|name| query.read_untracked().get(name)),
            &location.pathname.get_untracked(),
            &location.search.get_untracked(),
        )
    };
    view! {
        <Title text=td_string!(i18n, assessment.title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) if view.can_edit => view! { <EditableAssessment view opening=opening() /> }.into_any(),
                    Ok(view) => view! { <AssessmentSummary view /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
