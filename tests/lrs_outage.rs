//! The LRS goes away in the middle of a sync: nothing is lost, nothing is
//! stored twice.

mod lrs_support;
mod progress_support;

use std::collections::{BTreeMap, BTreeSet};
use std::process::Stdio;
use std::time::{Duration, Instant};

use headset::progress::{Attempt, Store};
use headset::report::{Outbox, XapiSettings, queue_attempt};
use lrs_support::{PASSWORD, Ralph, headset, ralph_or_skip, settings_for, text, write_settings};

/// `n` real calls of one profile, a minute apart.
fn calls(n: u64) -> Vec<Attempt> {
    progress_support::attempts("scenarios/en/double-charge.ron", "1,1", "Anna", n)
}

#[test]
fn the_lrs_stopped_during_a_sync_of_50_attempts_then_every_statement_arrives_once() {
    let Some(bin) = ralph_or_skip("the_lrs_stopped_during_a_sync") else {
        return;
    };
    let mut lrs = Ralph::start(&bin);
    let data = tempfile::tempdir().unwrap();
    // One PUT per statement (batch: 1), as slow as it gets: the sync is
    // certainly under way when the LRS stops.
    write_settings(
        data.path(),
        &settings_for(&lrs.url(), PASSWORD, "batch: 1, timeout_ms: 5000"),
    );
    let store = Store::open(data.path());
    let attempts = calls(50);
    for a in &attempts {
        store.append(a).unwrap();
        queue_attempt(&store, a, &XapiSettings::default()).unwrap();
    }
    let outbox = Outbox::new(store.profile_dir("Anna"));
    assert_eq!(outbox.waiting().unwrap().statements, 200);

    let mut sync = lrs_support::sync_command(data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let until = Instant::now() + Duration::from_secs(120);
    while lrs.stored_count() < 40 {
        assert!(
            Instant::now() < until,
            "no statement arrived:\n{}",
            lrs.log()
        );
        assert!(sync.try_wait().unwrap().is_none(), "sync ended too early");
        std::thread::sleep(Duration::from_millis(10));
    }
    lrs.stop();
    let at_stop = lrs.stored_count();
    let out = sync.wait_with_output().unwrap();
    let (stdout, stderr) = text(&out);
    assert!(
        at_stop < 200,
        "the LRS stopped mid-sync ({at_stop} of 200 stored)"
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.contains("could not reach the LRS"), "{stderr}");
    let waiting = outbox.waiting().unwrap().statements;
    assert!(waiting > 0, "{stdout}");
    assert!(
        stdout.trim().ends_with(&format!("{waiting} waiting")),
        "{stdout}"
    );

    lrs.restart();
    let out = headset(data.path(), &["sync"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.trim().ends_with(", 0 waiting"), "{stdout}");
    assert_eq!(outbox.waiting().unwrap().results, 0, "the outbox is empty");
    assert!(outbox.entries().unwrap().is_empty());

    // Exactly once, counted by registration in what the LRS stored...
    let stored = lrs.stored();
    let mut by_registration: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in &stored {
        by_registration
            .entry(s["context"]["registration"].as_str().unwrap().to_owned())
            .or_default()
            .insert(s["verb"]["id"].as_str().unwrap().to_owned());
    }
    assert_eq!(stored.len(), 200, "no statement stored twice or lost");
    assert_eq!(by_registration.len(), 50, "one registration per attempt");
    assert!(by_registration.values().all(|verbs| verbs.len() == 4));
    // ... and as the LRS answers a query by registration.
    for a in attempts.iter().step_by(7) {
        let reg = headset::report::xapi::registration(&a.id, "Anna");
        assert_eq!(lrs.get(&format!("registration={reg}")).len(), 4);
    }
}
