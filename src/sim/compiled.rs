//! A scenario turned into indices and bit sets, so the engine (and the
//! explorer, which runs it millions of times) never looks up strings.

use std::collections::HashMap;
use std::sync::Arc;

use crate::scenario::text::{has_placeholder, uses_name_placeholder};
use crate::scenario::{Condition, EndingKind, Marker, Mood, MoodShift, Scenario};

/// At most this many facts per scenario: heard facts are a 64-bit set.
pub use crate::scenario::limits::MAX_FACTS;

/// Where a reply leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dest {
    /// A node, by index.
    Node(usize),
    /// An ending, by index.
    Ending(usize),
}

/// A condition with facts as bits.
#[derive(Debug, Clone, PartialEq)]
pub struct Cond {
    pub bounds: [(Option<i32>, Option<i32>); 4],
    pub heard: u64,
    pub not_heard: u64,
}

impl Cond {
    /// Whether it holds for this mood and these heard facts.
    pub fn holds(&self, mood: &Mood, heard: u64) -> bool {
        let values = [mood.anger, mood.trust, mood.confusion, mood.distress];
        self.bounds
            .iter()
            .zip(values)
            .all(|(&(above, below), v)| above.is_none_or(|a| v > a) && below.is_none_or(|b| v < b))
            && heard & self.heard == self.heard
            && heard & self.not_heard == 0
    }
}

/// A compiled customer line.
#[derive(Debug, Clone)]
pub struct CLine {
    pub reveals: u64,
    pub pause_ms: u64,
    /// Per wording (`say`, then the variants): its word count when it has
    /// no placeholder, so a call without history (the explorer) knows how
    /// long the line takes without filling it in; `None` when the count
    /// depends on the names filled in.
    pub words: Vec<Option<usize>>,
}

/// A compiled reply.
#[derive(Debug, Clone)]
pub struct CReply {
    pub needs: u64,
    pub when: Option<Cond>,
    pub shift: MoodShift,
    pub marks: Vec<Marker>,
    pub asks: Option<u64>,
    pub escalate: Option<usize>,
    pub branches: Vec<(Cond, Dest)>,
    pub next: Dest,
    /// The reply's text uses `{name}` or `{full_name}` (all variants must agree).
    pub uses_name: bool,
    /// Words of the reply as written, for the agent's speaking time.
    pub words: usize,
}

/// A compiled node.
#[derive(Debug, Clone)]
pub struct CNode {
    pub lines: Vec<CLine>,
    pub interrupted: MoodShift,
    pub repeats: bool,
    pub rude: bool,
    pub replies: Vec<CReply>,
    /// The ending the agent's hang-up leads to in this turn, where the
    /// scenario allows it (`agent_may_end`).
    pub agent_may_end: Option<usize>,
}

impl CNode {
    /// The nodes this node's replies can lead to, reply by reply as the file
    /// writes them (a reply's branches before its `next`); endings are left
    /// out, and a node reached by several replies comes once per reply.
    pub fn next_nodes(&self) -> impl Iterator<Item = usize> + '_ {
        self.replies
            .iter()
            .flat_map(|r| r.branches.iter().map(|b| b.1).chain([r.next]))
            .filter_map(|d| match d {
                Dest::Node(n) => Some(n),
                Dest::Ending(_) => None,
            })
    }
}

/// A scenario ready to play.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The scenario as written.
    pub scenario: Arc<Scenario>,
    /// The written nodes and endings in index order, so the engine never
    /// looks them up by name.
    pub node_defs: Vec<crate::scenario::Node>,
    pub ending_defs: Vec<crate::scenario::Ending>,
    pub node_ids: Vec<String>,
    pub nodes: Vec<CNode>,
    pub fact_ids: Vec<String>,
    pub target_ids: Vec<String>,
    pub ending_ids: Vec<String>,
    pub ending_kinds: Vec<EndingKind>,
    pub start: usize,
    /// The ending used when the customer hangs up on their own.
    pub hang_up: Option<usize>,
    /// Facts the policy wants known before escalating.
    pub escalation_after: u64,
    /// Targets the policy accepts, as indices.
    pub escalation_to: Vec<usize>,
    /// Starting mood.
    pub mood: Mood,
    /// Facts some reply needs or asks for: what a call can show it heard.
    pub listening_facts: u64,
}

