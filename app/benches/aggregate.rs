//! How long the figures of every organisation in a city-sized tree take: 2,500 units under
//! 45 administrations of 5 departments each, 12 dimensions, about 3% of scores missing.

use app::domain::aggregate::figures_for_tree;
use app::domain::framework::DimensionGroup;
use app::domain::ids::NodeId;
use app::domain::keys::DimensionKey;
use app::domain::scoring::{DimensionScore, UnitScores, mean};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const UNITS: usize = 2_500;
const ADMINISTRATIONS: usize = 45;
const DEPARTMENTS_PER_ADMINISTRATION: usize = 5;
const DIMENSIONS: usize = 12;

/// A small deterministic generator (Knuth's MMIX LCG), so every run measures the same tree.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound
    }
}

fn city() -> Vec<(Vec<NodeId>, UnitScores)> {
    let mut random = Lcg(2026);
    let keys: Vec<DimensionKey> =
        (1..=DIMENSIONS).map(|number| DimensionKey::parse(&format!("dimension_{number}")).unwrap()).collect();
    let departments = ADMINISTRATIONS * DEPARTMENTS_PER_ADMINISTRATION;
    (0..UNITS)
        .map(|unit| {
            let department = random.below(departments as u64) as usize;
            let administration = department / DEPARTMENTS_PER_ADMINISTRATION;
            let path = vec![
                NodeId(1),
                NodeId(1_000 + administration as i64),
                NodeId(10_000 + department as i64),
                NodeId(100_000 + unit as i64),
            ];
            let dimensions: Vec<DimensionScore> = keys
                .iter()
                .enumerate()
                .map(|(position, key)| {
                    // About 3% of dimensions have nothing rated; the rest rate 1–6 statements 1–5.
                    let rated = if random.below(100) < 3 { 0 } else { 1 + random.below(6) as usize };
                    let levels: Vec<f64> = (0..rated).map(|_| (1 + random.below(5)) as f64).collect();
                    let group =
                        if position < DIMENSIONS / 2 { DimensionGroup::Approaches } else { DimensionGroup::FocusAreas };
                    DimensionScore { key: key.clone(), group, score: mean(levels), rated }
                })
                .collect();
            let index_of = |group: Option<DimensionGroup>| {
                mean(dimensions.iter().filter(|d| group.is_none_or(|group| d.group == group)).filter_map(|d| d.score))
            };
            let scores = UnitScores {
                index: index_of(None),
                approaches_index: index_of(Some(DimensionGroup::Approaches)),
                focus_areas_index: index_of(Some(DimensionGroup::FocusAreas)),
                dimensions,
            };
            (path, scores)
        })
        .collect()
}

fn bench_figures_for_tree(c: &mut Criterion) {
    let units = city();
    c.bench_function("figures_for_tree 2500 units", |b| b.iter(|| figures_for_tree(black_box(&units))));
}

criterion_group!(benches, bench_figures_for_tree);
criterion_main!(benches);
