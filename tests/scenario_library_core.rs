//! The two core scenarios of the library, double-charge and warranty-kettle,
//! in English, German and Dutch: the ideal path, a realistic path with typical
//! mistakes, the worst path, an early interruption that misses the hidden
//! fact, and the mood branches. The three files of a scenario share one graph,
//! so the same SPEC scores the same in every language; only the words (and the
//! fact labels in the debrief) differ.

mod common;

use common::{compile, moments, play, skills};
use headset::scenario::EndingKind;

const LANGS: [&str; 3] = ["en", "de", "nl"];

fn path(id: &str, lang: &str) -> String {
    format!("scenarios/{lang}/{id}.ron")
}

// ---------------------------------------------------------------------------
// double-charge: angry customer, phone, escalation Required to the supervisor
// ---------------------------------------------------------------------------

/// The label of the hidden fact "double" (last line of the opening turn).
fn double_label(lang: &str) -> &'static str {
    match lang {
        "en" => "the payment page froze and the card was charged twice",
        "de" => "die Bezahlseite hing und die Karte wurde zweimal belastet",
        "nl" => "de betaalpagina liep vast en er is twee keer van de creditcard afgeschreven",
        _ => unreachable!(),
    }
}

/// What the customer says when cut off in the opening turn.
fn double_interrupted_line(lang: &str) -> &'static str {
    match lang {
        "en" => "Will you let me finish?!",
        "de" => "Lassen Sie mich doch mal ausreden!",
        "nl" => "Laat u me nou even uitpraten?!",
        _ => unreachable!(),
    }
}

#[test]
fn double_charge_ideal_path_through_the_earlier_call_scores_100() {
    for lang in LANGS {
        let c = compile(&path("double-charge", lang));
        // Asks for the earlier call's reference, checks the bank statement,
        // hands over to the supervisor with everything.
        for seed in 0..4 {
            let (r, _) = play(&c, "5,1,1", seed);
            assert_eq!(skills(&r), [100, 100, 100, 100], "{lang} seed {seed}");
            assert_eq!(
                (r.overall, r.passed, r.ending_kind, r.ending.as_str()),
                (100, true, EndingKind::Escalated, "handed_over"),
                "{lang} seed {seed}"
            );
            assert!(
                r.moments.iter().all(|m| m.points > 0),
                "{lang}: an ideal run loses nothing: {:?}",
                r.moments
            );
            let m = moments(&r);
            assert!(m.contains(&(1, "good-question", 10)), "{lang}: {m:?}");
            assert!(m.contains(&(2, "good-question", 10)), "{lang}: {m:?}");
            assert!(m.contains(&(3, "escalation-right", 10)), "{lang}: {m:?}");
            assert!(m.contains(&(3, "handover", 10)), "{lang}: {m:?}");
        }
        // The original short ideal path is still there.
        let (r, _) = play(&c, "1,1", 0);
        assert_eq!(skills(&r), [100, 100, 100, 100], "{lang}");
    }
}

#[test]
fn double_charge_realistic_mistakes_land_between_40_and_80() {
    for lang in LANGS {
        let c = compile(&path("double-charge", lang));
        // Good start (reference, statement), then "it will disappear by itself"
        // although the customer just said the charges are booked, and finally
        // the wrong team.
        let (r, _) = play(&c, "5,1,2,2", 0);
        assert_eq!(skills(&r), [95, 100, 100, 0], "{lang}");
        assert_eq!((r.overall, r.passed), (59, false), "{lang}");
        assert_eq!(r.ending, "wrong_team", "{lang}");
        assert!((40..=80).contains(&r.overall));
        let m = moments(&r);
        for expected in [
            (1, "apologised", 5),
            (1, "good-question", 10),
            (1, "name-early", 10),
            (2, "good-question", 10),
            (2, "name-again", 5),
            (3, "impatient", -20),
            (3, "authored", -15),
            (4, "courteous-under-pressure", 10),
            (4, "escalation-wrong-target", -80),
            (4, "escalation-missing", -100),
        ] {
            assert!(
                m.contains(&expected),
                "{lang}: {expected:?} missing in {m:?}"
            );
        }
        let losses: Vec<_> = m.iter().filter(|(_, _, p)| *p < 0).copied().collect();
        assert_eq!(
            losses,
            [
                (3, "impatient", -20),
                (3, "authored", -15),
                (4, "escalation-wrong-target", -80),
                (4, "escalation-missing", -100),
            ],
            "{lang}"
        );
    }
}

