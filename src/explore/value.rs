//! What the explorer knows about the rest of a call from one state: how many
//! paths remain, the most and fewest points the rest of the call can earn
//! and the first choice towards each, and where a trainee guessing at
//! random ends up.
//!
//! Points add up along a path and are clamped to 0..=100 only at the end,
//! so the best future of a state does not depend on how it was reached:
//! that is what lets the explorer memoise on states.

use super::state::Outcome;

/// Overall (the weighted sum of the four skills' points) first, then the
/// four skills in `Skill::ALL` order.
pub const OBJECTIVES: usize = 5;

/// What a critical error, or an ending that does not fit the policy, takes
/// off the overall objective when looking for the best path: more than any
/// sum of points can make up, so the best path is one that can pass
/// whenever there is one. Additive, so the best future of a state still
/// does not depend on how it was reached. The worst path is the lowest
/// overall, errors or not.
pub const CRITICAL_WEIGHT: i64 = 1 << 40;

/// The points still reachable from a state and the choice (index into the
/// state's choices) that starts the path to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick {
    pub points: i64,
    pub choice: u32,
}

/// The summary of every path from one state. Which endings the paths reach
/// and how often random play ends there are kept per state in the memo's
/// [`Reach`] table, so a state's summary needs no memory of its own.
#[derive(Debug, Clone, Copy)]
pub struct Value {
    /// Distinct paths (input sequences) to the end of the call; saturates.
    pub paths: u128,
    pub best: [Option<Pick>; OBJECTIVES],
    pub worst: [Option<Pick>; OBJECTIVES],
    /// Some path escalates to a right target after hearing what it must.
    pub right_escalation: bool,
    /// Some path was cut at the reply limit.
    pub cut: bool,
}

/// Per state and ending: whether any path from the state reaches the
/// ending, and the chance that random play from the state ends there. One
/// row of `endings` entries per state, in one table.
#[derive(Debug, Clone, Default)]
pub struct Reach {
    endings: usize,
    reachable: Vec<bool>,
    share: Vec<f64>,
}

impl Reach {
    pub fn new(endings: usize) -> Reach {
        Reach {
            endings,
            ..Reach::default()
        }
    }

    /// Adds an empty row for a new state; rows are numbered like states.
    pub fn push_row(&mut self) {
        let n = self.reachable.len() + self.endings;
        self.reachable.resize(n, false);
        self.share.resize(n, 0.0);
    }

    /// State `row` can end at `ending`, and random play from it takes that
    /// way with chance `random_weight`.
    pub fn add_leaf(&mut self, row: u32, ending: usize, random_weight: f64) {
        let i = row as usize * self.endings + ending;
        self.reachable[i] = true;
        self.share[i] += random_weight;
    }

    /// State `row` can go on to state `child`, which random play picks with
    /// chance `random_weight`.
    pub fn add(&mut self, row: u32, child: u32, random_weight: f64) {
        let (to, from) = (row as usize * self.endings, child as usize * self.endings);
        for k in 0..self.endings {
            self.reachable[to + k] |= self.reachable[from + k];
            if random_weight > 0.0 {
                self.share[to + k] += random_weight * self.share[from + k];
            }
        }
    }

    /// Per ending, whether state `row` can reach it.
    pub fn reachable(&self, row: u32) -> &[bool] {
        let at = row as usize * self.endings;
        &self.reachable[at..at + self.endings]
    }

    /// Per ending, the share of random play from state `row` that ends there.
    pub fn share(&self, row: u32) -> &[f64] {
        let at = row as usize * self.endings;
        &self.share[at..at + self.endings]
    }
}

impl Value {
    /// A summary with no paths yet.
    pub const EMPTY: Value = Value {
        paths: 0,
        best: [None; OBJECTIVES],
        worst: [None; OBJECTIVES],
        right_escalation: false,
        cut: false,
    };

    fn offer(&mut self, o: usize, points: i64, choice: u32) {
        self.offer_best(o, points, choice);
        self.offer_worst(o, points, choice);
    }

