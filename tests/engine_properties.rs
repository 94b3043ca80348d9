//! Determinism and rubric invariants over many random calls.

mod common;

use std::sync::Arc;

use common::compile;
use headset::scenario::Skill;
use headset::score::{Report, rules, score};
use headset::sim::rng::Rng;
use headset::sim::script::Step;
use headset::sim::{Compiled, Options, Session, script};
use proptest::prelude::*;

const SCENARIOS: &[&str] = &[
    "scenarios/en/double-charge.ron",
    "scenarios/en/warranty-kettle.ron",
];

/// A random agent: waits, replies (sometimes interrupting), transfers, hangs up.
/// Returns the steps it took, so the run can be replayed as a script.
fn random_call(c: &Arc<Compiled>, seed: u64, timers: bool) -> (Session, Vec<Step>) {
    let opts = Options {
        timers,
        ..Options::default()
    };
    let mut s = Session::new(Arc::clone(c), seed, opts);
    let mut agent = Rng::new(seed ^ 0xA5A5_5A5A);
    let mut steps = Vec::new();
    for _ in 0..40 {
        if s.is_over() {
            break;
        }
        let step = match agent.below(20) {
            0 => Step::HangUp {
                interrupt: agent.below(2) == 0,
            },
            1 => Step::Transfer {
                target: c.target_ids[agent.below(c.target_ids.len())].clone(),
                interrupt: agent.below(2) == 0,
            },
            2..=4 => Step::Wait(agent.below(20_000) as u64),
            roll => {
                let interrupt = roll < 8;
                if !interrupt {
                    s.wait_until_finished();
                }
                let offered = s.offered();
                if offered.is_empty() {
                    Step::HangUp { interrupt: true }
                } else {
                    let n = offered[agent.below(offered.len())] + 1;
                    // The wait already happened above; replay it with the same step.
                    Step::Reply { n, interrupt }
                }
            }
        };
        script::apply(&mut s, &step).expect("the random agent only takes valid steps");
        steps.push(step);
    }
    (s, steps)
}

fn fingerprint(s: &Session, r: &Report) -> String {
    format!("{:?}|{:?}|{:?}", s.transcript, s.events, r)
}

#[test]
fn same_seed_and_inputs_give_the_identical_call_1000_times() {
    for path in SCENARIOS {
        let c = compile(path);
        for seed in 0..1000u64 {
            let timers = seed % 5 != 0;
            let (a, steps) = random_call(&c, seed, timers);
            let ra = score(&a);
            // Replay the recorded steps as a script on a fresh session.
            let mut b = Session::new(
                Arc::clone(&c),
                seed,
                Options {
                    timers,
                    ..Options::default()
                },
            );
            script::run(&mut b, &steps).expect("a recorded run replays");
            let rb = score(&b);
            assert_eq!(
                fingerprint(&a, &ra),
                fingerprint(&b, &rb),
                "{path} seed {seed}: {}",
                script::to_spec(&steps)
            );
        }
    }
}

