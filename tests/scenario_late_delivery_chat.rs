//! Golden playthroughs of "late-delivery-chat" (a confused chat customer whose
//! washing-machine hose shows as delivered but never came) in all three
//! languages. The three files share one graph, so every path scores the same
//! in each language; only the words of the debrief differ.

mod common;

use common::{compile, moments, play, skills};
use headset::scenario::EndingKind;

/// (file, label of the hidden fact "delivered" in that language)
const FILES: [(&str, &str); 3] = [
    (
        "scenarios/en/late-delivery-chat.ron",
        "the tracking says the parcel was delivered on Tuesday, but nothing arrived",
    ),
    (
        "scenarios/de/late-delivery-chat.ron",
        "laut Sendungsverfolgung wurde das Paket am Dienstag zugestellt, angekommen ist aber nichts",
    ),
    (
        "scenarios/nl/late-delivery-chat.ron",
        "volgens de track-and-trace is het pakket dinsdag bezorgd, maar er is niets aangekomen",
    ),
];

#[test]
fn ideal_path_untangles_the_numbers_and_resolves_without_escalating() {
    for (file, _) in FILES {
        let c = compile(file);
        // Reads to the end, asks for the confirmation e-mail, then the date,
        // then whether a neighbour took the parcel, and says what happens next.
        for seed in [0, 1] {
            let (r, _) = play(&c, "1,1,1,1,1", seed);
            assert_eq!(skills(&r), [100, 100, 100, 100], "{file} seed {seed}");
            assert_eq!((r.overall, r.passed), (100, true), "{file}");
            assert_eq!(r.ending, "resolved", "{file}");
            assert_eq!(r.ending_kind, EndingKind::Resolved, "{file}");
            assert!(
                r.moments.iter().all(|m| m.points > 0),
                "{file}: an ideal run loses nothing: {:?}",
                r.moments
            );
            let m = moments(&r);
            assert!(m.contains(&(1, "good-question", 10)), "{file}");
            assert!(m.contains(&(2, "good-question", 10)), "{file}");
            assert!(m.contains(&(4, "good-question", 10)), "{file}");
        }
    }
}

#[test]
fn a_handover_to_the_warehouse_after_the_order_facts_is_also_right() {
    for (file, _) in FILES {
        let c = compile(file);
        let (r, _) = play(&c, "1,3", 0);
        assert_eq!(skills(&r), [100, 100, 100, 100], "{file}");
        assert_eq!(r.ending, "warehouse_handover", "{file}");
        let m = moments(&r);
        assert!(m.contains(&(2, "escalation-right", 10)), "{file}");
        assert!(m.contains(&(2, "handover", 10)), "{file}");
    }
}

#[test]
fn realistic_path_with_typical_mistakes() {
    for (file, _) in FILES {
        let c = compile(file);
        // Asks what the tracking says although she wrote it, asks "7713 or
        // 7731?", uses the name only once and late, blames her for the wrong
        // date, brushes off her apology, and promises a refund plus a voucher.
        let (r, _) = play(&c, "3,3,1,2,2,4", 0);
        assert_eq!(skills(&r), [70, 100, 70, 70], "{file}");
        // Below the pass mark of 85 (raised after `headset explore` showed
        // random play passing 88 % of the time at 70).
        assert_eq!((r.overall, r.passed), (78, false), "{file}");
        assert_eq!(r.ending, "voucher", "{file}");
        assert_eq!(
            moments(&r),
            vec![
                (1, "asked-again", -15),
                (2, "courteous-under-pressure", 10),
                (2, "good-question", 10),
                (3, "good-question", 10),
                (3, "showed-understanding", 5),
                (3, "name-late", -20),
                (4, "impatient", -20),
                (5, "impatient", -20),
                (6, "name-once", -10),
                (6, "over-promise", -30),
            ],
            "{file}"
        );
    }
}

#[test]
fn confusion_decides_where_blaming_leads() {
    for (file, _) in FILES {
        let c = compile(file);
        let lost = &c.scenario.nodes["lost_thread"].customer[0].say;
        let flustered = &c.scenario.nodes["flustered"].customer[0].say;
        // After the calm opening confusion is 47: blaming her (+15) leaves her
        // flustered but still following.
        let (_, s) = play(&c, "1,2,1", 0);
        assert!(s.transcript.iter().any(|e| &e.text == flustered), "{file}");
        assert!(!s.transcript.iter().any(|e| &e.text == lost), "{file}");
        // After cutting her off and asking again, confusion is 67: the same
        // reply (+15) loses her completely.
        let (_, s) = play(&c, "!3,1,2,1", 0);
        assert!(s.transcript.iter().any(|e| &e.text == lost), "{file}");
        assert!(!s.transcript.iter().any(|e| &e.text == flustered), "{file}");
    }
}

#[test]
fn worst_path_fails() {
    for (file, _) in FILES {
        let c = compile(file);
        // Cuts her off to tell her she mixed up her orders, then passes her to
        // the supervisor.
        let (r, _) = play(&c, "!2,3", 0);
        assert_eq!(skills(&r), [65, 60, 50, 20], "{file}");
        assert_eq!((r.overall, r.passed), (49, false), "{file}");
        assert_eq!(r.ending, "supervisor_transfer", "{file}");
        let m = moments(&r);
        assert!(m.contains(&(1, "interrupted", -15)), "{file}");
        assert!(m.contains(&(1, "impatient", -20)), "{file}");
        assert!(m.contains(&(2, "escalation-wrong-target", -80)), "{file}");

        // Arguing with her until she leaves the chat also fails.
        let (r, _) = play(&c, "1,1,2,1,5,2", 0);
        assert_eq!(r.ending_kind, EndingKind::HungUp, "{file}");
        assert!(!r.passed, "{file}");
    }
}

#[test]
fn interrupting_at_once_misses_the_parcel_marked_delivered() {
    for (file, label) in FILES {
        let c = compile(file);
        let (r, s) = play(&c, "!3,1,1,1,1,1", 0);
        let missed: Vec<&str> = r
            .moments
            .iter()
            .filter(|m| m.rule == "missed-fact")
            .map(|m| m.reason.as_str())
            .collect();
        assert_eq!(missed.len(), 2, "{file}: {missed:?}");
        assert!(
            missed.iter().any(|reason| reason.contains(label)),
            "{file}: {missed:?}"
        );
        let m = moments(&r);
        assert!(m.contains(&(1, "interrupted", -15)), "{file}");
        assert!(m.contains(&(1, "missed-fact", -20)), "{file}");
        // Asking what the tracking says brings the fact back (and the
        // customer repeats herself: a calm answer earns the credit back).
        assert!(m.contains(&(1, "good-question", 10)), "{file}");
        assert!(m.contains(&(2, "courteous-under-pressure", 10)), "{file}");
        assert_eq!(skills(&r), [100, 100, 100, 100], "{file}");
        // She was still typing and says so.
        let interrupted = c.scenario.nodes["open"]
            .interrupted
            .as_ref()
            .and_then(|i| i.say.clone())
            .expect("an interrupted line");
        assert!(s.transcript.iter().any(|e| e.text == interrupted), "{file}");
    }
}
