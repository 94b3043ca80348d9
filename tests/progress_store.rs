//! The attempt history on disk: round trips, damaged records set aside,
//! read-only folders, checkpoints and resume, replays.

mod progress_support;

use std::fs;
use std::path::Path;

use headset::progress::checkpoint::{CHECKPOINT_FILE, DAMAGED_CHECKPOINT};
use headset::progress::input::play_back;
use headset::progress::store::{DAMAGED_FILE, DETAIL_FILE, LOG_FILE, encode_line};
use headset::progress::{
    Attempt, Checkpoint, Difference, Input, InputRecord, ProblemKind, Replay, ResumeError, Store,
    StoreError, replay, resume,
};
use headset::score::rules::RUBRIC_VERSION;
use headset::score::{Tone, score};
use headset::sim::Options;
use progress_support::{
    RUBRIC_1_DIR, attempt, compile_text, play_logged, rubric_1_attempts, save_rubric_1_records,
    scenario, some_attempts,
};

fn lines(path: &Path) -> Vec<Vec<u8>> {
    let bytes = fs::read(path).unwrap();
    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

#[test]
fn attempts_round_trip_through_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    let attempts = some_attempts("José Müller");
    for a in &attempts {
        store.append(a).unwrap();
    }
    let h = store.load("José Müller");
    assert!(h.problems.is_empty(), "{:?}", h.problems);
    assert_eq!(h.attempts, attempts, "every field comes back as saved");
    // The trainee's real name is kept; the folder name is safe.
    let profiles = store.profiles().unwrap();
    assert_eq!(profiles.len(), 1);
    assert_eq!(profiles[0].name, "José Müller");
    let folder = profiles[0]
        .dir
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(folder.starts_with("jos-m-ller-"), "{folder}");
    // One line per attempt: 8 hex digits, a space, JSON.
    let log = fs::read_to_string(profiles[0].dir.join(LOG_FILE)).unwrap();
    assert_eq!(log.lines().count(), attempts.len());
    for line in log.lines() {
        assert!(line[..8].chars().all(|c| c.is_ascii_hexdigit()), "{line}");
        assert_eq!(&line[8..10], " {", "{line}");
    }
    assert!(log.ends_with('\n'));
    // The transcripts and moments are in details.log, one line each.
    let details = fs::read_to_string(profiles[0].dir.join(DETAIL_FILE)).unwrap();
    assert_eq!(details.lines().count(), attempts.len());
    // The summaries alone, for the progress view, say the same.
    let summaries = store.load_summaries("José Müller");
    assert!(summaries.problems.is_empty());
    assert_eq!(
        summaries.attempts,
        attempts
            .iter()
            .map(|a| a.summary.clone())
            .collect::<Vec<_>>()
    );
    // One old call with its transcript, for a debrief.
    assert_eq!(
        store.load_attempt("José Müller", &attempts[2].id),
        Some(attempts[2].clone())
    );
    assert_eq!(store.load_attempt("José Müller", "nope"), None);
    // Another profile does not see them.
    assert!(store.load("Anna").attempts.is_empty());
}

#[test]
fn a_stored_attempt_has_what_a_replay_and_a_trainer_need() {
    let a = attempt(
        "scenarios/en/router-confused.ron",
        "1,1,1,1",
        3,
        "Anna",
        1_700_000_200_123,
    );
    let (_, source) = scenario("scenarios/en/router-confused.ron");
    assert_eq!(a.format, 1);
    assert_eq!(a.id, "18bcfe875bb-0000000000000003");
    assert_eq!(a.started_at, 1_700_000_200);
    assert_eq!(
        (a.scenario.as_str(), a.scenario_version, a.language.as_str()),
        ("router-confused", 1, "en")
    );
    assert_eq!(a.content_hash, headset::progress::content_hash(&source));
    assert_eq!(a.content_hash.len(), 16);
    assert_eq!(a.inputs.len(), 4);
    assert!(
        a.inputs.windows(2).all(|w| w[0].t_ms <= w[1].t_ms),
        "times in order"
    );
    assert!(
        a.inputs
            .iter()
            .all(|r| matches!(r.input, Input::Reply { .. }))
    );
    assert!(!a.transcript.is_empty() && !a.moments.is_empty());
    assert!(a.duration_ms >= a.inputs.last().unwrap().t_ms);
    assert_eq!(a.ending, "handed_over");
    // As one JSON object (flat, for other tools) it reads back the same.
    let json = serde_json::to_string(&a).unwrap();
    assert!(json.starts_with("{\"format\":1,\"id\":"), "{json}");
    assert_eq!(serde_json::from_str::<Attempt>(&json).unwrap(), a);
    assert!(a.passed);
}

