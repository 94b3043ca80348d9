//! The call in progress, saved after every turn so that a crash or a power
//! cut costs nothing: the next start offers to resume the call exactly
//! where it was, or to discard it.
//!
//! A checkpoint holds no engine state, only what produced it (scenario,
//! seed, options, the inputs with their times, and the call time when it
//! was written): the engine is deterministic, so replaying the inputs
//! rebuilds the identical call, and a checkpoint written by an older build
//! can never smuggle in an impossible state. It is one small JSON file,
//! `<data>/profiles/<folder>/current-call.json`, replaced atomically
//! (`crate::store::write_atomic`) each time.

use std::fs;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::attempt::{FORMAT_VERSION, attempt_id};
use super::checksum::content_hash;
use super::input::{EngineOptions, InputRecord, InputRefused, play_back};
use super::store::{Problem, ProblemKind, SetAside, Store, StoreError};
use crate::sim::{Compiled, Session};

/// The checkpoint file inside a profile folder.
pub const CHECKPOINT_FILE: &str = "current-call.json";
/// What an unreadable checkpoint is renamed to (never deleted).
pub const DAMAGED_CHECKPOINT: &str = "current-call.damaged.json";

/// A call in progress, as saved after each turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Record format (the attempt format).
    pub format: u32,
    /// The profile playing.
    pub profile: String,
    /// Scenario id.
    pub scenario: String,
    /// The scenario's version.
    pub scenario_version: u32,
    /// Content hash of the scenario file's text.
    pub content_hash: String,
    /// The scenario's language.
    pub language: String,
    /// The call's seed.
    pub seed: u64,
    /// How the call is played.
    pub options: EngineOptions,
    /// Every accepted input so far, with its call time.
    pub inputs: Vec<InputRecord>,
    /// The call time when the checkpoint was written.
    pub now_ms: u64,
    /// When the call started, in ms since 1970 (so the finished attempt
    /// gets the same id whether or not it was resumed).
    pub started_at_ms: u64,
    /// The practice shift the call belongs to, if any.
    #[serde(default)]
    pub shift: Option<String>,
}

impl Checkpoint {
    /// The checkpoint of a call in progress. `source` is the scenario file's
    /// text; `inputs` the accepted inputs so far.
    pub fn from_session(
        session: &Session,
        source: &str,
        inputs: &[InputRecord],
        profile: &str,
        seed: u64,
        started_at_ms: u64,
    ) -> Checkpoint {
        let s = &session.compiled().scenario;
        Checkpoint {
            format: FORMAT_VERSION,
            profile: profile.to_owned(),
            scenario: s.id.clone(),
            scenario_version: s.version,
            content_hash: content_hash(source),
            language: s.language.clone(),
            seed,
            options: EngineOptions::from(session.options()),
            inputs: inputs.to_vec(),
            now_ms: session.now(),
            started_at_ms,
            shift: None,
        }
    }

    /// The same checkpoint, marked as part of a practice shift.
    pub fn in_shift(mut self, shift_id: impl Into<String>) -> Checkpoint {
        self.shift = Some(shift_id.into());
        self
    }

    /// The id the finished attempt will have (`Attempt::from_session` with
    /// the same start time and seed): to tell whether it was saved already.
    pub fn attempt_id(&self) -> String {
        attempt_id(self.started_at_ms, self.seed)
    }
}

/// Why a checkpoint cannot be resumed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ResumeError {
    /// The checkpoint is of another scenario than the one given.
    #[error("the saved call is of scenario \"{saved}\", not \"{given}\"")]
    WrongScenario { saved: String, given: String },
    /// The scenario file changed since the call began: the same inputs
    /// would not give the same call.
    #[error(
        "the scenario \"{scenario}\" changed since the call began (version {stored_version}, hash {stored_hash}; now version {current_version}, hash {current_hash}), so the call cannot be resumed"
    )]
    ScenarioChanged {
        scenario: String,
        stored_version: u32,
        current_version: u32,
        stored_hash: String,
        current_hash: String,
    },
    /// The engine refused a saved input.
    #[error("the saved call cannot be played back: {0}")]
    Input(#[from] InputRefused),
}

