//! A huge outbox (10,000 statements) goes to a real LRS in batches, and
//! `headset sync` needs no more memory for it than for 1,000.

mod lrs_support;
mod progress_support;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use headset::progress::Store;
use headset::progress::attempt::attempt_id;
use headset::report::{Outbox, XapiSettings, statements};
use lrs_support::{PASSWORD, Ralph, ralph_or_skip, settings_for, text, write_settings};
use progress_support::attempt;

/// Queues `n` attempts' statements (4 each), with ids from `first` on.
fn fill(outbox: &Outbox, first: u64, n: u64) {
    let base = attempt(
        "scenarios/en/double-charge.ron",
        "1,1",
        1,
        "Anna",
        1_700_000_000_000,
    );
    let settings = XapiSettings::default();
    let made: Vec<(String, Vec<headset::report::Statement>)> = (first..first + n)
        .map(|i| {
            let mut s = base.summary.clone();
            let start = 1_700_000_000_000 + i * 60_000;
            s.id = attempt_id(start, i);
            s.started_at = start / 1000;
            s.seed = i;
            let st = statements(&s, None, &settings);
            (s.id, st)
        })
        .collect();
    outbox
        .queue_many(made.iter().map(|(id, s)| (id.as_str(), s.clone())))
        .unwrap();
}

/// Runs `headset sync` and samples its peak resident memory (VmHWM).
fn sync_measured(data: &Path) -> (Output, u64, Duration) {
    let started = Instant::now();
    let mut child = lrs_support::sync_command(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    while child.try_wait().unwrap().is_none() {
        if let Ok(s) = std::fs::read_to_string(&status)
            && let Some(kb) = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().unwrap();
    (out, peak_kb, started.elapsed())
}

#[test]
fn ten_thousand_statements_go_in_batches_with_flat_memory() {
    let Some(bin) = ralph_or_skip("ten_thousand_statements") else {
        return;
    };
    let lrs = Ralph::start(&bin);
    let data = tempfile::tempdir().unwrap();
    write_settings(
        data.path(),
        &settings_for(&lrs.url(), PASSWORD, "timeout_ms: 120000"),
    );
    let store = Store::open(data.path());
    store.create_profile("Anna").unwrap();
    let outbox = Outbox::new(store.profile_dir("Anna"));

    fill(&outbox, 0, 250);
    assert_eq!(outbox.waiting().unwrap().statements, 1_000);
    let (out, small_kb, small_took) = sync_measured(data.path());
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(stdout.trim(), "sent 1000 statements, 0 waiting");

    let filling = Instant::now();
    fill(&outbox, 250, 2_500);
    let fill_took = filling.elapsed();
    assert_eq!(outbox.waiting().unwrap().statements, 10_000);
    let (out, big_kb, big_took) = sync_measured(data.path());
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(stdout.trim(), "sent 10000 statements, 0 waiting");
    assert_eq!(outbox.waiting().unwrap().results, 0);

    let stored = lrs.stored();
    assert_eq!(stored.len(), 11_000);
    let ids: BTreeSet<&str> = stored.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 11_000, "each statement once");

    eprintln!(
        "queued 2,500 attempts (10,000 statements) in {:.1} s; sync of 1,000: {:.1} s, peak RSS {} KB; sync of 10,000: {:.1} s ({:.0} statements/s), peak RSS {} KB",
        fill_took.as_secs_f64(),
        small_took.as_secs_f64(),
        small_kb,
        big_took.as_secs_f64(),
        10_000.0 / big_took.as_secs_f64(),
        big_kb
    );
    // The statements alone are about 11 MB of JSON: had the outbox been
    // read at once, the peak would grow by more than that.
    assert!(small_kb > 0 && big_kb > 0, "memory was sampled");
    assert!(
        big_kb < small_kb + 4 * 1024,
        "memory grows with the outbox: {small_kb} KB for 1,000 statements, {big_kb} KB for 10,000"
    );
}
