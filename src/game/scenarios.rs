//! Scenarios as Bevy assets. The loader runs the same loader and validator
//! as `headset validate`, so the game and the command line always agree on
//! which files are broken and why. A broken file still becomes an asset
//! (carrying its diagnostics), so the library can list it with its error.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::asset::io::Reader;
use bevy::asset::{AssetLoader, LoadContext, LoadedFolder};
use bevy::prelude::*;

use crate::scenario::diagnostic::{Diagnostic, Severity};
use crate::scenario::load::{Loaded, load_bytes};
use crate::scenario::validate::{validate, validate_library};
use crate::sim::Compiled;

/// A scenario ready to play.
#[derive(Debug)]
pub struct Playable {
    /// The parsed file (for the library's checks across languages).
    pub loaded: Loaded,
    /// The engine's form of it.
    pub compiled: Arc<Compiled>,
}

/// One scenario file, loaded or not.
#[derive(Asset, TypePath, Debug)]
pub struct ScenarioAsset {
    /// The file as `headset validate` names it.
    pub file: PathBuf,
    /// The scenario, or every error that keeps it from playing.
    pub outcome: Result<Arc<Playable>, Vec<Diagnostic>>,
}

/// Reads `.ron` files under the scenario folder.
#[derive(TypePath)]
pub struct ScenarioLoader {
    /// The scenario folder, so diagnostics name files as the CLI does.
    pub root: PathBuf,
}

/// Reading the bytes failed (the only failure that is not a diagnostic).
#[derive(Debug, thiserror::Error)]
#[error("could not read {file}: {source}")]
pub struct ReadError {
    file: String,
    source: std::io::Error,
}

impl AssetLoader for ScenarioLoader {
    type Asset = ScenarioAsset;
    type Settings = ();
    type Error = ReadError;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        load_context: &mut LoadContext<'_>,
    ) -> Result<ScenarioAsset, ReadError> {
        let file = self.root.join(load_context.path().path());
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .await
            .map_err(|e| ReadError {
                file: file.display().to_string(),
                source: e,
            })?;
        Ok(check(file, &bytes))
    }

    fn extensions(&self) -> &[&str] {
        &["ron"]
    }
}

/// Loads, validates and compiles one file's bytes.
pub fn check(file: PathBuf, bytes: &[u8]) -> ScenarioAsset {
    let outcome = match load_bytes(&file, bytes) {
        Err(d) => Err(vec![d]),
        Ok(loaded) => {
            let errors: Vec<Diagnostic> = validate(&loaded)
                .into_iter()
                .filter(|d| d.severity() == Severity::Error)
                .collect();
            if errors.is_empty() {
                match Compiled::new(Arc::new(loaded.scenario.clone())) {
                    Ok(c) => Ok(Arc::new(Playable {
                        loaded,
                        compiled: Arc::new(c),
                    })),
                    Err(e) => Err(vec![Diagnostic::file_level(
                        crate::scenario::diagnostic::Code::Syntax,
                        &file,
                        e.to_string(),
                        "run `headset validate` on this file".into(),
                    )]),
                }
            } else {
                Err(errors)
            }
        }
    };
    ScenarioAsset { file, outcome }
}

/// The folder handle, kept so every file stays loaded and watched.
#[derive(Resource)]
pub struct ScenarioFolder(pub Handle<LoadedFolder>);

/// One row of the library: a playable scenario.
#[derive(Debug, Clone)]
pub struct Entry {
    pub handle: Handle<ScenarioAsset>,
    pub playable: Arc<Playable>,
}

/// A file that cannot be played, with the first error as `file:line:column`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub file: String,
    /// `file:line:column: E012 unknown-node: message`
    pub error: String,
    /// What to do about it.
    pub hint: String,
}

/// Every scenario file the game knows, rebuilt when files change.
#[derive(Resource, Debug, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
    pub broken: Vec<Broken>,
    /// Bumped on every rebuild, so screens can notice a hot reload.
    pub generation: u64,
}

impl Library {
    /// The playable entry for a handle, if it is (still) playable.
    pub fn find(&self, id: AssetId<ScenarioAsset>) -> Option<&Entry> {
        self.entries.iter().find(|e| e.handle.id() == id)
    }
}

fn broken_from(d: &Diagnostic) -> Broken {
    Broken {
        file: d.file.display().to_string(),
        error: format!(
            "{}: {} {}: {}",
            d.location(),
            d.code.id(),
            d.code.name(),
            d.message
        ),
        hint: d.hint.clone(),
    }
}

/// Builds the library from the folder's assets, with the same checks across
/// files (duplicate ids, translations that differ) as `headset validate`.
pub fn rebuild(handles: &[Handle<ScenarioAsset>], assets: &Assets<ScenarioAsset>) -> Library {
    let mut entries = Vec::new();
    let mut broken = Vec::new();
    for h in handles {
        let Some(a) = assets.get(h) else { continue };
        match &a.outcome {
            Ok(p) => entries.push(Entry {
                handle: h.clone(),
                playable: p.clone(),
            }),
            Err(diags) => {
                if let Some(d) = diags.first() {
                    broken.push(broken_from(d));
                }
            }
        }
    }
    let loaded: Vec<Loaded> = entries.iter().map(|e| e.playable.loaded.clone()).collect();
    let across: Vec<Diagnostic> = validate_library(&loaded)
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();
    entries.retain(|e| {
        let bad = across.iter().find(|d| d.file == e.playable.loaded.file);
        if let Some(d) = bad {
            broken.push(broken_from(d));
        }
        bad.is_none()
    });
    broken.sort_by(|a, b| a.file.cmp(&b.file));
    entries.sort_by(|a, b| a.playable.loaded.file.cmp(&b.playable.loaded.file));
    Library {
        entries,
        broken,
        generation: 0,
    }
}

fn start_loading(mut commands: Commands, server: Res<AssetServer>) {
    commands.insert_resource(ScenarioFolder(server.load_folder("")));
}

/// Rebuilds the library whenever a scenario file or the folder changes.
fn refresh(
    mut scenario_events: MessageReader<AssetEvent<ScenarioAsset>>,
    mut folder_events: MessageReader<AssetEvent<LoadedFolder>>,
    folder: Option<Res<ScenarioFolder>>,
    folders: Res<Assets<LoadedFolder>>,
    assets: Res<Assets<ScenarioAsset>>,
    mut library: ResMut<Library>,
) {
    let changed = scenario_events.read().count() + folder_events.read().count() > 0;
    if !changed {
        return;
    }
    let Some(folder) = folder.and_then(|f| folders.get(&f.0)) else {
        return;
    };
    let handles: Vec<Handle<ScenarioAsset>> = folder
        .handles
        .iter()
        .filter_map(|h| h.clone().try_typed::<ScenarioAsset>().ok())
        .collect();
    let generation = library.generation + 1;
    *library = rebuild(&handles, &assets);
    library.generation = generation;
}

/// Registers the asset, its loader, and the library that follows the folder.
pub fn plugin(root: PathBuf) -> impl Fn(&mut App) {
    move |app: &mut App| {
        app.init_asset::<ScenarioAsset>()
            .register_asset_loader(ScenarioLoader { root: root.clone() })
            .init_resource::<Library>()
            .add_systems(Startup, start_loading)
            .add_systems(Update, refresh);
    }
}
