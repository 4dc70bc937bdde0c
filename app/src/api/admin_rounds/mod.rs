//! Running rounds (the quality department): the list with response rates, creating a round,
//! editing it while it is a draft, changing an open round's closing date, and moving it
//! through its life (`domain::round_lifecycle`). Every change is in the admin log, written
//! in the same transaction.
//!
//! The forms post their fields under the names of `RoundField::key` (`namn`, `ramverk`,
//! `nod`, `oppnar`, `stanger`, `intro`, `orsak`), the names their pages read back from the
//! address: a refused plain form post goes back to its page with what was typed and what
//! was wrong (`api::context::plain_form_returns_to`).

#[cfg(feature = "ssr")]
pub mod changes;
#[cfg(feature = "ssr")]
pub mod load;
mod types;

pub use types::{
    AdminRound, CoverageCounts, MovePreview, NodeChoice, PROBLEMS_KEY, ROUND_FIELD_GROUP, RoundFormOptions, RoundLine,
    SEARCH_KEY, VersionChoice, invalid_fields, problems_from_param, problems_param, raw_round_from_params,
    raw_round_params, raw_value, round_problems,
};

use crate::api::error::AppError;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::round_lifecycle::Move;
use leptos::prelude::*;

/// Every round the caller manages, newest first, with status, dates and response rate.
#[server(endpoint = "admin_rounds")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_admin_rounds() -> Result<Vec<RoundLine>, AppError> {
    use crate::api::context::{caller, state};
    let caller = caller().await?;
    self::load::round_lines(&state()?.pool, &caller).await
}

/// The choices of a round form: published framework versions, the city, the organisation
/// chosen so far and what `search` finds.
#[server(endpoint = "round_form_options")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_round_form_options(
    search: Option<String>,
    chosen: Option<NodeId>,
) -> Result<RoundFormOptions, AppError> {
    use crate::api::context::{caller, state};
    let caller = caller().await?;
    self::load::form_options(&state()?.pool, &caller, search, chosen).await
}

/// A round's administration page.
#[server(endpoint = "admin_round")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_admin_round(round_id: RoundId) -> Result<AdminRound, AppError> {
    use crate::api::context::{caller, state};
    let caller = caller().await?;
    self::load::admin_round(&state()?.pool, &caller, round_id).await
}

/// What a step will do to a round, for its confirmation page.
#[server(endpoint = "round_move")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn load_round_move(round_id: RoundId, step: Move) -> Result<MovePreview, AppError> {
    use crate::api::context::{caller, state};
    let caller = caller().await?;
    self::load::preview(&state()?.pool, &caller, round_id, step).await
}

/// On the way out of a form's server function: a refused plain form post goes back to
/// `page` with what was typed (`params`) and what was wrong.
#[cfg(feature = "ssr")]
fn back_to_form(
    page: &str,
    params: impl Fn(&[crate::domain::round_lifecycle::RoundFieldError]) -> String,
    error: &AppError,
) {
    let problems = match error {
        AppError::Invalid { fields, .. } => round_problems(fields),
        _ => Vec::new(),
    };
    let params = params(&problems);
    let address = if params.is_empty() { page.to_owned() } else { format!("{page}?{params}") };
    crate::api::context::plain_form_returns_to(&address);
}

/// Creates a draft round. Without script the browser goes on to the round's page, or back to
/// the form with what was typed and what was wrong.
#[server(endpoint = "create_round")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn create_round(
    #[server(rename = "namn")]
    #[server(default)]
    name: String,
    #[server(rename = "ramverk")]
    #[server(default)]
    framework_version: String,
    #[server(rename = "nod")]
    #[server(default)]
    root: String,
    #[server(rename = "oppnar")]
    #[server(default)]
    opens_on: String,
    #[server(rename = "stanger")]
    #[server(default)]
    closes_on: String,
    #[server(default)] intro: String,
) -> Result<RoundId, AppError> {
    use crate::api::context::{caller, redirect_plain_form, request_id, state};
    use crate::db::audit::ChangeContext;
    use crate::db::clock;
    use crate::domain::round_lifecycle::RawRound;
    use crate::routes::{ADMIN_NEW_ROUND, Notice, admin_round_path, with_notice};

    let raw = RawRound { name, framework_version, root, opens_on, closes_on, intro };
    let result = async {
        let caller = caller().await?;
        self::load::require_round_manager(&caller)?;
        let pool = state()?.pool;
        let today = clock::today();
        let details = self::changes::checked_details(&pool, &raw, today).await?;
        if !self::load::manages(&pool, &caller, details.root, today).await? {
            return Err(AppError::Forbidden);
        }
        let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
        self::changes::create(&pool, &context, &details).await
    }
    .await;
    match result {
        Ok(id) => {
            tracing::info!(round = %id, "round created");
            redirect_plain_form(&with_notice(&admin_round_path(id), &Notice::Saved));
            Ok(id)
        }
        Err(error) => {
            back_to_form(ADMIN_NEW_ROUND, |problems| raw_round_params(&raw, problems), &error);
            Err(error)
        }
    }
}

