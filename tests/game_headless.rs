//! The game's Bevy layer without a window: MinimalPlugins, states, the
//! asset server on real files, and a manual clock. A call played through the
//! game's plugins must score exactly what the core engine gives for the same
//! inputs; edited files must reload; broken files must show their error.
#![cfg(feature = "gui")]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use headset::game::Screen;
use headset::game::call::{ActiveCall, CallInput, LastCall, StartCall};
use headset::game::scenarios::Library;
use headset::game::settings::{ReadingSpeed, Settings, Timers};
use headset::progress::{Input, InputRecord, input::apply};
use headset::scenario::library::check_files;
use headset::score::score;
use headset::sim::Session;

fn app(scenarios: &Path, data: &Path, watch: bool) -> App {
    common::game::app(scenarios, data, Some(watch), None)
}

/// Updates until `done` holds, sleeping a little so background loading and
/// the file watcher can work; fails after `secs` seconds.
fn until(app: &mut App, secs: u64, what: &str, done: impl Fn(&World) -> bool) {
    let start = std::time::Instant::now();
    while !done(app.world()) {
        assert!(
            start.elapsed().as_secs() < secs,
            "timed out waiting for {what}"
        );
        app.update();
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

fn library(app: &App) -> &Library {
    app.world().resource::<Library>()
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn call(app: &mut App) -> &ActiveCall {
    let mut q = app.world_mut().query::<&ActiveCall>();
    q.single(app.world()).expect("a call is running")
}

fn start(app: &mut App, file_suffix: &str, seed: u64) {
    until(app, 60, "the library", |w| {
        w.resource::<Library>().entries.len() >= 30
    });
    let id = library(app)
        .entries
        .iter()
        .find(|e| e.playable.loaded.file.ends_with(file_suffix))
        .expect("the scenario is in the library")
        .handle
        .id();
    app.world_mut().write_message(StartCall {
        scenario: id,
        seed,
        shift: None,
    });
    app.update();
    app.update();
    assert_eq!(screen(app), Screen::Call);
}

/// What the test does at a moment of the call.
#[derive(Clone)]
enum Do {
    /// Say the reply with this index in the file (found on screen by the test).
    FileReply(usize),
    /// Any other input.
    Input(CallInput),
}

/// Plays `steps`, each after `frames` frames of the manual clock, then
/// checks the game's result against the core engine given the same inputs
/// at the same call times.
fn play_and_compare(timers: Timers, steps: &[(u32, Do)]) -> LastCall {
    let (last, sent) = play(timers, ReadingSpeed::Normal, steps);
    compare_with_core(&last, &sent);
    last
}

/// Plays `steps` on the kettle call with these settings; returns the result
/// and the inputs with the call times they were applied at.
fn play(
    timers: Timers,
    reading: ReadingSpeed,
    steps: &[(u32, Do)],
) -> (LastCall, Vec<(u64, CallInput)>) {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios_dir(), data.path(), false);
    {
        let mut settings = app.world_mut().resource_mut::<Settings>();
        settings.timers = timers;
        settings.reading = reading;
    }
    start(&mut app, "en/warranty-kettle.ron", 7);
    assert_eq!(
        call(&mut app).session.options().reading_wpm,
        reading.wpm(),
        "the call reads at the chosen speed"
    );
    let mut sent = Vec::new();
    for (frames, step) in steps {
        for _ in 0..*frames {
            app.update();
        }
        let session = &call(&mut app).session;
        let input = match step {
            Do::FileReply(i) => CallInput(Input::Reply {
                slot: session
                    .offered()
                    .iter()
                    .position(|o| o == i)
                    .unwrap_or_else(|| panic!("reply {i} is offered in {}", session.node_id())),
            }),
            Do::Input(input) => input.clone(),
        };
        // The frame's time passes first, then the input is applied.
        let at = session.now() + if timers == Timers::Off { 0 } else { 100 };
        app.world_mut().write_message(input.clone());
        app.update();
        sent.push((at, input));
    }
    app.update();
    let last = app
        .world()
        .get_resource::<LastCall>()
        .expect("the call ended")
        .clone();
    (last, sent)
}

/// The same inputs at the same times, straight into the core engine (as a
/// replay of the stored call does), must give the game's result.
fn compare_with_core(last: &LastCall, sent: &[(u64, CallInput)]) {
    let c = Arc::clone(last.session.compiled());
    let mut core = Session::new(c, 7, last.session.options().clone());
    for (t, input) in sent {
        core.advance(t - core.now());
        apply(&mut core, &input.0).expect("the input is valid in the core too");
    }
    assert!(core.is_over());
    assert_eq!(
        last.report,
        score(&core),
        "the game scores exactly as the core"
    );
    assert_eq!(last.session.transcript, core.transcript);
    let expected: Vec<InputRecord> = sent
        .iter()
        .map(|(t_ms, i)| InputRecord {
            t_ms: *t_ms,
            input: i.0.clone(),
        })
        .collect();
    assert_eq!(last.log, expected, "the input log replays the call");
}

#[test]
fn a_call_through_the_game_scores_exactly_as_the_core_engine() {
    // Listen to the whole complaint, confirm the guarantee with the
    // customer's details, then close once she mentions the receipt.
    let last = play_and_compare(
        Timers::Normal,
        &[(150, Do::FileReply(0)), (250, Do::FileReply(0))],
    );
    assert_eq!(last.report.ending_kind.key(), "resolved");
    assert!(last.report.passed, "{:?}", last.report);
    assert!(
        last.report
            .moments
            .iter()
            .any(|m| m.rule == "showed-understanding")
    );
}

#[test]
fn interrupting_in_the_game_costs_what_the_core_says() {
    // Two seconds in, the trainee answers: the customer is cut off.
    let last = play_and_compare(
        Timers::Normal,
        &[
            (20, Do::FileReply(1)),
            (5, Do::Input(CallInput(Input::HangUp))),
        ],
    );
    assert!(
        last.session.transcript.iter().any(|e| e.cut),
        "the cut line shows"
    );
    assert!(
        last.report
            .moments
            .iter()
            .any(|m| m.points < 0 && m.rule == "interrupted"),
        "{:?}",
        last.report.moments
    );
}

/// Dead air: the points the silence before the agent's first reply cost.
fn dead_air_points(last: &LastCall) -> i32 {
    last.report
        .moments
        .iter()
        .filter(|m| m.rule == "dead-air")
        .map(|m| m.points)
        .sum()
}

/// The reading speed chosen in the settings reaches the call: a slow
/// reader has longer to read the replies before silence costs Patience.
#[test]
fn a_slow_reading_speed_gives_longer_before_silence_costs_patience() {
    // 45 seconds of the call pass before the first reply.
    let steps = [
        (450, Do::FileReply(0)),
        (5, Do::Input(CallInput(Input::HangUp))),
    ];
    let (normal, _) = play(Timers::Normal, ReadingSpeed::Normal, &steps);
    let (slow, _) = play(Timers::Normal, ReadingSpeed::Slow, &steps);
    assert_eq!(normal.session.options().reading_wpm, 200);
    assert_eq!(slow.session.options().reading_wpm, 120);
    assert!(
        dead_air_points(&normal) < 0,
        "a long silence costs Patience: {:?}",
        normal.report.moments
    );
    assert!(
        dead_air_points(&slow) > dead_air_points(&normal),
        "slow readers lose less for the same silence: {} vs {}",
        dead_air_points(&slow),
        dead_air_points(&normal)
    );
    assert!(slow.report.skills.patience > normal.report.skills.patience);
}

/// A long silence, played frame by frame in the game, scores the same as
/// the stored inputs replayed in the core with one step per input: the
/// reading allowance for replies that a revealed fact brings on screen
/// starts when the fact is heard, however far one step moves the clock.
#[test]
fn a_long_silence_scores_the_same_in_the_game_and_in_a_replay() {
    let steps = [
        (450, Do::FileReply(0)),
        (5, Do::Input(CallInput(Input::HangUp))),
    ];
    for reading in ReadingSpeed::ALL {
        let (last, sent) = play(Timers::Normal, reading, &steps);
        compare_with_core(&last, &sent);
    }
}

#[test]
fn with_timers_off_lines_arrive_only_when_the_trainee_listens() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios_dir(), data.path(), false);
    app.world_mut().resource_mut::<Settings>().timers = Timers::Off;
    start(&mut app, "en/warranty-kettle.ron", 3);
    for _ in 0..100 {
        app.update();
    }
    let heard = call(&mut app).session.transcript.len();
    assert_eq!(call(&mut app).session.now(), 0, "no time passes on its own");
    app.world_mut().write_message(CallInput(Input::Listen));
    app.update();
    assert_eq!(call(&mut app).session.transcript.len(), heard + 1);
}

