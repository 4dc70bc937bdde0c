//! Chart rendering times: `cargo bench -p charts`.
//!
//! Targets: radar and 30 × 12 heat-map SVG ≤ 2 ms each; their PNG (scale 1) ≤ 50 ms.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

fn svg(c: &mut Criterion) {
    let radar = common::radar_chart();
    let heatmap = common::heatmap_chart(30);
    let levels = common::levels_chart();
    let trend = common::trend_chart();
    let mut group = c.benchmark_group("svg");
    group.bench_function("radar", |b| b.iter(|| charts::radar(black_box(&radar))));
    group.bench_function("heatmap_30x12", |b| b.iter(|| charts::heatmap(black_box(&heatmap))));
    group.bench_function("levels", |b| b.iter(|| charts::stacked_levels(black_box(&levels))));
    group.bench_function("trend", |b| b.iter(|| charts::trend(black_box(&trend))));
    group.finish();
}

fn png(c: &mut Criterion) {
    let radar = charts::radar(&common::radar_chart()).expect("radar");
    let heatmap = charts::heatmap(&common::heatmap_chart(30)).expect("heatmap");
    // Build the font database outside the measurement.
    charts::png_from_svg(&radar, 1.0).expect("png");
    let mut group = c.benchmark_group("png");
    group.sample_size(20);
    group.bench_function("radar", |b| b.iter(|| charts::png_from_svg(black_box(&radar), 1.0)));
    group.bench_function("heatmap_30x12", |b| b.iter(|| charts::png_from_svg(black_box(&heatmap), 1.0)));
    group.bench_function("radar_x2", |b| b.iter(|| charts::png_from_svg(black_box(&radar), 2.0)));
    group.finish();
}

criterion_group!(benches, svg, png);
criterion_main!(benches);
