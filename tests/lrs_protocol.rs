//! What Headset says to an LRS and how it takes the answers, against a
//! small fake LRS (answers a real one rarely gives on demand), and bad
//! input: a malformed address, an unsafe settings file, a hung LRS, an
//! unreachable one.

mod lrs_support;
mod progress_support;

use std::time::{Duration, Instant};

use headset::progress::{Attempt, Store};
use headset::report::config::LrsConfig;
use headset::report::{Courier, Outbox, XapiSettings, queue_attempt};
use lrs_support::{
    Answer, FakeLrs, PASSWORD, USER, free_port, headset, settings_for, text, write_settings,
};
use serde_json::Value;

/// `n` real calls of one profile, a minute apart.
fn calls(profile: &str, n: u64) -> Vec<Attempt> {
    progress_support::attempts("scenarios/en/warranty-kettle.ron", "1,1", profile, n)
}

fn record(data: &std::path::Path, attempts: &[Attempt]) -> Outbox {
    let store = Store::open(data);
    for a in attempts {
        store.append(a).unwrap();
        queue_attempt(&store, a, &XapiSettings::default()).unwrap();
    }
    Outbox::new(store.profile_dir(&attempts[0].profile))
}

fn ok_lrs() -> FakeLrs {
    FakeLrs::start(|r| match r.method.as_str() {
        "POST" => Answer::Reply(200, "[]".into()),
        _ => Answer::Reply(204, String::new()),
    })
}

