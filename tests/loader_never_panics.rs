//! The loader and validator never panic, whatever the bytes: valid scenarios
//! (the fixtures and the shipped scenarios) are mutated at random, and every
//! result must be a scenario or a diagnostic, with any line and column inside
//! the file.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use headset::scenario::library::collect_files;
use headset::scenario::{Diagnostic, load_bytes, validate, validate_library};
use proptest::prelude::*;
use proptest::sample::Index;

/// Mutations per kind; keeps the whole file at a few seconds in debug.
const CASES: u32 = 512;

/// The valid texts to mutate.
static SEEDS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        root.join("tests/fixtures/minimal.ron"),
        root.join("tests/fixtures/full.ron"),
    ];
    let scenarios = root.join("scenarios");
    if scenarios.is_dir() {
        files.extend(collect_files(&[scenarios]).expect("scenarios/ is readable"));
    }
    files
        .iter()
        .map(|f| std::fs::read(f).expect("seed file is readable"))
        .collect()
});

fn seed(i: Index) -> Vec<u8> {
    SEEDS[i.index(SEEDS.len())].clone()
}

/// Bytes that matter to RON, mixed with arbitrary ones, so that insertions
/// often change the structure rather than only the text.
fn some_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        any::<u8>(),
        prop::sample::select(b"()[]{}\",:#/*\\r\n 0-.\xEF\xBB\xBF".to_vec())
    ]
}

/// Whether a diagnostic's position, if any, is inside `bytes`: an existing
/// line (counting from 1, without a byte-order mark), and a column from 1 to
/// one past the line's last character.
fn position_inside(d: &Diagnostic, bytes: &[u8]) -> Result<(), String> {
    let (Some(line), Some(column)) = (d.line, d.column) else {
        return match (d.line, d.column) {
            (None, None) => Ok(()),
            _ => Err(format!("half a position: {d:?}")),
        };
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    let Some(l) = line.checked_sub(1).and_then(|i| lines.get(i)) else {
        return Err(format!("line {line} of {}: {d:?}", lines.len()));
    };
    let width = l.chars().count();
    if column == 0 || column > width + 1 {
        return Err(format!(
            "column {column} on a line of {width} characters: {d:?}"
        ));
    }
    Ok(())
}

/// Loads and validates `bytes`; every diagnostic must point inside the file.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let path = PathBuf::from("mutated/en/x.ron");
    let diags = match load_bytes(&path, bytes) {
        Ok(loaded) => {
            let mut diags = validate(&loaded);
            diags.extend(validate_library(std::slice::from_ref(&loaded)));
            diags
        }
        Err(d) => vec![d],
    };
    for d in &diags {
        prop_assert!(!d.message.is_empty(), "empty message: {d:?}");
        if let Err(e) = position_inside(d, bytes) {
            return Err(TestCaseError::fail(e));
        }
    }
    Ok(())
}

#[test]
fn the_seeds_are_valid() {
    assert!(SEEDS.len() >= 2);
    for bytes in SEEDS.iter() {
        let loaded = load_bytes(Path::new("seed.ron"), bytes).expect("a seed loads");
        let errors: Vec<_> = validate(&loaded)
            .into_iter()
            .filter(|d| d.severity() == headset::scenario::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "a seed has errors: {errors:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn byte_flips(s in any::<Index>(), flips in prop::collection::vec((any::<Index>(), 1..=255u8), 1..8)) {
        let mut bytes = seed(s);
        for (at, mask) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        check(&bytes)?;
    }

    #[test]
    fn truncation(s in any::<Index>(), at in any::<Index>()) {
        let mut bytes = seed(s);
        bytes.truncate(at.index(bytes.len() + 1));
        check(&bytes)?;
    }

    #[test]
    fn duplicated_range(s in any::<Index>(), at in any::<Index>(), len in 1..200usize) {
        let mut bytes = seed(s);
        let start = at.index(bytes.len());
        let end = (start + len).min(bytes.len());
        let copy = bytes[start..end].to_vec();
        bytes.splice(end..end, copy);
        check(&bytes)?;
    }

    #[test]
    fn deleted_range(s in any::<Index>(), at in any::<Index>(), len in 1..200usize) {
        let mut bytes = seed(s);
        let start = at.index(bytes.len());
        let end = (start + len).min(bytes.len());
        bytes.drain(start..end);
        check(&bytes)?;
    }

    #[test]
    fn inserted_bytes(s in any::<Index>(), at in any::<Index>(), new in prop::collection::vec(some_byte(), 1..16)) {
        let mut bytes = seed(s);
        let i = at.index(bytes.len() + 1);
        bytes.splice(i..i, new);
        check(&bytes)?;
    }
}
