//! Golden playthroughs of "holiday-boars" (an absurd complaint by e-mail) in
//! English, German and Dutch. The three files share one graph, so the paths
//! and numbers are the same in every language; only the words differ.

mod common;

use common::{compile, moments, play, skills};
use headset::scenario::EndingKind;
use headset::sim::Speaker;

/// (file, a phrase from the guest's demand near the end of the first e-mail,
/// the `interrupted` line of the first node, which must never be shown).
const FILES: [(&str, &str, &str); 3] = [
    (
        "scenarios/en/holiday-boars.ron",
        "I expect a full refund of the 1,860 euros",
        "I hadn't even finished!",
    ),
    (
        "scenarios/de/holiday-boars.ron",
        "Ich erwarte die vollständige Erstattung der 1.860 Euro",
        "Ich war doch noch gar nicht fertig!",
    ),
    (
        "scenarios/nl/holiday-boars.ron",
        "Ik verwacht dat u de 1.860 euro die we betaald hebben volledig terugbetaalt",
        "Ik was nog niet eens klaar!",
    ),
];

/// Ideal: apologise and ask how the boars got in (the gate comes out), have
/// the gate repaired, reassure about the children, decline the refund honestly
/// and give the 50-euro goodwill voucher.
const IDEAL: &str = "1,1,1,1";
/// Typical mistakes: argues that nature is not our fault, recovers with an
/// apology and the right question, then blames the guest for the open gate,
/// and when the guest demands a manager, passes them on to get rid of them.
const REALISTIC: &str = "2,1,2,3";
/// Worst: argues twice, then gives in to the demand for a manager.
const WORST: &str = "2,2,3";

#[test]
fn ideal_path_scores_100_everywhere_without_escalating() {
    for (file, _, _) in FILES {
        let c = compile(file);
        for seed in 0..3 {
            let (r, _) = play(&c, IDEAL, seed);
            assert_eq!(skills(&r), [100, 100, 100, 100], "{file} seed {seed}");
            assert_eq!((r.overall, r.passed), (100, true), "{file} seed {seed}");
            assert_eq!(
                (r.ending.as_str(), r.ending_kind),
                ("settled", EndingKind::Resolved),
                "{file}"
            );
            assert!(
                r.moments.iter().all(|m| m.points > 0),
                "{file}: an ideal run loses nothing: {:?}",
                r.moments
            );
            let m = moments(&r);
            // The clarifying question brings out the hidden gate.
            assert!(m.contains(&(1, "good-question", 10)), "{file}: {m:?}");
            assert!(m.contains(&(2, "showed-understanding", 5)), "{file}: {m:?}");
        }
    }
}

#[test]
fn realistic_path_arguing_blaming_and_passing_on_fails() {
    for (file, _, _) in FILES {
        let c = compile(file);
        let (r, _) = play(&c, REALISTIC, 0);
        assert_eq!(skills(&r), [85, 100, 100, 0], "{file}");
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
                (1, "impatient", -20),
                (1, "name-early", 10),
                (2, "courteous-under-pressure", 10),
                (2, "apologised", 5),
                (2, "good-question", 10),
                (2, "name-again", 5),
                (3, "impatient", -20),
                (4, "courteous-under-pressure", 10),
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
        assert_eq!(skills(&r), [70, 100, 100, 0], "{file}");
        assert_eq!((r.overall, r.passed), (54, false), "{file}");
        let m = moments(&r);
        assert!(
            m.contains(&(3, "escalation-not-needed", -100)),
            "{file}: {m:?}"
        );
    }
}

