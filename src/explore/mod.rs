//! The path explorer: every distinct state a scenario's call can reach,
//! explored with memoisation, for `headset explore`, the validator's
//! engine-based checks, the debrief's best path and `headset graph`.
//! docs/explorer.md is its manual.

pub mod best;
pub mod checks;
pub mod choice;
pub mod exhaustive;
pub mod report;
pub mod sample;
pub mod state;
pub mod strategy;
pub mod value;

use std::sync::Arc;

use crate::scenario::{EndingKind, Skill};
use crate::score::{self, Skills};
use crate::sim::script::{self, Step};
use crate::sim::{Compiled, Options, Session};

pub use exhaustive::{MAX_EXACT_STATES, MAX_REPLIES, MAX_STATES};
use value::OBJECTIVES;

/// How to explore.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The call's seed (picks the customer's name from the pool; scores never depend on it).
    pub seed: u64,
    /// Give up exhaustive exploration past this many states.
    pub max_states: usize,
    /// Playouts when sampling.
    pub samples: usize,
    /// Seed of the sampling.
    pub sample_seed: u64,
    /// Sample even when exhaustive exploration would fit.
    pub force_sampling: bool,
    /// Explore again with points carried when the overall best and worst
    /// found on summed points are not certain. The validator does not need
    /// them (its checks use per-skill extremes, endings and shares).
    pub exact_overall: bool,
    /// Play the strategy audit (`strategy`): what a trainee who lacks the
    /// skill scores by reading the screen.
    pub strategies: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            seed: 0,
            max_states: MAX_STATES,
            samples: 20_000,
            sample_seed: 1,
            force_sampling: false,
            exact_overall: true,
            strategies: true,
        }
    }
}

/// One end of the score range, and a path that reaches it.
#[derive(Debug, Clone, PartialEq)]
pub struct Extreme {
    pub overall: u8,
    /// The skills of that same path.
    pub skills: Skills,
    /// The inputs, in `headset simulate --choices` syntax.
    pub choices: String,
    pub steps: Vec<Step>,
    /// Per skill: the best (or worst) score of that skill on its own, and a path to it.
    pub per_skill: Vec<(Skill, u8, String)>,
}

/// One ending and how it is reached.
#[derive(Debug, Clone, PartialEq)]
pub struct EndingReach {
    pub id: String,
    pub kind: EndingKind,
    /// Declared in the scenario (not the picker's transfer or a hang-up).
    pub declared: bool,
    pub reachable: bool,
    /// Share of random play (letting the customer finish, guessing among the
    /// offered replies) that ends here.
    pub random_share: f64,
}

/// Everything the explorer found.
#[derive(Debug, Clone, PartialEq)]
pub struct Exploration {
    pub scenario: String,
    pub states: usize,
    /// Distinct paths; `None` when sampled.
    pub paths: Option<u128>,
    pub exhaustive: bool,
    /// Why the result is not exhaustive, or what limits it.
    pub notes: Vec<String>,
    /// Playouts, when sampled.
    pub samples: Option<usize>,
    pub endings: Vec<EndingReach>,
    /// Share of random play that passes (estimated from `guessing_playouts` playouts).
    pub random_pass: f64,
    pub guessing_playouts: usize,
    /// Some path escalates to a right target after hearing what it must.
    pub right_escalation: bool,
    pub best: Option<Extreme>,
    pub worst: Option<Extreme>,
    /// The strategy audit (empty when not asked for).
    pub strategies: Vec<strategy::Played>,
    /// On the best path: decisions where the longest reply on screen was
    /// taken, and decisions among two or more replies.
    pub longest_best: Option<(usize, usize)>,
}

/// Whether the overall best, and the worst, found on summed points are the
/// true extremes: the best can be no higher than the weighted mean of the
/// per-skill bests, the worst no lower than that of the per-skill worsts.
fn overall_certain(c: &Compiled, e: &Exploration) -> (bool, bool) {
    let w = &c.scenario.weights;
    let bound = |x: &Extreme| {
        let s = |skill| x.per_skill.iter().find(|p| p.0 == skill).map_or(0, |p| p.1);
        Skills {
            patience: s(Skill::Patience),
            listening: s(Skill::Listening),
            name: s(Skill::Name),
            escalation: s(Skill::Escalation),
        }
        .overall(w)
    };
    (
        e.best.as_ref().is_none_or(|b| b.overall == bound(b)),
        e.worst.as_ref().is_none_or(|wo| wo.overall == bound(wo)),
    )
}

/// Explores a compiled scenario, and plays the strategy audit when asked.
pub fn explore(c: &Arc<Compiled>, settings: &Settings) -> Exploration {
    let mut e = explore_paths(c, settings);
    if settings.strategies {
        e.strategies = strategy::audit(c, settings.seed, e.random_pass);
        e.longest_best = e
            .best
            .as_ref()
            .map(|b| strategy::longest_is_best(c, settings.seed, &b.steps));
    }
    e
}

