//! `headset export --csv`: every stored attempt as a CSV row, for trainers;
//! `headset export --xapi FILE`: every stored attempt as xAPI statements,
//! one JSON object per line (what `headset sync` would send).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use headset::progress::csv::to_csv;
use headset::progress::{Attempt, History};
use headset::report::{config, statements};

use super::history::{report_problems, select};

pub fn run(data_dir: Option<&Path>, profile: Option<&str>, out: Option<&Path>) -> ExitCode {
    let sel = match select("export", data_dir, profile) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if sel.profiles.is_empty() {
        eprintln!(
            "headset export: no profiles in {} yet: only the header is written",
            sel.dir.display()
        );
    }
    let mut damaged = false;
    let mut attempts = Vec::new();
    for p in &sel.profiles {
        let h = sel.store.load_summaries_dir(&p.dir);
        damaged |= report_problems("export", &h);
        attempts.extend(h.attempts);
    }
    let csv = to_csv(&attempts);
    match out {
        Some(file) => {
            if let Err(e) = headset::store::write_atomic(file, csv.as_bytes()) {
                eprintln!("headset export: could not write {}: {e}", file.display());
                return ExitCode::from(2);
            }
            eprintln!(
                "headset export: {} attempts written to {}",
                attempts.len(),
                file.display()
            );
        }
        None => {
            let _ = std::io::stdout().lock().write_all(csv.as_bytes());
        }
    }
    if damaged {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn run_xapi(data_dir: Option<&Path>, profile: Option<&str>, file: &Path) -> ExitCode {
    let sel = match select("export", data_dir, profile) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // The IRIs and actors come from lrs.ron: exporting with other ones
    // would not match what the LRS gets.
    let settings = match config::load(&sel.dir) {
        Ok(s) => s.xapi,
        Err(e) => {
            eprintln!("headset export: {e}");
            return ExitCode::from(2);
        }
    };
    let mut damaged = false;
    let mut out = String::new();
    let mut count = (0, 0);
    for p in &sel.profiles {
        // The transcript and moments are read only for per-reply statements.
        let h: History<Attempt> = if settings.per_reply {
            sel.store.load_dir(&p.dir)
        } else {
            let h = sel.store.load_summaries_dir(&p.dir);
            History {
                attempts: h
                    .attempts
                    .into_iter()
                    .map(|s| Attempt::join(s, None))
                    .collect(),
                problems: h.problems,
            }
        };
        damaged |= report_problems("export", &h);
        for a in &h.attempts {
            let detail = settings.per_reply.then(|| a.detail());
            for st in statements(&a.summary, detail.as_ref(), &settings) {
                match serde_json::to_string(&st) {
                    Ok(json) => {
                        out.push_str(&json);
                        out.push('\n');
                        count.1 += 1;
                    }
                    Err(e) => {
                        eprintln!(
                            "headset export: could not encode a statement of {}: {e}",
                            a.id
                        );
                        return ExitCode::from(2);
                    }
                }
            }
            count.0 += 1;
        }
    }
    if file == Path::new("-") {
        let _ = std::io::stdout().lock().write_all(out.as_bytes());
    } else {
        if let Err(e) = headset::store::write_atomic(file, out.as_bytes()) {
            eprintln!("headset export: could not write {}: {e}", file.display());
            return ExitCode::from(2);
        }
        eprintln!(
            "headset export: {} statements of {} attempts written to {}",
            count.1,
            count.0,
            file.display()
        );
    }
    if damaged {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
