//! A call paused at the start of a turn, with the rubric's running state,
//! and the key that says when two such calls will play out identically.

use std::sync::Arc;

use crate::scenario::{EndingKind, Mood};
use crate::score::{self, Scorer, Skills, Tally, rules};
use crate::sim::{Compiled, EndCause, Options, Session};

use super::choice::{self, Act, Choice};

/// How a finished path ended and scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Index into [`Endings`].
    pub ending: usize,
    /// Points of the moments about how the call ended, per skill.
    pub end_points: [i32; 4],
    /// Critical errors among the moments about how the call ended.
    pub end_critical: i32,
    /// Critical errors of the whole path this cursor took.
    pub critical: i32,
    /// The scores of the whole path this cursor took.
    pub skills: Skills,
    pub overall: u8,
    pub passed: bool,
    /// Whether the ending fits the policy (see `score::ending_fits`).
    pub fits: bool,
}

impl Outcome {
    /// What keeps the path from passing whatever its points: its critical
    /// errors, and one more if the ending does not fit the policy. The
    /// overall objective takes [`super::value::CRITICAL_WEIGHT`] off per error.
    pub fn errors(&self) -> i64 {
        i64::from(self.critical) + i64::from(!self.fits)
    }
}

/// The endings a path can reach: the scenario's own, then the ways a call
/// ends outside them (a transfer from the picker, the agent hanging up, the
/// customer hanging up when the scenario has no hang-up ending).
#[derive(Debug, Clone)]
pub struct Endings {
    pub ids: Vec<String>,
    pub kinds: Vec<EndingKind>,
    /// How many of `ids` the scenario declares (they come first).
    pub declared: usize,
}

impl Endings {
    pub fn of(c: &Compiled) -> Endings {
        let mut ids = c.ending_ids.clone();
        let mut kinds = c.ending_kinds.clone();
        let declared = ids.len();
        let mut extra = |id: &str, kind| {
            ids.push(id.to_owned());
            kinds.push(kind);
        };
        extra("transfer", EndingKind::Escalated);
        extra("agent_hung_up", EndingKind::Unresolved);
        if c.hang_up.is_none() {
            extra("customer_hung_up", EndingKind::HungUp);
        }
        Endings {
            ids,
            kinds,
            declared,
        }
    }

    fn index(&self, id: &str) -> usize {
        self.ids.iter().position(|e| e == id).unwrap_or(0)
    }
}

/// A call at the start of a turn (or just over), with the rubric run so far.
#[derive(Debug, Clone)]
pub struct Cursor {
    pub session: Session,
    pub scorer: Scorer,
    /// Points per skill so far, in `Skill::ALL` order (clamped only at the end).
    pub points: [i32; 4],
    /// Critical errors so far.
    pub critical: i32,
}

/// What one choice did: where it led, the points it earned, and whether it
/// was the right escalation made at the right time.
pub struct Stepped {
    pub cursor: Cursor,
    pub delta: [i32; 4],
    /// Critical errors the choice made.
    pub critical: i32,
    pub right_escalation: bool,
}

impl Cursor {
    /// The call as it starts, without history: the explorer never shows it.
    pub fn start(c: &Arc<Compiled>, seed: u64) -> Cursor {
        let opts = Options {
            history: false,
            ..Options::default()
        };
        Cursor {
            session: Session::new(Arc::clone(c), seed, opts),
            scorer: Scorer::default(),
            points: [0; 4],
            critical: 0,
        }
    }

    /// Every choice at this turn with the session already listened.
    pub fn choices(&self) -> Vec<(Choice, Session)> {
        choice::choices(&self.session, self.session.compiled().target_ids.len())
    }

    /// Plays a choice on a session from [`Cursor::choices`].
    pub fn step(&self, choice: Choice, listened: Session) -> Stepped {
        let mut session = listened;
        let before = session.records.len();
        choice::act(&mut session, choice.act);
        let mut scorer = self.scorer.clone();
        let mut tally = Tally::default();
        let c = Arc::clone(session.compiled());
        for a in &session.records[before..] {
            scorer.action(&c, a, &mut tally);
        }
        let (delta, right_escalation) = (tally.points, tally.right_escalation);
        let critical = self.critical + tally.critical;
        let mut points = self.points;
        for (p, d) in points.iter_mut().zip(delta) {
            *p += d;
        }
        // The rubric has seen the action; the history is never needed again.
        session.forget_history();
        Stepped {
            cursor: Cursor {
                session,
                scorer,
                points,
                critical,
            },
            delta,
            critical: tally.critical,
            right_escalation,
        }
    }