#[test]
fn a_record_from_before_rubric_v2_loads_as_rubric_1_with_its_stored_score() {
    // As the build before rubric v2 wrote it: no rubric, no failures.
    let log = fs::read_to_string(Path::new(RUBRIC_1_DIR).join(LOG_FILE)).unwrap();
    assert!(
        !log.contains("rubric") && !log.contains("failures"),
        "{log}"
    );
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    save_rubric_1_records(&store);
    // A call played now, after them.
    let new = attempt(
        "scenarios/en/double-charge.ron",
        "!3,1,1",
        4,
        "Anna",
        1_700_000_500_000,
    );
    store.append(&new).unwrap();

    let h = store.load("Anna");
    assert!(h.problems.is_empty(), "{:?}", h.problems);
    assert_eq!(h.attempts.len(), 3);
    let (old, kettle) = (&h.attempts[0], &h.attempts[1]);
    assert_eq!(old.id, "18bcfe9fbe0-0000000000000004");
    assert_eq!(old.rubric, 1, "no rubric in the record: rubric 1");
    assert!(old.other_rubric());
    // The score rubric 1 gave, kept as stored (not recomputed by rubric 2).
    assert_eq!(
        (
            old.overall,
            old.passed,
            old.skills.patience,
            old.skills.listening,
            old.skills.name,
            old.skills.escalation
        ),
        (92, true, 100, 60, 100, 100)
    );
    assert!(old.failures.is_empty() && old.critical_errors.is_empty());
    assert_eq!(old.options.reading_wpm, 200, "the normal reading speed");
    assert_eq!(old.moments.len(), 13);
    assert!(old.moments.iter().all(|m| !m.critical));
    assert_eq!(old.moments[1].tone(), Tone::Credit, "rubric 1's +5");
    assert_eq!(
        (kettle.rubric, kettle.overall, kettle.passed),
        (1, 80, false)
    );
    assert!(
        kettle.failures.is_empty(),
        "rubric 1 did not keep the reasons"
    );

    // The same call played now is stored with rubric 2, and saving it did
    // not touch the old records.
    let now = &h.attempts[2];
    assert_eq!(now.rubric, 2);
    assert_eq!(now.rubric, RUBRIC_VERSION);
    assert!(!now.other_rubric());
    assert_eq!(now, &new);
    assert!(
        fs::read_to_string(store.log_path("Anna"))
            .unwrap()
            .starts_with(&log)
    );
    let summaries = store.load_summaries("Anna");
    assert_eq!(
        summaries
            .attempts
            .iter()
            .map(|a| (a.rubric, a.overall))
            .collect::<Vec<_>>(),
        [(1, 92), (1, 80), (2, new.overall)]
    );
}

