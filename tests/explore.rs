//! The path explorer: results on small scenarios whose best and worst are
//! known by hand, agreement between exhaustive and sampled exploration, the
//! validator's engine-based checks, and `headset explore --format json`.

mod common;

use std::path::Path;

use headset::explore::{Settings, explore};
use headset::scenario::library::{check_files, collect_files};

/// minimal.ron by hand: one turn with two lines, so one state. Each of 3
/// listening points (at once, after line 1, after both) allows reply 2, a
/// transfer and a hang-up; reply 1 needs the fact of line 2, so only after
/// both: 3 + 3 + 4 = 10 paths.
/// Best: let her finish, reply 1 (the fact and the name, in the call's only
/// reply): 100.
/// Worst (the lowest overall, critical or not): cut her off and pass her to
/// the supervisor when no escalation is needed: patience 100 - 15
/// (interrupted) = 85, listening 0 and name 0 (nothing shown), escalation 0:
/// (85 + 0 + 0 + 0) / 4 = 21.25, rounded 21.
#[test]
fn minimal_scenario_matches_the_hand_count() {
    let c = common::compile("tests/fixtures/minimal.ron");
    let e = explore(&c, &Settings::default());
    assert!(e.exhaustive);
    assert_eq!(e.states, 1);
    assert_eq!(e.paths, Some(10));
    let best = e.best.as_ref().expect("a best path");
    assert_eq!((best.overall, best.choices.as_str()), (100, "1"));
    let worst = e.worst.as_ref().expect("a worst path");
    assert_eq!(worst.overall, 21);
    assert!(
        worst.choices.contains('!'),
        "the worst path interrupts: {}",
        worst.choices
    );
    // The reported inputs replay to the reported scores in `simulate`'s engine.
    let (report, _) = common::play(&c, &worst.choices, 0);
    assert_eq!(report.overall, 21);
    // Random play: half reply 1 (passes), half reply 2 (escalates for nothing, fails).
    let share = |id: &str| e.endings.iter().find(|x| x.id == id).unwrap().random_share;
    assert!((share("thanks") - 0.5).abs() < 1e-9);
    assert!((share("transferred") - 0.5).abs() < 1e-9);
    assert!((e.random_pass - 0.5).abs() < 0.02, "{}", e.random_pass);
}

/// Shipped scenarios: every best and worst SPEC replays to its score, and
/// every skill can reach 100 on some path.
#[test]
fn reported_paths_replay_to_their_scores() {
    for f in [
        "scenarios/en/holiday-boars.ron",
        "scenarios/en/double-charge.ron",
    ] {
        let c = common::compile(f);
        let e = explore(&c, &Settings::default());
        assert!(e.exhaustive, "{f}");
        for x in [e.best.as_ref().unwrap(), e.worst.as_ref().unwrap()] {
            let (r, _) = common::play(&c, &x.choices, 0);
            assert_eq!(r.overall, x.overall, "{f}: {}", x.choices);
            for (skill, score, spec) in &x.per_skill {
                let (r, _) = common::play(&c, spec, 0);
                assert_eq!(r.skills.get(*skill), *score, "{f} {skill:?}: {spec}");
            }
        }
        assert_eq!(e.best.as_ref().unwrap().overall, 100, "{f}");
    }
}

/// Sampling finds the same extremes and endings on small scenarios, and
/// estimates the random-play shares closely.
#[test]
fn exhaustive_and_sampled_agree_on_small_scenarios() {
    for f in [
        "tests/fixtures/minimal.ron",
        "tests/explore/ending-never-reached.ron",
        "tests/explore/escalation-never-right.ron",
    ] {
        let c = common::compile(f);
        let full = explore(&c, &Settings::default());
        let sampled = explore(
            &c,
            &Settings {
                force_sampling: true,
                samples: 40_000,
                ..Settings::default()
            },
        );
        assert!(!sampled.exhaustive && sampled.paths.is_none());
        let overall = |e: &headset::explore::Exploration| {
            (
                e.best.as_ref().unwrap().overall,
                e.worst.as_ref().unwrap().overall,
            )
        };
        assert_eq!(overall(&full), overall(&sampled), "{f}");
        for (a, b) in full.endings.iter().zip(&sampled.endings) {
            assert_eq!((&a.id, a.reachable), (&b.id, b.reachable), "{f}");
            assert!(
                (a.random_share - b.random_share).abs() < 0.02,
                "{f} {}: {} vs {}",
                a.id,
                a.random_share,
                b.random_share
            );
        }
    }
}

