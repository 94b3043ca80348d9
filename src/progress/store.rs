//! The attempt history on disk: append-only logs per profile, one record
//! per line, each line guarded by a checksum.
//!
//! `<data>/profiles/<folder>/attempts.log` holds one [`AttemptSummary`] per
//! line and `details.log` beside it the [`AttemptDetail`] (transcript and
//! moments) of each attempt, both as lines of
//! `<crc32 of the JSON, 8 hex digits> <JSON>\n`. The split keeps the
//! progress view fast: it reads only the summaries, a seventh of the bytes
//! (10,000 attempts: about 7 MB instead of 48 MB). The detail is written
//! and synced first, then the summary: an attempt is saved once its summary
//! line is on disk, and a crash in between leaves only an unused detail.
//!
//! Why a log and not one file rewritten each time: appending a line never
//! puts an older attempt at risk, and a crash can only ever leave the *last*
//! line incomplete. Each line goes out in a single `write_all` and is synced
//! (`sync_data`) before [`Store::append`] returns, so "saved" means on disk.
//!
//! Reading never trusts a line blindly. A line that is cut short, fails its
//! checksum, is not an attempt, or comes from a newer version of Headset is
//! not shown, never deleted, and copied to `attempts.damaged` beside the
//! log; the problem names the file and line and says what to do, and every
//! other attempt is still returned. Reading never rewrites the log, so the
//! command line can read while the game writes.

use std::collections::HashSet;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::attempt::{Attempt, AttemptDetail, AttemptSummary, FORMAT_VERSION};
use super::checksum::crc32;
use super::date::iso8601;
use super::profile::{PROFILE_FILE, ProfileFile, folder_name};

/// The folder of the profiles inside the data folder.
pub const PROFILES_DIR: &str = "profiles";
/// The attempt log (summaries) inside a profile folder.
pub const LOG_FILE: &str = "attempts.log";
/// Where damaged summaries are copied, beside the log.
pub const DAMAGED_FILE: &str = "attempts.damaged";
/// The detail log (transcripts and moments) inside a profile folder.
pub const DETAIL_FILE: &str = "details.log";
/// Where damaged details are copied.
pub const DETAIL_DAMAGED_FILE: &str = "details.damaged";

/// A record of one of the logs.
pub trait Record: DeserializeOwned + Send {
    /// Its record format.
    fn format(&self) -> u32;
    /// The attempt id it belongs to (records are deduplicated by it).
    fn id(&self) -> &str;
}

impl Record for AttemptSummary {
    fn format(&self) -> u32 {
        self.format
    }
    fn id(&self) -> &str {
        &self.id
    }
}

impl Record for AttemptDetail {
    fn format(&self) -> u32 {
        self.format
    }
    fn id(&self) -> &str {
        &self.id
    }
}

/// Where the damaged lines of a log are copied: `attempts.log` ->
/// `attempts.damaged`, `details.log` -> `details.damaged`.
pub fn damaged_path(log: &Path) -> PathBuf {
    log.with_extension("damaged")
}

/// Writing failed; the message names the file. The caller keeps the
/// attempt and may call [`Store::append`] again: a record written twice is
/// read once.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file or folder could not be created, written or synced.
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        /// What was being done ("write", "create the folder", ...).
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The system's reason.
        #[source]
        source: io::Error,
    },
    /// The record could not be turned into JSON (a bug, not a disk problem).
    #[error("could not encode attempt {id} as JSON: {source}")]
    Encode {
        /// The attempt's id.
        id: String,
        /// Why.
        #[source]
        source: serde_json::Error,
    },
}

impl StoreError {
    fn io(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> StoreError {
        let path = path.to_owned();
        move |source| StoreError::Io {
            action,
            path,
            source,
        }
    }

    /// What the trainee can do about it, in one sentence.
    pub fn hint(&self) -> &'static str {
        match self {
            StoreError::Io { source, .. } => match source.kind() {
                io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                    "the disk is full: free some space; the result is kept until it can be saved"
                }
                io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                    "the data folder cannot be written: check its permissions or choose another with --data-dir; the result is kept until it can be saved"
                }
                _ => "check the data folder; the result is kept until it can be saved",
            },
            StoreError::Encode { .. } => "this is a bug in Headset; please report it",
        }
    }
}

