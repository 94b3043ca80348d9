//! The game keeps the trainee's history: a finished call is on disk with
//! the score the debrief showed, a call in progress is checkpointed after
//! every turn and can be resumed after a crash, and a result that cannot be
//! written stays in memory until it can.
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use bevy::prelude::*;
use headset::game::Screen;
use headset::game::call::{ActiveCall, CallInput, LastCall, StartCall};
use headset::game::progress::{Progress, discard_interrupted};
use headset::game::scenarios::Library;
use headset::progress::{Input, Store};

fn app(data: &Path) -> App {
    common::game::at_library(data, None)
}

/// The game as started with `headset --shift CODE` (or without).
fn app_with(data: &Path, shift: Option<String>) -> App {
    common::game::at_library(data, shift)
}

fn start_kettle(app: &mut App) {
    let id = app
        .world()
        .resource::<Library>()
        .entries
        .iter()
        .find(|e| e.playable.loaded.file.ends_with("en/warranty-kettle.ron"))
        .unwrap()
        .handle
        .id();
    app.world_mut().write_message(StartCall {
        scenario: id,
        seed: 11,
        shift: None,
    });
    app.update();
    app.update();
}

fn send(app: &mut App, input: Input) {
    app.world_mut().write_message(CallInput(input));
    app.update();
}

fn call(app: &mut App) -> &ActiveCall {
    let mut q = app.world_mut().query::<&ActiveCall>();
    q.single(app.world()).expect("a call is running")
}

#[test]
fn a_finished_call_is_stored_with_the_score_the_debrief_shows() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    start_kettle(&mut app);
    for _ in 0..3 {
        send(&mut app, Input::Listen);
    }
    send(&mut app, Input::Reply { slot: 0 });
    send(&mut app, Input::HangUp);
    app.update();
    let last = app.world().resource::<LastCall>().report.clone();
    let stored = Store::open(data.path()).load("Sam");
    assert!(stored.problems.is_empty(), "{:?}", stored.problems);
    assert_eq!(stored.attempts.len(), 1);
    let a = &stored.attempts[0];
    assert_eq!((a.overall, a.passed), (last.overall, last.passed));
    assert_eq!(a.scenario, "warranty-kettle");
    let log = app.world().resource::<LastCall>().log.clone();
    assert!(log.len() >= 4);
    assert_eq!(a.inputs, log, "the whole input log is kept");
    assert!(
        !Store::open(data.path()).checkpoint_path("Sam").exists(),
        "the checkpoint is gone once the call is stored"
    );
    // The progress screen's replay check plays it again from the stored log.
    let said = {
        let w = app.world();
        headset::game::progress::replay_last(
            w.resource::<Progress>(),
            w.resource::<Library>(),
            &headset::game::i18n::Tr::new(headset::game::i18n::Lang::En),
        )
    };
    assert_eq!(
        said.as_deref(),
        Some("Your last call, played again from its inputs, gives exactly the stored result.")
    );
    // Updating again does not store the same call twice.
    app.update();
    assert_eq!(Store::open(data.path()).load("Sam").attempts.len(), 1);
    assert!(!Store::open(data.path()).checkpoint_path("Sam").exists());
}

#[test]
fn a_call_interrupted_by_a_crash_is_offered_and_resumed_where_it_stopped() {
    let data = tempfile::tempdir().unwrap();
    let (transcript, offered) = {
        let mut app = app(data.path());
        start_kettle(&mut app);
        for _ in 0..3 {
            send(&mut app, Input::Listen);
        }
        send(&mut app, Input::Reply { slot: 1 });
        app.update();
        let c = call(&mut app);
        (c.session.transcript.clone(), c.session.offered().to_vec())
        // The app is dropped here without finishing the call: a crash.
    };
    assert!(Store::open(data.path()).checkpoint_path("Sam").exists());

    let mut app = app(data.path());
    let interrupted = app.world().resource::<Progress>().interrupted.clone();
    let cp = interrupted.expect("the next start finds the interrupted call");
    assert_eq!(cp.scenario, "warranty-kettle");
    assert_eq!(cp.inputs.len(), 4);
    // Resume, as R on the library screen does.
    app.world_mut()
        .run_system_cached(
            |mut progress: ResMut<Progress>,
             library: Res<Library>,
             mut commands: Commands,
             mut next: ResMut<NextState<Screen>>| {
                headset::game::progress::resume_interrupted(
                    &mut progress,
                    &library,
                    &mut commands,
                    &mut next,
                );
            },
        )
        .unwrap();
    app.update();
    app.update();
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Call);
    let c = call(&mut app);
    assert_eq!(c.session.transcript, transcript, "the call is where it was");
    assert_eq!(c.session.offered(), offered.as_slice());
}

