//! The xAPI statements of an attempt (`report::xapi`) and
//! `headset export --xapi`: what an LRS receives for a real call.

mod progress_support;

use std::collections::BTreeSet;
use std::process::Command;

use headset::progress::{Attempt, Store};
use headset::report::Statement;
use headset::report::xapi::{
    NAMESPACE, XapiSettings, iso_duration, registration, statement_id, statements, verbs,
};
use progress_support::attempt;
use serde_json::{Value, json};

/// A passed call of a practice shift: three replies, escalated. (Until
/// rubric v2 this was `!3,1,1`; interrupting the customer loses the
/// listening evidence, and rubric 2 fails the call on the skill floor.)
fn passed() -> Attempt {
    attempt(
        "scenarios/en/double-charge.ron",
        "3,1,1",
        4,
        "Anna",
        1_700_000_300_000,
    )
    .in_shift("000000000000002a-5-listening-en")
}

/// A call the trainee hung up on: failed, with a critical error.
fn failed() -> Attempt {
    attempt(
        "scenarios/de/warranty-kettle.ron",
        "h",
        5,
        "Anna",
        1_700_000_400_000,
    )
}

fn verb_names(s: &[Statement]) -> Vec<&str> {
    s.iter()
        .map(|s| s.verb.id.rsplit('/').next().unwrap())
        .collect()
}

/// The call time of [`passed`] at its end.
const DURATION_MS: u64 = 32_285;
/// Cut down to a hundredth of a second, not rounded.
const DURATION: &str = "PT32.28S";
const END: &str = "2023-11-14T22:18:52.285Z";

fn ext(name: &str) -> String {
    format!("https://headset.example/xapi/extensions/{name}")
}

#[test]
fn ids_and_the_registration_are_pinned_so_resending_is_harmless() {
    // These values must never change: an LRS recognises a statement sent
    // again (after a crash, by another PC, by a newer Headset) by its id.
    let a = passed();
    assert_eq!(a.id, "18bcfe9fbe0-0000000000000004");
    assert_eq!(
        NAMESPACE.to_string(),
        "7561a623-66a8-5258-881e-799a7572639f"
    );
    assert_eq!(
        registration(&a.id, "Anna").to_string(),
        "e85e1c37-005b-5240-abcf-d4d977123f7c"
    );
    let s = statements(&a.summary, None, &XapiSettings::default());
    let ids: Vec<&str> = s.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ae941b7f-c24e-57bb-956d-c05b00b69190",
            "2901d57e-7ef8-53d5-bc14-e7ae97f33005",
            "b0b1e209-b9d1-5766-bd31-229c9bb9e209",
            "d23db3ce-cf28-5abd-9512-767c05e4ddeb",
        ]
    );
    assert_eq!(
        ids[0],
        statement_id(&a.id, "Anna", "initialized").to_string()
    );
    // The same attempt gives byte-identical JSON every time.
    let again = statements(&a.summary, None, &XapiSettings::default());
    assert_eq!(
        serde_json::to_string(&s).unwrap(),
        serde_json::to_string(&again).unwrap()
    );
    // Another trainee's attempt with the same id is another registration.
    assert_ne!(registration(&a.id, "Anna"), registration(&a.id, "Ben"));
}

