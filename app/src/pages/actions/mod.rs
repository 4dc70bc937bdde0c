//! A unit's improvement actions in a round, per dimension: this round's (added, edited,
//! removed here) and the previous round's still open (followed up and carried on here).
//!
//! Every form is a plain post without script. The actions themselves are the page's island
//! (`ActionsBoard`): with script each change is sent in the background and the actions are
//! loaded again in place.

mod action_editor;
mod action_fields;
mod new_action;
mod previous_action;

use crate::api::actions::{ActionItem, ActionsView, get_actions};
use crate::api::assessment::{AssessmentView, get_assessment};
use crate::api::error::AppError;
use crate::components::error_notice::{ErrorNotice, PageError};
use crate::components::translations::locale;
use crate::domain::ids::{ActionId, NodeId, RoundId};
use crate::i18n::*;
use crate::pages::route_ids::round_and_unit;
use crate::routes::assessment_path;
use crate::routes::{Notice, action_anchor};
use action_editor::ActionEditor;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use new_action::NewAction;
use previous_action::PreviousAction;

#[component]
pub fn ActionsPage() -> impl IntoView {
    let i18n = locale();
    let params = use_params_map();
    let ids = move || round_and_unit(&params.read());
    let assessment = Resource::new(ids, |(round, unit)| get_assessment(round, unit, None));
    let query = use_query_map();
    let conflict = move || Notice::all_in(|name| query.read().get(name)).conflict().map(str::to_owned);
    let actions =
        Resource::new(move || (ids(), conflict()), |((round, unit), conflict)| get_actions(round, unit, conflict));
    view! {
        <Title text=td_string!(i18n, actions.title).to_string() />
        <Suspense fallback=move || view! { <p>{td!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match (assessment.await, actions.await) {
                    (Ok(assessment), Ok(actions)) => view! { <ActionsView assessment actions /> }.into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <PageError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A dimension of the framework: its key and name.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct DimensionName {
    key: String,
    name: String,
}

#[component]
fn ActionsView(assessment: AssessmentView, actions: ActionsView) -> impl IntoView {
    let i18n = locale();
    let query = use_query_map();
    let (round, unit) = (assessment.round.id, assessment.unit_id);
    let heading = td_string!(i18n, actions.heading, unit = assessment.unit_name.clone()).to_string();
    let back = assessment_path(assessment.round.id, assessment.unit_id);
    let notices = Notice::all_in(|name| query.read_untracked().get(name));
    let conflict = notices.conflict().map(str::to_owned);
    let notice = {
        if let Some(error) = notices.failure().and_then(|(code, _)| AppError::from_code(code)) {
            Some(view! { <ErrorNotice error /> }.into_any())
        } else if notices.has(&Notice::Saved) {
            Some(view! { <p class="notice notice--success" role="status">{td!(i18n, actions.saved)}</p> }.into_any())
        } else if notices.has(&Notice::Removed) {
            Some(view! { <p class="notice notice--success" role="status">{td!(i18n, actions.removed)}</p> }.into_any())
        } else {
            None
        }
    };
    let dimensions = assessment
        .framework
        .dimensions
        .iter()
        .map(|dimension| DimensionName { key: dimension.key.to_string(), name: dimension.name.clone() })
        .collect();
    let board = if actions.current.is_some() {
        view! { <ActionsBoard round unit dimensions actions conflict /> }.into_any()
    } else {
        view! { <p class="notice">{td!(i18n, assessment.hidden_answers)}</p> }.into_any()
    };
    view! {
        <header class="page-header">
            <p class="page-header__context">{assessment.organisation.join(" › ")}</p>
            <h1>{heading}</h1>
            <p>{assessment.round.name.clone()}</p>
            <p><a href=back.clone()>{td!(i18n, actions.back)}</a></p>
        </header>
        {notice}
        <p class="intro">{td!(i18n, actions.intro)}</p>
        {board}
    }
}

/// The actions of every dimension, with their forms. With script a change is sent in the
/// background and the actions are loaded again (`get_actions`) in place.
#[island]
fn ActionsBoard(
    round: RoundId,
    unit: NodeId,
    dimensions: Vec<DimensionName>,
    actions: ActionsView,
    conflict: Option<String>,
) -> impl IntoView {
    let i18n = locale();
    // Bumped after every change made with script, to load the actions again.
    let reload = RwSignal::new(0u32);
    let shown = RwSignal::new(actions);
    Effect::watch(
        move || reload.get(),
        move |_, _, _| {
            let conflict = conflict.clone();
            leptos::task::spawn_local(async move {
                if let Ok(actions) = get_actions(round, unit, conflict).await {
                    shown.set(actions);
                }
            });
        },
        false,
    );
    // The action just added gets the focus once it is on the page.
    let added = RwSignal::new(None::<ActionId>);
    Effect::new(move |_| {
        if let Some(id) = added.get() {
            request_animation_frame(move || {
                use leptos::wasm_bindgen::JsCast;
                let heading = document().get_element_by_id(&format!("{}-rubrik", action_anchor(id.0)));
                if let Some(heading) =
                    heading.and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok())
                {
                    let _ = heading.focus();
                }
            });
        }
    });
    move || {
        let ActionsView { can_edit, current, previous_round, previous_open, kept_conflict } = shown.get();
        let current = current.unwrap_or_default();
        let of_dimension = |items: &[ActionItem], key: &str| -> Vec<ActionItem> {
            items.iter().filter(|item| item.dimension == key).cloned().collect()
        };
        dimensions
            .iter()
            .enumerate()
            .map(|(index, dimension)| {
                let key = dimension.key.clone();
                let section_id = format!("atgarder-{key}");
                let labelled_by = section_id.clone();
                let mine = of_dimension(&current, &key);
                let earlier = of_dimension(&previous_open, &key);
                let earlier_heading = previous_round.clone().map(|round| {
                    td_string!(i18n, actions.previous_heading, round = round).to_string()
                });
                let empty = mine.is_empty().then(|| view! { <p class="muted">{td!(i18n, actions.none)}</p> });
                view! {
                    <section class="dimension" aria-labelledby=labelled_by>
                        <h2 id=section_id>{format!("{}. {}", index + 1, dimension.name)}</h2>
                        {(!earlier.is_empty()).then(|| view! {
                            <h3>{earlier_heading.clone()}</h3>
                            {earlier.into_iter().map(|item| view! { <PreviousAction round unit item can_edit reload /> }).collect_view()}
                        })}
                        <h3>{td!(i18n, actions.current_heading)}</h3>
                        {empty}
                        {mine.into_iter().map(|item| {
                            let kept = kept_conflict
                                .as_ref()
                                .filter(|(id, _)| *id == item.id)
                                .map(|(_, conflicts)| conflicts.clone())
                                .unwrap_or_default();
                            view! { <ActionEditor round unit item can_edit reload kept /> }
                        }).collect_view()}
                        {can_edit.then(|| view! { <NewAction round unit dimension=key.clone() reload added /> })}
                    </section>
                }
            })
            .collect_view()
    }
}
