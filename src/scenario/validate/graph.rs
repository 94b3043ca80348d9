//! The dialogue as a graph: reachability, dead ends, facts that no path can
//! reveal, escalations that are never offered.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Ctx, node_path, reply_path};
use crate::scenario::diagnostic::Code;
use crate::scenario::locate::path;
use crate::scenario::model::{EndingKind, Escalation, Scenario};

/// The ending the engine uses when the customer hangs up on their own:
/// the first ending of kind `HungUp`, by id.
pub fn hang_up_ending(s: &Scenario) -> Option<&str> {
    s.endings
        .iter()
        .find(|(_, e)| e.kind == EndingKind::HungUp)
        .map(|(id, _)| id.as_str())
}

/// The dialogue with its nodes and endings numbered (nodes first, in id
/// order, then endings), so that the walks below index vectors instead of
/// comparing ids: on a library of 1,000 files this was a fifth of the time.
struct Numbered<'s> {
    /// Number of nodes; the endings follow them.
    nodes: usize,
    /// Where each node's replies can lead (empty for endings).
    next: Vec<Vec<usize>>,
    /// Where each node or ending can be reached from.
    prev: Vec<Vec<usize>>,
    /// The number of the start node.
    start: Option<usize>,
    ids: Vec<&'s str>,
}

impl<'s> Numbered<'s> {
    fn new(s: &'s Scenario) -> Self {
        let ids: Vec<&str> = s
            .nodes
            .keys()
            .chain(s.endings.keys())
            .map(String::as_str)
            .collect();
        let number: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let mut next = vec![Vec::new(); ids.len()];
        let mut prev = vec![Vec::new(); ids.len()];
        for (from, node) in s.nodes.values().enumerate() {
            let dests = node
                .replies
                .iter()
                .flat_map(|r| std::iter::once(&r.next).chain(r.branches.iter().map(|b| &b.go)));
            for to in dests.filter_map(|d| number.get(d.as_str()).copied()) {
                if !next[from].contains(&to) {
                    next[from].push(to);
                    prev[to].push(from);
                }
            }
        }
        Numbered {
            nodes: s.nodes.len(),
            next,
            prev,
            start: number
                .get(s.start.as_str())
                .copied()
                .filter(|&i| i < s.nodes.len()),
            ids,
        }
    }

    /// Everything a walk along `edges` from `from` reaches (`from` included).
    fn walk(&self, from: impl IntoIterator<Item = usize>, edges: &[Vec<usize>]) -> Vec<bool> {
        let mut seen = vec![false; self.ids.len()];
        let mut stack: Vec<usize> = from.into_iter().collect();
        for &i in &stack {
            seen[i] = true;
        }
        while let Some(n) = stack.pop() {
            for &m in &edges[n] {
                if !seen[m] {
                    seen[m] = true;
                    stack.push(m);
                }
            }
        }
        seen
    }

    /// Nodes and endings reachable from the start.
    fn reachable(&self) -> Vec<bool> {
        self.walk(self.start, &self.next)
    }

    /// Nodes from which some ending can be reached.
    fn can_end(&self) -> Vec<bool> {
        self.walk(self.nodes..self.ids.len(), &self.prev)
    }
}

/// Nodes and endings reachable from the start.
pub fn reachable(s: &Scenario) -> BTreeSet<&str> {
    let g = Numbered::new(s);
    let reach = g.reachable();
    g.ids
        .iter()
        .zip(reach)
        .filter_map(|(id, r)| r.then_some(*id))
        .collect()
}

pub(super) fn check(c: &mut Ctx) {
    let s = c.s;
    if !s.nodes.contains_key(&s.start) {
        return; // refs already reported it; everything below would be noise
    }
    let g = Numbered::new(s);
    let reach = g.reachable();
    let can_end = g.can_end();

    for (n, (id, node)) in s.nodes.iter().enumerate() {
        let np = || node_path(id);
        if !reach[n] {
            c.report_key(
                Code::UnreachableNode,
                &np(),
                format!("node \"{id}\" cannot be reached from start \"{}\"", s.start),
                "lead a reply to it with next: or a branch, or remove it",
            );
            continue;
        }
        let own = revealed_in(s, id);
        if node.replies.is_empty() {
            c.report_key(
                Code::DeadEnd,
                &np(),
                format!("node \"{id}\" has no replies, so the conversation gets stuck there"),
                "give it at least one reply whose next: is a node or an ending",
            );
        } else if !can_end[n] {
            c.report_key(
                Code::DeadEnd,
                &np(),
                format!("no path from node \"{id}\" leads to an ending"),
                "make at least one reply on this loop lead to an ending",
            );
        } else if node.replies.iter().all(|r| {
            // A need this node's own lines reveal is met once the customer finishes.
            r.when.is_some() || r.needs.iter().any(|f| !own.contains(f.as_str()))
        }) {
            c.report_key(
                Code::NoFallbackReply,
                &np(),
                format!("every reply of node \"{id}\" has a condition; if none holds the agent has nothing to say"),
                "add one reply without needs: or when:",
            );
        }
    }

    let hang_up = hang_up_ending(s);
    for ((id, ending), reached) in s.endings.iter().zip(&reach[g.nodes..]) {
        let by_hang_up = ending.kind == EndingKind::HungUp && Some(id.as_str()) == hang_up;
        if !reached && !by_hang_up {
            c.report_key(
                Code::UnreachableEnding,
                &path::key("endings", id),
                format!("no reply leads to ending \"{id}\""),
                "lead a reply to it with next: \"...\", or remove it",
            );
        }
    }

    facts_revealable(c, &g, &reach);
    asked_facts(c);
    escalation_offered(c, &reach);
}

