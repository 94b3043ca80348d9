//! `headset history`: a profile's stored calls as a short table, and the
//! profile selection `headset export` shares.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use headset::progress::date::short_utc;
use headset::progress::view::weakest;
use headset::progress::{self, AttemptSummary, History, Profile, Store};
use headset::score::rules::RUBRIC_VERSION;

/// The data folder, its store and the profiles a command works on.
pub(super) struct Selection {
    pub dir: PathBuf,
    pub store: Store,
    pub profiles: Vec<Profile>,
}

/// Resolves the data folder and picks the profiles: the one named
/// (exactly, else ignoring case), or all. Prints the problem and returns
/// the exit code when there is nothing to work on.
pub(super) fn select(
    cmd: &str,
    data_dir: Option<&Path>,
    profile: Option<&str>,
) -> Result<Selection, ExitCode> {
    let dir = progress::data_dir(data_dir);
    if !dir.is_dir() {
        eprintln!(
            "headset {cmd}: the data folder {} does not exist",
            dir.display()
        );
        eprintln!(
            "  = hint: pass the folder the game uses with --data-dir DIR (or set {}); no call has been stored there yet otherwise",
            progress::DATA_DIR_ENV
        );
        return Err(ExitCode::from(2));
    }
    let store = Store::open(&dir);
    let all = match store.profiles() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("headset {cmd}: {e}");
            return Err(ExitCode::from(2));
        }
    };
    let names = || {
        all.iter()
            .map(|p| format!("\"{}\"", p.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let profiles = match profile {
        None => all.clone(),
        Some(name) => {
            let exact: Vec<Profile> = all.iter().filter(|p| p.name == name).cloned().collect();
            let chosen = if exact.is_empty() {
                all.iter()
                    .filter(|p| p.name.to_lowercase() == name.to_lowercase())
                    .cloned()
                    .collect()
            } else {
                exact
            };
            if chosen.is_empty() {
                if all.is_empty() {
                    eprintln!(
                        "headset {cmd}: no profile \"{name}\": {} has no profiles yet",
                        dir.display()
                    );
                } else {
                    eprintln!(
                        "headset {cmd}: no profile \"{name}\" in {}; profiles: {}",
                        dir.display(),
                        names()
                    );
                }
                return Err(ExitCode::from(2));
            }
            chosen
        }
    };
    Ok(Selection {
        dir,
        store,
        profiles,
    })
}

/// Prints the problems of a history on standard error; true if there were any.
pub(super) fn report_problems<T>(cmd: &str, h: &History<T>) -> bool {
    for p in &h.problems {
        eprintln!("headset {cmd}: damaged record: {p}");
    }
    !h.problems.is_empty()
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// The table: one row per attempt, the rubric that scored it (`v1`, `v2`)
/// and why it did not pass (failure keys), so scores of two rubrics are
/// never shown as if they compared.
fn table(h: &History<AttemptSummary>) -> String {
    let width = h
        .attempts
        .iter()
        .map(|a| a.scenario.chars().count())
        .max()
        .unwrap_or(0)
        .max("scenario".len());
    let line = |cells: [&str; 12]| {
        let [
            date,
            scenario,
            lang,
            ending,
            passed,
            overall,
            p,
            l,
            n,
            e,
            rubric,
            why,
        ] = cells;
        let row = format!(
            "  {date:<16}  {scenario:<width$}  {lang:<4}  {ending:<10}  {passed:<6}  {overall:>7}  {p:>8}  {l:>9}  {n:>4}  {e:>10}  {rubric:<6}  {why}"
        );
        format!("{}\n", row.trim_end())
    };
    let mut out = line([
        "date (UTC)",
        "scenario",
        "lang",
        "ending",
        "passed",
        "overall",
        "patience",
        "listening",
        "name",
        "escalation",
        "rubric",
        "failed because",
    ]);
    for a in &h.attempts {
        let s = a.skills;
        out.push_str(&line([
            &short_utc(a.started_at),
            &a.scenario,
            &a.language,
            a.ending_kind.key(),
            yes_no(a.passed),
            &a.overall.to_string(),
            &s.patience.to_string(),
            &s.listening.to_string(),
            &s.name.to_string(),
            &s.escalation.to_string(),
            &format!("v{}", a.rubric),
            &a.failures.join(", "),
        ]));
    }
    if let Some(old) = h.attempts.iter().find(|a| a.other_rubric()) {
        let (old, now) = (old.rubric, RUBRIC_VERSION);
        out.push_str(&format!(
            "  scores marked v{old} come from rubric v{old} and do not compare with rubric v{now} scores\n"
        ));
    }
    out
}

pub fn run(data_dir: Option<&Path>, profile: Option<&str>) -> ExitCode {
    let sel = match select("history", data_dir, profile) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if sel.profiles.is_empty() {
        eprintln!(
            "headset history: no profiles in {} yet: a profile appears when its first call is saved",
            sel.dir.display()
        );
        return ExitCode::SUCCESS;
    }
    let mut damaged = false;
    let mut text = String::new();
    for (i, p) in sel.profiles.iter().enumerate() {
        let h = sel.store.load_summaries_dir(&p.dir);
        damaged |= report_problems("history", &h);
        if i > 0 {
            text.push('\n');
        }
        let n = h.attempts.len();
        text.push_str(&format!(
            "{}: {n} call{}\n",
            p.name,
            if n == 1 { "" } else { "s" }
        ));
        if n == 0 {
            continue;
        }
        text.push_str(&table(&h));
        if let Some(w) = weakest(&h.attempts) {
            // Judged on the newest rubric's calls only: say so when others exist.
            let mixed = h.attempts.iter().any(|a| a.rubric != w.rubric);
            let rubric = if mixed || w.rubric != RUBRIC_VERSION {
                format!(" scored by rubric v{}", w.rubric)
            } else {
                String::new()
            };
            text.push_str(&format!(
                "  weakest skill: {} (mean {} over the last {} call{}{rubric})\n",
                w.skill.key(),
                w.mean,
                w.calls,
                if w.calls == 1 { "" } else { "s" }
            ));
        }
    }
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if damaged {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