/// What is wrong with a record or a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The last line ends before its newline and fails its checksum: the
    /// program stopped while writing it, so it was never reported saved.
    Truncated,
    /// The line's checksum does not match: changed after it was written.
    ChecksumMismatch,
    /// The line does not start with a checksum: not a record at all.
    NoChecksum,
    /// The checksum matches but the JSON is not an attempt.
    NotAnAttempt(String),
    /// Written by a newer Headset, in a record format this build cannot read.
    NewerFormat(u32),
    /// The file could not be read at all.
    Unreadable(String),
    /// The saved call in progress could not be read.
    DamagedCheckpoint(String),
    /// The transcript and moments of this attempt id are missing or damaged.
    MissingDetail(String),
}

/// What became of the damaged text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetAside {
    /// Copied to this file (now or on an earlier load).
    Copied(PathBuf),
    /// The file was renamed to this (checkpoints).
    Renamed(PathBuf),
    /// Copying failed; the text is still where it was.
    Failed(String),
    /// Nothing to set aside (the file could not be read).
    Nothing,
}

/// A problem found while reading, for the trainee or trainer to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub file: PathBuf,
    /// The 1-based line, for a record of the log.
    pub line: Option<usize>,
    /// What is wrong.
    pub kind: ProblemKind,
    /// Where the damaged text went.
    pub set_aside: SetAside,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        let line = self.line.unwrap_or(0);
        let what = match &self.kind {
            ProblemKind::Truncated => {
                "this record is cut short: Headset stopped while saving it, so that call was never reported saved".to_owned()
            }
            ProblemKind::ChecksumMismatch => {
                "this record was changed after it was saved (its checksum does not match), so it is not shown".to_owned()
            }
            ProblemKind::NoChecksum => {
                "this line is not a saved record (it does not start with a checksum), so it is not shown".to_owned()
            }
            ProblemKind::NotAnAttempt(e) => {
                format!("this record is not a valid attempt ({e}), so it is not shown")
            }
            ProblemKind::NewerFormat(v) => format!(
                "this record was written by a newer version of Headset (record format {v}; this version reads up to {FORMAT_VERSION}), so it is not shown"
            ),
            ProblemKind::Unreadable(e) => format!("could not read the file: {e}"),
            ProblemKind::DamagedCheckpoint(e) => format!(
                "the saved call in progress could not be read ({e}), so it cannot be resumed"
            ),
            ProblemKind::MissingDetail(id) => format!(
                "the transcript and moments of attempt {id} are missing or damaged, so its debrief cannot be shown"
            ),
        };
        write!(f, ": {what}. ")?;
        match &self.set_aside {
            SetAside::Copied(p) => write!(f, "A copy is kept in {}. ", p.display())?,
            SetAside::Renamed(p) => write!(f, "It was kept as {}. ", p.display())?,
            SetAside::Failed(e) => write!(
                f,
                "It could not be copied aside ({e}) and stays where it is. "
            )?,
            SetAside::Nothing => {}
        }
        let todo = match &self.kind {
            ProblemKind::Truncated => {
                "Every other attempt is shown; the next saved call removes the cut line from the log.".to_owned()
            }
            ProblemKind::ChecksumMismatch
            | ProblemKind::NoChecksum
            | ProblemKind::NotAnAttempt(_) => format!(
                "Every other attempt is shown. Undo the edit, or delete line {line} of the log to stop this message."
            ),
            ProblemKind::NewerFormat(_) => {
                "Every other attempt is shown; the record stays in the log for the newer version. Update Headset to see it.".to_owned()
            }
            ProblemKind::Unreadable(_) => {
                "Check the file's permissions; no attempt of this profile can be shown until it can be read.".to_owned()
            }
            ProblemKind::DamagedCheckpoint(_) => {
                "Your finished calls are not affected.".to_owned()
            }
            ProblemKind::MissingDetail(_) => {
                "Its scores are intact and shown; a replay rebuilds the transcript while the scenario is unchanged.".to_owned()
            }
        };
        f.write_str(&todo)
    }
}