    /// The result if the call is over.
    pub fn outcome(&self, endings: &Endings) -> Option<Outcome> {
        let end = self.session.end()?;
        let c = self.session.compiled();
        // Without history there is no transcript to point the moments at.
        let mut tally = Tally::default();
        self.scorer.end(c, end, None, &mut tally);
        let end_points = tally.points;
        let mut points = self.points;
        for (p, e) in points.iter_mut().zip(end_points) {
            *p += e;
        }
        let skills = score::skills_from_points(points);
        let overall = skills.overall(&c.scenario.weights);
        debug_assert_ne!(end.cause, EndCause::Unfinished);
        let critical = self.critical + tally.critical;
        let fits = score::ending_fits(end, self.scorer.escalated_right);
        Some(Outcome {
            ending: endings.index(&end.ending),
            end_points,
            end_critical: tally.critical,
            critical,
            skills,
            overall,
            passed: score::passes(&skills, overall, &c.scenario, critical > 0, fits),
            fits,
        })
    }

    /// Replies said so far (every action but the last is a reply).
    pub fn replies(&self) -> u32 {
        self.scorer.replies
    }

    /// The memo key: everything that decides how the rest of the call can go
    /// and which points it earns from here. Points already earned are not in
    /// it (the rest of the call adds to them), nor are turn numbers,
    /// transcript positions and the random stream, which only change
    /// wording and display order.
    ///
    /// With `exact`, the points so far are part of the key too: there are
    /// more states, but the overall score, which clamps each skill to 0..=100
    /// at the end, is then known exactly at every finished path.
    ///
    /// Facts only count where they can still matter (see [`Shape`]). In a
    /// scenario without loops, the reply count only matters up to the name
    /// rules' thresholds, and the uses of the name only through the
    /// overuse rule, so both are kept only as far as they can still change
    /// a score: calls that differ in nothing else are one state.
    pub fn key(&self, exact: bool, shape: &Shape) -> Key {
        let s = &self.scorer;
        let node = self.session.node();
        let mask = shape.relevant.get(node).copied().unwrap_or(u64::MAX);
        let (replies, name_uses, overuse) = match &shape.longest {
            Some(longest) => {
                // Overuse at the end: at least 5 replies and 5 × uses ≥ 4 × replies.
                // Each later reply adds 1 (with the name) or takes 4 (without).
                let d = 5 * i64::from(s.name_uses) - 4 * i64::from(s.replies);
                let ahead = i64::from(longest.get(node).copied().unwrap_or(0));
                let overuse = (d + ahead >= 0).then_some(d);
                (s.replies.min(OVERUSE_MIN_REPLIES), 0, overuse)
            }
            None => (s.replies, s.name_uses, None),
        };
        // How many facts were shown matters only while more can still be
        // credited on the way from here (the Listening credit is capped).
        let creditable = mask & self.session.compiled().listening_facts & !s.credited;
        let shown = if creditable == 0 {
            rules::LISTENING_FULL_AFTER
        } else {
            s.credited.count_ones().min(rules::LISTENING_FULL_AFTER)
        };
        Key {
            points: exact.then_some((self.points, self.critical)),
            node: node as u32,
            heard: self.session.heard() & mask,
            mood: mood_key(self.session.mood(), shape.mood_read),
            replies,
            name_uses,
            overuse,
            first_use_early: s.first_use.map(|(nth, _, _)| nth <= rules::NAME_EARLY_BY),
            used_twice: s.second_use.is_some(),
            apologised: s.apologised,
            // Once Listening credit is full, which facts were shown can no
            // longer change a score: calls that differ only there are one state.
            credited: if shown >= rules::LISTENING_FULL_AFTER {
                0
            } else {
                s.credited & mask
            },
            shown,
            escalated_right: s.escalated_right,
        }
    }
}

/// The reply count past which no name rule tells counts apart (the
/// largest of the rules' thresholds).
const OVERUSE_MIN_REPLIES: u32 = {
    let a = rules::NAME_OVERUSE_MIN_REPLIES;
    let b = rules::NAME_EARLY_BY + 1;
    if a > b { a } else { b }
};

/// What the explorer knows about a scenario's graph before it starts.
#[derive(Debug, Clone)]
pub struct Shape {
    /// Per node: the facts anything from there on can look at.
    pub relevant: Vec<u64>,
    /// Per node: the most replies a call can still say from there, when the
    /// scenario has no loops (`None` when it has).
    pub longest: Option<Vec<u32>>,
    /// The mood axes anything reads (see `mood_read`).
    pub mood_read: [bool; 4],
}

impl Shape {
    pub fn of(c: &Compiled) -> Shape {
        Shape {
            relevant: relevant_facts(c),
            longest: longest_paths(c),
            mood_read: mood_read(c),
        }
    }
}