/// Guessing playouts walked through the explored states give exactly what
/// the same playouts played through the engine give: same draws, same
/// endings, same pass share, on every shipped English scenario and on
/// generated calls with and without a name to overuse.
#[test]
fn guessing_over_the_explored_states_matches_guessing_through_the_engine() {
    use headset::explore::exhaustive::Memo;
    use headset::explore::sample;
    let mut compiled: Vec<(String, _)> =
        collect_files(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/en")])
            .expect("scenarios/en")
            .iter()
            .map(|f| {
                (
                    f.display().to_string(),
                    common::compile(&f.display().to_string()),
                )
            })
            .collect();
    for n in [6, 12] {
        let text = headset::scenario::synthetic::call_text("g", n, 4);
        let loaded = headset::scenario::load_bytes(Path::new("g.ron"), text.as_bytes()).unwrap();
        let c = headset::sim::Compiled::new(std::sync::Arc::new(loaded.scenario)).unwrap();
        compiled.push((format!("generated {n}"), std::sync::Arc::new(c)));
    }
    for (name, c) in &compiled {
        let Ok(memo) = Memo::explore(c, 0, false, 200_000) else {
            panic!("{name}: too many states");
        };
        for sample_seed in [1, 7] {
            let walked = memo.guess(c, 3_000, sample_seed);
            let played = sample::guess(c, 0, 3_000, sample_seed);
            assert_eq!(walked.playouts, played.playouts, "{name}");
            assert_eq!(walked.share, played.share, "{name} seed {sample_seed}");
            assert_eq!(walked.pass, played.pass, "{name} seed {sample_seed}");
        }
    }
}

/// A mood axis that a condition tests stays in the state: after the curt
/// reply only trust differs, and only then is the reply that ends "cold" on
/// offer. Were trust left out, the two calls at "check" would be one state
/// and "cold" unreachable. A guessing trainee picks "Fine." half the time
/// and then the apology half the time: a quarter of calls end "cold".
#[test]
fn a_mood_axis_a_condition_tests_is_kept_in_the_state() {
    let c = common::compile("tests/explore/trust-gate.ron");
    let e = explore(&c, &Settings::default());
    assert!(e.exhaustive);
    let ending = |id: &str| e.endings.iter().find(|x| x.id == id).unwrap().clone();
    assert!(ending("cold").reachable, "{:?}", e.endings);
    assert!(
        (ending("cold").random_share - 0.25).abs() < 1e-9,
        "{:?}",
        e.endings
    );
    assert!(
        (ending("warm").random_share - 0.75).abs() < 1e-9,
        "{:?}",
        e.endings
    );
}

/// Past the state bound the explorer samples and says so.
#[test]
fn beyond_the_bound_it_samples_and_says_so() {
    let c = common::compile("scenarios/en/late-delivery-chat.ron");
    let e = explore(
        &c,
        &Settings {
            max_states: 100,
            samples: 2_000,
            ..Settings::default()
        },
    );
    assert!(!e.exhaustive);
    assert_eq!(e.samples, Some(2_000));
    assert!(
        e.notes.iter().any(|n| n.contains("more than 100 states")),
        "{:?}",
        e.notes
    );
}

/// Each engine-based check is triggered by its fixture, at the right place.
#[test]
fn engine_checks_each_fire_on_their_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = collect_files(&[root.join("tests/explore")]).unwrap();
    let mut report = check_files(&files);
    assert_eq!(report.errors(), 0, "the fixtures pass the static checks");
    headset::explore::checks::check_report(&mut report);
    let found: Vec<(String, &str, usize, usize)> = report
        .diagnostics
        .iter()
        .map(|d| {
            let name = d.file.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                d.code.id(),
                d.line.unwrap_or(0),
                d.column.unwrap_or(0),
            )
        })
        .collect();
    for expected in [
        ("ending-never-reached.ron", "E026", 26, 9),
        ("escalation-never-right.ron", "E027", 8, 5),
        ("skill-below-full.ron", "W110", 4, 5),
        ("too-easy-to-guess.ron", "W111", 8, 5),
    ] {
        let (file, code, line, column) = expected;
        assert!(
            found.contains(&(file.to_owned(), code, line, column)),
            "{expected:?} not in {found:?}"
        );
    }
    // The shipped scenarios pass them all (also checked by `headset validate` in CI).
    let text = report
        .diagnostics
        .iter()
        .find(|d| d.code.id() == "E026")
        .unwrap()
        .render(false);
    assert!(
        text.contains("stormed_off") && text.contains("hint"),
        "{text}"
    );
}

#[test]
fn cli_json_has_the_documented_shape() {
    let out = common::headset(&["explore", "tests/fixtures/minimal.ron", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["states"], 1);
    assert_eq!(v["paths"], 10);
    assert_eq!(v["exhaustive"], true);
    assert_eq!(v["best"]["overall"], 100);
    assert_eq!(v["best"]["choices"], "1");
    assert_eq!(v["best"]["skills"]["name"], 100);
    assert_eq!(v["worst"]["overall"], 21);
    assert_eq!(v["endings"]["thanks"]["reachable"], true);
    // A broken file: exit 1 and the error on standard error.
    let out = common::headset(&["explore", "tests/broken/dead-end-loop.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E015"));
}

/// The debrief's best call: the explorer's best path in the call's words.
#[test]
fn best_call_is_worded_with_the_calls_customer_and_agent() {
    let c = common::compile("tests/fixtures/minimal.ron");
    let best = headset::explore::best::best_call(&c, 3, "Robin").expect("a best call");
    assert_eq!(best.overall, 100);
    assert_eq!(best.choices, "1");
    assert_eq!(
        best.said,
        vec!["Good morning, Ms Stone. On Saturday we are open from 9 to 1.".to_owned()]
    );
}
