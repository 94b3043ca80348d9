//! A finished call as it is kept: everything needed to trust it (scores,
//! moments, transcript) and to replay it (scenario id, version and content
//! hash, seed, options, the input log with times).
//!
//! Stored as two JSON lines (see `store`): the summary in the attempt log,
//! the transcript and moments in the detail log.
//! Fields are only ever added, with `#[serde(default)]`, so old records keep
//! loading; a change that old builds must not misread bumps
//! [`FORMAT_VERSION`], and an old build then sets such records aside
//! instead of showing something wrong.
//!
//! Every attempt names the rubric that scored it (`rubric`). Scores are
//! kept as they were given, never re-scored: a rubric-1 record (one written
//! before the field existed) keeps its rubric-1 score, and the history, the
//! progress view, the CSV export and the xAPI statements say which rubric
//! a score comes from.

use serde::{Deserialize, Serialize};

use super::checksum::content_hash;
use super::input::{EngineOptions, InputRecord};
use crate::scenario::{EndingKind, Skill};
use crate::score::{Moment, Report, Tone, tone};
use crate::sim::{Entry, Session};

/// The record format this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// The four skill scores of a call, 0 to 100, as stored: the rubric's own
/// type (same fields, same JSON), under the name the history uses.
pub use crate::score::Skills as Scores;

/// A moment of the debrief as stored: the rubric's `Moment` with an owned
/// rule name, so it can be read back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredMoment {
    /// The agent's action it belongs to (1-based; 0 before the first).
    pub turn: u32,
    /// The skill it counts for.
    pub skill: Skill,
    /// Points won (positive) or lost (negative).
    pub points: i32,
    /// A critical error: the call failed whatever the points. Rubric v1
    /// had none, so its records read `false`.
    #[serde(default)]
    pub critical: bool,
    /// Why, in the scenario's language, as the debrief said it.
    pub reason: String,
    /// What a good agent does.
    pub tip: String,
    /// The rule that produced it (`Why::rule`).
    pub rule: String,
    /// Transcript line it points at.
    pub entry: Option<usize>,
}

impl StoredMoment {
    /// How the debrief shows it (works for rubric-1 records too).
    pub fn tone(&self) -> Tone {
        tone(&self.rule, self.points, self.critical)
    }
}

impl From<&Moment> for StoredMoment {
    fn from(m: &Moment) -> Self {
        StoredMoment {
            turn: m.turn,
            skill: m.skill,
            points: m.points,
            critical: m.critical,
            reason: m.reason.clone(),
            tip: m.tip.clone(),
            rule: m.rule.to_owned(),
            entry: m.entry,
        }
    }
}

/// What the progress view, the history table, the CSV export and a replay
/// need of an attempt: everything but the transcript and the moments. It is
/// a seventh of the size, so 10,000 of them load in a few tens of
/// milliseconds (see `store`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptSummary {
    /// Record format ([`FORMAT_VERSION`] when written by this build).
    pub format: u32,
    /// Unique id: start time in ms and seed, in hex (`18bcfe56800-0000000000000001`).
    pub id: String,
    /// The trainee's profile name, exactly as they typed it.
    pub profile: String,
    /// Scenario id (shared by its language versions).
    pub scenario: String,
    /// The version the author gave the scenario.
    pub scenario_version: u32,
    /// [`content_hash`] of the scenario file's text.
    pub content_hash: String,
    /// The scenario's language.
    pub language: String,
    /// The call's seed (name, wording, reply order).
    pub seed: u64,
    /// How the call was played.
    pub options: EngineOptions,
    /// Every accepted input with its call time.
    pub inputs: Vec<InputRecord>,
    /// The four skill scores.
    pub skills: Scores,
    /// The weighted overall score.
    pub overall: u8,
    /// The score needed to pass.
    pub pass_mark: u8,
    /// Whether the call passed.
    pub passed: bool,
    /// The rubric that gave these scores (`score::rules::RUBRIC_VERSION`
    /// when the call was played). Records written before the rubric was
    /// versioned have none and read as 1: their scores stay as stored,
    /// and every list labels them, since another rubric's scores do not
    /// compare with this one's.
    #[serde(default = "rubric_v1")]
    pub rubric: u32,
    /// Why the call did not pass, most serious first, each reason once:
    /// the keys of `score::Failure` (`critical`, `ending`,
    /// `skill-below-floor`, `below-pass-mark`). Empty when it passed, and
    /// in rubric-1 records, which did not keep the reasons.
    #[serde(default)]
    pub failures: Vec<String>,
    /// The critical errors of the call, in call order, by rule name
    /// (`Why::rule`, e.g. `over-promise`): each fails the call whatever the
    /// points. Kept here as well as among the moments so the history, the
    /// export and the xAPI result need only the summary. Empty in rubric-1
    /// records (that rubric had no critical errors).
    #[serde(default)]
    pub critical_errors: Vec<String>,
    /// The ending's id.
    pub ending: String,
    /// The ending's kind.
    pub ending_kind: EndingKind,
    /// Call time at the end, in ms.
    pub duration_ms: u64,
    /// When the call started, in seconds since 1970 (UTC).
    pub started_at: u64,
    /// The practice shift the call belonged to, if any (`Shift::id`).
    #[serde(default)]
    pub shift: Option<String>,
}