#[test]
fn double_charge_worst_path_makes_the_customer_hang_up() {
    for lang in LANGS {
        let c = compile(&path("double-charge", lang));
        // Cuts the customer off while she reads out the reference, blames her
        // for missing the callback, then shrugs at the cancellation.
        let (r, s) = play(&c, "5,!3,2", 0);
        assert_eq!(r.ending_kind, EndingKind::HungUp, "{lang}");
        assert!(!r.passed, "{lang}");
        assert_eq!(skills(&r), [30, 100, 100, 0], "{lang}");
        assert_eq!(r.overall, 46, "{lang}");
        let m = moments(&r);
        assert!(m.contains(&(2, "interrupted", -15)), "{lang}: {m:?}");
        assert!(m.contains(&(2, "missed-fact", -20)), "{lang}: {m:?}");
        assert!(m.contains(&(3, "customer-hung-up", -20)), "{lang}: {m:?}");
        let suffix = match lang {
            "en" => " hung up.",
            "de" => " hat aufgelegt.",
            _ => " heeft opgehangen.",
        };
        assert!(
            s.transcript
                .last()
                .is_some_and(|e| e.text.ends_with(suffix)),
            "{lang}: {:?}",
            s.transcript.last()
        );
    }
}

#[test]
fn double_charge_early_interruption_misses_the_hidden_cause() {
    for lang in LANGS {
        let c = compile(&path("double-charge", lang));
        let (r, s) = play(&c, "!3,1,1", 0);
        assert_eq!(skills(&r), [100, 60, 100, 100], "{lang}");
        assert_eq!((r.overall, r.passed), (92, true), "{lang}");
        let m = moments(&r);
        assert!(m.contains(&(1, "interrupted", -15)), "{lang}");
        let missed: Vec<_> = r
            .moments
            .iter()
            .filter(|m| m.rule == "missed-fact")
            .map(|m| m.reason.as_str())
            .collect();
        assert_eq!(missed.len(), 3, "{lang}: {missed:?}");
        assert!(
            missed.iter().any(|r| r.contains(double_label(lang))),
            "{lang}: {missed:?}"
        );
        assert!(
            s.transcript
                .iter()
                .any(|e| e.text == double_interrupted_line(lang)),
            "{lang}: the cut-off customer complains"
        );
    }
}

#[test]
fn double_charge_anger_decides_whether_the_customer_threatens_to_cancel() {
    for lang in LANGS {
        let c = compile(&path("double-charge", lang));
        // Heard out and apologised to: anger 52, blaming the bank brings it to
        // 67, not above 70, so the customer pushes back.
        let (r, _) = play(&c, "1,5,1", 0);
        assert_eq!(r.ending, "handed_over", "{lang}");
        assert_eq!(skills(&r), [95, 100, 100, 100], "{lang}");
        // Interrupted first: anger 67 at the same question, 82 after it, and the
        // customer threatens to cancel. A calm handover still keeps them.
        let (r, _) = play(&c, "!3,1,5,1", 0);
        assert_eq!(r.ending, "kept_on", "{lang}");
        assert_eq!(skills(&r), [90, 60, 100, 100], "{lang}");
        let (r, _) = play(&c, "!3,1,5,2", 0);
        assert_eq!(r.ending, "cancelled", "{lang}");
        assert!(moments(&r).contains(&(4, "left-upset", -20)), "{lang}");
        assert!(!r.passed, "{lang}");
    }
}

// ---------------------------------------------------------------------------
// warranty-kettle: calm customer, phone, escalation NotNeeded
// ---------------------------------------------------------------------------

/// The label of the hidden fact "bought" (last line of the opening turn).
fn bought_label(lang: &str) -> &'static str {
    match lang {
        "en" => "she bought it fourteen months ago",
        "de" => "sie hat ihn vor vierzehn Monaten gekauft",
        "nl" => "ze heeft hem veertien maanden geleden gekocht",
        _ => unreachable!(),
    }
}

#[test]
fn kettle_ideal_path_with_a_faded_receipt_and_a_toaster_scores_100() {
    for lang in LANGS {
        let c = compile(&path("warranty-kettle", lang));
        // Asks for proof of purchase, accepts the card statement, answers the
        // toaster question safely and within authority, books the quote.
        for seed in 0..3 {
            let (r, _) = play(&c, "5,1,1,1", seed);
            assert_eq!(skills(&r), [100, 100, 100, 100], "{lang} seed {seed}");
            assert_eq!(
                (r.overall, r.passed, r.ending_kind, r.ending.as_str()),
                (100, true, EndingKind::Resolved, "solved_both"),
                "{lang} seed {seed}"
            );
            assert!(
                r.moments.iter().all(|m| m.points > 0),
                "{lang}: an ideal run loses nothing: {:?}",
                r.moments
            );
        }
        // Through the kept receipt to the toaster.
        let (r, _) = play(&c, "1,4,1,1", 0);
        assert_eq!(skills(&r), [100, 100, 100, 100], "{lang}");
        assert_eq!(r.ending, "solved_both", "{lang}");
    }
}