#[test]
fn the_customer_hanging_up_ends_the_call_and_the_debrief_gets_it() {
    // The angry double-charge customer hangs up if left in silence long enough.
    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios_dir(), data.path(), false);
    start(&mut app, "en/double-charge.ron", 1);
    until(&mut app, 120, "the hang-up", |w| {
        w.get_resource::<LastCall>().is_some()
    });
    let last = app.world().resource::<LastCall>();
    assert_eq!(last.report.ending_kind.key(), "hung_up");
    assert!(!last.report.passed);
}

fn copy(from: &str, to: &Path) -> PathBuf {
    let dest = to.join(Path::new(from).file_name().unwrap());
    std::fs::copy(scenarios_dir().join(from), &dest).unwrap();
    dest
}

#[test]
fn a_broken_file_is_listed_with_the_same_error_as_validate_and_the_rest_still_play() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    copy("en/warranty-kettle.ron", dir.path());
    let broken = dir.path().join("unknown-node-next.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken/unknown-node-next.ron"),
        &broken,
    )
    .unwrap();
    let mut app = app(dir.path(), data.path(), false);
    until(&mut app, 30, "both files", |w| {
        let l = w.resource::<Library>();
        l.entries.len() + l.broken.len() == 2
    });
    let lib = library(&app);
    assert_eq!(lib.entries.len(), 1, "the good file still plays");
    let shown = &lib.broken[0].error;
    assert!(
        shown.contains("unknown-node-next.ron:13:24: E012"),
        "{shown}"
    );
    // The command line says the same about the same file.
    let cli = check_files(std::slice::from_ref(&broken));
    let first = &cli.diagnostics[0];
    assert!(shown.starts_with(&format!("{}: {}", first.location(), first.code.id())));
    assert_eq!(lib.broken[0].hint, first.hint);
}

