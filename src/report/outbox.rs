//! The outbox: statements waiting for the LRS, on disk, per profile.
//!
//! `<profile folder>/outbox/<attempt id>.<n>.jsonl` holds the `n`
//! statements of one attempt, one per line as
//! `<crc32 of the JSON, 8 hex digits> <statement JSON>\n` (the line format
//! of the attempt log). Why one file per attempt:
//!
//! - **Queuing** writes the file with `store::write_atomic` (temporary
//!   file, flush, fsync, rename, fsync of the folder): after a crash the
//!   file is either absent or complete, never half written, and once
//!   `queue` returns it survives a power cut.
//! - **Delivery** reads one file at a time, sends its statements, and only
//!   then deletes the file (and fsyncs the folder). A crash between the
//!   LRS's answer and the delete sends that attempt again next time, which
//!   is harmless: statement ids are deterministic and the LRS keeps one.
//!   Nothing is ever rewritten, so no crash can damage an entry that is
//!   already queued.
//! - **Counting** what waits needs only the folder listing: the file name
//!   says how many statements it holds. The names sort by attempt id, which
//!   starts with the start time, so the oldest results go first.
//!
//! A file whose lines fail their checksum (edited, or damaged on disk) is
//! renamed to `<name>.damaged` beside it, never deleted, and reported.
//!
//! `<profile folder>/outbox.log` is the ledger: a header naming the last
//! attempt saved before delivery was enabled for the profile (and when),
//! then the id of every attempt queued. An attempt saved after that one
//! whose id is not in the ledger was saved but not queued (the program
//! stopped between the two): [`Outbox::missing`] finds it, and the game
//! and `headset sync` queue it then. The boundary is an attempt id, not a
//! time, so a wrong or changed clock cannot hide an attempt.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::lrs::Pending;
use super::xapi::Statement;
use crate::progress::AttemptSummary;
use crate::progress::checksum::crc32;

/// The outbox folder inside a profile folder.
pub const OUTBOX_DIR: &str = "outbox";
/// The ledger of queued attempts, beside the outbox folder.
pub const LEDGER_FILE: &str = "outbox.log";
const EXT: &str = "jsonl";
const LEDGER_HEADER: &str =
    "# headset outbox ledger: the attempts of this profile queued for the LRS";

/// One attempt's statements waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its file.
    pub path: PathBuf,
    /// The attempt it belongs to.
    pub attempt_id: String,
    /// How many statements the file holds.
    pub statements: usize,
}

/// What is waiting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Waiting {
    /// Attempts (results, as the trainee sees them).
    pub results: usize,
    /// Statements.
    pub statements: usize,
}

/// The outbox could not be read or written. Messages name the file.
#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    /// A file or folder could not be read, written or synced.
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// A queued file is damaged; it was set aside and will not be sent.
    #[error(
        "{}: line {line} {why}, so its statements are not sent; {}",
        path.display(),
        match aside { Some(a) => format!("the file was renamed to {}", a.display()), None => "it could not be renamed and stays where it is".to_owned() }
    )]
    Damaged {
        path: PathBuf,
        line: usize,
        why: &'static str,
        aside: Option<PathBuf>,
    },
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> OutboxError {
    let path = path.to_owned();
    move |source| OutboxError::Io {
        action,
        path,
        source,
    }
}

/// The attempts queued since delivery was enabled for a profile.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// The last attempt saved before delivery was enabled: `Some(None)` if
    /// there was none, `None` if the ledger does not say (then `since_ms`
    /// decides).
    pub after: Option<Option<String>>,
    /// When delivery was enabled, ms since 1970.
    pub since_ms: u64,
    /// Every attempt id queued since.
    pub ids: HashSet<String>,
}

/// The outbox of one profile.
#[derive(Debug, Clone)]
pub struct Outbox {
    profile_dir: PathBuf,
    dir: PathBuf,
}

#[derive(Deserialize)]
struct IdOnly {
    id: String,
}

