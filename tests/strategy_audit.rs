//! The strategy audit and rubric v2's promise: a trainee who lacks the
//! skill cannot earn a pass by reading the screen, staying silent,
//! transferring or hanging up.

mod common;

use std::path::Path;

use headset::explore::strategy::{self, Strategy};
use headset::explore::{Settings, explore};
use headset::scenario::library::{check_files, collect_files};
use headset::scenario::synthetic::call_text;
use headset::scenario::{Code, load_bytes};
use headset::score::score;
use headset::sim::{Compiled, Options, Session, script};
use proptest::prelude::{ProptestConfig, any, prop_assert, prop_assert_eq, prop_oneof, proptest};
use proptest::strategy::Strategy as _;

fn codes_of(file: &str) -> Vec<(Code, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = collect_files(&[root.join(file)]).expect("the fixture is there");
    let mut report = check_files(&files);
    headset::explore::checks::check_report(&mut report);
    report
        .diagnostics
        .into_iter()
        .map(|d| (d.code, d.message))
        .collect()
}

/// The minimal scenario has one right reply, and it is the longest, the
/// one with the name and the first: those strategies pass, and the
/// validator says so for each, naming the strategy and its SPEC.
#[test]
fn longest_passes_where_the_longest_is_always_right_and_the_validator_warns() {
    let c = common::compile("tests/fixtures/minimal.ron");
    let longest = strategy::play(&c, 0, &Strategy::Longest);
    assert!(longest.passed, "{longest:?}");
    assert_eq!((longest.overall, longest.choices.as_str()), (100, "1"));
    let found = codes_of("tests/fixtures/minimal.ron");
    let passing: Vec<&String> = found
        .iter()
        .filter(|(c, _)| *c == Code::StrategyPasses)
        .map(|(_, m)| m)
        .collect();
    assert!(
        passing
            .iter()
            .any(|m| m.contains("\"longest\"") && m.contains("choices 1")),
        "{passing:?}"
    );
    assert!(
        passing.iter().any(|m| m.contains("\"first\"")),
        "{passing:?}"
    );
    assert!(
        found
            .iter()
            .any(|(c, m)| *c == Code::LongestIsBest && m.contains("1 of 1")),
        "{found:?}"
    );
}

/// A file built to resist: the right reply is neither the longest, nor the
/// shortest, nor first, and wrong replies use the name and apologise. No
/// strategy passes, random play passes a third of the time, and the
/// validator has nothing to say; the skilled path still scores 100.
#[test]
fn no_strategy_passes_a_file_built_to_resist_them() {
    let file = "tests/explore/resists-strategies.ron";
    let c = common::compile(file);
    let e = explore(&c, &Settings::default());
    let names: Vec<&str> = e.strategies.iter().map(|p| p.strategy.as_str()).collect();
    assert_eq!(
        names,
        [
            "longest",
            "shortest",
            "with-name",
            "apology",
            "first",
            "random",
            "silent",
            "transfer-now:supervisor",
            "interrupt"
        ]
    );
    for p in &e.strategies {
        assert!(!p.passed, "{} passes: {p:?}", p.strategy);
    }
    let random = e
        .strategies
        .iter()
        .find(|p| p.strategy == "random")
        .unwrap();
    let share = random.pass_share.expect("random reports its pass share");
    assert!((0.25..0.45).contains(&share), "{share}");
    assert_eq!(e.longest_best, Some((0, 2)));
    assert_eq!(e.best.as_ref().map(|b| b.overall), Some(100));
    assert!(codes_of(file).is_empty(), "{:?}", codes_of(file));
}