#[test]
fn editing_a_scenario_while_the_game_runs_updates_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let kettle = copy("en/warranty-kettle.ron", dir.path());
    copy("en/double-charge.ron", dir.path());
    let mut app = app(dir.path(), data.path(), true);
    until(&mut app, 30, "two scenarios", |w| {
        w.resource::<Library>().entries.len() == 2
    });
    let title = |app: &App| {
        library(app)
            .entries
            .iter()
            .map(|e| e.playable.loaded.scenario.title.clone())
            .collect::<Vec<_>>()
    };
    assert!(title(&app).contains(&"A kettle that keeps switching off".to_owned()));
    // Give the watcher a moment to start before the edit.
    std::thread::sleep(Duration::from_millis(300));
    let text = std::fs::read_to_string(&kettle).unwrap();
    let edited = text.replace("A kettle that keeps switching off", "A kettle, edited");
    std::fs::write(&kettle, &edited).unwrap();
    until(&mut app, 30, "the edited title", |w| {
        w.resource::<Library>()
            .entries
            .iter()
            .any(|e| e.playable.loaded.scenario.title == "A kettle, edited")
    });
    // A broken save: the file moves to the broken list with its position.
    std::fs::write(
        &kettle,
        edited.replacen("channel: Phone", "channel: Phon", 1),
    )
    .unwrap();
    until(&mut app, 30, "the broken file", |w| {
        !w.resource::<Library>().broken.is_empty()
    });
    let lib = library(&app);
    assert_eq!(lib.entries.len(), 1);
    assert!(
        lib.broken[0].error.contains("warranty-kettle.ron:"),
        "{}",
        lib.broken[0].error
    );
    assert!(
        lib.broken[0].error.contains("E003"),
        "{}",
        lib.broken[0].error
    );
}

