//! The broken-scenario corpus: every file in `tests/broken/` is a copy of
//! `tests/fixtures/minimal.ron` or `tests/fixtures/full.ron` with exactly one
//! defect. Loading and validating it through the public API must report that
//! defect with the right code, at the line and column of the offending text
//! (the misspelt field, the dangling reference's string, the bad value), with
//! a message and a hint.
//!
//! Every expected position in the table was checked by eye against its file.
//! A new file in `tests/broken/` fails the test until it has a row here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use headset::scenario::library::{check_files, collect_files};
use headset::scenario::load::MAX_FILE_BYTES;
use headset::scenario::{Code, Diagnostic, load_bytes};

/// One broken file and the diagnostic it must produce.
struct Case {
    /// Path below `tests/broken/`.
    file: &'static str,
    /// Code id, e.g. "E012".
    code: &'static str,
    /// 1-based line and column; 0 and 0 for a diagnostic about the whole file.
    line: usize,
    column: usize,
}

const fn case(file: &'static str, code: &'static str, line: usize, column: usize) -> Case {
    Case {
        file,
        code,
        line,
        column,
    }
}

/// A diagnostic with no position (about the whole file).
const fn whole_file(file: &'static str, code: &'static str) -> Case {
    Case {
        file,
        code,
        line: 0,
        column: 0,
    }
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Syntax.
    case("syntax-missing-comma.ron",              "E001",  3,  37), // `language` where the comma belongs
    case("syntax-missing-colon.ron",              "E001",  7,  11), // `"ask"` where the colon belongs
    case("syntax-unclosed-string.ron",            "E001", 22,  47), // the opening quote
    case("syntax-unclosed-paren.ron",             "E001",  2,   9), // the `(` of Scenario( never closed
    case("syntax-unclosed-block-comment.ron",     "E001",  7,   5), // the `/*`
    case("syntax-trailing-characters.ron",        "E001", 25,   1), // the extra `)`
    case("syntax-stray-character.ron",            "E001",  4,  45), // the `@`
    case("syntax-pass-mark-overflow.ron",         "E011",  7,  16), // `300` does not fit the field
    // Wrong types: RON tells most of them at once (E001, as documented); E004 where serde does.
    case("wrong-type-number-for-text.ron",        "E004",  4,  12), // `42`
    case("wrong-type-text-for-number.ron",        "E004",  3,  35), // `"1"`
    case("wrong-type-list-for-map.ron",           "E004", 19,  14), // `["supervisor"]`
    case("wrong-type-text-for-bool.ron",          "E004", 24,  19), // `"yes"`
    case("wrong-type-text-for-list.ron",          "E004", 39,  57), // `"Dismissive"`
    case("wrong-type-list-in-customer-lines.ron", "E004", 10,  53), // the inner `[`
    case("wrong-type-struct-name.ron",            "E004",  5,  15), // `Persona(`
    // Unknown fields, at every level.
    case("unknown-field-top.ron",                 "E002",  4,   5), // `titel`
    case("unknown-field-customer.ron",            "E002",  5,  59), // `portait`
    case("unknown-field-reply.ron",               "E002", 14,  67), // `escalte`
    case("unknown-field-line.ron",                "E002", 22,  44), // `reveal`
    case("unknown-field-mood.ron",                "E002", 10,  27), // `trsut`
    case("unknown-field-node.ron",                "E002", 24,  13), // `ruude`
    case("unknown-field-ending.ron",              "E002", 21,  20), // `knd`
    case("unknown-field-moment.ron",              "E002", 29,  91), // `tipp`
    case("unknown-field-escalation.ron",          "E002",  6,  27), // `whyy`
    case("bom-unknown-field-first-line.ron",      "E002",  1,  31), // `versoin`; the BOM is not a column
    // Misspelt values.
    case("unknown-variant-channel.ron",           "E003",  4,  38), // `Phon`
    case("unknown-variant-archetype.ron",         "E003",  4,  56), // `Clam`
    case("unknown-variant-marker.ron",            "E003", 26,  70), // `Apologizes`
    case("unknown-variant-ending-kind.ron",       "E003", 21,  26), // `Resolvd`
    case("unknown-variant-escalation.ron",        "E003",  6,  17), // `NotNeded`
    case("unknown-variant-skill.ron",             "E003", 29,  36), // `Patients`
    // Missing fields: at the bracket that closes the group lacking them.
    case("missing-field-title.ron",               "E005", 24,   1),
    case("missing-field-reply-next.ron",          "E005", 14,  89),
    case("missing-field-ending-kind.ron",         "E005", 22,  59),
    // Written twice.
    case("duplicate-key-targets.ron",             "E010", 19,  44), // the second `"supervisor"`
    case("duplicate-key-facts.ron",               "E010", 13,  39), // the second `"order"`
    case("duplicate-field-title.ron",             "E010",  4,  29), // the second `title`
    case("duplicate-id-node-and-ending.ron",      "E023", 22,   9), // ending `"ask"`, also a node
    // Dangling references.
    case("unknown-node-next.ron",                 "E012", 13,  24), // `"thank"`
    case("unknown-node-branch-go.ron",            "E012", 30,  59), // `"hang-up"`
    case("unknown-node-start.ron",                "E012",  7,  12), // `"asc"`
    case("unknown-fact-reveals.ron",              "E013", 35,  67), // `"amonut"`
    case("unknown-fact-needs.ron",                "E013", 37,  84), // `"oder"`
    case("unknown-fact-asks.ron",                 "E013", 27,  44), // `"amout"`
    case("unknown-fact-escalation-after.ron",     "E013", 15,  51), // `"ordr"`
    case("unknown-fact-condition-heard.ron",      "E013", 30,  62), // `"amont"`
    case("unknown-fact-condition-not-heard.ron",  "E013", 30,  66), // `"amont"`
    case("unknown-target-escalate.ron",           "E014", 14,  77), // `"supervisr"`
    case("unknown-target-escalation-to.ron",      "E014", 15,  31), // `"bililng"`
    // The graph.
    case("unreachable-node.ron",                  "W101", 18,   9), // node `"later"`
    case("dead-end-no-replies.ron",               "E015", 19,   9), // node `"hold"`
    case("dead-end-loop.ron",                     "E015", 19,   9), // node `"hold"` (and `"still"`)
    case("unreachable-ending.ron",                "E016", 22,   9), // ending `"lost"`
    case("fact-never-revealed.ron",               "E017", 26,  91), // needs `"amount"` before it is told
    case("escalation-never-offered.ron",          "E018", 15,  17), // `Required(`
    // Text.
    case("unknown-placeholder.ron",               "E019", 12,  38), // the `{` of `{nmae}`
    case("unknown-placeholder-after-escape.ron",  "E019", 12,  42), // after `\"` escapes
    case("unknown-placeholder-raw-string.ron",    "E019", 12,  42), // in `r#"..."#`
    case("unknown-placeholder-multiline.ron",     "E019", 13,  56), // on the string's second line
    case("unknown-placeholder-some.ron",          "E019", 25,  53), // in `Some("...")`
    case("broken-placeholder-unclosed.ron",       "E020", 12,  38), // the `{` of `{name.`
    case("broken-placeholder-customer-line.ron",  "E020", 10,  85), // the `{` of `{agent?`
    // Values.
    case("portrait-parent-dir.ron",               "E022",  5,  69), // `"../x.png"`
    case("portrait-absolute.ron",                 "E022",  5,  69), // `"/etc/x.png"`
    case("out-of-range-difficulty.ron",           "E011",  4,  74), // `5`
    case("out-of-range-mood.ron",                 "E011", 10,  23), // `150`
    case("out-of-range-pass-mark.ron",            "E011",  7,  16), // `120`
    case("out-of-range-version-zero.ron",         "E011",  3,  35), // `0`
    case("out-of-range-pause.ron",                "E011", 22,  71), // `90.0`
    case("out-of-range-moment-points.ron",        "E011", 29,  54), // `-500`
    case("moment-gives-points.ron",               "E028", 29,  54), // `10`
    case("out-of-range-skill-floor.ron",          "E011", 17,  18), // `120`
    case("out-of-range-condition.ron",            "E011", 30,  50), // `120`
    case("unknown-language.ron",                  "E024",  3,  48), // `"fr"`
    case("invalid-id-scenario.ron",               "E025",  3,   9), // `"Opening hours!"`
    case("invalid-id-fact.ron",                   "E025", 13,  73), // `"how much?"`
    // The file itself.
    whole_file("empty-file.ron",                  "E009"),
    case("invalid-utf8.ron",                      "E008",  4,  21), // the 0xFF byte
    case("too-deep.ron",                          "E007",  7, 138), // the 128th `[`, level 129
    // Translations, checked as a library: the German file has one reply fewer.
    case("translation-mismatch/de/x.ron",         "E021", 11,  22), // `replies: [`
];

