//! The desktop game: Bevy and egui over the core. It renders and forwards
//! input; every rule lives in the core engine and rubric.
//!
//! Each screen is a plugin under `screens/`; panels are plain functions of
//! view models under `ui/`. `logic_plugin` holds everything but drawing, so
//! tests run it headless with `MinimalPlugins`.

pub mod author;
pub mod call;
pub mod catalog;
pub mod i18n;
pub mod memory;
pub mod progress;
pub mod redraw;
pub mod saved;
pub mod scenarios;
pub mod screens;
pub mod settings;
pub mod ui;

use std::path::PathBuf;
use std::time::Instant;

use bevy::asset::AssetMetaCheck;
use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::EguiPlugin;

/// The screens of the game.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Profile,
    Library,
    Call,
    Debrief,
    Settings,
    Progress,
}

/// Where the game finds its files.
#[derive(Debug, Clone)]
pub struct GameConfig {
    /// The scenario folder (watched for changes).
    pub scenarios: PathBuf,
    /// The data folder for settings (and, later, progress).
    pub data_dir: PathBuf,
    /// One seed for every call (same name, wording and reply order each
    /// time), for demonstrations and scripted checks; `None`: a new one per call.
    pub seed: Option<u64>,
    /// When the process started, for the startup time in the log.
    pub started: Instant,
    /// A practice shift code from a trainer, started once the trainee has
    /// chosen their profile.
    pub shift: Option<String>,
    /// Start in author mode (F2 toggles it).
    pub author: bool,
}

/// The fixed seed from the command line, if any.
#[derive(Resource, Debug, Clone, Copy)]
pub struct FixedSeed(pub Option<u64>);

/// When the process started.
#[derive(Resource, Debug, Clone, Copy)]
pub struct Started(pub Instant);

/// Logs every screen change: the log tells what the trainee saw, and the
/// end-to-end test waits for "screen: Debrief".
fn log_screen(screen: Res<State<Screen>>) {
    if screen.is_changed() {
        info!("screen: {:?}", screen.get());
    }
}

/// Logs when the first frame has been handed to the renderer (the second
/// update). It reaches the screen later: scripts/measure-game.sh times what
/// is visible from outside.
fn log_first_frame(mut frames: Local<u32>, started: Res<Started>) {
    *frames += 1;
    if *frames == 2 {
        info!(
            "first frame submitted after {} ms",
            started.0.elapsed().as_millis()
        );
    }
}

/// The game without drawing: screens as states, scenarios as assets, the
/// call logic and settings. Needs an `AssetPlugin` and `StatesPlugin`.
pub fn logic_plugin(cfg: GameConfig) -> impl Fn(&mut App) {
    move |app: &mut App| {
        let path = cfg.data_dir.join("settings.ron");
        let (loaded, problem) = settings::load(&path);
        app.insert_resource(i18n::Tr::new(loaded.lang))
            .insert_resource(loaded)
            .insert_resource(settings::SettingsFile { path, problem })
            .insert_resource(FixedSeed(cfg.seed))
            .insert_resource(progress::HandedShift(cfg.shift.clone()))
            .insert_resource(Started(cfg.started))
            .init_state::<Screen>()
            .add_plugins(scenarios::plugin(cfg.scenarios.clone()))
            .add_plugins(call::plugin)
            .add_plugins(author::plugin)
            .insert_resource(author::AuthorMode {
                on: cfg.author,
                ..Default::default()
            })
            .add_plugins(progress::plugin)
            .add_systems(Update, log_screen);
    }
}

/// Opens the game window and runs until it is closed.
pub fn run(cfg: GameConfig) -> AppExit {
    memory::prefer_small_pages();
    let assets = AssetPlugin {
        file_path: cfg.scenarios.display().to_string(),
        // Trainers edit scenarios while the game runs: reload on save.
        watch_for_changes_override: Some(true),
        meta_check: AssetMetaCheck::Never,
        ..default()
    };
    let window = WindowPlugin {
        primary_window: Some(Window {
            title: "Headset".into(),
            resolution: (1280, 800).into(),
            ..default()
        }),
        ..default()
    };
    let folder = cfg.scenarios.clone();
    App::new()
        .insert_resource(ClearColor(Color::srgb_u8(0xF3, 0xF5, 0xF8)))
        // A desktop app: no frames unless something happens or animates.
        .insert_resource(WinitSettings::desktop_app())
        .add_plugins(DefaultPlugins.set(assets).set(window))
        .add_plugins(EguiPlugin::default())
        .add_plugins(logic_plugin(cfg))
        .add_plugins((screens::plugin, redraw::plugin))
        .add_plugins(saved::plugin(folder))
        .add_systems(Last, log_first_frame)
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .run()
}
