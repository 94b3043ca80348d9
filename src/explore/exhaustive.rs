//! Exhaustive exploration: every distinct state once, with memoisation.
//!
//! A state is a call at the start of a turn, identified by its [`Key`]. Two
//! paths that reach the same key share everything after it, so the work
//! grows with the number of states, not with the number of paths (which is
//! counted through the memo, never listed). The reply count is part of the
//! key, so the states form a graph without cycles even when the scenario
//! has loops; the reply limit bounds such loops.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::sim::Compiled;
use crate::sim::rng::Rng;
use crate::sim::script::Step;

use super::choice::{self, Choice};
use super::sample::Guessing;
use super::state::{Cursor, Endings, Key, Shape, is_reply};
use super::value::{Reach, Value};

/// Paths longer than this many replies, or twice the scenario's node
/// count if that is more, are cut and reported as such. Only loops make
/// paths that long: a path through distinct nodes never is.
pub const MAX_REPLIES: u32 = 40;

/// The reply limit for a scenario (see [`MAX_REPLIES`]).
pub fn reply_limit(c: &Compiled) -> u32 {
    MAX_REPLIES.max(2 * c.nodes.len() as u32)
}

/// More states than this and the exploration falls back to sampling.
pub const MAX_STATES: usize = 1_000_000;

/// Up to this many states, points earned are carried in the state and the
/// overall best and worst are exact; beyond, the explorer searches on summed
/// points (docs/explorer.md, "Exact and summed").
pub const MAX_EXACT_STATES: usize = 100_000;

/// The explored state graph.
pub struct Memo {
    pub endings: Endings,
    pub root: Cursor,
    limit: u32,
    weights: [i64; 4],
    /// Points so far are part of the state: overall scores are exact.
    pub exact: bool,
    shape: Shape,
    /// Each explored state's number in `values`, `spans` and `reach`.
    map: FxHashMap<Key, u32>,
    root_id: u32,
    values: Vec<Value>,
    /// Per state, the endings its paths reach and random play's shares.
    reach: Reach,
    /// The choices a guessing trainee draws from at each state, in the
    /// order they are drawn, each state's together (see [`Memo::guess`]).
    /// One flat table, so that a playout step reads one place in memory.
    guesses: Vec<Guess>,
    /// Per state, where its choices are in `guesses`.
    spans: Vec<Span>,
    /// The endings guessing choices lead to.
    ends: Vec<End>,
}

/// A state's choices in [`Memo::guesses`]: `count` of them from `first`.
#[derive(Debug, Clone, Copy)]
struct Span {
    first: u32,
    count: u32,
}

/// A choice a guessing trainee can make at a state: the points it earns
/// and where it leads.
#[derive(Debug, Clone, Copy)]
struct Guess {
    delta: [i32; 4],
    /// The choice is a critical error.
    critical: bool,
    to: Next,
}

#[derive(Debug, Clone, Copy)]
enum Next {
    State(Span),
    /// An index in [`Memo::ends`].
    End(u32),
    Cut,
}

#[derive(Debug, Clone, Copy)]
struct End {
    ending: u32,
    points: [i32; 4],
    /// How the call ended is a critical error.
    critical: bool,
    /// The ending fits the policy.
    fits: bool,
}

/// Exploration stopped at the state bound.
#[derive(Debug, Clone, Copy)]
pub struct TooManyStates;

impl Memo {
    /// Explores every state from the start of the call, or gives up past `max_states`.
    pub fn explore(
        c: &Arc<Compiled>,
        seed: u64,
        exact: bool,
        max_states: usize,
    ) -> Result<Memo, TooManyStates> {
        let root = Cursor::start(c, seed);
        let endings = Endings::of(c);
        let n = endings.ids.len();
        let mut memo = Memo {
            endings,
            root: root.clone(),
            limit: reply_limit(c),
            weights: weights(c),
            exact,
            shape: Shape::of(c),
            map: FxHashMap::default(),
            root_id: 0,
            values: Vec::new(),
            reach: Reach::new(n),
            guesses: Vec::new(),
            spans: Vec::new(),
            ends: Vec::new(),
        };
        let key = memo.key(&root);
        memo.root_id = memo.visit(&root, key, max_states)?;
        Ok(memo)
    }

    fn key(&self, cur: &Cursor) -> Key {
        cur.key(self.exact, &self.shape)
    }

    /// Distinct states visited.
    pub fn states(&self) -> usize {
        self.map.len()
    }

    /// The summary of the whole call.
    pub fn root_value(&self) -> &Value {
        &self.values[self.root_id as usize]
    }

    /// Per ending: whether any path reaches it.
    pub fn reachable(&self) -> &[bool] {
        self.reach.reachable(self.root_id)
    }

    /// Per ending: the share of random play that ends there.
    pub fn random_share(&self) -> &[f64] {
        self.reach.share(self.root_id)
    }

    fn value(&self, key: &Key) -> Option<&Value> {
        self.map.get(key).map(|&i| &self.values[i as usize])
    }