/// The attempts of a profile (or their summaries), and what could not be read.
#[derive(Debug, Clone)]
pub struct History<T = Attempt> {
    /// Every readable attempt, in the order saved (oldest first), each id once.
    pub attempts: Vec<T>,
    /// Records not shown, and why.
    pub problems: Vec<Problem>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            attempts: Vec::new(),
            problems: Vec::new(),
        }
    }
}

/// A profile found in the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The name as the trainee typed it (the folder name if `profile.json`
    /// is missing or unreadable).
    pub name: String,
    /// Its folder.
    pub dir: PathBuf,
}

/// The history store in a data folder.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// Encodes one log line: checksum, space, JSON, newline.
pub fn encode_line<T: Serialize>(record: &T) -> Result<String, serde_json::Error> {
    let json = serde_json::to_string(record)?;
    Ok(format!("{:08x} {json}\n", crc32(json.as_bytes())))
}

#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

/// Checks a line's checksum and returns its JSON. `unterminated` says the
/// line is the end of the file with no newline after it: a bad checksum
/// there means the line was cut short.
fn verified(line: &[u8], unterminated: bool) -> Result<&[u8], ProblemKind> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let damaged = |k| {
        if unterminated {
            ProblemKind::Truncated
        } else {
            k
        }
    };
    let (sum, json) = match line.split_at_checked(9) {
        Some((head, json)) if head[8] == b' ' => (&head[..8], json),
        _ => return Err(damaged(ProblemKind::NoChecksum)),
    };
    let sum = std::str::from_utf8(sum)
        .ok()
        .and_then(|s| u32::from_str_radix(s, 16).ok())
        .ok_or_else(|| damaged(ProblemKind::NoChecksum))?;
    if crc32(json) != sum {
        return Err(damaged(ProblemKind::ChecksumMismatch));
    }
    Ok(json)
}

/// Decodes one log line (without its newline).
pub fn decode_line<T: Record>(line: &[u8], unterminated: bool) -> Result<T, ProblemKind> {
    let json = verified(line, unterminated)?;
    match serde_json::from_slice::<T>(json) {
        Ok(a) if a.format() > FORMAT_VERSION => Err(ProblemKind::NewerFormat(a.format())),
        Ok(a) if a.format() == 0 => Err(ProblemKind::NotAnAttempt("record format 0".into())),
        Ok(a) => Ok(a),
        Err(e) => match serde_json::from_slice::<FormatOnly>(json) {
            Ok(h) if h.format > FORMAT_VERSION => Err(ProblemKind::NewerFormat(h.format)),
            _ => Err(ProblemKind::NotAnAttempt(e.to_string())),
        },
    }
}

/// Decodes lines, on two threads when there are many: loading 10,000
/// attempts is mostly JSON parsing and this machine class has two cores.
fn decode_all<T: Record>(lines: &[(usize, &[u8], bool)]) -> Vec<Result<T, ProblemKind>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || lines.len() < 256 {
        return lines.iter().map(|(_, l, u)| decode_line(l, *u)).collect();
    }
    let chunk = lines.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = lines
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|(_, l, u)| decode_line(l, *u))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// Syncs a folder so that a new or renamed entry in it survives power loss.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Appends damaged lines to the damaged file unless an identical line is
/// already there (a damaged record is seen again on every load).
fn set_aside(log: &Path, damaged: &Path, lines: &[(usize, &[u8], &str)]) -> Result<(), String> {
    let existing = match fs::read(damaged) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e.to_string()),
    };
    let known: HashSet<&[u8]> = existing.split(|&b| b == b'\n').collect();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let log_name = log
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut out = Vec::new();
    for (line, text, why) in lines {
        if known.contains(text) {
            continue;
        }
        out.extend_from_slice(
            format!(
                "# {log_name} line {line}: {why}; set aside {}\n",
                iso8601(now)
            )
            .as_bytes(),
        );
        out.extend_from_slice(text);
        out.push(b'\n');
    }
    if out.is_empty() {
        return Ok(());
    }
    let mut f = OpenOptions::new()
        .append(true)
        .create(true)
        .open(damaged)
        .map_err(|e| e.to_string())?;
    f.write_all(&out).map_err(|e| e.to_string())?;
    f.sync_data().map_err(|e| e.to_string())?;
    Ok(())
}

