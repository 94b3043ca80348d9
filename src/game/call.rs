//! The call in progress, as Bevy sees it: the core engine's `Session` in a
//! component, advanced by real time and fed the trainee's inputs as
//! messages. No rule lives here; the engine decides everything.

use std::sync::Arc;

use bevy::prelude::*;

use super::Screen;
use super::scenarios::{Library, Playable, ScenarioAsset};
use super::settings::Settings;
use crate::progress::{Input, InputRecord, input::apply};
use crate::score::{Report, score};
use crate::sim::Session;

/// Start a call of a scenario (from the library or "try again").
#[derive(Message, Debug, Clone, PartialEq)]
pub struct StartCall {
    pub scenario: AssetId<ScenarioAsset>,
    /// Picks the name, text variants and reply order; stored for replays.
    pub seed: u64,
    /// The practice shift the call is part of.
    pub shift: Option<String>,
}

/// What the trainee does during a call: the core's stored input kind, as
/// a message, so the game's log is exactly what the history stores.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct CallInput(pub Input);

/// The call being played. Lives only on the call screen.
#[derive(Component)]
pub struct ActiveCall {
    pub session: Session,
    pub playable: Arc<Playable>,
    pub scenario: AssetId<ScenarioAsset>,
    pub seed: u64,
    /// Every accepted input with its call time: enough to replay the call.
    pub log: Vec<InputRecord>,
    /// Wall-clock start, ms since 1970 (the attempt's id and date).
    pub started_at_ms: u64,
    /// The practice shift this call belongs to.
    pub shift: Option<String>,
    /// An input was applied since the last checkpoint.
    pub checkpoint_due: bool,
    /// Microseconds of real time not yet given to the engine.
    carry_us: u64,
    /// The debrief result has been made.
    scored: bool,
    /// A frame has passed since the call began.
    clock_running: bool,
    /// Author mode jumped or reloaded during this call: it is not a real
    /// attempt and is not stored.
    pub authored: bool,
}

impl ActiveCall {
    /// A call about to start, or resumed from a checkpoint (`session` and
    /// `log` rebuilt from it).
    pub fn new(
        session: Session,
        playable: Arc<Playable>,
        scenario: AssetId<ScenarioAsset>,
        seed: u64,
        log: Vec<InputRecord>,
        started_at_ms: u64,
    ) -> ActiveCall {
        ActiveCall {
            session,
            playable,
            scenario,
            seed,
            log,
            started_at_ms,
            shift: None,
            checkpoint_due: false,
            carry_us: 0,
            scored: false,
            clock_running: false,
            authored: false,
        }
    }
}

/// The last finished call, for the debrief, the history and "try again".
#[derive(Resource, Clone)]
pub struct LastCall {
    pub session: Session,
    pub playable: Arc<Playable>,
    pub scenario: AssetId<ScenarioAsset>,
    pub seed: u64,
    pub log: Vec<InputRecord>,
    pub started_at_ms: u64,
    pub shift: Option<String>,
    pub report: Report,
    /// Touched by author mode (not stored as an attempt).
    pub authored: bool,
}

/// Wall-clock milliseconds since 1970.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
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
    let mut call = ActiveCall::new(
        session,
        entry.playable.clone(),
        start.scenario,
        start.seed,
        Vec::new(),
        now_ms(),
    );
    call.shift.clone_from(&start.shift);
    commands.spawn((Name::new("call"), call, DespawnOnExit(Screen::Call)));
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
    for CallInput(input) in inputs.read() {
        let t_ms = call.session.now();
        match apply(&mut call.session, input) {
            Ok(()) => {
                call.log.push(InputRecord {
                    t_ms,
                    input: input.clone(),
                });
                call.checkpoint_due = true;
            }
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
            started_at_ms: call.started_at_ms,
            shift: call.shift.clone(),
            report,
            authored: call.authored,
        });
    }
}

/// A seed for a new call: different every time, stored with the attempt.
pub fn fresh_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// The call's own systems, for ordering others after them.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct CallSystems;

/// Messages and systems of the call, without any drawing.
pub fn plugin(app: &mut App) {
    app.add_message::<StartCall>()
        .add_message::<CallInput>()
        .add_systems(
            Update,
            (start_call, run_call.run_if(in_state(Screen::Call)))
                .chain()
                .in_set(CallSystems),
        );
}
