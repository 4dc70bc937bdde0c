//! The assessment while it can be edited: the heading and the round's words, rendered on
//! the server, then the form's island with the framework's groups, dimensions and
//! statements as its children (rendered here, on the server, with the unit's answers).

use super::dimension_section::DimensionSection;
use super::form::AssessmentForm;
use super::form_start::{FormOpening, FormStart};
use super::previous::Previous;
use super::summary::AssessmentHeader;
use crate::api::assessment::AssessmentView;
use crate::components::translations::locale;
use crate::i18n::*;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EditableAssessment(view: AssessmentView, opening: FormOpening) -> impl IntoView {
    let i18n = locale();
    let start = FormStart::new(&view, opening);
    // For the fields' comparison with the previous round (server-rendered).
    provide_context(Previous(view.previous.clone().map(Arc::new)));
    let framework = view.framework.clone();
    let answers = view.answers.clone().unwrap_or_default();
    let (round, unit) = (view.round.id, view.unit_id);
    // Rendered when the island calls for its children, so that the fields find the form's
    // state in its context.
    let fields = move || {
        let mut number = 0;
        framework
            .groups
            .iter()
            .map(|group| {
                let dimensions: Vec<_> =
                    framework.dimensions.iter().filter(|dimension| dimension.group == group.group).cloned().collect();
                let heading_id = format!("grupp-{}", group.group.key());
                let labelled_by = heading_id.clone();
                let sections = dimensions
                    .into_iter()
                    .map(|dimension| {
                        number += 1;
                        view! {
                            <DimensionSection framework=framework.clone() dimension number answers=answers.clone() round unit />
                        }
                    })
                    .collect_view();
                view! {
                    <section class="dimension-group" aria-labelledby=labelled_by>
                        <h2 id=heading_id>{group.name.clone()}</h2>
                        <p>{group.description.clone()}</p>
                        {sections}
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <AssessmentHeader view=view.clone() />
        // The quality department's words for this round: plain text, line breaks kept.
        {view.round_intro.clone().map(|intro| view! { <div class="notice round-intro"><p class="answer-text">{intro}</p></div> })}
        <p class="intro">{td!(i18n, assessment.intro)}</p>
        <AssessmentForm start>{fields()}</AssessmentForm>
    }
}