/// Where each node's replies can lead (nodes only).
fn successors(c: &Compiled) -> Vec<Vec<usize>> {
    c.nodes.iter().map(|n| n.next_nodes().collect()).collect()
}

/// Per node, the most replies on a path from it to an ending; `None` if
/// the node graph has a loop.
fn longest_paths(c: &Compiled) -> Option<Vec<u32>> {
    let next = successors(c);
    // 0 unvisited, 1 on the current path, 2 done.
    let mut mark = vec![0u8; next.len()];
    let mut longest = vec![0u32; next.len()];
    fn visit(i: usize, next: &[Vec<usize>], mark: &mut [u8], longest: &mut [u32]) -> bool {
        match mark[i] {
            1 => return false,
            2 => return true,
            _ => {}
        }
        mark[i] = 1;
        // Every reply is one more; a reply to an ending is the last.
        let mut best = 1;
        for &j in &next[i] {
            if !visit(j, next, mark, longest) {
                return false;
            }
            best = best.max(1 + longest[j]);
        }
        longest[i] = best;
        mark[i] = 2;
        true
    }
    for i in 0..next.len() {
        if !visit(i, &next, &mut mark, &mut longest) {
            return None;
        }
    }
    Some(longest)
}

/// The mood as far as anything can tell: an axis nothing reads is left out
/// (0), so calls that differ only there share their state.
fn mood_key(m: Mood, read: [bool; 4]) -> [i32; 4] {
    let axes = [m.anger, m.trust, m.confusion, m.distress];
    std::array::from_fn(|i| if read[i] { axes[i] } else { 0 })
}

/// The mood axes anything reads, in `Axis::ALL` order: anger (the customer
/// hangs up past `hangs_up_at`; the rubric checks it at the end), distress
/// (the rubric checks it at the end), and any axis a condition tests. The
/// rest only change the debrief's mood line, never what happens or scores.
fn mood_read(c: &Compiled) -> [bool; 4] {
    let mut read = [true, false, false, true];
    let conds = c
        .nodes
        .iter()
        .flat_map(|n| &n.replies)
        .flat_map(|r| r.when.iter().chain(r.branches.iter().map(|(cond, _)| cond)));
    for cond in conds {
        for (axis, (above, below)) in cond.bounds.iter().enumerate() {
            read[axis] |= above.is_some() || below.is_some();
        }
    }
    read
}

/// Per node: the facts that anything from that node on can look at (what
/// replies need or ask, conditions test, customer lines reveal), plus the
/// facts the escalation policy needs, since a transfer is always possible.
fn relevant_facts(c: &Compiled) -> Vec<u64> {
    let cond_bits = |cond: &crate::sim::compiled::Cond| cond.heard | cond.not_heard;
    let own: Vec<u64> = c
        .nodes
        .iter()
        .map(|n| {
            let lines = n.lines.iter().fold(0, |a, l| a | l.reveals);
            n.replies.iter().fold(lines, |a, r| {
                let mut bits = a | r.needs | r.asks.unwrap_or(0);
                bits |= r.when.as_ref().map_or(0, cond_bits);
                for (cond, _) in &r.branches {
                    bits |= cond_bits(cond);
                }
                bits
            })
        })
        .collect();
    let next = successors(c);
    let mut relevant: Vec<u64> = own.iter().map(|b| b | c.escalation_after).collect();
    // Spread backwards until nothing changes (loops included).
    let mut changed = true;
    while changed {
        changed = false;
        for i in 0..relevant.len() {
            let ahead = next[i].iter().fold(0, |a, &j| a | relevant[j]);
            if relevant[i] | ahead != relevant[i] {
                relevant[i] |= ahead;
                changed = true;
            }
        }
    }
    relevant
}

/// Two cursors with equal keys play out identically from here on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    points: Option<([i32; 4], i32)>,
    node: u32,
    heard: u64,
    /// Exact mood: the axes are small integers, and a coarser bucket could
    /// merge calls that a mood condition tells apart.
    mood: [i32; 4],
    replies: u32,
    name_uses: u32,
    /// 5 × uses of the name − 4 × replies, while the overuse rule can still apply.
    overuse: Option<i64>,
    first_use_early: Option<bool>,
    used_twice: bool,
    apologised: bool,
    credited: u64,
    /// Facts shown so far, as far as the Listening credit still tells
    /// them apart (it is capped).
    shown: u32,
    escalated_right: bool,
}

/// Whether an act is a guess a trainee makes among the offered replies.
pub fn is_reply(c: &Choice) -> bool {
    matches!(c.act, Act::Reply(_))
}
