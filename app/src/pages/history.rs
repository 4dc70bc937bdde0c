//! A unit's assessment history: every change, who made it and when (quality department).

use crate::api::history::{History, HistoryEntry, assessment_history};
use crate::components::error_notice::PageError;
use crate::components::translations::locale;
use crate::domain::changes::AnswerField;
use crate::i18n::*;
use crate::pages::assessment::field_label;
use crate::pages::route_ids::round_and_unit;
use crate::routes::assessment_path;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let ids = move || round_and_unit(&params.read());
    let data = Resource::new(ids, |(round, unit)| assessment_history(round, unit));
    view! {
        <Title text=td_string!(i18n, history.title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(history) => view! { <HistoryView history /> }.into_any(),
                    Err(error) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn action_label(i18n: Locale, action: &str) -> String {
    match action {
        "created" => td_string!(i18n, history.action_created).to_string(),
        "field_changed" => td_string!(i18n, history.action_field_changed).to_string(),
        "submitted" => td_string!(i18n, history.action_submitted).to_string(),
        "reopened" => td_string!(i18n, history.action_reopened).to_string(),
        other => other.to_owned(),
    }
}

/// An improvement action's field in words: `action:12:owner` → "Förbättringsåtgärd 12: Ansvarig".
fn action_field_label(i18n: Locale, name: &str) -> Option<String> {
    let mut parts = name.split(':');
    let (Some("action"), Some(id), Some(field)) = (parts.next(), parts.next(), parts.next()) else { return None };
    let field = match field {
        "title" => td_string!(i18n, actions.title_label),
        "description" => td_string!(i18n, actions.description_label),
        "owner" => td_string!(i18n, actions.owner_label),
        "due" => td_string!(i18n, actions.due_label),
        "status" => td_string!(i18n, actions.status_label),
        "removed" => td_string!(i18n, history.action_removed),
        _ => return None,
    };
    Some(td_string!(i18n, history.action_field, id = id, field = field).to_string())
}

#[component]
fn HistoryView(history: History) -> impl IntoView {
    let i18n = locale();
    let History { round, unit_id, unit_name, framework, entries } = history;
    let back = assessment_path(round.id, unit_id);
    let heading = td_string!(i18n, history.heading, unit = unit_name.clone()).to_string();
    let rows = entries
        .into_iter()
        .map(|HistoryEntry { at, who, action, field, old_value, new_value, reason }| {
            let field = field.map(|name| match AnswerField::parse(&name) {
                Ok(parsed) => field_label(i18n, &framework, &parsed).0,
                Err(_) => action_field_label(i18n, &name).unwrap_or(name),
            });
            view! {
                <tr>
                    <td>{at}</td>
                    <td>{who}</td>
                    <td>{action_label(i18n, &action)}</td>
                    <td>{field.unwrap_or_default()}</td>
                    <td class="answer-text">{old_value.unwrap_or_default()}</td>
                    <td class="answer-text">{new_value.unwrap_or_default()}</td>
                    <td class="answer-text">{reason.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let empty = rows.is_empty();
    view! {
        <h1>{heading}</h1>
        <p class="muted">{round.name.clone()}</p>
        <p>{td!(i18n, history.intro)}</p>
        {if empty {
            view! { <p>{td!(i18n, history.empty)}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" role="region" aria-labelledby="history-caption" tabindex="0">
                    <table class="table table--history">
                        <caption id="history-caption">{td!(i18n, history.caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{td!(i18n, history.col_time)}</th>
                                <th scope="col">{td!(i18n, history.col_who)}</th>
                                <th scope="col">{td!(i18n, history.col_what)}</th>
                                <th scope="col">{td!(i18n, history.col_field)}</th>
                                <th scope="col">{td!(i18n, history.col_old)}</th>
                                <th scope="col">{td!(i18n, history.col_new)}</th>
                                <th scope="col">{td!(i18n, history.col_reason)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <p><a href=back>{td!(i18n, history.back)}</a></p>
    }
}