impl Outbox {
    /// The outbox of the profile in `profile_dir` (`Store::profile_dir`).
    /// Nothing is created until something is queued.
    pub fn new(profile_dir: impl Into<PathBuf>) -> Outbox {
        let profile_dir = profile_dir.into();
        Outbox {
            dir: profile_dir.join(OUTBOX_DIR),
            profile_dir,
        }
    }

    /// The outbox folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn ledger_path(&self) -> PathBuf {
        self.profile_dir.join(LEDGER_FILE)
    }

    /// Whether delivery was ever enabled for this profile.
    pub fn enabled(&self) -> bool {
        self.ledger_path().is_file()
    }

    /// Starts the ledger, if there is none: `after` is the last attempt
    /// saved before now (`None`: no attempt yet). From then on, an attempt
    /// saved after it but not queued is found by [`Outbox::missing`].
    pub fn enable(&self, after: Option<&str>, now_ms: u64) -> Result<(), OutboxError> {
        let path = self.ledger_path();
        if path.is_file() {
            return Ok(());
        }
        let text = format!(
            "{LEDGER_HEADER}\nafter {}\nsince {now_ms}\n",
            after.unwrap_or("-")
        );
        crate::store::write_atomic(&path, text.as_bytes()).map_err(io_err("write", &path))
    }

    /// Reads the ledger; `None` if delivery was never enabled here.
    pub fn ledger(&self) -> Result<Option<Ledger>, OutboxError> {
        let path = self.ledger_path();
        let f = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err("read", &path)(e)),
        };
        let mut ledger = Ledger::default();
        for line in BufReader::new(f).lines() {
            let line = line.map_err(io_err("read", &path))?;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            // Attempt ids have no spaces; the header lines do.
            match line.split_once(' ') {
                Some(("after", "-")) => ledger.after = Some(None),
                Some(("after", id)) => ledger.after = Some(Some(id.to_owned())),
                Some(("since", ms)) => ledger.since_ms = ms.trim().parse().unwrap_or(0),
                Some(_) => {}
                None => {
                    ledger.ids.insert(line);
                }
            }
        }
        Ok(Some(ledger))
    }

    /// The attempts of `history` (oldest first, as the store reads them)
    /// saved after delivery was enabled but never queued (the program
    /// stopped between saving and queuing). Empty when delivery was never
    /// enabled for this profile.
    pub fn missing<'a>(
        &self,
        history: &'a [AttemptSummary],
    ) -> Result<Vec<&'a AttemptSummary>, OutboxError> {
        let Some(ledger) = self.ledger()? else {
            return Ok(Vec::new());
        };
        let boundary = match &ledger.after {
            Some(None) => Some(0),
            Some(Some(id)) => history.iter().position(|a| &a.id == id).map(|i| i + 1),
            None => None,
        };
        let later: Vec<&AttemptSummary> = match boundary {
            Some(i) => history[i.min(history.len())..].iter().collect(),
            // The boundary attempt cannot be read any more (damaged): fall
            // back to the time delivery was enabled.
            None => history
                .iter()
                .filter(|a| {
                    super::xapi::started_ms(a).saturating_add(a.duration_ms) >= ledger.since_ms
                })
                .collect(),
        };
        Ok(later
            .into_iter()
            .filter(|a| !ledger.ids.contains(&a.id))
            .collect())
    }

    /// Queues one attempt's statements: on disk (synced) when this returns.
    pub fn queue(&self, attempt_id: &str, statements: &[Statement]) -> Result<Entry, OutboxError> {
        let entry = self.write_entry(attempt_id, statements)?;
        self.record(&[attempt_id])?;
        Ok(entry)
    }

    /// Queues many attempts (`headset sync --requeue`): each file is
    /// written crash-safely, the ledger once at the end.
    pub fn queue_many<'a>(
        &self,
        attempts: impl IntoIterator<Item = (&'a str, Vec<Statement>)>,
    ) -> Result<usize, OutboxError> {
        let mut ids = Vec::new();
        for (id, statements) in attempts {
            self.write_entry(id, &statements)?;
            ids.push(id);
        }
        self.record(&ids)?;
        Ok(ids.len())
    }

    fn write_entry(
        &self,
        attempt_id: &str,
        statements: &[Statement],
    ) -> Result<Entry, OutboxError> {
        let path = self
            .dir
            .join(format!("{attempt_id}.{}.{EXT}", statements.len()));
        let mut text = String::new();
        for s in statements {
            let json = serde_json::to_string(s).map_err(|e| OutboxError::Io {
                action: "encode a statement for",
                path: path.clone(),
                source: io::Error::other(e),
            })?;
            text.push_str(&format!("{:08x} {json}\n", crc32(json.as_bytes())));
        }
        crate::store::write_atomic(&path, text.as_bytes()).map_err(io_err("write", &path))?;
        Ok(Entry {
            path,
            attempt_id: attempt_id.to_owned(),
            statements: statements.len(),
        })
    }

    /// Appends attempt ids to the ledger, synced. (Without a ledger, one
    /// is started that counts the whole history as after enabling: callers
    /// that know better call [`Outbox::enable`] first, as
    /// `report::queue_attempt` does.) A line cut short by a crash is only ever the last one; the
    /// next append starts on a new line, and the cut id no longer matches,
    /// so that attempt is at worst queued once more.
    fn record(&self, ids: &[&str]) -> Result<(), OutboxError> {
        if ids.is_empty() {
            return Ok(());
        }
        self.enable(None, now_ms())?;
        let path = self.ledger_path();
        let mut f = OpenOptions::new()
            .read(true)
            .append(true)
            .open(&path)
            .map_err(io_err("open", &path))?;
        let len = f.metadata().map_err(io_err("read", &path))?.len();
        let mut text = String::new();
        if len > 0 {
            let mut last = [0u8];
            f.seek(SeekFrom::Start(len - 1))
                .and_then(|_| f.read_exact(&mut last))
                .map_err(io_err("read", &path))?;
            if last[0] != b'\n' {
                text.push('\n');
            }
        }
        for id in ids {
            text.push_str(id);
            text.push('\n');
        }
        f.write_all(text.as_bytes())
            .and_then(|()| f.sync_data())
            .map_err(io_err("write", &path))
    }

    /// What waits, oldest first.
    pub fn entries(&self) -> Result<Vec<Entry>, OutboxError> {
        let rd = match fs::read_dir(&self.dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err("read the folder", &self.dir)(e)),
        };
        let mut out = Vec::new();
        for e in rd {
            let e = e.map_err(io_err("read the folder", &self.dir))?;
            let name = e.file_name().to_string_lossy().into_owned();
            // Temporary files of a write in progress start with a dot.
            if name.starts_with('.') {
                continue;
            }
            let Some(stem) = name.strip_suffix(&format!(".{EXT}")) else {
                continue;
            };
            let (attempt_id, count) = match stem.rsplit_once('.') {
                Some((id, n)) if n.parse::<usize>().is_ok() => {
                    (id.to_owned(), n.parse().unwrap_or(0))
                }
                _ => (stem.to_owned(), count_lines(&e.path())),
            };
            out.push(Entry {
                path: e.path(),
                attempt_id,
                statements: count,
            });
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// How much waits, from the folder listing alone.
    pub fn waiting(&self) -> Result<Waiting, OutboxError> {
        let entries = self.entries()?;
        Ok(Waiting {
            results: entries.len(),
            statements: entries.iter().map(|e| e.statements).sum(),
        })
    }

    /// The statements of one entry, checked line by line. A damaged file
    /// is set aside (renamed to `.damaged`) and reported.
    pub fn read(&self, entry: &Entry) -> Result<Vec<Pending>, OutboxError> {
        let bytes = match fs::read(&entry.path) {
            Ok(b) => b,
            // Sent and removed meanwhile by another sender (the game and
            // `headset sync` at once): nothing left to do.
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err("read", &entry.path)(e)),
        };
        let mut out = Vec::with_capacity(entry.statements);
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            if line.is_empty() {
                continue;
            }
            match verify(line) {
                Ok(p) => out.push(p),
                Err(why) => {
                    return Err(OutboxError::Damaged {
                        path: entry.path.clone(),
                        line: i + 1,
                        why,
                        aside: set_aside(&entry.path),
                    });
                }
            }
        }
        if !bytes.ends_with(b"\n") && !bytes.is_empty() {
            return Err(OutboxError::Damaged {
                path: entry.path.clone(),
                line: out.len(),
                why: "is cut short",
                aside: set_aside(&entry.path),
            });
        }
        Ok(out)
    }

    /// Deletes delivered entries, then syncs the folder so that the
    /// deletion survives a power cut (if it does not, they are sent again,
    /// which is harmless).
    pub fn remove(&self, entries: &[Entry]) -> Result<(), OutboxError> {
        for e in entries {
            match fs::remove_file(&e.path) {
                Ok(()) => {}
                Err(err) if err.kind() == io::ErrorKind::NotFound => {}
                Err(err) => return Err(io_err("delete", &e.path)(err)),
            }
        }
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Checks a line's checksum and takes the statement id out of its JSON.
fn verify(line: &[u8]) -> Result<Pending, &'static str> {
    let (sum, json) = match line.split_at_checked(9) {
        Some((head, json)) if head[8] == b' ' => (&head[..8], json),
        _ => return Err("has no checksum"),
    };
    let sum = std::str::from_utf8(sum)
        .ok()
        .and_then(|s| u32::from_str_radix(s, 16).ok())
        .ok_or("has no checksum")?;
    if crc32(json) != sum {
        return Err("fails its checksum");
    }
    let json = std::str::from_utf8(json).map_err(|_| "is not UTF-8")?;
    let id = serde_json::from_str::<IdOnly>(json)
        .map_err(|_| "is not a statement with an id")?
        .id;
    Ok(Pending {
        id,
        json: json.to_owned(),
    })
}

