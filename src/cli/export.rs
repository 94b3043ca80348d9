//! `headset export --csv`: every stored attempt as a CSV row, for trainers.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use headset::progress::csv::to_csv;

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
