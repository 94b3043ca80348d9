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

/// The points still reachable from a state and the choice (index into the
/// state's choices) that starts the path to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick {
    pub points: i64,
    pub choice: u32,
}

/// The summary of every path from one state.
#[derive(Debug, Clone)]
pub struct Value {
    /// Distinct paths (input sequences) to the end of the call; saturates.
    pub paths: u128,
    pub best: [Option<Pick>; OBJECTIVES],
    pub worst: [Option<Pick>; OBJECTIVES],
    /// Per ending: whether any path reaches it.
    pub reachable: Vec<bool>,
    /// Per ending: the chance that random play ends there.
    pub random_share: Vec<f64>,
    /// Some path escalates to a right target after hearing what it must.
    pub right_escalation: bool,
    /// Some path was cut at the reply limit.
    pub cut: bool,
}

impl Value {
    /// Starts an empty summary for `endings` endings.
    pub fn empty(endings: usize) -> Value {
        Value {
            paths: 0,
            best: [None; OBJECTIVES],
            worst: [None; OBJECTIVES],
            reachable: vec![false; endings],
            random_share: vec![0.0; endings],
            right_escalation: false,
            cut: false,
        }
    }

    fn offer(&mut self, o: usize, points: i64, choice: u32) {
        if self.best[o].is_none_or(|p| points > p.points) {
            self.best[o] = Some(Pick { points, choice });
        }
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
        outcome: &Outcome,
        weights: [i64; 4],
        exact: bool,
        random_weight: f64,
        right_escalation: bool,
    ) {
        self.paths = self.paths.saturating_add(1);
        let values = if exact {
            let s = outcome.skills;
            [
                outcome.overall,
                s.patience,
                s.listening,
                s.name,
                s.escalation,
            ]
            .map(i64::from)
        } else {
            let mut total = [0i64; 4];
            for k in 0..4 {
                total[k] = i64::from(delta[k] + outcome.end_points[k]);
            }
            [
                weighted(total, weights),
                total[0],
                total[1],
                total[2],
                total[3],
            ]
        };
        for (o, v) in values.into_iter().enumerate() {
            self.offer(o, v, choice);
        }
        self.reachable[outcome.ending] = true;
        self.random_share[outcome.ending] += random_weight;
        self.right_escalation |= right_escalation;
    }

    /// Adds a choice whose path was cut at the reply limit.
    pub fn add_cut(&mut self, right_escalation: bool) {
        self.paths = self.paths.saturating_add(1);
        self.cut = true;
        self.right_escalation |= right_escalation;
    }

    /// Adds the paths behind choice `choice`, which earns `delta` on the way
    /// (already counted in the child's values when `exact`); `random_weight`
    /// is the chance that random play takes it.
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        choice: u32,
        delta: [i32; 4],
        child: &Value,
        weights: [i64; 4],
        exact: bool,
        random_weight: f64,
        right_escalation: bool,
    ) {
        self.paths = self.paths.saturating_add(child.paths);
        let d = if exact { [0; 4] } else { delta.map(i64::from) };
        let here = [weighted(d, weights), d[0], d[1], d[2], d[3]];
        for (o, step) in here.into_iter().enumerate() {
            if let Some(b) = child.best[o] {
                let w = child.worst[o].map_or(b.points, |w| w.points);
                // Offer both ends; `offer` keeps the better and the worse.
                self.offer(o, step + b.points, choice);
                self.offer(o, step + w, choice);
            }
        }
        for (mine, theirs) in self.reachable.iter_mut().zip(&child.reachable) {
            *mine |= theirs;
        }
        if random_weight > 0.0 {
            for (mine, theirs) in self.random_share.iter_mut().zip(&child.random_share) {
                *mine += random_weight * theirs;
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
