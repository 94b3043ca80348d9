//! docs/scoring.md, the manual of the rubric (rubric v2) and of the engine's
//! timing, must not drift from the code: every rule id the debrief can
//! produce is documented, each rule's points stand on the row that names the
//! rule (in its rubric table and in the quick reference), and the thresholds,
//! defaults and timing figures the manual quotes are the code's.

use std::path::Path;

use headset::scenario::load::parse_with_ron;
use headset::scenario::{Archetype, Channel, EndingKind, Marker, Skill};
use headset::score::rules as r;
use headset::score::{Failure, Tone, Why, tone};
use headset::sim::compiled::DEFAULT_INTERRUPTED;
use headset::sim::pace;
use headset::sim::session::courtesy_drift;

fn doc() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/scoring.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every rule id of `Why::rule()` (src/score/moment.rs), in declaration order.
const RULE_IDS: &[&str] = Why::RULES;

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
        Why::DeadAir { seconds: 8 },
        Why::HungUpOnCustomer,
        Why::MissedFact { fact: s() },
        Why::AskedAgain { fact: s() },
        Why::GoodQuestion { fact: s() },
        Why::ShowedUnderstanding { fact: s() },
        Why::NoListeningShown,
        Why::NameEarly,
        Why::NameLate,
        Why::NameNever,
        Why::NameAgain,
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
        Why::AuthoredCritical {
            reason: s(),
            tip: s(),
        },
    ]
}

/// No wildcard: a new rubric rule stops this test from compiling until it
/// is added to `every_why`, `RULE_IDS`, `POINTS`, `CRITICAL` and docs/scoring.md.
#[allow(dead_code)]
fn exhaustive(w: &Why) {
    match w {
        Why::Interrupted { .. }
        | Why::Impatient(_)
        | Why::CourteousUnderPressure { .. }
        | Why::Apologised
        | Why::LeftUpset
        | Why::CustomerHungUp
        | Why::DeadAir { .. }
        | Why::HungUpOnCustomer
        | Why::MissedFact { .. }
        | Why::AskedAgain { .. }
        | Why::GoodQuestion { .. }
        | Why::ShowedUnderstanding { .. }
        | Why::NoListeningShown
        | Why::NameEarly
        | Why::NameLate
        | Why::NameNever
        | Why::NameAgain
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
        | Why::Authored { .. }
        | Why::AuthoredCritical { .. } => {}
    }
}

/// (rule id, marker that must be on the same row too, points) for every rule
/// with fixed points. `authored` is "as written" and checked on its own.
fn points() -> Vec<(&'static str, Option<&'static str>, i32)> {
    vec![
        ("interrupted", None, r::INTERRUPTED),
        ("impatient", Some("Dismissive"), r::DISMISSIVE),
        ("impatient", Some("Blaming"), r::BLAMING),
        ("impatient", Some("CalmDown"), r::CALM_DOWN),
        ("impatient", Some("Rushing"), r::RUSHING),
        ("impatient", Some("Arguing"), r::ARGUING),
        ("impatient", Some("SalesPitch"), r::SALES_PITCH),
        ("dead-air", None, r::DEAD_AIR),
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
        ("good-question", None, r::LISTENING_PER_FACT),
        ("showed-understanding", None, r::LISTENING_PER_FACT),
        // A note: src/score/scorer.rs writes it with 0 points (no constant).
        ("no-listening-shown", None, 0),
        ("name-early", None, r::NAME_EARLY),
        ("name-late", None, r::NAME_LATE),
        ("name-never", None, r::NAME_NEVER),
        ("name-again", None, r::NAME_AGAIN),
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
        // src/score/scorer.rs: the critical moment itself costs nothing.
        ("authored-critical", None, 0),
    ]
}

/// The quick reference's "critical" column, as src/score/scorer.rs sets
/// `critical` on the moments: always, never, or only under a `Required`
/// escalation policy.
const CRITICAL: &[(&str, &str)] = &[
    ("customer-hung-up", "yes"),
    ("hung-up-on-customer", "yes"),
    ("over-promise", "yes"),
    ("authored-critical", "yes"),
    ("escalation-wrong-target", "under `Required`"),
];

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

/// As the manual writes points: "+10", "-15", and "0" for a strength or a note.
fn signed(n: i32) -> String {
    if n == 0 { "0".into() } else { format!("{n:+}") }
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

/// The text of the section whose heading starts with `heading`, up to the
/// next heading of the same level.
fn section<'a>(doc: &'a str, heading: &str) -> &'a str {
    let start = doc
        .find(&format!("\n{heading}"))
        .unwrap_or_else(|| panic!("docs/scoring.md has no section \"{heading}\""));
    let level = heading.split(' ').next().unwrap_or("##");
    let rest = &doc[start + 1..];
    let end = rest[1..]
        .find(&format!("\n{level} "))
        .map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

