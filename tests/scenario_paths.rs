//! Every shipped scenario's paths and verdicts under rubric v2, from one table
//! per scenario (tests/paths/<id>.ron), played on scenarios/en, de and nl.
//! The three files of a scenario share one graph, so every row must give the
//! same skills, overall, verdict, ending, failures, critical errors and rules
//! in every language; only the words of the debrief differ. The file header of
//! each table explains the fields; every row says in `why` why it is there and
//! why its verdict is right.
//!
//! When the rubric changes, the first test prints each row that no longer
//! holds, with the numbers the engine gives now, ready to paste after review.
//!
//! The few checks below it are about words, not numbers (the line a customer
//! says when cut off, the fact a missed-fact moment names, the policy quoted in
//! the debrief, the hang-up line); they too run in every language.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Arc;

use common::{compile, moments, play, skills};
use headset::scenario::{Escalation, Skill};
use headset::score::{Failure, Report, Why};
use headset::sim::{Compiled, Session, Speaker};
use serde::Deserialize;

const LANGS: [&str; 3] = ["en", "de", "nl"];

/// One table: tests/paths/<scenario>.ron.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Paths {
    scenario: String,
    rows: Vec<Row>,
}

/// One path and its verdict.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    spec: String,
    #[serde(default = "seed_zero")]
    seeds: Vec<u64>,
    why: String,
    skills: SkillRow,
    overall: u8,
    passed: bool,
    ending: String,
    failures: Vec<String>,
    #[serde(default)]
    critical: Vec<String>,
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    through: Vec<String>,
}

fn seed_zero() -> Vec<u64> {
    vec![0]
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillRow {
    patience: u8,
    listening: u8,
    name: u8,
    escalation: u8,
}

/// What a row pins: the same in every language.
#[derive(Debug, PartialEq, Eq)]
struct Verdict {
    skills: [u8; 4],
    overall: u8,
    passed: bool,
    ending: String,
    failures: Vec<String>,
    critical: Vec<String>,
}

impl Row {
    fn verdict(&self) -> Verdict {
        let s = &self.skills;
        Verdict {
            skills: [s.patience, s.listening, s.name, s.escalation],
            overall: self.overall,
            passed: self.passed,
            ending: self.ending.clone(),
            failures: self.failures.clone(),
            critical: self.critical.clone(),
        }
    }
}

/// `Failure::key()`, with the skill for a skill below the floor
/// ("skill-below-floor:listening"), so a row says which skill failed.
fn failure_key(f: &Failure) -> String {
    match f {
        Failure::SkillBelowFloor { skill, .. } => format!("{}:{}", f.key(), skill_id(*skill)),
        _ => f.key().to_owned(),
    }
}

fn skill_id(s: Skill) -> &'static str {
    match s {
        Skill::Patience => "patience",
        Skill::Listening => "listening",
        Skill::Name => "name",
        Skill::Escalation => "escalation",
    }
}

fn verdict(r: &Report) -> Verdict {
    Verdict {
        skills: skills(r),
        overall: r.overall,
        passed: r.passed,
        ending: r.ending.clone(),
        failures: r.failures.iter().map(failure_key).collect(),
        critical: r.critical().map(|m| m.rule.to_owned()).collect(),
    }
}

/// The nodes the agent acted in, and the node the call stands at if it has
/// not ended.
fn route(s: &Session) -> Vec<String> {
    let c = s.compiled();
    let mut nodes: Vec<String> = s
        .records
        .iter()
        .map(|a| c.node_ids[a.node].clone())
        .collect();
    if !s.is_over() {
        nodes.push(s.node_id().to_owned());
    }
    nodes
}

/// Every rule id the rubric reports (`Why::rule`), to catch a typo in `absent`.
const RULES: &[&str] = Why::RULES;

fn quoted(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
    format!("[{}]", inner.join(", "))
}

/// The row as the engine scores it now, in the table's syntax.
fn actual_row(spec: &str, v: &Verdict, r: &Report, route: &[String]) -> String {
    let [p, l, n, e] = v.skills;
    let mut out = String::new();
    let _ = writeln!(out, "        (");
    let _ = writeln!(out, "            spec: {spec:?},");
    let _ = writeln!(
        out,
        "            skills: (patience: {p}, listening: {l}, name: {n}, escalation: {e}),"
    );
    let _ = writeln!(
        out,
        "            overall: {}, passed: {}, ending: {:?},",
        v.overall, v.passed, v.ending
    );
    let _ = writeln!(out, "            failures: {},", quoted(&v.failures));
    if !v.critical.is_empty() {
        let _ = writeln!(out, "            critical: {},", quoted(&v.critical));
    }
    let _ = writeln!(out, "            // moments: {:?}", moments(r));
    let _ = writeln!(out, "            // route: {}", route.join(" > "));
    let _ = write!(out, "        ),");
    out
}

