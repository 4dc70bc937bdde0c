//! The review of a change: what will happen, step by step, and the button that makes it —
//! or why it cannot be made.

use super::texts::{effect_text, problem_text};
use crate::api::org_changes::ApplyOrgChange;
use crate::components::translations::locale;
use crate::domain::org_change::{ChangeProblem, RawChange};
use crate::domain::org_steps::Effect;
use crate::i18n::*;
use crate::pages::people::shared::other_error;
use leptos::prelude::*;

#[component]
pub fn Review(review: Result<Vec<Effect>, Vec<ChangeProblem>>, raw: RawChange) -> impl IntoView {
    let i18n = locale();
    match review {
        Err(problems) => view! {
            <section class="notice notice--error" role="alert" aria-labelledby="review-heading">
                <h2 id="review-heading">{td!(i18n, org_change.refused_heading)}</h2>
                <ul>
                    {problems.iter().map(|problem| view! { <li>{problem_text(i18n, problem)}</li> }).collect_view()}
                </ul>
            </section>
        }
        .into_any(),
        Ok(effects) => {
            let apply = ServerAction::<ApplyOrgChange>::new();
            let hidden = [
                ("change[kind]", raw.kind.clone()),
                ("change[node]", raw.node.clone()),
                ("change[nodes]", raw.nodes.clone()),
                ("change[parent]", raw.parent.clone()),
                ("change[successor]", raw.successor.clone()),
                ("change[name]", raw.name.clone()),
                ("change[names]", raw.names.clone()),
                ("change[org_kind]", raw.org_kind.clone()),
                ("change[effective]", raw.effective.clone()),
                ("change[reason]", raw.reason.clone()),
            ];
            view! {
                <section aria-labelledby="review-heading">
                    <h2 id="review-heading">{td!(i18n, org_change.review_heading)}</h2>
                    <ul>
                        {effects.iter().map(|effect| view! { <li>{effect_text(i18n, effect)}</li> }).collect_view()}
                    </ul>
                    <p>{td!(i18n, org_change.review_history)}</p>
                    {other_error(apply)}
                    <ActionForm action=apply>
                        {hidden
                            .into_iter()
                            .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
                            .collect_view()}
                        <button type="submit" class="button" disabled=move || apply.pending().get()>
                            {td!(i18n, org_change.apply_submit)}
                        </button>
                    </ActionForm>
                </section>
            }
            .into_any()
        }
    }
}
