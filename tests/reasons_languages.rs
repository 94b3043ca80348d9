//! The German and Dutch debrief texts: every reason and tip exists, is
//! translated (differs from English), addresses the trainee formally, declines
//! "Herr" where German needs it and leaves no placeholder behind.

use headset::scenario::Marker;
use headset::score::Why;
use headset::score::reasons::words;

const IMPATIENT: [Marker; 6] = [
    Marker::Dismissive,
    Marker::Blaming,
    Marker::CalmDown,
    Marker::Rushing,
    Marker::Arguing,
    Marker::SalesPitch,
];

fn s(text: &str) -> String {
    text.to_owned()
}

/// One instance of every `Why` variant the built-in texts cover (not
/// `Authored`, whose words come from the scenario), labels in `lang`.
fn every_why(lang: &str) -> Vec<Why> {
    let (line, fact, target, other, why) = match lang {
        "de" => (
            "Die Zahlungsseite ist eingefroren, und Sie haben 129 Euro zweimal abgebucht.",
            "die Bestellnummer 4711",
            "Vorgesetzte",
            "Buchhaltung",
            "Erstattungen über 50 Euro muss eine Vorgesetzte freigeben.",
        ),
        _ => (
            "De betaalpagina liep vast en u heeft twee keer 129 euro afgeschreven.",
            "het bestelnummer 4711",
            "Leidinggevende",
            "Facturatie",
            "Terugbetalingen boven 50 euro moet een leidinggevende goedkeuren.",
        ),
    };
    let mut all = vec![
        Why::Interrupted { cut: Some(s(line)) },
        Why::Interrupted { cut: None },
    ];
    all.extend(IMPATIENT.iter().map(|&m| Why::Impatient(m)));
    all.extend([
        Why::CourteousUnderPressure { rude: true },
        Why::CourteousUnderPressure { rude: false },
        Why::Apologised,
        Why::LeftUpset,
        Why::CustomerHungUp,
        Why::HungUpOnCustomer,
        Why::DeadAir { seconds: 16 },
        Why::NoListeningShown,
        Why::MissedFact { fact: s(fact) },
        Why::AskedAgain { fact: s(fact) },
        Why::GoodQuestion { fact: s(fact) },
        Why::ShowedUnderstanding { fact: s(fact) },
        Why::NameEarly,
        Why::NameLate,
        Why::NameNever,
        Why::NameAgain,
        Why::NameOveruse,
        Why::WrongName,
        Why::EscalationRight { target: s(target) },
        Why::EscalationEarly {
            target: s(target),
            missing: vec![s(fact), s(fact)],
        },
        Why::EscalationWrongTarget {
            target: s(other),
            right: vec![s(target)],
        },
        Why::EscalationNotNeeded {
            target: s(target),
            why: s(why),
        },
        Why::EscalationMissing {
            right: vec![s(target), s(other)],
            why: s(why),
        },
        Why::Handover,
        Why::NoHandover,
        Why::OverPromise,
    ]);
    all
}

/// The match below must name every variant: a new `Why` fails to compile
/// here until this test (and the translations) know about it.
fn covered(why: &Why) -> bool {
    match why {
        Why::Interrupted { .. }
        | Why::Impatient(_)
        | Why::CourteousUnderPressure { .. }
        | Why::Apologised
        | Why::LeftUpset
        | Why::CustomerHungUp
        | Why::HungUpOnCustomer
        | Why::DeadAir { .. }
        | Why::NoListeningShown
        | Why::MissedFact { .. }
        | Why::AskedAgain { .. }
        | Why::GoodQuestion { .. }
        | Why::ShowedUnderstanding { .. }
        | Why::NameEarly
        | Why::NameLate
        | Why::NameNever
        | Why::NameAgain
        | Why::NameOveruse
        | Why::WrongName
        | Why::EscalationRight { .. }
        | Why::EscalationEarly { .. }
        | Why::EscalationWrongTarget { .. }
        | Why::EscalationNotNeeded { .. }
        | Why::EscalationMissing { .. }
        | Why::Handover
        | Why::NoHandover
        | Why::OverPromise => true,
        Why::Authored { .. } | Why::AuthoredCritical { .. } => false,
    }
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == word)
}

