//! Engine throughput: reply steps per second, scoring included, on a
//! generated 40-node scenario.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use headset::scenario::load_bytes;
use headset::scenario::synthetic::scenario_text;
use headset::score::{Scorer, skills_from};
use headset::sim::{Compiled, Options, Session};

fn engine(c: &mut Criterion) {
    let text = scenario_text("bench", 40, 8);
    let loaded = load_bytes(std::path::Path::new("bench.ron"), text.as_bytes()).expect("valid");
    let compiled = Arc::new(Compiled::new(Arc::new(loaded.scenario)).expect("compiles"));
    // The explorer's mode: no history (transcript, events).
    let opts = Options {
        history: false,
        ..Options::default()
    };
    let steps_per_call = {
        let mut s = Session::new(Arc::clone(&compiled), 1, opts.clone());
        let mut n = 0u64;
        while !s.is_over() {
            s.wait_until_finished();
            let pick = s
                .offered()
                .iter()
                .copied()
                .find(|&i| i == 0)
                .unwrap_or(s.offered()[0]);
            s.reply(pick).expect("offered");
            n += 1;
        }
        n
    };
    let mut g = c.benchmark_group("engine");
    g.throughput(Throughput::Elements(steps_per_call));
    g.bench_function("reply-steps-40-nodes", |b| {
        b.iter(|| {
            let mut s = Session::new(Arc::clone(&compiled), 1, opts.clone());
            let mut scorer = Scorer::default();
            let mut raw = Vec::new();
            while !s.is_over() {
                s.wait_until_finished();
                let pick = s
                    .offered()
                    .iter()
                    .copied()
                    .find(|&i| i == 0)
                    .unwrap_or(s.offered()[0]);
                s.reply(pick).expect("offered");
                let a = s.records.last().expect("a record per reply");
                scorer.action(s.compiled(), a, &mut raw);
            }
            if let Some(e) = s.end() {
                scorer.end(s.compiled(), e, None, &mut raw);
            }
            black_box(skills_from(&raw))
        })
    });
    g.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
