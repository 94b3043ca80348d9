//! The trainer's reference, docs/scenario-format.md, must not drift from the
//! code: every diagnostic code is documented with its id, name and severity,
//! no code is documented that does not exist, and the minimal scenario shown
//! in the docs is exactly the fixture the tests load.

use std::path::Path;

use headset::scenario::{Code, Severity};

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn docs() -> String {
    read("docs/scenario-format.md")
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[test]
fn every_code_is_documented_with_id_name_and_severity() {
    let docs = docs();
    let mut missing = Vec::new();
    for &code in Code::ALL {
        let (id, name) = (code.id(), code.name());
        if !docs.contains(id) || !docs.contains(name) {
            missing.push(format!("{id} {name}: id or name not mentioned at all"));
            continue;
        }
        // The summary table lists each code on one line with its severity.
        let sev = severity_word(code.severity());
        let listed = docs.lines().any(|l| {
            l.contains(id) && l.contains(&format!("`{name}`")) && l.to_lowercase().contains(sev)
        });
        if !listed {
            missing.push(format!(
                "{id} {name}: no line with the id, `{name}` and \"{sev}\""
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "docs/scenario-format.md is missing:\n{}",
        missing.join("\n")
    );
}

#[test]
fn docs_mention_no_code_that_does_not_exist() {
    let docs = docs();
    let known: Vec<&str> = Code::ALL.iter().map(|c| c.id()).collect();
    let chars: Vec<char> = docs.chars().collect();
    let mut unknown = Vec::new();
    for i in 0..chars.len().saturating_sub(3) {
        let starts_word = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        let ends_word = chars.get(i + 4).is_none_or(|c| !c.is_ascii_alphanumeric());
        if starts_word
            && ends_word
            && matches!(chars[i], 'E' | 'W')
            && chars[i + 1..i + 4].iter().all(char::is_ascii_digit)
        {
            let id: String = chars[i..i + 4].iter().collect();
            if !known.contains(&id.as_str()) && !unknown.contains(&id) {
                unknown.push(id);
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "docs/scenario-format.md mentions unknown codes: {unknown:?}"
    );
}

#[test]
fn minimal_scenario_in_docs_is_the_fixture() {
    let docs = docs();
    let fence = "```ron\n";
    let start = docs
        .find(fence)
        .expect("docs/scenario-format.md has no ```ron block")
        + fence.len();
    let len = docs[start..]
        .find("\n```")
        .expect("the first ```ron block is not closed");
    // Keep the newline before the closing fence: the fixture ends with one.
    let block = &docs[start..start + len + 1];
    let fixture = read("tests/fixtures/minimal.ron");
    assert!(
        block == fixture,
        "the first ```ron block in docs/scenario-format.md differs from tests/fixtures/minimal.ron\n\
         --- docs ---\n{block}\n--- fixture ---\n{fixture}"
    );
}
