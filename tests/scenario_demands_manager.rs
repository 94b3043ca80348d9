//! Playthroughs of "demands-manager" (scenarios/{en,de,nl}/demands-manager.ron):
//! an angry caller demands a manager at once; the agent has to find out what
//! happened first and hand over to the supervisor once the claim is known.
//! Every language file must score the same, since the graphs are identical.

mod common;

use common::{compile, moments, play, skills};
use headset::scenario::EndingKind;
use headset::sim::EndCause;

/// (language, file, the label of the hidden fact "third" in that language).
const FILES: [(&str, &str, &str); 3] = [
    (
        "en",
        "scenarios/en/demands-manager.ron",
        "it is the third missed appointment",
    ),
    (
        "de",
        "scenarios/de/demands-manager.ron",
        "es ist schon der dritte geplatzte Termin",
    ),
    (
        "nl",
        "scenarios/nl/demands-manager.ron",
        "het is al de derde gemiste afspraak",
    ),
];

#[test]
fn ideal_path_scores_100_everywhere_and_passes() {
    for (lang, file, _) in FILES {
        let c = compile(file);
        for seed in [0, 1] {
            // Hear the whole tirade and acknowledge it, ask what would put it
            // right, then hand over to the supervisor with the facts.
            let (r, _) = play(&c, "1,1,1", seed);
            assert_eq!(skills(&r), [100, 100, 100, 100], "{lang} seed {seed}");
            assert_eq!(
                (r.overall, r.passed, r.ending_kind, r.ending.as_str()),
                (100, true, EndingKind::Escalated, "handed_over"),
                "{lang}"
            );
            let m = moments(&r);
            assert!(m.contains(&(1, "showed-understanding", 5)), "{lang}");
            assert!(m.contains(&(2, "good-question", 10)), "{lang}");
            assert!(m.contains(&(3, "escalation-right", 10)), "{lang}");
            assert!(m.contains(&(3, "handover", 10)), "{lang}");
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
        // Cuts the caller off with "What happened?", listens to the repeat,
        // then defends the technician (the mood tips over into the hang-up
        // threat) and caves with a cold transfer before knowing the claim.
        let (r, s) = play(&c, "!2,1,3,3", 0);
        assert_eq!(skills(&r), [90, 75, 100, 45], "{lang}");
        assert_eq!(r.overall, 71, "{lang}");
        assert!((40..=80).contains(&r.overall), "{lang}");
        assert_eq!(r.ending, "transferred_cold", "{lang}");
        assert_eq!(s.end().map(|e| e.kind), Some(EndingKind::Escalated));
        let m = moments(&r);
        let expected = [
            (1, "interrupted", -15),
            (1, "apologised", 5),
            (1, "missed-fact", -20),
            (1, "good-question", 10),
            (2, "courteous-under-pressure", 10),
            (2, "showed-understanding", 5),
            (2, "name-early", 10),
            (3, "impatient", -20),
            (4, "courteous-under-pressure", 10),
            (4, "name-once", -10),
            (4, "escalation-early", -40),
            (4, "no-handover", -15),
        ];
        for e in expected {
            assert!(m.contains(&e), "{lang}: expected {e:?} in {m:?}");
        }
        assert_eq!(
            m.iter().filter(|x| x.1 == "missed-fact").count(),
            2,
            "{lang}: both facts of the first turn were lost"
        );
        assert_eq!(m.len(), 13, "{lang}: {m:?}");
    }
}

#[test]
fn worst_path_makes_the_customer_hang_up_and_fails() {
    for (lang, file, _) in FILES {
        let c = compile(file);
        // "Please calm down" at once, before the caller has said a word.
        let (r, s) = play(&c, "!4", 0);
        assert_eq!(r.ending_kind, EndingKind::HungUp, "{lang}");
        assert_eq!(r.ending, "hung_up", "{lang}");
        assert_eq!(skills(&r), [45, 60, 100, 0], "{lang}");
        assert_eq!((r.overall, r.passed), (41, false), "{lang}");
        let m = moments(&r);
        assert!(m.contains(&(1, "impatient", -20)), "{lang}");
        assert!(m.contains(&(1, "customer-hung-up", -20)), "{lang}");
        assert!(m.contains(&(1, "escalation-missing", -100)), "{lang}");
        assert_eq!(
            s.end().map(|e| e.cause),
            Some(EndCause::CustomerHangUp),
            "{lang}: anger reached hangs_up_at"
        );
    }
}

#[test]
fn interrupting_at_once_misses_the_third_missed_appointment() {
    for (lang, file, label) in FILES {
        let c = compile(file);
        let (r, _) = play(&c, "!2,1,1,1", 0);
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
        // The caller repeats it, so the hand-over is still possible.
        assert_eq!(r.ending, "handed_over", "{lang}");
        assert_eq!(skills(&r), [100, 90, 100, 100], "{lang}");
    }
}

#[test]
fn premature_wrong_and_missing_escalations() {
    for (lang, file, _) in FILES {
        let c = compile(file);
        // Giving in to "manager, now" before hearing anything.
        let (r, _) = play(&c, "!3", 0);
        let m = moments(&r);
        assert!(m.contains(&(1, "escalation-early", -40)), "{lang}");
        assert!(m.contains(&(1, "no-handover", -15)), "{lang}");
        assert_eq!(r.skills.escalation, 45, "{lang}");
        assert!(!r.passed, "{lang}");

        // Listening first but transferring before the claim is known.
        let (r, _) = play(&c, "3", 0);
        assert_eq!(skills(&r), [100, 100, 50, 45], "{lang}");
        assert_eq!((r.overall, r.passed), (68, false), "{lang}");

        // Dispatch is the wrong place.
        let (r, _) = play(&c, "1,1,4", 0);
        assert_eq!(skills(&r), [100, 100, 100, 0], "{lang}");
        let m = moments(&r);
        assert!(m.contains(&(3, "escalation-wrong-target", -80)), "{lang}");
        assert!(m.contains(&(3, "escalation-missing", -100)), "{lang}");

        // Refusing to escalate at all: 50 euros is the limit, goodbye.
        let (r, _) = play(&c, "1,1,3", 0);
        assert_eq!(r.ending, "stonewalled", "{lang}");
        assert!(
            moments(&r).contains(&(3, "escalation-missing", -100)),
            "{lang}"
        );
        assert!(!r.passed, "{lang}");

        // Promising the 300 euros, then correcting course.
        let (r, _) = play(&c, "1,1,2,1", 0);
        assert_eq!(skills(&r), [100, 100, 100, 90], "{lang}");
        assert!(moments(&r).contains(&(3, "over-promise", -30)), "{lang}");
    }
}

#[test]
fn calm_down_and_anger_decide_where_the_call_goes() {
    for (lang, file, _) in FILES {
        let c = compile(file);
        // "Please calm down" right after the tirade: anger 85, the caller rants.
        let (r, s) = play(&c, "4", 0);
        assert_eq!(s.node_id(), "rant", "{lang}");
        assert!(moments(&r).contains(&(1, "impatient", -20)), "{lang}");
        // The same words after one dead-air rise (the caller finishes at
        // 18-20 s, the first rise comes 8 s later): anger 93, the caller
        // threatens to hang up.
        let (_, s) = play(&c, "w:30,4", 0);
        assert_eq!(s.node_id(), "last_warning", "{lang}");
        // Recovering in the rude node earns the courtesy credit back.
        let (r, _) = play(&c, "4,1,1,1", 0);
        assert_eq!(skills(&r), [95, 100, 100, 100], "{lang}");
        assert!(
            moments(&r).contains(&(2, "courteous-under-pressure", 10)),
            "{lang}"
        );
        // Brushing the caller off at the last warning: anger reaches 95.
        let (r, _) = play(&c, "5,4", 0);
        assert_eq!(r.ending_kind, EndingKind::HungUp, "{lang}");
        assert!(
            moments(&r).contains(&(2, "customer-hung-up", -20)),
            "{lang}"
        );
        assert!(!r.passed, "{lang}");
    }
}
