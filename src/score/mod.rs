//! The rubric: patience, listening, name and escalation, scored 0 to 100
//! from moments the debrief can point to. docs/scoring.md is its manual.

pub mod moment;
pub mod reasons;
pub mod rules;
pub mod scorer;

use serde::{Deserialize, Serialize};

pub use moment::{Moment, Why};
pub use scorer::{Moments, RawMoment, Scorer, Tally};

use crate::scenario::{EndingKind, Skill, Weights};
use crate::sim::{EndCause, EndRecord, Session};

/// The four skill scores, 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Skills {
    pub patience: u8,
    pub listening: u8,
    pub name: u8,
    pub escalation: u8,
}

impl Skills {
    /// The score of one skill.
    pub fn get(&self, skill: Skill) -> u8 {
        match skill {
            Skill::Patience => self.patience,
            Skill::Listening => self.listening,
            Skill::Name => self.name,
            Skill::Escalation => self.escalation,
        }
    }

    /// The weighted mean, rounded to a whole number.
    pub fn overall(&self, w: &Weights) -> u8 {
        let total = w.patience + w.listening + w.name + w.escalation;
        if total == 0 {
            return 0;
        }
        let sum = u32::from(self.patience) * w.patience
            + u32::from(self.listening) * w.listening
            + u32::from(self.name) * w.name
            + u32::from(self.escalation) * w.escalation;
        ((sum + total / 2) / total) as u8
    }
}

/// The result of a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub skills: Skills,
    pub overall: u8,
    pub pass_mark: u8,
    pub passed: bool,
    /// The ending's id ("unfinished" when the call had not ended).
    pub ending: String,
    pub ending_kind: EndingKind,
    pub moments: Vec<Moment>,
}

/// Skill scores from moments: 100 plus the moment points, clamped to 0..=100.
pub fn skills_from(moments: &[RawMoment]) -> Skills {
    let mut points = [0; 4];
    for m in moments {
        points[m.skill as usize] += m.points;
    }
    skills_from_points(points)
}

/// Skill scores from the summed points of each skill (in `Skill::ALL` order).
pub fn skills_from_points(points: [i32; 4]) -> Skills {
    let score = |skill: Skill| (rules::BASE + points[skill as usize]).clamp(0, 100) as u8;
    Skills {
        patience: score(Skill::Patience),
        listening: score(Skill::Listening),
        name: score(Skill::Name),
        escalation: score(Skill::Escalation),
    }
}

/// Whether a call passes: the pass mark reached, the call ended, and not by
/// either side hanging up (docs/scoring.md, "Passing").
pub fn passes(overall: u8, pass_mark: u8, end: &EndRecord) -> bool {
    overall >= pass_mark && ending_may_pass(end)
}

/// Whether a call that ended so can pass at all, whatever its score.
pub fn ending_may_pass(end: &EndRecord) -> bool {
    end.kind != EndingKind::HungUp
        && end.cause != EndCause::AgentHangUp
        && end.cause != EndCause::Unfinished
}

/// Every moment of a call so far, unworded (the explorer and tests use this).
pub fn raw_moments(session: &Session) -> (Vec<RawMoment>, EndRecord) {
    let c = session.compiled();
    let mut scorer = Scorer::default();
    let mut raw = Vec::new();
    for a in &session.records {
        scorer.action(c, a, &mut raw);
    }
    let end = session.end().cloned().unwrap_or_else(|| EndRecord {
        ending: "unfinished".into(),
        kind: EndingKind::Unresolved,
        cause: EndCause::Unfinished,
        mood: session.mood(),
        heard: session.heard(),
        t_ms: session.now(),
        turns: session.turn(),
    });
    let last_entry = session.transcript.len().checked_sub(1);
    // An unfinished call is judged as it stands: EndCause::Unfinished
    // triggers no rule about how the call ended.
    scorer.end(c, &end, last_entry, &mut raw);
    (raw, end)
}

/// Scores a call (finished or not) and words every moment in the scenario's language.
pub fn score(session: &Session) -> Report {
    let c = session.compiled();
    let s = &c.scenario;
    let (mut raw, end) = raw_moments(session);
    // The debrief reads in call order; within a turn, in rubric order.
    raw.sort_by_key(|m| (m.turn, m.skill));
    let skills = skills_from(&raw);
    let overall = skills.overall(&s.weights);
    let name = &session.persona().address_as;
    let moments = raw
        .into_iter()
        .map(|m| {
            let (reason, tip) = reasons::words(&m.why, &s.language, name);
            Moment {
                turn: m.turn,
                skill: m.skill,
                points: m.points,
                reason,
                tip,
                rule: m.why.rule(),
                entry: m.entry,
            }
        })
        .collect();
    let passed = passes(overall, s.pass_mark, &end);
    Report {
        skills,
        overall,
        pass_mark: s.pass_mark,
        passed,
        ending: end.ending,
        ending_kind: end.kind,
        moments,
    }
}
