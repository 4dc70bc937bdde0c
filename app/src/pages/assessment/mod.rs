//! One unit's self-assessment in one round: the form while it can be edited, the
//! answers and scores once submitted.

mod autosave;
mod base_input;
mod conflict_note;
mod conflict_summary;
mod dimension_section;
mod field_dom;
mod field_label;
mod form;
mod form_state;
mod gap_list;
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
use crate::i18n::*;
use crate::pages::route_ids::round_and_unit;
use crate::routes::Notice;
use form::AssessmentForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use summary::AssessmentSummary;

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    // Bumped after a submission, to load the submitted (read-only) view.
    let reload = RwSignal::new(0u32);
    let just_submitted = RwSignal::new(false);
    let ids = move || round_and_unit(&params.read());
    let query = use_query_map();
    // After a script-free save that clashed with someone else's: the kept versions.
    let conflict = move || Notice::all_in(|name| query.read().get(name)).conflict().map(str::to_owned);
    let data = Resource::new(
        move || (ids(), conflict(), reload.get()),
        |((round, unit), conflict, _)| get_assessment(round, unit, conflict),
    );
    view! {
        <Title text=tu_string!(i18n, assessment.title).to_string() />
        <Suspense fallback=move || view! { <p>{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) if view.can_edit => view! { <AssessmentForm view reload just_submitted /> }.into_any(),
                    Ok(view) => view! { <AssessmentSummary view reload just_submitted /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
