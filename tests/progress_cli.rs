//! `headset history` and `headset export --csv`, run as the real binary on
//! a temporary data folder.

mod progress_support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use headset::progress::Store;
use progress_support::{attempt, some_attempts};

fn headset(args: &[&str], data_env: Option<&Path>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_headset"));
    c.args(args)
        .env("NO_COLOR", "1")
        .env_remove("HEADSET_DATA_DIR");
    if let Some(d) = data_env {
        c.env("HEADSET_DATA_DIR", d);
    }
    c.output().expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A data folder with two profiles: Anna (5 calls) and a name that needs quoting.
fn data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    for a in some_attempts("Anna") {
        store.append(&a).unwrap();
    }
    store
        .append(&attempt(
            "scenarios/en/warranty-kettle.ron",
            "h",
            3,
            "Bert, the \"Boss\"",
            951_782_400_000,
        ))
        .unwrap();
    dir
}

/// The columns trainers' spreadsheets read: the first 13 never move; new
/// ones are appended (`rubric`, `failed_because` came with rubric v2).
const HEADER: &str = "profile,scenario,version,language,date,duration_s,ending,passed,overall,patience,listening,name,escalation,rubric,failed_because";

#[test]
fn export_csv_has_the_header_and_one_row_per_attempt() {
    let dir = data();
    let d = dir.path().to_str().unwrap();
    let out = headset(&["export", "--csv", "--data-dir", d], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(csv.contains("\r\n"), "RFC 4180 line ends");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], HEADER);
    assert!(rows[0].starts_with(
        "profile,scenario,version,language,date,duration_s,ending,passed,overall,patience,listening,name,escalation,"
    ));
    assert_eq!(rows.len(), 1 + 6, "{csv}");
    let anna = some_attempts("Anna");
    // Profiles in name order, attempts oldest first.
    assert_eq!(
        rows[1],
        format!(
            "Anna,double-charge,1,en,2023-11-14T22:13:20Z,{}.{},escalated,true,{},{},{},{},{},2,",
            anna[0].duration_ms / 1000,
            anna[0].duration_ms % 1000 / 100,
            anna[0].overall,
            anna[0].skills.patience,
            anna[0].skills.listening,
            anna[0].skills.name,
            anna[0].skills.escalation
        )
    );
    assert!(
        rows[5].starts_with("Anna,warranty-kettle,1,de,2023-11-14T22:20:00Z,"),
        "{}",
        rows[5]
    );
    assert!(
        rows[5].contains(",unresolved,false,"),
        "hanging up never passes: {}",
        rows[5]
    );
    // Why: the failure keys, most serious first, joined with ';'.
    assert_eq!(anna[4].failures[..2], ["critical", "ending"]);
    assert!(
        rows[5].ends_with(&format!(",2,{}", anna[4].failures.join(";"))),
        "{}",
        rows[5]
    );
    assert!(
        rows[6]
            .starts_with("\"Bert, the \"\"Boss\"\"\",warranty-kettle,1,en,2000-02-29T00:00:00Z,"),
        "quoted: {}",
        rows[6]
    );
    for r in &rows[1..] {
        assert_eq!(
            r.matches(',').count() - if r.starts_with('"') { 1 } else { 0 },
            14,
            "{r}"
        );
    }
}

#[test]
fn calls_stored_before_rubric_v2_are_exported_and_listed_as_rubric_1() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    progress_support::save_rubric_1_records(&store);
    let now = attempt(
        "scenarios/de/warranty-kettle.ron",
        "h",
        5,
        "Anna",
        1_700_000_500_000,
    );
    store.append(&now).unwrap();
    let d = dir.path().to_str().unwrap();

    let out = headset(&["export", "--csv", "--data-dir", d], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], HEADER);
    // The old calls keep their stored scores, with rubric 1 and no
    // reasons (rubric 1 did not keep them).
    assert_eq!(
        rows[1],
        "Anna,double-charge,1,en,2023-11-14T22:18:20Z,17.9,escalated,true,92,100,60,100,100,1,"
    );
    assert_eq!(
        rows[2],
        "Anna,warranty-kettle,1,de,2023-11-14T22:20:00Z,13.0,unresolved,false,80,50,100,50,100,1,"
    );
    // The same call played now: rubric 2, and why it did not pass.
    assert!(
        rows[3].ends_with(&format!(",2,{}", now.failures.join(";"))),
        "{}",
        rows[3]
    );
    assert!(rows[3].contains(",2,critical;ending;"), "{}", rows[3]);

    let out = headset(&["history", "--data-dir", d], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines[0], "Anna: 3 calls");
    assert!(
        lines[1].contains("  rubric  ") && lines[1].ends_with("failed because"),
        "{s}"
    );
    assert!(
        lines[2].contains("double-charge") && lines[2].ends_with(" v1"),
        "{s}"
    );
    assert!(lines[3].ends_with(" v1"), "rubric 1 kept no reasons: {s}");
    assert!(
        lines[4].contains(" v2      critical, ending, "),
        "the rubric and why: {s}"
    );
    assert_eq!(
        lines[5],
        "  scores marked v1 come from rubric v1 and do not compare with rubric v2 scores"
    );
    assert!(
        lines[6].starts_with("  weakest skill: ")
            && lines[6].ends_with(" over the last 1 call scored by rubric v2)"),
        "judged on the rubric-2 call only: {s}"
    );
}

