//! Golden playthroughs of `bereavement-account` (en, de, nl): a widow rings to
//! close her late husband's phone contract. The three translations share one
//! graph, so every path must score the same in every language; only the words
//! of the debrief differ.

mod common;

use common::{compile, moments, play, skills};
use headset::scenario::EndingKind;

struct Lang {
    path: &'static str,
    /// The label of the hidden fact (the last line of the opening turn).
    own_number: &'static str,
    /// What she says when she is cut off.
    interrupted: &'static str,
}

const LANGS: [Lang; 3] = [
    Lang {
        path: "scenarios/en/bereavement-account.ron",
        own_number: "her own mobile number is on Peter's contract and must be kept",
        interrupted: "Oh. Sorry... I'll try to be quick.",
    },
    Lang {
        path: "scenarios/de/bereavement-account.ron",
        own_number: "ihre eigene Handynummer läuft über den Vertrag von Klaus und soll erhalten bleiben",
        interrupted: "Oh. Entschuldigung... ich versuche, mich kurz zu fassen.",
    },
    Lang {
        path: "scenarios/nl/bereavement-account.ron",
        own_number: "haar eigen mobiele nummer valt onder het abonnement van Henk en moet behouden blijven",
        interrupted: "O. Sorry... ik zal het kort houden.",
    },
];

#[test]
fn ideal_path_scores_100_everywhere_in_every_language() {
    for lang in &LANGS {
        let c = compile(lang.path);
        // Every persona of the name pool (seeds 0, 1, 2 pick different ones).
        for seed in 0..3 {
            let (r, s) = play(&c, "1,1,1", seed);
            assert_eq!(
                skills(&r),
                [100, 100, 100, 100],
                "{} seed {seed}",
                lang.path
            );
            assert_eq!(
                (r.overall, r.passed, r.ending.as_str(), r.ending_kind),
                (100, true, "handed_over", EndingKind::Escalated),
                "{}",
                lang.path
            );
            assert!(
                r.moments.iter().all(|m| m.points > 0),
                "{}: an ideal run loses nothing: {:?}",
                lang.path,
                r.moments
            );
            let m = moments(&r);
            assert!(m.contains(&(1, "apologised", 5)));
            assert!(m.contains(&(1, "name-early", 10)));
            assert!(m.contains(&(2, "good-question", 10)));
            assert!(m.contains(&(3, "escalation-right", 10)));
            assert!(m.contains(&(3, "handover", 10)));
            let name = &s.persona().address_as;
            assert!(
                r.moments
                    .iter()
                    .any(|m| m.rule == "name-early" && m.reason.contains(name.as_str())),
                "{}: the debrief names {name}",
                lang.path
            );
        }
    }
}

#[test]
fn realistic_path_asks_again_over_promises_and_never_hands_over() {
    // Asks who holds the contract after she said it, reassures her about her
    // own number, then promises to close it and waive every fee herself, and
    // says goodbye: the bereavement team never hears of it.
    for lang in &LANGS {
        let c = compile(lang.path);
        let (r, _) = play(&c, "2,2,3,2", 0);
        assert_eq!(skills(&r), [100, 90, 100, 0], "{}", lang.path);
        assert_eq!(
            (r.overall, r.passed, r.ending.as_str(), r.ending_kind),
            (58, false, "false_promise", EndingKind::Unresolved),
            "{}",
            lang.path
        );
        assert!((40..=80).contains(&r.overall));
        let m = moments(&r);
        for expected in [
            (1, "apologised", 5),
            (1, "asked-again", -15),
            (2, "courteous-under-pressure", 10),
            (2, "showed-understanding", 5),
            (2, "name-early", 10),
            (3, "name-again", 5),
            (3, "over-promise", -30),
            (4, "escalation-missing", -100),
        ] {
            assert!(
                m.contains(&expected),
                "{}: {expected:?} not in {m:?}",
                lang.path
            );
        }
        assert_eq!(m.len(), 8, "{}: {m:?}", lang.path);
        // She was comforted, so she does not leave upset.
        assert!(!m.iter().any(|x| x.1 == "left-upset"));
    }
}

#[test]
fn worst_path_rushes_her_off_the_phone_and_fails() {
    // Cuts her off before she says anything with "it only takes a minute".
    for lang in &LANGS {
        let c = compile(lang.path);
        let (r, s) = play(&c, "!3", 0);
        assert_eq!(skills(&r), [70, 40, 50, 0], "{}", lang.path);
        assert_eq!(
            (r.overall, r.passed, r.ending.as_str(), r.ending_kind),
            (32, false, "hung_up", EndingKind::HungUp),
            "{}",
            lang.path
        );
        let m = moments(&r);
        assert!(m.contains(&(1, "interrupted", -15)));
        assert!(m.contains(&(1, "impatient", -15)));
        assert!(m.contains(&(1, "name-never", -50)));
        assert!(m.contains(&(1, "escalation-missing", -100)));
        assert_eq!(m.iter().filter(|x| x.1 == "missed-fact").count(), 3);
        assert!(s.transcript.iter().any(|e| e.text == lang.interrupted));
    }
}