#[test]
fn the_statements_follow_the_cmi5_pattern_with_the_full_result() {
    let a = passed();
    let s = statements(&a.summary, Some(&a.detail()), &XapiSettings::default());
    assert_eq!(
        verb_names(&s),
        ["initialized", "completed", "passed", "terminated"]
    );
    let reg = registration(&a.id, "Anna").to_string();
    for st in &s {
        assert_eq!(st.context.registration, reg, "one registration per attempt");
        assert_eq!(st.context.language, "en");
        assert_eq!(
            st.object.id,
            "https://headset.example/xapi/scenarios/double-charge"
        );
        assert_eq!(st.context.extensions[&ext("seed")], json!("4"));
        assert_eq!(
            st.context.extensions[&ext("attempt")],
            json!("18bcfe9fbe0-0000000000000004")
        );
        assert_eq!(st.context.extensions[&ext("rubric")], json!(2));
        let grouping = &st.context.context_activities.as_ref().unwrap().grouping;
        assert_eq!(
            grouping[0].id,
            "https://headset.example/xapi/shifts/000000000000002a-5-listening-en"
        );
    }
    assert_eq!(s[0].timestamp, "2023-11-14T22:18:20.000Z", "the start");
    assert_eq!(a.duration_ms, DURATION_MS);
    for st in &s[1..] {
        assert_eq!(st.timestamp, END, "the end");
    }
    // The scores are the rubric's (the golden tests pin those); this pins
    // where each one goes.
    let r = serde_json::to_value(s[1].result.as_ref().unwrap()).unwrap();
    assert_eq!(
        r,
        json!({
            "score": {
                "scaled": f64::from(a.overall) / 100.0,
                "raw": a.overall,
                "min": 0,
                "max": 100
            },
            "success": true,
            "completion": true,
            "duration": DURATION,
            "extensions": {
                ext("patience"): a.skills.patience,
                ext("listening"): a.skills.listening,
                ext("name"): a.skills.name,
                ext("escalation"): a.skills.escalation,
                ext("ending"): "handed_over",
                ext("ending-kind"): "escalated",
                ext("pass-mark"): 70,
                ext("scenario-version"): 1,
                ext("content-hash"): "dcb9e957bff0db9c",
                ext("failed-because"): [],
                ext("critical-errors"): [],
            }
        })
    );
    assert_eq!(s[2].result, s[1].result, "passed carries the same result");
    assert_eq!(
        serde_json::to_value(&s[3].result).unwrap(),
        json!({"duration": DURATION})
    );
    assert_eq!(s[0].result, None);

    let f = failed();
    let s = statements(&f.summary, None, &XapiSettings::default());
    assert_eq!(
        verb_names(&s),
        ["initialized", "completed", "failed", "terminated"]
    );
    assert_eq!(s[2].verb.id, verbs::FAILED);
    let r = s[2].result.as_ref().unwrap();
    assert_eq!(r.success, Some(false));
    assert_eq!(s[0].context.language, "de");
    assert!(s[0].context.context_activities.is_none(), "not in a shift");
}

#[test]
fn a_failed_call_says_why_and_names_its_critical_errors() {
    let f = failed();
    let s = statements(&f.summary, None, &XapiSettings::default());
    for part in [1, 2] {
        let x = &s[part].result.as_ref().unwrap().extensions;
        // Most serious first, each reason once.
        assert_eq!(x[&ext("failed-because")], json!(f.failures));
        let why = x[&ext("failed-because")].as_array().unwrap();
        assert_eq!(why[..2], [json!("critical"), json!("ending")]);
        assert!(why.contains(&json!("below-pass-mark")), "{why:?}");
        assert_eq!(x[&ext("critical-errors")], json!(["hung-up-on-customer"]));
    }
    assert!(
        s.iter()
            .all(|st| st.context.extensions[&ext("rubric")] == json!(2))
    );
    // Per reply, each moment says whether it was a critical error.
    let settings = XapiSettings {
        per_reply: true,
        ..XapiSettings::default()
    };
    let s = statements(&f.summary, Some(&f.detail()), &settings);
    assert_eq!(s[1].verb.id, verbs::RESPONDED);
    let moments = s[1].result.as_ref().unwrap().extensions[&ext("moments")]
        .as_array()
        .unwrap()
        .clone();
    let critical: Vec<&Value> = moments
        .iter()
        .filter(|m| m["critical"] == json!(true))
        .collect();
    assert_eq!(critical.len(), 1, "{moments:?}");
    assert_eq!(critical[0]["rule"], json!("hung-up-on-customer"));
    assert!(moments.iter().all(|m| m["critical"].is_boolean()));
}