fn explore_paths(c: &Arc<Compiled>, settings: &Settings) -> Exploration {
    let mut notes = Vec::new();
    if !settings.force_sampling {
        // Summed points first: fewer states. Its overall figures are exact
        // when they meet the bound the per-skill extremes allow; if not,
        // carry the points in the state too, within a smaller bound.
        match exhaustive::Memo::explore(c, settings.seed, false, settings.max_states) {
            Ok(summed) => {
                // Passing depends on every point earned on the way, which
                // states do not carry: the pass share of random play is
                // estimated by playing it.
                let guessing = summed.guess(c, settings.samples, settings.sample_seed);
                let mut e = from_memo(c, settings, &summed, &guessing, notes.clone());
                let (best_certain, worst_certain) = overall_certain(c, &e);
                if !settings.exact_overall || (best_certain && worst_certain) {
                    return e;
                }
                // Under rubric v2 skills bottom out at 0 in many ways, and
                // the summed worst is rarely the true one; searching for it
                // with points carried costs up to the whole exact bound for
                // a figure nobody is scored on. Only the best is worth it.
                if best_certain {
                    e.notes.push(
                        "the overall worst is the lowest found on summed points; a lower one may exist (per-skill worsts are exact)"
                            .into(),
                    );
                    return e;
                }
                let exact_bound = settings.max_states.min(MAX_EXACT_STATES);
                // Carrying the points splits states, never merges them: with
                // more summed states than the bound, the exact pass cannot fit.
                if summed.states() <= exact_bound
                    && let Ok(exact) =
                        exhaustive::Memo::explore(c, settings.seed, true, exact_bound)
                {
                    return from_memo(c, settings, &exact, &guessing, notes);
                }
                e.notes.push(format!(
                    "more than {exact_bound} states once points are carried: the overall best and worst are the exact scores of the paths found on summed points, and may not be the true extremes; per-skill figures are exact"
                ));
                return e;
            }
            Err(exhaustive::TooManyStates) => notes.push(format!(
                "more than {} states: sampled {} playouts instead (seed {}); scores are the best and worst seen, shares are estimates",
                settings.max_states, settings.samples, settings.sample_seed
            )),
        }
    } else {
        notes.push(format!(
            "sampled {} playouts (seed {}) on request",
            settings.samples, settings.sample_seed
        ));
    }
    let s = sample::sample(c, settings.seed, settings.samples, settings.sample_seed);
    if s.cut {
        notes.push(cut_note());
    }
    let extreme = |seen: &[Option<sample::Seen>; OBJECTIVES]| {
        let overall = seen[0].as_ref()?;
        let per_skill = Skill::ALL
            .iter()
            .enumerate()
            .filter_map(|(k, &skill)| {
                seen[k + 1]
                    .as_ref()
                    .map(|x| (skill, x.score, script::to_spec(&x.steps)))
            })
            .collect();
        Some(make_extreme(
            c,
            settings.seed,
            overall.steps.clone(),
            per_skill,
        ))
    };
    Exploration {
        scenario: c.scenario.id.clone(),
        states: s.states,
        paths: None,
        exhaustive: false,
        notes,
        samples: Some(s.samples),
        endings: endings(&s.endings, &s.reachable, &s.guessing.share),
        random_pass: s.guessing.pass,
        guessing_playouts: s.guessing.playouts,
        right_escalation: s.right_escalation,
        best: extreme(&s.best),
        worst: extreme(&s.worst),
        strategies: Vec::new(),
        longest_best: None,
    }
}

fn from_memo(
    c: &Arc<Compiled>,
    settings: &Settings,
    memo: &exhaustive::Memo,
    guessing: &sample::Guessing,
    mut notes: Vec<String>,
) -> Exploration {
    let v = memo.root_value();
    if v.cut {
        notes.push(cut_note());
    }
    let extreme = |best: bool| {
        let picks = if best { &v.best } else { &v.worst };
        picks[0]?;
        let per_skill = Skill::ALL
            .iter()
            .enumerate()
            .filter_map(|(k, &skill)| {
                picks[k + 1].map(|p| {
                    let score = if memo.exact {
                        p.points as u8
                    } else {
                        (i64::from(score::rules::BASES[k]) + p.points).clamp(0, 100) as u8
                    };
                    (skill, score, script::to_spec(&memo.path(k + 1, best)))
                })
            })
            .collect();
        Some(make_extreme(
            c,
            settings.seed,
            memo.path(0, best),
            per_skill,
        ))
    };
    Exploration {
        scenario: c.scenario.id.clone(),
        states: memo.states(),
        paths: Some(v.paths),
        exhaustive: !v.cut,
        notes,
        samples: None,
        endings: endings(&memo.endings, memo.reachable(), memo.random_share()),
        random_pass: guessing.pass,
        guessing_playouts: guessing.playouts,
        right_escalation: v.right_escalation,
        best: extreme(true),
        worst: extreme(false),
        strategies: Vec::new(),
        longest_best: None,
    }
}

fn cut_note() -> String {
    format!(
        "some paths loop past the reply limit ({MAX_REPLIES}, or twice the number of nodes) and were cut there; they count as paths but not as best or worst"
    )
}

fn endings(e: &state::Endings, reachable: &[bool], share: &[f64]) -> Vec<EndingReach> {
    (0..e.ids.len())
        .filter(|&i| i < e.declared || reachable[i])
        .map(|i| EndingReach {
            id: e.ids[i].clone(),
            kind: e.kinds[i],
            declared: i < e.declared,
            reachable: reachable[i],
            random_share: share[i],
        })
        .collect()
}

/// Replays a path through the real engine and rubric, so the reported
/// skills are exactly what `headset simulate` gives for the same inputs.
fn make_extreme(
    c: &Arc<Compiled>,
    seed: u64,
    steps: Vec<Step>,
    per_skill: Vec<(Skill, u8, String)>,
) -> Extreme {
    let report = replay(c, seed, &steps);
    Extreme {
        overall: report.overall,
        skills: report.skills,
        choices: script::to_spec(&steps),
        steps,
        per_skill,
    }
}

/// Plays steps from the start of a call and scores it.
pub fn replay(c: &Arc<Compiled>, seed: u64, steps: &[Step]) -> score::Report {
    let mut session = Session::new(Arc::clone(c), seed, Options::default());
    // Steps come from the explorer's own choices, which the engine offered.
    let _ = script::run(&mut session, steps);
    score::score(&session)
}
