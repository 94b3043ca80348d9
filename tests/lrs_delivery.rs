//! Delivery to a real LRS (Ralph): what arrives, sending twice, wrong
//! credentials, a statement the LRS rejects.

mod lrs_support;
mod progress_support;

use std::collections::BTreeMap;

use headset::progress::{Attempt, Store};
use headset::report::{Outbox, XapiSettings, queue_attempt, statements};
use lrs_support::{PASSWORD, Ralph, headset, ralph_or_skip, settings_for, text, write_settings};
use progress_support::attempt;
use serde_json::{Value, json};

/// Saves attempts and queues their statements, as the game does.
fn record(data: &std::path::Path, attempts: &[Attempt], settings: &XapiSettings) {
    let store = Store::open(data);
    for a in attempts {
        store.append(a).unwrap();
        queue_attempt(&store, a, settings).unwrap();
    }
}

fn waiting(data: &std::path::Path, profile: &str) -> usize {
    Outbox::new(Store::open(data).profile_dir(profile))
        .waiting()
        .unwrap()
        .statements
}

/// What Ralph adds on storing: not part of what was sent.
fn as_sent(mut v: Value) -> Value {
    let o = v.as_object_mut().unwrap();
    for k in ["stored", "authority", "version"] {
        o.remove(k);
    }
    v
}

