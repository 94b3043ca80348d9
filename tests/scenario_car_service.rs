//! Golden playthroughs of `car-service` (en, de, nl): a widower books a service
//! at the workshop counter for his late wife's car. The brakes squeal on cold
//! mornings and he needs the car back by Thursday; he says each only once, at
//! the end of a turn. The three translations share one graph, so every path
//! scores the same in every language.

mod common;

use common::{compile, moments, play, skills};
use headset::scenario::EndingKind;

struct Lang {
    path: &'static str,
    /// The label of the hidden fact (the last line of the opening turn).
    brakes: &'static str,
    /// What he says when he is cut off in the opening turn.
    interrupted: &'static str,
    /// The reason of the escalation policy, quoted in the debrief.
    why: &'static str,
}

const LANGS: [Lang; 3] = [
    Lang {
        path: "scenarios/en/car-service.ron",
        brakes: "the brakes squeal on cold mornings",
        interrupted: "Oh... yes. Right.",
        why: "the workshop manager is not needed",
    },
    Lang {
        path: "scenarios/de/car-service.ron",
        brakes: "die Bremsen quietschen morgens, wenn es kalt ist",
        interrupted: "Ach so... ja. Gut.",
        why: "dafür braucht es den Werkstattleiter nicht",
    },
    Lang {
        path: "scenarios/nl/car-service.ron",
        brakes: "de remmen piepen 's ochtends als het koud is",
        interrupted: "O... ja. Goed.",
        why: "daar is de werkplaatschef niet voor nodig",
    },
];

