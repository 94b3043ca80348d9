//! Delivery off the caller's thread: the game asks the courier to send,
//! goes on drawing frames, and reads the outcome when it is there.
//!
//! One run at a time: asking while a run is under way makes it run once
//! more at the end (so a result queued meanwhile goes out too), never two
//! at once. No Bevy here; the game hands in a `wake` function that asks
//! its event loop for a frame when a run ends.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::config::LrsConfig;
use super::deliver::deliver_all;
use super::lrs::{Lrs, LrsError};
use crate::progress::Store;

/// What the courier last did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// A run is under way.
    pub sending: bool,
    /// Runs finished so far.
    pub runs: u64,
    /// Statements the last run delivered.
    pub last_sent: usize,
    /// The last run's LRS error; `None` after a run without one.
    pub last_error: Option<LrsError>,
    /// The last run's outbox problem (a damaged or unreadable file), or why
    /// no run could start.
    pub last_problem: Option<String>,
}

#[derive(Default)]
struct State {
    status: Status,
    again: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    finished: AtomicBool,
}

/// Sends outboxes on a background thread.
#[derive(Clone, Default)]
pub struct Courier {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Courier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Courier")
            .field("status", &self.status())
            .finish()
    }
}

/// Called when a run ends (the game wakes its event loop).
pub type Wake = Arc<dyn Fn() + Send + Sync>;

impl Courier {
    /// A courier with nothing sent yet.
    pub fn new() -> Courier {
        Courier::default()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic on the sending thread must not take the game down with
        // it: the state is plain data and stays usable.
        self.shared
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Sends every outbox in `data_dir` on a background thread, or, if a
    /// run is under way, has it run once more when it ends. Returns at once.
    pub fn send(&self, data_dir: PathBuf, cfg: LrsConfig, wake: Option<Wake>) {
        {
            let mut st = self.lock();
            if st.status.sending {
                st.again = true;
                return;
            }
            st.status.sending = true;
        }
        let me = self.clone();
        let spawned = std::thread::Builder::new()
            .name("headset-lrs".into())
            .spawn(move || me.run(&data_dir, &cfg, wake));
        if let Err(e) = spawned {
            let mut st = self.lock();
            st.status.sending = false;
            st.status.last_problem = Some(format!("could not start sending: {e}"));
        }
    }

    fn run(&self, data_dir: &std::path::Path, cfg: &LrsConfig, wake: Option<Wake>) {
        let lrs = Lrs::new(cfg);
        loop {
            // A bug in a run must not leave the courier "sending" forever.
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                deliver_all(&Store::open(data_dir), &lrs)
            }));
            let mut st = self.lock();
            st.status.runs += 1;
            match run {
                Ok(report) => {
                    st.status.last_sent = report.sent;
                    st.status.last_error = report.error;
                    st.status.last_problem = report.problems.last().cloned();
                }
                Err(_) => {
                    st.status.last_sent = 0;
                    st.status.last_error = None;
                    st.status.last_problem =
                        Some("sending stopped on an internal error; please report it".into());
                }
            }
            if st.again {
                st.again = false;
                continue;
            }
            st.status.sending = false;
            break;
        }
        self.shared.finished.store(true, Ordering::Release);
        if let Some(w) = wake {
            w();
        }
    }

    /// What the courier last did.
    pub fn status(&self) -> Status {
        self.lock().status.clone()
    }

    /// True once after each finished run (for the game to refresh its
    /// counts then, not on every frame).
    pub fn take_finished(&self) -> bool {
        self.shared.finished.swap(false, Ordering::AcqRel)
    }

    /// Waits until no run is under way (tests and shutdown); false on timeout.
    pub fn wait_idle(&self, timeout: Duration) -> bool {
        let until = Instant::now() + timeout;
        while self.lock().status.sending {
            if Instant::now() > until {
                return false;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        true
    }
}