fn load_tables() -> Vec<Paths> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/paths");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/paths")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("a readable table");
            let t: Paths = ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            assert_eq!(
                f.file_stem().and_then(|s| s.to_str()),
                Some(t.scenario.as_str()),
                "{}: the file is named after its scenario",
                f.display()
            );
            t
        })
        .collect()
}

/// The tables themselves: one per shipped scenario, each row consistent.
#[test]
fn every_shipped_scenario_has_a_table_of_paths() {
    let tables = load_tables();
    let ids: BTreeSet<String> = tables.iter().map(|t| t.scenario.clone()).collect();
    for lang in LANGS {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios")
            .join(lang);
        let shipped: BTreeSet<String> = std::fs::read_dir(&dir)
            .expect("the scenario folder")
            .filter_map(|e| {
                let p = e.ok()?.path();
                (p.extension()? == "ron").then(|| p.file_stem()?.to_str().map(str::to_owned))?
            })
            .collect();
        assert_eq!(
            shipped, ids,
            "scenarios/{lang} and tests/paths list the same scenarios"
        );
    }
    for t in &tables {
        let id = &t.scenario;
        assert!(
            t.rows.iter().any(|r| r.passed) && t.rows.iter().any(|r| !r.passed),
            "{id}: a table shows a path that passes and paths that do not"
        );
        let mut seen = BTreeSet::new();
        for r in &t.rows {
            let at = format!("{id} {:?}", r.spec);
            assert!(seen.insert(&r.spec), "{at}: the same SPEC twice");
            assert!(!r.why.trim().is_empty(), "{at}: every row says why");
            assert!(!r.seeds.is_empty(), "{at}: at least one seed");
            assert_eq!(
                r.passed,
                r.failures.is_empty(),
                "{at}: passed exactly when nothing failed"
            );
            assert_eq!(
                !r.critical.is_empty(),
                r.failures.iter().any(|f| f == "critical"),
                "{at}: critical errors are named exactly when the call fails on them"
            );
            for rule in r.rules.iter().chain(&r.absent) {
                assert!(
                    RULES.contains(&rule.as_str()),
                    "{at}: unknown rule {rule:?}"
                );
            }
        }
    }
}

/// Every row of every table, in every language and with every seed of the row.
#[test]
fn every_path_scores_the_same_in_every_language() {
    let mut errors = Vec::new();
    let mut played = 0;
    for t in load_tables() {
        for lang in LANGS {
            let file = format!("scenarios/{lang}/{}.ron", t.scenario);
            let c = compile(&file);
            for row in &t.rows {
                for node in &row.through {
                    if !c.node_ids.contains(node) {
                        errors.push(format!("{file} {:?}: no node {node:?}", row.spec));
                    }
                }
                for &seed in &row.seeds {
                    played += 1;
                    let at = format!("{file} {:?} seed {seed}", row.spec);
                    errors.extend(check_row(&c, row, seed).err().map(|e| format!("{at}: {e}")));
                }
            }
        }
    }
    assert!(played > 0);
    assert!(
        errors.is_empty(),
        "{} of {played} plays differ from the tables:\n\n{}",
        errors.len(),
        errors.join("\n\n")
    );
}

