//! Golden playthroughs of "regular-proposal" (a regular customer proposes
//! marriage at the counter) in English, German and Dutch. The three files
//! share one graph, so the paths and numbers are the same in every language;
//! only the words differ.

mod common;

use common::{compile, moments, play, skills};
use headset::scenario::EndingKind;

/// (file, the label of the hidden fact "birthday", the `interrupted` line of
/// the first node).
const FILES: [(&str, &str, &str); 3] = [
    (
        "scenarios/en/regular-proposal.ron",
        "the watch is a present for the granddaughter's eighteenth birthday on Saturday",
        "Oh! Sorry, dear. I do go on, don't I?",
    ),
    (
        "scenarios/de/regular-proposal.ron",
        "die Uhr ist ein Geschenk zum 18. Geburtstag der Enkelin am Samstag",
        "Oh! Verzeihung. Ich rede mal wieder zu viel, nicht wahr?",
    ),
    (
        "scenarios/nl/regular-proposal.ron",
        "het horloge is een cadeau voor de achttiende verjaardag van de kleindochter op zaterdag",
        "O! Sorry, lieverd. Ik praat weer te veel, hè?",
    ),
];

/// Ideal: greet by name and pick up the birthday, decline the proposal
/// kindly, adjust the strap and gift-box the watch for Saturday, answer the
/// repeated proposal calmly.
const IDEAL: &str = "1,1,1,1";
/// Typical mistakes: asks for the ticket number the customer just gave,
/// flirts back, then fetches the manager to get out of it.
const REALISTIC: &str = "2,1,2,3";
/// Worst: cuts the customer off with the bill, then calls the manager on the
/// proposal.
const WORST: &str = "!3,4";
/// An early interruption: a friendly greeting, but before the customer said a word.
const INTERRUPTING: &str = "!4,1,2,1";

#[test]
fn ideal_path_scores_100_everywhere() {
    for (file, _, _) in FILES {
        let c = compile(file);
        for seed in 0..3 {
            let (r, _) = play(&c, IDEAL, seed);
            assert_eq!(skills(&r), [100, 100, 100, 100], "{file} seed {seed}");
            assert_eq!((r.overall, r.passed), (100, true), "{file} seed {seed}");
            assert_eq!(
                (r.ending.as_str(), r.ending_kind),
                ("done", EndingKind::Resolved),
                "{file}"
            );
            assert!(
                r.moments.iter().all(|m| m.points > 0),
                "{file}: an ideal run loses nothing: {:?}",
                r.moments
            );
            let m = moments(&r);
            // Answering the repeated proposal calmly earns credit.
            assert!(
                m.contains(&(4, "courteous-under-pressure", 10)),
                "{file}: {m:?}"
            );
        }
    }
}

#[test]
fn realistic_path_flirting_back_and_fetching_the_manager_fails() {
    for (file, _, _) in FILES {
        let c = compile(file);
        let (r, _) = play(&c, REALISTIC, 0);
        assert_eq!(skills(&r), [95, 90, 100, 0], "{file}");
        assert_eq!(r.overall, 57, "{file}");
        assert!((40..=80).contains(&r.overall));
        assert!(!r.passed, "{file}");
        assert_eq!(
            (r.ending.as_str(), r.ending_kind),
            ("passed_on", EndingKind::Escalated),
            "{file}"
        );
        assert_eq!(
            moments(&r),
            vec![
                (1, "asked-again", -15),
                (2, "courteous-under-pressure", 10),
                (2, "apologised", 5),
                (2, "showed-understanding", 5),
                (2, "name-early", 10),
                (3, "authored", -20),
                (4, "name-once", -10),
                (4, "escalation-not-needed", -100),
            ],
            "{file}"
        );
    }
}

#[test]
fn worst_path_fails() {
    for (file, _, _) in FILES {
        let c = compile(file);
        let (r, _) = play(&c, WORST, 0);
        assert_eq!(skills(&r), [70, 60, 50, 0], "{file}");
        assert_eq!((r.overall, r.passed), (36, false), "{file}");
    }
}

#[test]
fn early_interruption_misses_the_birthday() {
    for (file, birthday, interrupted_line) in FILES {
        let c = compile(file);
        let (r, s) = play(&c, INTERRUPTING, 0);
        let m = moments(&r);
        assert!(m.contains(&(1, "interrupted", -15)), "{file}: {m:?}");
        let missed: Vec<_> = r
            .moments
            .iter()
            .filter(|m| m.rule == "missed-fact")
            .map(|m| m.reason.as_str())
            .collect();
        assert_eq!(missed.len(), 2, "{file}: {missed:?}");
        assert!(
            missed.iter().any(|reason| reason.contains(birthday)),
            "{file}: {missed:?}"
        );
        assert!(
            s.transcript.iter().any(|e| e.text == interrupted_line),
            "{file}: the customer reacts to being cut off"
        );
        assert_eq!(skills(&r), [95, 65, 100, 100], "{file}");
        assert_eq!((r.overall, r.passed), (92, true), "{file}");

        // Without the birthday, the reply that gets the watch ready for
        // Saturday is never on offer at the till.
        let (_, mut s) = play(&c, "!4,1", 0);
        s.wait_until_finished();
        assert_eq!(s.node_id(), "pay", "{file}");
        assert!(!s.offered().contains(&0), "{file}: {:?}", s.offered());
        assert!(s.offered().contains(&1), "{file}: {:?}", s.offered());
    }
}

#[test]
fn a_cold_rebuff_hurts_and_mood_decides_how_much() {
    for (file, _, _) in FILES {
        let c = compile(file);
        // After a warm start the customer is hurt but stays.
        let (_, s) = play(&c, "1,3", 0);
        assert_eq!(s.node_id(), "hurt", "{file}");
        // Rushed first, then rebuffed: the customer leaves hurt, and the
        // contact fails.
        let (r, _) = play(&c, "3,3", 0);
        assert_eq!(r.ending, "left_hurt", "{file}");
        assert_eq!(skills(&r), [45, 100, 50, 100], "{file}");
        assert!(moments(&r).contains(&(2, "left-upset", -20)), "{file}");
        assert_eq!((r.overall, r.passed), (79, false), "{file}");
    }
}

/// Flirting back is scored on Patience only (the rubric has no separate
/// "professionalism" skill), so agreeing to a date costs 40 points of
/// Patience and ends the contact unresolved, but on its own it does not fail
/// the call: the other three skills are intact.
#[test]
fn agreeing_to_a_date_costs_patience_twice() {
    for (file, _, _) in FILES {
        let c = compile(file);
        let (r, _) = play(&c, "1,2,2", 0);
        assert_eq!(
            (r.ending.as_str(), r.ending_kind),
            ("date", EndingKind::Unresolved),
            "{file}"
        );
        let m = moments(&r);
        assert!(m.contains(&(2, "authored", -20)), "{file}: {m:?}");
        assert!(m.contains(&(3, "authored", -20)), "{file}: {m:?}");
        assert_eq!(skills(&r), [60, 100, 100, 100], "{file}");
        assert_eq!(r.overall, 92, "{file}");
    }
}
