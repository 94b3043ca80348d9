//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

use headset::scenario::{Severity, load_file, validate};
use headset::score::{Report, score};
use headset::sim::{Compiled, Options, Session, script};

#[cfg(feature = "gui")]
pub mod game;

/// Loads a scenario that must be valid and compiles it.
pub fn compile(path: &str) -> Arc<Compiled> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = load_file(&root.join(path)).unwrap_or_else(|d| panic!("{}", d.render(false)));
    let errors: Vec<_> = validate(&loaded)
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{path} has errors: {errors:?}");
    Arc::new(Compiled::new(Arc::new(loaded.scenario)).expect("valid scenarios compile"))
}

/// Plays a SPEC and scores it.
pub fn play(c: &Arc<Compiled>, spec: &str, seed: u64) -> (Report, Session) {
    let mut s = Session::new(Arc::clone(c), seed, Options::default());
    let steps = script::parse(spec).expect("the SPEC parses");
    script::run(&mut s, &steps).unwrap_or_else(|e| panic!("{spec}: {e}"));
    (score(&s), s)
}

/// (turn, rule, points) of every moment, for compact golden assertions.
pub fn moments(r: &Report) -> Vec<(u32, &'static str, i32)> {
    r.moments
        .iter()
        .map(|m| (m.turn, m.rule, m.points))
        .collect()
}

/// The four skills as an array: patience, listening, name, escalation.
pub fn skills(r: &Report) -> [u8; 4] {
    [
        r.skills.patience,
        r.skills.listening,
        r.skills.name,
        r.skills.escalation,
    ]
}

/// Runs the real `headset` binary in the project folder, without colour.
pub fn headset(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_headset"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}
