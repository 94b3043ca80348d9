//! The shipped library covers what trainees need: every archetype at least
//! twice, every channel, every escalation policy, difficulties 1 to 3, and
//! each scenario in English, German and Dutch with 8 to 25 nodes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use headset::scenario::library::{check_files, collect_files};
use headset::scenario::{Archetype, Channel};

#[test]
fn the_library_covers_archetypes_channels_policies_and_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let report = check_files(&collect_files(&[root]).expect("scenarios folder"));
    assert_eq!(
        (report.errors(), report.warnings()),
        (0, 0),
        "{:?}",
        report.diagnostics
    );
    let en: Vec<_> = report
        .loaded
        .iter()
        .filter(|l| l.scenario.language == "en")
        .map(|l| &l.scenario)
        .collect();
    assert!(en.len() >= 10, "at least ten scenarios, found {}", en.len());
    for a in Archetype::ALL {
        let n = en.iter().filter(|s| s.archetype == a).count();
        assert!(n >= 2, "{a:?} appears {n} times");
    }
    for c in Channel::ALL {
        assert!(en.iter().any(|s| s.channel == c), "{c:?} missing");
    }
    let policies: BTreeSet<&str> = en.iter().map(|s| s.escalation.name()).collect();
    assert_eq!(
        policies,
        BTreeSet::from(["NotNeeded", "Optional", "Required"])
    );
    let difficulties: BTreeSet<u8> = en.iter().map(|s| s.difficulty).collect();
    assert_eq!(difficulties, BTreeSet::from([1, 2, 3]));
    let mut langs: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for l in &report.loaded {
        langs
            .entry(l.scenario.id.as_str())
            .or_default()
            .insert(l.scenario.language.as_str());
        let n = l.scenario.nodes.len();
        assert!((8..=25).contains(&n), "{}: {n} nodes", l.file.display());
    }
    for (id, set) in langs {
        assert_eq!(set, BTreeSet::from(["de", "en", "nl"]), "{id}");
    }
}
