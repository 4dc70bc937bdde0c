//! Who may change the organisation (server only): the quality department, city-wide
//! (`Permission::ManageOrganisation` on the root). Asked first by every server function and
//! handler of organisation changes and of the HR import.

use crate::api::context::{Caller, caller, caller_of, request_id, state};
use crate::api::error::AppError;
use crate::db::audit::ChangeContext;
use crate::db::{self, Pool, clock};
use crate::domain::ids::NodeId;
use crate::domain::rights::{Permission, may};
use crate::state::AppState;
use tower_sessions::Session;

/// Someone who may change the organisation.
pub struct Organiser {
    pub state: AppState,
    pub pool: Pool,
    pub caller: Caller,
    /// The root of the tree (the city).
    pub city: NodeId,
}

impl Organiser {
    /// Who makes a change, now, with this request.
    pub fn context(&self) -> ChangeContext {
        ChangeContext { actor: self.caller.id, request_id: request_id(), at: clock::now() }
    }
}

async fn check(state: AppState, caller: Caller) -> Result<Organiser, AppError> {
    let pool = state.pool.clone();
    let city = db::org::city_root(&pool).await?.ok_or(AppError::NotFound)?;
    if !may(&caller.grants, Permission::ManageOrganisation, &[city]) {
        return Err(AppError::Forbidden);
    }
    Ok(Organiser { state, pool, caller, city })
}

/// The caller, if they may change the organisation (`Forbidden` otherwise).
pub async fn organiser() -> Result<Organiser, AppError> {
    let caller = caller().await?;
    check(state()?, caller).await
}

/// The same for a handler outside Leptos (the upload).
pub async fn organiser_of(state: &AppState, session: &Session) -> Result<Organiser, AppError> {
    let caller = caller_of(&state.pool, session).await?;
    check(state.clone(), caller).await
}