/// Rebuilds the call of a checkpoint: a new session with its seed and
/// options, each input at its time, then the clock moved on to when the
/// checkpoint was written. Refuses if `source` (the scenario file's text
/// now) is not the text the call began on.
pub fn resume(
    checkpoint: &Checkpoint,
    compiled: Arc<Compiled>,
    source: &str,
) -> Result<Session, ResumeError> {
    let s = &compiled.scenario;
    if s.id != checkpoint.scenario {
        return Err(ResumeError::WrongScenario {
            saved: checkpoint.scenario.clone(),
            given: s.id.clone(),
        });
    }
    let current_hash = content_hash(source);
    if current_hash != checkpoint.content_hash {
        return Err(ResumeError::ScenarioChanged {
            scenario: s.id.clone(),
            stored_version: checkpoint.scenario_version,
            current_version: s.version,
            stored_hash: checkpoint.content_hash.clone(),
            current_hash,
        });
    }
    Ok(play_back(
        compiled,
        checkpoint.seed,
        &checkpoint.options,
        &checkpoint.inputs,
        checkpoint.now_ms,
    )?)
}

impl Store {
    /// The checkpoint file of a profile.
    pub fn checkpoint_path(&self, profile: &str) -> PathBuf {
        self.profile_dir(profile).join(CHECKPOINT_FILE)
    }

    /// Saves the call in progress (replacing the previous checkpoint
    /// atomically). Call it after every accepted input.
    pub fn save_checkpoint(&self, checkpoint: &Checkpoint) -> Result<(), StoreError> {
        self.create_profile(&checkpoint.profile)?;
        let path = self.checkpoint_path(&checkpoint.profile);
        let json = serde_json::to_vec(checkpoint).map_err(|source| StoreError::Encode {
            id: checkpoint.attempt_id(),
            source,
        })?;
        crate::store::write_atomic(&path, &json).map_err(|source| StoreError::Io {
            action: "write",
            path,
            source,
        })
    }

    /// The saved call in progress of a profile, if any. A checkpoint that
    /// cannot be read is renamed to `current-call.damaged.json` (or
    /// `current-call.damaged-2.json`, ...: an older one is never
    /// overwritten) and reported; it is never deleted.
    pub fn load_checkpoint(&self, profile: &str) -> Result<Option<Checkpoint>, Problem> {
        let path = self.checkpoint_path(profile);
        let problem = |kind: ProblemKind, set_aside| Problem {
            file: path.clone(),
            line: None,
            kind,
            set_aside,
        };
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(problem(
                    ProblemKind::Unreadable(e.to_string()),
                    SetAside::Nothing,
                ));
            }
        };
        let why = match serde_json::from_slice::<Checkpoint>(&bytes) {
            Ok(c) if c.format > FORMAT_VERSION => format!(
                "written by a newer version of Headset (record format {}; this version reads up to {FORMAT_VERSION})",
                c.format
            ),
            Ok(c) => return Ok(Some(c)),
            Err(e) => format!("not a valid checkpoint: {e}"),
        };
        let dir = self.profile_dir(profile);
        let mut target = dir.join(DAMAGED_CHECKPOINT);
        let mut n = 2;
        while target.exists() {
            target = dir.join(format!("current-call.damaged-{n}.json"));
            n += 1;
        }
        let fate = match fs::rename(&path, &target) {
            Ok(()) => SetAside::Renamed(target),
            Err(e) => SetAside::Failed(e.to_string()),
        };
        Err(problem(ProblemKind::DamagedCheckpoint(why), fate))
    }

    /// Removes the checkpoint once the call is saved as an attempt or the
    /// trainee discards it. No checkpoint is not an error.
    pub fn clear_checkpoint(&self, profile: &str) -> Result<(), StoreError> {
        let path = self.checkpoint_path(profile);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(StoreError::Io {
                action: "remove",
                path,
                source,
            }),
        }
    }
}
