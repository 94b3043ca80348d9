//! Self-study progress: profiles and the attempt history on disk
//! (crash-safe), the call in progress (checkpoints and resume), replays,
//! the progress view, practice shifts and the CSV export.
//!
//! Nothing here knows about Bevy: the game records attempts and reads the
//! views through this API, and `headset history` / `headset export` use the
//! same code. docs/progress.md describes the files and their formats.
//!
//! Where the files live: [`data_dir`].

pub mod attempt;
pub mod checkpoint;
pub mod checksum;
pub mod csv;
pub mod date;
pub mod input;
pub mod profile;
pub mod replay;
pub mod shift;
pub mod store;
pub mod trains;
pub mod view;

use std::path::{Path, PathBuf};

pub use attempt::{
    Attempt, AttemptDetail, AttemptSummary, FORMAT_VERSION, Scores, StoredMoment, failure_keys,
};
pub use checkpoint::{Checkpoint, ResumeError, resume};
pub use checksum::content_hash;
pub use input::{EngineOptions, Input, InputRecord, InputRefused};
pub use replay::{Difference, Replay, Scored, replay};
pub use shift::{Shift, ShiftSummary, plan_shift};
pub use store::{History, Problem, ProblemKind, Profile, Store, StoreError};
pub use trains::{Evidence, ScenarioInfo, trains};
pub use view::{CallRow, ProgressView, Recommendation, Weakest, rubric_label};

/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "HEADSET_DATA_DIR";

/// The per-user data folder, where the `directories` crate's
/// `ProjectDirs::from("", "", "headset").data_dir()` would put it, without
/// depending on that crate (the game and the CLI both use this):
///
/// - Linux and other Unix: `$XDG_DATA_HOME/headset` if `XDG_DATA_HOME` is an
///   absolute path, else `$HOME/.local/share/headset`;
/// - macOS: `$HOME/Library/Application Support/headset`;
/// - Windows: `%APPDATA%\headset\data`.
///
/// `None` when the home folder is unknown.
pub fn default_data_dir() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        return var("APPDATA").map(|p| p.join("headset").join("data"));
    }
    if cfg!(target_os = "macos") {
        return var("HOME").map(|h| h.join("Library/Application Support/headset"));
    }
    var("XDG_DATA_HOME")
        .filter(|p| p.is_absolute())
        .map(|p| p.join("headset"))
        .or_else(|| var("HOME").map(|h| h.join(".local/share/headset")))
}

/// The data folder: `flag` (`--data-dir`), else `HEADSET_DATA_DIR`, else
/// [`default_data_dir`], else `headset-data` in the current folder. The
/// game's settings and history and the CLI all live here.
pub fn data_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_owned();
    }
    if let Some(p) = std::env::var_os(DATA_DIR_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    default_data_dir().unwrap_or_else(|| PathBuf::from("headset-data"))
}
