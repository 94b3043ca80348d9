//! The trainee's history in the game: every finished call is stored
//! (crash-safely, by the core's `progress::Store`), the call in progress is
//! checkpointed after every turn, an interrupted call can be resumed, and
//! a result that cannot be written stays in memory and is retried, never
//! dropped. When a learning record store is set (`lrs.ron` or
//! `HEADSET_LRS_*`), every saved call is queued in the outbox and sent on a
//! background thread (`report::Courier`); the frame never waits for it.

use bevy::prelude::*;

use super::Screen;
use super::call::{ActiveCall, LastCall, StartCall, fresh_seed};
use super::i18n::Tr;
use super::scenarios::Library;
use super::settings::{Settings, SettingsFile};
use super::ui::progress_panel::DeliveryView;
use crate::progress::{
    Attempt, AttemptSummary, Checkpoint, ProgressView, Replay, ScenarioInfo, Shift, ShiftSummary,
    Store, plan_shift, replay, resume,
};
use crate::report::{self, Courier, LrsError};
use crate::scenario::Skill;

/// A practice shift being played.
#[derive(Debug, Clone)]
pub struct ActiveShift {
    pub shift: Shift,
    pub language: String,
    /// Calls started so far.
    pub started: usize,
}

/// The trainee's progress as the game keeps it.
#[derive(Resource)]
pub struct Progress {
    pub store: Store,
    /// The profile (the trainee's name), once chosen.
    pub profile: Option<String>,
    /// Every readable attempt of the profile, oldest first: the scores,
    /// not the transcripts (10,000 of those take 300 ms to read).
    pub attempts: Vec<AttemptSummary>,
    /// Records that could not be read (file, line, what was done).
    pub problems: Vec<String>,
    /// Results not yet on disk (the disk was full or read-only): kept here
    /// and written again after the next call.
    pub unsaved: Vec<Attempt>,
    /// The last write problem, shown until a write succeeds.
    pub save_error: Option<String>,
    /// A call interrupted by a crash, found at start.
    pub interrupted: Option<Checkpoint>,
    /// Why the interrupted call could not be resumed.
    pub resume_error: Option<String>,
    pub shift: Option<ActiveShift>,
    /// The summary of the last finished shift.
    pub shift_summary: Option<ShiftSummary>,
    /// What the last replay check found.
    pub replay_message: Option<String>,
    /// The id of the last attempt recorded (a LastCall is recorded once).
    recorded: Option<String>,
    /// Sending results to the learning record store.
    pub delivery: Delivery,
}

/// How long to wait before sending again after a failed run.
const RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(300);

/// Results going to the learning record store, as the game sees them.
#[derive(Debug, Default)]
pub struct Delivery {
    /// `lrs.ron` and the environment, if an LRS is set.
    pub settings: Option<report::Settings>,
    /// Why the settings cannot be used (an unsafe or malformed `lrs.ron`).
    pub config_error: Option<String>,
    /// Sends on a background thread.
    pub courier: Courier,
    /// Results of the open profile waiting to be sent.
    pub waiting: usize,
    /// Why a saved result could not be queued (it is queued at the next start).
    pub queue_error: Option<String>,
    /// A send should start at the next update.
    pub due: bool,
    /// When the last send was started.
    pub last_start: Option<std::time::Instant>,
}

impl Delivery {
    /// Reads the LRS settings of the data folder.
    pub fn new(data_dir: &std::path::Path) -> Delivery {
        let mut d = Delivery::default();
        match report::config::load(data_dir) {
            Ok(s) if s.lrs.is_some() => d.settings = Some(s),
            Ok(_) => {}
            Err(e) => d.config_error = Some(e.to_string()),
        }
        d
    }

    /// Whether an LRS is set (and its settings are usable).
    pub fn enabled(&self) -> bool {
        self.settings.is_some()
    }

    /// Counts what the open profile has waiting.
    fn refresh(&mut self, store: &Store, profile: &str) {
        if self.enabled() {
            let outbox = report::Outbox::new(store.profile_dir(profile));
            self.waiting = outbox.waiting().map_or(self.waiting, |w| w.results);
        }
    }
}

