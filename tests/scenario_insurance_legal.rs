//! Playthroughs of "insurance-legal" (scenarios/{en,de,nl}/insurance-legal.ron):
//! a rejected water-damage claim, a customer who threatens legal action, and
//! the legal department as the only right place to hand over to. Every
//! language file must score the same, since the graphs are identical.

mod common;

use common::{compile, moments, play, skills};
use headset::scenario::EndingKind;
use headset::sim::EndCause;

/// (language, file, the label of the hidden fact "assessor" in that language).
const FILES: [(&str, &str, &str); 3] = [
    (
        "en",
        "scenarios/en/insurance-legal.ron",
        "the assessor never came to look at the damage",
    ),
    (
        "de",
        "scenarios/de/insurance-legal.ron",
        "der Gutachter ist nie gekommen",
    ),
    (
        "nl",
        "scenarios/nl/insurance-legal.ron",
        "de expert is nooit langs geweest",
    ),
];

#[test]
fn ideal_path_scores_100_everywhere_and_passes() {
    for (lang, file, _) in FILES {
        let c = compile(file);
        for seed in [0, 1] {
            // Hear the whole story (the assessor never came), ask for the claim
            // number, hand over to legal with the facts once the lawyer is named.
            let (r, _) = play(&c, "1,1", seed);
            assert_eq!(skills(&r), [100, 100, 100, 100], "{lang} seed {seed}");
            assert_eq!(
                (r.overall, r.passed, r.ending_kind, r.ending.as_str()),
                (100, true, EndingKind::Escalated, "handed_over"),
                "{lang}"
            );
            let m = moments(&r);
            assert!(m.contains(&(1, "good-question", 10)), "{lang}");
            assert!(m.contains(&(2, "escalation-right", 10)), "{lang}");
            assert!(m.contains(&(2, "handover", 10)), "{lang}");
            assert!(
                r.moments.iter().all(|m| m.points > 0),
                "{lang}: an ideal run loses nothing: {:?}",
                r.moments
            );
        }
    }
}

#[test]
fn realistic_path_with_typical_mistakes_lands_between_40_and_80() {
    for (lang, file, _) in FILES {
        let c = compile(file);
        // Asks why the claim was rejected (already said), defends the
        // exclusion, brushes the customer off (anger tips into the hang-up
        // threat), then passes the legal threat to the supervisor.
        let (r, _) = play(&c, "2,1,3,2,3", 0);
        assert_eq!(skills(&r), [85, 100, 100, 0], "{lang}");
        assert_eq!((r.overall, r.passed), (57, false), "{lang}");
        assert!((40..=80).contains(&r.overall), "{lang}");
        assert_eq!(r.ending, "wrong_supervisor", "{lang}");
        let m = moments(&r);
        let expected = [
            (1, "apologised", 5),
            (1, "asked-again", -15),
            (2, "courteous-under-pressure", 10),
            (2, "good-question", 10),
            (2, "showed-understanding", 5),
            (2, "name-early", 10),
            (3, "impatient", -20),
            (4, "impatient", -20),
            (5, "courteous-under-pressure", 10),
            (5, "name-once", -10),
            (5, "escalation-wrong-target", -80),
            (5, "escalation-missing", -100),
        ];
        for e in expected {
            assert!(m.contains(&e), "{lang}: expected {e:?} in {m:?}");
        }
        assert_eq!(m.len(), expected.len(), "{lang}: {m:?}");
    }
}

#[test]
fn worst_path_makes_the_customer_hang_up_and_fails() {
    for (lang, file, _) in FILES {
        let c = compile(file);
        // Defends the rejection before the customer has said a word.
        let (r, s) = play(&c, "!3", 0);
        assert_eq!(
            (r.ending_kind, r.ending.as_str()),
            (EndingKind::HungUp, "hung_up"),
            "{lang}"
        );
        assert_eq!(
            s.end().map(|e| e.cause),
            Some(EndCause::CustomerHangUp),
            "{lang}"
        );
        assert_eq!(skills(&r), [45, 60, 50, 0], "{lang}");
        assert_eq!((r.overall, r.passed), (31, false), "{lang}");
        let m = moments(&r);
        assert!(m.contains(&(1, "interrupted", -15)), "{lang}");
        assert!(m.contains(&(1, "impatient", -20)), "{lang}");
        assert!(m.contains(&(1, "customer-hung-up", -20)), "{lang}");
        assert!(m.contains(&(1, "escalation-missing", -100)), "{lang}");
    }
}