#[test]
fn statements_go_in_batches_with_the_xapi_header_and_basic_auth() {
    let lrs = ok_lrs();
    let data = tempfile::tempdir().unwrap();
    write_settings(
        data.path(),
        &settings_for(&lrs.url(), PASSWORD, "batch: 50"),
    );
    let outbox = record(data.path(), &calls("Anna", 30));
    let out = headset(data.path(), &["sync"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(stdout.trim(), "sent 120 statements, 0 waiting");
    assert_eq!(outbox.waiting().unwrap().statements, 0);
    let got = lrs.received();
    let auth = format!(
        "Basic {}",
        headset::report::lrs::base64(format!("{USER}:{PASSWORD}").as_bytes())
    );
    let sizes: Vec<usize> = got.iter().map(|r| r.statements()).collect();
    assert_eq!(sizes.iter().sum::<usize>(), 120);
    // Whole attempts (4 statements) per request, at most 50 statements.
    assert_eq!(sizes, [48, 48, 24]);
    for r in &got {
        assert_eq!(r.method, "POST");
        assert_eq!(r.target, "/xapi/statements");
        assert_eq!(r.header("X-Experience-API-Version"), Some("1.0.3"));
        assert_eq!(r.header("Content-Type"), Some("application/json"));
        assert_eq!(r.header("Authorization"), Some(auth.as_str()));
    }
}

#[test]
fn with_batch_1_each_statement_is_a_put_with_its_id() {
    let lrs = ok_lrs();
    let data = tempfile::tempdir().unwrap();
    write_settings(data.path(), &settings_for(&lrs.url(), PASSWORD, "batch: 1"));
    record(data.path(), &calls("Anna", 2));
    let out = headset(data.path(), &["sync"]);
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    let got = lrs.received();
    assert_eq!(got.len(), 8);
    for r in &got {
        assert_eq!(r.method, "PUT");
        let body: Value = serde_json::from_str(&r.body).unwrap();
        let id = body["id"].as_str().unwrap();
        assert_eq!(r.target, format!("/xapi/statements?statementId={id}"));
        assert_eq!(r.header("X-Experience-API-Version"), Some("1.0.3"));
    }
}

#[test]
fn a_batch_answered_409_goes_again_one_by_one_and_409_counts_as_delivered() {
    // An LRS that refuses a whole batch when it knows one id, and answers
    // each known statement with 409.
    let lrs = FakeLrs::start(|r| match r.method.as_str() {
        "POST" => Answer::Reply(409, r#"{"error":"conflict"}"#.into()),
        _ if r.target.contains("statementId") => Answer::Reply(409, String::new()),
        _ => Answer::Reply(404, String::new()),
    });
    let data = tempfile::tempdir().unwrap();
    write_settings(data.path(), &settings_for(&lrs.url(), PASSWORD, ""));
    let outbox = record(data.path(), &calls("Anna", 2));
    let out = headset(data.path(), &["sync"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(stdout.trim(), "sent 8 statements, 0 waiting");
    assert_eq!(outbox.waiting().unwrap().results, 0);
    let methods: Vec<String> = lrs.received().iter().map(|r| r.method.clone()).collect();
    assert_eq!(methods[0], "POST");
    assert_eq!(methods[1..].iter().filter(|m| *m == "PUT").count(), 8);
}

#[test]
fn a_4xx_answer_quotes_the_lrs_json_error_and_is_not_retried() {
    let lrs = FakeLrs::start(|_| {
        Answer::Reply(
            400,
            r#"{"error": true, "message": "Invalid statement: verb.display must be a language map"}"#
                .into(),
        )
    });
    let data = tempfile::tempdir().unwrap();
    write_settings(data.path(), &settings_for(&lrs.url(), PASSWORD, "batch: 1"));
    let outbox = record(data.path(), &calls("Anna", 1));
    let out = headset(data.path(), &["sync"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert_eq!(stdout.trim(), "sent 0 statements, 4 waiting");
    assert!(
        stderr.contains("rejected the statements (HTTP 400: {\"error\": true, \"message\": \"Invalid statement: verb.display must be a language map\"})"),
        "{stderr}"
    );
    assert_eq!(outbox.waiting().unwrap().statements, 4);
    assert_eq!(lrs.received().len(), 1, "a 4xx is not tried again");
}

#[test]
fn a_5xx_answer_is_retried_with_backoff() {
    let lrs = FakeLrs::start(|_| Answer::Reply(503, r#"{"detail":"maintenance"}"#.into()));
    let data = tempfile::tempdir().unwrap();
    write_settings(
        data.path(),
        &settings_for(&lrs.url(), PASSWORD, "batch: 1").replace("retries: 2", "retries: 3"),
    );
    record(data.path(), &calls("Anna", 1));
    let started = Instant::now();
    let out = headset(data.path(), &["sync"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("failed (HTTP 503: {\"detail\":\"maintenance\"})"),
        "{stderr}"
    );
    assert_eq!(lrs.received().len(), 4, "1 try and 3 retries");
    // Waits of 100, 200 and 400 ms.
    assert!(started.elapsed() >= Duration::from_millis(700));
}

#[test]
fn a_slow_lrs_times_out_and_the_statements_stay() {
    let lrs = FakeLrs::start(|_| Answer::Silence);
    let data = tempfile::tempdir().unwrap();
    write_settings(
        data.path(),
        &settings_for(&lrs.url(), PASSWORD, "timeout_ms: 1000").replace("retries: 2", "retries: 1"),
    );
    let outbox = record(data.path(), &calls("Anna", 3));
    let started = Instant::now();
    let out = headset(data.path(), &["sync"]);
    let (stdout, stderr) = text(&out);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stderr.contains("did not answer within 1 s"), "{stderr}");
    assert_eq!(stdout.trim(), "sent 0 statements, 12 waiting");
    assert_eq!(outbox.waiting().unwrap().statements, 12);
    // Two tries of 1 s and a wait, then it stops: not one timeout per batch.
    assert!(took < Duration::from_secs(8), "took {took:?}");
    assert_eq!(lrs.received().len(), 2);
}

#[test]
fn an_unreachable_lrs_keeps_the_game_going_and_the_statements_queued() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/xAPI/");
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path());
    let first = calls("Anna", 2);
    store.append(&first[0]).unwrap();
    queue_attempt(&store, &first[0], &XapiSettings::default()).unwrap();

    // The game hands sending to the courier and goes on at once...
    let cfg = LrsConfig {
        url: url.clone(),
        user: Some(USER.into()),
        password: Some(headset::report::config::Secret::new(PASSWORD)),
        batch: 50,
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_secs(5),
        retries: 3,
        backoff: Duration::from_millis(200),
    };
    let courier = Courier::new();
    let woken = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let w = woken.clone();
    let started = Instant::now();
    courier.send(
        data.path().to_owned(),
        cfg.clone(),
        Some(std::sync::Arc::new(move || {
            w.store(true, std::sync::atomic::Ordering::SeqCst)
        })),
    );
    assert!(
        started.elapsed() < Duration::from_millis(100),
        "send returns at once"
    );
    assert!(courier.status().sending);
    // ... and records the next call while the courier is still retrying.
    store.append(&first[1]).unwrap();
    queue_attempt(&store, &first[1], &XapiSettings::default()).unwrap();
    courier.send(data.path().to_owned(), cfg, None);
    assert!(courier.wait_idle(Duration::from_secs(30)));
    assert!(
        woken.load(std::sync::atomic::Ordering::SeqCst),
        "the game is woken"
    );
    assert!(courier.take_finished());
    let status = courier.status();
    assert_eq!(
        status.runs, 2,
        "asked twice: ran once more, never twice at once"
    );
    let err = status.last_error.unwrap().to_string();
    assert!(
        err.contains(&format!("could not reach the LRS at {url}")),
        "{err}"
    );
    assert!(err.contains("refused"), "{err}");
    let outbox = Outbox::new(store.profile_dir("Anna"));
    assert_eq!(outbox.waiting().unwrap().statements, 8, "both calls wait");
    assert_eq!(store.load_summaries("Anna").attempts.len(), 2, "both saved");

    // From the command line: exit 1, the same reason, nothing lost.
    write_settings(data.path(), &settings_for(&url, PASSWORD, ""));
    let out = headset(data.path(), &["sync"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout.trim(), "sent 0 statements, 8 waiting");
    assert!(
        stderr.contains("last error: could not reach the LRS"),
        "{stderr}"
    );
}

#[test]
fn a_malformed_address_is_a_usage_error_that_names_it() {
    let data = tempfile::tempdir().unwrap();
    record(data.path(), &calls("Anna", 1));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_headset"))
        .args(["sync", "--data-dir"])
        .arg(data.path())
        .env("HEADSET_LRS_URL", "lrs.example.com/xapi")
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("HEADSET_LRS_URL: \"lrs.example.com/xapi\" is not a valid LRS address"),
        "{stderr}"
    );
    assert!(stderr.contains("must start with https://"), "{stderr}");
    assert!(stderr.contains("https://lrs.example.com/xapi/"), "{stderr}");

    write_settings(
        data.path(),
        r#"url: "https://key:hunter2@lrs.example.com/""#,
    );
    let out = headset(data.path(), &["sync"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("lrs.ron"), "{stderr}");
    assert!(stderr.contains("user name or password"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
}

#[test]
fn settings_others_can_read_are_refused_and_no_lrs_is_a_usage_error() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    record(data.path(), &calls("Anna", 1));
    let out = headset(data.path(), &["sync"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("no learning record store is set"),
        "{stderr}"
    );
    assert!(stderr.contains("HEADSET_LRS_URL"), "{stderr}");

    write_settings(
        data.path(),
        r#"url: "https://lrs.example.com/", user: "key", password: "hunter2""#,
    );
    let ron = data.path().join("lrs.ron");
    std::fs::set_permissions(&ron, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = headset(data.path(), &["sync"]);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains(&format!("run `chmod 600 {}`", ron.display())),
        "{stderr}"
    );
    assert!(!stderr.contains("hunter2"));
}

#[test]
fn a_call_saved_but_never_queued_is_queued_and_sent_by_the_next_sync() {
    let lrs = ok_lrs();
    let data = tempfile::tempdir().unwrap();
    write_settings(data.path(), &settings_for(&lrs.url(), PASSWORD, ""));
    let store = Store::open(data.path());
    let attempts = calls("Anna", 3);
    // Delivery was on before these calls (the game enables it when the
    // profile opens)...
    let outbox = Outbox::new(store.profile_dir("Anna"));
    store.create_profile("Anna").unwrap();
    outbox.enable(None, 1_600_000_000_000).unwrap();
    store.append(&attempts[0]).unwrap();
    queue_attempt(&store, &attempts[0], &XapiSettings::default()).unwrap();
    // ... and the program stopped between saving and queuing these two.
    store.append(&attempts[1]).unwrap();
    store.append(&attempts[2]).unwrap();
    let out = headset(data.path(), &["sync"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stderr.contains("Anna: queued 2 results that had been saved but not queued"),
        "{stderr}"
    );
    assert_eq!(stdout.trim(), "sent 12 statements, 0 waiting");
    // Once is enough.
    let out = headset(data.path(), &["sync"]);
    assert_eq!(text(&out).0.trim(), "sent 0 statements, 0 waiting");

    // Calls saved before delivery was ever enabled go only when asked.
    let old = tempfile::tempdir().unwrap();
    write_settings(old.path(), &settings_for(&lrs.url(), PASSWORD, ""));
    let store = Store::open(old.path());
    store.append(&attempts[0]).unwrap();
    let out = headset(old.path(), &["sync"]);
    assert_eq!(text(&out).0.trim(), "sent 0 statements, 0 waiting");
    let out = headset(old.path(), &["sync", "--requeue"]);
    assert_eq!(text(&out).0.trim(), "sent 4 statements, 0 waiting");
}
