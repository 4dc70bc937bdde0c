//! What a trend "in today's organisation" works out, kept with the round shown (server only).
//!
//! For an organisation seen in full, each earlier round's figures are over the units it has
//! in the round shown (`api::results::trend`). Working that out means walking the node's
//! subtree in the round shown and, for each earlier round, comparing its subtree there and
//! taking means over every unit: for the city, thousands of units per round on every
//! request, though the answer changes only when one of the two rounds' results do. So each
//! computed round keeps, per node, its units and the figures over them in each earlier
//! round, tagged with that round's [`generation`](crate::state::results_cache::ComputedRound)
//! — a recomputed earlier round has a new one, and its figures are worked out afresh. A
//! round's memo goes when the round's results are recomputed (a new `ComputedRound`), so it
//! never outlives what it was worked out from, and holds at most one entry per node and
//! earlier round.

use crate::domain::ids::{NodeId, RoundId};
use crate::state::lock::lock;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// Per node of the round shown: its units and its figures in earlier rounds.
#[derive(Debug, Default)]
pub struct TodaysOrganisationMemo {
    nodes: Mutex<HashMap<NodeId, Arc<TodaysUnits>>>,
}

impl TodaysOrganisationMemo {
    /// The units `node` has in the round shown, found by `find` the first time.
    pub fn units(&self, node: NodeId, find: impl FnOnce() -> BTreeSet<NodeId>) -> Arc<TodaysUnits> {
        if let Some(known) = lock(&self.nodes).get(&node) {
            return Arc::clone(known);
        }
        // Found outside the lock: two requests may both find them; the results are equal.
        let found = Arc::new(TodaysUnits { units: find(), earlier: Mutex::default() });
        Arc::clone(lock(&self.nodes).entry(node).or_insert(found))
    }
}

/// A node's units in the round shown, in order (a mean over them adds up the same way every
/// time), and its figures over them in earlier rounds.
#[derive(Debug)]
pub struct TodaysUnits {
    pub units: BTreeSet<NodeId>,
    earlier: Mutex<HashMap<RoundId, (u64, Regrouped)>>,
}

/// A node's figures in an earlier round, over its units of the round shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Regrouped {
    /// The node had exactly these units then: its own figures of that round hold.
    SameUnits,
    /// The mean of each figure over these units, in the order the trend asked for them;
    /// `None` where none of them has a score.
    Means(Arc<[Option<f64>]>),
}

impl TodaysUnits {
    /// The figures in the earlier round `round`, computed as `generation`, worked out by
    /// `work` unless known for that generation.
    pub fn in_round(
        &self,
        round: RoundId,
        generation: u64,
        work: impl FnOnce(&BTreeSet<NodeId>) -> Regrouped,
    ) -> Regrouped {
        if let Some((known, regrouped)) = lock(&self.earlier).get(&round)
            && *known == generation
        {
            return regrouped.clone();
        }
        let regrouped = work(&self.units);
        lock(&self.earlier).insert(round, (generation, regrouped.clone()));
        regrouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(ids: &[i64]) -> BTreeSet<NodeId> {
        ids.iter().map(|id| NodeId(*id)).collect()
    }

    #[test]
    fn a_nodes_units_are_found_once() {
        let memo = TodaysOrganisationMemo::default();
        let first = memo.units(NodeId(1), || units(&[2, 3]));
        let again = memo.units(NodeId(1), || panic!("found again"));
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(memo.units(NodeId(4), || units(&[5])).units, units(&[5]));
    }

    #[test]
    fn an_earlier_rounds_figures_are_worked_out_again_only_for_a_new_generation() {
        let memo = TodaysOrganisationMemo::default();
        let node = memo.units(NodeId(1), || units(&[2, 3]));
        let means = |value: f64| Regrouped::Means(Arc::from(vec![Some(value)]));
        let mut calls = 0;
        let mut work = |value: f64| {
            calls += 1;
            means(value)
        };
        assert_eq!(node.in_round(RoundId(7), 1, |_| work(2.5)), means(2.5));
        assert_eq!(node.in_round(RoundId(7), 1, |_| work(9.0)), means(2.5));
        assert_eq!(
            node.in_round(RoundId(7), 2, |seen| {
                assert_eq!(seen, &units(&[2, 3]));
                work(3.0)
            }),
            means(3.0)
        );
        assert_eq!(node.in_round(RoundId(8), 2, |_| Regrouped::SameUnits), Regrouped::SameUnits);
        assert_eq!(calls, 2);
    }
}