fn check_row(c: &Arc<Compiled>, row: &Row, seed: u64) -> Result<(), String> {
    let (r, s) = catch_unwind(AssertUnwindSafe(|| play(c, &row.spec, seed)))
        .map_err(|_| "the engine refuses this SPEC (see the panic above)".to_owned())?;
    let got = verdict(&r);
    let nodes = route(&s);
    let mut why = Vec::new();
    if got != row.verdict() {
        why.push("the verdict differs".to_owned());
    }
    let rules: BTreeSet<&str> = r.moments.iter().map(|m| m.rule).collect();
    for rule in &row.rules {
        if !rules.contains(rule.as_str()) {
            why.push(format!("no {rule:?} moment"));
        }
    }
    for rule in &row.absent {
        if rules.contains(rule.as_str()) {
            why.push(format!("a {rule:?} moment, which must not be there"));
        }
    }
    for node in &row.through {
        if !nodes.contains(node) {
            why.push(format!("the call does not pass {node:?}"));
        }
    }
    // The debrief names the customer it praises for the name: the surname
    // of the seed's persona (German declines "Herr" to "Herrn").
    let surname = s
        .persona()
        .address_as
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_owned();
    for m in r.moments.iter().filter(|m| m.rule == "name-early") {
        if !m.reason.contains(&surname) {
            why.push(format!(
                "name-early does not name {surname}: {:?}",
                m.reason
            ));
        }
    }
    if why.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{}\n  expected {:?}\n  the engine now:\n{}",
        why.join("; "),
        row.verdict(),
        actual_row(&row.spec, &got, &r, &nodes)
    ))
}

fn path(id: &str, lang: &str) -> String {
    format!("scenarios/{lang}/{id}.ron")
}

/// The reasons of the moments with this rule.
fn reasons<'a>(r: &'a Report, rule: &str) -> Vec<&'a str> {
    r.moments
        .iter()
        .filter(|m| m.rule == rule)
        .map(|m| m.reason.as_str())
        .collect()
}

/// (scenario, SPEC that cuts the customer off in the opening turn, the facts
/// missed, whether a line is shown cut). The customer says the opening node's
/// `interrupted` line (where it has one), and each missed-fact moment names
/// its fact in the file's language.
const CUT_OFF: &[(&str, &str, &[&str], bool)] = &[
    (
        "double-charge",
        "!3,1,1",
        &["order", "double", "amount"],
        false,
    ),
    (
        "warranty-kettle",
        "!3,1,1",
        &["model", "fault", "bought"],
        false,
    ),
    (
        "bereavement-account",
        "!2,1,1,1,1",
        &["partner", "holder", "own_number"],
        false,
    ),
    (
        "car-service",
        "!2,1,1,1",
        &["car", "service", "brakes"],
        false,
    ),
    // Cut in while he mentions the brakes: the line is shown cut, and the
    // brakes are the only fact missed.
    ("car-service", "w:40,!3,2,1", &["brakes"], true),
    ("demands-manager", "!2,1,1,1", &["missed", "third"], false),
    (
        "insurance-legal",
        "!2,1,1",
        &["rejected", "assessor"],
        false,
    ),
    (
        "late-delivery-chat",
        "!3,1,1,1,1,1",
        &["items", "delivered"],
        false,
    ),
    (
        "regular-proposal",
        "!4,1,2,1",
        &["ticket", "birthday"],
        false,
    ),
    (
        "router-confused",
        "!2,1,1,1,1,1",
        &["lights", "yellow"],
        false,
    ),
];

#[test]
fn cutting_the_customer_off_shows_their_reaction_and_names_the_missed_facts() {
    for &(id, spec, facts, cut) in CUT_OFF {
        for lang in LANGS {
            let at = format!("{lang} {id} {spec:?}");
            let c = compile(&path(id, lang));
            let (r, s) = play(&c, spec, 0);
            let missed = reasons(&r, "missed-fact");
            assert_eq!(missed.len(), facts.len(), "{at}: {missed:?}");
            for fact in facts {
                let label = &c.scenario.facts[*fact];
                assert!(
                    missed.iter().any(|m| m.contains(label.as_str())),
                    "{at}: no missed-fact names {label:?}: {missed:?}"
                );
            }
            // warranty-kettle's calm customer has no reaction to being cut off.
            let reaction = c.scenario.nodes["open"].interrupted.as_ref();
            if let Some(reaction) = reaction.and_then(|i| i.say.as_ref()) {
                assert!(
                    s.transcript.iter().any(|e| &e.text == reaction),
                    "{at}: the customer says {reaction:?}"
                );
            }
            assert_eq!(
                s.transcript.iter().any(|e| e.cut),
                cut,
                "{at}: a line shown cut"
            );
            assert!(r.moments.iter().any(|m| m.rule == "interrupted"), "{at}");
        }
    }
}

