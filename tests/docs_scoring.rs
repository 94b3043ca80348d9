//! docs/scoring.md, the manual of the rubric and of the engine's timing,
//! must not drift from the code: every rule id the debrief can produce is
//! documented, each rule's points stand on the line that names the rule, and
//! the thresholds and timing figures the manual quotes are the code's.

use std::path::Path;

use headset::scenario::{Archetype, Channel, Marker};
use headset::score::Why;
use headset::score::rules as r;
use headset::sim::compiled::DEFAULT_INTERRUPTED;
use headset::sim::pace;
use headset::sim::session::courtesy_drift;

fn doc() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/scoring.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every rule id of `Why::rule()` (src/score/moment.rs), in declaration order.
const RULE_IDS: &[&str] = &[
    "interrupted",
    "impatient",
    "courteous-under-pressure",
    "apologised",
    "left-upset",
    "customer-hung-up",
    "hung-up-on-customer",
    "missed-fact",
    "asked-again",
    "good-question",
    "showed-understanding",
    "name-early",
    "name-late",
    "name-never",
    "name-again",
    "name-once",
    "name-overuse",
    "wrong-name",
    "escalation-right",
    "escalation-early",
    "escalation-wrong-target",
    "escalation-not-needed",
    "escalation-missing",
    "handover",
    "no-handover",
    "over-promise",
    "authored",
];

/// One value of every `Why` variant, in declaration order.
fn every_why() -> Vec<Why> {
    let s = String::new;
    vec![
        Why::Interrupted { cut: None },
        Why::Impatient(Marker::Dismissive),
        Why::CourteousUnderPressure { rude: false },
        Why::Apologised,
        Why::LeftUpset,
        Why::CustomerHungUp,
        Why::HungUpOnCustomer,
        Why::MissedFact { fact: s() },
        Why::AskedAgain { fact: s() },
        Why::GoodQuestion { fact: s() },
        Why::ShowedUnderstanding { fact: s() },
        Why::NameEarly,
        Why::NameLate,
        Why::NameNever,
        Why::NameAgain,
        Why::NameOnce,
        Why::NameOveruse,
        Why::WrongName,
        Why::EscalationRight { target: s() },
        Why::EscalationEarly {
            target: s(),
            missing: vec![],
        },
        Why::EscalationWrongTarget {
            target: s(),
            right: vec![],
        },
        Why::EscalationNotNeeded {
            target: s(),
            why: s(),
        },
        Why::EscalationMissing {
            right: vec![],
            why: s(),
        },
        Why::Handover,
        Why::NoHandover,
        Why::OverPromise,
        Why::Authored {
            reason: s(),
            tip: s(),
        },
    ]
}

/// No wildcard: a new rubric rule stops this test from compiling until it
/// is added to `every_why`, `RULE_IDS` and docs/scoring.md.
#[allow(dead_code)]
fn exhaustive(w: &Why) {
    match w {
        Why::Interrupted { .. }
        | Why::Impatient(_)
        | Why::CourteousUnderPressure { .. }
        | Why::Apologised
        | Why::LeftUpset
        | Why::CustomerHungUp
        | Why::HungUpOnCustomer
        | Why::MissedFact { .. }
        | Why::AskedAgain { .. }
        | Why::GoodQuestion { .. }
        | Why::ShowedUnderstanding { .. }
        | Why::NameEarly
        | Why::NameLate
        | Why::NameNever
        | Why::NameAgain
        | Why::NameOnce
        | Why::NameOveruse
        | Why::WrongName
        | Why::EscalationRight { .. }
        | Why::EscalationEarly { .. }
        | Why::EscalationWrongTarget { .. }
        | Why::EscalationNotNeeded { .. }
        | Why::EscalationMissing { .. }
        | Why::Handover
        | Why::NoHandover
        | Why::OverPromise
        | Why::Authored { .. } => {}
    }
}