#[test]
fn a_call_stored_before_rubric_v2_is_sent_as_rubric_1_with_its_stored_score() {
    let old = progress_support::rubric_1_attempts();
    let a = &old[0];
    assert_eq!(a.id, passed().id, "the same call, played before rubric v2");
    let settings = XapiSettings {
        per_reply: true,
        ..XapiSettings::default()
    };
    let s = statements(&a.summary, Some(&a.detail()), &settings);
    assert_eq!(
        verb_names(&s),
        [
            "initialized",
            "responded",
            "responded",
            "responded",
            "completed",
            "passed",
            "terminated"
        ],
        "rubric 1 passed it"
    );
    for st in &s {
        assert_eq!(
            st.context.extensions[&ext("rubric")],
            json!(1),
            "every statement names the rubric"
        );
    }
    let r = s[4].result.as_ref().unwrap();
    assert_eq!(r.score.as_ref().unwrap().raw, 92, "the stored score");
    assert_eq!(r.extensions[&ext("listening")], json!(60));
    // Rubric 1 kept no reasons and had no critical errors: left out, not
    // sent as empty lists that would mean "none".
    assert!(!r.extensions.contains_key(&ext("failed-because")));
    assert!(!r.extensions.contains_key(&ext("critical-errors")));
    let m = &s[1].result.as_ref().unwrap().extensions[&ext("moments")];
    assert!(
        m.as_array()
            .unwrap()
            .iter()
            .all(|m| m["critical"] == json!(false))
    );
    // The same ids as the statements a Headset before rubric v2 sent.
    assert_eq!(s[0].id, "ae941b7f-c24e-57bb-956d-c05b00b69190");
}

#[test]
fn the_scaled_score_is_the_overall_score_over_100_exactly() {
    let mut a = passed().summary;
    for overall in 0..=100u8 {
        a.overall = overall;
        let s = statements(&a, None, &XapiSettings::default());
        let score = s[1].result.as_ref().unwrap().score.as_ref().unwrap();
        let json = serde_json::to_value(score).unwrap();
        assert_eq!(json["scaled"].as_f64(), Some(f64::from(overall) / 100.0));
        // Written as a person would: 0.07, not 0.07000000000000001.
        let text = json["scaled"].to_string();
        let decimals = text.split('.').nth(1).map_or(0, str::len);
        assert!(decimals <= 2, "{overall}: {text}");
        assert_eq!(json["raw"], json!(overall));
    }
    assert_eq!(iso_duration(83_400), "PT1M23.4S");
}

#[test]
fn per_reply_statements_carry_what_was_said_and_the_moments_it_produced() {
    let a = passed();
    let settings = XapiSettings {
        per_reply: true,
        ..XapiSettings::default()
    };
    let s = statements(&a.summary, Some(&a.detail()), &settings);
    assert_eq!(
        verb_names(&s),
        [
            "initialized",
            "responded",
            "responded",
            "responded",
            "completed",
            "passed",
            "terminated"
        ]
    );
    let replies = &s[1..4];
    let mut moments = 0;
    for (i, r) in replies.iter().enumerate() {
        let turn = i as u32 + 1;
        let res = r.result.as_ref().unwrap();
        assert_eq!(res.extensions[&ext("turn")], json!(turn));
        assert_eq!(res.extensions[&ext("input")], json!("reply"));
        let said = a
            .transcript
            .iter()
            .find(|e| e.speaker == headset::sim::Speaker::Agent && e.turn == turn)
            .unwrap();
        assert_eq!(res.response.as_deref(), Some(said.text.as_str()));
        let listed = res.extensions[&ext("moments")].as_array().unwrap();
        let expected: Vec<_> = a.moments.iter().filter(|m| m.turn == turn).collect();
        assert_eq!(listed.len(), expected.len());
        for (l, m) in listed.iter().zip(expected) {
            assert_eq!(l["rule"], json!(m.rule));
            assert_eq!(l["points"], json!(m.points));
            assert_eq!(l["skill"], json!(m.skill.key()));
        }
        moments += listed.len();
        assert_eq!(
            r.timestamp,
            headset::report::xapi::iso_timestamp(1_700_000_300_000 + a.inputs[i].t_ms)
        );
    }
    assert_eq!(moments, a.moments.iter().filter(|m| m.turn > 0).count());
    assert_eq!(s[1].id, statement_id(&a.id, "Anna", "reply-1").to_string());
    // Without the transcript there is nothing to say per reply.
    assert_eq!(statements(&a.summary, None, &settings).len(), 4);
}