#[test]
fn ideal_path_scores_100_everywhere_in_every_language() {
    for lang in &LANGS {
        let c = compile(lang.path);
        for seed in 0..2 {
            let (r, s) = play(&c, "1,1,1", seed);
            assert_eq!(
                skills(&r),
                [100, 100, 100, 100],
                "{} seed {seed}",
                lang.path
            );
            assert_eq!(
                (r.overall, r.passed, r.ending.as_str(), r.ending_kind),
                (100, true, "booked", EndingKind::Resolved),
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
            assert!(m.contains(&(2, "name-again", 5)));
            // Brakes in the first reply, Thursday in the booking.
            assert_eq!(
                m.iter().filter(|x| x.1 == "showed-understanding").count(),
                4
            );
            // German declines "Herr Becker" to "Herrn Becker": match the surname.
            let surname = s
                .persona()
                .address_as
                .rsplit(' ')
                .next()
                .unwrap()
                .to_owned();
            assert!(
                r.moments
                    .iter()
                    .any(|m| m.rule == "name-early" && m.reason.contains(&surname)),
                "{}: the debrief names {surname}",
                lang.path
            );
        }
    }
}

#[test]
fn realistic_path_rushes_misses_the_brakes_and_never_uses_the_name() {
    // Waits 40 s, then cuts in while he mentions the brakes ("Service, fine.
    // When do you want to bring it in?"), books a slot before Thursday without
    // a brake check, and never says his name. The line about the brakes starts
    // before 40 s and ends after it in all three languages.
    for lang in &LANGS {
        let c = compile(lang.path);
        let (r, s) = play(&c, "w:40,!3,2,1", 0);
        assert_eq!(skills(&r), [70, 75, 50, 100], "{}", lang.path);
        assert_eq!(
            (r.overall, r.passed, r.ending.as_str(), r.ending_kind),
            // 79 is below the pass mark of 85 (raised after `headset explore`
            // showed that random play passed half the time at 70).
            (79, false, "booked", EndingKind::Resolved),
            "{}",
            lang.path
        );
        assert!((40..=80).contains(&r.overall));
        let m = moments(&r);
        for expected in [
            (1, "interrupted", -15),
            (1, "impatient", -15),
            (1, "missed-fact", -20),
            (2, "showed-understanding", 5),
            (2, "authored", -10),
            (3, "name-never", -50),
        ] {
            assert!(
                m.contains(&expected),
                "{}: {expected:?} not in {m:?}",
                lang.path
            );
        }
        assert_eq!(m.len(), 6, "{}: {m:?}", lang.path);
        // The brakes line is shown cut, and it is the only fact missed.
        assert!(
            s.transcript.iter().any(|e| e.cut),
            "{}: a cut line",
            lang.path
        );
        let missed = r.moments.iter().find(|m| m.rule == "missed-fact").unwrap();
        assert!(missed.reason.contains(lang.brakes), "{}", missed.reason);
    }
}

#[test]
fn worst_path_cuts_him_off_and_fetches_the_manager() {
    for lang in &LANGS {
        let c = compile(lang.path);
        let (r, _) = play(&c, "!3,5", 0);
        assert_eq!(skills(&r), [70, 40, 50, 0], "{}", lang.path);
        assert_eq!(
            (r.overall, r.passed, r.ending.as_str(), r.ending_kind),
            (32, false, "passed_on", EndingKind::Escalated),
            "{}",
            lang.path
        );
        let m = moments(&r);
        assert!(m.contains(&(1, "interrupted", -15)));
        assert!(m.contains(&(1, "impatient", -15)));
        assert_eq!(m.iter().filter(|x| x.1 == "missed-fact").count(), 3);
        assert!(m.contains(&(2, "name-never", -50)));
        assert!(m.contains(&(2, "escalation-not-needed", -100)));
    }
}

#[test]
fn interrupting_early_misses_the_brakes() {
    for lang in &LANGS {
        let c = compile(lang.path);
        let (r, s) = play(&c, "!2,1,1,1", 0);
        let missed: Vec<_> = r
            .moments
            .iter()
            .filter(|m| m.rule == "missed-fact")
            .map(|m| m.reason.as_str())
            .collect();
        assert_eq!(missed.len(), 3, "{}: {missed:?}", lang.path);
        assert!(
            missed.iter().any(|reason| reason.contains(lang.brakes)),
            "{}: {missed:?}",
            lang.path
        );
        assert!(s.transcript.iter().any(|e| e.text == lang.interrupted));
        // The clarifying question brings the brakes out after all.
        let m = moments(&r);
        assert!(m.contains(&(1, "good-question", 10)));
        assert!(m.contains(&(2, "courteous-under-pressure", 10)));
        assert_eq!(skills(&r), [100, 60, 100, 100], "{}", lang.path);
        assert_eq!(
            (r.overall, r.passed, r.ending.as_str()),
            (92, true, "booked")
        );
    }
}

#[test]
fn fetching_the_workshop_manager_is_the_mistake() {
    for lang in &LANGS {
        let c = compile(lang.path);
        // A good start, then "I'll have to ask the workshop manager".
        let (r, _) = play(&c, "2,1,5", 0);
        assert_eq!(skills(&r), [100, 90, 100, 0], "{}", lang.path);
        assert_eq!(
            (r.overall, r.passed, r.ending_kind),
            (58, false, EndingKind::Escalated)
        );
        let m = r
            .moments
            .iter()
            .find(|m| m.rule == "escalation-not-needed")
            .expect("judged against the policy");
        assert_eq!(m.points, -100);
        assert!(m.reason.contains(lang.why), "{}: {}", lang.path, m.reason);
        // A free transfer to sales is just as wrong.
        let (r, _) = play(&c, "1,w:20,t:sales", 0);
        assert!(moments(&r).contains(&(2, "escalation-not-needed", -100)));
        assert!(!r.passed);
    }
}

#[test]
fn upselling_and_dwelling_move_his_distress() {
    for lang in &LANGS {
        let c = compile(lang.path);
        // Trade-in pitch before he has finished: distress above 79, he walks out.
        let (r, _) = play(&c, "!4", 0);
        assert_eq!(
            (r.ending.as_str(), r.ending_kind, r.passed),
            ("walked_out", EndingKind::HungUp, false),
            "{}",
            lang.path
        );
        assert_eq!(skills(&r), [60, 40, 50, 100]);
        // The same pitch after letting him finish: hurt, but he stays.
        let (r, _) = play(&c, "4,1,1,1", 0);
        assert_eq!(r.ending, "booked", "{}", lang.path);
        assert!(moments(&r).contains(&(1, "impatient", -25)));
        // The warranty pitch after listening: he stays...
        let (r, _) = play(&c, "1,4,1,1", 0);
        assert_eq!(r.ending, "booked");
        assert_eq!(skills(&r), [80, 100, 100, 100]);
        // ...but after rushing and cutting him off, he walks out.
        let (r, _) = play(&c, "w:40,!3,4", 0);
        assert_eq!(r.ending_kind, EndingKind::HungUp, "{}", lang.path);
        // Dwelling on the loss: a light moment when he is composed...
        let (r, _) = play(&c, "1,1,2", 0);
        assert_eq!(r.ending, "booked");
        assert!(moments(&r).contains(&(3, "authored", -10)));
        // ...but tears when he was rushed before.
        let (r, _) = play(&c, "w:40,!3,2,2,1", 0);
        assert_eq!(r.ending, "booked", "{}", lang.path);
        assert!(moments(&r).contains(&(3, "authored", -10)));
        assert!(moments(&r).contains(&(4, "name-late", -20)));
        // Offering Friday without listening, then fixing it with the brake check.
        let (r, _) = play(&c, "1,3,1,1", 0);
        let m = moments(&r);
        assert!(m.contains(&(2, "authored", -10)));
        assert!(m.contains(&(3, "courteous-under-pressure", 10)));
        assert_eq!(r.ending, "booked");
    }
}
