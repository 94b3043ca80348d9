//! Replaying a stored attempt: the engine plays the stored inputs again and
//! the result is compared with what was stored. A trainer can trust a score
//! only if this says `Identical`; if the scenario file changed since, the
//! replay is not attempted and the screen says which version changed.
//!
//! A replay always scores with this build's rubric. An attempt scored by
//! another rubric (every record from before rubric v2 is rubric 1) cannot
//! give its stored score again, and that is no fault of the record: only
//! the call itself (inputs, transcript, ending) is checked, and the answer
//! is `Rescored`, which shows both scores with the rubric of each.

use std::fmt;
use std::sync::Arc;

use super::attempt::{Attempt, Scores, StoredMoment};
use super::checksum::content_hash;
use super::input::{InputRefused, play_back};
use crate::score::rules::RUBRIC_VERSION;
use crate::score::score;
use crate::sim::Compiled;

/// One way a replay differs from the stored attempt.
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    /// A stored input was refused by the engine.
    Input(InputRefused),
    /// The call ended differently.
    Ending { stored: String, replayed: String },
    /// The skill scores or the overall score differ.
    Score {
        stored: (Scores, u8),
        replayed: (Scores, u8),
    },
    /// Passed in one, not in the other.
    Passed { stored: bool, replayed: bool },
    /// The transcript differs from this line on (1-based).
    Transcript { line: usize },
    /// The moments differ from this one on (1-based).
    Moments { moment: usize },
    /// The attempt was scored by another rubric than the replay: scores,
    /// pass and moments are not compared, only the call itself. Listed
    /// first, so a message about the call says which rubric is which.
    Rubric { stored: u32, replayed: u32 },
}

/// A score with the rubric that gave it: what a replay under another
/// rubric shows side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    /// The rubric that gave it.
    pub rubric: u32,
    /// The four skill scores.
    pub skills: Scores,
    /// The overall score.
    pub overall: u8,
    /// Whether the call passed under that rubric.
    pub passed: bool,
}

impl fmt::Display for Scored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.skills;
        write!(
            f,
            "overall {}, {} (patience {}, listening {}, name {}, escalation {})",
            self.overall,
            if self.passed { "passed" } else { "not passed" },
            s.patience,
            s.listening,
            s.name,
            s.escalation
        )
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Input(e) => write!(f, "{e}"),
            Difference::Ending { stored, replayed } => {
                write!(f, "the call ended in \"{replayed}\", not \"{stored}\"")
            }
            Difference::Score { stored, replayed } => write!(
                f,
                "overall {} instead of {} (patience {}/{}, listening {}/{}, name {}/{}, escalation {}/{})",
                replayed.1,
                stored.1,
                replayed.0.patience,
                stored.0.patience,
                replayed.0.listening,
                stored.0.listening,
                replayed.0.name,
                stored.0.name,
                replayed.0.escalation,
                stored.0.escalation
            ),
            Difference::Passed { stored, replayed } => write!(
                f,
                "{} instead of {}",
                if *replayed { "passed" } else { "not passed" },
                if *stored { "passed" } else { "not passed" }
            ),
            Difference::Transcript { line } => {
                write!(f, "the transcript differs from line {line} on")
            }
            Difference::Moments { moment } => {
                write!(f, "the debrief differs from moment {moment} on")
            }
            Difference::Rubric { stored, replayed } => write!(
                f,
                "the stored score was given by rubric v{stored} and the replayed score by rubric v{replayed}, so the scores are not compared"
            ),
        }
    }
}

/// The outcome of a replay.
#[derive(Debug, Clone, PartialEq)]
pub enum Replay {
    /// Same transcript, moments, scores, pass and ending.
    Identical,
    /// The attempt was scored by another rubric than this build's: the
    /// call plays again exactly (every input accepted, same transcript and
    /// ending), and this build's rubric scores it anew. Not a failed
    /// check: the scores may differ because the rules did.
    Rescored {
        /// The score as stored, with its rubric.
        stored: Scored,
        /// The score this build's rubric gives the replayed call.
        replayed: Scored,
    },
    /// The scenario is the one played, but the result is not the same
    /// (an engine change, a rubric change under the same rubric version,
    /// or a damaged record).
    Differs { what: Vec<Difference> },
    /// The scenario file is not the text the attempt was played on.
    ScenarioChanged {
        stored_version: u32,
        current_version: u32,
        stored_hash: String,
        current_hash: String,
    },
}

