//! A round's computed results, kept between requests (server only).
//!
//! Computing a round's results reads every submitted rating (≈ 100,000 rows for the city)
//! and takes about a tenth of a second; the results change only when an assessment in the
//! round is submitted or reopened, or the organisation tree changes. So each round's
//! results are kept with a stamp (`db::results::ResultsStamp`: its submissions, the tree's
//! revision, the round's tree date), which is one indexed query to read; a request whose
//! stamp differs computes them afresh. The stamp lives in the database, so several server
//! instances stay correct without talking to each other.

use crate::db::error::DbResult;
use crate::db::{self, Pool, clock};
use crate::domain::framework::Framework;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::results::RoundResults;
use crate::domain::round::RoundStatus;
use crate::domain::scoring::unit_scores;
use crate::state::framework_cache::FrameworkCache;
use crate::state::lock::lock;
use crate::state::todays_organisation::TodaysOrganisationMemo;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// A round's results with what they were computed from.
#[derive(Debug)]
pub struct ComputedRound {
    pub framework: Arc<Framework>,
    pub results: RoundResults,
    /// Tells this computation from every other one of this process (of any round): an
    /// answer worked out from it is still right while the generation is the same.
    pub generation: u64,
    /// Its nodes' trends in today's organisation, as far as they have been asked for.
    pub todays_organisation: TodaysOrganisationMemo,
}

/// The generation of the next computation.
static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

#[derive(Debug)]
struct Entry {
    stamp: db::results::ResultsStamp,
    round: Arc<ComputedRound>,
}

/// Computed results per round; cheap to clone (shared).
#[derive(Clone, Debug)]
pub struct ResultsCache {
    /// Where the rounds' frameworks come from.
    frameworks: FrameworkCache,
    rounds: Arc<Mutex<HashMap<RoundId, Entry>>>,
    /// One computation at a time: requests that miss together wait for the first one
    /// rather than each reading every rating.
    computing: Arc<tokio::sync::Mutex<()>>,
    /// Set once [`ResultsCache::warm`] has been through every round.
    warm: Arc<AtomicBool>,
}

impl ResultsCache {
    /// An empty cache reading frameworks through `frameworks`.
    pub fn new(frameworks: FrameworkCache) -> Self {
        ResultsCache { frameworks, rounds: Arc::default(), computing: Arc::default(), warm: Arc::default() }
    }

    /// The results of `round`, from the cache if nothing they come from changed since.
    pub async fn get(&self, pool: &Pool, round: &db::rounds::Round) -> DbResult<Arc<ComputedRound>> {
        let on = round.tree_date(clock::today());
        let stamp = db::results::results_stamp(pool, round, on).await?;
        if let Some(cached) = self.cached(round.id, &stamp) {
            return Ok(cached);
        }
        let _turn = self.computing.lock().await;
        // Someone else may have computed it while this request waited.
        let stamp = db::results::results_stamp(pool, round, on).await?;
        if let Some(cached) = self.cached(round.id, &stamp) {
            return Ok(cached);
        }
        let computed = Arc::new(compute(pool, &self.frameworks, round, on).await?);
        lock(&self.rounds).insert(round.id, Entry { stamp, round: Arc::clone(&computed) });
        Ok(computed)
    }

    /// The results of each of `rounds`, in the same order: their stamps read in one query,
    /// and a round whose stamp moved on computed afresh (as [`ResultsCache::get`]).
    pub async fn get_all(&self, pool: &Pool, rounds: &[db::rounds::Round]) -> DbResult<Vec<Arc<ComputedRound>>> {
        let today = clock::today();
        let dated: Vec<_> = rounds.iter().map(|round| (round, round.tree_date(today))).collect();
        let stamps = db::results::results_stamps(pool, &dated).await?;
        let mut all = Vec::with_capacity(rounds.len());
        for (round, stamp) in rounds.iter().zip(&stamps) {
            match self.cached(round.id, stamp) {
                Some(cached) => all.push(cached),
                None => all.push(self.get(pool, round).await?),
            }
        }
        Ok(all)
    }

    /// Computes the results of every round someone may see (all but drafts), so that the
    /// first people to open the results after a start do not wait for them; then counts as
    /// warm, failed or not (a round that failed is computed when it is asked for). Returns
    /// how many rounds were computed.
    pub async fn warm(&self, pool: &Pool) -> usize {
        let mut computed = 0;
        match db::rounds::list(pool).await {
            Ok(rounds) => {
                for round in rounds.iter().filter(|round| round.status != RoundStatus::Draft) {
                    match self.get(pool, round).await {
                        Ok(_) => computed += 1,
                        Err(error) => tracing::error!(%error, round = %round.id, "could not compute a round's results"),
                    }
                }
            }
            Err(error) => tracing::error!(%error, "could not list the rounds to compute"),
        }
        self.warm.store(true, Ordering::Release);
        computed
    }

    /// Whether [`ResultsCache::warm`] has finished.
    pub fn is_warm(&self) -> bool {
        self.warm.load(Ordering::Acquire)
    }

    fn cached(&self, round: RoundId, stamp: &db::results::ResultsStamp) -> Option<Arc<ComputedRound>> {
        let rounds = lock(&self.rounds);
        rounds.get(&round).filter(|entry| &entry.stamp == stamp).map(|entry| Arc::clone(&entry.round))
    }
}

/// Reads the round's tree on `on` and its submitted ratings and computes every node's figures.
async fn compute(
    pool: &Pool,
    frameworks: &FrameworkCache,
    round: &db::rounds::Round,
    on: NaiveDate,
) -> DbResult<ComputedRound> {
    let framework = frameworks.of_round(pool, round.framework_version).await?;
    let above_root = db::org::path_to(pool, round.root, on).await?;
    let above_root = above_root.split_last().map_or(&[][..], |(_, above)| above);
    let nodes = db::results::nodes_under(pool, round.root, on).await?;
    let scores: HashMap<NodeId, _> = db::results::submitted_ratings(pool, round.id)
        .await?
        .into_iter()
        .map(|(unit, answers)| (unit, unit_scores(&framework, &answers)))
        .collect();
    let results = RoundResults::build(above_root, nodes, scores);
    Ok(ComputedRound {
        framework,
        results,
        generation: NEXT_GENERATION.fetch_add(1, Ordering::Relaxed),
        todays_organisation: TodaysOrganisationMemo::default(),
    })
}