/// The explorer plays calls without history (no transcript, no event log).
/// Such a call must play out exactly as the trainee's: same state, same
/// action records (but for transcript positions and the cut line's words),
/// same scores and the same moments, rule by rule.
#[test]
fn a_call_without_history_plays_and_scores_the_same() {
    for path in SCENARIOS {
        // Wordings draw from the call's random stream, which also orders the
        // replies, and a line lasts as long as its wording: every line, reply
        // and ending gets other wordings, so that a call without history has
        // to draw them and time them too.
        let mut scenario = compile(path).scenario.as_ref().clone();
        for node in scenario.nodes.values_mut() {
            for line in &mut node.customer {
                // One wording's length depends on the customer's name.
                line.variants = vec![
                    format!("{} Yes, this is {{full_name}}.", line.say),
                    format!("{} Right.", line.say),
                ];
            }
            for reply in &mut node.replies {
                reply.variants = vec![
                    format!("{} Okay.", reply.say),
                    format!("{} Sure.", reply.say),
                ];
            }
        }
        for ending in scenario.endings.values_mut() {
            ending.variants = vec![format!("{} Bye.", ending.say)];
        }
        let c = Arc::new(Compiled::new(Arc::new(scenario)).expect("still compiles"));
        for seed in 0..500u64 {
            let timers = seed % 5 != 0;
            let (full, steps) = random_call(&c, seed, timers);
            let mut lean = Session::new(
                Arc::clone(&c),
                seed,
                Options {
                    timers,
                    history: false,
                    ..Options::default()
                },
            );
            script::run(&mut lean, &steps).expect("the same steps are accepted");
            let at = format!("{path} seed {seed}: {}", script::to_spec(&steps));
            assert!(lean.transcript.is_empty() && lean.events.is_empty(), "{at}");
            let state = |s: &Session| {
                (
                    s.now(),
                    s.node(),
                    s.turn(),
                    s.mood(),
                    s.heard(),
                    s.offered().to_vec(),
                    s.end().cloned(),
                )
            };
            assert_eq!(state(&full), state(&lean), "{at}");
            let action = |a: &headset::sim::ActionRecord| {
                (
                    a.turn,
                    a.t_ms,
                    a.node,
                    a.kind,
                    a.interrupted,
                    a.missed,
                    a.heard,
                    a.mood,
                )
            };
            assert_eq!(
                full.records.iter().map(action).collect::<Vec<_>>(),
                lean.records.iter().map(action).collect::<Vec<_>>(),
                "{at}"
            );
            let (rf, rl) = (score(&full), score(&lean));
            assert_eq!(
                (rf.skills, rf.overall, rf.passed, &rf.ending),
                (rl.skills, rl.overall, rl.passed, &rl.ending),
                "{at}"
            );
            let moment = |m: &headset::score::Moment| (m.turn, m.skill, m.points, m.rule);
            assert_eq!(
                rf.moments.iter().map(moment).collect::<Vec<_>>(),
                rl.moments.iter().map(moment).collect::<Vec<_>>(),
                "{at}"
            );
        }
    }
}

#[test]
fn the_seed_changes_name_and_reply_order_but_not_the_rules() {
    let c = compile("scenarios/en/double-charge.ron");
    let names: std::collections::BTreeSet<String> = (0..50)
        .map(|seed| {
            Session::new(Arc::clone(&c), seed, Options::default())
                .persona()
                .name
                .clone()
        })
        .collect();
    assert_eq!(
        names.len(),
        3,
        "the name pool and the written name are all used: {names:?}"
    );
    let orders: std::collections::BTreeSet<Vec<usize>> = (0..50)
        .map(|seed| {
            Session::new(Arc::clone(&c), seed, Options::default())
                .offered()
                .to_vec()
        })
        .collect();
    assert!(orders.len() > 1, "reply order is shuffled by the seed");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Every skill is 0..=100 and equals its base (rubric v2: 100 for
    /// Patience and Escalation, 0 for Listening and Name) plus its moments,
    /// clamped: no point is won or lost without a moment the debrief can show.
    /// Mistakes stay: the kept skills have no credits worth points, and the
    /// credits of a shown skill add up to 100 at most, so no credit pays a
    /// penalty back.
    #[test]
    fn scores_are_explained_by_moments(seed in any::<u64>(), which in 0usize..2, timers in any::<bool>()) {
        let c = compile(SCENARIOS[which]);
        let (s, _) = random_call(&c, seed, timers);
        let r = score(&s);
        for skill in Skill::ALL {
            let points = r.moments.iter().filter(|m| m.skill == skill).map(|m| m.points);
            let sum: i32 = points.clone().sum();
            let credits: i32 = points.filter(|&p| p > 0).sum();
            let expected = (rules::base(skill) + sum).clamp(0, 100) as u8;
            prop_assert_eq!(r.skills.get(skill), expected);
            prop_assert!(r.skills.get(skill) <= 100);
            match rules::base(skill) {
                100 => prop_assert_eq!(credits, 0, "{:?} only loses points", skill),
                _ => prop_assert!(credits <= 100, "{:?}: credits {} past 100", skill, credits),
            }
        }
        prop_assert!(r.overall <= 100);
        for m in &r.moments {
            // A moment worth 0 is a strength of a kept skill, a note ("never
            // used the name"), a critical error or a credit past full: it
            // still says why.
            prop_assert!(!m.reason.is_empty());
            prop_assert!(m.entry.is_none_or(|e| e < s.transcript.len()), "moment links to a transcript line");
        }
    }
}
