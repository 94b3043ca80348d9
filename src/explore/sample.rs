//! Seeded random playouts: the fallback when the state space is beyond the
//! bound, and the estimate of how often random play passes.
//!
//! Two kinds of playout. Exploring playouts choose uniformly among every
//! choice (interruptions, transfers and hang-ups included) to look for the
//! best and worst paths. Guessing playouts play like a trainee guessing: let
//! the customer finish, pick an offered reply at random. Whether a call
//! passes depends on every point earned on the way, so the pass share of
//! random play is always estimated from guessing playouts; the report says
//! how many.

use std::collections::HashSet;
use std::sync::Arc;

use crate::sim::Compiled;
use crate::sim::rng::Rng;
use crate::sim::script::Step;

use super::choice::{self, Act, Choice};
use super::exhaustive::reply_limit;
use super::state::{Cursor, Endings, Key, Outcome, Shape};
use super::value::{CRITICAL_WEIGHT, OBJECTIVES};

/// The best or worst seen for one objective, and how.
#[derive(Debug, Clone)]
pub struct Seen {
    pub score: u8,
    /// What the path is ranked by: the score, and for the best overall
    /// [`CRITICAL_WEIGHT`] less per critical error or unfitting ending, as
    /// the exhaustive search ranks it.
    pub rank: i64,
    pub steps: Vec<Step>,
}

/// What random play did.
#[derive(Debug, Clone, Default)]
pub struct Guessing {
    pub playouts: usize,
    /// Per ending: the share of guessing playouts that ended there.
    pub share: Vec<f64>,
    pub pass: f64,
}

/// What sampling found.
pub struct Sampled {
    pub endings: Endings,
    pub states: usize,
    pub samples: usize,
    pub best: [Option<Seen>; OBJECTIVES],
    pub worst: [Option<Seen>; OBJECTIVES],
    pub reachable: Vec<bool>,
    pub guessing: Guessing,
    pub right_escalation: bool,
    pub cut: bool,
}

/// Plays `samples` seeded playouts, half exploring and half guessing.
pub fn sample(c: &Arc<Compiled>, seed: u64, samples: usize, sample_seed: u64) -> Sampled {
    let endings = Endings::of(c);
    let n = endings.ids.len();
    let mut rng = Rng::new(sample_seed);
    let mut seen: HashSet<Key> = HashSet::new();
    let mut out = Sampled {
        endings,
        states: 0,
        samples,
        best: Default::default(),
        worst: Default::default(),
        reachable: vec![false; n],
        guessing: Guessing {
            share: vec![0.0; n],
            ..Guessing::default()
        },
        right_escalation: false,
        cut: false,
    };
    let root = Cursor::start(c, seed);
    let limit = reply_limit(c);
    let shape = Shape::of(c);
    for i in 0..samples {
        let guessing = i % 2 == 1;
        let mut cur = root.clone();
        let mut steps = Vec::new();
        let outcome = loop {
            seen.insert(cur.key(false, &shape));
            let (choice, listened) = if guessing {
                guess_choice(&mut rng, &cur)
            } else {
                let choices = cur.choices();
                let pick = rng.below(choices.len());
                choices.into_iter().nth(pick).expect("a choice exists")
            };
            steps.extend(choice::steps(&cur.session, choice));
            let stepped = cur.step(choice, listened);
            out.right_escalation |= stepped.right_escalation;
            cur = stepped.cursor;
            if let Some(o) = cur.outcome(&out.endings) {
                break Some(o);
            }
            if cur.replies() >= limit {
                out.cut = true;
                break None;
            }
        };
        if guessing {
            out.guessing.playouts += 1;
        }
        let Some(o) = outcome else { continue };
        out.reachable[o.ending] = true;
        if guessing {
            out.guessing.share[o.ending] += 1.0;
            out.guessing.pass += f64::from(u8::from(o.passed));
        }
        for (k, &score) in scores(&o).iter().enumerate() {
            // Overall ranks a path that can pass above one that cannot,
            // as the exhaustive search does (see `value::CRITICAL_WEIGHT`).
            let rank = i64::from(score)
                - if k == 0 {
                    CRITICAL_WEIGHT * o.errors()
                } else {
                    0
                };
            if out.best[k].as_ref().is_none_or(|b| rank > b.rank) {
                out.best[k] = Some(Seen {
                    score,
                    rank,
                    steps: steps.clone(),
                });
            }
            // The worst is simply the lowest score.
            let low = i64::from(score);
            if out.worst[k].as_ref().is_none_or(|w| low < w.rank) {
                out.worst[k] = Some(Seen {
                    score,
                    rank: low,
                    steps: steps.clone(),
                });
            }
        }
    }
    out.guessing.normalise();
    out.states = seen.len();
    out
}

/// Plays `playouts` guessing playouts only, through the engine. An
/// exhaustive exploration walks its table of states instead
/// ([`super::exhaustive::Memo::guess`]); this is what that walk is checked
/// against (tests/explore.rs).
pub fn guess(c: &Arc<Compiled>, seed: u64, playouts: usize, sample_seed: u64) -> Guessing {
    let endings = Endings::of(c);
    let mut rng = Rng::new(sample_seed);
    let mut g = Guessing {
        share: vec![0.0; endings.ids.len()],
        ..Guessing::default()
    };
    let root = Cursor::start(c, seed);
    let limit = reply_limit(c);
    for _ in 0..playouts {
        g.playouts += 1;
        let mut cur = root.clone();
        loop {
            let (choice, listened) = guess_choice(&mut rng, &cur);
            cur = cur.step(choice, listened).cursor;
            if let Some(o) = cur.outcome(&endings) {
                g.share[o.ending] += 1.0;
                g.pass += f64::from(u8::from(o.passed));
                break;
            }
            if cur.replies() >= limit {
                break;
            }
        }
    }
    g.normalise();
    g
}

impl Guessing {
    pub(super) fn normalise(&mut self) {
        let n = self.playouts.max(1) as f64;
        for s in &mut self.share {
            *s /= n;
        }
        self.pass /= n;
    }
}

/// Overall then the four skills.
fn scores(o: &Outcome) -> [u8; OBJECTIVES] {
    let s = o.skills;
    [o.overall, s.patience, s.listening, s.name, s.escalation]
}

/// A guessing trainee's choice: the policy of `exhaustive::random_weights`
/// (let the customer finish, then one of the offered replies, or with none
/// offered a transfer or hanging up, all equally likely), drawn without
/// building every choice.
fn guess_choice(rng: &mut Rng, cur: &Cursor) -> (Choice, crate::sim::Session) {
    let heard = cur.session.pending_lines();
    let (listened, _) = choice::listen(&cur.session, heard);
    let mut replies = listened.offered().to_vec();
    replies.sort_unstable();
    let act = if replies.is_empty() {
        let targets = cur.session.compiled().target_ids.len();
        match rng.below(targets + 1) {
            t if t < targets => Act::Transfer(t),
            _ => Act::HangUp,
        }
    } else {
        Act::Reply(replies[rng.below(replies.len())])
    };
    (Choice { heard, act }, listened)
}
