//! Sending what waits in the outboxes: read a batch of entries (bounded:
//! at most one batch of statements is in memory, however large the
//! outbox), send it, delete it only once the LRS has it, go on.
//!
//! A failure that would hit every batch the same way (wrong credentials,
//! no connection, timeouts, 5xx after the retries) ends the run and leaves
//! the rest queued. A 4xx rejection of particular statements does not: the
//! batch is sent again entry by entry, the entries the LRS accepts are
//! delivered, and the rejected ones stay in the outbox (reported) while the
//! run goes on with the next batch.

use super::lrs::{Lrs, LrsError, Pending};
use super::outbox::{Entry, Outbox, Waiting};
use crate::progress::Store;

/// What a run did.
#[derive(Debug, Default)]
pub struct Report {
    /// Statements the LRS acknowledged (including ones it already had).
    pub sent: usize,
    /// Of those, answered 409: already stored.
    pub already_stored: usize,
    /// HTTP requests made, retries included.
    pub requests: usize,
    /// Results (attempts) delivered and removed from the outbox.
    pub results: usize,
    /// What still waits afterwards.
    pub waiting: Waiting,
    /// The last LRS error of the run, if any.
    pub error: Option<LrsError>,
    /// Outbox problems (damaged or unreadable files), as messages.
    pub problems: Vec<String>,
}

impl Report {
    /// Adds another outbox's run.
    pub fn absorb(&mut self, other: Report) {
        self.sent += other.sent;
        self.already_stored += other.already_stored;
        self.requests += other.requests;
        self.results += other.results;
        self.waiting.results += other.waiting.results;
        self.waiting.statements += other.waiting.statements;
        if other.error.is_some() {
            self.error = other.error;
        }
        self.problems.extend(other.problems);
    }
}

/// Sends one outbox. Stops at the first error that would hit every batch.
pub fn deliver(outbox: &Outbox, lrs: &Lrs) -> Report {
    let mut r = Report::default();
    let batch = lrs.batch().max(1);
    match outbox.entries() {
        Ok(entries) => {
            let mut group: Vec<(Entry, Vec<Pending>)> = Vec::new();
            let mut n = 0;
            let mut go_on = true;
            for e in entries {
                let p = match outbox.read(&e) {
                    Ok(p) => p,
                    Err(err) => {
                        r.problems.push(err.to_string());
                        continue;
                    }
                };
                // Whole entries per request, as many as fit in a batch (an
                // entry larger than a batch goes in several requests).
                if n + p.len() > batch && !group.is_empty() {
                    go_on = flush(outbox, lrs, &mut group, &mut r);
                    n = 0;
                    if !go_on {
                        break;
                    }
                }
                n += p.len();
                group.push((e, p));
            }
            if go_on {
                flush(outbox, lrs, &mut group, &mut r);
            }
        }
        Err(e) => r.problems.push(e.to_string()),
    }
    match outbox.waiting() {
        Ok(w) => r.waiting = w,
        Err(e) => r.problems.push(e.to_string()),
    }
    r
}

/// Sends several outboxes in turn. After an error that would hit every
/// batch (see [`LrsError::stops_run`]) the rest are only counted.
pub fn deliver_many(outboxes: impl IntoIterator<Item = Outbox>, lrs: &Lrs) -> Report {
    let mut total = Report::default();
    let mut stopped = false;
    for outbox in outboxes {
        if stopped {
            match outbox.waiting() {
                Ok(w) => {
                    total.waiting.results += w.results;
                    total.waiting.statements += w.statements;
                }
                Err(e) => total.problems.push(e.to_string()),
            }
            continue;
        }
        let r = deliver(&outbox, lrs);
        stopped = r.error.as_ref().is_some_and(LrsError::stops_run);
        total.absorb(r);
    }
    total
}

/// Sends every profile's outbox in the data folder, in profile order.
pub fn deliver_all(store: &Store, lrs: &Lrs) -> Report {
    match store.profiles() {
        Ok(profiles) => deliver_many(profiles.iter().map(|p| Outbox::new(&p.dir)), lrs),
        Err(e) => Report {
            problems: vec![e.to_string()],
            ..Report::default()
        },
    }
}

/// Sends a group of entries; on success removes them. Returns whether the
/// run should go on.
fn flush(
    outbox: &Outbox,
    lrs: &Lrs,
    group: &mut Vec<(Entry, Vec<Pending>)>,
    r: &mut Report,
) -> bool {
    if group.is_empty() {
        return true;
    }
    let taken = std::mem::take(group);
    let all: Vec<Pending> = taken.iter().flat_map(|(_, p)| p.iter().cloned()).collect();
    match send_all(lrs, &all, r) {
        Ok(()) => {
            let entries: Vec<Entry> = taken.into_iter().map(|(e, _)| e).collect();
            done(outbox, &entries, r);
            true
        }
        Err(e) if e.stops_run() => {
            r.error = Some(e);
            false
        }
        Err(e) if taken.len() == 1 => {
            r.error = Some(e);
            true
        }
        Err(_) => {
            // Find the entries the LRS rejects; deliver the others.
            for (entry, pending) in taken {
                match send_all(lrs, &pending, r) {
                    Ok(()) => done(outbox, std::slice::from_ref(&entry), r),
                    Err(e) => {
                        let stop = e.stops_run();
                        r.problems.push(format!(
                            "the statements of attempt {} stay in the outbox: {e}",
                            entry.attempt_id
                        ));
                        r.error = Some(e);
                        if stop {
                            return false;
                        }
                    }
                }
            }
            true
        }
    }
}

fn send_all(lrs: &Lrs, statements: &[Pending], r: &mut Report) -> Result<(), LrsError> {
    for chunk in statements.chunks(lrs.batch().max(1)) {
        let s = lrs.send(chunk)?;
        r.requests += s.requests;
        r.sent += s.statements;
        r.already_stored += s.conflicts;
    }
    Ok(())
}

fn done(outbox: &Outbox, entries: &[Entry], r: &mut Report) {
    match outbox.remove(entries) {
        Ok(()) => r.results += entries.len(),
        // Delivered but not deleted: sent again next time, harmlessly.
        Err(e) => r.problems.push(e.to_string()),
    }
}
