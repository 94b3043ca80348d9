//! The explorer's result as JSON (for tools) and as text (for trainers).

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::{Exploration, Extreme};
use crate::scenario::Skill;

/// `{"states", "paths", "exhaustive", "endings": {...}, "best": {...}, "worst": {...}}`.
pub fn to_json(e: &Exploration) -> Value {
    let mut endings = Map::new();
    for end in &e.endings {
        endings.insert(
            end.id.clone(),
            json!({
                "kind": end.kind.key(),
                "declared": end.declared,
                "reachable": end.reachable,
                "random_share": round4(end.random_share),
            }),
        );
    }
    json!({
        "scenario": e.scenario,
        "states": e.states,
        "paths": e.paths.map(big_number),
        "exhaustive": e.exhaustive,
        "samples": e.samples,
        "notes": e.notes,
        "endings": endings,
        "random_pass_share": round4(e.random_pass),
        "random_pass_playouts": e.guessing_playouts,
        "right_escalation_reachable": e.right_escalation,
        "best": e.best.as_ref().map(extreme_json),
        "worst": e.worst.as_ref().map(extreme_json),
        "strategies": strategies_json(e),
        "longest_is_best": e.longest_best.map(|(longest, decisions)| json!({
            "longest": longest,
            "decisions": decisions,
        })),
    })
}

/// `{name: {overall, skills, ending, passed, choices}}` (and `pass_share` for `random`).
fn strategies_json(e: &Exploration) -> Value {
    let mut out = Map::new();
    for p in &e.strategies {
        let mut v = json!({
            "overall": p.overall,
            "skills": p.skills,
            "ending": p.ending,
            "ending_kind": p.ending_kind.key(),
            "passed": p.passed,
            "choices": p.choices,
        });
        if let (Some(share), Some(map)) = (p.pass_share, v.as_object_mut()) {
            map.insert("pass_share".into(), json!(round4(share)));
        }
        out.insert(p.strategy.clone(), v);
    }
    Value::Object(out)
}

fn extreme_json(x: &Extreme) -> Value {
    let mut per_skill = Map::new();
    for (skill, score, choices) in &x.per_skill {
        per_skill.insert(
            skill.key().to_owned(),
            json!({"score": score, "choices": choices}),
        );
    }
    json!({
        "overall": x.overall,
        "skills": x.skills,
        "choices": x.choices,
        "per_skill": per_skill,
    })
}

/// Path counts can pass what JSON numbers hold exactly; beyond u64 they
/// are written as floating point.
fn big_number(n: u128) -> Value {
    match u64::try_from(n) {
        Ok(v) => json!(v),
        Err(_) => json!(n as f64),
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The report for people.
pub fn to_text(e: &Exploration, file: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{file}: scenario \"{}\"", e.scenario);
    match (e.paths, e.samples) {
        (Some(paths), _) => {
            let _ = writeln!(
                out,
                "  explored {} states {}; {} distinct paths",
                e.states,
                if e.exhaustive {
                    "exhaustively"
                } else {
                    "(not exhaustive)"
                },
                if paths == u128::MAX {
                    "more than 10^38".to_owned()
                } else {
                    paths.to_string()
                }
            );
        }
        (None, Some(samples)) => {
            let _ = writeln!(
                out,
                "  sampled {samples} playouts, {} distinct states seen",
                e.states
            );
        }
        (None, None) => {}
    }
    for note in &e.notes {
        let _ = writeln!(out, "  note: {note}");
    }
    let _ = writeln!(out, "  endings (share of random play):");
    let width = e.endings.iter().map(|x| x.id.len()).max().unwrap_or(0);
    for end in &e.endings {
        let kind = end.kind.key();
        let reach = if end.reachable {
            format!("{:5.1} %", end.random_share * 100.0)
        } else {
            "never reached".to_owned()
        };
        let _ = writeln!(out, "    {:width$}  {kind:10}  {reach}", end.id);
    }
    let _ = writeln!(
        out,
        "  random play passes {:.1} % of the time ({} guessing playouts)",
        e.random_pass * 100.0,
        e.guessing_playouts
    );
    for (label, x) in [("best", &e.best), ("worst", &e.worst)] {
        let Some(x) = x else {
            let _ = writeln!(out, "  {label}: no path finishes");
            continue;
        };
        let _ = writeln!(
            out,
            "  {label}: overall {}  ({})",
            x.overall,
            skills_text(x)
        );
        let _ = writeln!(out, "    choices {}", x.choices);
        let per: Vec<String> = x
            .per_skill
            .iter()
            .map(|(s, v, _)| format!("{} {v}", s.key()))
            .collect();
        let _ = writeln!(out, "    {label} per skill: {}", per.join(", "));
    }
    if !e.strategies.is_empty() {
        strategies_text(&mut out, e);
    }
    out
}

/// The strategy audit as a short table: what a trainee who only reads the
/// screen would score.
fn strategies_text(out: &mut String, e: &Exploration) {
    let _ = writeln!(out, "  strategies (a trainee who reads only the screen):");
    let width = e
        .strategies
        .iter()
        .map(|p| p.strategy.len())
        .max()
        .unwrap_or(0);
    for p in &e.strategies {
        let verdict = match (p.passed, p.pass_share) {
            (_, Some(share)) => format!("passes {:.0} % of playouts", share * 100.0),
            (true, None) => "PASSES".to_owned(),
            (false, None) => "fails".to_owned(),
        };
        let _ = writeln!(
            out,
            "    {:width$}  overall {:>3}  P {:>3} L {:>3} N {:>3} E {:>3}  {:<10} {:<26} {}",
            p.strategy,
            p.overall,
            p.skills.patience,
            p.skills.listening,
            p.skills.name,
            p.skills.escalation,
            p.ending_kind.key(),
            verdict,
            p.choices
        );
    }
    if let Some((longest, decisions)) = e.longest_best {
        let _ = writeln!(
            out,
            "  the best path takes the longest reply on screen in {longest} of {decisions} decisions"
        );
    }
}

fn skills_text(x: &Extreme) -> String {
    Skill::ALL
        .iter()
        .map(|&s| {
            let v = x.skills.get(s);
            format!("{} {v}", s.key())
        })
        .collect::<Vec<_>>()
        .join(", ")
}
