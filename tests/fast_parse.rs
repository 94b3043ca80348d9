//! The fast reader (src/scenario/fast.rs) may give up on any file, but a
//! file it reads must be read exactly as RON reads it: same scenario, and
//! never a file RON refuses. Checked on every shipped scenario, the broken
//! corpus, hand-picked corner cases of the RON syntax, and random mutations
//! of valid files.

use std::path::Path;
use std::sync::LazyLock;

use headset::scenario::fast;
use headset::scenario::library::collect_files;
use headset::scenario::load::parse_with_ron;
use headset::scenario::model::Scenario;
use headset::scenario::synthetic::{call_text, scenario_text};
use proptest::prelude::*;
use proptest::sample::Index;

/// Fails when the fast reader accepts `text` but RON refuses it or reads
/// something else. Returns whether the fast reader accepted it.
fn agrees(text: &str) -> Result<bool, String> {
    let Some(quick) = fast::parse::<Scenario>(text) else {
        return Ok(false);
    };
    match parse_with_ron(text) {
        Ok(slow) if slow == quick => Ok(true),
        Ok(slow) => Err(format!(
            "read differently:\nfast {quick:?}\nron  {slow:?}\n--- text ---\n{text}"
        )),
        Err(e) => Err(format!(
            "fast reader accepted what RON refuses ({e}):\n{text}"
        )),
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

static SHIPPED: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let files = collect_files(&[root().join("scenarios")]).expect("scenarios/ is readable");
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("shipped files are UTF-8");
            (f.display().to_string(), text)
        })
        .collect()
});

#[test]
fn every_shipped_scenario_takes_the_fast_path_and_reads_as_ron_reads_it() {
    assert!(SHIPPED.len() >= 30, "found {} files", SHIPPED.len());
    for (name, text) in SHIPPED.iter() {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        assert_eq!(agrees(text), Ok(true), "{name}");
    }
}

#[test]
fn generated_scenarios_take_the_fast_path() {
    for n in [2, 10, 40] {
        assert_eq!(agrees(&scenario_text("gen", n, 8)), Ok(true));
        assert_eq!(agrees(&call_text("call", n, 8)), Ok(true));
    }
}

#[test]
fn the_broken_corpus_is_left_to_ron_or_read_as_ron_reads_it() {
    let files = collect_files(&[root().join("tests")]).expect("tests/ is readable");
    let mut checked = 0;
    for f in files {
        let Ok(bytes) = std::fs::read(&f) else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        if let Err(e) = agrees(text) {
            panic!("{}: {e}", f.display());
        }
        checked += 1;
    }
    assert!(checked > 60, "only {checked} files under tests/");
}

/// The smallest valid scenario, with `{reply}` standing for one reply's
/// fields and `{extra}` for more top-level fields.
const TEMPLATE: &str = r#"Scenario(
    id: "t", version: 1, language: "en", title: "T",
    channel: Phone, archetype: Calm,
    customer: (name: "Ann Lee", address_as: "Ms Lee"),
    start: "a",{extra}
    nodes: {
        "a": (
            customer: ["Hello?", (say: "It broke.", pause: 0.5)],
            replies: [({reply})],
        ),
    },
    endings: { "done": (kind: Resolved, say: "Bye.") },
)
"#;

/// The template with `reply` and `extra`, and a default escalation policy
/// unless `extra` brings its own.
fn with(reply: &str, extra: &str) -> String {
    let policy = if extra.contains("escalation") {
        ""
    } else {
        "\n    escalation: NotNeeded(why: \"x\"),"
    };
    TEMPLATE
        .replace("{reply}", reply)
        .replace("{extra}", &format!("{policy}{extra}"))
}