    /// Explores the state `cur` (whose key is `key`) and everything after
    /// it, once: returns its number in `values`, `spans` and `reach`.
    fn visit(&mut self, cur: &Cursor, key: Key, max_states: usize) -> Result<u32, TooManyStates> {
        if let Some(&id) = self.map.get(&key) {
            return Ok(id);
        }
        if self.map.len() >= max_states {
            return Err(TooManyStates);
        }
        // The number is taken now, so that the ending table's row can be
        // filled in place while the states after this one are explored.
        let id = self.values.len() as u32;
        self.values.push(Value::EMPTY);
        self.spans.push(Span { first: 0, count: 0 });
        self.reach.push_row();
        let choices = cur.choices();
        let weights = random_weights(cur, &choices);
        let mut value = Value::EMPTY;
        let mut guesses = Vec::new();
        for (i, ((choice, listened), weight)) in choices.into_iter().zip(weights).enumerate() {
            let stepped = cur.step(choice, listened);
            let (child, delta, right) = (&stepped.cursor, stepped.delta, stepped.right_escalation);
            let critical = stepped.critical;
            let i = i as u32;
            // The ending is kept only if a guessing trainee can reach it
            // (weight above 0); `Next::End` names the place it takes then.
            let (to, end) = if let Some(outcome) = child.outcome(&self.endings) {
                value.add_leaf(
                    i,
                    delta,
                    critical,
                    &outcome,
                    self.weights,
                    self.exact,
                    right,
                );
                self.reach.add_leaf(id, outcome.ending, weight);
                let end = End {
                    ending: outcome.ending as u32,
                    points: outcome.end_points,
                    critical: outcome.end_critical > 0,
                    fits: outcome.fits,
                };
                (Next::End(self.ends.len() as u32), Some(end))
            } else if child.replies() >= self.limit {
                value.add_cut(right);
                (Next::Cut, None)
            } else {
                let child_key = self.key(child);
                let cid = self.visit(child, child_key, max_states)?;
                let v = &self.values[cid as usize];
                value.add(i, delta, critical, v, self.weights, self.exact, right);
                self.reach.add(id, cid, weight);
                (Next::State(self.spans[cid as usize]), None)
            };
            if weight > 0.0 {
                self.ends.extend(end);
                guesses.push(Guess {
                    delta,
                    critical: critical > 0,
                    to,
                });
            }
        }
        self.map.insert(key, id);
        self.values[id as usize] = value;
        self.spans[id as usize] = Span {
            first: self.guesses.len() as u32,
            count: guesses.len() as u32,
        };
        self.guesses.extend(guesses);
        Ok(id)
    }

    /// `playouts` calls played by a trainee who guesses, walked through the
    /// explored states instead of the engine: the same draws from the same
    /// seeded generator as [`super::sample::guess`], so the same result
    /// (checked by a test), in a fraction of the time.
    pub fn guess(&self, c: &Compiled, playouts: usize, sample_seed: u64) -> Guessing {
        let mut rng = Rng::new(sample_seed);
        let mut g = Guessing {
            share: vec![0.0; self.endings.ids.len()],
            ..Guessing::default()
        };
        let root = self.spans[self.root_id as usize];
        let s = &c.scenario;
        for _ in 0..playouts {
            g.playouts += 1;
            let (mut at, mut points, mut critical) = (root, [0i32; 4], false);
            loop {
                let pick = self.guesses[at.first as usize + rng.below(at.count as usize)];
                for (p, d) in points.iter_mut().zip(pick.delta) {
                    *p += d;
                }
                critical |= pick.critical;
                match pick.to {
                    Next::State(next) => at = next,
                    Next::End(e) => {
                        let end = self.ends[e as usize];
                        for (p, e) in points.iter_mut().zip(end.points) {
                            *p += e;
                        }
                        let skills = crate::score::skills_from_points(points);
                        let overall = skills.overall(&s.weights);
                        let passed = crate::score::passes(
                            &skills,
                            overall,
                            s,
                            critical || end.critical,
                            end.fits,
                        );
                        g.share[end.ending as usize] += 1.0;
                        g.pass += f64::from(u8::from(passed));
                        break;
                    }
                    Next::Cut => break,
                }
            }
        }
        g.normalise();
        g
    }

    /// The inputs of the path to the best (or worst) score of objective `o`.
    pub fn path(&self, o: usize, best: bool) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut cur = self.root.clone();
        while let Some(v) = self.value(&self.key(&cur)) {
            let pick = if best { v.best[o] } else { v.worst[o] };
            let Some(pick) = pick else { break };
            let Some((choice, listened)) = cur.choices().into_iter().nth(pick.choice as usize)
            else {
                break;
            };
            steps.extend(choice::steps(&cur.session, choice));
            let next = cur.step(choice, listened).cursor;
            if next.session.is_over() {
                break;
            }
            cur = next;
        }
        steps
    }
}

/// The chance that random play makes each choice: a trainee who guesses lets
/// the customer finish, then picks one of the offered replies at random.
/// With no reply on offer, they pick among transfer and hang-up.
pub fn random_weights(cur: &Cursor, choices: &[(Choice, crate::sim::Session)]) -> Vec<f64> {
    let pending = cur.session.pending_lines();
    let finished = |c: &Choice| c.heard == pending;
    let replies = choices
        .iter()
        .filter(|(c, _)| finished(c) && is_reply(c))
        .count();
    let others = choices.iter().filter(|(c, _)| finished(c)).count();
    choices
        .iter()
        .map(|(c, _)| {
            if !finished(c) {
                0.0
            } else if replies > 0 {
                if is_reply(c) {
                    1.0 / replies as f64
                } else {
                    0.0
                }
            } else {
                1.0 / others as f64
            }
        })
        .collect()
}

/// The scenario's skill weights, in `Skill::ALL` order.
pub fn weights(c: &Compiled) -> [i64; 4] {
    let w = &c.scenario.weights;
    [w.patience, w.listening, w.name, w.escalation].map(i64::from)
}
