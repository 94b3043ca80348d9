//! The progress screen's data: per-skill trends, the best result per
//! scenario, the weakest skill and what to practise next, computed from the
//! attempts alone (the game draws it; `headset history` and tests read it).
//!
//! All the English of the recommendation is built in [`reason_text`] (and
//! the helpers it calls), so it can be translated in one place.
//!
//! Scores given by different rubrics do not compare (rubric 2 starts the
//! shown skills at 0, rubric 1 started every skill at 100). So every listed
//! attempt carries its rubric and, when it is not this build's, a label
//! ([`rubric_label`]); the best result of a scenario and the weakest skill
//! are judged among the attempts of the newest rubric that scored any, and
//! say which rubric that is.

use std::collections::BTreeMap;

use super::attempt::AttemptSummary;
use super::trains::{Evidence, ScenarioInfo};
use crate::scenario::{Archetype, Skill};
use crate::score::rules::RUBRIC_VERSION;

/// How many recent calls the weakest skill is judged on.
pub const RECENT: usize = 10;

/// One skill's scores over the attempts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillTrend {
    /// The skill.
    pub skill: Skill,
    /// (index of the attempt in the slice given, score), in attempt order.
    pub points: Vec<(usize, u8)>,
}

/// The best result on one scenario id (any language), among the attempts
/// scored by the newest rubric that scored any of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Best {
    /// The best overall score.
    pub overall: u8,
    /// Whether any attempt scored by that rubric passed.
    pub passed: bool,
    /// How many attempts (of every rubric).
    pub attempts: usize,
    /// The id of the attempt with the best overall (the first, on a tie).
    pub attempt_id: String,
    /// The rubric of the attempts compared.
    pub rubric: u32,
    /// "rubric v1" when that is not this build's rubric ([`rubric_label`]).
    pub label: Option<String>,
    /// Attempts scored by another (older) rubric, left out of the comparison.
    pub other_rubric: usize,
}

/// One attempt as a list of calls shows it: its score and the rubric that
/// gave it. The rest of the attempt (id, scenario, date) is
/// `attempts[index]` of the slice the view was computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRow {
    /// Its index in the slice given: the x of [`SkillTrend::points`] and
    /// [`ProgressView::overall`].
    pub index: usize,
    /// The overall score, as the rubric that scored it gave it.
    pub overall: u8,
    /// Whether it passed under that rubric.
    pub passed: bool,
    /// The rubric that scored it.
    pub rubric: u32,
    /// "rubric v1" when another rubric than this build's scored it
    /// ([`rubric_label`]): show it beside the score.
    pub label: Option<String>,
}

/// The skill to work on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weakest {
    /// The skill with the lowest mean over the recent calls.
    pub skill: Skill,
    /// That mean, rounded.
    pub mean: u8,
    /// Over how many calls (at most [`RECENT`]).
    pub calls: usize,
    /// The rubric that scored those calls (the newest that scored any).
    pub rubric: u32,
}

/// The scenario to play next, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// Scenario id.
    pub scenario: String,
    /// The language version recommended.
    pub language: String,
    /// Its title.
    pub title: String,
    /// What in the scenario trains the weakest skill, if it does.
    pub evidence: Option<Evidence>,
    /// One sentence for the trainee (English; see [`reason_text`]).
    pub reason: String,
}

/// Everything the progress screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressView {
    /// How many attempts it is computed from.
    pub attempts: usize,
    /// The rubric this build scores with.
    pub rubric: u32,
    /// Every attempt, in attempt order, with its rubric and label: the
    /// trends' points at index `i` come from `calls[i]`, so a chart or a
    /// list can mark the calls another rubric scored.
    pub calls: Vec<CallRow>,
    /// One trend per skill, in report order.
    pub trends: Vec<SkillTrend>,
    /// The overall score per attempt, in attempt order.
    pub overall: Vec<(usize, u8)>,
    /// The best result per scenario id.
    pub best: BTreeMap<String, Best>,
    /// The weakest skill, once there is an attempt.
    pub weakest: Option<Weakest>,
    /// What to play next, when the library has a scenario.
    pub recommendation: Option<Recommendation>,
}

/// The label of a score given by another rubric than this build's,
/// `"rubric v1"`; `None` for this build's rubric, whose scores need none.
pub fn rubric_label(rubric: u32) -> Option<String> {
    (rubric != RUBRIC_VERSION).then(|| format!("rubric v{rubric}"))
}

/// The skill's name in a sentence.
fn skill_name(skill: Skill) -> &'static str {
    match skill {
        Skill::Patience => "Patience",
        Skill::Listening => "Listening",
        Skill::Name => "Using the customer's name",
        Skill::Escalation => "Escalation",
    }
}