#[test]
fn a_new_attempt_stores_rubric_2_why_it_failed_and_its_critical_errors() {
    let (c, _) = scenario("scenarios/de/warranty-kettle.ron");
    let (session, _) = play_logged(&c, "h", 5, Options::default());
    let report = score(&session);
    let a = attempt("scenarios/de/warranty-kettle.ron", "h", 5, "Anna", 0);
    assert_eq!(a.rubric, 2);
    assert!(!a.passed);
    // Most serious first, each reason once (two skills below the floor
    // say so once; the skill scores tell which).
    let mut keys: Vec<&str> = report.failures.iter().map(|f| f.key()).collect();
    keys.dedup();
    assert_eq!(a.failures, keys);
    assert_eq!(a.failures[..2], ["critical", "ending"]);
    assert_eq!(
        report
            .failures
            .iter()
            .filter(|f| f.key() == "skill-below-floor")
            .count(),
        2
    );
    assert_eq!(
        a.failures
            .iter()
            .filter(|k| *k == "skill-below-floor")
            .count(),
        1
    );
    // Hanging up where the scenario does not allow it is a critical error.
    assert_eq!(a.critical_errors, ["hung-up-on-customer"]);
    let critical: Vec<_> = a.moments.iter().filter(|m| m.critical).collect();
    assert_eq!(critical.len(), 1);
    assert_eq!(critical[0].rule, "hung-up-on-customer");
    assert_eq!(critical[0].tone(), Tone::Critical);
    // In the JSON, and back.
    let json = serde_json::to_string(&a).unwrap();
    assert!(json.contains("\"rubric\":2"), "{json}");
    assert!(
        json.contains("\"failures\":[\"critical\",\"ending\","),
        "{json}"
    );
    assert!(json.contains("\"critical\":true"), "{json}");
    assert_eq!(serde_json::from_str::<Attempt>(&json).unwrap(), a);
    // A passed call has no failures.
    let passed = attempt("scenarios/en/router-confused.ron", "1,1,1,1", 3, "Anna", 0);
    assert!(passed.passed);
    assert!(passed.failures.is_empty() && passed.critical_errors.is_empty());
}

/// Writes a hand-damaged log and checks what a trainee would see.
#[test]
fn damaged_records_are_set_aside_and_every_other_attempt_loads() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    let attempts = some_attempts("Anna");
    for a in &attempts {
        store.append(a).unwrap();
    }
    let log = store.log_path("Anna");
    let mut l = lines(&log);
    assert_eq!(l.pop(), Some(Vec::new()), "the log ends with a newline");
    // Line 2: one byte flipped in the middle of the JSON.
    let mid = l[1].len() / 2;
    l[1][mid] ^= 0x01;
    // Line 3: a record from a newer Headset, with a correct checksum.
    let mut newer: Attempt = attempts[2].clone();
    newer.format = 99;
    l[2] = encode_line(&newer.summary)
        .unwrap()
        .trim_end()
        .as_bytes()
        .to_vec();
    // A garbage line between 3 and 4.
    l.insert(3, b"this is not a record \xff\xfe".to_vec());
    // The last line cut in half, without its newline (a crash mid-write).
    let last = l.len() - 1;
    let half = l[last].len() / 2;
    l[last].truncate(half);
    let damaged_text: Vec<Vec<u8>> =
        vec![l[1].clone(), l[2].clone(), l[3].clone(), l[last].clone()];
    let mut bytes = l.join(&b'\n');
    assert!(!bytes.ends_with(b"\n"));
    fs::write(&log, &bytes).unwrap();

    let h = store.load("Anna");
    // Attempts 1 and 4 are intact (2, 3 and 5 are damaged).
    assert_eq!(h.attempts, vec![attempts[0].clone(), attempts[3].clone()]);
    let found: Vec<(Option<usize>, ProblemKind)> = h
        .problems
        .iter()
        .map(|p| (p.line, p.kind.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            (Some(2), ProblemKind::ChecksumMismatch),
            (Some(3), ProblemKind::NewerFormat(99)),
            (Some(4), ProblemKind::NoChecksum),
            (Some(6), ProblemKind::Truncated),
        ]
    );
    for p in &h.problems {
        let msg = p.to_string();
        let at = format!("{}:{}:", log.display(), p.line.unwrap());
        assert!(msg.starts_with(&at), "names file and line: {msg}");
        assert!(msg.contains(DAMAGED_FILE), "says where the copy is: {msg}");
        assert!(msg.contains("Every other attempt is shown"), "{msg}");
    }
    assert!(
        h.problems[1]
            .to_string()
            .contains("newer version of Headset")
    );
    // Set aside, never deleted: the log is untouched and each damaged line
    // is in attempts.damaged with its exact text.
    assert_eq!(fs::read(&log).unwrap(), bytes);
    let aside = fs::read(log.with_file_name(DAMAGED_FILE)).unwrap();
    let aside_lines: Vec<&[u8]> = aside.split(|&b| b == b'\n').collect();
    for text in &damaged_text {
        assert!(
            aside_lines.contains(&text.as_slice()),
            "{}",
            String::from_utf8_lossy(text)
        );
    }
    assert!(
        String::from_utf8_lossy(&aside).contains("# attempts.log line 2: checksum does not match")
    );
    // Loading again shows the same and does not copy twice.
    let again = store.load("Anna");
    assert_eq!(again.attempts.len(), 2);
    assert_eq!(fs::read(log.with_file_name(DAMAGED_FILE)).unwrap(), aside);

    // The next saved call moves the cut-short tail out of the log (it is
    // already in attempts.damaged) and lands on a line of its own.
    let next = attempt(
        "scenarios/en/warranty-kettle.ron",
        "1,1",
        9,
        "Anna",
        1_700_000_900_000,
    );
    store.append(&next).unwrap();
    let h = store.load("Anna");
    assert_eq!(
        h.attempts,
        vec![attempts[0].clone(), attempts[3].clone(), next]
    );
    assert_eq!(
        h.problems.len(),
        3,
        "the cut line is gone from the log: {:?}",
        h.problems
    );
    bytes.truncate(bytes.len() - half);
    assert!(
        fs::read(&log).unwrap().starts_with(&bytes),
        "the lines before are untouched"
    );
    assert!(
        fs::read(log.with_file_name(DAMAGED_FILE))
            .unwrap()
            .split(|&b| b == b'\n')
            .any(|x| x == damaged_text[3].as_slice())
    );
}

