//! One action of this round: its form (saving merges with others' edits) and removal.

use super::action_fields::{ActionFields, ActionSummary};
use crate::api::actions::{ActionItem, EditAction, RemoveAction};
use crate::api::error::AppError;
use crate::components::error_notice::ErrorNotice;
use crate::components::translations::locale;
use crate::domain::actions::{ActionConflict, ActionField, ActionValues};
use crate::domain::ids::{NodeId, RoundId};
use crate::i18n::*;
use crate::routes::action_anchor;
use leptos::prelude::*;

/// `kept`: the editor's side of conflicting fields kept from a plain form post, put back
/// into the form beside the other person's.
#[component]
pub fn ActionEditor(
    round: RoundId,
    unit: NodeId,
    item: ActionItem,
    can_edit: bool,
    reload: RwSignal<u32>,
    kept: Vec<ActionConflict>,
) -> impl IntoView {
    let i18n = locale();
    let anchor = action_anchor(item.id.0);
    let heading_id = format!("{anchor}-rubrik");
    let labelled_by = heading_id.clone();
    let title = item.values.title.clone();
    let carried = item.carried_from.is_some().then(|| view! { <p class="muted">{td!(i18n, actions.carried_note)}</p> });
    let body = if can_edit {
        view! { <EditForm round unit item reload kept /> }.into_any()
    } else {
        view! { <ActionSummary item /> }.into_any()
    };
    view! {
        <article id=anchor class="action" aria-labelledby=labelled_by>
            <h4 id=heading_id tabindex="-1">{title}</h4>
            {carried}
            {body}
        </article>
    }
}

#[component]
fn EditForm(
    round: RoundId,
    unit: NodeId,
    item: ActionItem,
    reload: RwSignal<u32>,
    kept: Vec<ActionConflict>,
) -> impl IntoView {
    let i18n = locale();
    let edit = ServerAction::<EditAction>::new();
    let remove = ServerAction::<RemoveAction>::new();
    // What the page showed: sent as the base of the merge. A field in conflict takes the
    // other person's value as its base, so saving again keeps the editor's.
    // The stored action is the other person's version already; a kept conflict puts the
    // editor's own text back into the field.
    let base = RwSignal::new(item.values.clone());
    let mut shown = item.values.clone();
    for conflict in &kept {
        shown.set(conflict.field, &conflict.yours);
    }
    let conflicts = RwSignal::new(kept);
    Effect::new(move |_| match edit.value().get() {
        Some(Ok(_)) => reload.update(|count| *count += 1),
        Some(Err(AppError::ActionConflict { fields, .. })) => {
            base.update(|base| {
                for conflict in &fields {
                    base.set(conflict.field, &conflict.theirs);
                }
            });
            conflicts.set(fields);
        }
        _ => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = remove.value().get() {
            reload.update(|count| *count += 1);
        }
    });
    let error = move || {
        edit.value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
            .map(|error| view! { <ErrorNotice error /> })
    };
    let prefix = action_anchor(item.id.0);
    let base_input = move |field: ActionField| {
        let name = format!(
            "base[{}]",
            match field {
                ActionField::Due => "due_on",
                other => other.key(),
            }
        );
        view! { <input type="hidden" name=name value=move || base.with(|base: &ActionValues| base.get(field).to_owned()) /> }
    };
    let (round_s, unit_s, id_s) = (round.to_string(), unit.to_string(), item.id.to_string());
    let (round_r, unit_r, id_r) = (round_s.clone(), unit_s.clone(), id_s.clone());
    view! {
        {error}
        <ActionForm action=edit attr:class="action__form">
            <input type="hidden" name="round_id" value=round_s />
            <input type="hidden" name="unit_id" value=unit_s />
            <input type="hidden" name="action_id" value=id_s />
            {ActionField::ALL.map(base_input).into_iter().collect_view()}
            <ActionFields prefix values=shown conflicts=Signal::from(conflicts) />
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || edit.pending().get()>
                    {td!(i18n, actions.save)}
                </button>
            </div>
        </ActionForm>
        <ActionForm action=remove attr:class="action__remove">
            <input type="hidden" name="round_id" value=round_r />
            <input type="hidden" name="unit_id" value=unit_r />
            <input type="hidden" name="action_id" value=id_r />
            <button type="submit" class="button button--secondary" disabled=move || remove.pending().get()>
                {td!(i18n, actions.remove)}
            </button>
        </ActionForm>
    }
}