/// Why a scenario cannot be played (the validator reports all of these first).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompileError {
    #[error("\"{0}\" is not a node or ending")]
    UnknownDestination(String),
    #[error("\"{0}\" is not a declared fact")]
    UnknownFact(String),
    #[error("\"{0}\" is not a declared target")]
    UnknownTarget(String),
    #[error("start node \"{0}\" does not exist")]
    UnknownStart(String),
    #[error("the scenario declares {0} facts; at most {MAX_FACTS} are supported")]
    TooManyFacts(usize),
}

/// The default reaction to being cut off, when a node does not say.
pub const DEFAULT_INTERRUPTED: MoodShift = MoodShift {
    anger: 10,
    trust: -5,
    confusion: 0,
    distress: 0,
};

impl Compiled {
    /// Compiles a scenario; fails (never panics) on dangling references.
    pub fn new(scenario: Arc<Scenario>) -> Result<Compiled, CompileError> {
        let s = &*scenario;
        if s.facts.len() > MAX_FACTS {
            return Err(CompileError::TooManyFacts(s.facts.len()));
        }
        let node_ids: Vec<String> = s.nodes.keys().cloned().collect();
        let ending_ids: Vec<String> = s.endings.keys().cloned().collect();
        let fact_ids: Vec<String> = s.facts.keys().cloned().collect();
        let target_ids: Vec<String> = s.targets.keys().cloned().collect();
        let node_ix: HashMap<&str, usize> = node_ids
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        let end_ix: HashMap<&str, usize> = ending_ids
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        let fact_ix: HashMap<&str, usize> = fact_ids
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        let target_ix: HashMap<&str, usize> = target_ids
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();

        let dest = |d: &str| -> Result<Dest, CompileError> {
            node_ix
                .get(d)
                .map(|&i| Dest::Node(i))
                .or_else(|| end_ix.get(d).map(|&i| Dest::Ending(i)))
                .ok_or_else(|| CompileError::UnknownDestination(d.to_owned()))
        };
        let fact = |f: &str| -> Result<u64, CompileError> {
            fact_ix
                .get(f)
                .map(|&i| 1u64 << i)
                .ok_or_else(|| CompileError::UnknownFact(f.to_owned()))
        };
        let facts = |fs: &[String]| -> Result<u64, CompileError> {
            fs.iter().try_fold(0u64, |acc, f| Ok(acc | fact(f)?))
        };
        let target = |t: &str| -> Result<usize, CompileError> {
            target_ix
                .get(t)
                .copied()
                .ok_or_else(|| CompileError::UnknownTarget(t.to_owned()))
        };
        let cond = |c: &Condition| -> Result<Cond, CompileError> {
            let b = c.bounds();
            Ok(Cond {
                bounds: [
                    (b[0].1, b[0].2),
                    (b[1].1, b[1].2),
                    (b[2].1, b[2].2),
                    (b[3].1, b[3].2),
                ],
                heard: facts(&c.heard)?,
                not_heard: facts(&c.not_heard)?,
            })
        };

        let mut nodes = Vec::with_capacity(node_ids.len());
        for id in &node_ids {
            let n = &s.nodes[id];
            let mut lines = Vec::with_capacity(n.customer.len());
            for l in &n.customer {
                let pause = if l.pause.is_finite() {
                    l.pause.clamp(0.0, 60.0)
                } else {
                    0.0
                };
                lines.push(CLine {
                    reveals: facts(&l.reveals)?,
                    pause_ms: (pause * 1000.0).round() as u64,
                    words: std::iter::once(&l.say)
                        .chain(&l.variants)
                        .map(|w| (!has_placeholder(w)).then(|| super::pace::word_count(w)))
                        .collect(),
                });
            }
            let mut replies = Vec::with_capacity(n.replies.len());
            for r in &n.replies {
                let mut branches = Vec::with_capacity(r.branches.len());
                for b in &r.branches {
                    branches.push((cond(&b.when)?, dest(&b.go)?));
                }
                replies.push(CReply {
                    needs: facts(&r.needs)?,
                    when: r.when.as_ref().map(cond).transpose()?,
                    shift: r.mood,
                    marks: r.marks.clone(),
                    asks: r.asks.as_deref().map(fact).transpose()?,
                    escalate: r.escalate.as_deref().map(target).transpose()?,
                    branches,
                    next: dest(&r.next)?,
                    uses_name: uses_name_placeholder(&r.say),
                    words: super::pace::word_count(&r.say),
                });
            }
            let agent_may_end = match &n.agent_may_end {
                Some(e) => Some(
                    *end_ix
                        .get(e.as_str())
                        .ok_or_else(|| CompileError::UnknownDestination(e.clone()))?,
                ),
                None => None,
            };
            nodes.push(CNode {
                agent_may_end,
                lines,
                interrupted: n
                    .interrupted
                    .as_ref()
                    .map_or(DEFAULT_INTERRUPTED, |r| r.mood),
                repeats: n.repeats,
                rude: n.rude,
                replies,
            });
        }
        let start = *node_ix
            .get(s.start.as_str())
            .ok_or_else(|| CompileError::UnknownStart(s.start.clone()))?;
        let hang_up =
            crate::scenario::validate::hang_up_ending(s).and_then(|id| end_ix.get(id).copied());
        let escalation_after = facts(s.escalation.after())?;
        let escalation_to = s
            .escalation
            .targets()
            .iter()
            .map(|t| target(t))
            .collect::<Result<_, _>>()?;
        let ending_kinds = ending_ids.iter().map(|e| s.endings[e].kind).collect();
        let mood = s.customer.mood.resolve(s.archetype);
        let listening_facts = nodes
            .iter()
            .flat_map(|n| &n.replies)
            .fold(0, |bits, r| bits | r.needs | r.asks.unwrap_or(0));
        drop(node_ix);
        let node_defs = node_ids.iter().map(|n| s.nodes[n].clone()).collect();
        let ending_defs = ending_ids.iter().map(|e| s.endings[e].clone()).collect();
        Ok(Compiled {
            scenario: scenario.clone(),
            node_defs,
            ending_defs,
            node_ids,
            nodes,
            fact_ids,
            target_ids,
            ending_ids,
            ending_kinds,
            start,
            hang_up,
            escalation_after,
            escalation_to,
            mood,
            listening_facts,
        })
    }