#[test]
fn a_damaged_transcript_keeps_the_scores_and_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    let attempts = some_attempts("Anna");
    for a in &attempts[..3] {
        store.append(a).unwrap();
    }
    let details = store.profile_dir("Anna").join(DETAIL_FILE);
    let mut l = lines(&details);
    let mid = l[1].len() / 2;
    l[1][mid] ^= 0x20;
    fs::write(&details, l.join(&b'\n')).unwrap();
    let h = store.load("Anna");
    assert_eq!(h.attempts.len(), 3, "every attempt is still shown");
    assert_eq!(h.attempts[0], attempts[0]);
    assert_eq!(
        h.attempts[1].summary, attempts[1].summary,
        "its scores are intact"
    );
    assert!(h.attempts[1].transcript.is_empty() && h.attempts[1].moments.is_empty());
    assert_eq!(h.attempts[2], attempts[2]);
    let kinds: Vec<&ProblemKind> = h.problems.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        vec![
            &ProblemKind::ChecksumMismatch,
            &ProblemKind::MissingDetail(attempts[1].id.clone())
        ]
    );
    let msg = h.problems[0].to_string();
    assert!(
        msg.starts_with(&format!("{}:2:", details.display())),
        "{msg}"
    );
    assert!(msg.contains("details.damaged"), "{msg}");
    assert!(
        h.problems[1]
            .to_string()
            .contains("its debrief cannot be shown"),
        "{}",
        h.problems[1]
    );
    // The summaries alone do not read the details, and are all fine.
    let s = store.load_summaries("Anna");
    assert_eq!((s.attempts.len(), s.problems.len()), (3, 0));
}

#[test]
fn a_tail_that_only_lacks_its_newline_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    let attempts = some_attempts("Anna");
    store.append(&attempts[0]).unwrap();
    let log = store.log_path("Anna");
    let mut bytes = fs::read(&log).unwrap();
    bytes.pop();
    fs::write(&log, &bytes).unwrap();
    let h = store.load("Anna");
    assert_eq!((h.attempts.len(), h.problems.len()), (1, 0));
    store.append(&attempts[1]).unwrap();
    let h = store.load("Anna");
    assert_eq!(h.attempts, attempts[..2].to_vec());
    assert!(h.problems.is_empty());
}

#[test]
fn an_attempt_saved_twice_is_loaded_once() {
    // The game retries a save that reported an error; if the first write
    // reached the disk after all, the copy must not count twice.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    let a = attempt(
        "scenarios/en/warranty-kettle.ron",
        "1,1",
        2,
        "Anna",
        1_700_000_000_000,
    );
    store.append(&a).unwrap();
    store.append(&a).unwrap();
    let h = store.load("Anna");
    assert_eq!(h.attempts, vec![a]);
    assert!(h.problems.is_empty());
}