/// Facts revealed by the customer lines of a node.
fn revealed_in<'s>(s: &'s Scenario, node: &str) -> BTreeSet<&'s str> {
    s.nodes
        .get(node)
        .map(|n| {
            n.customer
                .iter()
                .flat_map(|l| l.reveals.iter().map(String::as_str))
                .collect()
        })
        .unwrap_or_default()
}

/// A reply that needs a fact must sit where some earlier node (or its own
/// node) can reveal that fact.
fn facts_revealable(c: &mut Ctx, g: &Numbered, reach: &[bool]) {
    let s = c.s;
    let everywhere: BTreeSet<&str> = s
        .nodes
        .values()
        .flat_map(|n| n.customer.iter().flat_map(|l| &l.reveals))
        .map(String::as_str)
        .collect();
    for (i, f) in s.escalation.after().iter().enumerate() {
        if s.facts.contains_key(f) && !everywhere.contains(f.as_str()) {
            c.report(
                Code::FactNeverRevealed,
                &path::index("escalation.after", i),
                format!("the policy wants \"{f}\" known before escalating, but no customer line reveals it"),
                format!("add reveals: [\"{f}\"] to the line where the customer says it"),
            );
        }
    }
    // Facts some path can have revealed by the time a node is reached (its
    // own lines included): a forward fixpoint over 64-bit fact sets. More
    // than 64 facts is an error of its own (values.rs), so skip the check.
    if s.facts.len() > 64 {
        return;
    }
    let bit: BTreeMap<&str, u64> = s
        .facts
        .keys()
        .enumerate()
        .map(|(i, f)| (f.as_str(), 1u64 << i))
        .collect();
    let mut known: Vec<u64> = s
        .nodes
        .values()
        .map(|n| {
            n.customer
                .iter()
                .flat_map(|l| &l.reveals)
                .filter_map(|f| bit.get(f.as_str()))
                .fold(0u64, |a, b| a | b)
        })
        .collect();
    // A worklist: a node whose set grew passes it on to the nodes it leads to.
    let mut work: Vec<usize> = (0..g.nodes).collect();
    while let Some(n) = work.pop() {
        for &m in g.next[n].iter().filter(|&&m| m < g.nodes) {
            if known[m] | known[n] != known[m] {
                known[m] |= known[n];
                work.push(m);
            }
        }
    }
    for (n, (id, node)) in s.nodes.iter().enumerate() {
        if !reach[n] {
            continue;
        }
        let known_here = known[n];
        for (i, reply) in node.replies.iter().enumerate() {
            let heard = reply.when.iter().flat_map(|w| &w.heard);
            let needed = (reply.needs.iter().enumerate().map(|(k, f)| ("needs", k, f)))
                .chain(heard.enumerate().map(|(k, f)| ("when.heard", k, f)));
            for (field, k, f) in needed {
                if bit.get(f.as_str()).is_some_and(|b| known_here & b == 0) {
                    c.report(
                        Code::FactNeverRevealed,
                        &path::index(&path::field(&reply_path(id, i), field), k),
                        format!("this reply needs \"{f}\", but no node on the way to \"{id}\" reveals it, so it can never be offered"),
                        format!("add reveals: [\"{f}\"] to a customer line before this node, or remove the need"),
                    );
                }
            }
        }
    }
}

/// A clarifying question should be answered in the node it leads to.
fn asked_facts(c: &mut Ctx) {
    let s = c.s;
    for (id, node) in &s.nodes {
        for (i, reply) in node.replies.iter().enumerate() {
            let Some(f) = &reply.asks else { continue };
            if !s.facts.contains_key(f) {
                continue;
            }
            let answered = std::iter::once(&reply.next)
                .chain(reply.branches.iter().map(|b| &b.go))
                .any(|d| revealed_in(s, d).contains(f.as_str()));
            if !answered {
                c.report(
                    Code::AskedFactNeverRevealed,
                    &path::field(&reply_path(id, i), "asks"),
                    format!(
                        "this reply asks for \"{f}\", but the node it leads to never reveals it"
                    ),
                    format!("add reveals: [\"{f}\"] to the customer's answer in the next node"),
                );
            }
        }
        for (i, reply) in node.replies.iter().enumerate() {
            if reply
                .marks
                .contains(&crate::scenario::model::Marker::Handover)
                && reply.escalate.is_none()
            {
                c.report(
                    Code::HandoverWithoutEscalation,
                    &path::field(&reply_path(id, i), "marks"),
                    "Handover is marked but the reply does not escalate".into(),
                    "add escalate: \"target\" to the reply, or remove Handover",
                );
            }
        }
    }
}

fn escalation_offered(c: &mut Ctx, reach: &[bool]) {
    let s = c.s;
    let Escalation::Required { to, .. } = &s.escalation else {
        return;
    };
    let offered = s
        .nodes
        .values()
        .zip(reach)
        .filter(|(_, r)| **r)
        .any(|(n, _)| {
            n.replies
                .iter()
                .any(|r| r.escalate.as_ref().is_some_and(|t| to.contains(t)))
        });
    if !offered && !to.is_empty() {
        c.report(
            Code::EscalationNeverOffered,
            "escalation",
            format!(
                "escalation to {} is required, but no reachable reply escalates there",
                to.join(" or ")
            ),
            format!(
                "add a reply with escalate: \"{}\" (and Handover) where the agent knows enough",
                to[0]
            ),
        );
    }
}
