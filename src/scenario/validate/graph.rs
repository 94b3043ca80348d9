//! The dialogue as a graph: reachability, dead ends, facts that no path can
//! reveal, escalations that are never offered.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::{Ctx, destinations, node_path, reply_path};
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

/// Edges from each node to the nodes and endings its replies lead to.
pub fn edges(s: &Scenario) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut out: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (id, node) in &s.nodes {
        let set = out.entry(id.as_str()).or_default();
        for r in &node.replies {
            set.insert(r.next.as_str());
            set.extend(r.branches.iter().map(|b| b.go.as_str()));
        }
    }
    out
}

/// Nodes and endings reachable from the start.
pub fn reachable(s: &Scenario) -> BTreeSet<&str> {
    let edges = edges(s);
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::new();
    if s.nodes.contains_key(&s.start) {
        seen.insert(s.start.as_str());
        queue.push_back(s.start.as_str());
    }
    while let Some(n) = queue.pop_front() {
        for &next in edges.get(n).into_iter().flatten() {
            if seen.insert(next) {
                queue.push_back(next);
            }
        }
    }
    seen
}

pub(super) fn check(c: &mut Ctx) {
    let s = c.s;
    if !s.nodes.contains_key(&s.start) {
        return; // refs already reported it; everything below would be noise
    }
    let edges = edges(s);
    let reach = reachable(s);
    let mut reverse: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (&from, tos) in &edges {
        for &to in tos {
            reverse.entry(to).or_default().insert(from);
        }
    }

    // Nodes from which some ending can be reached.
    let mut can_end: BTreeSet<&str> = BTreeSet::new();
    let mut queue: VecDeque<&str> = s.endings.keys().map(String::as_str).collect();
    while let Some(n) = queue.pop_front() {
        for &prev in reverse.get(n).into_iter().flatten() {
            if can_end.insert(prev) {
                queue.push_back(prev);
            }
        }
    }

    for (id, node) in &s.nodes {
        let np = node_path(id);
        if !reach.contains(id.as_str()) {
            c.report_key(
                Code::UnreachableNode,
                &np,
                format!("node \"{id}\" cannot be reached from start \"{}\"", s.start),
                "lead a reply to it with next: or a branch, or remove it",
            );
            continue;
        }
        if node.replies.is_empty() {
            c.report_key(
                Code::DeadEnd,
                &np,
                format!("node \"{id}\" has no replies, so the conversation gets stuck there"),
                "give it at least one reply whose next: is a node or an ending",
            );
        } else if !can_end.contains(id.as_str()) {
            c.report_key(
                Code::DeadEnd,
                &np,
                format!("no path from node \"{id}\" leads to an ending"),
                "make at least one reply on this loop lead to an ending",
            );
        } else if node.replies.iter().all(|r| {
            // A need this node's own lines reveal is met once the customer finishes.
            let own = revealed_in(s, id);
            r.when.is_some() || r.needs.iter().any(|f| !own.contains(f))
        }) {
            c.report_key(
                Code::NoFallbackReply,
                &np,
                format!("every reply of node \"{id}\" has a condition; if none holds the agent has nothing to say"),
                "add one reply without needs: or when:",
            );
        }
    }

    let hang_up = hang_up_ending(s);
    for (id, ending) in &s.endings {
        let by_hang_up = ending.kind == EndingKind::HungUp && Some(id.as_str()) == hang_up;
        if !reach.contains(id.as_str()) && !by_hang_up {
            c.report_key(
                Code::UnreachableEnding,
                &path::key("endings", id),
                format!("no reply leads to ending \"{id}\""),
                "lead a reply to it with next: \"...\", or remove it",
            );
        }
    }

    facts_revealable(c, &reverse, &reach);
    asked_facts(c);
    escalation_offered(c, &reach);
}

/// Facts revealed by the customer lines of each node.
fn revealed_in(s: &Scenario, node: &str) -> BTreeSet<String> {
    s.nodes
        .get(node)
        .map(|n| {
            n.customer
                .iter()
                .flat_map(|l| l.reveals.iter().cloned())
                .collect()
        })
        .unwrap_or_default()
}

/// A reply that needs a fact must sit where some earlier node (or its own
/// node) can reveal that fact.
fn facts_revealable(c: &mut Ctx, reverse: &BTreeMap<&str, BTreeSet<&str>>, reach: &BTreeSet<&str>) {
    let s = c.s;
    let revealed: BTreeMap<&str, BTreeSet<String>> = s
        .nodes
        .keys()
        .map(|n| (n.as_str(), revealed_in(s, n)))
        .collect();
    let everywhere: BTreeSet<&String> = revealed.values().flatten().collect();
    for (i, f) in s.escalation.after().iter().enumerate() {
        if s.facts.contains_key(f) && !everywhere.contains(f) {
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
    let bits = |fs: &BTreeSet<String>| {
        fs.iter()
            .filter_map(|f| bit.get(f.as_str()))
            .fold(0u64, |a, b| a | b)
    };
    let mut known_bits: BTreeMap<&str, u64> =
        revealed.iter().map(|(n, fs)| (*n, bits(fs))).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for (&node, preds) in reverse {
            let from_preds = preds
                .iter()
                .filter_map(|p| known_bits.get(p))
                .fold(0u64, |a, b| a | b);
            if let Some(k) = known_bits.get_mut(node)
                && *k | from_preds != *k
            {
                *k |= from_preds;
                changed = true;
            }
        }
    }
    for (id, node) in &s.nodes {
        if !reach.contains(id.as_str()) {
            continue;
        }
        let known_here = known_bits.get(id.as_str()).copied().unwrap_or(0);
        for (i, reply) in node.replies.iter().enumerate() {
            let rp = reply_path(id, i);
            let mut needed: Vec<(String, &String)> = reply
                .needs
                .iter()
                .enumerate()
                .map(|(k, f)| (path::index(&path::field(&rp, "needs"), k), f))
                .collect();
            if let Some(w) = &reply.when {
                needed.extend(
                    w.heard
                        .iter()
                        .enumerate()
                        .map(|(k, f)| (path::index(&path::field(&rp, "when.heard"), k), f)),
                );
            }
            for (at, f) in needed {
                if bit.get(f.as_str()).is_some_and(|b| known_here & b == 0) {
                    c.report(
                        Code::FactNeverRevealed,
                        &at,
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
            let rp = reply_path(id, i);
            let answered = destinations(&rp, reply)
                .iter()
                .any(|(_, d)| revealed_in(s, d).contains(f));
            if !answered {
                c.report(
                    Code::AskedFactNeverRevealed,
                    &path::field(&rp, "asks"),
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

fn escalation_offered(c: &mut Ctx, reach: &BTreeSet<&str>) {
    let s = c.s;
    let Escalation::Required { to, .. } = &s.escalation else {
        return;
    };
    let offered = s
        .nodes
        .iter()
        .filter(|(id, _)| reach.contains(id.as_str()))
        .any(|(_, n)| {
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
