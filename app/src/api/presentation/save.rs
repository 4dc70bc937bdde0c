//! Saving the presenter's settings (server only): checked against the slides and limits, the
//! actions against those of the units below, written with an admin-log entry.

use super::types::DeckForm;
use crate::api::context::{Caller, request_id};
use crate::api::error::AppError;
use crate::api::results::query::ResultsQuery;
use crate::db::admin_log::{self, AdminEntry};
use crate::db::audit::ChangeContext;
use crate::db::decks::{self, SlideSettings};
use crate::db::{self, clock};
use crate::domain::admin_action::AdminAction;
use crate::domain::ids::{ActionId, NodeId, RoundId};
use crate::domain::limits::{char_count, normalise_text};
use crate::domain::raw_answers::{FieldError, FieldProblem};
use crate::domain::rights::{Permission, may};
use crate::domain::slide::{MAX_CHOSEN_ACTIONS, SLIDE_TEXT_MAX_CHARS, SlideKind};
use crate::state::AppState;

/// Saves `form` for the presentation it names; returns its round and organisation.
pub async fn save(state: &AppState, caller: &Caller, form: &DeckForm) -> Result<(RoundId, NodeId), AppError> {
    let query = ResultsQuery { round: Some(form.round_id), node: Some(form.node_id), ..ResultsQuery::default() };
    let (results, round, node) = super::load::presented(state, caller, &query).await?;
    let stored = db::rounds::get(&state.pool, round).await?.ok_or(AppError::NotFound)?;
    let computed = state.results_cache.get(&state.pool, &stored).await?;
    let path = computed.results.path(node).unwrap_or_default();
    if !results.full || !may(&caller.grants, Permission::PreparePresentation, path) {
        return Err(AppError::Forbidden);
    }
    let slides = checked_slides(form)?;
    let units: Vec<NodeId> = computed.results.units_below(node).collect();
    let allowed: Vec<ActionId> =
        db::actions::of_units_in_round(&state.pool, round, &units).await?.into_iter().map(|action| action.id).collect();
    let mut actions: Vec<ActionId> = form
        .action
        .keys()
        .filter_map(|id| id.parse::<i64>().ok().map(ActionId))
        .filter(|id| allowed.contains(id))
        .collect();
    actions.sort_unstable();
    if actions.len() > MAX_CHOSEN_ACTIONS || actions.len() != form.action.len() {
        return Err(invalid("action", "", FieldProblem::InvalidChoice));
    }

    let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
    let mut tx = db::pool::begin_write(&state.pool).await?;
    decks::save_in(&mut tx, &context, (round, node), &slides, &actions).await?;
    let detail = format!(
        "{} kommentarer, {} dolda bilder, {} åtgärder",
        count_comments(&slides),
        count_hidden(&slides),
        actions.len()
    );
    let entry = AdminEntry {
        round: Some(round),
        node: Some(node),
        detail: Some(&detail),
        ..AdminEntry::of(AdminAction::DeckEdited)
    };
    admin_log::append(&mut tx, &context, &[entry]).await?;
    tx.commit().await?;
    Ok((round, node))
}

fn count_comments(slides: &[(SlideKind, SlideSettings)]) -> usize {
    slides.iter().filter(|(_, settings)| !settings.comment.is_empty()).count()
}

fn count_hidden(slides: &[(SlideKind, SlideSettings)]) -> usize {
    slides.iter().filter(|(_, settings)| settings.hidden).count()
}

/// Every slide's settings from the form; an unknown slide or an over-long text is refused.
fn checked_slides(form: &DeckForm) -> Result<Vec<(SlideKind, SlideSettings)>, AppError> {
    let known = |key: &String| SlideKind::from_key(key).is_some();
    if let Some(key) = form.comment.keys().chain(form.notes.keys()).chain(form.hidden.keys()).find(|key| !known(key)) {
        return Err(invalid("slide", key, FieldProblem::UnknownKey));
    }
    let mut problems = Vec::new();
    let mut text = |group: &str, kind: SlideKind, raw: Option<&String>| {
        let value = raw.and_then(|raw| normalise_text(raw)).unwrap_or_default();
        let actual = char_count(&value);
        if actual > SLIDE_TEXT_MAX_CHARS {
            problems.push(FieldError {
                group: group.to_owned(),
                key: kind.key().to_owned(),
                problem: FieldProblem::TooLong { max: SLIDE_TEXT_MAX_CHARS, actual },
            });
        }
        value
    };
    let slides = SlideKind::ALL
        .into_iter()
        .map(|kind| {
            let comment = text("comment", kind, form.comment.get(kind.key()));
            let notes = text("notes", kind, form.notes.get(kind.key()));
            (kind, SlideSettings { hidden: form.hidden.contains_key(kind.key()), comment, notes })
        })
        .collect();
    if problems.is_empty() { Ok(slides) } else { Err(AppError::Invalid { fields: problems, saved_version: None }) }
}

fn invalid(group: &str, key: &str, problem: FieldProblem) -> AppError {
    AppError::Invalid {
        fields: vec![FieldError { group: group.to_owned(), key: key.to_owned(), problem }],
        saved_version: None,
    }
}