#[test]
fn export_to_a_file_and_from_the_environment_variable() {
    let dir = data();
    let file = dir.path().join("out").join("anna.csv");
    let out = headset(
        &[
            "export",
            "--csv",
            "--profile",
            "anna",
            "--out",
            file.to_str().unwrap(),
        ],
        Some(dir.path()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let csv = fs::read_to_string(&file).unwrap();
    assert_eq!(
        csv.lines().count(),
        1 + 5,
        "only Anna (matched ignoring case): {csv}"
    );
    assert!(csv.lines().skip(1).all(|l| l.starts_with("Anna,")));
    assert!(
        text(&out.stderr).contains("5 attempts written"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn history_prints_a_table_oldest_first() {
    let dir = data();
    let d = dir.path().to_str().unwrap();
    let out = headset(&["history", "--data-dir", d, "--profile", "Anna"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines[0], "Anna: 5 calls");
    assert!(
        lines[1].contains("date (UTC)") && lines[1].contains("escalation"),
        "{s}"
    );
    assert!(
        lines[2].contains("2023-11-14 22:13") && lines[2].contains("double-charge"),
        "{s}"
    );
    assert!(
        lines[6].contains("2023-11-14 22:20") && lines[6].contains("de") && lines[6].contains("no"),
        "{s}"
    );
    assert!(lines[7].starts_with("  weakest skill: "), "{s}");
    assert!(!s.contains("Bert"));
    // Without --profile: every profile.
    let all = text(&headset(&["history", "--data-dir", d], None).stdout);
    assert!(
        all.contains("Anna: 5 calls") && all.contains("Bert, the \"Boss\": 1 call"),
        "{all}"
    );
}

#[test]
fn a_damaged_record_exits_1_names_file_and_line_and_the_rest_is_printed() {
    let dir = data();
    let d = dir.path().to_str().unwrap();
    let log = Store::open(dir.path()).log_path("Anna");
    let mut bytes = fs::read(&log).unwrap();
    bytes.extend_from_slice(b"{\"this\": \"was typed by hand\"}\n");
    fs::write(&log, bytes).unwrap();

    let out = headset(&["history", "--data-dir", d, "--profile", "Anna"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("{}:6", log.display())),
        "names file and line: {err}"
    );
    assert!(err.contains("attempts.damaged"), "{err}");
    assert!(
        text(&out.stdout).starts_with("Anna: 5 calls"),
        "{}",
        text(&out.stdout)
    );

    let out = headset(&["export", "--csv", "--data-dir", d], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(&format!("{}:6", log.display())));
    assert_eq!(
        text(&out.stdout).lines().count(),
        1 + 6,
        "every other row is still exported"
    );
}

#[test]
fn no_profiles_unknown_profiles_and_usage_errors_are_clear() {
    let empty = tempfile::tempdir().unwrap();
    let e = empty.path().to_str().unwrap();
    let out = headset(&["history", "--data-dir", e], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).contains("no profiles in"),
        "{}",
        text(&out.stderr)
    );
    let out = headset(&["export", "--csv", "--data-dir", e], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).trim_end(), HEADER);

    let missing = empty.path().join("nope");
    let out = headset(&["history", "--data-dir", missing.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("does not exist"),
        "{}",
        text(&out.stderr)
    );

    let dir = data();
    let d = dir.path().to_str().unwrap();
    let out = headset(&["history", "--data-dir", d, "--profile", "Carla"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("no profile \"Carla\"") && err.contains("\"Anna\""),
        "{err}"
    );

    let out = headset(&["export", "--data-dir", d], None);
    assert_eq!(out.status.code(), Some(2), "--csv is required");
    assert!(text(&out.stderr).contains("--csv"));
}
