//! The inputs of an action, shared by the form that adds one and the one that edits one.

use crate::api::actions::ActionItem;
use crate::components::action_status::status_label;
use crate::components::text_counter::LimitedTextarea;
use crate::components::translations::locale;
use crate::domain::actions::{
    ACTION_DESCRIPTION_MAX_CHARS, ACTION_OWNER_MAX_CHARS, ACTION_TITLE_MAX_CHARS, ActionConflict, ActionField,
    ActionStatus, ActionValues,
};
use crate::i18n::*;
use leptos::prelude::*;

/// The options of a status select, with `current` chosen.
pub fn status_options(i18n: Locale, current: ActionStatus, only_open: bool) -> impl IntoView {
    ActionStatus::ALL
        .into_iter()
        .filter(move |status| !only_open || status.is_open())
        .map(move |status| {
            view! { <option value=status.key() selected=status == current>{status_label(i18n, status)}</option> }
        })
        .collect_view()
}

/// The other person's value beside a field in conflict.
#[component]
fn TheirValue(field: ActionField, conflicts: Signal<Vec<ActionConflict>>) -> impl IntoView {
    let i18n = locale();
    move || {
        conflicts.with(|conflicts| conflicts.iter().find(|conflict| conflict.field == field).cloned()).map(|conflict| {
            let theirs = match (field, ActionStatus::from_key(&conflict.theirs)) {
                (ActionField::Status, Some(status)) => status_label(i18n, status),
                _ if conflict.theirs.is_empty() => td_string!(i18n, assessment.conflict_empty).to_string(),
                _ => conflict.theirs.clone(),
            };
            view! {
                <div class="conflict" role="note">
                    <p class="conflict__label">{td!(i18n, assessment.conflict_theirs)}</p>
                    <p class="answer-text conflict__theirs">{theirs}</p>
                </div>
            }
        })
    }
}

/// Title, description, owner, due date and status, named `action[...]`; ids start with
/// `prefix` so that many forms can share a page.
#[component]
pub fn ActionFields(
    prefix: String,
    values: ActionValues,
    #[prop(optional, into)] conflicts: Option<Signal<Vec<ActionConflict>>>,
) -> impl IntoView {
    let i18n = locale();
    let conflicts = conflicts.unwrap_or_else(|| Signal::derive(Vec::new));
    let id = |field: &str| format!("{prefix}-{field}");
    let (title_id, owner_id, due_id, status_id) = (id("titel"), id("ansvarig"), id("klart"), id("status"));
    view! {
        <div class="field">
            <label for=title_id.clone() class="field__label">{td!(i18n, actions.title_label)}</label>
            <input
                id=title_id
                type="text"
                name="action[title]"
                class="field__input"
                required
                maxlength=ACTION_TITLE_MAX_CHARS
                value=values.title.clone()
            />
            <TheirValue field=ActionField::Title conflicts />
        </div>
        <LimitedTextarea
            id=id("beskrivning")
            name="action[description]".to_owned()
            label=td_string!(i18n, actions.description_label).to_string()
            max=ACTION_DESCRIPTION_MAX_CHARS
            value=values.description.clone()
        />
        <TheirValue field=ActionField::Description conflicts />
        <div class="field-row">
            <div class="field">
                <label for=owner_id.clone() class="field__label">{td!(i18n, actions.owner_label)}</label>
                <input
                    id=owner_id
                    type="text"
                    name="action[owner]"
                    class="field__input"
                    maxlength=ACTION_OWNER_MAX_CHARS
                    autocomplete="name"
                    value=values.owner.clone()
                />
                <TheirValue field=ActionField::Owner conflicts />
            </div>
            <div class="field">
                <label for=due_id.clone() class="field__label">{td!(i18n, actions.due_label)}</label>
                <input id=due_id type="date" name="action[due_on]" class="field__input" value=values.due_on.clone() />
                <TheirValue field=ActionField::Due conflicts />
            </div>
            <div class="field">
                <label for=status_id.clone() class="field__label">{td!(i18n, actions.status_label)}</label>
                <select id=status_id name="action[status]" class="field__input">
                    {status_options(i18n, values.status, false)}
                </select>
                <TheirValue field=ActionField::Status conflicts />
            </div>
        </div>
    }
}

/// An action shown read-only.
#[component]
pub fn ActionSummary(item: ActionItem) -> impl IntoView {
    let i18n = locale();
    let values = item.values;
    let details = [
        (td_string!(i18n, actions.owner_label).to_string(), values.owner.clone()),
        (td_string!(i18n, actions.due_label).to_string(), values.due_on.clone()),
        (td_string!(i18n, actions.status_label).to_string(), status_label(i18n, values.status)),
    ];
    view! {
        {(!values.description.is_empty()).then(|| view! { <p class="answer-text">{values.description.clone()}</p> })}
        <dl class="action__facts">
            {details
                .into_iter()
                .filter(|(_, value)| !value.is_empty())
                .map(|(term, value)| view! { <div><dt>{term}</dt><dd>{value}</dd></div> })
                .collect_view()}
        </dl>
    }
}