/// Changes a draft round's details (refused once it has opened).
#[server(endpoint = "edit_round")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn edit_round(
    #[server(rename = "omgang")] round_id: RoundId,
    #[server(rename = "namn")]
    #[server(default)]
    name: String,
    #[server(rename = "ramverk")]
    #[server(default)]
    framework_version: String,
    #[server(rename = "nod")]
    #[server(default)]
    root: String,
    #[server(rename = "oppnar")]
    #[server(default)]
    opens_on: String,
    #[server(rename = "stanger")]
    #[server(default)]
    closes_on: String,
    #[server(default)] intro: String,
) -> Result<(), AppError> {
    use crate::api::context::{caller, redirect_plain_form, request_id, state};
    use crate::db::audit::ChangeContext;
    use crate::db::clock;
    use crate::domain::round_lifecycle::RawRound;
    use crate::routes::{Notice, admin_round_path, with_notice};

    let raw = RawRound { name, framework_version, root, opens_on, closes_on, intro };
    let page = admin_round_path(round_id);
    let result = async {
        let caller = caller().await?;
        let pool = state()?.pool;
        self::load::managed_round(&pool, &caller, round_id).await?;
        let today = clock::today();
        let details = self::changes::checked_details(&pool, &raw, today).await?;
        if !self::load::manages(&pool, &caller, details.root, today).await? {
            return Err(AppError::Forbidden);
        }
        let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
        self::changes::edit(&pool, &context, round_id, &details, today).await
    }
    .await;
    match result {
        Ok(()) => {
            redirect_plain_form(&with_notice(&page, &Notice::Saved));
            Ok(())
        }
        Err(error) => {
            back_to_form(&page, |problems| raw_round_params(&raw, problems), &error);
            Err(error)
        }
    }
}

/// Changes an open round's closing date.
#[server(endpoint = "change_round_closing_date")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn change_round_closing_date(
    #[server(rename = "omgang")] round_id: RoundId,
    #[server(rename = "stanger")]
    #[server(default)]
    closes_on: String,
) -> Result<(), AppError> {
    use crate::api::context::{caller, redirect_plain_form, request_id, state};
    use crate::db::audit::ChangeContext;
    use crate::db::clock;
    use crate::domain::round_lifecycle::RoundField;
    use crate::routes::{Notice, admin_round_path, urlencode, with_notice};

    let page = admin_round_path(round_id);
    let result = async {
        let caller = caller().await?;
        let pool = state()?.pool;
        self::load::managed_round(&pool, &caller, round_id).await?;
        let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
        self::changes::change_closing_date(&pool, &context, round_id, &closes_on, clock::today()).await
    }
    .await;
    match result {
        Ok(()) => {
            redirect_plain_form(&with_notice(&page, &Notice::Saved));
            Ok(())
        }
        Err(error) => {
            let params = |problems: &[_]| {
                let mut params = vec![format!("{}={}", RoundField::ClosesOn.key(), urlencode(&closes_on))];
                if !problems.is_empty() {
                    params.push(format!("{PROBLEMS_KEY}={}", urlencode(&problems_param(problems))));
                }
                params.join("&")
            };
            back_to_form(&page, params, &error);
            Err(error)
        }
    }
}

/// Takes a step with a round (`step` is `Move::key`, e.g. `oppna`), with the reason and new
/// closing date the step needs. Without script the browser goes on to the round's page, or
/// back to the confirmation with what was typed.
#[server(endpoint = "move_round")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, err(level = "debug")))]
pub async fn move_round(
    #[server(rename = "omgang")] round_id: RoundId,
    #[server(rename = "steg")] step: String,
    #[server(rename = "orsak")]
    #[server(default)]
    reason: String,
    #[server(rename = "stanger")]
    #[server(default)]
    closes_on: String,
) -> Result<(), AppError> {
    use crate::api::context::{caller, redirect_plain_form, request_id, state};
    use crate::db::audit::ChangeContext;
    use crate::db::clock;
    use crate::domain::round_lifecycle::RoundField;
    use crate::routes::{Notice, admin_round_move_path, admin_round_path, urlencode, with_notice};

    let step = Move::from_key(&step).ok_or(AppError::NotFound)?;
    let result = async {
        let caller = caller().await?;
        let pool = state()?.pool;
        self::load::managed_round(&pool, &caller, round_id).await?;
        let context = ChangeContext { actor: caller.id, request_id: request_id(), at: clock::now() };
        self::changes::make_move(&pool, &context, round_id, step, &reason, &closes_on, clock::today()).await
    }
    .await;
    match result {
        Ok(done) => {
            tracing::info!(round = %round_id, step = step.key(), units = done.units, "round moved");
            redirect_plain_form(&with_notice(&admin_round_path(round_id), &Notice::Saved));
            Ok(())
        }
        Err(error) => {
            let params = |problems: &[_]| {
                let mut params = Vec::new();
                for (field, value) in [(RoundField::Reason, &reason), (RoundField::ClosesOn, &closes_on)] {
                    if !value.is_empty() {
                        params.push(format!("{}={}", field.key(), urlencode(value)));
                    }
                }
                if !problems.is_empty() {
                    params.push(format!("{PROBLEMS_KEY}={}", urlencode(&problems_param(problems))));
                }
                params.join("&")
            };
            back_to_form(&admin_round_move_path(round_id, step), params, &error);
            Err(error)
        }
    }
}