fn ordinal(n: usize) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    match WORDS.get(n.wrapping_sub(1)) {
        Some(w) => (*w).to_owned(),
        None => format!("{n}th"),
    }
}

fn evidence_text(e: &Evidence) -> String {
    match e {
        Evidence::EscalationRequired => {
            "this call must be handed to the right team, and only once you know enough.".into()
        }
        Evidence::EscalationOptional => {
            "this call may be handed over, but only after the basic steps.".into()
        }
        Evidence::UpsetCustomer(Archetype::Grieving) => {
            "this customer is grieving and needs you to slow down.".into()
        }
        Evidence::UpsetCustomer(_) => {
            "this customer is angry and vents before they can be helped.".into()
        }
        Evidence::Rude => "this customer gets rude, and a calm answer earns points.".into(),
        Evidence::Repeats => {
            "this customer is confused and repeats themselves, and a calm answer earns points."
                .into()
        }
        Evidence::LateFact { line, .. } => format!(
            "this call hides its cause in the customer's {} sentence.",
            ordinal(*line)
        ),
        Evidence::Asks => "this call rewards asking the right question.".into(),
        Evidence::NamePool => {
            "the customer's name changes from call to call, so you must catch it each time.".into()
        }
        Evidence::AlsoCorrect => {
            "the customer can be addressed correctly in more than one way.".into()
        }
    }
}

/// The reason sentence of a recommendation: the weakest skill with its
/// mean, then what in the scenario trains it. The only place its English
/// is built.
pub fn reason_text(weakest: Option<&Weakest>, evidence: Option<&Evidence>) -> String {
    let Some(w) = weakest else {
        return "You have no calls yet: this is an easy one to start with.".to_owned();
    };
    let mut over = if w.calls == 1 {
        format!("{} in your only call", w.mean)
    } else {
        format!("mean {} over your last {} calls", w.mean, w.calls)
    };
    if let Some(label) = rubric_label(w.rubric) {
        over.push_str(&format!(", scored by {label}"));
    }
    let then = evidence.map_or_else(
        || "no call in the library trains it in particular, so try the one you have done least well.".to_owned(),
        evidence_text,
    );
    format!(
        "{} is your weakest skill ({over}); {then}",
        skill_name(w.skill)
    )
}

/// The weakest skill over the last [`RECENT`] attempts scored by the
/// newest rubric that scored any (scores of two rubrics are not averaged
/// together): lowest mean, ties broken in the order patience, listening,
/// name, escalation.
pub fn weakest<A: AsRef<AttemptSummary>>(attempts: &[A]) -> Option<Weakest> {
    let rubric = attempts.iter().map(|a| a.as_ref().rubric).max()?;
    let same: Vec<&AttemptSummary> = attempts
        .iter()
        .map(AsRef::as_ref)
        .filter(|a| a.rubric == rubric)
        .collect();
    let recent = &same[same.len().saturating_sub(RECENT)..];
    if recent.is_empty() {
        return None;
    }
    let sum = |k: Skill| {
        recent
            .iter()
            .map(|a| u32::from(a.skills.get(k)))
            .sum::<u32>()
    };
    // Same count for every skill: comparing sums compares means, exactly.
    let skill = Skill::ALL
        .into_iter()
        .min_by_key(|k| sum(*k))
        .unwrap_or(Skill::Patience);
    let n = recent.len() as u32;
    Some(Weakest {
        skill,
        mean: ((sum(skill) + n / 2) / n) as u8,
        calls: recent.len(),
        rubric,
    })
}

impl ProgressView {
    /// The view for a trainee whose language is that of their latest
    /// attempt. Takes full attempts or their summaries.
    pub fn compute<A: AsRef<AttemptSummary>>(
        attempts: &[A],
        scenarios: &[ScenarioInfo],
    ) -> ProgressView {
        let language = attempts.last().map(|a| a.as_ref().language.as_str());
        ProgressView::compute_for(attempts, scenarios, language)
    }

