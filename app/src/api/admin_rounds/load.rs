//! Reading rounds for the administration (server only): who may manage which round, the
//! list with its response rates, a round's page, the choices of the round form and what a
//! step will do.

use super::types::{AdminRound, CoverageCounts, MovePreview, NodeChoice, RoundFormOptions, RoundLine, VersionChoice};
use crate::api::context::Caller;
use crate::api::error::AppError;
use crate::db::rounds::{Coverage, Round};
use crate::db::{self, Pool, clock};
use crate::domain::ids::{FrameworkVersionId, NodeId, RoundId};
use crate::domain::rights::{Permission, may, may_anywhere};
use crate::domain::round_lifecycle::{Move, Period, blockers, closing_date_changeable, details_editable, moves_from};
use chrono::NaiveDate;

/// Only those who manage rounds somewhere get any further (everyone else: `Forbidden`,
/// whatever they ask about, so ids reveal nothing).
pub fn require_round_manager(caller: &Caller) -> Result<(), AppError> {
    if may_anywhere(&caller.grants, Permission::ManageRounds) { Ok(()) } else { Err(AppError::Forbidden) }
}

/// Whether the caller manages rounds over the organisation at `root` (on `on`).
pub async fn manages(pool: &Pool, caller: &Caller, root: NodeId, on: NaiveDate) -> Result<bool, AppError> {
    let path = db::org::path_to(pool, root, on).await?;
    Ok(may(&caller.grants, Permission::ManageRounds, &path))
}

/// The round, if the caller manages rounds over its part of the tree.
pub async fn managed_round(pool: &Pool, caller: &Caller, id: RoundId) -> Result<Round, AppError> {
    require_round_manager(caller)?;
    let round = db::rounds::get(pool, id).await?.ok_or(AppError::NotFound)?;
    if !manages(pool, caller, round.root, round.tree_date(clock::today())).await? {
        tracing::warn!(user = %caller.id, round = %id, "round administration denied");
        return Err(AppError::Forbidden);
    }
    Ok(round)
}

/// Counts as pages show them.
pub fn counts(coverage: Coverage) -> CoverageCounts {
    CoverageCounts {
        units: coverage.units,
        not_started: coverage.units.saturating_sub(coverage.drafts + coverage.submitted),
        drafts: coverage.drafts,
        submitted: coverage.submitted,
    }
}

/// The round's coverage on its date.
pub async fn round_coverage(pool: &Pool, round: &Round) -> Result<CoverageCounts, AppError> {
    let on = round.tree_date(clock::today());
    let found = db::rounds::coverage(pool, &[(round.id, round.root, on)]).await?;
    Ok(counts(found.get(&round.id).copied().unwrap_or_default()))
}

/// Every round the caller manages, newest first, with its coverage and response rate: three
/// queries whatever the number of rounds.
pub async fn round_lines(pool: &Pool, caller: &Caller) -> Result<Vec<RoundLine>, AppError> {
    require_round_manager(caller)?;
    let today = clock::today();
    let rounds = db::rounds::list(pool).await?;
    let starts: Vec<(NodeId, NaiveDate)> = rounds.iter().map(|round| (round.root, round.tree_date(today))).collect();
    let paths = db::org::paths_on(pool, &starts).await?;
    let managed: Vec<(&Round, String)> = rounds
        .iter()
        .filter_map(|round| {
            let found = paths.get(&(round.root, round.tree_date(today)))?;
            may(&caller.grants, Permission::ManageRounds, &found.path).then(|| (round, found.name.clone()))
        })
        .collect();
    let seeds: Vec<_> = managed.iter().map(|(round, _)| (round.id, round.root, round.tree_date(today))).collect();
    let coverage = db::rounds::coverage(pool, &seeds).await?;
    Ok(managed
        .into_iter()
        .map(|(round, root_name)| RoundLine {
            round: round.into(),
            root_name,
            coverage: counts(coverage.get(&round.id).copied().unwrap_or_default()),
        })
        .collect())
}