/// Files that must load and validate without any diagnostic.
const VALID: &[&str] = &[
    "bom-valid.ron",                 // starts with a UTF-8 byte-order mark
    "translation-mismatch/en/x.ron", // the original of the translation pair
];

fn broken_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken")
}

/// The files to check together with `rel`: a file in a subfolder of
/// `tests/broken/` is checked with everything in that subfolder (a
/// translation and its original), a file at the top on its own.
fn group(rel: &str) -> Vec<PathBuf> {
    let dir = broken_dir();
    match rel.split_once('/') {
        Some((sub, _)) => collect_files(&[dir.join(sub)]).expect("the case folder is readable"),
        None => vec![dir.join(rel)],
    }
}

/// Every diagnostic about `rel`, checked with its group.
fn diagnostics(rel: &str) -> Vec<Diagnostic> {
    let path = broken_dir().join(rel);
    check_files(&group(rel))
        .diagnostics
        .into_iter()
        .filter(|d| d.file == path)
        .collect()
}

fn show(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            format!(
                "    {} {:?}:{:?} {}",
                d.code.id(),
                d.line,
                d.column,
                d.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_broken_file_reports_its_defect_at_the_offending_text() {
    let mut failures = Vec::new();
    for c in CASES {
        let diags = diagnostics(c.file);
        let at = if c.line == 0 {
            (None, None)
        } else {
            (Some(c.line), Some(c.column))
        };
        let found = diags
            .iter()
            .find(|d| d.code.id() == c.code && (d.line, d.column) == at);
        match found {
            None => failures.push(format!(
                "{}: expected {} at {}:{}, got:\n{}",
                c.file,
                c.code,
                c.line,
                c.column,
                show(&diags)
            )),
            Some(d) if d.message.trim().is_empty() || d.hint.trim().is_empty() => failures.push(
                format!("{}: {} has an empty message or hint: {d:?}", c.file, c.code),
            ),
            Some(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn valid_files_in_the_corpus_have_no_diagnostics() {
    for rel in VALID {
        let diags = diagnostics(rel);
        assert!(
            diags.is_empty(),
            "{rel} should be clean, got:\n{}",
            show(&diags)
        );
    }
}

#[test]
fn the_corpus_is_large_and_every_file_has_a_row() {
    assert!(CASES.len() >= 40, "only {} cases", CASES.len());
    let mut listed = BTreeSet::new();
    for rel in CASES.iter().map(|c| c.file).chain(VALID.iter().copied()) {
        assert!(listed.insert(rel.to_owned()), "{rel} is listed twice");
    }
    let mut on_disk = BTreeSet::new();
    let mut stack = vec![broken_dir()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("tests/broken is readable") {
            let path = entry.expect("tests/broken is readable").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(broken_dir()).expect("below tests/broken");
                on_disk.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let unlisted: Vec<_> = on_disk.difference(&listed).collect();
    let missing: Vec<_> = listed.difference(&on_disk).collect();
    assert!(
        unlisted.is_empty(),
        "files in tests/broken/ without a row in CASES or VALID: {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "rows without a file in tests/broken/: {missing:?}"
    );
}

/// Editors like to "repair" these files; the cases mean nothing without the
/// raw bytes they are about.
#[test]
fn byte_level_files_keep_their_bytes() {
    let read = |rel: &str| std::fs::read(broken_dir().join(rel)).expect("corpus file is readable");
    assert!(read("bom-valid.ron").starts_with(b"\xEF\xBB\xBF"));
    assert!(read("bom-unknown-field-first-line.ron").starts_with(b"\xEF\xBB\xBF"));
    let utf8 = read("invalid-utf8.ron");
    assert!(utf8.contains(&0xFF), "invalid-utf8.ron lost its 0xFF byte");
    assert!(std::str::from_utf8(&utf8).is_err());
    assert!(read("empty-file.ron").is_empty());
    let deep = String::from_utf8(read("too-deep.ron")).expect("too-deep.ron is UTF-8");
    assert!(deep.contains(&"[".repeat(200)) && deep.contains(&"]".repeat(200)));
}

/// Over 1 MiB: generated here, never committed.
#[test]
fn an_oversized_file_is_refused_without_a_position() {
    let tmp = tempfile::TempDir::new().expect("a temporary folder");
    let path = tmp.path().join("huge.ron");
    let minimal =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron"))
            .expect("the minimal fixture");
    let mut bytes = minimal.clone();
    bytes.extend_from_slice(b"// ");
    bytes.resize(MAX_FILE_BYTES + 1, b'x');
    bytes.push(b'\n');
    std::fs::write(&path, &bytes).expect("write the big file");

    let report = check_files(std::slice::from_ref(&path));
    assert_eq!(report.diagnostics.len(), 1, "{}", show(&report.diagnostics));
    let d = &report.diagnostics[0];
    assert_eq!(d.code, Code::FileTooLarge);
    assert_eq!((d.line, d.column), (None, None));
    assert!(!d.message.is_empty() && !d.hint.is_empty());

    assert_eq!(
        load_bytes(&path, &bytes).unwrap_err().code,
        Code::FileTooLarge
    );
    // Exactly at the limit is fine as far as size goes.
    let mut at_limit = minimal;
    at_limit.extend_from_slice(b"// ");
    at_limit.resize(MAX_FILE_BYTES - 1, b'x');
    at_limit.push(b'\n');
    assert!(load_bytes(&path, &at_limit).is_ok());
}

/// Checks of the fixes the corpus led to that need bytes or escapes a
/// corpus file would hide.
fn minimal_with(old: &str, new: &str) -> String {
    let minimal = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron"),
    )
    .expect("the minimal fixture");
    assert_eq!(minimal.matches(old).count(), 1, "{old}");
    minimal.replace(old, new)
}

#[test]
fn the_byte_offset_of_invalid_utf8_counts_the_byte_order_mark() {
    let text = minimal_with("Opening hours\"", "Opening XX hours\"");
    let plain = text.replace("XX", "\u{0}").into_bytes();
    let at = plain.iter().position(|&b| b == 0).expect("the marker");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(plain.iter().map(|&b| if b == 0 { 0xFF } else { b }));
    let d = load_bytes(Path::new("x.ron"), &bytes).unwrap_err();
    assert_eq!(d.code, Code::InvalidUtf8);
    assert!(
        d.message.contains(&format!("byte offset {} ", at + 3)),
        "{}",
        d.message
    );
    assert_eq!((d.line, d.column), (Some(4), Some(21)));
}

#[test]
fn placeholder_positions_count_unicode_and_byte_escapes() {
    // `\u{e9}` is 6 characters of source and `\xC3\xA9` 8, each for one `é`.
    for (say, column) in [("Caf\\u{e9}, {nmae}.", 35), ("Caf\\xC3\\xA9, {nmae}.", 37)] {
        let text = minimal_with(
            "Good morning, {name}. On Saturday we are open from 9 to 1.",
            say,
        );
        let loaded = load_bytes(Path::new("x.ron"), text.as_bytes()).expect("loads");
        let diags = headset::scenario::validate(&loaded);
        let d = diags
            .iter()
            .find(|d| d.code == Code::UnknownPlaceholder)
            .expect("E019");
        assert_eq!((d.line, d.column), (Some(12), Some(column)), "{say}");
        let line = d.source_line.as_deref().expect("the line");
        assert_eq!(line.chars().nth(column - 1), Some('{'), "{say}");
    }
}
