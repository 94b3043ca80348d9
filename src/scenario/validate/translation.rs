//! Translations must have the same graph as the original: same nodes,
//! replies, facts, conditions, moods and scores; only the words differ.

use super::{node_path, reply_path};
use crate::scenario::diagnostic::{Code, Diagnostic};
use crate::scenario::load::Loaded;
use crate::scenario::locate::path;
use crate::scenario::model::{Reply, Scenario};

/// Differences in structure between an original and a translation, each as
/// (path in the translation, what differs). Empty when the graphs match.
pub fn graph_differences(a: &Scenario, b: &Scenario) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut diff = |at: String, what: &str, x: String, y: String| {
        if x != y {
            out.push((
                at,
                format!("{what}: the original has {x}, this file has {y}"),
            ));
        }
    };
    diff(
        "channel".into(),
        "channel",
        format!("{:?}", a.channel),
        format!("{:?}", b.channel),
    );
    diff(
        "archetype".into(),
        "archetype",
        format!("{:?}", a.archetype),
        format!("{:?}", b.archetype),
    );
    diff(
        "difficulty".into(),
        "difficulty",
        a.difficulty.to_string(),
        b.difficulty.to_string(),
    );
    diff(
        "start".into(),
        "start node",
        a.start.clone(),
        b.start.clone(),
    );
    diff(
        "customer.mood".into(),
        "starting mood",
        format!("{:?}", a.customer.mood),
        format!("{:?}", b.customer.mood),
    );
    diff(
        "customer.hangs_up_at".into(),
        "hangs_up_at",
        a.customer.hangs_up_at.to_string(),
        b.customer.hangs_up_at.to_string(),
    );
    diff(
        "customer.name_pool".into(),
        "name pool size",
        a.customer.name_pool.len().to_string(),
        b.customer.name_pool.len().to_string(),
    );
    diff(
        "facts".into(),
        "facts",
        keys(a.facts.keys()),
        keys(b.facts.keys()),
    );
    diff(
        "targets".into(),
        "targets",
        keys(a.targets.keys()),
        keys(b.targets.keys()),
    );
    diff(
        "escalation".into(),
        "escalation policy",
        policy(a),
        policy(b),
    );
    diff(
        "pass_mark".into(),
        "pass_mark",
        a.pass_mark.to_string(),
        b.pass_mark.to_string(),
    );
    diff(
        "skill_floor".into(),
        "skill_floor",
        a.skill_floor.to_string(),
        b.skill_floor.to_string(),
    );
    diff(
        "weights".into(),
        "weights",
        format!("{:?}", a.weights),
        format!("{:?}", b.weights),
    );
    diff(
        "nodes".into(),
        "nodes",
        keys(a.nodes.keys()),
        keys(b.nodes.keys()),
    );
    diff(
        "endings".into(),
        "endings",
        keys(a.endings.iter().map(|(k, e)| format!("{k}:{:?}", e.kind))),
        keys(b.endings.iter().map(|(k, e)| format!("{k}:{:?}", e.kind))),
    );
    for (id, na) in &a.nodes {
        let Some(nb) = b.nodes.get(id) else { continue };
        let np = node_path(id);
        let lines = |n: &crate::scenario::model::Node| {
            format!(
                "{:?}",
                n.customer
                    .iter()
                    .map(|l| (&l.reveals, l.pause.to_bits()))
                    .collect::<Vec<_>>()
            )
        };
        diff(
            path::field(&np, "customer"),
            &format!("customer lines of \"{id}\" (count, reveals, pauses)"),
            lines(na),
            lines(nb),
        );
        diff(
            np.clone(),
            &format!("interruption, patience flags and agent_may_end of \"{id}\""),
            format!(
                "{:?}",
                (
                    na.interrupted.as_ref().map(|r| r.mood),
                    na.repeats,
                    na.rude,
                    &na.agent_may_end
                )
            ),
            format!(
                "{:?}",
                (
                    nb.interrupted.as_ref().map(|r| r.mood),
                    nb.repeats,
                    nb.rude,
                    &nb.agent_may_end
                )
            ),
        );
        diff(
            path::field(&np, "replies"),
            &format!("number of replies in \"{id}\""),
            na.replies.len().to_string(),
            nb.replies.len().to_string(),
        );
        for (i, (ra, rb)) in na.replies.iter().zip(&nb.replies).enumerate() {
            diff(
                reply_path(id, i),
                &format!("reply {} of \"{id}\"", i + 1),
                reply_shape(ra),
                reply_shape(rb),
            );
        }
    }
    out
}

fn keys<T: ToString>(it: impl Iterator<Item = T>) -> String {
    let v: Vec<String> = it.map(|k| k.to_string()).collect();
    format!("[{}]", v.join(", "))
}

fn policy(s: &Scenario) -> String {
    format!(
        "{}(to: {:?}, after: {:?})",
        s.escalation.name(),
        s.escalation.targets(),
        s.escalation.after()
    )
}

fn reply_shape(r: &Reply) -> String {
    let moments: Vec<_> = r.moments.iter().map(|m| (m.skill, m.points)).collect();
    let branches: Vec<_> = r.branches.iter().map(|b| (&b.when, &b.go)).collect();
    let name = crate::scenario::text::uses_name_placeholder(&r.say);
    // A critical reply is critical in every language; its words may differ.
    let critical = r.critical.as_ref().map(|c| c.skill);
    format!(
        "next {:?}, branches {:?}, needs {:?}, when {:?}, mood {:?}, marks {:?}, asks {:?}, escalate {:?}, moments {:?}, critical {:?}, uses name {name}",
        r.next, branches, r.needs, r.when, r.mood, r.marks, r.asks, r.escalate, moments, critical
    )
}

pub(super) fn check(original: &Loaded, translation: &Loaded) -> Vec<Diagnostic> {
    graph_differences(&original.scenario, &translation.scenario)
        .into_iter()
        .map(|(at, what)| {
            translation.diag_at(
                Code::TranslationMismatch,
                &at,
                format!("this translation differs from {}: {what}", original.file.display()),
                "a translation changes only the words; keep nodes, replies, facts, moods and scores as in the original".into(),
            )
        })
        .collect()
}