fn quick_reference(doc: &str) -> &str {
    section(doc, "## 6. Quick reference")
}

/// How the rubric tables name a skill.
fn skill_name(s: Skill) -> &'static str {
    match s {
        Skill::Patience => "Patience",
        Skill::Listening => "Listening",
        Skill::Name => "Name",
        Skill::Escalation => "Escalation",
    }
}

#[test]
fn the_rule_list_here_is_the_codes() {
    let from_code: Vec<&str> = every_why().iter().map(Why::rule).collect();
    assert_eq!(
        from_code, RULE_IDS,
        "update RULE_IDS (and docs/scoring.md) from src/score/moment.rs"
    );
    // Every rule with fixed points is in `points()`; only `authored` is "as written".
    let priced: Vec<&str> = points().iter().map(|p| p.0).collect();
    for id in RULE_IDS {
        assert!(
            priced.contains(id) || *id == "authored",
            "add `{id}` to points() in this test"
        );
    }
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
    let rows = rule_rows(&doc);
    let mut wrong = Vec::new();
    for (id, marker, points) in points() {
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
        // And the rule's points stand on a line that names it.
        if !lines_naming(&doc, id).iter().any(|l| has_number(l, &want)) {
            wrong.push(format!("{tick}: no line names it with {want}"));
        }
    }
    // Author moments: as written, never more than 0 (the validator's E028).
    for c in rows.iter().filter(|c| c[1] == "`authored`") {
        if c[2] != "as written" || !c[3].starts_with("as written") || !has_number(c[3], "0") {
            wrong.push(format!(
                "`authored`: \"{}\" should say as written, up to 0",
                c[3]
            ));
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
fn the_quick_reference_has_every_rule_with_its_points() {
    let doc = doc();
    let quick = quick_reference(&doc);
    let rows = rule_rows(quick);
    let mut wrong = Vec::new();
    for id in RULE_IDS {
        let tick = format!("`{id}`");
        let own: Vec<&Vec<&str>> = rows.iter().filter(|c| c[1] == tick).collect();
        if own.len() != 1 {
            wrong.push(format!("{tick}: {} rows in the quick reference", own.len()));
            continue;
        }
        let c = own[0];
        for (_, marker, points) in points().into_iter().filter(|p| p.0 == *id) {
            let ok = match marker {
                None => has_number(c[3], &signed(points)),
                Some(m) => c.join("|").contains(&format!("`{m}` {}", signed(points))),
            };
            if !ok {
                wrong.push(format!(
                    "{tick}: the quick reference does not give {}{}",
                    marker.map(|m| format!("`{m}` ")).unwrap_or_default(),
                    signed(points)
                ));
            }
        }
        // The "critical" column.
        let want = CRITICAL
            .iter()
            .find(|(r, _)| r == id)
            .map_or("no", |(_, w)| w);
        if c.len() < 6 || c[4] != want {
            wrong.push(format!("{tick}: critical column should say \"{want}\""));
        }
    }
    // The impatient row spans the markers' range.
    let low = [
        r::DISMISSIVE,
        r::BLAMING,
        r::CALM_DOWN,
        r::RUSHING,
        r::ARGUING,
        r::SALES_PITCH,
    ];
    let (max, min) = (low.iter().max().unwrap(), low.iter().min().unwrap());
    let range = format!("{} to {}", signed(*max), signed(*min));
    if !rows.iter().any(|c| c[1] == "`impatient`" && c[3] == range) {
        wrong.push(format!(
            "`impatient`: the quick reference should say {range}"
        ));
    }
    assert!(
        wrong.is_empty(),
        "the quick reference of docs/scoring.md disagrees with the code:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn strengths_and_notes_are_the_codes_tones() {
    let doc = doc();
    let mut wrong = Vec::new();
    for c in rule_rows(&doc) {
        let id = c[1].trim_start_matches('`').split('`').next().unwrap_or("");
        let Some(&id) = RULE_IDS.iter().find(|r| **r == id) else {
            continue;
        };
        let want = if c[3].contains("a strength") {
            Some(Tone::Strength)
        } else if c[3].contains("a note") {
            Some(Tone::Missing)
        } else {
            None
        };
        if let Some(want) = want
            && tone(id, 0, false) != want
        {
            wrong.push(format!(
                "`{id}`: \"{}\", but its tone is {:?}",
                c[3],
                tone(id, 0, false)
            ));
        }
    }
    // The two notes are the only 0-point rules shown as missing evidence.
    for id in ["name-never", "no-listening-shown"] {
        assert_eq!(tone(id, 0, false), Tone::Missing, "{id}");
        if !rule_rows(&doc)
            .iter()
            .any(|c| c[1] == format!("`{id}`") && c[3].contains("a note"))
        {
            wrong.push(format!("`{id}`: no row calls it a note"));
        }
    }
    assert!(wrong.is_empty(), "docs/scoring.md:\n{}", wrong.join("\n"));
}

#[test]
fn thresholds_stand_next_to_their_rule() {
    let doc = doc();
    let third = r::SHOWN_FULL - r::LISTENING_PER_FACT * (r::LISTENING_FULL_AFTER as i32 - 1);
    let cases: &[(&str, String)] = &[
        ("left-upset", r::UPSET_ANGER.to_string()),
        ("left-upset", r::UPSET_DISTRESS.to_string()),
        ("dead-air", (pace::DEAD_AIR_MS / 1000).to_string()),
        ("good-question", r::SHOWN_FULL.to_string()),
        ("good-question", r::LISTENING_FULL_AFTER.to_string()),
        ("good-question", signed(third)),
        ("showed-understanding", r::SHOWN_FULL.to_string()),
        ("showed-understanding", r::LISTENING_FULL_AFTER.to_string()),
        ("showed-understanding", signed(third)),
        ("name-early", r::NAME_EARLY_BY.to_string()),
        ("name-early", signed(r::NAME_ONLY_REPLY)),
        ("name-late", (r::NAME_EARLY_BY + 1).to_string()),
        ("name-overuse", r::NAME_OVERUSE_MIN_REPLIES.to_string()),
        ("name-overuse", r::NAME_OVERUSE_PERCENT.to_string()),
    ];
    let mut wrong = Vec::new();
    for (id, n) in cases {
        let tick = format!("`{id}`");
        // Every row of the rule (the rubric table and the quick reference) quotes it.
        let rows: Vec<String> = rule_rows(&doc)
            .iter()
            .filter(|c| c[1] == tick)
            .map(|c| c.join("|"))
            .collect();
        if rows.is_empty() || !rows.iter().all(|row| has_number(row, n)) {
            wrong.push(format!("`{id}`: not every row of the rule quotes {n}"));
        }
    }
    // The Listening arithmetic in the text: 34 a fact, the 3rd earns what is left.
    let listening = section(&doc, "### 2.3 Listening");
    for (what, n) in [
        ("`LISTENING_PER_FACT`", signed(r::LISTENING_PER_FACT)),
        ("`SHOWN_FULL`", r::SHOWN_FULL.to_string()),
        (
            "`LISTENING_FULL_AFTER`",
            r::LISTENING_FULL_AFTER.to_string(),
        ),
    ] {
        if !listening
            .lines()
            .any(|l| l.contains(what) && has_number(l, &n))
        {
            wrong.push(format!("2.3 does not say {what} {n} on one line"));
        }
    }
    if !listening.contains(&format!("({third})")) {
        wrong.push(format!("2.3 does not give the 3rd fact's credit ({third})"));
    }
    assert!(
        wrong.is_empty(),
        "docs/scoring.md disagrees with src/score/rules.rs:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn skills_start_where_the_code_starts_them() {
    let doc = doc();
    let rubric = section(&doc, "### 2.1 Moments, shown skills and kept skills");
    let mut wrong = Vec::new();
    for skill in Skill::ALL {
        let base = r::base(skill);
        let kind = if base == r::SHOWN_FULL {
            "kept"
        } else {
            "shown"
        };
        let row = rubric
            .lines()
            .map(|l| l.split('|').map(str::trim).collect::<Vec<_>>())
            .find(|c| c.len() >= 5 && c[1] == skill_name(skill));
        match row {
            Some(c) if c[2] == kind && c[3] == base.to_string() => {}
            _ => wrong.push(format!(
                "| {} | {kind} | {base} | …: not so in 2.1",
                skill_name(skill)
            )),
        }
    }
    assert_eq!(r::BASES, Skill::ALL.map(r::base));
    assert!(wrong.is_empty(), "docs/scoring.md:\n{}", wrong.join("\n"));
}

#[test]
fn passing_defaults_and_the_rubric_version_are_the_codes() {
    let doc = doc();
    // A scenario that sets neither pass mark nor skill floor.
    let s = parse_with_ron(
        r#"Scenario(id: "x", version: 1, language: "en", title: "x", channel: Phone,
            archetype: Calm, customer: (name: "Ada Stone", address_as: "Ms Stone"),
            escalation: NotNeeded(why: "x"), start: "a",
            nodes: { "a": (replies: [(say: "Bye.", next: "e")]) },
            endings: { "e": (kind: Resolved, say: "Bye.") })"#,
    )
    .expect("the inline scenario parses");
    // Every line that gives the default gives the code's.
    let line_with = |key: &str, value: &str| {
        let lines: Vec<&str> = doc
            .lines()
            .filter(|l| l.contains(key) && l.contains("default "))
            .collect();
        !lines.is_empty()
            && lines
                .iter()
                .all(|l| l.contains(&format!("default {value}")))
    };
    let mut wrong = Vec::new();
    if !line_with("`skill_floor`", &s.skill_floor.to_string()) {
        wrong.push(format!("`skill_floor` default {}", s.skill_floor));
    }
    if !line_with("`pass_mark`", &s.pass_mark.to_string()) {
        wrong.push(format!("`pass_mark` default {}", s.pass_mark));
    }
    if !doc
        .lines()
        .any(|l| l.contains("`RUBRIC_VERSION`") && has_number(l, &r::RUBRIC_VERSION.to_string()))
    {
        wrong.push(format!("`RUBRIC_VERSION` {}", r::RUBRIC_VERSION));
    }
    if !doc.contains(&format!("; rubric v{})", r::RUBRIC_VERSION)) {
        wrong.push(format!(
            "the Result line with \"rubric v{}\"",
            r::RUBRIC_VERSION
        ));
    }
    assert!(
        wrong.is_empty(),
        "docs/scoring.md disagrees with the code:\n{}",
        wrong.join("\n")
    );
}

/// One value of every `Failure` variant (src/score/failure.rs); no wildcard.
fn every_failure() -> Vec<Failure> {
    let all = vec![
        Failure::Critical { count: 1 },
        Failure::Ending {
            kind: EndingKind::HungUp,
        },
        Failure::SkillBelowFloor {
            skill: Skill::Listening,
            score: 8,
            floor: 50,
        },
        Failure::BelowPassMark {
            overall: 63,
            pass_mark: 70,
        },
    ];
    for f in &all {
        match f {
            Failure::Critical { .. }
            | Failure::Ending { .. }
            | Failure::SkillBelowFloor { .. }
            | Failure::BelowPassMark { .. } => {}
        }
    }
    all
}

#[test]
fn failures_are_documented_with_their_keys_and_words() {
    let doc = doc();
    let passing = section(&doc, "### 2.8 Overall score and passing");
    let mut wrong = Vec::new();
    // The table lists them in the order the code reports them.
    let mut at = 0;
    for f in every_failure() {
        let row = format!("| `{}` |", f.key());
        match passing[at..].find(&row) {
            Some(i) => at += i + row.len(),
            None => wrong.push(format!("no row {row} (in this order) in 2.8")),
        }
    }
    // Each row quotes the English reasons, as the code words them.
    let mut words: Vec<(&str, String)> = every_failure()
        .iter()
        .map(|f| (f.key(), f.words("en")))
        .collect();
    for kind in [EndingKind::Unresolved, EndingKind::Escalated] {
        words.push(("ending", Failure::Ending { kind }.words("en")));
    }
    let n = Failure::Critical { count: 2 }
        .words("en")
        .replacen('2', "N", 1);
    words.push(("critical", n));
    for (key, w) in words {
        let row = format!("| `{key}` |");
        let ok = passing
            .lines()
            .any(|l| l.starts_with(&row) && l.contains(&format!("\"{w}\"")));
        if !ok {
            wrong.push(format!("the row {row} of 2.8 does not quote \"{w}\""));
        }
    }
    assert!(
        wrong.is_empty(),
        "docs/scoring.md disagrees with src/score/failure.rs:\n{}",
        wrong.join("\n")
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
        ("`READING_WPM_NORMAL`", u64::from(pace::READING_WPM_NORMAL)),
        ("`READING_WPM_SLOW`", u64::from(pace::READING_WPM_SLOW)),
    ];
    for (key, v) in consts {
        // Some line gives it, and every table row that names it agrees.
        let rows_agree = doc
            .lines()
            .filter(|l| l.starts_with('|') && l.contains(key))
            .all(|l| has_number(l, &v.to_string()));
        if !line_with(key, &v.to_string()) || !rows_agree {
            wrong.push(format!("{key} = {v}"));
        }
    }
    // The reading-allowance arithmetic of the worked example: 81 words.
    for wpm in [pace::READING_WPM_NORMAL, pace::READING_WPM_SLOW] {
        let ms = pace::reading_ms(81, wpm);
        if !line_with(&format!("81 × 60000 / {wpm})"), &ms.to_string()) {
            wrong.push(format!(
                "reading 81 words at {wpm} words per minute takes {ms} ms"
            ));
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
    assert!(has_number("| 0 (a strength) |", "0"));
    assert!(!has_number("| +100 |", "0"));
    assert!(!has_number("| -10 |", "0"));
    assert!(has_number("the 3rd fact", "3"));
}

#[test]
fn section_finds_the_quick_reference_alone() {
    let doc = doc();
    let quick = quick_reference(&doc);
    assert!(quick.starts_with("## 6. Quick reference"));
    assert!(
        !quick.contains("## 7."),
        "the section runs into the next one"
    );
    assert!(!quick.contains("### 2.2"));
}
