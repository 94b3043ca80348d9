//! `headset graph`: the dialogue as a picture. Customer turns are boxes,
//! replies are labelled arrows (dashed when a mood or fact condition sends
//! the call elsewhere), endings are shaped by kind, and the explorer's best
//! path is drawn thick. Graphviz `dot` and Mermaid share one model.

pub mod dot;
pub mod mermaid;

use std::sync::Arc;

use crate::explore::{Settings, explore};
use crate::scenario::{Condition, EndingKind};
use crate::sim::compiled::Dest;
use crate::sim::script::{self, Step};
use crate::sim::{Compiled, Options, Session};

/// Longest label text before it is cut with an ellipsis.
const LABEL_CHARS: usize = 36;

/// A box in the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Box {
    /// Stable id for the output format (`n0`, `e2`, `t0`).
    pub id: String,
    pub label: String,
    pub shape: Shape,
    /// On the best path.
    pub best: bool,
}

/// What a box stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Turn,
    Start,
    Ending(EndingKind),
    /// A transfer through the target picker (only drawn when the best path uses one).
    Transfer,
}

/// An arrow: a reply or a branch of a reply.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    pub from: String,
    pub to: String,
    pub label: String,
    /// A branch taken only under a condition.
    pub conditional: bool,
    pub best: bool,
}

/// The dialogue graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    pub title: String,
    pub boxes: Vec<Box>,
    pub arrows: Vec<Arrow>,
}

/// The graph of a scenario with the explorer's best path marked.
pub fn build(c: &Arc<Compiled>) -> Graph {
    let e = explore(
        c,
        &Settings {
            strategies: false,
            ..Settings::default()
        },
    );
    let steps = e.best.as_ref().map(|b| b.steps.clone()).unwrap_or_default();
    build_with_path(c, &steps)
}

/// The graph with the path of `steps` marked.
pub fn build_with_path(c: &Arc<Compiled>, steps: &[Step]) -> Graph {
    let s = &c.scenario;
    let walked = walk(c, steps);
    let node_id = |i: usize| format!("n{i}");
    let ending_id = |i: usize| format!("e{i}");
    let dest_id = |d: Dest| match d {
        Dest::Node(i) => node_id(i),
        Dest::Ending(i) => ending_id(i),
    };
    let mut boxes = Vec::new();
    let mut arrows = Vec::new();
    for (i, id) in c.node_ids.iter().enumerate() {
        let def = &c.node_defs[i];
        let first = def.customer.first().map_or("", |l| l.say.as_str());
        boxes.push(Box {
            id: node_id(i),
            label: format!("{id}\n{}", cut(first)),
            shape: if i == c.start {
                Shape::Start
            } else {
                Shape::Turn
            },
            best: walked.nodes.contains(&i),
        });
        for (r, reply) in c.nodes[i].replies.iter().enumerate() {
            let text = &def.replies[r].say;
            let best = walked.replies.iter().any(|w| w.0 == i && w.1 == r);
            let escalates = reply
                .escalate
                .map(|t| format!(" → {}", c.target_ids[t]))
                .unwrap_or_default();
            arrows.push(Arrow {
                from: node_id(i),
                to: dest_id(reply.next),
                label: format!("{}: {}{escalates}", r + 1, cut(text)),
                conditional: false,
                best: best && walked.dests.contains(&(i, r, reply.next)),
            });
            for (b, (_, dest)) in reply.branches.iter().enumerate() {
                let when = &def.replies[r].branches[b].when;
                arrows.push(Arrow {
                    from: node_id(i),
                    to: dest_id(*dest),
                    label: format!("{} if {}", r + 1, condition_text(when)),
                    conditional: true,
                    best: best && walked.dests.contains(&(i, r, *dest)),
                });
            }
        }
    }
    for (i, id) in c.ending_ids.iter().enumerate() {
        boxes.push(Box {
            id: ending_id(i),
            label: format!("{id}\n{}", c.ending_kinds[i].key()),
            shape: Shape::Ending(c.ending_kinds[i]),
            best: walked.endings.contains(&i),
        });
    }
    if let Some((from, target)) = walked.transfer {
        boxes.push(Box {
            id: "t0".into(),
            label: format!("transfer\n{}", c.target_ids[target]),
            shape: Shape::Transfer,
            best: true,
        });
        arrows.push(Arrow {
            from: node_id(from),
            to: "t0".into(),
            label: format!("t:{}", c.target_ids[target]),
            conditional: false,
            best: true,
        });
    }
    Graph {
        title: format!("{} ({})", s.title, s.id),
        boxes,
        arrows,
    }
}

/// Where a path went.
#[derive(Default)]
struct Walked {
    nodes: Vec<usize>,
    endings: Vec<usize>,
    /// (node, reply) said.
    replies: Vec<(usize, usize)>,
    /// (node, reply, where it led).
    dests: Vec<(usize, usize, Dest)>,
    /// A transfer through the picker: (from node, target).
    transfer: Option<(usize, usize)>,
}

fn walk(c: &Arc<Compiled>, steps: &[Step]) -> Walked {
    let mut w = Walked::default();
    let mut session = Session::new(Arc::clone(c), 0, Options::default());
    w.nodes.push(session.node());
    for step in steps {
        let from = session.node();
        if script::apply(&mut session, step).is_err() {
            break;
        }
        match step {
            Step::Reply { n, .. } => {
                w.replies.push((from, n - 1));
                let dest = match session.end() {
                    Some(end) => match c.ending_ids.iter().position(|e| *e == end.ending) {
                        Some(e) => Dest::Ending(e),
                        None => break,
                    },
                    None => Dest::Node(session.node()),
                };
                match dest {
                    Dest::Node(n) => w.nodes.push(n),
                    Dest::Ending(e) => w.endings.push(e),
                }
                w.dests.push((from, n - 1, dest));
            }
            Step::Transfer { target, .. } => {
                w.transfer = c.target_index(target).map(|t| (from, t));
            }
            Step::Wait(_) | Step::HangUp { .. } => {}
        }
    }
    w
}

fn cut(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= LABEL_CHARS {
        text
    } else {
        let short: String = text.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", short.trim_end())
    }
}

fn condition_text(c: &Condition) -> String {
    let mut parts = Vec::new();
    let bounds = [
        ("anger", c.anger_above, c.anger_below),
        ("trust", c.trust_above, c.trust_below),
        ("confusion", c.confusion_above, c.confusion_below),
        ("distress", c.distress_above, c.distress_below),
    ];
    for (axis, above, below) in bounds {
        if let Some(a) = above {
            parts.push(format!("{axis} > {a}"));
        }
        if let Some(b) = below {
            parts.push(format!("{axis} < {b}"));
        }
    }
    for f in &c.heard {
        parts.push(format!("heard {f}"));
    }
    for f in &c.not_heard {
        parts.push(format!("not heard {f}"));
    }
    parts.join(", ")
}