#[test]
fn discarding_the_interrupted_call_removes_its_checkpoint() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut app = app(data.path());
        start_kettle(&mut app);
        send(&mut app, Input::Listen);
    }
    let mut app = app(data.path());
    assert!(app.world().resource::<Progress>().interrupted.is_some());
    discard_interrupted(&mut app.world_mut().resource_mut::<Progress>());
    assert!(!Store::open(data.path()).checkpoint_path("Sam").exists());
    let again = self::app(data.path());
    assert!(again.world().resource::<Progress>().interrupted.is_none());
}

#[test]
fn a_result_that_cannot_be_written_is_kept_and_written_later() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(data.path());
    // The log cannot be opened for writing (a folder stands in its way):
    // like a read-only or full disk, and it fails even for root.
    let log = Store::open(data.path()).log_path("Sam");
    std::fs::create_dir_all(&log).unwrap();
    start_kettle(&mut app);
    send(&mut app, Input::Listen);
    send(&mut app, Input::HangUp);
    app.update();
    {
        let p = app.world().resource::<Progress>();
        assert_eq!(p.unsaved.len(), 1, "the result is kept in memory");
        assert_eq!(p.attempts.len(), 1, "and shown in the progress view");
        let e = p.save_error.as_deref().unwrap_or_default();
        assert!(
            e.contains("attempts.log"),
            "the message names the file: {e}"
        );
        assert!(
            Store::open(data.path()).checkpoint_path("Sam").exists(),
            "the checkpoint stays until the result is on disk"
        );
    }
    std::fs::remove_dir(&log).unwrap();
    app.world_mut().resource_mut::<Progress>().flush();
    let p = app.world().resource::<Progress>();
    assert!(p.unsaved.is_empty() && p.save_error.is_none());
    assert_eq!(Store::open(data.path()).load("Sam").attempts.len(), 1);
}

#[test]
fn a_shift_code_from_a_trainer_gives_every_trainee_the_same_calls() {
    use headset::progress::{ScenarioInfo, plan_shift};
    use headset::scenario::Skill;
    // The trainer's code, as the end of a shift shows it.
    let code = {
        let data = tempfile::tempdir().unwrap();
        let app = app(data.path());
        let infos: Vec<ScenarioInfo> = app
            .world()
            .resource::<Library>()
            .entries
            .iter()
            .map(|e| ScenarioInfo::from_scenario(&e.playable.loaded.scenario))
            .collect();
        plan_shift(1234, 3, Skill::Listening, &infos, "de")
    };
    // Two trainees, each on their own machine, start the game with the code.
    for _trainee in 0..2 {
        let data = tempfile::tempdir().unwrap();
        let mut app = app_with(data.path(), Some(code.id.clone()));
        app.update();
        app.update();
        assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Call);
        let c = call(&mut app);
        assert_eq!(c.shift.as_deref(), Some(code.id.as_str()));
        let s = &c.session.compiled().scenario;
        assert_eq!(s.id, code.scenario_ids[0], "the first call of the shift");
        assert_eq!(s.language, "de");
    }
}

#[test]
fn a_damaged_history_is_reported_and_the_game_still_starts() {
    let data = tempfile::tempdir().unwrap();
    {
        // One good call first.
        let mut app = app(data.path());
        start_kettle(&mut app);
        send(&mut app, Input::HangUp);
        app.update();
    }
    let log = Store::open(data.path()).log_path("Sam");
    let mut text = std::fs::read_to_string(&log).unwrap();
    text.push_str("0000 {\"this is\": \"damaged by hand\"}\n");
    std::fs::write(&log, text).unwrap();

    let mut app = app(data.path());
    app.update();
    let p = app.world().resource::<Progress>();
    assert_eq!(p.attempts.len(), 1, "the good call is still there");
    assert_eq!(p.problems.len(), 1, "{:?}", p.problems);
    assert!(p.problems[0].contains("attempts.log"), "{}", p.problems[0]);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Library
    );
    let aside = log.with_file_name("attempts.damaged");
    assert!(
        std::fs::read_to_string(aside)
            .unwrap()
            .contains("damaged by hand"),
        "the damaged line is set aside, not deleted"
    );
}