#[test]
fn the_actor_is_an_account_unless_an_mbox_is_configured() {
    let a = passed();
    let s = statements(&a.summary, None, &XapiSettings::default());
    assert_eq!(
        serde_json::to_value(&s[0].actor).unwrap(),
        json!({"objectType": "Agent", "name": "Anna",
               "account": {"homePage": "https://headset.example", "name": "Anna"}})
    );
    let mut settings = XapiSettings::default();
    settings
        .mbox
        .insert("Anna".into(), "anna@acme.example".into());
    let s = statements(&a.summary, None, &settings);
    assert_eq!(
        serde_json::to_value(&s[0].actor).unwrap(),
        json!({"objectType": "Agent", "name": "Anna", "mbox": "mailto:anna@acme.example"})
    );
}

fn headset(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_headset"))
        .args(args)
        .env_remove("HEADSET_DATA_DIR")
        .env_remove("HEADSET_LRS_URL")
        .output()
        .expect("the binary runs")
}

#[test]
fn export_xapi_writes_the_statements_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    let attempts = [passed(), failed()];
    for a in &attempts {
        store.append(a).unwrap();
    }
    let file = dir.path().join("statements.jsonl");
    let d = dir.path().to_str().unwrap();
    let out = headset(&["export", "--xapi", file.to_str().unwrap(), "--data-dir", d]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<Statement> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one statement"))
        .collect();
    let expected: Vec<Statement> = attempts
        .iter()
        .flat_map(|a| statements(&a.summary, None, &XapiSettings::default()))
        .collect();
    assert_eq!(lines, expected);
    assert!(String::from_utf8_lossy(&out.stderr).contains("8 statements of 2 attempts"));

    // lrs.ron shapes them (base, per-reply), standard output with `-`.
    let ron = dir.path().join("lrs.ron");
    std::fs::write(
        &ron,
        r#"(iri_base: "https://acme.example/headset", per_reply: true)"#,
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&ron, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let out = headset(&[
        "export",
        "--xapi",
        "-",
        "--data-dir",
        d,
        "--profile",
        "anna",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let first: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(
        first["object"]["id"],
        json!("https://acme.example/headset/scenarios/double-charge")
    );
    assert_eq!(
        stdout.lines().count(),
        7 + 5,
        "3 + 1 replies with per_reply"
    );
}

#[test]
fn docs_lrs_lists_every_extension_and_verb() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/lrs.md"))
        .expect("docs/lrs.md exists");
    let a = passed();
    let settings = XapiSettings {
        per_reply: true,
        ..XapiSettings::default()
    };
    let mut keys = BTreeSet::new();
    for s in statements(&a.summary, Some(&a.detail()), &settings) {
        keys.extend(s.context.extensions.keys().cloned());
        if let Some(r) = s.result {
            keys.extend(r.extensions.keys().cloned());
        }
        keys.insert(s.verb.id);
    }
    for k in keys {
        let short = k.trim_start_matches("https://headset.example/xapi/");
        assert!(docs.contains(short), "docs/lrs.md does not mention {short}");
    }
}