/// The brief's usual fourth test ("an early interruption misses the hidden
/// fact") does not apply to e-mail: every line of an e-mail arrives at once,
/// complete, the moment the turn begins (docs/scoring.md, 1.2 and 1.7). So
/// `!1` as the first step is NOT an interruption: no "interrupted" moment, no
/// "missed-fact", no cut line and no `interrupted` reaction, and the run scores
/// exactly as if the agent had waited. The hidden fact (the gate) is instead
/// kept for the guest's second e-mail, which only a clarifying question or a
/// patient first reply brings.
#[test]
fn replying_at_once_is_not_an_interruption_in_email() {
    for (file, demand, interrupted_line) in FILES {
        let c = compile(file);
        let (r, s) = play(&c, "!1", 0);
        let m = moments(&r);
        assert!(
            !m.iter().any(|(_, rule, _)| *rule == "interrupted"),
            "{file}: {m:?}"
        );
        assert!(
            !m.iter().any(|(_, rule, _)| *rule == "missed-fact"),
            "{file}: {m:?}"
        );
        assert!(s.transcript.iter().all(|e| !e.cut), "{file}");
        // The whole first e-mail was there, up to the guest's demand and signature.
        assert!(
            s.transcript
                .iter()
                .any(|e| e.speaker == Speaker::Customer && e.text.contains(demand)),
            "{file}"
        );
        assert!(
            s.transcript.iter().all(|e| e.text != interrupted_line),
            "{file}: the interrupted reaction must not be shown"
        );
        // The gate is not known yet: it is in the guest's answer, which has
        // arrived whole as well.
        assert!(s.customer_finished(), "{file}");

        // `!` changes nothing about the score in e-mail.
        let (fast, _) = play(&c, "!1,!1,!1,!1", 0);
        let (ideal, _) = play(&c, IDEAL, 0);
        assert_eq!(moments(&fast), moments(&ideal), "{file}");
        assert_eq!(skills(&fast), [100, 100, 100, 100], "{file}");
    }
}

#[test]
fn the_gate_only_comes_out_after_a_question_or_a_patient_reply() {
    for (file, _, _) in FILES {
        let c = compile(file);
        let gate_reply = |spec: &str| {
            let (_, mut s) = play(&c, spec, 0);
            s.wait_until_finished();
            s.offered().contains(&0)
        };
        // The question (reply 1) or the patient reply (reply 5) lead to the
        // guest's second e-mail, where the gate repair is on offer.
        assert!(gate_reply("1"), "{file}");
        assert!(gate_reply("5"), "{file}");
        // Arguing leads to a rude answer without the gate.
        let (_, s) = play(&c, "2", 0);
        assert_eq!(s.node_id(), "argued", "{file}");

        // The patient reply without a question still reaches 100.
        let (r, _) = play(&c, "5,1,1,1", 0);
        assert_eq!(skills(&r), [100, 100, 100, 100], "{file}");
    }
}

#[test]
fn mood_decides_where_blaming_leads() {
    for (file, _, _) in FILES {
        let c = compile(file);
        // After the good question the guest has calmed down: blaming stings,
        // but the contact goes on to the children's question.
        let (_, s) = play(&c, "1,2", 0);
        assert_eq!(s.node_id(), "safety", "{file}");
        // After an argued start the same sentence tips the guest over.
        let (_, s) = play(&c, "2,1,2", 0);
        assert_eq!(s.node_id(), "threat", "{file}");
        // Arguing twice and brushing the guest off: they stop writing.
        let (r, _) = play(&c, "2,2,4", 0);
        assert_eq!(r.ending_kind, EndingKind::HungUp, "{file}");
        assert!(!r.passed);
    }
}

#[test]
fn conceding_the_absurd_refund_is_penalised() {
    for (file, _, _) in FILES {
        let c = compile(file);
        let (r, _) = play(&c, "3,2", 0);
        let m = moments(&r);
        assert!(m.contains(&(1, "over-promise", -30)), "{file}: {m:?}");
        assert!(m.contains(&(2, "over-promise", -30)), "{file}: {m:?}");
        assert!(m.contains(&(2, "authored", -30)), "{file}: {m:?}");
        assert_eq!(skills(&r)[3], 10, "{file}");
        assert!(!r.passed, "{file}");
    }
}
