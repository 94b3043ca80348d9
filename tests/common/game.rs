//! The game's Bevy layer without a window, for the headless game tests:
//! MinimalPlugins, states, the asset server on real files and a manual clock.

use std::path::Path;
use std::time::{Duration, Instant};

use bevy::asset::AssetMetaCheck;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use headset::game::scenarios::Library;
use headset::game::settings::{Settings, Timers};
use headset::game::{GameConfig, Screen, logic_plugin};

/// One frame of the manual clock.
pub const FRAME: Duration = Duration::from_millis(100);

/// The game on `scenarios`, keeping its history in `data`. `watch` is the
/// asset server's file watching (`None`: as the build's features say);
/// `shift` is what `headset --shift CODE` passes.
pub fn app(scenarios: &Path, data: &Path, watch: Option<bool>, shift: Option<String>) -> App {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        AssetPlugin {
            file_path: scenarios.display().to_string(),
            watch_for_changes_override: watch,
            meta_check: AssetMetaCheck::Never,
            ..default()
        },
    ))
    .insert_resource(TimeUpdateStrategy::ManualDuration(FRAME))
    .add_plugins(logic_plugin(GameConfig {
        scenarios: scenarios.to_owned(),
        data_dir: data.to_owned(),
        seed: None,
        started: Instant::now(),
        shift,
        author: false,
    }));
    app
}

/// The game on the shipped scenarios with the profile "Sam" (timers off),
/// once all 30 have loaded, on the library screen.
pub fn at_library(data: &Path, shift: Option<String>) -> App {
    let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut app = app(&scenarios, data, None, shift);
    {
        let mut s = app.world_mut().resource_mut::<Settings>();
        s.name = "Sam".into();
        s.timers = Timers::Off;
    }
    let start = Instant::now();
    while app.world().resource::<Library>().entries.len() < 30 {
        assert!(start.elapsed().as_secs() < 60, "the library loads");
        app.update();
        std::thread::sleep(Duration::from_millis(20));
    }
    // Profile -> Library opens the profile, as Enter on the profile screen does.
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Library);
    app.update();
    app
}
