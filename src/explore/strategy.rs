//! The strategy audit: plays a call the way a trainee who lacks the skill
//! would, reading only the screen, and scores it with the real engine and
//! rubric. If "always pick the longest reply" passes, the score can be
//! earned without the skill, and the validator says so (W112).
//!
//! The strategies decide from what a trainee sees: the texts on offer, in
//! the order shown. Only `first` reads the file order, to catch authors who
//! always write the right reply first.

use std::sync::Arc;

use crate::scenario::EndingKind;
use crate::score::{self, Skills};
use crate::sim::script::{self, Step};
use crate::sim::{Compiled, Options, Session};

/// How long the silent trainee stays silent: long past any customer's patience.
pub const SILENT_MS: u64 = 600_000;

/// A way of playing without the skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Strategy {
    /// The longest reply on offer, after the customer has finished.
    Longest,
    /// The shortest reply on offer.
    Shortest,
    /// The longest reply that shows the customer's name (else the longest).
    WithName,
    /// The longest reply with the language's words of apology (else the longest).
    Apology,
    /// The first reply in file order.
    First,
    /// A reply at random (its pass share over many playouts is reported).
    Random,
    /// Never answers.
    Silent,
    /// Transfers to this target at the first chance, before saying a word.
    TransferNow(String),
    /// Answers at once, always: the longest reply on offer while the customer speaks.
    Interrupt,
}

impl Strategy {
    /// The name in reports and JSON (`transfer-now:supervisor`).
    pub fn name(&self) -> String {
        match self {
            Strategy::Longest => "longest".into(),
            Strategy::Shortest => "shortest".into(),
            Strategy::WithName => "with-name".into(),
            Strategy::Apology => "apology".into(),
            Strategy::First => "first".into(),
            Strategy::Random => "random".into(),
            Strategy::Silent => "silent".into(),
            Strategy::TransferNow(t) => format!("transfer-now:{t}"),
            Strategy::Interrupt => "interrupt".into(),
        }
    }

    /// Every strategy for a scenario: one `transfer-now` per declared target.
    pub fn all(c: &Compiled) -> Vec<Strategy> {
        let mut out = vec![
            Strategy::Longest,
            Strategy::Shortest,
            Strategy::WithName,
            Strategy::Apology,
            Strategy::First,
            Strategy::Random,
            Strategy::Silent,
        ];
        out.extend(c.target_ids.iter().cloned().map(Strategy::TransferNow));
        out.push(Strategy::Interrupt);
        out
    }
}

/// What a strategy scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Played {
    pub strategy: String,
    pub overall: u8,
    pub skills: Skills,
    /// The ending's id and kind.
    pub ending: String,
    pub ending_kind: EndingKind,
    /// For `random`: the share of playouts that pass is above one half;
    /// for the others: this call passed.
    pub passed: bool,
    /// The inputs, as a SPEC for `headset simulate --choices`.
    pub choices: String,
    /// For `random`: the share of random playouts that pass.
    pub pass_share: Option<f64>,
}

/// Words of apology a trainee can spot on screen, per language (folded to
/// lower case).
pub fn apology_words(language: &str) -> &'static [&'static str] {
    match language {
        "de" => &[
            "entschuldig",
            "tut mir leid",
            "tut mir sehr leid",
            "bedaure",
            "bedauern",
        ],
        "nl" => &["sorry", "excuses", "excuseer", "spijt"],
        _ => &["sorry", "apolog"],
    }
}

/// Plays every strategy on a scenario. `random_pass` is the share of random
/// playouts that pass, from the exploration.
pub fn audit(c: &Arc<Compiled>, seed: u64, random_pass: f64) -> Vec<Played> {
    Strategy::all(c)
        .into_iter()
        .map(|s| {
            let mut played = play(c, seed, &s);
            if s == Strategy::Random {
                played.pass_share = Some(random_pass);
                played.passed = random_pass > super::checks::TOO_EASY_SHARE;
            }
            played
        })
        .collect()
}

/// Plays one strategy to the end of the call (or the reply limit).
pub fn play(c: &Arc<Compiled>, seed: u64, strategy: &Strategy) -> Played {
    let mut session = Session::new(Arc::clone(c), seed, Options::default());
    let mut steps = Vec::new();
    // A trainee guessing at random: the same generator the explorer uses,
    // seeded from the call's seed.
    let mut rng = crate::sim::rng::Rng::new(seed ^ 0x5eed);
    let limit = super::exhaustive::reply_limit(c);
    for _ in 0..=limit {
        if session.is_over() {
            break;
        }
        let Some((step, done)) = next_step(&mut session, strategy, &mut rng) else {
            break;
        };
        // Every step is chosen from what the session offers.
        if !done && script::apply(&mut session, &step).is_err() {
            break;
        }
        steps.push(step);
    }
    let report = score::score(&session);
    Played {
        strategy: strategy.name(),
        overall: report.overall,
        skills: report.skills,
        ending: report.ending,
        ending_kind: report.ending_kind,
        passed: report.passed,
        choices: script::to_spec(&steps),
        pass_share: None,
    }
}