#[test]
fn a_finished_attempt_arrives_and_reads_back_with_every_field_as_sent() {
    let Some(bin) = ralph_or_skip("a_finished_attempt_arrives") else {
        return;
    };
    let lrs = Ralph::start(&bin);
    let data = tempfile::tempdir().unwrap();
    write_settings(
        data.path(),
        &settings_for(&lrs.url(), PASSWORD, "per_reply: true"),
    );
    let settings = XapiSettings {
        per_reply: true,
        ..XapiSettings::default()
    };
    let a = attempt(
        "scenarios/en/double-charge.ron",
        "!3,1,1",
        4,
        "Anna",
        1_700_000_300_000,
    )
    .in_shift("000000000000002a-5-listening-en");
    record(data.path(), std::slice::from_ref(&a), &settings);
    assert_eq!(waiting(data.path(), "Anna"), 7);

    let out = headset(data.path(), &["sync"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(stdout.trim(), "sent 7 statements, 0 waiting");
    assert_eq!(waiting(data.path(), "Anna"), 0, "the outbox is empty");

    let sent = statements(&a.summary, Some(&a.detail()), &settings);
    let reg = &sent[0].context.registration;
    let back = lrs.get(&format!("registration={reg}&limit=100"));
    assert_eq!(back.len(), 7, "every statement arrived once");
    let by_id: BTreeMap<String, Value> = back
        .into_iter()
        .map(|v| (v["id"].as_str().unwrap().to_owned(), as_sent(v)))
        .collect();
    for s in &sent {
        let expected = serde_json::to_value(s).unwrap();
        assert_eq!(by_id[&s.id], expected, "{} reads back as sent", s.verb.id);
    }
    // What a trainer's report reads, spelled out (the scores are the
    // rubric's, pinned by the golden tests; rubric 1 gave this call 92).
    let completed = &by_id[&sent[4].id];
    let ext = |name: &str| format!("https://headset.example/xapi/extensions/{name}");
    assert_eq!(
        completed["result"]["score"],
        json!({"scaled": f64::from(a.overall) / 100.0, "raw": a.overall, "min": 0, "max": 100})
    );
    assert_eq!(completed["result"]["duration"], json!("PT17.99S"));
    assert_eq!(
        completed["result"]["extensions"][ext("listening")],
        json!(a.skills.listening)
    );
    assert_eq!(completed["context"]["registration"], json!(reg));
    // Which rubric scored it, and why it did not pass, arrive too.
    assert_eq!(completed["context"]["extensions"][ext("rubric")], json!(2));
    assert_eq!(
        completed["result"]["extensions"][ext("failed-because")],
        json!(a.failures)
    );
    assert_eq!(
        completed["result"]["extensions"][ext("critical-errors")],
        json!(a.critical_errors)
    );
}

#[test]
fn sending_twice_is_harmless() {
    let Some(bin) = ralph_or_skip("sending_twice_is_harmless") else {
        return;
    };
    let lrs = Ralph::start(&bin);
    let data = tempfile::tempdir().unwrap();
    write_settings(data.path(), &settings_for(&lrs.url(), PASSWORD, ""));
    let attempts: Vec<Attempt> = (0..3)
        .map(|i| {
            attempt(
                "scenarios/en/warranty-kettle.ron",
                "1,1",
                i,
                "Anna",
                1_700_000_000_000 + i * 60_000,
            )
        })
        .collect();
    record(data.path(), &attempts, &XapiSettings::default());
    let out = headset(data.path(), &["sync"]);
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    assert_eq!(lrs.stored_count(), 12);

    // Everything again: the LRS keeps one of each.
    let out = headset(data.path(), &["sync", "--requeue"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stderr.contains("queued 3 results again"), "{stderr}");
    assert_eq!(stdout.trim(), "sent 12 statements, 0 waiting");
    assert_eq!(lrs.stored_count(), 12, "nothing stored twice");

    // Changed settings change the content under the same ids: the LRS
    // answers 409, which counts as delivered, and keeps the first ones.
    write_settings(
        data.path(),
        &settings_for(
            &lrs.url(),
            PASSWORD,
            r#"iri_base: "https://acme.example/headset/""#,
        ),
    );
    let out = headset(data.path(), &["sync", "--requeue"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(stdout.trim(), "sent 12 statements, 0 waiting");
    let stored = lrs.stored();
    assert_eq!(stored.len(), 12);
    assert!(
        stored.iter().all(|s| s["object"]["id"]
            .as_str()
            .unwrap()
            .starts_with("https://headset.example/")),
        "the first statements stay"
    );
}

#[test]
fn wrong_credentials_give_a_clear_error_and_keep_the_statements() {
    let Some(bin) = ralph_or_skip("wrong_credentials") else {
        return;
    };
    let lrs = Ralph::start(&bin);
    let data = tempfile::tempdir().unwrap();
    let wrong = "not-the-password";
    write_settings(data.path(), &settings_for(&lrs.url(), wrong, ""));
    let a = attempt(
        "scenarios/en/warranty-kettle.ron",
        "1,1",
        1,
        "Anna",
        1_700_000_000_000,
    );
    record(data.path(), &[a], &XapiSettings::default());
    let out = headset(data.path(), &["sync"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert_eq!(stdout.trim(), "sent 0 statements, 4 waiting");
    assert!(stderr.contains("last error: wrong credentials"), "{stderr}");
    assert!(stderr.contains("HTTP 401"), "{stderr}");
    assert!(
        stderr.contains("HEADSET_LRS_USER") && stderr.contains("HEADSET_LRS_PASSWORD"),
        "{stderr}"
    );
    assert!(
        !stdout.contains(wrong) && !stderr.contains(wrong),
        "the password is never printed"
    );
    assert_eq!(waiting(data.path(), "Anna"), 4, "kept in the outbox");
    assert_eq!(lrs.stored_count(), 0);

    // The right password from the environment overrides the file.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_headset"))
        .args(["sync", "--data-dir"])
        .arg(data.path())
        .env_remove("HEADSET_DATA_DIR")
        .env_remove("HEADSET_LRS_URL")
        .env_remove("HEADSET_LRS_USER")
        .env("HEADSET_LRS_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    assert_eq!(lrs.stored_count(), 4);
}

#[test]
fn a_rejected_statement_shows_the_lrs_answer_and_stays_while_the_others_go() {
    let Some(bin) = ralph_or_skip("a_rejected_statement") else {
        return;
    };
    let lrs = Ralph::start(&bin);
    let data = tempfile::tempdir().unwrap();
    write_settings(data.path(), &settings_for(&lrs.url(), PASSWORD, ""));
    let store = Store::open(data.path());
    let good = attempt(
        "scenarios/en/warranty-kettle.ron",
        "1,1",
        1,
        "Anna",
        1_700_000_000_000,
    );
    let bad = attempt(
        "scenarios/en/warranty-kettle.ron",
        "1,1",
        2,
        "Anna",
        1_700_000_060_000,
    );
    store.append(&good).unwrap();
    queue_attempt(&store, &good, &XapiSettings::default()).unwrap();
    // A statement no LRS accepts (an actor without an identifier), queued
    // with a valid checksum, as a buggy or hand-made entry would be.
    let mut broken = statements(&bad.summary, None, &XapiSettings::default());
    broken[1].actor.account = None;
    Outbox::new(store.profile_dir("Anna"))
        .queue(&bad.id, &broken)
        .unwrap();

    let out = headset(data.path(), &["sync"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert_eq!(stdout.trim(), "sent 4 statements, 4 waiting");
    assert!(
        stderr.contains("rejected the statements (HTTP 4"),
        "{stderr}"
    );
    // The LRS's own JSON explanation is quoted.
    assert!(stderr.contains(r#"{"detail":"#), "{stderr}");
    assert!(stderr.contains("actor"), "{stderr}");
    assert_eq!(lrs.stored_count(), 4, "the good attempt arrived");
    assert_eq!(waiting(data.path(), "Anna"), 4, "the rejected one is kept");
}
