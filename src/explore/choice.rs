//! What the agent can do at a turn, as the explorer sees it: how long to let
//! the customer speak, then which reply, transfer or hang-up.
//!
//! The explorer acts only at the moments that can make a difference: right
//! away, after each finished customer line (interrupting the rest), or once
//! the customer has finished. Waiting longer than that only adds silence,
//! which never helps, so it is left out (docs/explorer.md, "What is explored").

use crate::sim::Session;
use crate::sim::script::Step;

/// One thing the agent does at a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    /// Reply, by 0-based file index.
    Reply(usize),
    /// Transfer to a target, by index.
    Transfer(usize),
    HangUp,
}

/// A choice: let `heard` more customer lines finish, then act. When `heard`
/// equals the lines still to come, the agent let the customer finish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub heard: usize,
    pub act: Act,
}

/// The session after letting `heard` lines finish, with the silence it took.
pub fn listen(session: &Session, heard: usize) -> (Session, u64) {
    let mut s = session.clone();
    let before = s.now();
    for _ in 0..heard {
        s.listen();
    }
    let waited = s.now() - before;
    (s, waited)
}

/// Every choice at this turn, in a fixed order: letting the customer finish
/// first, then ever earlier interruptions; within each, replies in file
/// order, transfers, hang-up. Ties between equally good paths go to the
/// earliest, so reported paths interrupt only when that is what scores.
pub fn choices(session: &Session, targets: usize) -> Vec<(Choice, Session)> {
    let pending = session.pending_lines();
    let mut out = Vec::new();
    for heard in (0..=pending).rev() {
        let (after, _) = listen(session, heard);
        let mut replies = after.offered().to_vec();
        replies.sort_unstable();
        let acts: Vec<Act> = replies
            .into_iter()
            .map(Act::Reply)
            .chain((0..targets).map(Act::Transfer))
            .chain(std::iter::once(Act::HangUp))
            .collect();
        // Every act but the last plays on a copy; the last takes the original.
        if let Some((&last, rest)) = acts.split_last() {
            for &act in rest {
                out.push((Choice { heard, act }, after.clone()));
            }
            out.push((Choice { heard, act: last }, after));
        }
    }
    out
}

/// Plays the act on a session that has already listened.
pub fn act(session: &mut Session, act: Act) {
    let result = match act {
        Act::Reply(i) => session.reply(i),
        Act::Transfer(t) => {
            let c = std::sync::Arc::clone(session.compiled());
            session.transfer(&c.target_ids[t])
        }
        Act::HangUp => session.hang_up(),
    };
    // Choices come from what the session offers, so it always accepts them.
    debug_assert!(result.is_ok(), "explorer chose a refused input: {result:?}");
}

/// The SPEC steps of a choice (same syntax as `headset simulate --choices`).
pub fn steps(session: &Session, choice: Choice) -> Vec<Step> {
    let pending = session.pending_lines();
    let interrupt = choice.heard < pending;
    let mut out = Vec::new();
    if interrupt && choice.heard > 0 {
        let (_, waited) = listen(session, choice.heard);
        out.push(Step::Wait(waited));
    }
    out.push(match choice.act {
        Act::Reply(i) => Step::Reply {
            n: i + 1,
            interrupt,
        },
        Act::Transfer(t) => Step::Transfer {
            target: session.compiled().target_ids[t].clone(),
            interrupt,
        },
        Act::HangUp => Step::HangUp { interrupt },
    });
    out
}