#[test]
fn interrupting_at_once_misses_that_the_assessor_never_came() {
    for (lang, file, label) in FILES {
        let c = compile(file);
        let (r, _) = play(&c, "!2,1,1", 0);
        let missed: Vec<&str> = r
            .moments
            .iter()
            .filter(|m| m.rule == "missed-fact")
            .map(|m| m.reason.as_str())
            .collect();
        assert_eq!(missed.len(), 2, "{lang}: {missed:?}");
        assert!(
            missed.iter().any(|reason| reason.contains(label)),
            "{lang}: no missed-fact names {label:?}: {missed:?}"
        );
        // The customer repeats it, and the hand-over still works.
        assert_eq!(r.ending, "handed_over", "{lang}");
        assert_eq!(skills(&r), [100, 95, 100, 100], "{lang}");
    }
}

#[test]
fn wrong_targets_premature_transfer_and_promises() {
    for (lang, file, _) in FILES {
        let c = compile(file);
        // The supervisor and the claims team are both wrong for a legal threat.
        for (spec, ending) in [("1,4", "wrong_supervisor"), ("1,5", "wrong_claims")] {
            let (r, _) = play(&c, spec, 0);
            assert_eq!(r.ending, ending, "{lang} {spec}");
            assert_eq!(skills(&r), [100, 100, 100, 0], "{lang} {spec}");
            assert_eq!((r.overall, r.passed), (60, false), "{lang} {spec}");
            let m = moments(&r);
            assert!(
                m.contains(&(2, "escalation-wrong-target", -80)),
                "{lang} {spec}"
            );
            assert!(
                m.contains(&(2, "escalation-missing", -100)),
                "{lang} {spec}"
            );
        }
        // Straight to the claims team that rejected it, cutting the customer off.
        let (r, _) = play(&c, "!4", 0);
        assert_eq!(skills(&r), [85, 60, 50, 0], "{lang}");
        assert!(!r.passed, "{lang}");

        // Legal is right, but not before the claim number is known.
        let (r, _) = play(&c, "3,2", 0);
        let m = moments(&r);
        assert!(m.contains(&(2, "escalation-early", -40)), "{lang}");
        assert!(m.contains(&(2, "no-handover", -15)), "{lang}");
        assert_eq!(skills(&r), [90, 100, 50, 45], "{lang}");

        // "I'll make sure your claim gets paid", then corrected.
        let (r, _) = play(&c, "1,2,1", 0);
        assert_eq!(skills(&r), [100, 100, 100, 90], "{lang}");
        assert!(moments(&r).contains(&(2, "over-promise", -30)), "{lang}");
        // ... or not corrected.
        let (r, _) = play(&c, "1,2,2", 0);
        assert_eq!(r.ending, "false_promise", "{lang}");
        assert_eq!(r.skills.escalation, 0, "{lang}");
    }
}

#[test]
fn arguing_leads_where_the_mood_says() {
    for (lang, file, _) in FILES {
        let c = compile(file);
        // Arguing after a good start: anger 77, the customer argues back.
        let (r, s) = play(&c, "1,3", 0);
        assert_eq!(s.node_id(), "argued", "{lang}");
        assert!(moments(&r).contains(&(2, "impatient", -20)), "{lang}");
        // The same words after an interruption: anger 87, a hang-up threat.
        let (_, s) = play(&c, "!2,1,3", 0);
        assert_eq!(s.node_id(), "hang_up_warning", "{lang}");
        // Recovering there still gets the customer to legal, with the facts.
        let (r, _) = play(&c, "1,3,1", 0);
        assert_eq!(skills(&r), [95, 100, 100, 100], "{lang}");
        assert!(
            moments(&r).contains(&(3, "courteous-under-pressure", 10)),
            "{lang}"
        );
        // Daring the customer to hang up: anger reaches hangs_up_at.
        let (r, _) = play(&c, "!2,1,3,4", 0);
        assert_eq!(r.ending_kind, EndingKind::HungUp, "{lang}");
        assert!(
            moments(&r).contains(&(4, "customer-hung-up", -20)),
            "{lang}"
        );
    }
}
