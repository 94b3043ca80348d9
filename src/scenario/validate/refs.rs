//! References between parts of a scenario: nodes, endings, facts, targets.

use super::{Ctx, destinations, node_path, reply_path};
use crate::scenario::diagnostic::{Code, suggest_hint};
use crate::scenario::locate::path;
use crate::scenario::model::Escalation;
use crate::scenario::mood::Condition;

pub(super) fn check(c: &mut Ctx) {
    let s = c.s;
    if !s.nodes.contains_key(&s.start) {
        let nodes: Vec<&str> = s.nodes.keys().map(String::as_str).collect();
        c.report(
            Code::UnknownNode,
            "start",
            format!("start: \"{}\" is not a node", s.start),
            suggest_hint(&s.start, &nodes, "nodes"),
        );
    }
    policy(c);
    for (id, node) in &s.nodes {
        // Paths are built only when a reference is wrong.
        let np = || node_path(id);
        if let Some(end) = &node.agent_may_end
            && !s.endings.contains_key(end)
        {
            let all: Vec<&str> = s.endings.keys().map(String::as_str).collect();
            c.report(
                Code::UnknownNode,
                &path::field(&np(), "agent_may_end"),
                format!("agent_may_end: \"{end}\" is not an ending"),
                suggest_hint(end, &all, "endings"),
            );
        }
        for (i, line) in node.customer.iter().enumerate() {
            for (f, fact) in line.reveals.iter().enumerate() {
                fact_ref(c, fact, || {
                    path::index(
                        &path::field(&path::index(&path::field(&np(), "customer"), i), "reveals"),
                        f,
                    )
                });
            }
        }
        for (i, reply) in node.replies.iter().enumerate() {
            let rp = || reply_path(id, i);
            let is_dest = |d: &str| s.nodes.contains_key(d) || s.endings.contains_key(d);
            if !is_dest(&reply.next) || reply.branches.iter().any(|b| !is_dest(&b.go)) {
                for (at, dest) in destinations(&rp(), reply) {
                    destination(c, &at, dest);
                }
            }
            for (f, fact) in reply.needs.iter().enumerate() {
                fact_ref(c, fact, || path::index(&path::field(&rp(), "needs"), f));
            }
            if let Some(fact) = &reply.asks {
                fact_ref(c, fact, || path::field(&rp(), "asks"));
            }
            if let Some(target) = &reply.escalate {
                target_ref(c, || path::field(&rp(), "escalate"), target);
            }
            if let Some(w) = &reply.when {
                condition(c, || path::field(&rp(), "when"), w);
            }
            for (b, br) in reply.branches.iter().enumerate() {
                condition(
                    c,
                    || path::field(&path::index(&path::field(&rp(), "branches"), b), "when"),
                    &br.when,
                );
            }
        }
    }
}

fn policy(c: &mut Ctx) {
    let s = c.s;
    if let Escalation::Optional { to, after, .. } | Escalation::Required { to, after, .. } =
        &s.escalation
    {
        if to.is_empty() {
            c.report(
                Code::UnknownTarget,
                "escalation.to",
                "the escalation policy names no target".into(),
                "list the right target(s), e.g. to: [\"supervisor\"], or use NotNeeded(why: \"...\")",
            );
        }
        for (i, t) in to.iter().enumerate() {
            target_ref(c, || path::index("escalation.to", i), t);
        }
        for (i, f) in after.iter().enumerate() {
            fact_ref(c, f, || path::index("escalation.after", i));
        }
    }
}

fn condition(c: &mut Ctx, at: impl Fn() -> String, cond: &Condition) {
    for (i, f) in cond.heard.iter().enumerate() {
        fact_ref(c, f, || path::index(&path::field(&at(), "heard"), i));
    }
    for (i, f) in cond.not_heard.iter().enumerate() {
        fact_ref(c, f, || path::index(&path::field(&at(), "not_heard"), i));
    }
}

fn destination(c: &mut Ctx, at: &str, dest: &str) {
    if c.s.nodes.contains_key(dest) || c.s.endings.contains_key(dest) {
        return;
    }
    let all: Vec<&str> =
        c.s.nodes
            .keys()
            .chain(c.s.endings.keys())
            .map(String::as_str)
            .collect();
    c.report(
        Code::UnknownNode,
        at,
        format!("\"{dest}\" is not a node or an ending"),
        suggest_hint(dest, &all, "nodes and endings"),
    );
}

fn fact_ref(c: &mut Ctx, fact: &str, at: impl FnOnce() -> String) {
    if c.s.facts.contains_key(fact) {
        return;
    }
    let at = at();
    let at = at.as_str();
    let all: Vec<&str> = c.s.facts.keys().map(String::as_str).collect();
    let mut hint = suggest_hint(fact, &all, "facts");
    if all.is_empty() {
        hint = format!("declare it: facts: {{ \"{fact}\": \"what the customer tells\" }}");
    }
    c.report(
        Code::UnknownFact,
        at,
        format!("\"{fact}\" is not a declared fact"),
        hint,
    );
}

fn target_ref(c: &mut Ctx, at: impl FnOnce() -> String, target: &str) {
    if c.s.targets.contains_key(target) {
        return;
    }
    let at = at();
    let all: Vec<&str> = c.s.targets.keys().map(String::as_str).collect();
    let mut hint = suggest_hint(target, &all, "targets");
    if all.is_empty() {
        hint = format!("declare it: targets: {{ \"{target}\": \"Supervisor\" }}");
    }
    c.report(
        Code::UnknownTarget,
        &at,
        format!("\"{target}\" is not a declared target"),
        hint,
    );
}