/// An organisation as a choice, with the names above it (below the city), on `on`.
pub async fn node_choice(pool: &Pool, id: NodeId, on: NaiveDate) -> Result<Option<NodeChoice>, AppError> {
    let mut lineage = db::org::lineage(pool, id, on).await?;
    let Some(node) = lineage.pop() else { return Ok(None) };
    let within = lineage.into_iter().skip(1).map(|node| node.name).collect();
    Ok(Some(NodeChoice { id, name: node.name, within }))
}

/// A framework version as a choice; `Internal` if it is missing (a round's version must be
/// there).
async fn version_choice(pool: &Pool, id: FrameworkVersionId) -> Result<VersionChoice, AppError> {
    let versions = db::framework::versions(pool).await?;
    versions
        .into_iter()
        .find(|version| version.id == id.0)
        .map(|version| VersionChoice { id, name: version.name, label: version.version_label })
        .ok_or_else(|| crate::api::context::internal("round's framework version missing")(id))
}

/// The choices of a round form: the published versions, the city, the organisation chosen
/// (`chosen`) and what `search` finds (through `search_organisation`, the same search as
/// everywhere in the administration).
pub async fn form_options(
    pool: &Pool,
    caller: &Caller,
    search: Option<String>,
    chosen: Option<NodeId>,
) -> Result<RoundFormOptions, AppError> {
    require_round_manager(caller)?;
    let today = clock::today();
    let versions = db::framework::versions(pool)
        .await?
        .into_iter()
        .filter(|version| version.frozen)
        .map(|version| VersionChoice {
            id: FrameworkVersionId(version.id),
            name: version.name,
            label: version.version_label,
        })
        .collect();
    let city_id = db::org::city_root(pool).await?.ok_or(AppError::NotFound)?;
    let city = node_choice(pool, city_id, today).await?.ok_or(AppError::NotFound)?;
    let chosen = match chosen.filter(|chosen| *chosen != city_id) {
        Some(id) => node_choice(pool, id, today).await?,
        None => None,
    };
    let search = search.map(|text| text.trim().to_owned()).filter(|text| !text.is_empty());
    let hits = match &search {
        Some(text) => crate::api::organisation::search_organisation(text.clone())
            .await?
            .into_iter()
            .filter(|hit| hit.id != city_id && Some(hit.id) != chosen.as_ref().map(|chosen| chosen.id))
            .map(|hit| NodeChoice { id: hit.id, name: hit.name, within: hit.within })
            .collect(),
        None => Vec::new(),
    };
    Ok(RoundFormOptions { versions, city, chosen, hits, searched: search.is_some(), today: today.to_string() })
}

/// A round's administration page.
pub async fn admin_round(pool: &Pool, caller: &Caller, id: RoundId) -> Result<AdminRound, AppError> {
    let round = managed_round(pool, caller, id).await?;
    let on = round.tree_date(clock::today());
    let root = node_choice(pool, round.root, on).await?.ok_or(AppError::NotFound)?;
    Ok(AdminRound {
        framework: version_choice(pool, round.framework_version).await?,
        root,
        intro: round.intro.clone(),
        coverage: round_coverage(pool, &round).await?,
        moves: moves_from(round.status),
        details_editable: details_editable(round.status),
        closing_date_changeable: closing_date_changeable(round.status),
        today: clock::today().to_string(),
        round: (&round).into(),
    })
}

/// What `step` will do to the round, and what stands in its way.
pub async fn preview(pool: &Pool, caller: &Caller, id: RoundId, step: Move) -> Result<MovePreview, AppError> {
    let round = managed_round(pool, caller, id).await?;
    let today = clock::today();
    let on = round.tree_date(today);
    let frozen = {
        let mut conn = pool.acquire().await?;
        db::framework::is_frozen(&mut conn, round.framework_version).await?.unwrap_or(false)
    };
    Ok(MovePreview {
        step,
        root: node_choice(pool, round.root, on).await?.ok_or(AppError::NotFound)?,
        coverage: round_coverage(pool, &round).await?,
        framework: version_choice(pool, round.framework_version).await?,
        freezes_framework: step == Move::Open && !frozen,
        problems: blockers(round.status, Period { opens_on: round.opens_on, closes_on: round.closes_on }, step, today),
        today: today.to_string(),
        round: (&round).into(),
    })
}
