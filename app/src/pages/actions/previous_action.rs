//! An open action of the previous round: the unit marks how it went, and may carry it on.

use super::action_fields::{ActionSummary, status_options};
use crate::api::actions::{ActionItem, FollowUpAction};
use crate::components::error_notice::ErrorNotice;
use crate::components::translations::locale;
use crate::domain::ids::{NodeId, RoundId};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn PreviousAction(
    round: RoundId,
    unit: NodeId,
    item: ActionItem,
    can_edit: bool,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let i18n = locale();
    let follow_up = ServerAction::<FollowUpAction>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = follow_up.value().get() {
            reload.update(|count| *count += 1);
        }
    });
    let error = move || follow_up.value().get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> });
    let heading_id = format!("tidigare-{}", item.id);
    let labelled_by = heading_id.clone();
    let status_id = format!("tidigare-{}-status", item.id);
    let title = item.values.title.clone();
    let status = item.values.status;
    let form = can_edit.then(|| {
        view! {
            {error}
            <ActionForm action=follow_up attr:class="action__form">
                <input type="hidden" name="round_id" value=round.to_string() />
                <input type="hidden" name="unit_id" value=unit.to_string() />
                <input type="hidden" name="action_id" value=item.id.to_string() />
                <div class="field">
                    <label for=status_id.clone() class="field__label">{td!(i18n, actions.status_now_label)}</label>
                    <select id=status_id name="status" class="field__input">{status_options(i18n, status, false)}</select>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button--secondary" disabled=move || follow_up.pending().get()>
                        {td!(i18n, actions.save_status)}
                    </button>
                    <button type="submit" name="carry" value="1" class="button" disabled=move || follow_up.pending().get()>
                        {td!(i18n, actions.carry_on)}
                    </button>
                </div>
            </ActionForm>
        }
    });
    view! {
        <article class="action action--previous" aria-labelledby=labelled_by>
            <h4 id=heading_id>{title}</h4>
            <ActionSummary item />
            {form}
        </article>
    }
}