fn short_reason(k: &ProblemKind) -> String {
    match k {
        ProblemKind::Truncated => "cut short".into(),
        ProblemKind::ChecksumMismatch => "checksum does not match".into(),
        ProblemKind::NoChecksum => "no checksum".into(),
        ProblemKind::NotAnAttempt(e) => format!("not an attempt ({e})"),
        ProblemKind::NewerFormat(v) => format!("record format {v} is newer than {FORMAT_VERSION}"),
        ProblemKind::Unreadable(e) | ProblemKind::DamagedCheckpoint(e) => e.clone(),
        ProblemKind::MissingDetail(id) => format!("no detail for {id}"),
    }
}

/// Reads one log (see the module documentation).
pub fn load_log<T: Record>(log: &Path) -> History<T> {
    let bytes = match fs::read(log) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return History::default(),
        Err(e) => {
            return History {
                attempts: Vec::new(),
                problems: vec![Problem {
                    file: log.to_owned(),
                    line: None,
                    kind: ProblemKind::Unreadable(e.to_string()),
                    set_aside: SetAside::Nothing,
                }],
            };
        }
    };
    let terminated = bytes.last().is_none_or(|&b| b == b'\n');
    let mut lines: Vec<(usize, &[u8], bool)> = bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l, false))
        .collect();
    // `split` yields an empty piece after a final newline; without one, the
    // last piece is the unterminated tail.
    match lines.last_mut() {
        Some(last) if terminated => {
            debug_assert!(last.1.is_empty());
            lines.pop();
        }
        Some(last) => last.2 = true,
        None => {}
    }
    lines.retain(|(_, l, _)| !l.iter().all(u8::is_ascii_whitespace));
    let decoded = decode_all::<T>(&lines);
    let mut seen = HashSet::with_capacity(decoded.len());
    let mut attempts = Vec::with_capacity(decoded.len());
    let mut damaged = Vec::new();
    for ((line, text, _), result) in lines.iter().zip(decoded) {
        match result {
            Ok(a) => {
                if seen.insert(a.id().to_owned()) {
                    attempts.push(a);
                }
            }
            Err(kind) => damaged.push((*line, *text, kind)),
        }
    }
    let mut problems = Vec::new();
    if !damaged.is_empty() {
        let aside = damaged_path(log);
        let reasons: Vec<String> = damaged.iter().map(|(_, _, k)| short_reason(k)).collect();
        let entries: Vec<(usize, &[u8], &str)> = damaged
            .iter()
            .zip(&reasons)
            .map(|((l, t, _), r)| (*l, *t, r.as_str()))
            .collect();
        let fate = match set_aside(log, &aside, &entries) {
            Ok(()) => SetAside::Copied(aside),
            Err(e) => SetAside::Failed(e),
        };
        for (line, _, kind) in damaged {
            problems.push(Problem {
                file: log.to_owned(),
                line: Some(line),
                kind,
                set_aside: fate.clone(),
            });
        }
    }
    History { attempts, problems }
}

impl Store {
    /// The store in a data folder (see `progress::data_dir`). Nothing is
    /// created until something is written.
    pub fn open(data_dir: impl Into<PathBuf>) -> Store {
        Store {
            root: data_dir.into(),
        }
    }

    /// The data folder.
    pub fn data_dir(&self) -> &Path {
        &self.root
    }