#[test]
fn corner_cases_of_the_syntax_agree_with_ron() {
    let replies = [
        r#"say: "Hi", next: "done""#,
        r#"say: "Hi", next: "done","#,
        r#"say: "Say \"hi\"\n\tthen \\ go", next: "done""#,
        r#"say: "Escapes RON knows but the fast reader does not: \u{e9} \'", next: "done""#,
        r#"say: r"raw", next: "done""#,
        r##"say: r#"raw"#, next: "done""##,
        r#"say: "multi
line", next: "done""#,
        r#"say: "Hi", next: "done", when: (anger_above: 007)"#,
        r#"say: "Hi", next: "done", when: (anger_above: +7)"#,
        r#"say: "Hi", next: "done", when: (anger_above: -0)"#,
        r#"say: "Hi", next: "done", when: (anger_above: 1_0)"#,
        r#"say: "Hi", next: "done", when: (anger_above: 0x10)"#,
        r#"say: "Hi", next: "done", when: (anger_above: 1.0)"#,
        r#"say: "Hi", next: "done", when: (anger_above: 99999999999)"#,
        r#"say: "Hi", next: "done", when: Some((anger_above: 5))"#,
        r#"say: "Hi", next: "done", when: None"#,
        r#"say: "Hi", next: "done", when: Condition(anger_above: 5)"#,
        r#"say: "Hi", next: "done", when: Some(Condition(anger_above: 5))"#,
        r#"say: "Hi", next: "done", when: Some ( (anger_above: 5) )"#,
        r#"say: "Hi", next: "done", asks: None"#,
        r#"say: "Hi", next: "done", marks: [Apologises, Handover]"#,
        r#"say: "Hi", next: "done", marks: [Apologises()]"#,
        r#"say: "Hi", next: "done", marks: [Apologises,]"#,
        r#"say: "Hi", next: "done", marks: [ Apologises , ]"#,
        r#"say: "Hi", next: "done", marks: [Marker::Apologises]"#,
        r#"say: "Hi", next: "done", // a comment
        "#,
        r#"say: "Hi", next: "done", /* a block comment */"#,
        r#"say: "Hi", next: "done", mood: (anger: -5, trust: 3)"#,
        r#"say: "Hi", next: "done", mood: MoodShift(anger: -5)"#,
        r#"say: "Hi", next: "done", mood: Mood(anger: -5)"#,
        r#"say: "Hi", next: "done", mood: (anger: -5.5)"#,
        r##"say: "Hi", r#next: "done""##,
        r#"say: "Hi", next: "done", next: "done""#,
        r#"say: "Hi", next: "done", nxt: "a""#,
        r#"say: "Hi""#,
        r#"say: 5, next: "done""#,
        r#"say: "Hi", next: "done",,"#,
        r#"say "Hi", next: "done""#,
    ];
    let extras = [
        "",
        "\n    difficulty: 3,",
        "\n    difficulty: 300,",
        "\n    difficulty: 3.0,",
        "\n    difficulty: -3,",
        "\n    pass_mark: 1e2,",
        "\n    escalation: NotNeeded(why: \"x\"),",
        "\n    escalation: NotNeeded(),",
        "\n    escalation: NotNeeded,",
        "\n    escalation: Required(to: [\"boss\"]),",
        "\n    escalation: Required(to: [\"boss\"], after: [], why: \"x\",),",
        "\n    escalation: Required(to: [\"boss\"], bogus: 1),",
        "\n    escalation: Escalation::Required(to: [\"boss\"]),",
        "\n    targets: { \"boss\": \"The boss\", },",
        "\n    targets: { \"boss\": \"The boss\", \"boss\": \"Twice\" },",
        "\n    targets: {},",
        "\n    targets: { boss: \"The boss\" },",
        "\n    weights: (patience: 2),",
        "\n    weights: (),",
    ];
    let mut accepted = 0;
    for r in replies {
        for x in extras {
            let text = with(r, x);
            if agrees(&text).unwrap_or_else(|e| panic!("{e}")) {
                accepted += 1;
            }
            for variant in [
                text.replacen("Scenario(", "Scenario (", 1),
                text.replacen("Scenario(", "(", 1),
                text.replacen("Scenario(", "Scenaria(", 1),
                format!("#![enable(implicit_some)]\n{text}"),
                format!("{text}\n// trailing comment"),
                format!("{text}\n)"),
                text.replace("0.5", "1"),
                text.replace("0.5", "0.1"),
                text.replace("0.5", "5e-1"),
                text.replace("0.5", "-0.0"),
                text.replace("0.5", "1."),
                text.replace("0.5", ".5"),
                text.replace("Phone", "Phone()"),
                text.replace("\n", "\r\n"),
                text.replace("    ", "\t"),
            ] {
                agrees(&variant).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
    // The common forms must actually take the fast path.
    assert!(accepted >= 150, "fast path taken only {accepted} times");
}

static SEEDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut seeds: Vec<String> = SHIPPED.iter().map(|(_, t)| t.clone()).collect();
    for f in ["tests/fixtures/minimal.ron", "tests/fixtures/full.ron"] {
        seeds.push(std::fs::read_to_string(root().join(f)).expect("fixture"));
    }
    seeds
});

/// Pieces of syntax, so that mutations often change the structure.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "(", ")", "[", "]", "{", "}", "\"", ",", ":", "//", "/*", "\\", "\\n", "\\u{41}", "r#",
            "Some(", "None", "0", "-", ".", "e", "_", "x", "\n", " ", "Phone", "é",
        ])
        .prop_map(str::to_owned),
        any::<char>().prop_map(String::from),
    ]
}

/// Cuts `text` at the nearest character boundary at or before `i`.
fn boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn inserted_syntax_is_read_as_ron_reads_it(s in any::<Index>(), at in any::<Index>(), p in piece()) {
        let seed = &SEEDS[s.index(SEEDS.len())];
        let i = boundary(seed, at.index(seed.len() + 1));
        let text = format!("{}{p}{}", &seed[..i], &seed[i..]);
        prop_assert_eq!(agrees(&text).err(), None::<String>);
    }

    #[test]
    fn deleted_spans_are_read_as_ron_reads_them(s in any::<Index>(), at in any::<Index>(), len in 1usize..40) {
        let seed = &SEEDS[s.index(SEEDS.len())];
        let i = boundary(seed, at.index(seed.len()));
        let j = boundary(seed, i + len);
        let text = format!("{}{}", &seed[..i], &seed[j..]);
        prop_assert_eq!(agrees(&text).err(), None::<String>);
    }

    #[test]
    fn replaced_characters_are_read_as_ron_reads_them(s in any::<Index>(), at in any::<Index>(), p in piece()) {
        let seed = &SEEDS[s.index(SEEDS.len())];
        let i = boundary(seed, at.index(seed.len()));
        let j = seed[i..].chars().next().map_or(i, |c| i + c.len_utf8());
        let text = format!("{}{p}{}", &seed[..i], &seed[j..]);
        prop_assert_eq!(agrees(&text).err(), None::<String>);
    }
}
