//! The trainee's inputs with their call times: the whole of what is needed,
//! with the scenario, seed and options, to play a call again exactly.
//!
//! An input names a reply by its *position on screen* (slot 0 is key 1),
//! not by its index in the file: that is what the trainee pressed, and the
//! engine's seeded shuffle maps it back to the same reply on every replay.
//! [`apply`] does exactly what the game's `call::apply` does.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::sim::{Compiled, InputError, Options, Session};

/// One thing the trainee did.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Input {
    /// A reply by its position on screen (0 = key 1), applied as
    /// `session.offered()[slot]`.
    Reply { slot: usize },
    /// A hand-over from the target picker, by target id.
    Transfer { target: String },
    /// The trainee ended the call.
    HangUp,
    /// Let the customer go on (with timers off, the next line arrives).
    Listen,
}

/// An input and the call time (ms since the call began) it was applied at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InputRecord {
    /// `session.now()` when the input was applied.
    pub t_ms: u64,
    /// What the trainee did.
    pub input: Input,
}

/// The engine options a call was played with, as stored. `history` is
/// not stored: a stored call always has its transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EngineOptions {
    /// Speaking speed (1.0 normal).
    pub pace: f32,
    /// Whether lines and silence run on the clock.
    pub timers: bool,
    /// The agent's name, for `{agent}` in replies.
    pub agent_name: String,
    /// Reading speed in words per minute (the reading allowance before
    /// dead air counts). Records from before rubric v2 have none: they
    /// replay with the normal speed.
    #[serde(default = "normal_reading")]
    pub reading_wpm: u32,
}

fn normal_reading() -> u32 {
    crate::sim::pace::READING_WPM_NORMAL
}

impl From<&Options> for EngineOptions {
    fn from(o: &Options) -> Self {
        EngineOptions {
            pace: o.pace,
            timers: o.timers,
            agent_name: o.agent_name.clone(),
            reading_wpm: o.reading_wpm,
        }
    }
}

impl EngineOptions {
    /// The engine's options for playing the call again.
    pub fn to_options(&self) -> Options {
        Options {
            pace: self.pace,
            timers: self.timers,
            agent_name: self.agent_name.clone(),
            reading_wpm: self.reading_wpm,
            history: true,
        }
    }
}

/// Applies one input to the engine, exactly as the game does.
pub fn apply(session: &mut Session, input: &Input) -> Result<(), InputError> {
    match input {
        Input::Reply { slot } => {
            let Some(&i) = session.offered().get(*slot) else {
                return Err(InputError::NotOffered {
                    choice: *slot,
                    turn: session.turn() + 1,
                    node: session.node_id().to_owned(),
                    available: session.offered().to_vec(),
                });
            };
            session.reply(i)
        }
        Input::Transfer { target } => session.transfer(target),
        Input::HangUp => session.hang_up(),
        Input::Listen => {
            session.listen();
            Ok(())
        }
    }
}

/// A stored input the engine refused when played again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("input {} of {total} ({input:?} at {t_ms} ms) was refused: {error}", index + 1)]
pub struct InputRefused {
    /// 0-based position in the log.
    pub index: usize,
    /// How many inputs the log has.
    pub total: usize,
    /// The input.
    pub input: Input,
    /// Its call time.
    pub t_ms: u64,
    /// Why the engine refused it.
    pub error: InputError,
}

/// Plays a call again: a new session, then for each input the clock moves
/// to its time and the input is applied; finally the clock moves on to
/// `until_ms` (the end of the call, or the moment of a checkpoint), so that
/// a customer who hung up after a silence hangs up again.
pub fn play_back(
    compiled: Arc<Compiled>,
    seed: u64,
    options: &EngineOptions,
    inputs: &[InputRecord],
    until_ms: u64,
) -> Result<Session, InputRefused> {
    let mut session = Session::new(compiled, seed, options.to_options());
    for (index, r) in inputs.iter().enumerate() {
        session.advance(r.t_ms.saturating_sub(session.now()));
        apply(&mut session, &r.input).map_err(|error| InputRefused {
            index,
            total: inputs.len(),
            input: r.input.clone(),
            t_ms: r.t_ms,
            error,
        })?;
    }
    if !session.is_over() {
        session.advance(until_ms.saturating_sub(session.now()));
    }
    Ok(session)
}

/// Plays scripted steps (the `headset simulate --choices` syntax) and logs
/// them as the game would have: waiting for the customer is time passing,
/// not an input; a reply is logged by its position on screen. Tests,
/// benchmarks and examples use it to make real attempts.
pub fn play_script(
    session: &mut Session,
    steps: &[crate::sim::script::Step],
) -> Result<Vec<InputRecord>, crate::sim::script::StepError> {
    use crate::sim::script::{Step, StepError};
    let mut log = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let refused = |error| StepError {
            position: i + 1,
            step: step.to_string(),
            error,
        };
        let (interrupt, input) = match step {
            Step::Wait(ms) => {
                if session.is_over() {
                    return Err(refused(InputError::Ended));
                }
                session.advance(*ms);
                continue;
            }
            Step::Reply { n, interrupt } => {
                if session.is_over() {
                    return Err(refused(InputError::Ended));
                }
                if !interrupt {
                    session.wait_until_finished();
                }
                let file_index = n - 1;
                let Some(slot) = session.offered().iter().position(|&r| r == file_index) else {
                    // Not on screen: let the engine say why, in its words.
                    return Err(refused(
                        session.reply(file_index).err().unwrap_or(InputError::Ended),
                    ));
                };
                (true, Input::Reply { slot })
            }
            Step::Transfer { target, interrupt } => (
                *interrupt,
                Input::Transfer {
                    target: target.clone(),
                },
            ),
            Step::HangUp { interrupt } => (*interrupt, Input::HangUp),
        };
        if !interrupt {
            session.wait_until_finished();
        }
        let t_ms = session.now();
        apply(session, &input).map_err(refused)?;
        log.push(InputRecord { t_ms, input });
    }
    Ok(log)
}
