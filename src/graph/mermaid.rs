//! The dialogue graph as a Mermaid flowchart (GitHub and many wikis draw it).

use std::fmt::Write as _;

use super::{Graph, Shape};
use crate::scenario::EndingKind;

/// The graph as a Mermaid document.
pub fn render(g: &Graph) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "---\ntitle: {}\n---", text(&g.title));
    out.push_str("flowchart TD\n");
    for b in &g.boxes {
        let label = text(&b.label);
        let shaped = match b.shape {
            Shape::Start | Shape::Turn => format!("[\"{label}\"]"),
            Shape::Ending(EndingKind::Resolved) => format!("([\"{label}\"])"),
            Shape::Ending(EndingKind::Escalated) | Shape::Transfer => format!("[[\"{label}\"]]"),
            Shape::Ending(EndingKind::Unresolved) => format!(">\"{label}\"]"),
            Shape::Ending(EndingKind::HungUp) => format!("{{{{\"{label}\"}}}}"),
        };
        let _ = writeln!(out, "    {}{shaped}", b.id);
    }
    let mut best_links = Vec::new();
    for (i, a) in g.arrows.iter().enumerate() {
        let label = text(&a.label);
        let arrow = if a.conditional {
            format!("-. \"{label}\" .->")
        } else {
            format!("-- \"{label}\" -->")
        };
        let _ = writeln!(out, "    {} {arrow} {}", a.from, a.to);
        if a.best {
            best_links.push(i.to_string());
        }
    }
    for b in g.boxes.iter().filter(|b| b.best) {
        let _ = writeln!(out, "    style {} stroke:#1f7a3f,stroke-width:3px", b.id);
    }
    if !best_links.is_empty() {
        let _ = writeln!(
            out,
            "    linkStyle {} stroke:#1f7a3f,stroke-width:3px",
            best_links.join(",")
        );
    }
    out
}

/// Label text safe inside Mermaid's quotes: quotes become #quot;, line breaks <br/>.
fn text(s: &str) -> String {
    s.replace('"', "#quot;").replace('\n', "<br/>")
}
