//! The validator: every check on a scenario that does not need to run the
//! conversation engine. Trainers run it through `headset validate`; CI runs
//! it on every shipped scenario.

pub(crate) mod graph;
mod refs;
mod texts;
mod translation;
mod values;

use std::collections::BTreeMap;

use super::diagnostic::{Code, Diagnostic};
use super::load::Loaded;
use super::locate::path;
use super::model::{Reply, Scenario};

pub use graph::{hang_up_ending, reachable};
pub use translation::graph_differences;

/// Collects diagnostics for one loaded file.
pub(crate) struct Ctx<'a> {
    pub l: &'a Loaded,
    pub s: &'a Scenario,
    pub out: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    fn new(l: &'a Loaded) -> Self {
        Ctx {
            l,
            s: &l.scenario,
            out: Vec::new(),
        }
    }

    /// Reports at the value at `at`.
    pub fn report(&mut self, code: Code, at: &str, message: String, hint: impl Into<String>) {
        let d = self.l.diag_at(code, at, message, hint.into());
        self.out.push(d);
    }

    /// Reports at the key or field name at `at`.
    pub fn report_key(&mut self, code: Code, at: &str, message: String, hint: impl Into<String>) {
        let d = self.l.diag_at_key(code, at, message, hint.into());
        self.out.push(d);
    }
}

/// Path of a node.
pub(crate) fn node_path(id: &str) -> String {
    path::key("nodes", id)
}

/// Path of a reply.
pub(crate) fn reply_path(node: &str, i: usize) -> String {
    path::index(&path::field(&node_path(node), "replies"), i)
}

/// Where a reply can lead, with the path of each destination.
pub(crate) fn destinations<'r>(reply_at: &str, reply: &'r Reply) -> Vec<(String, &'r str)> {
    let mut out = vec![(path::field(reply_at, "next"), reply.next.as_str())];
    for (i, b) in reply.branches.iter().enumerate() {
        let at = path::field(&path::index(&path::field(reply_at, "branches"), i), "go");
        out.push((at, b.go.as_str()));
    }
    out
}

/// Validates one file on its own. Diagnostics come sorted by position.
pub fn validate(loaded: &Loaded) -> Vec<Diagnostic> {
    let mut ctx = Ctx::new(loaded);
    values::check(&mut ctx);
    refs::check(&mut ctx);
    texts::check(&mut ctx);
    graph::check(&mut ctx);
    let mut out = ctx.out;
    sort(&mut out);
    out
}

/// Checks across files: one id per language, and translations that share
/// the graph of the original (English where present).
pub fn validate_library(files: &[Loaded]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut by_id: BTreeMap<&str, Vec<&Loaded>> = BTreeMap::new();
    for l in files {
        by_id.entry(l.scenario.id.as_str()).or_default().push(l);
    }
    for group in by_id.values() {
        let mut seen: BTreeMap<&str, &Loaded> = BTreeMap::new();
        for l in group {
            if let Some(first) = seen.get(l.scenario.language.as_str()) {
                out.push(l.diag_at(
                    Code::DuplicateId,
                    "id",
                    format!(
                        "scenario id \"{}\" in language \"{}\" is also used by {}",
                        l.scenario.id,
                        l.scenario.language,
                        first.file.display()
                    ),
                    "give each scenario its own id; translations share an id but differ in language".into(),
                ));
            } else {
                seen.insert(l.scenario.language.as_str(), l);
            }
        }
        let original = seen.get("en").or_else(|| seen.values().next()).copied();
        if let Some(original) = original {
            for l in seen.values() {
                if std::ptr::eq(*l, original) {
                    continue;
                }
                out.extend(translation::check(original, l));
            }
        }
    }
    sort(&mut out);
    out
}

fn sort(out: &mut [Diagnostic]) {
    out.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code).cmp(&(&b.file, b.line, b.column, b.code))
    });
}