/// `headset explore --format json` carries the audit: every strategy with
/// its overall, skills, ending, verdict and SPEC.
#[test]
fn explore_json_has_the_strategies() {
    let out = common::headset(&[
        "explore",
        "tests/explore/resists-strategies.ron",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let longest = &v["strategies"]["longest"];
    assert_eq!(longest["passed"], false);
    assert_eq!(longest["choices"], "1,1");
    assert_eq!(longest["skills"]["listening"], 0);
    assert!(longest["overall"].is_u64() && longest["ending"].is_string());
    assert!(v["strategies"]["random"]["pass_share"].is_f64());
    assert_eq!(v["longest_is_best"]["decisions"], 2);
    let text = common::headset(&["explore", "tests/explore/resists-strategies.ron"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("strategies (a trainee who reads only the screen)"),
        "{text}"
    );
    assert!(text.contains("longest"), "{text}");
}

/// Every shipped file: the silent trainee, the one who transfers at once
/// and the one who always interrupts never pass (the library issue removes
/// the warnings for the screen-reading strategies; these three must already
/// fail everywhere).
#[test]
fn silence_transfers_and_interrupting_fail_every_shipped_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = collect_files(&[root.join("scenarios")]).expect("the library is there");
    assert_eq!(files.len(), 30);
    for f in files {
        let rel = f.strip_prefix(root).unwrap().to_string_lossy().into_owned();
        let c = common::compile(&rel);
        for s in Strategy::all(&c) {
            if matches!(
                s,
                Strategy::Silent | Strategy::TransferNow(_) | Strategy::Interrupt
            ) {
                let p = strategy::play(&c, 0, &s);
                // E-mail cannot be interrupted: "interrupt" is "longest" there.
                if s == Strategy::Interrupt
                    && c.scenario.channel == headset::scenario::Channel::Email
                {
                    continue;
                }
                assert!(!p.passed, "{rel}: {} passes: {p:?}", p.strategy);
            }
        }
    }
}

fn synthetic(nodes: usize) -> std::sync::Arc<Compiled> {
    let text = call_text("prop", nodes, 4);
    let loaded = load_bytes(Path::new("prop.ron"), text.as_bytes()).expect("valid");
    std::sync::Arc::new(Compiled::new(std::sync::Arc::new(loaded.scenario)).expect("compiles"))
}

/// A step that says nothing: silence, a transfer or a hang-up, at once or
/// after the customer finished.
fn wordless_step() -> impl proptest::strategy::Strategy<Value = String> {
    prop_oneof![
        (0u32..40).prop_map(|s| format!("w:{s}")),
        any::<bool>().prop_map(|now| format!("{}t:supervisor", if now { "!" } else { "" })),
        any::<bool>().prop_map(|now| if now { "!h".into() } else { "h".into() }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A call in which the agent never says an authored reply (only
    /// silence, transfers or hang-ups) never passes and earns nothing in
    /// Listening and Name, on generated calls of any size and any seed.
    #[test]
    fn wordless_calls_never_pass_and_earn_nothing_shown(
        nodes in 2usize..12,
        seed in 0u64..50,
        steps in proptest::collection::vec(wordless_step(), 1..6),
    ) {
        let c = synthetic(nodes);
        let mut session = Session::new(c, seed, Options::default());
        for step in &steps {
            if session.is_over() {
                break;
            }
            let parsed = script::parse(step).expect("the step parses");
            script::run(&mut session, &parsed).expect("wordless steps are always accepted");
        }
        let r = score(&session);
        prop_assert!(!r.passed, "{steps:?} passed: {r:?}");
        prop_assert_eq!(r.skills.listening, 0);
        prop_assert_eq!(r.skills.name, 0);
    }
}

/// Dead air does not depend on how the clock is moved: the game moves it
/// frame by frame, a replay or a resumed call in one step per input. Both
/// must charge the same silence and end the same way.
#[test]
fn dead_air_is_the_same_whatever_the_clock_steps() {
    for file in [
        "scenarios/en/warranty-kettle.ron",
        "scenarios/en/double-charge.ron",
        "scenarios/en/router-confused.ron",
    ] {
        let c = common::compile(file);
        let run = |step_ms: u64| {
            let mut s = Session::new(std::sync::Arc::clone(&c), 0, Options::default());
            let mut left = 80_000;
            while left > 0 && !s.is_over() {
                let step = step_ms.min(left);
                s.advance(step);
                left -= step;
            }
            (s.dead_air(), s.mood(), s.is_over(), score(&s).skills)
        };
        let frames = run(100);
        assert_eq!(frames, run(80_000), "{file}");
        assert_eq!(frames, run(7_000), "{file}");
    }
}