    /// The folder of a profile, by its real name.
    pub fn profile_dir(&self, profile: &str) -> PathBuf {
        self.root.join(PROFILES_DIR).join(folder_name(profile))
    }

    /// The attempt log of a profile.
    pub fn log_path(&self, profile: &str) -> PathBuf {
        self.profile_dir(profile).join(LOG_FILE)
    }

    /// Creates a profile's folder and `profile.json` if they do not exist.
    pub fn create_profile(&self, profile: &str) -> Result<PathBuf, StoreError> {
        let dir = self.profile_dir(profile);
        let file = dir.join(PROFILE_FILE);
        if !file.is_file() {
            let json = serde_json::to_vec_pretty(&ProfileFile {
                name: profile.to_owned(),
            })
            .map_err(|source| StoreError::Encode {
                id: profile.to_owned(),
                source,
            })?;
            crate::store::write_atomic(&file, &json).map_err(StoreError::io("write", &file))?;
            if let Some(profiles) = dir.parent() {
                sync_dir(profiles);
            }
        }
        Ok(dir)
    }

    /// Saves an attempt: its detail, then its summary, each synced to disk
    /// before this returns: `Ok` means saved. On an error (read-only
    /// folder, disk full) keep the attempt and call again later: if a line
    /// did reach the disk after all, the copy is ignored on load (same id).
    pub fn append(&self, attempt: &Attempt) -> Result<(), StoreError> {
        let dir = self.create_profile(&attempt.profile)?;
        let encode = |source| StoreError::Encode {
            id: attempt.id.clone(),
            source,
        };
        let detail = encode_line(&attempt.detail()).map_err(encode)?;
        let summary = encode_line(&attempt.summary).map_err(encode)?;
        append_line(&dir, &dir.join(DETAIL_FILE), &detail)?;
        append_line(&dir, &dir.join(LOG_FILE), &summary)
    }

    /// Reads a profile's attempts (with transcripts and moments) by its
    /// real name. For the progress view, [`Store::load_summaries`] is
    /// seven times faster.
    pub fn load(&self, profile: &str) -> History {
        self.load_dir(&self.profile_dir(profile))
    }

    /// Reads a profile's attempt summaries by its real name: what the
    /// progress view, the history table and the export need.
    pub fn load_summaries(&self, profile: &str) -> History<AttemptSummary> {
        self.load_summaries_dir(&self.profile_dir(profile))
    }

    /// One attempt with its transcript and moments, for the debrief of an
    /// old call: the summaries are read, then only the matching line of the
    /// detail log is decoded. `None` if no readable summary has this id; an
    /// attempt whose detail is damaged comes with an empty transcript (and
    /// [`Store::load`] reports why).
    pub fn load_attempt(&self, profile: &str, id: &str) -> Option<Attempt> {
        let dir = self.profile_dir(profile);
        let summary = self
            .load_summaries_dir(&dir)
            .attempts
            .into_iter()
            .find(|s| s.id == id)?;
        let bytes = fs::read(dir.join(DETAIL_FILE)).unwrap_or_default();
        let needle = format!("\"id\":{}", serde_json::Value::from(id));
        let detail = bytes
            .split(|&b| b == b'\n')
            .filter(|l| {
                // The id is the second field: look near the start only.
                let head = &l[..l.len().min(needle.len() + 40)];
                head.windows(needle.len()).any(|w| w == needle.as_bytes())
            })
            .filter_map(|l| decode_line::<AttemptDetail>(l, false).ok())
            .find(|d| d.id == id);
        Some(Attempt::join(summary, detail))
    }

    /// Reads the attempt summaries in a profile folder (from [`Store::profiles`]).
    pub fn load_summaries_dir(&self, dir: &Path) -> History<AttemptSummary> {
        load_log(&dir.join(LOG_FILE))
    }

