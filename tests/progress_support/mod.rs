//! Helpers shared by the `progress_*` integration tests: real attempts made
//! by playing shipped scenarios with the core engine.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use headset::progress::input::play_script;
use headset::progress::store::{DETAIL_FILE, LOG_FILE};
use headset::progress::{Attempt, InputRecord, Store};
use headset::scenario::load_file;
use headset::score::score;
use headset::sim::{Compiled, Options, Session, script};

/// A scenario file's compiled form and its source text.
pub fn scenario(path: &str) -> (Arc<Compiled>, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = load_file(&root.join(path)).unwrap_or_else(|d| panic!("{}", d.render(false)));
    let source = loaded.source.clone();
    let compiled = Compiled::new(Arc::new(loaded.scenario)).expect("shipped scenarios compile");
    (Arc::new(compiled), source)
}

/// Compiles scenario text (for edited copies).
pub fn compile_text(text: &str) -> Arc<Compiled> {
    let loaded = headset::scenario::load_bytes(Path::new("edited.ron"), text.as_bytes())
        .unwrap_or_else(|d| panic!("{}", d.render(false)));
    Arc::new(Compiled::new(Arc::new(loaded.scenario)).expect("compiles"))
}

/// Plays a SPEC, logging the inputs as the game does.
pub fn play_logged(
    c: &Arc<Compiled>,
    spec: &str,
    seed: u64,
    opts: Options,
) -> (Session, Vec<InputRecord>) {
    let mut s = Session::new(Arc::clone(c), seed, opts);
    let steps = script::parse(spec).expect("the SPEC parses");
    let log = play_script(&mut s, &steps).unwrap_or_else(|e| panic!("{spec}: {e}"));
    (s, log)
}

/// `n` real attempts of `profile`, each `path` played with `spec` and seed
/// `i`, a minute apart.
pub fn attempts(path: &str, spec: &str, profile: &str, n: u64) -> Vec<Attempt> {
    let (c, source) = scenario(path);
    (0..n)
        .map(|i| {
            let (session, log) = play_logged(&c, spec, i, Options::default());
            let report = score(&session);
            let started_ms = 1_700_000_000_000 + i * 60_000;
            Attempt::from_session(&session, &report, &source, log, profile, started_ms, i)
        })
        .collect()
}

/// A real attempt: `path` played with `spec`.
pub fn attempt(path: &str, spec: &str, seed: u64, profile: &str, started_ms: u64) -> Attempt {
    let (c, source) = scenario(path);
    let (session, log) = play_logged(&c, spec, seed, Options::default());
    let report = score(&session);
    Attempt::from_session(&session, &report, &source, log, profile, started_ms, seed)
}

/// A few different real attempts of one profile, oldest first.
pub fn some_attempts(profile: &str) -> Vec<Attempt> {
    vec![
        attempt(
            "scenarios/en/double-charge.ron",
            "1,1",
            1,
            profile,
            1_700_000_000_000,
        ),
        attempt(
            "scenarios/en/warranty-kettle.ron",
            "1,1",
            2,
            profile,
            1_700_000_100_000,
        ),
        attempt(
            "scenarios/en/router-confused.ron",
            "1,1,1,1",
            3,
            profile,
            1_700_000_200_000,
        ),
        attempt(
            "scenarios/en/double-charge.ron",
            "!3,1,1",
            4,
            profile,
            1_700_000_300_000,
        ),
        attempt(
            "scenarios/de/warranty-kettle.ron",
            "h",
            5,
            profile,
            1_700_000_400_000,
        ),
    ]
}

/// Records written by Headset before rubric v2 (the build before the
/// rubric was versioned), exactly as it wrote them: the `attempts.log` and
/// `details.log` of the profile "Anna" with two calls, double-charge
/// played `!3,1,1` with seed 4 (rubric 1: overall 92, passed) and the
/// German warranty-kettle hung up with seed 5 (rubric 1: overall 80, not
/// passed). No `rubric`, `failures`, `critical_errors`, `reading_wpm` or
/// moment `critical` in them.
pub const RUBRIC_1_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/progress_support/rubric-1"
);

/// Puts the rubric-1 records ([`RUBRIC_1_DIR`]) in `store` as the profile
/// "Anna", before any attempt it has.
pub fn save_rubric_1_records(store: &Store) {
    let dir = store.create_profile("Anna").unwrap();
    for file in [LOG_FILE, DETAIL_FILE] {
        let old = std::fs::read(Path::new(RUBRIC_1_DIR).join(file)).unwrap();
        let now = std::fs::read(dir.join(file)).unwrap_or_default();
        std::fs::write(dir.join(file), [old, now].concat()).unwrap();
    }
}

/// The rubric-1 records ([`RUBRIC_1_DIR`]) as this version reads them.
pub fn rubric_1_attempts() -> Vec<Attempt> {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    save_rubric_1_records(&store);
    let h = store.load("Anna");
    assert!(h.problems.is_empty(), "{:?}", h.problems);
    assert_eq!(h.attempts.len(), 2);
    h.attempts
}

/// Crash tests: starts this test binary again `kills` times, running only
/// the test `child` with the environment `env(run)`. Each run prints a line
/// `<prefix><id>` per thing it made safe; the parent lets it report 0 to 3
/// of them, waits a random 0 to `max_wait_us` microseconds and kills it
/// with SIGKILL (while starting, mid-write, mid-sync, or between the write
/// and its report). Returns, per run, the ids it reported before it died.
pub fn kill_repeatedly(
    child: &str,
    env: impl Fn(u64) -> Vec<(&'static str, String)>,
    prefix: &'static str,
    kills: u64,
    seed: u64,
    max_wait_us: usize,
) -> Vec<Vec<String>> {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    let exe = std::env::current_exe().unwrap();
    let mut rng = headset::sim::rng::Rng::new(seed);
    let mut runs = Vec::new();
    for run in 0..kills {
        let mut process = Command::new(&exe)
            .args(["--exact", child, "--nocapture", "--test-threads=1", "-q"])
            .envs(env(run))
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the child starts");
        let stdout = process.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(id) = line.strip_prefix(prefix) {
                    let _ = tx.send(id.to_owned());
                }
            }
        });
        let wait_for = rng.below(4);
        let mut seen = Vec::new();
        while seen.len() < wait_for {
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(id) => seen.push(id),
                Err(_) => panic!("child run {run} stopped reporting"),
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(max_wait_us) as u64));
        if let Ok(Some(status)) = process.try_wait() {
            panic!("the child exited by itself: {status}");
        }
        process.kill().expect("SIGKILL");
        process.wait().unwrap();
        reader.join().unwrap();
        // Reports that reached the pipe before the kill count too.
        seen.extend(rx.try_iter());
        runs.push(seen);
    }
    runs
}