/// The game's frame requests as in the window: the reactive settings, the
/// screens' animation state and the redraw plugin.
fn reactive(app: &mut App) {
    use bevy::window::RequestRedraw;
    use bevy::winit::WinitSettings;
    use headset::game::redraw;
    use headset::game::screens::{call::CallUi, debrief::DebriefUi};
    app.add_message::<RequestRedraw>()
        .insert_resource(WinitSettings::desktop_app())
        .init_resource::<CallUi>()
        .init_resource::<DebriefUi>()
        .add_plugins(redraw::plugin);
}

/// The panels act late in a frame (egui's pass); the state change or reply
/// they ask for happens in the next frames. In the reactive window those
/// frames must be requested, or the game sits still until the next timer
/// (seen: five seconds between Enter in the library and the call screen).
#[test]
fn an_action_asks_for_the_frames_that_carry_it_out_and_idle_asks_for_none() {
    use bevy::window::RequestRedraw;
    use headset::game::screens::call::CallUi;

    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios_dir(), data.path(), false);
    reactive(&mut app);
    let redraws = |app: &App| app.world().resource::<Messages<RequestRedraw>>().len();
    until(&mut app, 60, "the library", |w| {
        w.resource::<Library>().entries.len() >= 30
    });
    app.update();
    assert_eq!(redraws(&app), 0, "nothing moves on the profile screen");

    // As the library panel does when Enter is pressed.
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Library);
    let id = library(&app).entries[0].handle.id();
    app.world_mut().write_message(StartCall {
        scenario: id,
        seed: 1,
        shift: None,
    });
    // Frames are asked for until the call screen is up, then for the call itself.
    for _ in 0..4 {
        app.update();
        assert_eq!(
            redraws(&app),
            1,
            "a frame is requested while the action is on its way"
        );
    }
    assert_eq!(screen(&app), Screen::Call);

    // With timers off a call is still until the trainee acts.
    app.world_mut().resource_mut::<Settings>().timers = Timers::Off;
    app.world_mut().write_message(StartCall {
        scenario: id,
        seed: 1,
        shift: None,
    });
    for _ in 0..4 {
        app.update();
    }
    app.world_mut().resource_mut::<CallUi>().moving = false;
    app.update();
    app.update();
    assert_eq!(redraws(&app), 0, "a still call asks for no frames");
    app.world_mut().write_message(CallInput(Input::Listen));
    app.update();
    assert_eq!(redraws(&app), 1, "the trainee's input gets its frame");
}

