//! `headset sync`: sends the results waiting in the outboxes to the
//! learning record store set in `lrs.ron` or `HEADSET_LRS_*`.
//!
//! Exit status: 0 the outboxes are empty afterwards; 1 statements remain
//! (the LRS failed or refused them; the last error is printed) or a
//! queued file is damaged (set aside and named); 2 usage or settings problem (no LRS set, an unsafe
//! or malformed `lrs.ron`, a malformed address, no such profile).

use std::path::Path;
use std::process::ExitCode;

use headset::report::config::{self, PASSWORD_ENV, URL_ENV, USER_ENV};
use headset::report::deliver::deliver_many;
use headset::report::{Lrs, Outbox, queue_missing, requeue_all};

use super::history::select;

pub fn run(data_dir: Option<&Path>, profile: Option<&str>, requeue: bool) -> ExitCode {
    let sel = match select("sync", data_dir, profile) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let settings = match config::load(&sel.dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("headset sync: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(cfg) = settings.lrs else {
        eprintln!(
            "headset sync: no learning record store is set: set {URL_ENV} (with {USER_ENV} and {PASSWORD_ENV}), or url, user and password in {} (see docs/lrs.md)",
            sel.dir.join(config::LRS_FILE).display()
        );
        return ExitCode::from(2);
    };
    let mut problems = false;
    for p in &sel.profiles {
        let queued = if requeue {
            requeue_all(&sel.store, &p.dir, &settings.xapi)
        } else {
            let history = sel.store.load_summaries_dir(&p.dir);
            queue_missing(&sel.store, &p.dir, &history.attempts, &settings.xapi)
        };
        match queued {
            Ok(0) => {}
            Ok(n) => eprintln!(
                "headset sync: {}: queued {n} result{} {}",
                p.name,
                if n == 1 { "" } else { "s" },
                if requeue {
                    "again"
                } else {
                    "that had been saved but not queued"
                }
            ),
            Err(e) => {
                eprintln!("headset sync: {}: {e}", p.name);
                problems = true;
            }
        }
    }
    let lrs = Lrs::new(&cfg);
    let total = deliver_many(sel.profiles.iter().map(|p| Outbox::new(&p.dir)), &lrs);
    for p in &total.problems {
        eprintln!("headset sync: {p}");
    }
    println!(
        "sent {} statement{}, {} waiting",
        total.sent,
        if total.sent == 1 { "" } else { "s" },
        total.waiting.statements
    );
    if let Some(e) = &total.error {
        eprintln!("headset sync: last error: {e}");
    }
    if total.waiting.statements > 0 || problems || !total.problems.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
