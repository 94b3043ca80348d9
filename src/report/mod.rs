//! Reporting results to a learning record store (LRS): xAPI statements for
//! every attempt, a crash-safe outbox on disk, and delivery with retries.
//!
//! The flow: an attempt is saved in the history (`progress::Store::append`),
//! then [`queue_attempt`] writes its statements to the profile's outbox;
//! the game sends the outbox on a background thread ([`courier`]) and
//! `headset sync` from the command line ([`deliver`]). Nothing here knows
//! about Bevy. docs/lrs.md describes the statements, the settings file and
//! the command.
//!
//! - [`xapi`]: the statements of an attempt (serde types of our own);
//! - [`config`]: `lrs.ron` and the `HEADSET_LRS_*` environment variables;
//! - [`outbox`]: the statements waiting on disk, per profile;
//! - [`lrs`]: the HTTP client (PUT/POST with retries and backoff);
//! - [`deliver`]: one run over the outboxes, batch by batch;
//! - [`courier`]: runs in the background for the game.

pub mod config;
pub mod courier;
pub mod deliver;
pub mod lrs;
pub mod outbox;
pub mod xapi;

use std::path::Path;

pub use config::{ConfigError, LrsConfig, Settings};
pub use courier::Courier;
pub use deliver::{Report, deliver, deliver_all};
pub use lrs::{Lrs, LrsError};
pub use outbox::{Outbox, OutboxError, Waiting};
pub use xapi::{Statement, XapiSettings, statements};

use crate::progress::{Attempt, AttemptSummary, Store};

/// Queues a saved attempt's statements in its profile's outbox (synced to
/// disk when this returns). Call it after `Store::append` succeeded, when
/// an LRS is configured. The first time for a profile, the attempts saved
/// before this one are marked as before delivery (see [`queue_missing`]).
pub fn queue_attempt(
    store: &Store,
    attempt: &Attempt,
    settings: &XapiSettings,
) -> Result<outbox::Entry, OutboxError> {
    let outbox = Outbox::new(store.profile_dir(&attempt.profile));
    if !outbox.enabled() {
        let history = store.load_summaries(&attempt.profile).attempts;
        let before = match history.iter().position(|s| s.id == attempt.id) {
            Some(i) => i.checked_sub(1).map(|i| history[i].id.as_str()),
            None => history.last().map(|s| s.id.as_str()),
        };
        outbox.enable(before, now_ms())?;
    }
    let detail = attempt.detail();
    outbox.queue(
        &attempt.id,
        &statements(&attempt.summary, Some(&detail), settings),
    )
}

/// Starts delivery for the profile in `profile_dir` (if not yet) and queues
/// every attempt of its history (`summaries`, as loaded by the caller)
/// saved since but never queued: the program stopped between saving and
/// queuing. Returns how many were queued.
pub fn queue_missing(
    store: &Store,
    profile_dir: &Path,
    summaries: &[AttemptSummary],
    settings: &XapiSettings,
) -> Result<usize, OutboxError> {
    let outbox = Outbox::new(profile_dir);
    outbox.enable(summaries.last().map(|s| s.id.as_str()), now_ms())?;
    let missing = outbox.missing(summaries)?;
    if missing.is_empty() {
        return Ok(0);
    }
    // The transcripts are read only when per-reply statements need them.
    let details = if settings.per_reply {
        store.load_dir(profile_dir).attempts
    } else {
        Vec::new()
    };
    let made = missing.iter().map(|s| {
        let detail = details.iter().find(|a| a.id == s.id).map(Attempt::detail);
        (s.id.as_str(), statements(s, detail.as_ref(), settings))
    });
    outbox.queue_many(made)
}

/// Queues every attempt of the profile in `profile_dir` that is not in its
/// outbox now, sent before or not (`headset sync --requeue`): for results
/// saved before an LRS was set up. Sending again is harmless. Returns how
/// many were queued.
pub fn requeue_all(
    store: &Store,
    profile_dir: &Path,
    settings: &XapiSettings,
) -> Result<usize, OutboxError> {
    let outbox = Outbox::new(profile_dir);
    let history = store.load_summaries_dir(profile_dir).attempts;
    outbox.enable(history.last().map(|s| s.id.as_str()), now_ms())?;
    let queued: std::collections::HashSet<String> = outbox
        .entries()?
        .into_iter()
        .map(|e| e.attempt_id)
        .collect();
    let attempts = if settings.per_reply {
        store.load_dir(profile_dir).attempts
    } else {
        history
            .into_iter()
            .map(|s| Attempt::join(s, None))
            .collect()
    };
    let made = attempts
        .iter()
        .filter(|a| !queued.contains(&a.id))
        .map(|a| {
            let detail = settings.per_reply.then(|| a.detail());
            (
                a.id.as_str(),
                statements(&a.summary, detail.as_ref(), settings),
            )
        });
    outbox.queue_many(made)
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