/// Renames a damaged file to `<name>.damaged` (`-2`, `-3`, ... if taken).
fn set_aside(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    for n in 1..1000 {
        let aside = if n == 1 {
            path.with_file_name(format!("{name}.damaged"))
        } else {
            path.with_file_name(format!("{name}.damaged-{n}"))
        };
        if aside.exists() {
            continue;
        }
        return fs::rename(path, &aside).ok().map(|()| aside);
    }
    None
}

fn count_lines(path: &Path) -> usize {
    fs::read(path).map_or(0, |b| {
        b.split(|&c| c == b'\n').filter(|l| !l.is_empty()).count()
    })
}

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    use super::super::xapi::{XapiSettings, statements};
    use super::*;
    use crate::progress::{AttemptSummary, EngineOptions, Scores};
    use crate::scenario::EndingKind;

    fn summary(id: &str, started_at: u64) -> AttemptSummary {
        AttemptSummary {
            format: 1,
            id: id.into(),
            profile: "Anna".into(),
            scenario: "double-charge".into(),
            scenario_version: 2,
            content_hash: "85944171f73967e8".into(),
            language: "en".into(),
            seed: 1,
            options: EngineOptions {
                pace: 1.0,
                timers: true,
                agent_name: "Sam".into(),
                reading_wpm: 200,
            },
            inputs: Vec::new(),
            skills: Scores::default(),
            overall: 80,
            pass_mark: 70,
            passed: true,
            rubric: crate::score::rules::RUBRIC_VERSION,
            failures: Vec::new(),
            critical_errors: Vec::new(),
            ending: "refund".into(),
            ending_kind: EndingKind::Resolved,
            duration_ms: 83_400,
            started_at,
            shift: None,
        }
    }

    #[test]
    fn queued_entries_are_listed_oldest_first_and_removed_once_sent() {
        let dir = tempfile::tempdir().unwrap();
        let ob = Outbox::new(dir.path());
        let s = XapiSettings::default();
        let b = summary("18bcfe56900-0000000000000002", 1_700_000_000);
        let a = summary("18bcfe56800-0000000000000001", 1_700_000_000);
        ob.queue(&b.id, &statements(&b, None, &s)).unwrap();
        ob.queue(&a.id, &statements(&a, None, &s)).unwrap();
        let e = ob.entries().unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].attempt_id, a.id);
        assert_eq!(
            ob.waiting().unwrap(),
            Waiting {
                results: 2,
                statements: 8
            }
        );
        let read = ob.read(&e[0]).unwrap();
        assert_eq!(read.len(), 4);
        let first: Statement = serde_json::from_str(&read[0].json).unwrap();
        assert_eq!(first.id, read[0].id);
        assert_eq!(first, statements(&a, None, &s)[0]);
        ob.remove(&e[..1]).unwrap();
        assert_eq!(ob.waiting().unwrap().results, 1);
        // Removing again (another sender was quicker) is not an error.
        ob.remove(&e[..1]).unwrap();
    }

    #[test]
    fn a_damaged_file_is_set_aside_not_sent_and_not_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let ob = Outbox::new(dir.path());
        let a = summary("18bcfe56800-0000000000000001", 1_700_000_000);
        let e = ob
            .queue(&a.id, &statements(&a, None, &XapiSettings::default()))
            .unwrap();
        let text = fs::read_to_string(&e.path)
            .unwrap()
            .replace("\"raw\":80", "\"raw\":99");
        fs::write(&e.path, text).unwrap();
        let err = ob.read(&e).unwrap_err().to_string();
        assert!(err.contains("line 2 fails its checksum"), "{err}");
        assert!(err.contains(".damaged"), "{err}");
        assert_eq!(ob.waiting().unwrap().results, 0);
        let kept: Vec<_> = fs::read_dir(ob.dir()).unwrap().collect();
        assert_eq!(kept.len(), 1, "the damaged file is kept");
    }

    #[test]
    fn the_ledger_finds_attempts_saved_but_never_queued() {
        let dir = tempfile::tempdir().unwrap();
        let ob = Outbox::new(dir.path());
        let s = XapiSettings::default();
        let old = summary("18bcfe56800-0000000000000001", 1_700_000_000);
        let queued = summary("18bcfe5a680-0000000000000002", 1_700_001_000);
        let lost = summary("18bcfe5e500-0000000000000003", 1_700_002_000);
        let history = vec![old.clone(), queued.clone(), lost.clone()];
        assert!(ob.missing(&history).unwrap().is_empty(), "never enabled");
        // Enabled after `old` was saved, at a time the clock says is long
        // after every call: the order of the history decides, not the clock.
        ob.enable(Some(&old.id), 4_000_000_000_000).unwrap();
        ob.queue(&queued.id, &statements(&queued, None, &s))
            .unwrap();
        let missing = ob.missing(&history).unwrap();
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].id, lost.id);
        // A cut last line does not swallow the next id.
        let ledger = dir.path().join(LEDGER_FILE);
        let mut f = OpenOptions::new().append(true).open(&ledger).unwrap();
        f.write_all(b"18bcfe5e5").unwrap();
        ob.queue(&lost.id, &statements(&lost, None, &s)).unwrap();
        assert!(ob.missing(&history).unwrap().is_empty());
        // Enabling again changes nothing.
        ob.enable(None, 0).unwrap();
        assert!(ob.missing(&history).unwrap().is_empty());
    }

    #[test]
    fn without_the_boundary_attempt_the_time_decides() {
        let dir = tempfile::tempdir().unwrap();
        let ob = Outbox::new(dir.path());
        let a = summary("18bcfe56800-0000000000000001", 1_700_000_000);
        let b = summary("18bcfe5a680-0000000000000002", 1_700_001_000);
        ob.enable(Some("gone"), 1_700_000_500_000).unwrap();
        let history = vec![a, b.clone()];
        let missing = ob.missing(&history).unwrap();
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].id, b.id);
    }
}
