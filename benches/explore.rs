//! Exhaustive exploration of generated call-shaped scenarios with 8 facts:
//! time, states, paths and states per second. The work grows with the
//! number of states, not with the number of paths (which grow
//! exponentially). Every size is timed by criterion (10 samples); the line
//! printed before each gives its states, paths and one run's states per
//! second. The target: 200 nodes in 2 s or less.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use headset::explore::{Settings, explore};
use headset::scenario::load_bytes;
use headset::scenario::synthetic::call_text;
use headset::sim::Compiled;

fn compiled(nodes: usize) -> Arc<Compiled> {
    let text = call_text("bench", nodes, 8);
    let loaded = load_bytes(std::path::Path::new("bench.ron"), text.as_bytes()).expect("valid");
    Arc::new(Compiled::new(Arc::new(loaded.scenario)).expect("compiles"))
}

fn explorer(c: &mut Criterion) {
    let mut g = c.benchmark_group("explore");
    g.sample_size(10);
    for nodes in [10, 20, 30, 50, 100, 200] {
        let c = compiled(nodes);
        let t = Instant::now();
        let e = explore(&c, &Settings::default());
        let secs = t.elapsed().as_secs_f64();
        eprintln!(
            "explore {nodes} nodes: {} states, {} paths, exhaustive {}, {:.3} s, {:.0} states/s",
            e.states,
            e.paths.map_or("sampled".into(), |p| p.to_string()),
            e.exhaustive,
            secs,
            e.states as f64 / secs
        );
        g.bench_function(format!("exhaustive-{nodes}-nodes"), |b| {
            b.iter(|| black_box(explore(&c, &Settings::default())))
        });
    }
    g.finish();
}

criterion_group!(benches, explorer);
criterion_main!(benches);
