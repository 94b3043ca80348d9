//! The call in progress, as Bevy sees it: the core engine's `Session` in a
//! component, advanced by real time and fed the trainee's inputs as
//! messages. No rule lives here; the engine decides everything.

use std::sync::Arc;

use bevy::prelude::*;

use super::Screen;
use super::scenarios::{Library, Playable, ScenarioAsset};
use super::settings::Settings;
use crate::score::{Report, score};
use crate::sim::{InputError, Session};

/// Start a call of a scenario (from the library or "try again").
#[derive(Message, Debug, Clone, PartialEq)]
pub struct StartCall {
    pub scenario: AssetId<ScenarioAsset>,
    /// Picks the name, text variants and reply order; stored for replays.
    pub seed: u64,
}

/// What the trainee does during a call.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum CallInput {
    /// Reply by its position on screen (0 = key 1).
    Reply(usize),
    /// Hand over to a target by id.
    Transfer(String),
    HangUp,
    /// Let the customer go on (with timers off, the next line arrives).
    Listen,
}

/// One input with the call time it happened at: enough to replay the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub t_ms: u64,
    pub input: CallInput,
}

/// The call being played. Lives only on the call screen.
#[derive(Component)]
pub struct ActiveCall {
    pub session: Session,
    pub playable: Arc<Playable>,
    pub scenario: AssetId<ScenarioAsset>,
    pub seed: u64,
    pub log: Vec<Logged>,
    /// Microseconds of real time not yet given to the engine.
    carry_us: u64,
    /// The debrief result has been made.
    scored: bool,
    /// A frame has passed since the call began.
    clock_running: bool,
}

/// The last finished call, for the debrief and "try again".
#[derive(Resource, Clone)]
pub struct LastCall {
    pub session: Session,
    pub playable: Arc<Playable>,
    pub scenario: AssetId<ScenarioAsset>,
    pub seed: u64,
    pub log: Vec<Logged>,
    pub report: Report,
}

/// Applies one input to the engine. Inputs the engine refuses (a reply no
/// longer offered, say) change nothing and are not logged.
pub fn apply(session: &mut Session, input: &CallInput) -> Result<(), InputError> {
    match input {
        CallInput::Reply(slot) => {
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
        CallInput::Transfer(target) => session.transfer(target),
        CallInput::HangUp => session.hang_up(),
        CallInput::Listen => {
            session.listen();
            Ok(())
        }
    }
}

fn start_call(
    mut starts: MessageReader<StartCall>,
    library: Res<Library>,
    settings: Res<Settings>,
    existing: Query<Entity, With<ActiveCall>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(start) = starts.read().last() else {
        return;
    };
    let Some(entry) = library.find(start.scenario) else {
        warn!("the scenario to start is no longer playable");
        return;
    };
    for e in &existing {
        commands.entity(e).despawn();
    }
    let session = Session::new(
        entry.playable.compiled.clone(),
        start.seed,
        settings.options(),
    );
    commands.spawn((
        Name::new("call"),
        ActiveCall {
            session,
            playable: entry.playable.clone(),
            scenario: start.scenario,
            seed: start.seed,
            log: Vec::new(),
            carry_us: 0,
            scored: false,
            clock_running: false,
        },
        DespawnOnExit(Screen::Call),
    ));
    next.set(Screen::Call);
}

/// Moves the call's clock by real time (with timers on) and applies inputs.
fn run_call(
    time: Res<Time<Real>>,
    mut inputs: MessageReader<CallInput>,
    mut calls: Query<&mut ActiveCall>,
    mut commands: Commands,
) {
    let Ok(mut call) = calls.single_mut() else {
        inputs.clear();
        return;
    };
    let call = &mut *call;
    // The first frame's delta includes the time the library sat idle.
    if call.session.options().timers && std::mem::replace(&mut call.clock_running, true) {
        call.carry_us += time.delta().as_micros() as u64;
        let ms = call.carry_us / 1000;
        call.carry_us %= 1000;
        call.session.advance(ms);
    }
    for input in inputs.read() {
        let t_ms = call.session.now();
        match apply(&mut call.session, input) {
            Ok(()) => call.log.push(Logged {
                t_ms,
                input: input.clone(),
            }),
            Err(e) => debug!("input ignored: {e}"),
        }
    }
    if call.session.is_over() && !call.scored {
        call.scored = true;
        let report = score(&call.session);
        info!(
            "call ended: {} after {} ms, overall {}, {}",
            report.ending,
            call.session.now(),
            report.overall,
            if report.passed {
                "passed"
            } else {
                "not passed"
            }
        );
        commands.insert_resource(LastCall {
            session: call.session.clone(),
            playable: call.playable.clone(),
            scenario: call.scenario,
            seed: call.seed,
            log: call.log.clone(),
            report,
        });
    }
}

/// A seed for a new call: different every time, stored with the attempt.
pub fn fresh_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// Messages and systems of the call, without any drawing.
pub fn plugin(app: &mut App) {
    app.add_message::<StartCall>()
        .add_message::<CallInput>()
        .add_systems(
            Update,
            (start_call, run_call.run_if(in_state(Screen::Call))).chain(),
        );
}