#[test]
fn interrupting_early_misses_her_own_number() {
    for lang in &LANGS {
        let c = compile(lang.path);
        let (r, s) = play(&c, "!2,1,1,1,1", 0);
        let missed: Vec<_> = r
            .moments
            .iter()
            .filter(|m| m.rule == "missed-fact")
            .map(|m| m.reason.as_str())
            .collect();
        assert_eq!(missed.len(), 3, "{}: {missed:?}", lang.path);
        assert!(
            missed.iter().any(|reason| reason.contains(lang.own_number)),
            "{}: {missed:?}",
            lang.path
        );
        assert!(s.transcript.iter().any(|e| e.text == lang.interrupted));
        // Asking about her own number afterwards brings it out again, and the
        // handover can still be complete.
        let m = moments(&r);
        assert!(m.contains(&(1, "interrupted", -15)));
        assert!(m.contains(&(2, "good-question", 10)));
        assert!(m.contains(&(5, "handover", 10)));
        assert_eq!(skills(&r), [100, 85, 100, 100], "{}", lang.path);
        assert_eq!((r.overall, r.passed), (97, true));
    }
}

#[test]
fn wrong_teams_and_early_or_bare_transfers() {
    for lang in &LANGS {
        let c = compile(lang.path);
        // Supervisor and billing are wrong targets: no escalation points left.
        for spec in ["1,4", "1,5", "1,1,3", "2,3"] {
            let (r, _) = play(&c, spec, 0);
            let m = moments(&r);
            assert!(
                m.iter()
                    .any(|x| x.1 == "escalation-wrong-target" && x.2 == -80),
                "{} {spec}: {m:?}",
                lang.path
            );
            assert!(m.iter().any(|x| x.1 == "escalation-missing"));
            assert_eq!(r.skills.escalation, 0, "{} {spec}", lang.path);
            assert!(!r.passed);
        }
        // The right team at once, before the certificate question, no handover.
        let (r, _) = play(&c, "4", 0);
        assert_eq!(skills(&r), [100, 100, 50, 45], "{}", lang.path);
        assert_eq!(
            (r.overall, r.passed, r.ending.as_str()),
            (68, false, "early_transfer")
        );
        let m = moments(&r);
        assert!(m.contains(&(1, "escalation-early", -40)));
        assert!(m.contains(&(1, "no-handover", -15)));
        // The right team at the right time, but without saying what happens next.
        let (r, _) = play(&c, "1,1,2", 0);
        assert_eq!(skills(&r), [100, 100, 100, 95], "{}", lang.path);
        assert_eq!(r.ending, "handed_over_bare");
        assert!(moments(&r).contains(&(3, "no-handover", -15)));
        // A free transfer to the bereavement team is judged by the same policy.
        let (r, _) = play(&c, "1,1,w:20,t:bereavement", 0);
        assert_eq!(r.ending, "transfer");
        assert!(moments(&r).contains(&(3, "escalation-right", 10)));
        assert!(moments(&r).contains(&(3, "no-handover", -15)));
    }
}

#[test]
fn a_sales_pitch_hurts_and_after_rushing_she_hangs_up() {
    for lang in &LANGS {
        let c = compile(lang.path);
        // After comforting her, a pitch hurts (distress 82) but she stays.
        let (r, _) = play(&c, "1,2,1,1", 0);
        assert_eq!(skills(&r), [80, 100, 100, 100], "{}", lang.path);
        assert_eq!((r.overall, r.ending.as_str()), (96, "handed_over"));
        assert!(moments(&r).contains(&(2, "impatient", -25)));
        // After rushing her, the same pitch pushes distress above 85: she hangs up.
        let (r, _) = play(&c, "3,1,2", 0);
        assert_eq!(
            (r.ending.as_str(), r.ending_kind, r.passed),
            ("hung_up", EndingKind::HungUp, false),
            "{}",
            lang.path
        );
        assert_eq!(skills(&r), [65, 100, 100, 0]);
        let m = moments(&r);
        assert!(m.contains(&(1, "impatient", -15)));
        assert!(m.contains(&(3, "impatient", -25)));
        // Pitching twice ends the call as well.
        let (r, _) = play(&c, "1,2,2", 0);
        assert_eq!(r.ending_kind, EndingKind::HungUp);
        // Sending her away to find an account number leaves her upset.
        let (r, _) = play(&c, "3,3", 0);
        assert_eq!(r.ending, "call_back");
        let m = moments(&r);
        assert!(m.contains(&(2, "impatient", -20)));
        assert!(m.contains(&(2, "left-upset", -20)));
    }
}