fn check_language(lang: &str, name: &str) -> Vec<(Why, String, String)> {
    let whys = every_why(lang);
    let rules: std::collections::BTreeSet<&str> = whys.iter().map(Why::rule).collect();
    assert_eq!(
        rules.len(),
        27,
        "{lang}: every built-in rule once (plus markers)"
    );
    let mut out = Vec::new();
    for why in whys {
        assert!(covered(&why));
        let (reason, tip) = words(&why, lang, name);
        let (en_reason, en_tip) = words(&why, "en", name);
        assert!(!reason.trim().is_empty(), "{lang} {why:?}: empty reason");
        assert!(!tip.trim().is_empty(), "{lang} {why:?}: empty tip");
        assert_ne!(reason, en_reason, "{lang} {why:?}: reason is English");
        assert_ne!(tip, en_tip, "{lang} {why:?}: tip is English");
        for text in [&reason, &tip] {
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{lang} {why:?}: placeholder left in {text:?}"
            );
            assert!(
                !text.contains("  "),
                "{lang} {why:?}: double space in {text:?}"
            );
            assert!(
                !text.contains('\\'),
                "{lang} {why:?}: stray backslash in {text:?}"
            );
        }
        out.push((why, reason, tip));
    }
    out
}

fn find<'a>(texts: &'a [(Why, String, String)], why: &Why) -> &'a (Why, String, String) {
    texts
        .iter()
        .find(|(w, _, _)| w == why)
        .expect("variant present")
}

#[test]
fn german_texts_are_complete_and_formal() {
    let texts = check_language("de", "Herr Keller");

    // The trainee is "Sie" (or "Ihnen", "Ihre") in every reason that says
    // what they did.
    for (why, reason, _) in &texts {
        if matches!(why, Why::CustomerHungUp) {
            continue;
        }
        let formal = ["Sie", "Ihnen", "Ihre"].iter().any(|w| has_word(reason, w));
        assert!(formal, "de {why:?}: no \"Sie\" in {reason:?}");
    }
    let sie = [
        Why::Interrupted { cut: None },
        Why::Apologised,
        Why::NameOveruse,
        Why::OverPromise,
        Why::Impatient(Marker::CalmDown),
    ];
    for why in &sie {
        let (reason, _) = words(why, "de", "Herr Keller");
        assert!(reason.starts_with("Sie haben "), "de {why:?}: {reason:?}");
    }
    for (why, _, tip) in &texts {
        assert!(
            !has_word(tip, "du") && !has_word(tip, "dein"),
            "de {why:?}: informal tip {tip:?}"
        );
    }

    // "Herr" declines in the accusative and dative ...
    let object = [
        Why::Interrupted {
            cut: Some(s("Die Zahlungsseite ist eingefroren.")),
        },
        Why::Impatient(Marker::Dismissive),
        Why::Impatient(Marker::Blaming),
        Why::Impatient(Marker::CalmDown),
        Why::Impatient(Marker::Rushing),
        Why::Impatient(Marker::Arguing),
        Why::Impatient(Marker::SalesPitch),
        Why::NameEarly,
        Why::NameLate,
        Why::NameNever,
        Why::DeadAir { seconds: 8 },
        Why::NoListeningShown,
    ];
    for why in &object {
        let (reason, _) = words(why, "de", "Herr Keller");
        assert!(reason.contains("Herrn Keller"), "de {why:?}: {reason:?}");
    }
    assert_eq!(
        words(&Why::Impatient(Marker::Dismissive), "de", "Herr Keller").0,
        "Sie haben Herrn Keller abgewimmelt."
    );
    // ... but stays nominative as the subject or after a colon,
    for why in [
        Why::CustomerHungUp,
        Why::LeftUpset,
        Why::WrongName,
        Why::Interrupted { cut: None },
    ] {
        let (reason, _) = words(&why, "de", "Herr Keller");
        assert!(
            reason.contains("Herr Keller") && !reason.contains("Herrn"),
            "de {why:?}: {reason:?}"
        );
    }
    // and "Frau" never changes.
    let (reason, _) = words(&Why::Impatient(Marker::Blaming), "de", "Frau Müller");
    assert_eq!(
        reason,
        "Sie haben Frau Müller die Schuld an dem Problem gegeben."
    );

    // Umlauts and ß, and German quotation marks around the cut line.
    let all: String = texts.iter().map(|(_, r, t)| format!("{r} {t}")).collect();
    for needle in ["ä", "ö", "ü", "Ä", "Ü", "ß"] {
        assert!(all.contains(needle), "de: no {needle} anywhere");
    }
    let (_, reason, _) = find(
        &texts,
        &Why::Interrupted {
            cut: Some(s(
                "Die Zahlungsseite ist eingefroren, und Sie haben 129 Euro zweimal abgebucht.",
            )),
        },
    );
    assert!(
        reason.contains("„Die Zahlungsseite") && reason.ends_with("abgebucht.“"),
        "{reason}"
    );

    // Lists use "und" / "oder".
    let (_, reason, _) = find(
        &texts,
        &Why::EscalationMissing {
            right: vec![s("Vorgesetzte"), s("Buchhaltung")],
            why: s("Erstattungen über 50 Euro muss eine Vorgesetzte freigeben."),
        },
    );
    assert!(reason.contains("Vorgesetzte oder Buchhaltung"), "{reason}");
    let (_, reason, _) = find(
        &texts,
        &Why::EscalationEarly {
            target: s("Vorgesetzte"),
            missing: vec![s("die Bestellnummer 4711"), s("die Bestellnummer 4711")],
        },
    );
    assert!(reason.contains("4711 und die"), "{reason}");
}