#[test]
fn kettle_realistic_mistakes_land_between_40_and_80() {
    for lang in LANGS {
        let c = compile(&path("warranty-kettle", lang));
        // Asks for the date she just gave, asks for the receipt, refuses the
        // card statement, and when she pushes back passes her to the supervisor.
        let (r, _) = play(&c, "2,3,2,3", 0);
        assert_eq!(skills(&r), [90, 100, 100, 0], "{lang}");
        assert_eq!((r.overall, r.passed), (58, false), "{lang}");
        assert_eq!(r.ending, "passed_on", "{lang}");
        assert!((40..=80).contains(&r.overall));
        assert_eq!(
            moments(&r),
            [
                (1, "asked-again", -15),
                (2, "good-question", 10),
                (2, "showed-understanding", 5),
                (2, "name-early", 10),
                (3, "impatient", -20),
                (4, "courteous-under-pressure", 10),
                (4, "name-once", -10),
                (4, "escalation-not-needed", -100),
            ],
            "{lang}"
        );
    }
}

#[test]
fn kettle_worst_path_fails() {
    for lang in LANGS {
        let c = compile(&path("warranty-kettle", lang));
        // Cuts her off while she looks for the receipt, refuses, and passes the
        // customer (who now asks for the manager) to the supervisor.
        let (r, _) = play(&c, "5,!2,2", 0);
        assert_eq!(skills(&r), [65, 100, 100, 0], "{lang}");
        assert_eq!((r.overall, r.passed), (53, false), "{lang}");
        let m = moments(&r);
        assert!(m.contains(&(2, "interrupted", -15)), "{lang}: {m:?}");
        assert!(m.contains(&(2, "missed-fact", -20)), "{lang}: {m:?}");
        assert!(
            m.contains(&(3, "escalation-not-needed", -100)),
            "{lang}: {m:?}"
        );
        // The original worst path fails in every language too.
        let (r, _) = play(&c, "!4", 0);
        assert_eq!(skills(&r), [85, 40, 50, 0], "{lang}");
        assert!(!r.passed, "{lang}");
    }
}

#[test]
fn kettle_early_interruption_misses_the_purchase_date() {
    for lang in LANGS {
        let c = compile(&path("warranty-kettle", lang));
        let (r, _) = play(&c, "!3,1,1", 0);
        assert_eq!(skills(&r), [70, 45, 100, 100], "{lang}");
        assert_eq!((r.overall, r.passed), (83, true), "{lang}");
        assert!(moments(&r).contains(&(1, "interrupted", -15)), "{lang}");
        let missed: Vec<_> = r
            .moments
            .iter()
            .filter(|m| m.rule == "missed-fact")
            .map(|m| m.reason.as_str())
            .collect();
        assert_eq!(missed.len(), 3, "{lang}: {missed:?}");
        assert!(
            missed.iter().any(|r| r.contains(bought_label(lang))),
            "{lang}: {missed:?}"
        );
    }
}

#[test]
fn kettle_trust_decides_whether_she_asks_for_the_manager() {
    for lang in LANGS {
        let c = compile(&path("warranty-kettle", lang));
        // Refused after listening: trust 35, she only pushes back. Apologising
        // and accepting the statement still solves everything.
        let (r, _) = play(&c, "5,2,1,1,1", 0);
        assert_eq!(r.ending, "solved_both", "{lang}");
        assert_eq!(skills(&r), [95, 100, 100, 100], "{lang}");
        // Refused after cutting her off: trust 25, she asks for the manager.
        // Standing firm refuses a claim the agent may accept: authored -60.
        let (r, _) = play(&c, "5,!2,3", 0);
        assert_eq!(r.ending, "refused", "{lang}");
        assert!(moments(&r).contains(&(3, "authored", -60)), "{lang}");
        assert!(!r.passed, "{lang}");
        // Solving it herself after the manager request keeps the call at a pass.
        let (r, _) = play(&c, "5,!2,1,1,1", 0);
        assert_eq!(r.ending, "solved_both", "{lang}");
        assert!(r.passed, "{lang}");
    }
}