/// Whether `token` occurs in `line` as a whole number: not preceded by a
/// digit or a sign (so "-5" is not found in "+10-5" by accident, nor "15" in
/// "-150"), and not followed by a digit.
fn has_number(line: &str, token: &str) -> bool {
    let bytes = line.as_bytes();
    line.match_indices(token).any(|(i, _)| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + token.len()).copied();
        let sign_in_token = token.starts_with(['+', '-']);
        let ok_before = match before {
            None => true,
            Some(b) if b.is_ascii_digit() => false,
            Some(b'+' | b'-') if !sign_in_token => false,
            Some(_) => true,
        };
        // A full stop ends a sentence; a decimal point goes on with a digit.
        let decimal = after == Some(b'.')
            && bytes
                .get(i + token.len() + 1)
                .is_some_and(u8::is_ascii_digit);
        let ok_after = after.is_none_or(|b| !b.is_ascii_digit()) && !decimal;
        ok_before && ok_after
    })
}

/// Signed, as the manual writes points: "+10", "-15".
fn signed(n: i32) -> String {
    format!("{n:+}")
}

/// Lines of the manual that name the rule as `id`.
fn lines_naming<'a>(doc: &'a str, id: &str) -> Vec<&'a str> {
    let tick = format!("`{id}`");
    doc.lines().filter(|l| l.contains(&tick)).collect()
}

/// The skills as the rubric tables write them in their second column.
const SKILL_CELLS: &[&str] = &["Patience", "Listening", "Name", "Escalation", "as written"];

/// Rows of the rubric tables, "| `rule-id` ... | Skill | points | ... |", as trimmed cells
/// (cell 0 is the empty text before the first `|`).
fn rule_rows(doc: &str) -> Vec<Vec<&str>> {
    doc.lines()
        .map(|l| l.split('|').map(str::trim).collect::<Vec<_>>())
        .filter(|c| c.len() >= 5 && c[1].starts_with('`') && SKILL_CELLS.contains(&c[2]))
        .collect()
}

#[test]
fn the_rule_list_here_is_the_codes() {
    let from_code: Vec<&str> = every_why().iter().map(Why::rule).collect();
    assert_eq!(
        from_code, RULE_IDS,
        "update RULE_IDS (and docs/scoring.md) from src/score/moment.rs"
    );
}

#[test]
fn every_rule_id_is_documented() {
    let doc = doc();
    let missing: Vec<&str> = RULE_IDS
        .iter()
        .copied()
        .filter(|id| lines_naming(&doc, id).is_empty())
        .collect();
    assert!(
        missing.is_empty(),
        "docs/scoring.md never names these rules as `id`: {missing:?}"
    );
}