#[test]
fn dutch_texts_are_complete_and_formal() {
    let texts = check_language("nl", "meneer De Vries");

    // The trainee is "u" in every reason that says what they did.
    for (why, reason, _) in &texts {
        if matches!(why, Why::CustomerHungUp) {
            continue;
        }
        let formal = has_word(reason, "u")
            || has_word(reason, "U")
            || has_word(reason, "uw")
            || has_word(reason, "Uw");
        assert!(formal, "nl {why:?}: no \"u\" in {reason:?}");
    }
    for (why, reason, tip) in &texts {
        for text in [reason, tip] {
            for informal in ["je", "jij", "jou", "jouw", "Je", "Jij", "Jouw"] {
                assert!(
                    !has_word(text, informal),
                    "nl {why:?}: informal {informal:?} in {text:?}"
                );
            }
            // A sentence never starts with a lowercase form of address.
            assert!(
                !text.starts_with("meneer") && !text.starts_with("mevrouw"),
                "nl {why:?}: {text:?}"
            );
            assert!(
                !text.contains(". meneer") && !text.contains(". mevrouw"),
                "nl {why:?}: {text:?}"
            );
        }
    }

    assert_eq!(
        words(&Why::Interrupted { cut: None }, "nl", "meneer De Vries").0,
        "U begon te praten voordat meneer De Vries was uitgepraat."
    );
    assert_eq!(
        words(&Why::CustomerHungUp, "nl", "mevrouw Jansen").0,
        "Mevrouw Jansen heeft boos opgehangen."
    );
    let (reason, _) = words(
        &Why::CourteousUnderPressure { rude: true },
        "nl",
        "meneer De Vries",
    );
    assert!(reason.starts_with("Meneer De Vries "), "{reason}");
    let (reason, _) = words(&Why::Impatient(Marker::Blaming), "nl", "mevrouw Jansen");
    assert!(reason.contains("mevrouw Jansen"), "{reason}");
    let (reason, _) = words(&Why::LeftUpset, "nl", "meneer De Vries");
    assert!(reason.contains("beëindigd"), "{reason}");

    // Lists use "en" / "of".
    let (_, reason, _) = find(
        &texts,
        &Why::EscalationMissing {
            right: vec![s("Leidinggevende"), s("Facturatie")],
            why: s("Terugbetalingen boven 50 euro moet een leidinggevende goedkeuren."),
        },
    );
    assert!(reason.contains("Leidinggevende of Facturatie"), "{reason}");
    let (_, reason, _) = find(
        &texts,
        &Why::EscalationEarly {
            target: s("Leidinggevende"),
            missing: vec![s("het bestelnummer 4711"), s("het bestelnummer 4711")],
        },
    );
    assert!(reason.contains("4711 en het"), "{reason}");
}

#[test]
fn impatience_markers_all_have_their_own_text() {
    for (lang, name) in [("de", "Frau Müller"), ("nl", "mevrouw Jansen")] {
        let mut reasons = std::collections::BTreeSet::new();
        let mut tips = std::collections::BTreeSet::new();
        for m in IMPATIENT {
            let (reason, tip) = words(&Why::Impatient(m), lang, name);
            assert!(reason.contains(name), "{lang} {m:?}: {reason}");
            reasons.insert(reason);
            tips.insert(tip);
        }
        assert_eq!(
            reasons.len(),
            IMPATIENT.len(),
            "{lang}: two markers share a reason"
        );
        assert_eq!(
            tips.len(),
            IMPATIENT.len(),
            "{lang}: two markers share a tip"
        );
    }
}

#[test]
fn authored_words_pass_through_in_every_language() {
    let why = Why::Authored {
        reason: s("Eigener Grund."),
        tip: s("Eigener Tipp."),
    };
    for lang in ["de", "nl"] {
        assert_eq!(
            words(&why, lang, "Herr Keller"),
            (s("Eigener Grund."), s("Eigener Tipp."))
        );
    }
}
