//! The validator's checks that need the conversation engine: they run the
//! explorer and report what no reading of the file by eye would show.

use std::sync::Arc;

use crate::scenario::diagnostic::{Code, Diagnostic, Severity};
use crate::scenario::library::Report;
use crate::scenario::load::Loaded;
use crate::scenario::locate::path;
use crate::scenario::{Escalation, Skill};
use crate::sim::Compiled;

use super::{Exploration, Settings, explore};

/// Random play passing more often than this is "too easy to guess".
pub const TOO_EASY_SHARE: f64 = 0.5;

/// The validator explores with a smaller budget than `headset explore`:
/// a library of large generated files must still validate in seconds.
pub fn settings() -> Settings {
    Settings {
        max_states: 50_000,
        samples: 4_000,
        exact_overall: false,
        ..Settings::default()
    }
}

/// Explores the scenario and reports what the exploration shows.
pub fn check(loaded: &Loaded, c: &Arc<Compiled>) -> Vec<Diagnostic> {
    let e = explore(c, &settings());
    diagnose(loaded, c, &e)
}

/// Runs the engine-based checks on every file of a validation report that
/// has no errors (a file with errors cannot be played), on all cores, and
/// adds what they find, keeping the report sorted.
pub fn check_report(report: &mut Report) {
    let playable: Vec<&Loaded> = report
        .loaded
        .iter()
        .filter(|l| {
            !report
                .diagnostics
                .iter()
                .any(|d| d.file == l.file && d.severity() == Severity::Error)
        })
        .collect();
    let found: Vec<Diagnostic> = crate::par::map(&playable, |l| {
        match Compiled::new(Arc::new(l.scenario.clone())) {
            Ok(c) => check(l, &Arc::new(c)),
            Err(_) => Vec::new(),
        }
    })
    .into_iter()
    .flatten()
    .collect();
    report.diagnostics.extend(found);
    report
        .diagnostics
        .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
}

/// Diagnostics from an exploration already made.
pub fn diagnose(loaded: &Loaded, c: &Compiled, e: &Exploration) -> Vec<Diagnostic> {
    let s = &c.scenario;
    let mut out = Vec::new();
    // Exhaustive results are certain; sampled ones say how far they looked.
    let scope = if e.exhaustive {
        String::new()
    } else {
        format!(" in {} sampled playouts", e.samples.unwrap_or(0))
    };
    for end in e.endings.iter().filter(|x| x.declared && !x.reachable) {
        out.push(loaded.diag_at_key(
            Code::EndingNeverReached,
            &path::key("endings", &end.id),
            format!("no path{scope} reaches ending \"{}\": the replies that lead there are never offered when they would count (check their needs:, when: and branch conditions)", end.id),
            "run `headset explore FILE` to see which endings are reached, then loosen a condition or remove the ending".into(),
        ));
    }
    if let Escalation::Required { .. } = &s.escalation
        && !e.right_escalation
    {
        out.push(loaded.diag_at_key(
            Code::EscalationNeverRight,
            "escalation",
            format!("the escalation is required, but no path{scope} escalates to a right target after hearing the facts the policy needs"),
            "offer a reply that escalates to a target in to: once the facts in after: have been heard (or check that those facts can be revealed before it)".into(),
        ));
    }
    if let Some(best) = &e.best {
        for (skill, score, choices) in &best.per_skill {
            if *score < 100 {
                out.push(loaded.diag_at_key(
                    Code::SkillBelowFull,
                    "id",
                    format!(
                        "the best {} score any call can reach is {score}, so a perfect call is impossible (best path: {choices})",
                        skill_name(*skill)
                    ),
                    "give the trainee at least one way to earn full marks on every skill, or change the moments that cost points on every path".into(),
                ));
            }
        }
    }
    for p in e
        .strategies
        .iter()
        .filter(|p| p.passed && p.pass_share.is_none())
    {
        out.push(loaded.diag_at_key(
            Code::StrategyPasses,
            "id",
            format!(
                "a trainee who plays \"{}\" passes without the skills: overall {}, ending {} ({}); choices {}",
                p.strategy,
                p.overall,
                p.ending,
                p.ending_kind.key(),
                p.choices
            ),
            format!("{} (see `headset explore FILE` for every strategy)", strategy_hint(&p.strategy)),
        ));
    }
    if let Some((longest, decisions)) = e.longest_best
        && longest * 2 > decisions
    {
        out.push(loaded.diag_at_key(
            Code::LongestIsBest,
            "id",
            format!(
                "the best reply is also the longest on screen in {longest} of {decisions} decisions of the best path: the length gives the answer away"
            ),
            "write wrong replies that are long, warm and polite (an empathetic over-promise, a polished handover to the wrong team), and right ones that are short where that is natural".into(),
        ));
    }
    if e.random_pass > TOO_EASY_SHARE {
        let at = if loaded.locator().has("pass_mark") {
            "pass_mark"
        } else {
            "id"
        };
        out.push(loaded.diag_at_key(
            Code::TooEasyToGuess,
            at,
            format!(
                "a trainee who picks replies at random passes {:.0} % of the time (pass mark {})",
                e.random_pass * 100.0,
                s.pass_mark
            ),
            "make the wrong replies cost more, add replies that sound right but are not, or raise pass_mark".into(),
        ));
    }
    out
}

/// What to change so that a surface strategy no longer passes.
fn strategy_hint(strategy: &str) -> &'static str {
    match strategy.split(':').next().unwrap_or("") {
        "longest" => "make a realistic mistake the longest reply where the longest now wins",
        "shortest" => "make the shortest reply a mistake where it now wins",
        "with-name" => {
            "put the customer's name in wrong replies too: a polite mistake still uses the name"
        }
        "apology" => "let wrong replies apologise too: an apology does not make a reply right",
        "first" => "vary the order: the right reply should not always be written first",
        "silent" => {
            "a silent agent must not pass: check that dead air and missing evidence cost enough here"
        }
        "transfer-now" => {
            "a transfer before saying a word must not pass: check the escalation policy and its after: facts"
        }
        "interrupt" => "interrupting must cost: put key facts late in the customer's turn",
        _ => "make the wrong replies as plausible as the right ones",
    }
}

fn skill_name(s: Skill) -> &'static str {
    s.key()
}
