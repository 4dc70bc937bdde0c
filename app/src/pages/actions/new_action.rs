//! Adding an action to a dimension.

use super::action_fields::ActionFields;
use crate::api::actions::AddAction;
use crate::components::error_notice::ErrorNotice;
use crate::components::translations::locale;
use crate::domain::actions::ActionValues;
use crate::domain::ids::{ActionId, NodeId, RoundId};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn NewAction(
    round: RoundId,
    unit: NodeId,
    dimension: String,
    reload: RwSignal<u32>,
    added: RwSignal<Option<ActionId>>,
) -> impl IntoView {
    let i18n = locale();
    let add = ServerAction::<AddAction>::new();
    Effect::new(move |_| {
        if let Some(Ok(id)) = add.value().get() {
            added.set(Some(id));
            reload.update(|count| *count += 1);
        }
    });
    let error = move || add.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> });
    let prefix = format!("ny-{dimension}");
    view! {
        <details class="new-action">
            <summary>{td!(i18n, actions.add_heading)}</summary>
            {error}
            <ActionForm action=add>
                <input type="hidden" name="round_id" value=round.to_string() />
                <input type="hidden" name="unit_id" value=unit.to_string() />
                <input type="hidden" name="dimension" value=dimension />
                <ActionFields prefix values=ActionValues::default() />
                <div class="form-actions">
                    <button type="submit" class="button" disabled=move || add.pending().get()>
                        {td!(i18n, actions.add)}
                    </button>
                </div>
            </ActionForm>
        </details>
    }
}