/// Whether the file system enforces permissions for us (not as root).
fn permissions_enforced(dir: &Path) -> bool {
    fs::write(dir.join("probe"), b"x").is_err()
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_is_a_clear_error_not_a_panic() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    let attempts = some_attempts("Anna");
    store.append(&attempts[0]).unwrap();
    // Damage a line so that loading wants to copy it aside.
    let log = store.log_path("Anna");
    let mut bytes = fs::read(&log).unwrap();
    bytes.extend_from_slice(b"garbage\n");
    fs::write(&log, &bytes).unwrap();
    let profile_dir = store.profile_dir("Anna");
    let ro = fs::Permissions::from_mode(0o555);
    fs::set_permissions(&profile_dir, ro.clone()).unwrap();
    fs::set_permissions(&log, fs::Permissions::from_mode(0o444)).unwrap();
    fs::set_permissions(dir.path(), ro.clone()).unwrap();
    fs::set_permissions(dir.path().join("profiles"), ro).unwrap();
    let enforced = permissions_enforced(&profile_dir);

    let saved = store.append(&attempts[1]);
    let new_profile = store.append(&attempt(
        "scenarios/en/warranty-kettle.ron",
        "1,1",
        7,
        "Bert",
        1,
    ));
    let h = store.load("Anna");
    let checkpoint = store.save_checkpoint(&Checkpoint {
        format: 1,
        profile: "Anna".into(),
        scenario: "x".into(),
        scenario_version: 1,
        content_hash: "0".into(),
        language: "en".into(),
        seed: 0,
        options: (&Options::default()).into(),
        inputs: vec![],
        now_ms: 0,
        started_at_ms: 0,
        shift: None,
    });
    // Restore so the temporary folder can be removed.
    for p in [
        dir.path().to_owned(),
        dir.path().join("profiles"),
        profile_dir.clone(),
    ] {
        fs::set_permissions(&p, fs::Permissions::from_mode(0o755)).unwrap();
    }
    fs::set_permissions(&log, fs::Permissions::from_mode(0o644)).unwrap();

    if !enforced {
        eprintln!("permissions are not enforced (running as root?): skipping the read-only checks");
        return;
    }
    // Reading still works, and the damaged line stays where it is.
    assert_eq!(h.attempts, vec![attempts[0].clone()]);
    assert_eq!(h.problems.len(), 1);
    assert!(
        h.problems[0]
            .to_string()
            .contains("could not be copied aside"),
        "{}",
        h.problems[0]
    );
    for result in [saved, new_profile, checkpoint] {
        let e = result.expect_err("a read-only folder cannot be written");
        let msg = e.to_string();
        assert!(matches!(e, StoreError::Io { .. }), "{msg}");
        assert!(
            msg.contains(&dir.path().display().to_string()),
            "names the file: {msg}"
        );
        assert!(
            e.hint().contains("kept until it can be saved"),
            "{}",
            e.hint()
        );
    }
    // Once the folder is writable again, the retry saves it.
    store.append(&attempts[1]).unwrap();
    assert_eq!(store.load("Anna").attempts.len(), 2);
}

