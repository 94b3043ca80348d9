//! Rubric v2's scenario fields are part of a translation's structure: a
//! reply critical in English is critical in German, and the skill floor and
//! a node's `agent_may_end` are the same in every language (E021).

use headset::scenario::Code;
use headset::scenario::library::{check_files, collect_files};

/// The English bereavement call and a German copy with one change.
fn mismatch(change: impl Fn(String) -> String) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "de"] {
        std::fs::create_dir_all(dir.path().join(lang)).unwrap();
        let text =
            std::fs::read_to_string(root.join(format!("scenarios/{lang}/bereavement-account.ron")))
                .unwrap();
        let text = if lang == "de" { change(text) } else { text };
        std::fs::write(dir.path().join(lang).join("bereavement-account.ron"), text).unwrap();
    }
    let files = collect_files(&[dir.path().to_path_buf()]).unwrap();
    check_files(&files)
        .diagnostics
        .into_iter()
        .filter(|d| d.code == Code::TranslationMismatch)
        .map(|d| d.message)
        .collect()
}

#[test]
fn the_shipped_translations_agree() {
    assert_eq!(mismatch(|t| t), Vec::<String>::new());
}

#[test]
fn a_reply_critical_in_one_language_only_is_a_mismatch() {
    let found = mismatch(|t| {
        let at = t
            .find("critical: (skill: Patience")
            .expect("a critical reply");
        let end = at + t[at..].find("\"),").expect("its end") + 3;
        format!("{}{}", &t[..at], &t[end..])
    });
    assert!(found.iter().any(|m| m.contains("critical")), "{found:?}");
}

#[test]
fn the_skill_floor_is_the_same_in_every_language() {
    let found = mismatch(|t| t.replacen("    start:", "    skill_floor: 60,\n    start:", 1));
    assert!(found.iter().any(|m| m.contains("skill_floor")), "{found:?}");
}