impl AttemptSummary {
    /// Whether another rubric than this build's scored it: its scores do
    /// not compare with those of new calls, and lists label it.
    pub fn other_rubric(&self) -> bool {
        self.rubric != crate::score::rules::RUBRIC_VERSION
    }
}

/// The rubric of a record that does not name one: every record written
/// before the rubric was versioned was scored by rubric 1.
pub fn rubric_v1() -> u32 {
    1
}

/// The keys of a report's failures, most serious first, each once (a call
/// with two skills below the floor says `skill-below-floor` once; the
/// skill scores tell which).
pub fn failure_keys(report: &Report) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for f in &report.failures {
        if !keys.iter().any(|k| k == f.key()) {
            keys.push(f.key().to_owned());
        }
    }
    keys
}

/// The heavy part of an attempt, stored on its own line (see `store`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptDetail {
    /// Record format.
    pub format: u32,
    /// The attempt's id.
    pub id: String,
    /// What was said.
    pub transcript: Vec<Entry>,
    /// Every point won or lost.
    pub moments: Vec<StoredMoment>,
}

/// One finished call of one trainee: its summary (every field of which is
/// reachable directly, `attempt.id`, through `Deref`) with the transcript
/// and the moments. As JSON it is one flat object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// Scores, ending, inputs and the rest.
    #[serde(flatten)]
    pub summary: AttemptSummary,
    /// What was said.
    pub transcript: Vec<Entry>,
    /// Every point won or lost.
    pub moments: Vec<StoredMoment>,
}

impl std::ops::Deref for Attempt {
    type Target = AttemptSummary;
    fn deref(&self) -> &AttemptSummary {
        &self.summary
    }
}

impl std::ops::DerefMut for Attempt {
    fn deref_mut(&mut self) -> &mut AttemptSummary {
        &mut self.summary
    }
}

impl AsRef<AttemptSummary> for Attempt {
    fn as_ref(&self) -> &AttemptSummary {
        &self.summary
    }
}

impl AsRef<AttemptSummary> for AttemptSummary {
    fn as_ref(&self) -> &AttemptSummary {
        self
    }
}

/// The unique id of an attempt: start time in ms and seed, in hex.
pub fn attempt_id(started_at_ms: u64, seed: u64) -> String {
    format!("{started_at_ms:011x}-{seed:016x}")
}

impl Attempt {
    /// Builds the record of a call from its session and report.
    ///
    /// `source` is the scenario file's text (`Loaded::source`), for the
    /// content hash; `inputs` the log of accepted inputs; `started_at_ms`
    /// the wall-clock start in ms since 1970. The session should be over; a
    /// call stopped early is stored as it stands (ending "unfinished").
    pub fn from_session(
        session: &Session,
        report: &Report,
        source: &str,
        inputs: Vec<InputRecord>,
        profile: &str,
        started_at_ms: u64,
        seed: u64,
    ) -> Attempt {
        let s = &session.compiled().scenario;
        let summary = AttemptSummary {
            format: FORMAT_VERSION,
            id: attempt_id(started_at_ms, seed),
            profile: profile.to_owned(),
            scenario: s.id.clone(),
            scenario_version: s.version,
            content_hash: content_hash(source),
            language: s.language.clone(),
            seed,
            options: EngineOptions::from(session.options()),
            inputs,
            skills: report.skills,
            overall: report.overall,
            pass_mark: report.pass_mark,
            passed: report.passed,
            rubric: report.rubric,
            failures: failure_keys(report),
            critical_errors: report.critical().map(|m| m.rule.to_owned()).collect(),
            ending: report.ending.clone(),
            ending_kind: report.ending_kind,
            duration_ms: session.end().map_or(session.now(), |e| e.t_ms),
            started_at: started_at_ms / 1000,
            shift: None,
        };
        Attempt {
            summary,
            transcript: session.transcript.clone(),
            moments: report.moments.iter().map(StoredMoment::from).collect(),
        }
    }

    /// The heavy part, as stored.
    pub fn detail(&self) -> AttemptDetail {
        AttemptDetail {
            format: self.format,
            id: self.id.clone(),
            transcript: self.transcript.clone(),
            moments: self.moments.clone(),
        }
    }

    /// Joins a summary and its detail (empty transcript and moments if the
    /// detail is missing).
    pub fn join(summary: AttemptSummary, detail: Option<AttemptDetail>) -> Attempt {
        let (transcript, moments) =
            detail.map_or_else(Default::default, |d| (d.transcript, d.moments));
        Attempt {
            summary,
            transcript,
            moments,
        }
    }

    /// The same attempt, marked as part of a practice shift.
    pub fn in_shift(mut self, shift_id: impl Into<String>) -> Attempt {
        self.shift = Some(shift_id.into());
        self
    }
}
