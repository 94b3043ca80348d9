//! Golden playthroughs of "router-confused" (a confused elderly customer on the
//! phone, new router with a blinking red light) in all three languages. The
//! three files share one graph, so every path scores the same in each
//! language; only the words of the debrief differ.

mod common;

use common::{compile, moments, play, skills};
use headset::scenario::EndingKind;

/// (file, label of the hidden fact "yellow" in that language)
const FILES: [(&str, &str); 3] = [
    (
        "scenarios/en/router-confused.ron",
        "the grandson plugged the cable from the wall into a yellow socket",
    ),
    (
        "scenarios/de/router-confused.ron",
        "der Enkel hat das Kabel aus der Wand in eine gelbe Buchse gesteckt",
    ),
    (
        "scenarios/nl/router-confused.ron",
        "de kleinzoon heeft de kabel uit de muur in een geel gaatje gestoken",
    ),
];

#[test]
fn ideal_path_scores_100_everywhere_and_hands_over_to_technical_support() {
    for (file, _) in FILES {
        let c = compile(file);
        // Listens to the end, uses the yellow-socket clue, guides the move to
        // the grey socket, the restart, then hands over with a summary.
        for seed in [0, 1] {
            let (r, _) = play(&c, "1,1,1,1", seed);
            assert_eq!(skills(&r), [100, 100, 100, 100], "{file} seed {seed}");
            assert_eq!((r.overall, r.passed), (100, true), "{file}");
            assert_eq!(r.ending, "handed_over", "{file}");
            assert_eq!(r.ending_kind, EndingKind::Escalated, "{file}");
            assert!(
                r.moments.iter().all(|m| m.points > 0),
                "{file}: an ideal run loses nothing: {:?}",
                r.moments
            );
            let m = moments(&r);
            assert!(m.contains(&(1, "showed-understanding", 5)), "{file}");
            assert!(m.contains(&(2, "courteous-under-pressure", 10)), "{file}");
            assert!(m.contains(&(4, "escalation-right", 10)), "{file}");
            assert!(m.contains(&(4, "handover", 10)), "{file}");
        }
    }
}

#[test]
fn realistic_path_with_typical_mistakes() {
    for (file, _) in FILES {
        let c = compile(file);
        // Asks for the lights and the socket although both were said, blames
        // the grandson, uses jargon (the customer gets lost), apologises, then
        // passes the call on before trying a restart.
        let (r, _) = play(&c, "2,1,2,2,1,2", 0);
        assert_eq!(skills(&r), [75, 75, 100, 45], "{file}");
        // Below the pass mark of 80 (raised after `headset explore` showed
        // random play passing 88 % of the time at 70).
        assert_eq!((r.overall, r.passed), (74, false), "{file}");
        assert_eq!(r.ending, "early_transfer", "{file}");
        assert_eq!(
            moments(&r),
            vec![
                (1, "asked-again", -15),
                (2, "courteous-under-pressure", 10),
                (2, "asked-again", -15),
                (2, "name-early", 10),
                (3, "impatient", -20),
                (4, "impatient", -20),
                (5, "apologised", 5),
                (5, "name-again", 5),
                (6, "showed-understanding", 5),
                (6, "escalation-early", -40),
                (6, "no-handover", -15),
            ],
            "{file}"
        );
        // The early escalation names the step that was skipped: the restart.
        let early = r
            .moments
            .iter()
            .find(|m| m.rule == "escalation-early")
            .expect("judged as too early");
        let restart = c.scenario.facts.get("restart").expect("fact restart");
        assert!(
            early.reason.contains(restart.as_str()),
            "{file}: {}",
            early.reason
        );
    }
}

#[test]
fn confusion_decides_where_jargon_leads() {
    for (file, _) in FILES {
        let c = compile(file);
        // Jargon at once: confusion 60 + 25 = 85 > 70, the customer is lost
        // (node "lost" is not a repeats node: no patience credit there).
        let lost = &c.scenario.nodes["lost"].customer[0].say;
        let jargon = &c.scenario.nodes["jargon"].customer[0].say;
        let (r, s) = play(&c, "3,1,1,1", 0);
        assert!(s.transcript.iter().any(|e| &e.text == lost), "{file}");
        assert!(!s.transcript.iter().any(|e| &e.text == jargon), "{file}");
        assert!(
            !moments(&r).contains(&(2, "courteous-under-pressure", 10)),
            "{file}"
        );
        // Jargon after the calm opening: confusion 42 + 25 = 67, the customer
        // only asks what it means (node "jargon", a repeats node).
        let (r, s) = play(&c, "1,2,1,1,1", 0);
        assert!(s.transcript.iter().any(|e| &e.text == jargon), "{file}");
        assert!(!s.transcript.iter().any(|e| &e.text == lost), "{file}");
        assert!(
            moments(&r).contains(&(3, "courteous-under-pressure", 10)),
            "{file}"
        );
        assert_eq!(skills(&r), [95, 100, 100, 100], "{file}");
    }
}

#[test]
fn worst_path_fails() {
    for (file, _) in FILES {
        let c = compile(file);
        // Cuts the customer off with jargon, then passes him to the supervisor.
        let (r, _) = play(&c, "!3,3", 0);
        assert_eq!(skills(&r), [65, 60, 50, 20], "{file}");
        assert_eq!((r.overall, r.passed), (49, false), "{file}");
        assert_eq!(r.ending, "supervisor_transfer", "{file}");
        let m = moments(&r);
        assert!(m.contains(&(1, "interrupted", -15)), "{file}");
        assert!(m.contains(&(2, "escalation-wrong-target", -80)), "{file}");
        assert!(m.contains(&(2, "name-never", -50)), "{file}");
    }
}

#[test]
fn interrupting_at_once_misses_the_yellow_socket() {
    for (file, label) in FILES {
        let c = compile(file);
        let (r, s) = play(&c, "!2,1,1,1,1,1", 0);
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
        // The ideal first reply needs the clue, so it was not on offer; asking
        // about the socket brings the clue back.
        let m = moments(&r);
        assert!(m.contains(&(1, "interrupted", -15)), "{file}");
        assert!(m.contains(&(2, "good-question", 10)), "{file}");
        assert_eq!(skills(&r), [100, 95, 100, 100], "{file}");
        assert_eq!((r.overall, r.passed), (99, true), "{file}");
        // The customer reacts to being cut off.
        let interrupted = c.scenario.nodes["open"]
            .interrupted
            .as_ref()
            .and_then(|i| i.say.clone())
            .expect("an interrupted line");
        assert!(s.transcript.iter().any(|e| e.text == interrupted), "{file}");
    }
}