impl Progress {
    /// Progress stored in `data_dir`, before a profile is chosen.
    pub fn new(data_dir: std::path::PathBuf) -> Progress {
        Progress {
            store: Store::open(&data_dir),
            profile: None,
            attempts: Vec::new(),
            problems: Vec::new(),
            unsaved: Vec::new(),
            save_error: None,
            interrupted: None,
            resume_error: None,
            shift: None,
            shift_summary: None,
            replay_message: None,
            recorded: None,
            delivery: Delivery::new(&data_dir),
        }
    }

    /// Opens a profile: its history and any interrupted call.
    pub fn open(&mut self, profile: &str) {
        if self.profile.as_deref() == Some(profile) {
            return;
        }
        if let Err(e) = self.store.create_profile(profile) {
            self.save_error = Some(e.to_string());
        }
        let history = self.store.load_summaries(profile);
        self.attempts = history.attempts;
        self.problems = history.problems.iter().map(ToString::to_string).collect();
        self.interrupted = match self.store.load_checkpoint(profile) {
            Ok(c) => c.filter(|c| !self.attempts.iter().any(|a| a.id == c.attempt_id())),
            Err(p) => {
                self.problems.push(p.to_string());
                None
            }
        };
        self.profile = Some(profile.to_owned());
        self.shift = None;
        if let Some(settings) = &self.delivery.settings {
            // Calls saved but not queued (the game stopped in between) go now.
            let dir = self.store.profile_dir(profile);
            match report::queue_missing(&self.store, &dir, &self.attempts, &settings.xapi) {
                Ok(n) => {
                    if n > 0 {
                        info!("{n} saved results queued for the LRS");
                    }
                    self.delivery.queue_error = None;
                }
                Err(e) => self.delivery.queue_error = Some(e.to_string()),
            }
            self.delivery.refresh(&self.store, profile);
            self.delivery.due = true;
        }
    }

    /// Stores an attempt; on failure keeps it (and any earlier unsaved
    /// ones) in memory to try again.
    pub fn record(&mut self, attempt: Attempt) {
        self.attempts.push(attempt.summary.clone());
        self.unsaved.push(attempt);
        self.flush();
    }

    /// Writes what is not on disk yet, oldest first; once all is written,
    /// the checkpoint of a stored call is removed (until then it is the
    /// second copy of the call).
    pub fn flush(&mut self) {
        while let Some(a) = self.unsaved.first() {
            match self.store.append(a) {
                Ok(()) => {
                    let a = self.unsaved.remove(0);
                    self.save_error = None;
                    self.queue(&a);
                }
                Err(e) => {
                    self.save_error = Some(format!("{e} ({})", e.hint()));
                    return;
                }
            }
        }
        let Some(profile) = self.profile.clone() else {
            return;
        };
        if let Ok(Some(c)) = self.store.load_checkpoint(&profile)
            && self.attempts.iter().any(|a| a.id == c.attempt_id())
            && let Err(e) = self.store.clear_checkpoint(&profile)
        {
            self.save_error = Some(e.to_string());
        }
    }

    /// Queues a saved attempt's statements for the LRS (if one is set) and
    /// asks for a send. If queuing fails, the next start queues it.
    fn queue(&mut self, attempt: &Attempt) {
        let Some(settings) = &self.delivery.settings else {
            return;
        };
        match report::queue_attempt(&self.store, attempt, &settings.xapi) {
            Ok(_) => self.delivery.queue_error = None,
            Err(e) => self.delivery.queue_error = Some(e.to_string()),
        }
        self.delivery.refresh(&self.store, &attempt.profile);
        self.delivery.due = true;
    }

    /// What the library knows, for recommendations and shifts.
    pub fn infos(library: &Library) -> Vec<ScenarioInfo> {
        library
            .entries
            .iter()
            .map(|e| ScenarioInfo::from_scenario(&e.playable.loaded.scenario))
            .collect()
    }

    /// The progress screen's delivery bar, in the interface language;
    /// `None` when no LRS is set.
    pub fn delivery_view(&self, tr: &Tr) -> Option<DeliveryView> {
        delivery_view(self, tr)
    }