    /// The view, preferring scenarios in `language` for the recommendation.
    pub fn compute_for<A: AsRef<AttemptSummary>>(
        all: &[A],
        scenarios: &[ScenarioInfo],
        language: Option<&str>,
    ) -> ProgressView {
        let attempts: Vec<&AttemptSummary> = all.iter().map(AsRef::as_ref).collect();
        let trends = Skill::ALL
            .into_iter()
            .map(|skill| SkillTrend {
                skill,
                points: attempts
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (i, a.skills.get(skill)))
                    .collect(),
            })
            .collect();
        let overall = attempts
            .iter()
            .enumerate()
            .map(|(i, a)| (i, a.overall))
            .collect();
        let calls = attempts
            .iter()
            .enumerate()
            .map(|(index, a)| CallRow {
                index,
                overall: a.overall,
                passed: a.passed,
                rubric: a.rubric,
                label: rubric_label(a.rubric),
            })
            .collect();
        // The newest rubric per scenario: only its attempts are compared.
        let mut newest: BTreeMap<&str, u32> = BTreeMap::new();
        for a in &attempts {
            let r = newest.entry(a.scenario.as_str()).or_insert(a.rubric);
            *r = (*r).max(a.rubric);
        }
        let mut best: BTreeMap<&str, Best> = BTreeMap::new();
        for a in &attempts {
            let rubric = newest[a.scenario.as_str()];
            let b = best.entry(a.scenario.as_str()).or_insert_with(|| Best {
                overall: 0,
                passed: false,
                attempts: 0,
                attempt_id: String::new(),
                rubric,
                label: rubric_label(rubric),
                other_rubric: 0,
            });
            b.attempts += 1;
            if a.rubric != rubric {
                b.other_rubric += 1;
                continue;
            }
            b.passed |= a.passed;
            let first = b.attempts - b.other_rubric == 1;
            if first || a.overall > b.overall {
                b.overall = a.overall;
                b.attempt_id.clone_from(&a.id);
            }
        }
        let best: BTreeMap<String, Best> =
            best.into_iter().map(|(id, b)| (id.to_owned(), b)).collect();
        let weakest = weakest(&attempts);
        let recommendation = recommend(scenarios, &best, weakest.as_ref(), language);
        ProgressView {
            attempts: attempts.len(),
            rubric: RUBRIC_VERSION,
            calls,
            trends,
            overall,
            best,
            weakest,
            recommendation,
        }
    }

    /// The trend of one skill.
    pub fn trend(&self, skill: Skill) -> &[(usize, u8)] {
        self.trends
            .iter()
            .find(|t| t.skill == skill)
            .map_or(&[], |t| &t.points)
    }
}

/// Picks the next scenario: among those that train the weakest skill (all,
/// if none does, or before the first call), the trainee's language first,
/// then not yet passed, then the lowest best score, then the easiest, then
/// the one that trains the skill in more ways.
fn recommend(
    scenarios: &[ScenarioInfo],
    best: &BTreeMap<String, Best>,
    weakest: Option<&Weakest>,
    language: Option<&str>,
) -> Option<Recommendation> {
    let training: Vec<&ScenarioInfo> = match weakest {
        Some(w) => scenarios.iter().filter(|s| s.trains(w.skill)).collect(),
        None => Vec::new(),
    };
    let pool: Vec<&ScenarioInfo> = if training.is_empty() {
        scenarios.iter().collect()
    } else {
        training
    };
    let pick = pool.into_iter().min_by_key(|s| {
        let b = best.get(&s.id);
        let passed = b.is_some_and(|b| b.passed);
        let best_score = if passed {
            b.map_or(0, |b| b.overall)
        } else {
            0
        };
        (
            language.is_some_and(|l| l != s.language),
            passed,
            best_score,
            s.difficulty,
            std::cmp::Reverse(weakest.map_or(0, |w| s.strength(w.skill))),
            s.id.clone(),
            s.language.clone(),
        )
    })?;
    let evidence = weakest.and_then(|w| pick.evidence_for(w.skill)).cloned();
    Some(Recommendation {
        scenario: pick.id.clone(),
        language: pick.language.clone(),
        title: pick.title.clone(),
        reason: reason_text(weakest, evidence.as_ref()),
        evidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_sentences() {
        let w = Weakest {
            skill: Skill::Listening,
            mean: 58,
            calls: 10,
            rubric: RUBRIC_VERSION,
        };
        assert_eq!(
            reason_text(
                Some(&w),
                Some(&Evidence::LateFact {
                    node: "open".into(),
                    line: 3
                })
            ),
            "Listening is your weakest skill (mean 58 over your last 10 calls); this call hides its cause in the customer's third sentence."
        );
        let one = Weakest { calls: 1, ..w };
        assert!(
            reason_text(Some(&one), None)
                .starts_with("Listening is your weakest skill (58 in your only call); no call")
        );
        assert!(reason_text(None, None).contains("no calls yet"));
        let old = Weakest { rubric: 1, ..w };
        assert!(
            reason_text(Some(&old), None).starts_with(
                "Listening is your weakest skill (mean 58 over your last 10 calls, scored by rubric v1); "
            ),
            "{}",
            reason_text(Some(&old), None)
        );
        assert_eq!(rubric_label(1).as_deref(), Some("rubric v1"));
        assert_eq!(rubric_label(RUBRIC_VERSION), None);
        assert_eq!(ordinal(12), "12th");
    }
}
