//! Crash safety for real: a child process appends attempts and reports each
//! one saved; it is killed with SIGKILL at random points, at least 200
//! times, restarting each time on the same history. Afterwards every
//! attempt reported saved must load intact, and nothing half-written may
//! load as an attempt.
//!
//! The child is this same test binary, started with `HEADSET_KILL_WRITER`
//! set, running only `kill_writer_child` (which does nothing otherwise).

mod progress_support;

use std::collections::HashSet;
use std::io::Write;
use std::time::{Duration, Instant};

use headset::progress::store::damaged_path;
use headset::progress::{Attempt, ProblemKind, Store};

const CHILD_ENV: &str = "HEADSET_KILL_WRITER";
const RUN_ENV: &str = "HEADSET_KILL_RUN";
const PROFILE: &str = "Crash Test";
const KILLS: usize = 200;

/// One real attempt, the model for all the others.
fn template() -> Attempt {
    progress_support::attempt(
        "scenarios/en/router-confused.ron",
        "1,1,1,1",
        3,
        PROFILE,
        1_700_000_000_000,
    )
}

/// The `n`-th attempt of writer run `run`: what must be on disk for its id.
fn make(template: &Attempt, run: u64, n: u64) -> Attempt {
    let mut a = template.clone();
    a.id = format!("kill-{run:04}-{n:06}");
    a.seed = run * 1_000_000 + n;
    a.started_at = 1_700_000_000 + run * 1000 + n;
    a.overall = (n % 101) as u8;
    // Vary the length too, so the lines do not all end at the same offset.
    a.transcript.truncate(a.transcript.len() - (n as usize % 4));
    a
}

fn parse_id(id: &str) -> Option<(u64, u64)> {
    let mut p = id.strip_prefix("kill-")?.split('-');
    Some((p.next()?.parse().ok()?, p.next()?.parse().ok()?))
}

/// The writer: appends attempts forever, printing `saved <id>` after each
/// append has returned (that is, after the line is synced).
#[test]
fn kill_writer_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let run: u64 = std::env::var(RUN_ENV)
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(0);
    let store = Store::open(dir);
    let template = template();
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        let a = make(&template, run, n);
        store.append(&a).expect("the append succeeds");
        writeln!(out, "saved {}", a.id)
            .and_then(|_| out.flush())
            .expect("the parent reads");
    }
}

#[test]
fn every_attempt_reported_saved_survives_sigkill() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let env = |run: u64| {
        vec![
            (CHILD_ENV, dir.path().display().to_string()),
            (RUN_ENV, run.to_string()),
        ]
    };
    let runs = progress_support::kill_repeatedly(
        "kill_writer_child",
        env,
        "saved ",
        KILLS as u64,
        0x5EED_0FC0_FFEE,
        3000,
    );
    let killed_mid_run = runs.iter().filter(|seen| !seen.is_empty()).count();
    let saved: Vec<String> = runs.into_iter().flatten().collect();
    let store = Store::open(dir.path());
    let h = store.load(PROFILE);
    let template = template();
    let loaded: HashSet<&str> = h.attempts.iter().map(|a| a.id.as_str()).collect();
    for id in &saved {
        assert!(
            loaded.contains(id.as_str()),
            "attempt {id} was reported saved but is missing"
        );
    }
    for a in &h.attempts {
        let (run, n) = parse_id(&a.id).unwrap_or_else(|| panic!("unknown id {}", a.id));
        assert_eq!(
            a,
            &make(&template, run, n),
            "attempt {} is not intact",
            a.id
        );
    }
    // Anything else is a cut-off tail (of either log), set aside, not loaded.
    for p in &h.problems {
        assert_eq!(p.kind, ProblemKind::Truncated, "{p}");
        assert!(damaged_path(&p.file).exists(), "{p}");
    }
    // The fast path sees the same attempts.
    let summaries = store.load_summaries(PROFILE);
    assert_eq!(summaries.attempts.len(), h.attempts.len());
    eprintln!(
        "{KILLS} kills ({killed_mid_run} after at least one save), {} reported saved, {} on disk, {} damaged tails, {:.1} s",
        saved.len(),
        h.attempts.len(),
        h.problems.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        saved.len() >= KILLS,
        "the writer saved enough to test: {}",
        saved.len()
    );
    assert!(started.elapsed() < Duration::from_secs(60));
}
