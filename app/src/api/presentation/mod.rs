//! The board presentation (nämndpresentation) of one organisation in one published round:
//! slides drawn from the results page's figures under the same rules, a generated summary on
//! each, and the presenter's comments, speaker notes, hidden slides and chosen improvement
//! actions, saved with the deck.

#[cfg(feature = "ssr")]
pub mod load;
#[cfg(feature = "ssr")]
pub mod save;
#[cfg(feature = "ssr")]
pub mod summaries;
mod types;

pub use types::{Deck, DeckAction, DeckForm, DeckSlide};

use crate::api::error::AppError;
use crate::api::results::query::ResultsQuery;
use leptos::prelude::*;

/// The presentation the address asks for (`omgang`, `nod`), as the viewer may see it;
/// `editing` also lists every action the presenter may choose from.
#[server(endpoint = "deck")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn get_deck(query: ResultsQuery, editing: bool) -> Result<Deck, AppError> {
    use crate::api::context::{caller, state};

    let caller = caller().await?;
    let state = state()?;
    self::load::deck(&state, &caller, &query, editing).await
}

/// Saves the presenter's comments, notes, hidden slides and chosen actions (a head or the
/// quality department who sees the organisation in full).
#[server(endpoint = "save_deck")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn save_deck(form: DeckForm) -> Result<(), AppError> {
    use crate::api::context::{caller, redirect_plain_form, state};
    use crate::routes::{Notice, presentation_path, with_notice};

    let caller = caller().await?;
    let state = state()?;
    let (round, node) = self::save::save(&state, &caller, &form).await?;
    redirect_plain_form(&with_notice(&presentation_path(round, node), &Notice::Saved));
    Ok(())
}
