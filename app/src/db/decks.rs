//! Board presentations as their presenters prepared them: per slide a comment, speaker
//! notes and whether it is hidden, and the improvement actions chosen, in order.

use super::audit::ChangeContext;
use super::error::DbResult;
use super::sql::QueryBuilder;
use super::{Conn, Pool};
use crate::domain::ids::{ActionId, NodeId, RoundId};
use crate::domain::slide::SlideKind;
use std::collections::HashMap;

/// What the presenter set on one slide.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SlideSettings {
    pub hidden: bool,
    pub comment: String,
    pub notes: String,
}

/// The settings of every slide the presenter changed (the others are as generated).
pub async fn settings(pool: &Pool, round: RoundId, node: NodeId) -> DbResult<HashMap<SlideKind, SlideSettings>> {
    let rows: Vec<(String, bool, String, String)> = super::sql::query_as(
        "SELECT slide, hidden, comment, notes FROM deck_slide WHERE round_id = $1 AND node_id = $2",
    )
    .bind(round.0)
    .bind(node.0)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(slide, hidden, comment, notes)| {
            SlideKind::from_key(&slide).map(|kind| (kind, SlideSettings { hidden, comment, notes }))
        })
        .collect())
}

/// The actions chosen for the presentation, in order.
pub async fn chosen_actions(pool: &Pool, round: RoundId, node: NodeId) -> DbResult<Vec<ActionId>> {
    let ids: Vec<i64> = super::sql::query_scalar(
        "SELECT action_id FROM deck_action WHERE round_id = $1 AND node_id = $2 ORDER BY position, action_id",
    )
    .bind(round.0)
    .bind(node.0)
    .fetch_all(pool)
    .await?;
    Ok(ids.into_iter().map(ActionId).collect())
}

/// Replaces the presentation's settings and chosen actions (in the caller's transaction).
pub async fn save_in(
    conn: &mut Conn,
    context: &ChangeContext,
    (round, node): (RoundId, NodeId),
    slides: &[(SlideKind, SlideSettings)],
    actions: &[ActionId],
) -> DbResult<()> {
    super::sql::query("DELETE FROM deck_slide WHERE round_id = $1 AND node_id = $2")
        .bind(round.0)
        .bind(node.0)
        .execute(&mut *conn)
        .await?;
    super::sql::query("DELETE FROM deck_action WHERE round_id = $1 AND node_id = $2")
        .bind(round.0)
        .bind(node.0)
        .execute(&mut *conn)
        .await?;
    let changed: Vec<&(SlideKind, SlideSettings)> =
        slides.iter().filter(|(_, settings)| *settings != SlideSettings::default()).collect();
    if !changed.is_empty() {
        let mut insert = QueryBuilder::new(
            "INSERT INTO deck_slide (round_id, node_id, slide, hidden, comment, notes, updated_at, updated_by) ",
        );
        insert.push_values(changed, |mut row, (kind, settings)| {
            row.push_bind(round.0)
                .push_bind(node.0)
                .push_bind(kind.key())
                .push_bind(settings.hidden)
                .push_bind(settings.comment.as_str())
                .push_bind(settings.notes.as_str())
                .push_bind(context.at)
                .push_bind(context.actor.0);
        });
        insert.build().execute(&mut *conn).await?;
    }
    if !actions.is_empty() {
        let mut insert = QueryBuilder::new("INSERT INTO deck_action (round_id, node_id, action_id, position) ");
        insert.push_values(actions.iter().enumerate(), |mut row, (position, action)| {
            row.push_bind(round.0)
                .push_bind(node.0)
                .push_bind(action.0)
                .push_bind(i64::try_from(position).unwrap_or(0));
        });
        insert.build().execute(&mut *conn).await?;
    }
    Ok(())
}
