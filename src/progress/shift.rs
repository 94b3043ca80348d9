//! Practice shifts: a seeded, reproducible sequence of calls, weighted
//! toward the trainee's weakest skill, and the summary at its end.
//!
//! The shift id spells out everything the plan depends on besides the
//! library (seed, length, skill, language), so a trainer can hand the same
//! id to several trainees and [`replan`] gives each of them the same calls,
//! whatever their own weakest skill.

use super::attempt::{AttemptSummary, Scores};
use super::trains::ScenarioInfo;
use crate::scenario::Skill;
use crate::sim::rng::Rng;

/// How much more likely a scenario that trains the weakest skill is drawn.
pub const TRAINING_WEIGHT: usize = 3;

/// A planned practice shift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    /// `<seed, 16 hex>-<calls>-<skill>-<language>`, e.g.
    /// `00000000000004d2-5-listening-en`: stored with each attempt.
    pub id: String,
    /// The seed.
    pub seed: u64,
    /// The scenario ids to play, in order (play each in `language`).
    pub scenario_ids: Vec<String>,
}

/// What a shift id says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftSpec {
    pub seed: u64,
    pub calls: usize,
    pub weakest: Skill,
    pub language: String,
}

/// The id of a shift.
pub fn shift_id(seed: u64, calls: usize, weakest: Skill, language: &str) -> String {
    format!("{seed:016x}-{calls}-{}-{language}", weakest.key())
}

/// Reads a shift id back (`None` if it is not one).
pub fn parse_shift_id(id: &str) -> Option<ShiftSpec> {
    let mut parts = id.splitn(4, '-');
    let seed = u64::from_str_radix(parts.next()?, 16).ok()?;
    let calls = parts.next()?.parse().ok()?;
    let skill = parts.next()?;
    let weakest = Skill::ALL.into_iter().find(|s| s.key() == skill)?;
    let language = parts.next()?.to_owned();
    Some(ShiftSpec {
        seed,
        calls,
        weakest,
        language,
    })
}

/// Plans `n` calls: scenarios in `language` (all, if none is), each drawn
/// with weight [`TRAINING_WEIGHT`] if it trains `weakest` and 1 otherwise,
/// never the same scenario twice in a row (unless there is only one).
/// Same arguments and library, same shift: the candidates are sorted by id
/// first, so the library's order does not matter.
pub fn plan_shift(
    seed: u64,
    n: usize,
    weakest: Skill,
    scenarios: &[ScenarioInfo],
    language: &str,
) -> Shift {
    let in_language: Vec<&ScenarioInfo> = scenarios
        .iter()
        .filter(|s| s.language == language)
        .collect();
    let pool_src = if in_language.is_empty() {
        scenarios.iter().collect()
    } else {
        in_language
    };
    // (id, weight), one entry per id.
    let mut pool: Vec<(&str, usize)> = Vec::new();
    let mut sorted = pool_src;
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    for s in sorted {
        let w = if s.trains(weakest) {
            TRAINING_WEIGHT
        } else {
            1
        };
        match pool.last_mut() {
            Some((id, weight)) if *id == s.id => *weight = (*weight).max(w),
            _ => pool.push((&s.id, w)),
        }
    }
    let mut rng = Rng::new(seed);
    let mut picks: Vec<String> = Vec::with_capacity(n);
    if !pool.is_empty() {
        for _ in 0..n {
            let last = picks.last().map(String::as_str);
            let candidates: Vec<&(&str, usize)> = pool
                .iter()
                .filter(|(id, _)| pool.len() == 1 || Some(*id) != last)
                .collect();
            let total: usize = candidates.iter().map(|(_, w)| w).sum();
            let mut r = rng.below(total);
            let mut chosen = candidates[0].0;
            for (id, w) in &candidates {
                if r < *w {
                    chosen = id;
                    break;
                }
                r -= w;
            }
            picks.push(chosen.to_owned());
        }
    }
    Shift {
        id: shift_id(seed, n, weakest, language),
        seed,
        scenario_ids: picks,
    }
}

/// The shift a shift id stands for, on this library.
pub fn replan(id: &str, scenarios: &[ScenarioInfo]) -> Option<Shift> {
    let s = parse_shift_id(id)?;
    Some(plan_shift(
        s.seed,
        s.calls,
        s.weakest,
        scenarios,
        &s.language,
    ))
}

/// One call of a shift, for "best" and "worst".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRef {
    pub attempt_id: String,
    pub scenario: String,
    pub overall: u8,
}

/// The end-of-shift summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftSummary {
    /// The shift id.
    pub shift: String,
    /// Calls played in it.
    pub calls: usize,
    /// Calls passed.
    pub passed: usize,
    /// Mean score per skill, rounded.
    pub mean: Scores,
    /// Mean overall, rounded.
    pub mean_overall: u8,
    /// The call with the highest overall (the first, on a tie).
    pub best: Option<CallRef>,
    /// The call with the lowest overall (the first, on a tie).
    pub worst: Option<CallRef>,
}