impl Replay {
    /// One sentence for the screen.
    pub fn describe(&self, scenario: &str) -> String {
        match self {
            Replay::Identical => "The replay gives exactly the stored result.".to_owned(),
            Replay::Rescored { stored, replayed } => format!(
                "The call plays again exactly as stored. Its stored score was given by rubric v{}: {stored}. Replayed, it is scored by rubric v{}: {replayed}. {}",
                stored.rubric,
                replayed.rubric,
                if (stored.skills, stored.overall, stored.passed)
                    == (replayed.skills, replayed.overall, replayed.passed)
                {
                    "Both rubrics give the same score."
                } else {
                    "The scores differ because the rubric changed, not because the record did."
                }
            ),
            Replay::Differs { what } => format!(
                "The replay differs from the stored result: {}.",
                what.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Replay::ScenarioChanged {
                stored_version,
                current_version,
                ..
            } if stored_version != current_version => format!(
                "The scenario \"{scenario}\" changed since this call: it was played on version {stored_version}, the file is now version {current_version}."
            ),
            Replay::ScenarioChanged { stored_version, .. } => format!(
                "The scenario \"{scenario}\" was edited since this call without a new version number (still version {stored_version}, but the text differs)."
            ),
        }
    }
}

fn first_difference<T: PartialEq>(a: &[T], b: &[T]) -> Option<usize> {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .or_else(|| (a.len() != b.len()).then(|| a.len().min(b.len())))
        .map(|i| i + 1)
}

/// Plays a stored attempt again on `compiled` (built from `source`, the
/// scenario file's text now) and compares. The content hash is checked
/// first: a changed file gives `ScenarioChanged` without replaying.
pub fn replay(attempt: &Attempt, compiled: Arc<Compiled>, source: &str) -> Replay {
    let current_hash = content_hash(source);
    if current_hash != attempt.content_hash || compiled.scenario.id != attempt.scenario {
        return Replay::ScenarioChanged {
            stored_version: attempt.scenario_version,
            current_version: compiled.scenario.version,
            stored_hash: attempt.content_hash.clone(),
            current_hash,
        };
    }
    // Scores of another rubric cannot come back: only the call is checked.
    let rescored = attempt.rubric != RUBRIC_VERSION;
    let mut what = Vec::new();
    if rescored {
        what.push(Difference::Rubric {
            stored: attempt.rubric,
            replayed: RUBRIC_VERSION,
        });
    }
    let session = match play_back(
        compiled,
        attempt.seed,
        &attempt.options,
        &attempt.inputs,
        attempt.duration_ms,
    ) {
        Ok(s) => s,
        Err(e) => {
            what.push(Difference::Input(e));
            return Replay::Differs { what };
        }
    };
    let report = score(&session);
    if report.ending != attempt.ending {
        what.push(Difference::Ending {
            stored: attempt.ending.clone(),
            replayed: report.ending.clone(),
        });
    }
    let replayed = (report.skills, report.overall);
    if !rescored && replayed != (attempt.skills, attempt.overall) {
        what.push(Difference::Score {
            stored: (attempt.skills, attempt.overall),
            replayed,
        });
    }
    if !rescored && report.passed != attempt.passed {
        what.push(Difference::Passed {
            stored: attempt.passed,
            replayed: report.passed,
        });
    }
    if let Some(line) = first_difference(&attempt.transcript, &session.transcript) {
        what.push(Difference::Transcript { line });
    }
    let moments: Vec<StoredMoment> = report.moments.iter().map(StoredMoment::from).collect();
    if !rescored && let Some(moment) = first_difference(&attempt.moments, &moments) {
        what.push(Difference::Moments { moment });
    }
    if rescored && what.len() == 1 {
        Replay::Rescored {
            stored: Scored {
                rubric: attempt.rubric,
                skills: attempt.skills,
                overall: attempt.overall,
                passed: attempt.passed,
            },
            replayed: Scored {
                rubric: report.rubric,
                skills: report.skills,
                overall: report.overall,
                passed: report.passed,
            },
        }
    } else if what.is_empty() {
        Replay::Identical
    } else {
        Replay::Differs { what }
    }
}