    /// The progress view in the trainee's language.
    pub fn view(&self, library: &Library, language: &str) -> ProgressView {
        ProgressView::compute_for(&self.attempts, &Self::infos(library), Some(language))
    }
}

/// An LRS error explained in the interface language.
pub fn lrs_error_text(tr: &Tr, e: &LrsError) -> String {
    match e {
        LrsError::Credentials { status, .. } => {
            tr.f("lrs-error-credentials", &[("status", &status.to_string())])
        }
        LrsError::Rejected { status, body, .. } => tr.f(
            "lrs-error-rejected",
            &[("status", &status.to_string()), ("detail", body)],
        ),
        LrsError::Server { status, .. } | LrsError::Unexpected { status, .. } => {
            tr.f("lrs-error-server", &[("status", &status.to_string())])
        }
        LrsError::Unreachable { url, .. } => tr.f("lrs-error-unreachable", &[("url", url)]),
        LrsError::Timeout { url, .. } => tr.f("lrs-error-timeout", &[("url", url)]),
    }
}

/// The delivery bar's view: `None` when no LRS is set.
pub fn delivery_view(progress: &Progress, tr: &Tr) -> Option<DeliveryView> {
    let d = &progress.delivery;
    if let Some(e) = &d.config_error {
        return Some(DeliveryView {
            config_error: Some(e.clone()),
            ..DeliveryView::default()
        });
    }
    if !d.enabled() {
        return None;
    }
    let status = d.courier.status();
    let last_error = status
        .last_error
        .as_ref()
        .map(|e| lrs_error_text(tr, e))
        .or_else(|| {
            status
                .last_problem
                .as_ref()
                .or(d.queue_error.as_ref())
                .map(|p| tr.f("lrs-error-outbox", &[("detail", p)]))
        });
    Some(DeliveryView {
        waiting: d.waiting,
        sending: status.sending,
        last_error,
        config_error: None,
    })
}

/// Plays the trainee's last stored call again from its input log and says,
/// in the interface language, whether the result is identical or which
/// scenario version changed.
pub fn replay_last(
    progress: &Progress,
    library: &Library,
    tr: &crate::game::i18n::Tr,
) -> Option<String> {
    let profile = progress.profile.as_deref()?;
    let last = progress.attempts.last()?;
    let Some(attempt) = progress
        .store
        .load_attempt(profile, &last.id)
        .or_else(|| progress.unsaved.iter().find(|a| a.id == last.id).cloned())
    else {
        return Some(tr.f("replay-missing", &[("scenario", &last.scenario)]));
    };
    let Some(entry) =
        find_entry(library, &attempt.scenario, &attempt.language).and_then(|id| library.find(id))
    else {
        return Some(tr.f("replay-missing", &[("scenario", &attempt.scenario)]));
    };
    let p = &entry.playable;
    let result = replay(&attempt, p.compiled.clone(), &p.loaded.source);
    Some(match &result {
        Replay::Identical => tr.t("replay-identical"),
        Replay::Rescored { stored, replayed } => tr.f(
            "replay-rescored",
            &[
                ("old", &stored.rubric.to_string()),
                ("new", &replayed.rubric.to_string()),
                ("stored", &stored.overall.to_string()),
                ("replayed", &replayed.overall.to_string()),
            ],
        ),
        Replay::Differs { .. } => tr.f(
            "replay-differs",
            &[("details", &result.describe(&attempt.scenario))],
        ),
        Replay::ScenarioChanged {
            stored_version,
            current_version,
            ..
        } => tr.f(
            "replay-changed",
            &[
                ("scenario", &p.loaded.scenario.title),
                ("old", &stored_version.to_string()),
                ("new", &current_version.to_string()),
            ],
        ),
    })
}

/// The library entry of a scenario id in a language (else any language).
pub fn find_entry(
    library: &Library,
    id: &str,
    language: &str,
) -> Option<AssetId<super::scenarios::ScenarioAsset>> {
    let by = |lang: Option<&str>| {
        library.entries.iter().find(|e| {
            let s = &e.playable.loaded.scenario;
            s.id == id && lang.is_none_or(|l| s.language == l)
        })
    };
    by(Some(language))
        .or_else(|| by(None))
        .map(|e| e.handle.id())
}