impl ShiftSummary {
    /// Summarises the attempts stored with this shift id (a shift played
    /// twice counts both times).
    pub fn compute<A: AsRef<AttemptSummary>>(shift: &str, attempts: &[A]) -> ShiftSummary {
        let mine: Vec<&AttemptSummary> = attempts
            .iter()
            .map(AsRef::as_ref)
            .filter(|a| a.shift.as_deref() == Some(shift))
            .collect();
        let n = mine.len() as u32;
        let mean = |f: &dyn Fn(&AttemptSummary) -> u8| -> u8 {
            let sum: u32 = mine.iter().map(|a| u32::from(f(a))).sum();
            (sum + n / 2).checked_div(n).unwrap_or(0) as u8
        };
        let call = |a: &&AttemptSummary| CallRef {
            attempt_id: a.id.clone(),
            scenario: a.scenario.clone(),
            overall: a.overall,
        };
        let mut best: Option<&AttemptSummary> = None;
        let mut worst: Option<&AttemptSummary> = None;
        for a in &mine {
            if best.is_none_or(|b| a.overall > b.overall) {
                best = Some(a);
            }
            if worst.is_none_or(|w| a.overall < w.overall) {
                worst = Some(a);
            }
        }
        ShiftSummary {
            shift: shift.to_owned(),
            calls: mine.len(),
            passed: mine.iter().filter(|a| a.passed).count(),
            mean: Scores {
                patience: mean(&|a| a.skills.patience),
                listening: mean(&|a| a.skills.listening),
                name: mean(&|a| a.skills.name),
                escalation: mean(&|a| a.skills.escalation),
            },
            mean_overall: mean(&|a| a.overall),
            best: best.as_ref().map(call),
            worst: worst.as_ref().map(call),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Archetype;

    fn info(id: &str, lang: &str, trains: &[Skill]) -> ScenarioInfo {
        ScenarioInfo {
            id: id.into(),
            language: lang.into(),
            title: id.into(),
            archetype: Archetype::Calm,
            difficulty: 1,
            trains: trains.to_vec(),
            evidence: Vec::new(),
        }
    }

    fn library() -> Vec<ScenarioInfo> {
        vec![
            info("a", "en", &[Skill::Listening]),
            info("b", "en", &[Skill::Patience]),
            info("c", "en", &[Skill::Name]),
            info("d", "en", &[Skill::Listening, Skill::Name]),
            info("a", "de", &[Skill::Listening]),
            info("e", "de", &[Skill::Escalation]),
        ]
    }

    #[test]
    fn same_seed_same_shift_whatever_the_library_order() {
        let lib = library();
        let one = plan_shift(42, 20, Skill::Listening, &lib, "en");
        let mut reversed = lib.clone();
        reversed.reverse();
        let two = plan_shift(42, 20, Skill::Listening, &reversed, "en");
        assert_eq!(one, two);
        assert_eq!(one.scenario_ids.len(), 20);
        assert_eq!(replan(&one.id, &lib), Some(one.clone()));
        let other = plan_shift(43, 20, Skill::Listening, &lib, "en");
        assert_ne!(
            one.scenario_ids, other.scenario_ids,
            "another seed, another shift"
        );
        // Pinned: if this changes, shifts handed out by trainers change.
        assert_eq!(one.id, "000000000000002a-20-listening-en");
    }

    #[test]
    fn no_immediate_repeats_only_the_language_and_weighted_to_the_skill() {
        let lib = library();
        let mut training = 0;
        let mut total = 0;
        for seed in 0..200 {
            let s = plan_shift(seed, 10, Skill::Listening, &lib, "en");
            for w in s.scenario_ids.windows(2) {
                assert_ne!(w[0], w[1], "seed {seed}: {:?}", s.scenario_ids);
            }
            for id in &s.scenario_ids {
                assert!(["a", "b", "c", "d"].contains(&id.as_str()), "{id}");
                total += 1;
                training += usize::from(id == "a" || id == "d");
            }
        }
        // Weights 3,1,1,3: about three quarters train listening.
        let share = training as f64 / total as f64;
        assert!((0.65..0.85).contains(&share), "{share}");
    }

    #[test]
    fn a_one_scenario_library_repeats_and_an_empty_one_plans_nothing() {
        let lib = vec![info("a", "en", &[])];
        let s = plan_shift(1, 3, Skill::Name, &lib, "nl");
        assert_eq!(s.scenario_ids, vec!["a", "a", "a"]);
        assert!(
            plan_shift(1, 3, Skill::Name, &[], "en")
                .scenario_ids
                .is_empty()
        );
    }
}