    /// Fact ids in a bit set, in id order.
    pub fn fact_names(&self, bits: u64) -> Vec<&str> {
        self.fact_ids
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & (1 << i) != 0)
            .map(|(_, f)| f.as_str())
            .collect()
    }

    /// The label of a target as the scenario writes it (its id if it has none).
    pub fn target_label(&self, index: usize) -> String {
        let id = &self.target_ids[index];
        self.scenario.targets.get(id).unwrap_or(id).clone()
    }

    /// The label of a fact as the scenario writes it.
    pub fn fact_label(&self, index: usize) -> &str {
        self.scenario
            .facts
            .get(&self.fact_ids[index])
            .map_or("", String::as_str)
    }

    /// A target index by id.
    pub fn target_index(&self, id: &str) -> Option<usize> {
        self.target_ids.iter().position(|t| t == id)
    }

    /// Every node index in the order a call meets them: the start first,
    /// then breadth first along each reply's branches and its `next`, in the
    /// order the file writes them; nodes no reply leads to come last, in id
    /// order. Author mode's jump list uses it, because a trainer thinks of a
    /// scenario in the order it is played, not alphabetically.
    pub fn play_order(&self) -> Vec<usize> {
        let mut seen = vec![false; self.nodes.len()];
        let mut order = Vec::with_capacity(self.nodes.len());
        seen[self.start] = true;
        order.push(self.start);
        let mut at = 0;
        while at < order.len() {
            let node = &self.nodes[order[at]];
            at += 1;
            for n in node.next_nodes() {
                if !seen[n] {
                    seen[n] = true;
                    order.push(n);
                }
            }
        }
        order.extend((0..self.nodes.len()).filter(|&n| !seen[n]));
        order
    }
}