#[test]
fn a_data_folder_that_cannot_be_created_is_a_clear_error() {
    // Works whoever runs the test: the data folder's place is taken by a file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    fs::write(&file, b"not a folder").unwrap();
    let store = Store::open(&file);
    let a = attempt("scenarios/en/warranty-kettle.ron", "1,1", 2, "Anna", 0);
    let e = store.append(&a).unwrap_err();
    assert!(e.to_string().contains(&file.display().to_string()), "{e}");
    assert!(store.load("Anna").attempts.is_empty());
    assert!(
        store
            .profiles()
            .is_err_and(|e| e.to_string().contains("data"))
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_clear_error_and_the_retry_saves_the_attempt() {
    // /dev/full fails every write with ENOSPC, as a full disk does (even for root).
    if !Path::new("/dev/full").exists() {
        eprintln!("no /dev/full: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    let a = attempt("scenarios/en/warranty-kettle.ron", "1,1", 2, "Anna", 0);
    store.create_profile("Anna").unwrap();
    let log = store.log_path("Anna");
    std::os::unix::fs::symlink("/dev/full", &log).unwrap();
    let e = store.append(&a).unwrap_err();
    assert!(e.to_string().contains(LOG_FILE), "{e}");
    assert!(e.hint().starts_with("the disk is full"), "{}", e.hint());
    // Space is freed; the game retries with the attempt it kept.
    fs::remove_file(&log).unwrap();
    store.append(&a).unwrap();
    assert_eq!(store.load("Anna").attempts, vec![a]);
}

/// Plays `spec` in full, and again stopping after every input, saving a
/// checkpoint, reading it back from disk and resuming: the call must end
/// exactly as the uninterrupted one did.
fn check_resume(path: &str, spec: &str, seed: u64, opts: Options) {
    let (c, source) = scenario(path);
    let (full, log) = play_logged(&c, spec, seed, opts.clone());
    let full_report = score(&full);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    for k in 0..=log.len() {
        // The call as it stood after k inputs.
        let until = log.get(k).map_or(full.now(), |r| r.t_ms);
        let partial = play_back(c.clone(), seed, &(&opts).into(), &log[..k], until).unwrap();
        let cp = Checkpoint::from_session(
            &partial,
            &source,
            &log[..k],
            "Anna",
            seed,
            1_700_000_000_000,
        );
        store.save_checkpoint(&cp).unwrap();
        // ... the power goes off; next start:
        let loaded = store
            .load_checkpoint("Anna")
            .unwrap()
            .expect("a checkpoint");
        assert_eq!(loaded, cp);
        let mut resumed = resume(&loaded, c.clone(), &source).unwrap();
        assert_eq!(
            resumed.transcript, partial.transcript,
            "{path} after {k} inputs"
        );
        assert_eq!(resumed.now(), partial.now());
        for r in &log[k..] {
            resumed.advance(r.t_ms - resumed.now());
            headset::progress::input::apply(&mut resumed, &r.input).unwrap();
        }
        resumed.advance(full.now().saturating_sub(resumed.now()));
        assert_eq!(
            resumed.transcript, full.transcript,
            "{path} resumed after {k} inputs"
        );
        assert_eq!(
            score(&resumed),
            full_report,
            "{path} resumed after {k} inputs"
        );
    }
    store.clear_checkpoint("Anna").unwrap();
    assert!(store.load_checkpoint("Anna").unwrap().is_none());
    store.clear_checkpoint("Anna").unwrap();
}

#[test]
fn a_resumed_call_ends_exactly_as_the_uninterrupted_one() {
    check_resume(
        "scenarios/en/router-confused.ron",
        "1,1,1,1",
        3,
        Options::default(),
    );
    check_resume(
        "scenarios/en/double-charge.ron",
        "!3,1,1",
        0,
        Options::default(),
    );
    check_resume(
        "scenarios/en/double-charge.ron",
        "1,t:supervisor",
        0,
        Options::default(),
    );
    let slow = Options {
        pace: 0.6,
        agent_name: "Sam".into(),
        ..Options::default()
    };
    check_resume("scenarios/de/router-confused.ron", "!2,1,1,1,1,1", 4, slow);
}

#[test]
fn a_resumed_call_with_timers_off_replays_listening() {
    let (c, source) = scenario("scenarios/en/warranty-kettle.ron");
    let opts = Options {
        timers: false,
        ..Options::default()
    };
    // With timers off, lines arrive only when the trainee listens.
    let mut s = headset::sim::Session::new(c.clone(), 8, opts.clone());
    let mut log = Vec::new();
    for input in [
        Input::Listen,
        Input::Listen,
        Input::Reply { slot: 0 },
        Input::Listen,
        Input::Reply { slot: 0 },
    ] {
        let t_ms = s.now();
        if headset::progress::input::apply(&mut s, &input).is_ok() {
            log.push(InputRecord { t_ms, input });
        }
    }
    let cp = Checkpoint::from_session(&s, &source, &log, "Anna", 8, 5);
    let resumed = resume(&cp, c, &source).unwrap();
    assert_eq!(resumed.transcript, s.transcript);
    assert_eq!(score(&resumed), score(&s));
}

#[test]
fn a_damaged_checkpoint_is_kept_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    let path = store.checkpoint_path("Anna");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, b"{\"format\":1,\"profile\":\"An").unwrap();
    let problem = store.load_checkpoint("Anna").unwrap_err();
    let msg = problem.to_string();
    assert!(
        msg.contains(CHECKPOINT_FILE) && msg.contains("cannot be resumed"),
        "{msg}"
    );
    let aside = path.with_file_name(DAMAGED_CHECKPOINT);
    assert!(msg.contains(&aside.display().to_string()), "{msg}");
    assert_eq!(fs::read(&aside).unwrap(), b"{\"format\":1,\"profile\":\"An");
    assert!(!path.exists());
    assert!(
        store.load_checkpoint("Anna").unwrap().is_none(),
        "the game starts normally next time"
    );
    // A second damaged one does not overwrite the first.
    fs::write(&path, b"nonsense").unwrap();
    let second = store.load_checkpoint("Anna").unwrap_err();
    assert!(
        second.to_string().contains("current-call.damaged-2.json"),
        "{second}"
    );
    assert_eq!(fs::read(&aside).unwrap(), b"{\"format\":1,\"profile\":\"An");
}

#[test]
fn resume_refuses_a_changed_scenario() {
    let (c, source) = scenario("scenarios/en/router-confused.ron");
    let (s, log) = play_logged(&c, "1,1", 3, Options::default());
    let cp = Checkpoint::from_session(&s, &source, &log, "Anna", 3, 0);
    let edited = source
        .replace("version: 1,", "version: 2,")
        .replace("Is that bad?", "Is that a problem?");
    let e = resume(&cp, compile_text(&edited), &edited).unwrap_err();
    assert!(
        matches!(
            e,
            ResumeError::ScenarioChanged {
                stored_version: 1,
                current_version: 2,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("cannot be resumed"), "{e}");
    let (other, other_source) = scenario("scenarios/en/warranty-kettle.ron");
    assert!(matches!(
        resume(&cp, other, &other_source),
        Err(ResumeError::WrongScenario { .. })
    ));
}

#[test]
fn a_replay_of_a_stored_attempt_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    let cases = [
        ("scenarios/en/router-confused.ron", "1,1,1,1", 3),
        ("scenarios/en/double-charge.ron", "!3,1,1", 0),
        ("scenarios/en/double-charge.ron", "1,t:supervisor", 0),
        ("scenarios/nl/warranty-kettle.ron", "h", 5),
        // Silence until the customer hangs up: the end is not an input.
        ("scenarios/en/double-charge.ron", "w:70", 1),
    ];
    for (i, (path, spec, seed)) in cases.iter().enumerate() {
        store
            .append(&attempt(path, spec, *seed, "Anna", i as u64))
            .unwrap();
    }
    let h = store.load("Anna");
    assert_eq!(h.attempts.len(), cases.len());
    assert_eq!(
        h.attempts[4].ending_kind,
        headset::scenario::EndingKind::HungUp,
        "the silent call ends by itself"
    );
    for (a, (path, spec, _)) in h.attempts.iter().zip(cases) {
        let (c, source) = scenario(path);
        assert_eq!(replay(a, c, &source), Replay::Identical, "{path} {spec}");
    }
}

#[test]
fn a_replay_says_when_the_stored_result_is_not_what_the_inputs_give() {
    let (c, source) = scenario("scenarios/en/router-confused.ron");
    let mut a = attempt("scenarios/en/router-confused.ron", "1,1,1,1", 3, "Anna", 0);
    a.overall = 1;
    a.skills.listening = 1;
    let Replay::Differs { what } = replay(&a, c.clone(), &source) else {
        panic!("a changed score is noticed");
    };
    assert!(
        matches!(what.as_slice(), [Difference::Score { .. }]),
        "{what:?}"
    );
    let mut b = attempt("scenarios/en/router-confused.ron", "1,1,1,1", 3, "Anna", 0);
    b.inputs.insert(
        0,
        InputRecord {
            t_ms: 0,
            input: Input::Reply { slot: 7 },
        },
    );
    let r = replay(&b, c, &source);
    assert!(
        matches!(&r, Replay::Differs { what } if matches!(what[0], Difference::Input(_))),
        "{r:?}"
    );
    assert!(
        r.describe("router-confused").contains("input 1 of 5"),
        "{}",
        r.describe("router-confused")
    );
}

#[test]
fn a_replay_of_a_rubric_1_attempt_names_both_rubrics_and_is_no_failed_check() {
    let old = rubric_1_attempts();
    let (c, source) = scenario("scenarios/en/double-charge.ron");
    let r = replay(&old[0], c.clone(), &source);
    // The call plays again exactly; rubric 2 scores it anew.
    let Replay::Rescored { stored, replayed } = &r else {
        panic!("{r:?}");
    };
    assert_eq!(
        (stored.rubric, stored.overall, stored.passed),
        (1, 92, true)
    );
    let (session, _) = play_logged(&c, "!3,1,1", 4, Options::default());
    let now = score(&session);
    assert_eq!(
        (replayed.rubric, replayed.overall, replayed.passed),
        (2, now.overall, now.passed)
    );
    assert_eq!(replayed.skills, now.skills);
    let text = r.describe("double-charge");
    assert!(
        text.contains("stored score was given by rubric v1")
            && text.contains("scored by rubric v2"),
        "{text}"
    );
    assert!(text.contains("plays again exactly"), "{text}");
    assert!(
        text.contains("because the rubric changed, not because the record did"),
        "{text}"
    );
    assert!(!text.contains("differs from the stored result"), "{text}");

    // The kettle call too (hung up: rubric 2 adds a critical error).
    let (c, source) = scenario("scenarios/de/warranty-kettle.ron");
    assert!(
        matches!(
            replay(&old[1], c.clone(), &source),
            Replay::Rescored { stored, replayed }
                if (stored.rubric, stored.overall, replayed.rubric) == (1, 80, 2)
        ),
        "{:?}",
        replay(&old[1], c, &source)
    );

    // Something wrong with the call itself is still found, and the
    // message still says which rubric is which; the scores are not
    // counted as a difference.
    let (c, source) = scenario("scenarios/en/double-charge.ron");
    let mut cut = old[0].clone();
    cut.transcript.pop();
    let r = replay(&cut, c, &source);
    let Replay::Differs { what } = &r else {
        panic!("{r:?}");
    };
    assert_eq!(
        what[0],
        Difference::Rubric {
            stored: 1,
            replayed: 2
        }
    );
    assert!(
        matches!(what[1..], [Difference::Transcript { line: 7 }]),
        "{what:?}"
    );
    let text = r.describe("double-charge");
    assert!(
        text.contains(
            "the stored score was given by rubric v1 and the replayed score by rubric v2"
        ),
        "{text}"
    );
    assert!(
        text.contains("the transcript differs from line 7 on"),
        "{text}"
    );
}

#[test]
fn a_replay_after_editing_the_scenario_says_which_version_changed() {
    let (_, source) = scenario("scenarios/en/router-confused.ron");
    let a = attempt("scenarios/en/router-confused.ron", "1,1,1,1", 3, "Anna", 0);
    let edited = source
        .replace("version: 1,", "version: 2,")
        .replace("Is that bad?", "Is that a problem?");
    let r = replay(&a, compile_text(&edited), &edited);
    let Replay::ScenarioChanged {
        stored_version,
        current_version,
        stored_hash,
        current_hash,
    } = &r
    else {
        panic!("{r:?}");
    };
    assert_eq!((*stored_version, *current_version), (1, 2));
    assert_eq!(stored_hash, &a.content_hash);
    assert_ne!(stored_hash, current_hash);
    let text = r.describe("router-confused");
    assert!(
        text.contains("version 1") && text.contains("version 2"),
        "{text}"
    );
    // Edited without a new version number: still noticed.
    let sneaky = source.replace("Is that bad?", "Is that a problem?");
    let r = replay(&a, compile_text(&sneaky), &sneaky);
    assert!(
        matches!(
            r,
            Replay::ScenarioChanged {
                stored_version: 1,
                current_version: 1,
                ..
            }
        ),
        "{r:?}"
    );
    assert!(
        r.describe("router-confused")
            .contains("without a new version number")
    );
}