/// The strategy's next step, and whether it has already been played: a
/// wait is played on the call itself, not on a copy (a copy of a call with
/// its history costs more the longer the call, every step).
fn next_step(
    session: &mut Session,
    strategy: &Strategy,
    rng: &mut crate::sim::rng::Rng,
) -> Option<(Step, bool)> {
    let step = match strategy {
        Strategy::Silent => {
            if session.turn() > 0 || session.now() >= SILENT_MS {
                return None;
            }
            Step::Wait(SILENT_MS)
        }
        Strategy::TransferNow(target) => Step::Transfer {
            target: target.clone(),
            interrupt: true,
        },
        Strategy::Interrupt => {
            if let Some(i) = pick(session, &Strategy::Longest, rng) {
                Step::Reply {
                    n: i + 1,
                    interrupt: true,
                }
            } else if session.customer_finished() {
                Step::HangUp { interrupt: true }
            } else {
                // Nothing to say yet: wait for the next line to end.
                let before = session.now();
                session.listen();
                return Some((Step::Wait(session.now() - before), true));
            }
        }
        _ => {
            // Let the customer finish (the reply step waits for that too),
            // then choose from what the screen shows.
            session.wait_until_finished();
            if session.is_over() {
                // The customer hung up while speaking (never in practice).
                return None;
            }
            match pick(session, strategy, rng) {
                Some(i) => Step::Reply {
                    n: i + 1,
                    interrupt: false,
                },
                None => Step::HangUp { interrupt: false },
            }
        }
    };
    Some((step, false))
}

/// The reply (0-based file index) a strategy picks among those on offer now.
fn pick(session: &Session, strategy: &Strategy, rng: &mut crate::sim::rng::Rng) -> Option<usize> {
    let offered = session.offered();
    if offered.is_empty() {
        return None;
    }
    let len = |i: usize| session.reply_text(i).chars().count();
    // The reply a reader scanning the screen keeps: `keeps(b, i)` says
    // whether the one kept so far still wins, so ties go to the one shown first.
    let scan = |among: &mut dyn Iterator<Item = usize>, keeps: &dyn Fn(usize, usize) -> bool| {
        among.fold(None, |best: Option<usize>, i| match best {
            Some(b) if keeps(b, i) => Some(b),
            _ => Some(i),
        })
    };
    let longest = |among: &mut dyn Iterator<Item = usize>| scan(among, &|b, i| len(b) >= len(i));
    let longest_with = |test: &dyn Fn(&str) -> bool| {
        longest(
            &mut offered
                .iter()
                .copied()
                .filter(|&i| test(&session.reply_text(i).to_lowercase())),
        )
        .or_else(|| longest(&mut offered.iter().copied()))
    };
    match strategy {
        Strategy::Shortest => scan(&mut offered.iter().copied(), &|b, i| len(b) <= len(i)),
        Strategy::WithName => {
            let p = session.persona();
            let names: Vec<String> = std::iter::once(&p.address_as)
                .chain(&p.also_correct)
                .map(|n| n.to_lowercase())
                .collect();
            longest_with(&|t| names.iter().any(|n| t.contains(n.as_str())))
        }
        Strategy::Apology => {
            let words = apology_words(&session.compiled().scenario.language);
            longest_with(&|t| words.iter().any(|w| t.contains(w)))
        }
        Strategy::First => offered.iter().copied().min(),
        Strategy::Random => Some(offered[rng.below(offered.len())]),
        _ => longest(&mut offered.iter().copied()),
    }
}

/// On a path (the explorer's best), the decisions among two or more
/// replies on offer, and how many of them took the longest reply shown.
pub fn longest_is_best(c: &Arc<Compiled>, seed: u64, steps: &[Step]) -> (usize, usize) {
    let mut session = Session::new(Arc::clone(c), seed, Options::default());
    let (mut longest, mut decisions) = (0, 0);
    for step in steps {
        if let Step::Reply { n, interrupt } = step {
            // The reply step waits for the customer too: waiting first
            // changes nothing but lets us look at the screen it is chosen from.
            if !interrupt {
                session.wait_until_finished();
            }
            let offered = session.offered();
            if offered.len() >= 2 {
                decisions += 1;
                let len = |i: usize| session.reply_text(i).chars().count();
                let max = offered.iter().map(|&i| len(i)).max().unwrap_or(0);
                if len(n - 1) >= max {
                    longest += 1;
                }
            }
        }
        if script::apply(&mut session, step).is_err() {
            break;
        }
    }
    (longest, decisions)
}