/// Author mode: jump to a node, save the file and the call stays on that
/// node in the new version; save a broken file and the call keeps the last
/// good version while the error, with its line and column, is shown.
#[test]
fn author_mode_reloads_the_call_in_place_and_keeps_the_last_good_version() {
    use headset::game::author::{AuthorCommand, AuthorMode, Reloaded};
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let kettle = copy("en/warranty-kettle.ron", dir.path());
    let mut app = app(dir.path(), data.path(), true);
    app.world_mut().resource_mut::<AuthorMode>().on = true;
    until(&mut app, 30, "the scenario", |w| {
        w.resource::<Library>().entries.len() == 1
    });
    let id = library(&app).entries[0].handle.id();
    app.world_mut().write_message(StartCall {
        scenario: id,
        seed: 7,
        shift: None,
    });
    app.update();
    app.update();
    let pushback = {
        let c = call(&mut app).session.compiled().clone();
        c.node_ids.iter().position(|n| n == "pushback").unwrap()
    };
    app.world_mut().write_message(AuthorCommand::Jump(pushback));
    app.update();
    assert_eq!(call(&mut app).session.node_id(), "pushback");
    assert!(
        call(&mut app).authored,
        "a jumped call is not a real attempt"
    );

    std::thread::sleep(Duration::from_millis(300));
    let text = std::fs::read_to_string(&kettle).unwrap();
    let edited = text.replace(
        "Oh. But I have the kettle right here",
        "Oh. But the kettle is right here, edited",
    );
    assert_ne!(text, edited);
    std::fs::write(&kettle, &edited).unwrap();
    until(&mut app, 30, "the reloaded call", |w| {
        w.resource::<AuthorMode>().notice.is_some()
    });
    assert_eq!(
        app.world().resource::<AuthorMode>().notice,
        Some(Reloaded::KeptNode("pushback".into()))
    );
    assert_eq!(call(&mut app).session.node_id(), "pushback");
    assert!(
        call(&mut app)
            .playable
            .loaded
            .source
            .contains("right here, edited")
    );

    // A broken save: the error is shown, the call keeps the good version.
    std::fs::write(
        &kettle,
        edited.replacen("channel: Phone", "channel: Phon", 1),
    )
    .unwrap();
    until(&mut app, 30, "the error", |w| {
        w.resource::<AuthorMode>().error.is_some()
    });
    let error = app.world().resource::<AuthorMode>().error.clone().unwrap();
    assert!(error.contains("E003"), "{error}");
    assert!(error.contains("warranty-kettle.ron:"), "{error}");
    assert_eq!(call(&mut app).session.node_id(), "pushback");
    assert!(
        call(&mut app)
            .playable
            .loaded
            .source
            .contains("right here, edited")
    );
}

/// How long the reactive window sleeps while it is in the background.
fn background_wait(app: &App) -> Duration {
    use bevy::winit::{UpdateMode, WinitSettings};
    match app.world().resource::<WinitSettings>().unfocused_mode {
        UpdateMode::Reactive { wait, .. } => wait,
        other => panic!("the game is reactive, not {other:?}"),
    }
}

/// A trainer saves a scenario in the editor while the game sits in the
/// background: the game wakes for the reload at once (before, nothing woke
/// it and the change showed up only at the next key press or a minute
/// later), and sleeps long again once the reload is through.
#[test]
fn a_saved_scenario_wakes_the_game_until_it_is_reloaded() {
    use headset::game::saved;

    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let kettle = copy("en/warranty-kettle.ron", dir.path());
    let mut app = app(dir.path(), data.path(), true);
    reactive(&mut app);
    app.add_plugins(saved::plugin(dir.path().to_owned()));
    until(&mut app, 30, "the scenario", |w| {
        w.resource::<Library>().entries.len() == 1
    });
    // Let the watcher see the first load's reads (they must not wake it).
    std::thread::sleep(Duration::from_millis(300));
    app.update();
    assert!(
        background_wait(&app) >= Duration::from_secs(30),
        "idle, the game sleeps long: {:?}",
        background_wait(&app)
    );

    // An editor that saves atomically: a new file renamed over the old one.
    let text = std::fs::read_to_string(&kettle).unwrap();
    let edited = text.replace("A kettle that keeps switching off", "A kettle, edited");
    let tmp = dir.path().join(".warranty-kettle.ron.swp");
    std::fs::write(&tmp, &edited).unwrap();
    std::fs::rename(&tmp, &kettle).unwrap();
    let saved_at = std::time::Instant::now();
    until(&mut app, 5, "the wake-up", |w| {
        w.resource::<saved::SavedFiles>()
            .awake(std::time::Instant::now())
    });
    app.update();
    assert!(
        background_wait(&app) <= saved::RELOAD_WAIT,
        "after a save the game looks again within 100 ms: {:?}",
        background_wait(&app)
    );
    until(&mut app, 5, "the reloaded title", |w| {
        w.resource::<Library>().entries[0]
            .playable
            .loaded
            .scenario
            .title
            == "A kettle, edited"
    });
    assert!(
        saved_at.elapsed() < saved::RELOAD_WINDOW,
        "the reload came within the awake window ({:?})",
        saved_at.elapsed()
    );
    std::thread::sleep(saved::RELOAD_WINDOW);
    app.update();
    assert!(
        background_wait(&app) >= Duration::from_secs(30),
        "after the reload the game sleeps long again: {:?}",
        background_wait(&app)
    );
}

