//! Wakes the game when a scenario file is saved.
//!
//! Bevy's file watcher reloads a saved scenario, but it only queues the
//! change for the next update, and nothing wakes the reactive window for
//! it: a trainer who saved in the editor (the game in the background) saw
//! the reload only after the next key press, or up to a minute later. This
//! watches the same folder, wakes the event loop when a scenario file
//! changes and keeps frames coming for a moment ([`RELOAD_WINDOW`]), long
//! enough for Bevy's debounced event (300 ms) and the reload. Idle, it costs
//! nothing: no timer, no polling.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use notify::event::ModifyKind;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long frames keep coming after a scenario file changed.
pub const RELOAD_WINDOW: Duration = Duration::from_secs(3);

/// The longest the event loop sleeps during that window.
pub const RELOAD_WAIT: Duration = Duration::from_millis(100);

/// Whether a scenario file changed, and until when the game stays awake for it.
#[derive(Resource, Debug, Default)]
pub struct SavedFiles {
    /// Set by the watcher's thread, taken by [`notice`].
    changed: Arc<AtomicBool>,
    /// Frames keep coming until then.
    pub awake_until: Option<Instant>,
}

impl SavedFiles {
    /// Whether the game is still waiting for a reload to arrive.
    pub fn awake(&self, now: Instant) -> bool {
        self.awake_until.is_some_and(|until| now < until)
    }
}

/// The folder's watcher, kept alive for as long as the game runs.
#[derive(Resource)]
struct Watching(#[allow(dead_code, reason = "dropping it stops watching")] RecommendedWatcher);

/// A change that can be a saved scenario: written, created, renamed into
/// place (editors that save atomically) or removed; not a read, and not
/// metadata such as access times (Bevy reading the file would wake it again).
fn is_save(e: &notify::Event) -> bool {
    let kind = match e.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        _ => false,
    };
    kind && e
        .paths
        .iter()
        .any(|p| p.extension().is_some_and(|x| x == "ron"))
}

/// Starts watching `folder`. Without a window (the headless tests) there is
/// no event loop to wake, but the change is still noticed.
fn start(
    folder: &Path,
    saved: &SavedFiles,
    proxy: Option<&EventLoopProxyWrapper>,
) -> notify::Result<RecommendedWatcher> {
    let changed = Arc::clone(&saved.changed);
    let proxy = proxy.map(|p| (**p).clone());
    let mut watcher = notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
        if e.is_ok_and(|e| is_save(&e)) {
            changed.store(true, Ordering::Release);
            if let Some(p) = &proxy {
                // Fails only once the event loop has closed: nothing to wake.
                let _ = p.send_event(WinitUserEvent::WakeUp);
            }
        }
    })?;
    watcher.watch(folder, RecursiveMode::Recursive)?;
    Ok(watcher)
}

/// Keeps the game awake for a moment after a change.
fn notice(mut saved: ResMut<SavedFiles>) {
    if saved.changed.swap(false, Ordering::Acquire) {
        saved.awake_until = Some(Instant::now() + RELOAD_WINDOW);
    }
}

/// Watches `folder` for saved scenario files.
pub fn plugin(folder: PathBuf) -> impl Fn(&mut App) {
    move |app: &mut App| {
        let folder = folder.clone();
        app.init_resource::<SavedFiles>()
            .add_systems(
                Startup,
                move |mut commands: Commands,
                      saved: Res<SavedFiles>,
                      proxy: Option<Res<EventLoopProxyWrapper>>| {
                    match start(&folder, &saved, proxy.as_deref()) {
                        Ok(w) => commands.insert_resource(Watching(w)),
                        // The game still works; a save then shows at the next key press.
                        Err(e) => warn!("cannot watch {} for saved files: {e}", folder.display()),
                    }
                },
            )
            .add_systems(First, notice);
    }
}
