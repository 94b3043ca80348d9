//! Loading and validating a whole library: 1,000 generated scenarios of 40
//! nodes each, compared with just reading the same bytes.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use headset::scenario::library::{check_files, collect_files};
use headset::scenario::synthetic::scenario_text;

fn library(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut bytes = 0u64;
    for i in 0..1000 {
        let text = scenario_text(&format!("gen-{i}"), 40, 8);
        bytes += text.len() as u64;
        std::fs::write(dir.path().join(format!("gen-{i:04}.ron")), text).expect("write");
    }
    let root: Vec<PathBuf> = vec![dir.path().to_owned()];
    let mut g = c.benchmark_group("library-1000x40");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("read-only", |b| {
        b.iter(|| {
            let files = collect_files(&root).expect("list");
            let total: usize = files
                .iter()
                .map(|f| std::fs::read(f).map(|v| v.len()).unwrap_or(0))
                .sum();
            black_box(total)
        })
    });
    // The report is freed outside the timing: `headset validate` never frees
    // it (the process ends), and freeing is not loading.
    g.bench_function("load+validate", |b| {
        b.iter_with_large_drop(|| {
            let files = collect_files(&root).expect("list");
            let report = check_files(&files);
            assert_eq!(report.errors(), 0);
            report
        })
    });
    g.finish();
    println!("library: 1000 files, {:.1} MB", bytes as f64 / 1e6);
}

criterion_group!(benches, library);
criterion_main!(benches);
