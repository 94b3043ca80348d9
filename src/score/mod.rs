//! The rubric: patience, listening, name and escalation, scored 0 to 100
//! from moments the debrief can point to. docs/scoring.md is its manual.

pub mod moment;
pub mod reasons;
pub mod rules;
pub mod scorer;

use serde::{Deserialize, Serialize};

pub mod failure;

pub use failure::Failure;
pub use moment::{Moment, Tone, Why, tone};
pub use scorer::{Mark, Moments, RawMoment, Scorer, Tally};

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
    /// The lowest score a skill may have in a passed call.
    pub skill_floor: u8,
    pub passed: bool,
    /// Why the call did not pass, most serious first (empty when passed).
    pub failures: Vec<Failure>,
    /// The rubric version that scored it ([`rules::RUBRIC_VERSION`]).
    pub rubric: u32,
    /// The ending's id ("unfinished" when the call had not ended).
    pub ending: String,
    pub ending_kind: EndingKind,
    pub moments: Vec<Moment>,
}

impl Report {
    /// The critical errors, in call order.
    pub fn critical(&self) -> impl Iterator<Item = &Moment> {
        self.moments.iter().filter(|m| m.critical)
    }
}

/// Skill scores from moments: each skill's base plus its moment points,
/// clamped to 0..=100.
pub fn skills_from(moments: &[RawMoment]) -> Skills {
    let mut points = [0; 4];
    for m in moments {
        points[m.skill as usize] += m.points;
    }
    skills_from_points(points)
}

/// Skill scores from the summed points of each skill (in `Skill::ALL` order).
pub fn skills_from_points(points: [i32; 4]) -> Skills {
    let score = |skill: Skill| (rules::base(skill) + points[skill as usize]).clamp(0, 100) as u8;
    Skills {
        patience: score(Skill::Patience),
        listening: score(Skill::Listening),
        name: score(Skill::Name),
        escalation: score(Skill::Escalation),
    }
}

/// Whether a call that ended so can pass at all, whatever its score: it
/// ended in `Resolved`, or in `Escalated` after a hand-over to a right
/// target under a policy that allows one (docs/scoring.md, "Passing").
pub fn ending_fits(end: &EndRecord, escalated_right: bool) -> bool {
    match end.cause {
        EndCause::AgentHangUp | EndCause::Unfinished => return false,
        _ => {}
    }
    match end.kind {
        EndingKind::Resolved => true,
        EndingKind::Escalated => escalated_right,
        EndingKind::HungUp | EndingKind::Unresolved => false,
    }
}

/// Every reason a call does not pass, most serious first: critical errors,
/// an ending that does not fit the policy, skills below the floor, the
/// overall below the pass mark. Empty: the call passes.
pub fn failures(
    skills: &Skills,
    overall: u8,
    s: &crate::scenario::Scenario,
    critical: usize,
    ending_fits: bool,
    ending_kind: EndingKind,
) -> Vec<Failure> {
    let mut out = Vec::new();
    if critical > 0 {
        out.push(Failure::Critical { count: critical });
    }
    if !ending_fits {
        out.push(Failure::Ending { kind: ending_kind });
    }
    for skill in Skill::ALL {
        let score = skills.get(skill);
        if score < s.skill_floor {
            out.push(Failure::SkillBelowFloor {
                skill,
                score,
                floor: s.skill_floor,
            });
        }
    }
    if overall < s.pass_mark {
        out.push(Failure::BelowPassMark {
            overall,
            pass_mark: s.pass_mark,
        });
    }
    out
}

/// Whether a call passes: [`failures`] would be empty. The explorer asks
/// this millions of times, so it builds no list.
pub fn passes(
    skills: &Skills,
    overall: u8,
    s: &crate::scenario::Scenario,
    critical: bool,
    ending_fits: bool,
) -> bool {
    ending_fits
        && !critical
        && overall >= s.pass_mark
        && Skill::ALL.iter().all(|&k| skills.get(k) >= s.skill_floor)
}

/// Every moment of a call so far, unworded, with the rubric's final state
/// (the explorer and tests use this).
pub fn raw_moments(session: &Session) -> (Vec<RawMoment>, EndRecord, Scorer) {
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
        dead_air: session.dead_air(),
    });
    let last_entry = session.transcript.len().checked_sub(1);
    // An unfinished call is judged as it stands: EndCause::Unfinished
    // triggers no rule about how the call ended, and never passes.
    scorer.end(c, &end, last_entry, &mut raw);
    (raw, end, scorer)
}

/// Scores a call (finished or not) and words every moment in the scenario's language.
pub fn score(session: &Session) -> Report {
    let c = session.compiled();
    let s = &c.scenario;
    let (mut raw, end, scorer) = raw_moments(session);
    // The debrief reads in call order; within a turn, in rubric order.
    raw.sort_by_key(|m| (m.turn, m.skill));
    let skills = skills_from(&raw);
    let overall = skills.overall(&s.weights);
    let name = &session.persona().address_as;
    let critical = raw.iter().filter(|m| m.critical).count();
    let fits = ending_fits(&end, scorer.escalated_right);
    let failures = failures(&skills, overall, s, critical, fits, end.kind);
    let moments = raw
        .into_iter()
        .map(|m| {
            let (reason, tip) = reasons::words(&m.why, &s.language, name);
            Moment {
                turn: m.turn,
                skill: m.skill,
                points: m.points,
                critical: m.critical,
                reason,
                tip,
                rule: m.why.rule(),
                entry: m.entry,
            }
        })
        .collect();
    Report {
        skills,
        overall,
        pass_mark: s.pass_mark,
        skill_floor: s.skill_floor,
        passed: failures.is_empty(),
        failures,
        rubric: rules::RUBRIC_VERSION,
        ending: end.ending,
        ending_kind: end.kind,
        moments,
    }
}