/// Plans a shift of `calls` calls toward the weakest skill and starts it.
pub fn start_shift(
    progress: &mut Progress,
    library: &Library,
    language: &str,
    calls: usize,
    start: &mut MessageWriter<StartCall>,
) {
    let view = progress.view(library, language);
    let weakest = view.weakest.map_or(Skill::Listening, |w| w.skill);
    let shift = plan_shift(
        fresh_seed(),
        calls,
        weakest,
        &Progress::infos(library),
        language,
    );
    progress.shift = Some(ActiveShift {
        shift,
        language: language.to_owned(),
        started: 0,
    });
    progress.shift_summary = None;
    next_in_shift(progress, library, start);
}

/// Starts the next call of the shift; at the end, makes the summary.
/// Returns false when the shift is over.
pub fn next_in_shift(
    progress: &mut Progress,
    library: &Library,
    start: &mut MessageWriter<StartCall>,
) -> bool {
    let Some(active) = progress.shift.as_mut() else {
        return false;
    };
    let Some(id) = active.shift.scenario_ids.get(active.started).cloned() else {
        let summary = ShiftSummary::compute(&active.shift.id, &progress.attempts);
        progress.shift_summary = Some(summary);
        progress.shift = None;
        return false;
    };
    active.started += 1;
    match find_entry(library, &id, &active.language) {
        Some(scenario) => {
            start.write(StartCall {
                scenario,
                seed: active.shift.seed.wrapping_add(active.started as u64),
                shift: Some(active.shift.id.clone()),
            });
            true
        }
        None => next_in_shift(progress, library, start),
    }
}

/// A shift code a trainer handed out (`headset --shift CODE`), not yet started.
#[derive(Resource, Debug, Default)]
pub struct HandedShift(pub Option<String>);

/// Opens the profile when the trainee leaves the profile screen, and starts
/// a handed-out shift: the same code gives every trainee the same calls.
fn open_profile(
    settings: Res<Settings>,
    mut progress: ResMut<Progress>,
    mut handed: ResMut<HandedShift>,
    library: Res<Library>,
    mut start: MessageWriter<StartCall>,
) {
    let name = settings.name.trim();
    if name.is_empty() {
        return;
    }
    progress.open(name);
    let Some(code) = handed.0.take() else { return };
    let infos = Progress::infos(&library);
    match (
        crate::progress::shift::replan(&code, &infos),
        crate::progress::shift::parse_shift_id(&code),
    ) {
        (Some(shift), Some(spec)) => {
            progress.shift = Some(ActiveShift {
                shift,
                language: spec.language,
                started: 0,
            });
            progress.shift_summary = None;
            next_in_shift(&mut progress, &library, &mut start);
        }
        _ => {
            progress.resume_error = Some(format!(
                "\"{code}\" is not a shift code (it looks like 00000000000004d2-5-listening-en)"
            ));
        }
    }
}

/// Writes a checkpoint after every accepted input of the call.
fn checkpoint(mut calls: Query<&mut ActiveCall>, mut progress: ResMut<Progress>) {
    let Some(profile) = progress.profile.clone() else {
        return;
    };
    for mut call in &mut calls {
        if !call.checkpoint_due || call.session.is_over() {
            continue;
        }
        call.checkpoint_due = false;
        let mut c = Checkpoint::from_session(
            &call.session,
            &call.playable.loaded.source,
            &call.log,
            &profile,
            call.seed,
            call.started_at_ms,
        );
        if let Some(s) = &call.shift {
            c = c.in_shift(s.clone());
        }
        if let Err(e) = progress.store.save_checkpoint(&c) {
            progress.save_error = Some(e.to_string());
        }
    }
}

