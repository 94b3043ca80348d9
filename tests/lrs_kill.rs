//! Crash safety of the outbox for real: a child process saves calls,
//! queues their statements and sends the outbox to a (fake) LRS; it is
//! killed with SIGKILL at random points, 150 times, restarting each time on
//! the same data. Afterwards no queued file may be half written, and after
//! one last `headset sync` every statement of every saved call has reached
//! the LRS, including calls saved but never queued (killed in between).
//!
//! The child is this same test binary, started with `HEADSET_KILL_QUEUE`
//! set, running only `kill_queue_child` (which does nothing otherwise).

mod lrs_support;
mod progress_support;

use std::collections::HashSet;
use std::io::Write;
use std::time::{Duration, Instant};

use headset::progress::attempt::attempt_id;
use headset::progress::{Attempt, Store};
use headset::report::config::{LrsConfig, Secret};
use headset::report::{Lrs, Outbox, XapiSettings, deliver, queue_attempt, statements};
use lrs_support::{Answer, FakeLrs, PASSWORD, USER, headset, settings_for, text, write_settings};
use serde_json::Value;

const CHILD_ENV: &str = "HEADSET_KILL_QUEUE";
const RUN_ENV: &str = "HEADSET_KILL_RUN";
const URL_ENV: &str = "HEADSET_KILL_LRS";
const PROFILE: &str = "Crash Test";
const KILLS: u64 = 150;

fn template() -> Attempt {
    progress_support::attempt(
        "scenarios/en/double-charge.ron",
        "1,1",
        1,
        PROFILE,
        1_700_000_000_000,
    )
}

/// The `n`-th call of child run `run`.
fn make(template: &Attempt, run: u64, n: u64) -> Attempt {
    let mut a = template.clone();
    let start = 1_700_000_000_000 + run * 10_000_000 + n * 60_000;
    a.id = attempt_id(start, run * 1000 + n);
    a.started_at = start / 1000;
    a.overall = ((run + n) % 101) as u8;
    a
}

/// The child: saves and queues calls forever, printing `queued <id>` once
/// `queue_attempt` returned, and sends the outbox after every other call.
#[test]
fn kill_queue_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let run: u64 = std::env::var(RUN_ENV).unwrap().parse().unwrap();
    let store = Store::open(dir);
    let lrs = Lrs::new(&LrsConfig {
        url: std::env::var(URL_ENV).unwrap(),
        user: Some(USER.into()),
        password: Some(Secret::new(PASSWORD)),
        batch: 8,
        connect_timeout: Duration::from_secs(5),
        timeout: Duration::from_secs(5),
        retries: 0,
        backoff: Duration::from_millis(1),
    });
    let template = template();
    let settings = XapiSettings::default();
    // What the game does when the profile opens: calls saved but not
    // queued by an earlier run are queued now.
    let dir = store.profile_dir(PROFILE);
    let history = store.load_summaries(PROFILE).attempts;
    headset::report::queue_missing(&store, &dir, &history, &settings).expect("queued");
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        let a = make(&template, run, n);
        store.append(&a).expect("the save succeeds");
        queue_attempt(&store, &a, &settings).expect("queuing succeeds");
        writeln!(out, "queued {}", a.id)
            .and_then(|_| out.flush())
            .expect("the parent reads");
        if n % 2 == 1 {
            deliver(&Outbox::new(store.profile_dir(PROFILE)), &lrs);
        }
    }
}

#[test]
fn nothing_queued_is_lost_or_half_written_when_killed() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let started = Instant::now();
    // A fake LRS that takes a moment per request, so that kills also land
    // while a batch is on its way.
    let lrs = FakeLrs::start(|_| {
        std::thread::sleep(Duration::from_micros(300));
        Answer::Reply(200, "[]".into())
    });
    let dir = tempfile::tempdir().unwrap();
    let env = |run: u64| {
        vec![
            (CHILD_ENV, dir.path().display().to_string()),
            (RUN_ENV, run.to_string()),
            (URL_ENV, lrs.url()),
        ]
    };
    let queued: Vec<String> = progress_support::kill_repeatedly(
        "kill_queue_child",
        env,
        "queued ",
        KILLS,
        0x0B0C_5AFE,
        4000,
    )
    .into_iter()
    .flatten()
    .collect();

    // No queued file is half written: every one reads back whole.
    let store = Store::open(dir.path());
    let outbox = Outbox::new(store.profile_dir(PROFILE));
    let settings = XapiSettings::default();
    for e in outbox.entries().unwrap() {
        let pending = outbox.read(&e).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(pending.len(), 4, "{}", e.path.display());
    }
    let entries: Vec<_> = std::fs::read_dir(outbox.dir()).unwrap().collect();
    for e in entries {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.ends_with(".damaged"), "{name}");
    }
    // A queued call is in the outbox or already at the LRS.
    let received = || -> HashSet<String> {
        lrs.received()
            .iter()
            .flat_map(|r| match serde_json::from_str::<Value>(&r.body).unwrap() {
                Value::Array(a) => a,
                one => vec![one],
            })
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let waiting: HashSet<String> = outbox
        .entries()
        .unwrap()
        .into_iter()
        .map(|e| e.attempt_id)
        .collect();
    let got = received();
    let history = store.load_summaries(PROFILE).attempts;
    for id in &queued {
        let a = history
            .iter()
            .find(|a| &a.id == id)
            .unwrap_or_else(|| panic!("{id} was reported queued but is not saved"));
        let sent = statements(a, None, &settings)
            .iter()
            .all(|s| got.contains(&s.id));
        assert!(waiting.contains(id) || sent, "{id} was queued, then lost");
    }

    // One last sync sends the rest, including calls saved but not queued.
    write_settings(dir.path(), &settings_for(&lrs.url(), PASSWORD, ""));
    let out = headset(dir.path(), &["sync"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    let got = received();
    for a in &history {
        for s in statements(a, None, &settings) {
            assert!(
                got.contains(&s.id),
                "{} of {} never arrived",
                s.verb.id,
                a.id
            );
        }
    }
    assert_eq!(outbox.waiting().unwrap().results, 0);
    eprintln!(
        "{KILLS} kills, {} calls reported queued, {} saved, {} statements received, {:.1} s",
        queued.len(),
        history.len(),
        got.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(queued.len() >= KILLS as usize, "enough was queued to test");
}
