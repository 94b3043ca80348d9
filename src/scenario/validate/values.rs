//! Single values: ranges, languages, ids, portraits, duplicate keys, empty text.

use std::path::{Component, Path};

use super::{Ctx, node_path, reply_path};
use crate::scenario::diagnostic::Code;
use crate::scenario::locate::path;
use crate::scenario::mood::{Axis, Condition, MoodShift};

/// The languages Headset ships.
pub const LANGUAGES: &[&str] = &["en", "de", "nl"];

pub(super) fn check(c: &mut Ctx) {
    identity(c);
    customer(c);
    scoring(c);
    ids(c);
    nodes(c);
}

fn identity(c: &mut Ctx) {
    let s = c.s;
    if !LANGUAGES.contains(&s.language.as_str()) {
        c.report(
            Code::UnknownLanguage,
            "language",
            format!("unknown language \"{}\"", s.language),
            crate::scenario::diagnostic::suggest_hint(&s.language, LANGUAGES, "languages"),
        );
    }
    if !is_id(&s.id) {
        c.report(
            Code::InvalidId,
            "id",
            format!("the scenario id \"{}\" is not a valid id", s.id),
            "use lower-case letters, digits and hyphens, e.g. \"double-charge\"",
        );
    }
    if s.version == 0 {
        c.report(
            Code::OutOfRange,
            "version",
            "version must be 1 or more".into(),
            "start at version: 1",
        );
    }
    if !(1..=3).contains(&s.difficulty) {
        c.report(
            Code::OutOfRange,
            "difficulty",
            format!("difficulty {} is outside 1 to 3", s.difficulty),
            "use 1 (easy), 2 (medium) or 3 (hard)",
        );
    }
    if s.title.trim().is_empty() {
        c.report(
            Code::EmptyText,
            "title",
            "the title is empty".into(),
            "give the scenario a short title",
        );
    }
    let folder =
        c.l.file
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str());
    if let Some(folder) = folder
        && LANGUAGES.contains(&folder)
        && folder != s.language
    {
        c.report(
            Code::LanguageFolderMismatch,
            "language",
            format!(
                "the file is in the \"{folder}\" folder but says language: \"{}\"",
                s.language
            ),
            format!(
                "move the file to scenarios/{}/ or correct the language",
                s.language
            ),
        );
    }
}

fn customer(c: &mut Ctx) {
    let cu = &c.s.customer;
    for axis in Axis::ALL {
        if let Some(v) = cu.mood.get(axis)
            && !(0..=100).contains(&v)
        {
            c.report(
                Code::OutOfRange,
                &format!("customer.mood.{}", axis.key()),
                format!("starting {} {v} is outside 0 to 100", axis.key()),
                "mood axes run from 0 (none) to 100 (extreme)",
            );
        }
    }
    if !(1..=100).contains(&cu.hangs_up_at) {
        c.report(
            Code::OutOfRange,
            "customer.hangs_up_at",
            format!("hangs_up_at {} is outside 1 to 100", cu.hangs_up_at),
            "100 means the customer hangs up only at maximum anger",
        );
    }
    if cu.name.trim().is_empty() || cu.address_as.trim().is_empty() {
        c.report(
            Code::EmptyText,
            "customer",
            "the customer's name or form of address is empty".into(),
            "write name: \"Jonas Keller\", address_as: \"Mr Keller\"",
        );
    }
    if let Some(portrait) = &cu.portrait {
        let p = Path::new(portrait);
        let escapes = p.is_absolute()
            || p.components()
                .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
            || leaves_folder(p);
        if escapes {
            c.report(
                Code::PortraitOutsideFolder,
                "customer.portrait",
                format!("the portrait \"{portrait}\" points outside the scenario's folder"),
                "put the image next to the scenario (or in a subfolder) and give a relative path such as \"portraits/keller.png\"",
            );
        } else if let Some(dir) = c.l.file.parent()
            && !dir.join(p).is_file()
        {
            c.report(
                Code::PortraitMissing,
                "customer.portrait",
                format!("the portrait \"{portrait}\" does not exist next to the scenario"),
                "check the file name, or leave portrait out to use the drawn face",
            );
        }
    }
}

