//! A round's computed results, kept between requests (server only).
//!
//! Computing a round's results reads every submitted rating (≈ 100,000 rows for the city)
//! and takes about a tenth of a second; the results change only when an assessment in the
//! round is submitted or reopened. So each round's results are kept with a stamp of its
//! submissions (how many, the sum of their versions, the latest submission time), which is
//! one indexed query to read; a request whose stamp differs computes them afresh. The stamp
//! lives in the database, so several server instances stay correct without talking to each
//! other.
//!
//! The organisation tree of a round is not stamped: it is written by the seed and imports
//! of history, never while the server runs.

use crate::db::error::DbResult;
use crate::db::{self, Pool, clock};
use crate::domain::framework::Framework;
use crate::domain::ids::{NodeId, RoundId};
use crate::domain::results::RoundResults;
use crate::domain::scoring::unit_scores;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// A round's results with what they were computed from.
#[derive(Debug)]
pub struct ComputedRound {
    pub framework: Framework,
    pub results: RoundResults,
}

#[derive(Debug)]
struct Entry {
    stamp: db::results::SubmissionStamp,
    round: Arc<ComputedRound>,
}

/// Computed results per round; cheap to clone (shared).
#[derive(Clone, Debug, Default)]
pub struct ResultsCache {
    rounds: Arc<Mutex<HashMap<RoundId, Entry>>>,
    /// One computation at a time: requests that miss together wait for the first one
    /// rather than each reading every rating.
    computing: Arc<tokio::sync::Mutex<()>>,
}

impl ResultsCache {
    /// The results of `round`, from the cache if no submission changed since.
    pub async fn get(&self, pool: &Pool, round: &db::rounds::Round) -> DbResult<Arc<ComputedRound>> {
        let stamp = db::results::submission_stamp(pool, round.id).await?;
        if let Some(cached) = self.cached(round.id, &stamp) {
            return Ok(cached);
        }
        let _turn = self.computing.lock().await;
        // Someone else may have computed it while this request waited.
        let stamp = db::results::submission_stamp(pool, round.id).await?;
        if let Some(cached) = self.cached(round.id, &stamp) {
            return Ok(cached);
        }
        let computed = Arc::new(compute(pool, round).await?);
        self.rounds
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(round.id, Entry { stamp, round: Arc::clone(&computed) });
        Ok(computed)
    }

    fn cached(&self, round: RoundId, stamp: &db::results::SubmissionStamp) -> Option<Arc<ComputedRound>> {
        let rounds = self.rounds.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        rounds.get(&round).filter(|entry| &entry.stamp == stamp).map(|entry| Arc::clone(&entry.round))
    }
}

/// Reads the round's tree and submitted ratings and computes every node's figures.
async fn compute(pool: &Pool, round: &db::rounds::Round) -> DbResult<ComputedRound> {
    let on = round.tree_date(clock::today());
    let framework = db::framework::of_round(pool, round.framework_version).await?;
    let above_root = db::org::path_to(pool, round.root, on).await?;
    let above_root = above_root.split_last().map_or(&[][..], |(_, above)| above);
    let nodes = db::results::nodes_under(pool, round.root, on).await?;
    let scores: HashMap<NodeId, _> = db::results::submitted_ratings(pool, round.id)
        .await?
        .into_iter()
        .map(|(unit, answers)| (unit, unit_scores(&framework, &answers)))
        .collect();
    let results = RoundResults::build(above_root, nodes, scores);
    Ok(ComputedRound { framework, results })
}
