//! Loading a long history and computing the progress view: 10,000 stored
//! attempts (real ones, from playing shipped scenarios, varied by id, seed
//! and scores), read with `Store::load_summaries` (checksums, JSON,
//! dedupe) and turned into a `ProgressView`. Target: 100 ms or less in
//! release. The full load (transcripts and moments too) is measured beside
//! it for comparison.

use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use headset::progress::input::play_script;
use headset::progress::store::{DETAIL_FILE, LOG_FILE, encode_line};
use headset::progress::{Attempt, ProgressView, ScenarioInfo, Store};
use headset::scenario::library::collect_files;
use headset::scenario::load_file;
use headset::score::score;
use headset::sim::{Compiled, Options, Session, script};

const ATTEMPTS: u64 = 10_000;
const PROFILE: &str = "Bench Trainee";

fn real_attempt(root: &Path, file: &str, spec: &str) -> Attempt {
    let loaded = load_file(&root.join(file)).expect("a shipped scenario");
    let source = loaded.source.clone();
    let c = Arc::new(Compiled::new(Arc::new(loaded.scenario)).expect("compiles"));
    let mut s = Session::new(c, 1, Options::default());
    let log = play_script(&mut s, &script::parse(spec).expect("spec")).expect("plays");
    Attempt::from_session(&s, &score(&s), &source, log, PROFILE, 1_700_000_000_000, 1)
}

fn write(path: &Path, text: &str) {
    std::fs::File::create(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .expect("the log is written");
}

fn progress(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let library: Vec<ScenarioInfo> = collect_files(&[root.join("scenarios")])
        .expect("scenarios")
        .iter()
        .map(|f| ScenarioInfo::from_scenario(&load_file(f).expect("loads").scenario))
        .collect();
    let models = [
        real_attempt(root, "scenarios/en/router-confused.ron", "1,1,1,1"),
        real_attempt(root, "scenarios/en/double-charge.ron", "!3,1,1"),
        real_attempt(root, "scenarios/de/warranty-kettle.ron", "1,1"),
        real_attempt(root, "scenarios/nl/late-delivery-chat.ron", "1,1,1"),
    ];
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(dir.path());
    let profile_dir = store.create_profile(PROFILE).expect("profile");
    // Written directly as the lines `Store::append` writes (10,000 synced
    // appends would take minutes and measure nothing of interest).
    let (mut summaries, mut details) = (String::new(), String::new());
    for i in 0..ATTEMPTS {
        let mut a = models[i as usize % models.len()].clone();
        a.id = format!("{:011x}-{i:016x}", 1_700_000_000_000 + i * 60_000);
        a.seed = i;
        a.started_at = 1_700_000_000 + i * 60;
        a.skills.patience = (40 + i * 7 % 61) as u8;
        a.skills.listening = (30 + i * 11 % 71) as u8;
        a.skills.name = (50 + i * 13 % 51) as u8;
        a.skills.escalation = (20 + i * 17 % 81) as u8;
        a.overall = ((u64::from(a.skills.patience)
            + u64::from(a.skills.listening)
            + u64::from(a.skills.name)
            + u64::from(a.skills.escalation))
            / 4) as u8;
        a.passed = a.overall >= a.pass_mark;
        summaries.push_str(&encode_line(&a.summary).expect("encodes"));
        details.push_str(&encode_line(&a.detail()).expect("encodes"));
    }
    write(&profile_dir.join(LOG_FILE), &summaries);
    write(&profile_dir.join(DETAIL_FILE), &details);
    eprintln!(
        "history: {ATTEMPTS} attempts; summaries {:.1} MB ({} bytes a line), details {:.1} MB ({} bytes a line)",
        summaries.len() as f64 / 1e6,
        summaries.len() as u64 / ATTEMPTS,
        details.len() as f64 / 1e6,
        details.len() as u64 / ATTEMPTS,
    );
    let check = store.load(PROFILE);
    assert_eq!(check.attempts.len() as u64, ATTEMPTS);
    assert!(check.problems.is_empty());
    let view = ProgressView::compute(&store.load_summaries(PROFILE).attempts, &library);
    assert_eq!(view.attempts as u64, ATTEMPTS);

    let mut g = c.benchmark_group("progress");
    g.sample_size(20);
    g.bench_function("load-summaries-and-view-10000-attempts", |b| {
        b.iter(|| {
            let h = store.load_summaries(PROFILE);
            black_box(ProgressView::compute(&h.attempts, &library))
        })
    });
    g.bench_function("view-only-10000-attempts", |b| {
        b.iter(|| black_box(ProgressView::compute(&check.attempts, &library)))
    });
    g.bench_function("load-full-10000-attempts", |b| {
        b.iter(|| black_box(store.load(PROFILE)))
    });
    g.finish();
}

criterion_group!(benches, progress);
criterion_main!(benches);