    fn offer_best(&mut self, o: usize, points: i64, choice: u32) {
        if self.best[o].is_none_or(|p| points > p.points) {
            self.best[o] = Some(Pick { points, choice });
        }
    }

    fn offer_worst(&mut self, o: usize, points: i64, choice: u32) {
        if self.worst[o].is_none_or(|p| points < p.points) {
            self.worst[o] = Some(Pick { points, choice });
        }
    }

    /// Adds a choice that earns `delta` and ends the call with `outcome`.
    /// With `exact` the values are final scores (the state knows every
    /// point earned before it); without, points still to be earned.
    #[allow(clippy::too_many_arguments)]
    pub fn add_leaf(
        &mut self,
        choice: u32,
        delta: [i32; 4],
        critical: i32,
        outcome: &Outcome,
        weights: [i64; 4],
        exact: bool,
        right_escalation: bool,
    ) {
        self.paths = self.paths.saturating_add(1);
        let (values, errors) = if exact {
            let s = outcome.skills;
            let v = [
                outcome.overall,
                s.patience,
                s.listening,
                s.name,
                s.escalation,
            ]
            .map(i64::from);
            (v, outcome.errors())
        } else {
            let mut total = [0i64; 4];
            for k in 0..4 {
                total[k] = i64::from(delta[k] + outcome.end_points[k]);
            }
            // The state does not know the criticals before it: count this
            // step's and the ending's, and the ending's fit.
            let errors = i64::from(critical + outcome.end_critical) + i64::from(!outcome.fits);
            let v = [
                weighted(total, weights),
                total[0],
                total[1],
                total[2],
                total[3],
            ];
            (v, errors)
        };
        // The best overall is one that can pass whenever one can; the
        // worst is simply the lowest.
        self.offer_best(0, values[0] - CRITICAL_WEIGHT * errors, choice);
        self.offer_worst(0, values[0], choice);
        for (o, v) in values.into_iter().enumerate().skip(1) {
            self.offer(o, v, choice);
        }
        self.right_escalation |= right_escalation;
    }

    /// Adds a choice whose path was cut at the reply limit.
    pub fn add_cut(&mut self, right_escalation: bool) {
        self.paths = self.paths.saturating_add(1);
        self.cut = true;
        self.right_escalation |= right_escalation;
    }

    /// Adds the paths behind choice `choice`, which earns `delta` on the way
    /// (already counted in the child's values when `exact`).
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        choice: u32,
        delta: [i32; 4],
        critical: i32,
        child: &Value,
        weights: [i64; 4],
        exact: bool,
        right_escalation: bool,
    ) {
        self.paths = self.paths.saturating_add(child.paths);
        let (d, errors) = if exact {
            ([0; 4], 0)
        } else {
            (delta.map(i64::from), i64::from(critical))
        };
        let here = [weighted(d, weights), d[0], d[1], d[2], d[3]];
        // Overall: the best carries the error weight, the worst does not
        // (see `add_leaf`), so the two ends are never offered to each other.
        if let Some(b) = child.best[0] {
            self.offer_best(0, here[0] - CRITICAL_WEIGHT * errors + b.points, choice);
        }
        if let Some(w) = child.worst[0] {
            self.offer_worst(0, here[0] + w.points, choice);
        }
        for (o, step) in here.into_iter().enumerate().skip(1) {
            if let Some(b) = child.best[o] {
                let w = child.worst[o].map_or(b.points, |w| w.points);
                // Offer both ends; `offer` keeps the better and the worse.
                self.offer(o, step + b.points, choice);
                self.offer(o, step + w, choice);
            }
        }
        self.right_escalation |= right_escalation || child.right_escalation;
        self.cut |= child.cut;
    }
}

/// The weighted sum of points per skill (the overall score before clamping, times the weight total).
pub fn weighted(points: [i64; 4], weights: [i64; 4]) -> i64 {
    points.iter().zip(weights).map(|(p, w)| p * w).sum()
}