/// True when `..` components climb above the starting folder.
fn leaves_folder(p: &Path) -> bool {
    let mut depth: i32 = 0;
    for comp in p.components() {
        match comp {
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            _ => {}
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

fn scoring(c: &mut Ctx) {
    if c.s.facts.len() > crate::scenario::limits::MAX_FACTS {
        c.report(
            Code::OutOfRange,
            "facts",
            format!(
                "{} facts are declared; at most {} are supported",
                c.s.facts.len(),
                crate::scenario::limits::MAX_FACTS
            ),
            "merge facts that are always revealed together, or split the scenario",
        );
    }
    // Scores run from 0 to 100, and so do the marks a score is held to.
    for (field, value, hint) in [
        (
            "pass_mark",
            c.s.pass_mark,
            "the overall score runs from 0 to 100; 70 is the default",
        ),
        (
            "skill_floor",
            c.s.skill_floor,
            "a skill runs from 0 to 100; 50 is the default",
        ),
    ] {
        if value > 100 {
            c.report(
                Code::OutOfRange,
                field,
                format!("{field} {value} is above 100"),
                hint,
            );
        }
    }
    let w = c.s.weights;
    if w.patience + w.listening + w.name + w.escalation == 0 {
        c.report(
            Code::OutOfRange,
            "weights",
            "all four weights are 0".into(),
            "give at least one skill a weight above 0 (the default is 1 each)",
        );
    }
}

/// Ids must be safe to type on the command line (`t:supervisor`) and stable.
pub(crate) fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn ids(c: &mut Ctx) {
    let s = c.s;
    let groups: [(&str, Vec<&String>); 4] = [
        ("nodes", s.nodes.keys().collect()),
        ("endings", s.endings.keys().collect()),
        ("facts", s.facts.keys().collect()),
        ("targets", s.targets.keys().collect()),
    ];
    for (map, keys) in groups {
        for k in keys {
            if !is_id(k) {
                c.report_key(
                    Code::InvalidId,
                    &path::key(map, k),
                    format!("\"{k}\" is not a valid id in {map}"),
                    "use letters, digits, hyphens and underscores only, e.g. \"check_order\"",
                );
            }
        }
    }
    for id in s.nodes.keys() {
        if s.endings.contains_key(id) {
            c.report_key(
                Code::DuplicateId,
                &path::key("endings", id),
                format!("\"{id}\" is both a node and an ending"),
                "rename one of them so that next: can tell which is meant",
            );
        }
    }
}

/// `at` builds the path of the value holding `mood`, only when needed.
fn shift_in_range(c: &mut Ctx, at: impl Fn() -> String, shift: &MoodShift) {
    for axis in Axis::ALL {
        let v = shift.get(axis);
        if !(-100..=100).contains(&v) {
            c.report(
                Code::OutOfRange,
                &path::field(&path::field(&at(), "mood"), axis.key()),
                format!("a mood change of {v} is outside -100 to 100"),
                "mood axes run from 0 to 100, so a change beyond 100 has no meaning",
            );
        }
    }
}

fn nodes(c: &mut Ctx) {
    let s = c.s;
    // Paths are built only for values with a finding: a valid file builds none.
    for (id, node) in &s.nodes {
        let np = || node_path(id);
        for (i, line) in node.customer.iter().enumerate() {
            let lp = || path::index(&path::field(&np(), "customer"), i);
            if !line.pause.is_finite() || !(0.0..=60.0).contains(&line.pause) {
                c.report(
                    Code::OutOfRange,
                    &path::field(&lp(), "pause"),
                    format!("a pause of {} seconds is outside 0 to 60", line.pause),
                    "pauses are seconds of silence before the line, e.g. pause: 2.0",
                );
            }
            if line.say.trim().is_empty() {
                c.report(
                    Code::EmptyText,
                    &lp(),
                    "this customer line is empty".into(),
                    "write what the customer says, or remove the line",
                );
            }
        }
        if let Some(r) = &node.interrupted {
            shift_in_range(c, || path::field(&np(), "interrupted"), &r.mood);
        }
        for (i, reply) in node.replies.iter().enumerate() {
            let rp = || reply_path(id, i);
            shift_in_range(c, rp, &reply.mood);
            if reply.say.trim().is_empty() {
                c.report(
                    Code::EmptyText,
                    &path::field(&rp(), "say"),
                    "this reply is empty".into(),
                    "write what the agent says",
                );
            }
            for (m, moment) in reply.moments.iter().enumerate() {
                if (1..=100).contains(&moment.points) {
                    c.report(
                        Code::MomentGivesPoints,
                        &path::field(&path::index(&path::field(&rp(), "moments"), m), "points"),
                        format!("a moment can only take points away; this one gives {}", moment.points),
                        "credit is earned from what the agent does (asks:, needs:, the name) and Patience and Escalation start full; write the moment as a penalty on the replies that miss this, or remove it",
                    );
                }
                if !(-100..=100).contains(&moment.points) {
                    c.report(
                        Code::OutOfRange,
                        &path::field(&path::index(&path::field(&rp(), "moments"), m), "points"),
                        format!("{} points is outside -100 to 100", moment.points),
                        "a skill runs from 0 to 100; one moment cannot move it further",
                    );
                }
            }
            if let Some(w) = &reply.when {
                bounds_in_range(c, || path::field(&rp(), "when"), w);
            }
            for (b, br) in reply.branches.iter().enumerate() {
                bounds_in_range(
                    c,
                    || path::field(&path::index(&path::field(&rp(), "branches"), b), "when"),
                    &br.when,
                );
            }
        }
    }
    for (id, ending) in &s.endings {
        if ending.say.trim().is_empty() {
            c.report(
                Code::EmptyText,
                &path::field(&path::key("endings", id), "say"),
                format!("the closing line of ending \"{id}\" is empty"),
                "write what is said at the end",
            );
        }
    }
}

/// The mood bounds of a condition lie on the axes' scale; `at` builds the
/// condition's path only when one does not.
fn bounds_in_range(c: &mut Ctx, at: impl Fn() -> String, cond: &Condition) {
    for (axis, above, below) in cond.bounds() {
        for (suffix, v) in [("above", above), ("below", below)] {
            if let Some(v) = v
                && !(0..=100).contains(&v)
            {
                c.report(
                    Code::OutOfRange,
                    &path::field(&at(), &format!("{}_{suffix}", axis.key())),
                    format!("{}_{suffix}: {v} is outside 0 to 100", axis.key()),
                    "mood axes run from 0 to 100",
                );
            }
        }
    }
}