    /// Reads the attempts in a profile folder (from [`Store::profiles`]).
    /// An attempt whose detail is missing or damaged is still returned,
    /// with an empty transcript and no moments, and reported.
    pub fn load_dir(&self, dir: &Path) -> History {
        let summaries = self.load_summaries_dir(dir);
        let mut problems = summaries.problems;
        if summaries.attempts.is_empty() {
            return History {
                attempts: Vec::new(),
                problems,
            };
        }
        let detail_log = dir.join(DETAIL_FILE);
        let details: History<AttemptDetail> = load_log(&detail_log);
        problems.extend(details.problems);
        let mut by_id: std::collections::HashMap<String, AttemptDetail> = details
            .attempts
            .into_iter()
            .map(|d| (d.id.clone(), d))
            .collect();
        let attempts = summaries
            .attempts
            .into_iter()
            .map(|s| {
                let detail = by_id.remove(&s.id);
                if detail.is_none() {
                    problems.push(Problem {
                        file: detail_log.clone(),
                        line: None,
                        kind: ProblemKind::MissingDetail(s.id.clone()),
                        set_aside: SetAside::Nothing,
                    });
                }
                Attempt::join(s, detail)
            })
            .collect();
        History { attempts, problems }
    }

    /// The profiles in the data folder, sorted by name. No folder yet is no
    /// profiles, not an error.
    pub fn profiles(&self) -> Result<Vec<Profile>, StoreError> {
        let dir = self.root.join(PROFILES_DIR);
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io("read the folder", &dir)(e)),
        };
        let mut out = Vec::new();
        for e in entries {
            let e = e.map_err(StoreError::io("read the folder", &dir))?;
            let path = e.path();
            if !path.is_dir() {
                continue;
            }
            let name = fs::read(path.join(PROFILE_FILE))
                .ok()
                .and_then(|b| serde_json::from_slice::<ProfileFile>(&b).ok())
                .map_or_else(|| e.file_name().to_string_lossy().into_owned(), |p| p.name);
            out.push(Profile { name, dir: path });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.dir.cmp(&b.dir)));
        Ok(out)
    }
}

/// Appends one line to a log with a single write, then syncs it (and, for
/// a new file, its folder).
fn append_line(dir: &Path, path: &Path, line: &str) -> Result<(), StoreError> {
    let mut f = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .map_err(StoreError::io("open", path))?;
    let len = f
        .metadata()
        .map_err(StoreError::io("read the size of", path))?
        .len();
    if len > 0 {
        repair_tail(&mut f, path, len)?;
    }
    f.write_all(line.as_bytes())
        .map_err(StoreError::io("write", path))?;
    f.flush().map_err(StoreError::io("write", path))?;
    f.sync_data().map_err(StoreError::io("sync", path))?;
    if len == 0 {
        sync_dir(dir);
    }
    Ok(())
}

/// Makes sure the log ends with a newline before a new line is appended. A
/// tail without one is what a crash or a full disk leaves mid-write: if it
/// passes its checksum it only gets its newline; otherwise it is copied to
/// the damaged file first and then cut from the log (if copying fails, it
/// is only ended with a newline, so it stays, reported, in the log).
fn repair_tail(f: &mut File, path: &Path, len: u64) -> Result<(), StoreError> {
    let mut last = [0u8];
    f.seek(SeekFrom::Start(len - 1))
        .and_then(|_| f.read_exact(&mut last))
        .map_err(StoreError::io("read", path))?;
    if last[0] == b'\n' {
        return Ok(());
    }
    let mut bytes = Vec::new();
    f.seek(SeekFrom::Start(0))
        .and_then(|_| f.read_to_end(&mut bytes))
        .map_err(StoreError::io("read", path))?;
    let start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let tail = &bytes[start..];
    if verified(tail, true).is_err() {
        let line = bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1;
        let copied = set_aside(path, &damaged_path(path), &[(line, tail, "cut short")]).is_ok();
        if copied && f.set_len(start as u64).and_then(|_| f.sync_data()).is_ok() {
            return Ok(());
        }
    }
    f.write_all(b"\n").map_err(StoreError::io("write", path))?;
    Ok(())
}
