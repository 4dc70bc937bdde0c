//! Changes to the organisation with an effective date (the quality department): add, rename,
//! move, merge, split, close. The page is a plain GET form (organisations found by name,
//! every field in the address) that asks for a review of what the change would do; the
//! review's confirmation posts the change, which is checked again and written in one
//! transaction with its admin-log entry. Rules in `domain::org_change`, writes in
//! `db::org_changes`.

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod load;
mod types;

pub use types::{ChangePage, Chosen, PickerHits, PickerSearches};

use crate::api::error::AppError;
use crate::domain::org_change::RawChange;
use leptos::prelude::*;

/// The change page: the form as filled in, what its searches found, and (with `review`)
/// what the change would do or why it cannot be made. Nothing changes.
#[server(endpoint = "org_change_page")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_org_change(
    #[server(default)] change: RawChange,
    #[server(default)] searches: PickerSearches,
    review: bool,
) -> Result<ChangePage, AppError> {
    let organiser = self::access::organiser().await?;
    self::load::page(&organiser, change, &searches, review).await
}

/// Makes the change, checked again against the tree as it is now, with its admin-log entry,
/// in one transaction; goes to the page saying it is done. If it cannot be made (any more),
/// nothing changes and the review says why.
#[server(endpoint = "apply_org_change")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn apply_org_change(change: RawChange) -> Result<(), AppError> {
    let organiser = self::access::organiser().await?;
    let location = self::load::apply(&organiser, &change).await?;
    leptos_axum::redirect(&location);
    Ok(())
}
