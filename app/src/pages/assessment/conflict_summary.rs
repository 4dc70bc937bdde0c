//! The fields in conflict, listed above the assessment form.

use super::field_label::field_label;
use super::form_state::FormState;
use crate::components::translations::locale;
use crate::domain::framework::Framework;
use crate::i18n::*;
use leptos::prelude::*;
use std::sync::Arc;

/// The list of fields in conflict, above the form, each a link to the field.
#[component]
pub fn ConflictSummary(framework: Arc<Framework>) -> impl IntoView {
    let i18n = locale();
    let state = expect_context::<FormState>();
    move || {
        let conflicts = state.conflicts.get();
        (!conflicts.is_empty()).then(|| {
            let items = conflicts
                .iter()
                .map(|conflict| {
                    let (label, anchor) = field_label(i18n, &framework, &conflict.field);
                    view! { <li><a href=format!("#{anchor}")>{label}</a></li> }
                })
                .collect_view();
            view! {
                <section class="notice notice--warning" aria-labelledby="conflict-heading">
                    <h2 id="conflict-heading" tabindex="-1">{td!(i18n, assessment.conflict_heading)}</h2>
                    <p>{td!(i18n, assessment.conflict_intro)}</p>
                    <ul>{items}</ul>
                </section>
            }
        })
    }
}