#[test]
fn points_stand_next_to_their_rule() {
    let doc = doc();
    // (rule id, marker that must be on the same line too, points)
    let cases: &[(&str, Option<&str>, i32)] = &[
        ("interrupted", None, r::INTERRUPTED),
        ("impatient", Some("Dismissive"), r::DISMISSIVE),
        ("impatient", Some("Blaming"), r::BLAMING),
        ("impatient", Some("CalmDown"), r::CALM_DOWN),
        ("impatient", Some("Rushing"), r::RUSHING),
        ("impatient", Some("Arguing"), r::ARGUING),
        ("impatient", Some("SalesPitch"), r::SALES_PITCH),
        (
            "courteous-under-pressure",
            None,
            r::COURTEOUS_UNDER_PRESSURE,
        ),
        ("apologised", None, r::APOLOGISED),
        ("left-upset", None, r::LEFT_UPSET),
        ("customer-hung-up", None, r::CUSTOMER_HUNG_UP),
        ("hung-up-on-customer", None, r::HUNG_UP_ON_CUSTOMER),
        ("missed-fact", None, r::MISSED_FACT),
        ("asked-again", None, r::ASKED_AGAIN),
        ("good-question", None, r::GOOD_QUESTION),
        ("showed-understanding", None, r::SHOWED_UNDERSTANDING),
        ("name-early", None, r::NAME_EARLY),
        ("name-late", None, r::NAME_LATE),
        ("name-never", None, r::NAME_NEVER),
        ("name-again", None, r::NAME_AGAIN),
        ("name-once", None, r::NAME_ONCE),
        ("name-overuse", None, r::NAME_OVERUSE),
        ("wrong-name", None, r::WRONG_NAME),
        ("escalation-right", None, r::ESCALATION_RIGHT),
        ("escalation-early", None, r::ESCALATION_EARLY),
        ("escalation-wrong-target", None, r::ESCALATION_WRONG_TARGET),
        ("escalation-not-needed", None, r::ESCALATION_NOT_NEEDED),
        ("escalation-missing", None, r::ESCALATION_MISSING),
        ("handover", None, r::HANDOVER),
        ("no-handover", None, r::NO_HANDOVER),
        ("over-promise", None, r::OVER_PROMISE),
    ];
    let rows = rule_rows(&doc);
    let mut wrong = Vec::new();
    for &(id, marker, points) in cases {
        let want = signed(points);
        let tick = format!("`{id}`");
        // Rows for this rule (and marker): the points column must say `want`.
        let own: Vec<&Vec<&str>> = rows
            .iter()
            .filter(|c| match marker {
                None => c[1] == tick,
                Some(m) => c[1].starts_with(&tick) && c[1].contains(&format!("`{m}`")),
            })
            .collect();
        if own.is_empty() {
            let with = marker.map(|m| format!(" (`{m}`)")).unwrap_or_default();
            wrong.push(format!("{tick}{with}: no row in a rubric table"));
        }
        for c in &own {
            if !has_number(c[3], &want) {
                wrong.push(format!(
                    "{tick}: points column says \"{}\", the code says {want}",
                    c[3]
                ));
            }
        }
        // A summary row for all markers ("| `impatient` | ... | `Dismissive` -20, ...") must agree too.
        if let Some(m) = marker {
            for c in rows.iter().filter(|c| c[1] == tick) {
                let row = c.join("|");
                if row.contains(&format!("`{m}`")) && !row.contains(&format!("`{m}` {want}")) {
                    wrong.push(format!("{tick}: the summary row does not say `{m}` {want}"));
                }
            }
        }
        // And the rule's points stand on a line that names it (the brief's minimum).
        if !lines_naming(&doc, id).iter().any(|l| has_number(l, &want)) {
            wrong.push(format!("{tick}: no line names it with {want}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "docs/scoring.md disagrees with src/score/rules.rs:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn thresholds_stand_next_to_their_rule() {
    let doc = doc();
    let cases: &[(&str, u32)] = &[
        ("left-upset", r::UPSET_ANGER as u32),
        ("left-upset", r::UPSET_DISTRESS as u32),
        ("name-early", r::NAME_EARLY_BY),
        ("name-late", r::NAME_EARLY_BY + 1),
        ("name-once", r::NAME_ONCE_MIN_REPLIES),
        ("name-overuse", r::NAME_OVERUSE_MIN_REPLIES),
        ("name-overuse", r::NAME_OVERUSE_PERCENT),
    ];
    let mut wrong = Vec::new();
    for &(id, n) in cases {
        let tick = format!("`{id}`");
        // Every row of the rule (the rubric table and the quick reference) quotes it.
        let rows: Vec<String> = rule_rows(&doc)
            .iter()
            .filter(|c| c[1] == tick)
            .map(|c| c.join("|"))
            .collect();
        if rows.is_empty() || !rows.iter().all(|row| has_number(row, &n.to_string())) {
            wrong.push(format!("`{id}`: not every row of the rule quotes {n}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "docs/scoring.md disagrees with src/score/rules.rs:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_unknown_rule_is_documented() {
    let doc = doc();
    let mut unknown = Vec::new();
    for c in rule_rows(&doc) {
        let id = c[1].trim_start_matches('`').split('`').next().unwrap_or("");
        if !RULE_IDS.contains(&id) {
            unknown.push(id.to_owned());
        }
    }
    assert!(
        unknown.is_empty(),
        "docs/scoring.md documents rules the code does not have: {unknown:?}"
    );
}

#[test]
fn timing_figures_are_the_codes() {
    let doc = doc();
    let line_with =
        |key: &str, value: &str| doc.lines().any(|l| l.contains(key) && has_number(l, value));
    let mut wrong = Vec::new();
    let consts = [
        ("`TURN_START_MS`", pace::TURN_START_MS),
        ("`LINE_GAP_MS`", pace::LINE_GAP_MS),
        ("`MIN_LINE_MS`", pace::MIN_LINE_MS),
        ("`DEAD_AIR_MS`", pace::DEAD_AIR_MS),
    ];
    for (key, v) in consts {
        if !line_with(key, &v.to_string()) {
            wrong.push(format!("{key} = {v}"));
        }
    }
    let agent = format!("{:.1}", pace::AGENT_WORDS_PER_SECOND);
    if !line_with("`AGENT_WORDS_PER_SECOND`", &agent) {
        wrong.push(format!("`AGENT_WORDS_PER_SECOND` = {agent}"));
    }
    for a in Archetype::ALL {
        let wps = format!("{:.1}", pace::words_per_second(a));
        if !line_with(&format!("| `{}` |", a.name()), &wps) {
            wrong.push(format!("words per second of {}: {wps}", a.name()));
        }
    }
    // The channel table: | `Phone` | factor | dead air (yes/no) | ... |
    for ch in Channel::ALL {
        let key = format!("`{}`", ch.name());
        let row = doc
            .lines()
            .map(|l| l.split('|').map(str::trim).collect::<Vec<_>>())
            .find(|c| c.len() >= 5 && c[1] == key && (c[3] == "yes" || c[3] == "no"));
        let Some(row) = row else {
            wrong.push(format!("no row of the channel table for {key}"));
            continue;
        };
        let factor_ok = match pace::channel_factor(ch) {
            Some(f) => has_number(row[2], &format!("{f:.1}")),
            None => row[2].contains("at once"),
        };
        if !factor_ok {
            wrong.push(format!(
                "channel factor of {key}: {:?}",
                pace::channel_factor(ch)
            ));
        }
        if (row[3] == "yes") != pace::has_dead_air(ch) {
            wrong.push(format!("dead air on {key}: {}", pace::has_dead_air(ch)));
        }
    }
    let d = DEFAULT_INTERRUPTED;
    if !(line_with("`DEFAULT_INTERRUPTED`", &signed(d.anger))
        && line_with("`DEFAULT_INTERRUPTED`", &signed(d.trust)))
    {
        wrong.push(format!(
            "`DEFAULT_INTERRUPTED` anger {} trust {}",
            signed(d.anger),
            signed(d.trust)
        ));
    }
    for a in Archetype::ALL {
        let shift = courtesy_drift(a);
        let v = [shift.anger, shift.trust, shift.confusion, shift.distress]
            .into_iter()
            .find(|&v| v != 0)
            .unwrap_or(0);
        if !doc.lines().any(|l| {
            l.contains("courtesy_drift") && l.contains(a.name()) && has_number(l, &signed(v))
        }) {
            wrong.push(format!("courtesy_drift of {}: {}", a.name(), signed(v)));
        }
    }
    assert!(
        wrong.is_empty(),
        "docs/scoring.md disagrees with src/sim:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn has_number_finds_whole_numbers_only() {
    assert!(has_number("| `interrupted` | Patience | -15 |", "-15"));
    assert!(!has_number("| -150 |", "-15"));
    assert!(!has_number("| 2.6 |", "2"));
    assert!(has_number("anger +10, trust -5", "-5"));
    assert!(!has_number("x +10 y", "10"));
    assert!(has_number("at least 80 %", "80"));
    assert!(has_number("anger +10, trust -5.", "-5"));
    assert!(!has_number("factor 1.0", "1"));
}