/// A real call into a critical error (the trainee hangs up on the angry
/// customer before saying a word) and a skill below the floor (the name is
/// never used), from the game's result to what the debrief draws: the
/// reasons next to the score, the critical error first.
#[test]
fn the_debrief_of_a_real_call_says_why_it_failed_and_lists_the_critical_error_first() {
    use bevy_egui::egui;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use headset::game::i18n::{Lang, Tr};
    use headset::game::screens::debrief::{DebriefUi, debrief_view};
    use headset::game::ui::debrief_panel::debrief_panel;
    use headset::score::{Failure, Tone};

    let data = tempfile::tempdir().unwrap();
    let mut app = app(&scenarios_dir(), data.path(), false);
    app.world_mut().resource_mut::<Settings>().timers = Timers::Off;
    start(&mut app, "en/double-charge.ron", 1);
    app.world_mut().write_message(CallInput(Input::Listen));
    app.update();
    app.world_mut().write_message(CallInput(Input::HangUp));
    app.update();
    app.update();
    let last = app
        .world()
        .get_resource::<LastCall>()
        .expect("the call ended")
        .clone();
    let r = &last.report;
    assert!(!r.passed);
    assert!(
        matches!(r.failures[0], Failure::Critical { .. }),
        "{:?}",
        r.failures
    );
    assert!(
        r.failures.iter().any(|f| matches!(
            f,
            Failure::SkillBelowFloor {
                skill: headset::scenario::Skill::Name,
                ..
            }
        )),
        "{:?}",
        r.failures
    );
    assert!(r.critical().count() >= 1);

    for lang in Lang::ALL {
        let tr = Tr::new(lang);
        let view = debrief_view(&last, &tr, &DebriefUi::default());
        assert_eq!(view.failures.len(), r.failures.len());
        assert_eq!(view.skill_floor, r.skill_floor);
        let critical = view
            .moments
            .iter()
            .find(|m| m.tone == Tone::Critical)
            .expect("the hang-up is a critical error")
            .reason
            .clone();
        let why = tr.f(
            "debrief-failed-because",
            &[("reasons", &view.failures.join("; "))],
        );
        assert!(why.contains(&tr.t("failure-critical-one")), "{why}");
        let mut h = Harness::builder()
            .with_size([1280.0, 900.0])
            .build_ui_state(
                move |ui: &mut egui::Ui, v: &mut headset::game::ui::debrief_panel::DebriefView| {
                    debrief_panel(ui, &tr, v);
                },
                view,
            );
        h.run();
        h.get_by_label(&why);
        let tr = Tr::new(lang);
        let first = h.get_by_label(&tr.t("debrief-critical")).rect().min.y;
        let reason = h.get_by_label(&critical).rect().min.y;
        let rest = h.get_by_label(&tr.t("debrief-moments")).rect().min.y;
        assert!(
            first < reason && reason < rest,
            "{lang:?}: the critical error is listed before the other moments"
        );
    }
}
