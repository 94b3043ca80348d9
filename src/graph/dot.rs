//! The dialogue graph in Graphviz's dot language (`dot -Tsvg` draws it).

use std::fmt::Write as _;

use super::{Graph, Shape};
use crate::scenario::EndingKind;

/// The graph as a dot document.
pub fn render(g: &Graph) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph scenario {{");
    let _ = writeln!(out, "  label={};", quote(&g.title));
    let _ = writeln!(
        out,
        "  labelloc=t; rankdir=TB; nodesep=0.25; ranksep=0.45; fontname=\"Helvetica\";"
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded\"];"
    );
    let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];");
    for b in &g.boxes {
        let (shape, fill) = match b.shape {
            Shape::Start => ("box", "#dde8f5"),
            Shape::Turn => ("box", "#ffffff"),
            Shape::Ending(EndingKind::Resolved) => ("doubleoctagon", "#d7efdc"),
            Shape::Ending(EndingKind::Escalated) => ("house", "#e8e0f5"),
            Shape::Ending(EndingKind::Unresolved) => ("octagon", "#f5ecd7"),
            Shape::Ending(EndingKind::HungUp) => ("invtriangle", "#f5d7d7"),
            Shape::Transfer => ("cds", "#e8e0f5"),
        };
        let border = if b.best {
            ", color=\"#1f7a3f\", penwidth=3"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {} [label={}, shape={shape}, style=\"rounded,filled\", fillcolor=\"{fill}\"{border}];",
            b.id,
            quote(&b.label)
        );
    }
    for a in &g.arrows {
        let mut attrs = vec![format!("label={}", quote(&a.label))];
        if a.conditional {
            attrs.push("style=dashed".into());
        }
        if a.best {
            attrs.push("color=\"#1f7a3f\", penwidth=3, fontcolor=\"#1f7a3f\"".into());
        }
        let _ = writeln!(out, "  {} -> {} [{}];", a.from, a.to, attrs.join(", "));
    }
    out.push_str("}\n");
    out
}

/// A dot string literal.
fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for ch in s.chars() {
        match ch {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}