/// Stores each finished call once, then removes its checkpoint.
fn record_finished(last: Option<Res<LastCall>>, mut progress: ResMut<Progress>) {
    let (Some(last), Some(profile)) = (last, progress.profile.clone()) else {
        return;
    };
    // A call author mode jumped or reloaded is a trainer's test, not an attempt.
    if last.authored {
        return;
    }
    let mut attempt = Attempt::from_session(
        &last.session,
        &last.report,
        &last.playable.loaded.source,
        last.log.clone(),
        &profile,
        last.started_at_ms,
        last.seed,
    );
    if progress.recorded.as_deref() == Some(attempt.id.as_str()) {
        return;
    }
    if let Some(s) = &last.shift {
        attempt = attempt.in_shift(s.clone());
    }
    progress.recorded = Some(attempt.id.clone());
    info!("attempt {} recorded", attempt.id);
    progress.record(attempt);
}

/// Starts a send when one is due (a result was queued, the profile was
/// opened, or five minutes passed since a failed run with results
/// waiting), and takes in what a finished send did. The sending runs on
/// the courier's thread; when it ends it wakes the event loop, so the
/// progress screen shows the outcome without waiting for input.
fn deliver(mut progress: ResMut<Progress>, proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>) {
    let d = &progress.delivery;
    if !d.enabled() {
        return;
    }
    let finished = d.courier.take_finished();
    let retry = d.waiting > 0
        && d.last_start.is_some_and(|t| t.elapsed() >= RETRY_AFTER)
        && !d.courier.status().sending;
    if !(finished || d.due || retry) {
        return;
    }
    let Some(cfg) = d.settings.as_ref().and_then(|s| s.lrs.clone()) else {
        return;
    };
    let progress = &mut *progress;
    if finished && let Some(profile) = progress.profile.clone() {
        progress.delivery.refresh(&progress.store, &profile);
    }
    if progress.delivery.due || retry {
        progress.delivery.due = false;
        progress.delivery.last_start = Some(std::time::Instant::now());
        let wake = proxy.map(|p| {
            let p = (**p).clone();
            std::sync::Arc::new(move || {
                let _ = p.send_event(bevy::winit::WinitUserEvent::WakeUp);
            }) as report::courier::Wake
        });
        progress
            .delivery
            .courier
            .send(progress.store.data_dir().to_owned(), cfg, wake);
    }
}

/// Resumes the interrupted call: the session is rebuilt by replaying its
/// inputs; a changed scenario file is refused with the reason.
pub fn resume_interrupted(
    progress: &mut Progress,
    library: &Library,
    commands: &mut Commands,
    next: &mut NextState<Screen>,
) {
    let Some(cp) = progress.interrupted.take() else {
        return;
    };
    let Some(id) = find_entry(library, &cp.scenario, &cp.language) else {
        progress.resume_error = Some(format!(
            "the scenario \"{}\" is not in the library any more",
            cp.scenario
        ));
        return;
    };
    let Some(entry) = library.find(id) else {
        return;
    };
    match resume(
        &cp,
        entry.playable.compiled.clone(),
        &entry.playable.loaded.source,
    ) {
        Ok(session) => {
            let mut call = ActiveCall::new(
                session,
                entry.playable.clone(),
                id,
                cp.seed,
                cp.inputs.clone(),
                cp.started_at_ms,
            );
            call.shift.clone_from(&cp.shift);
            commands.spawn((Name::new("call"), call, DespawnOnExit(Screen::Call)));
            next.set(Screen::Call);
            progress.resume_error = None;
        }
        Err(e) => progress.resume_error = Some(e.to_string()),
    }
}

/// Drops the interrupted call (its checkpoint is removed).
pub fn discard_interrupted(progress: &mut Progress) {
    if let (Some(_), Some(profile)) = (progress.interrupted.take(), progress.profile.clone())
        && let Err(e) = progress.store.clear_checkpoint(&profile)
    {
        progress.save_error = Some(e.to_string());
    }
}

/// The history, checkpoints and resume. Needs the data folder from settings.
pub fn plugin(app: &mut App) {
    let dir = app
        .world()
        .get_resource::<SettingsFile>()
        .and_then(|f| f.path.parent().map(std::path::Path::to_path_buf))
        .unwrap_or_default();
    app.insert_resource(Progress::new(dir))
        .add_systems(OnExit(Screen::Profile), open_profile)
        .add_systems(
            Update,
            (checkpoint, record_finished).after(super::call::CallSystems),
        )
        .add_systems(Update, deliver.after(record_finished));
}