/// E-mail: every line of a turn arrives at once, complete. Replying at once is
/// no interruption: no cut line, no `interrupted` reaction, nothing missed,
/// and the same moments as replying after reading.
#[test]
fn an_email_arrives_whole_so_replying_at_once_interrupts_nothing() {
    for lang in LANGS {
        let c = compile(&path("holiday-boars", lang));
        let open = &c.scenario.nodes["open"];
        let demand = &open
            .customer
            .iter()
            .find(|l| l.reveals.iter().any(|f| f == "demand"))
            .expect("the line with the guest's demand")
            .say;
        let reaction = open
            .interrupted
            .as_ref()
            .and_then(|i| i.say.clone())
            .expect("a reaction");
        let (r, s) = play(&c, "!1", 0);
        assert!(s.transcript.iter().all(|e| !e.cut), "{lang}");
        assert!(
            s.transcript
                .iter()
                .any(|e| e.speaker == Speaker::Customer && &e.text == demand),
            "{lang}: the whole first e-mail was there"
        );
        assert!(
            s.transcript.iter().all(|e| e.text != reaction),
            "{lang}: never shown"
        );
        assert!(
            s.customer_finished(),
            "{lang}: the answer has arrived whole as well"
        );
        assert!(
            !r.moments
                .iter()
                .any(|m| m.rule == "interrupted" || m.rule == "missed-fact"),
            "{lang}: {:?}",
            moments(&r)
        );
        let (fast, _) = play(&c, "!1,!1,!1,!1", 0);
        let (read, _) = play(&c, "1,1,1,1", 0);
        assert_eq!(moments(&fast), moments(&read), "{lang}");
    }
}

/// When the customer hangs up, the transcript ends with a line saying so, in
/// the scenario's language: after a blame (double-charge) and after a minute
/// of silence.
#[test]
fn a_customer_who_hangs_up_has_the_last_line() {
    let suffix = |lang| match lang {
        "en" => " hung up.",
        "de" => " hat aufgelegt.",
        _ => " heeft opgehangen.",
    };
    for spec in ["5,!3,2", "w:70"] {
        for lang in LANGS {
            let c = compile(&path("double-charge", lang));
            let (r, s) = play(&c, spec, 0);
            assert_eq!(r.ending, "hung_up", "{lang} {spec}");
            let last = s
                .transcript
                .last()
                .map(|e| e.text.as_str())
                .unwrap_or_default();
            assert!(last.ends_with(suffix(lang)), "{lang} {spec}: {last:?}");
        }
    }
}

/// The debrief quotes the policy: why an escalation was not needed, and
/// which facts were missing for an early one.
#[test]
fn the_debrief_quotes_the_policy_in_the_scenarios_language() {
    for lang in LANGS {
        for (id, spec) in [("car-service", "2,1,5"), ("warranty-kettle", "1,2")] {
            let c = compile(&path(id, lang));
            let Escalation::NotNeeded { why } = &c.scenario.escalation else {
                panic!("{id}: escalation is not needed");
            };
            let (r, _) = play(&c, spec, 0);
            let said = reasons(&r, "escalation-not-needed");
            assert!(
                said.len() == 1 && said[0].contains(why.as_str()),
                "{lang} {id}: {said:?} quotes {why:?}"
            );
        }
        // Passing the router on before the restart: the restart is named.
        let c = compile(&path("router-confused", lang));
        let (r, _) = play(&c, "2,1,2,2,1,2", 0);
        let restart = &c.scenario.facts["restart"];
        let early = reasons(&r, "escalation-early");
        assert!(
            early.len() == 1 && early[0].contains(restart.as_str()),
            "{lang}: {early:?} names {restart:?}"
        );
    }
}

/// What the agent heard decides which replies are on offer.
#[test]
fn replies_on_offer_follow_what_was_heard() {
    for lang in LANGS {
        // The question (reply 1) or the patient reply (reply 5) bring the
        // guest's second e-mail, where the gate repair (reply 1) is on offer.
        let c = compile(&path("holiday-boars", lang));
        for spec in ["1", "5"] {
            let (_, mut s) = play(&c, spec, 0);
            s.wait_until_finished();
            assert!(s.offered().contains(&0), "{lang} {spec}: {:?}", s.offered());
        }
        // Cut off before the birthday, the reply that gets the watch ready for
        // Saturday is never on offer at the till; the one for the strap is.
        let c = compile(&path("regular-proposal", lang));
        let (_, mut s) = play(&c, "!4,1", 0);
        s.wait_until_finished();
        assert_eq!(s.node_id(), "pay", "{lang}");
        assert!(!s.offered().contains(&0), "{lang}: {:?}", s.offered());
        assert!(s.offered().contains(&1), "{lang}: {:?}", s.offered());
    }
}
