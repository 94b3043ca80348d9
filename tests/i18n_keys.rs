//! The interface strings in `assets/i18n/*.ftl` stay in step: English, German
//! and Dutch have the same keys in the same order, no empty values, the same
//! `{ $variables }`, and German and Dutch are really translated.
//!
//! A message is a line `key = value` that starts at column 0 and is not a
//! comment; this is all the files use (no multi-line values, no attributes).

use std::collections::BTreeSet;
use std::path::Path;

const LANGS: [&str; 2] = ["de", "nl"];

/// The `(key, value, line number)` messages of one file, in file order.
fn messages(lang: &str) -> Vec<(String, String, usize)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/i18n/{lang}.ftl"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') || line.starts_with(char::is_whitespace) {
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("{lang}.ftl:{}: not `key = value`: {line:?}", i + 1));
        let key = key.trim();
        assert!(
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{lang}.ftl:{}: bad key {key:?}",
            i + 1
        );
        out.push((key.to_owned(), value.trim().to_owned(), i + 1));
    }
    assert!(!out.is_empty(), "{lang}.ftl has no messages");
    out
}

/// The variable names (`$name` without the `$`) used in placeables of `value`.
fn variables(value: &str) -> BTreeSet<String> {
    let mut vars = BTreeSet::new();
    let mut rest = value;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(after.len());
        let inner = &after[..close];
        let mut parts = inner.split('$');
        parts.next();
        for part in parts {
            let name: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if !name.is_empty() {
                vars.insert(name);
            }
        }
        rest = &after[close.min(after.len())..];
    }
    vars
}

#[test]
fn variables_are_found() {
    let v = variables("Overall { $score } / 100 (pass mark {$mark})");
    assert_eq!(v.into_iter().collect::<Vec<_>>(), ["mark", "score"]);
    assert!(variables("No variables here").is_empty());
}

#[test]
fn same_keys_in_the_same_order() {
    let en: Vec<String> = messages("en").into_iter().map(|(k, _, _)| k).collect();
    let unique: BTreeSet<&String> = en.iter().collect();
    assert_eq!(unique.len(), en.len(), "en.ftl has a key twice");
    for lang in LANGS {
        let other: Vec<String> = messages(lang).into_iter().map(|(k, _, _)| k).collect();
        for (i, (a, b)) in en.iter().zip(&other).enumerate() {
            assert_eq!(
                a,
                b,
                "message {} differs: en.ftl has {a:?}, {lang}.ftl has {b:?}",
                i + 1
            );
        }
        assert_eq!(
            en.len(),
            other.len(),
            "en.ftl and {lang}.ftl have different numbers of keys"
        );
    }
}

#[test]
fn no_value_is_empty() {
    for lang in ["en", "de", "nl"] {
        for (key, value, line) in messages(lang) {
            assert!(!value.is_empty(), "{lang}.ftl:{line}: {key} is empty");
        }
    }
}

#[test]
fn translations_keep_the_variables() {
    let en = messages("en");
    for lang in LANGS {
        let other = messages(lang);
        for ((key, en_value, _), (_, value, line)) in en.iter().zip(&other) {
            let want = variables(en_value);
            let have = variables(value);
            for var in &want {
                assert!(
                    have.contains(var),
                    "{lang}.ftl:{line}: {key} lacks {{ ${var} }}: {value:?}"
                );
            }
            if let Some(var) = have.difference(&want).next() {
                panic!(
                    "{lang}.ftl:{line}: {key} uses {{ ${var} }}, which English does not: {value:?}"
                );
            }
        }
    }
}

#[test]
fn most_values_are_translated() {
    let en = messages("en");
    for lang in LANGS {
        let other = messages(lang);
        let differ = en
            .iter()
            .zip(&other)
            .filter(|((_, a, _), (_, b, _))| a != b)
            .count();
        assert!(
            differ * 5 >= en.len() * 4,
            "{lang}.ftl: only {differ} of {} values differ from English (need at least 80 %)",
            en.len()
        );
    }
}
