//! Synthetic scenarios of any size, for benchmarks and stress tests.
//!
//! The output is valid RON that passes the validator with no errors: a
//! forward-only graph where each node's replies lead one or two nodes on,
//! facts are revealed along the way, and the last nodes lead to endings.

use std::fmt::Write;

/// RON text of a valid scenario with `nodes` nodes and `facts` facts (at most 64).
pub fn scenario_text(id: &str, nodes: usize, facts: usize) -> String {
    let nodes = nodes.max(2);
    let facts = facts.clamp(1, 64);
    let mut s = String::with_capacity(nodes * 900);
    let _ = write!(
        s,
        "Scenario(\n    id: \"{id}\", version: 1, language: \"en\",\n    title: \"Synthetic call {id}\",\n    \
         channel: Phone, archetype: Angry, difficulty: 2,\n    \
         customer: (name: \"Jonas Keller\", address_as: \"Mr Keller\", name_pool: [(name: \"Sarah Whitfield\", address_as: \"Ms Whitfield\")]),\n    facts: {{\n"
    );
    for f in 0..facts {
        let _ = writeln!(s, "        \"f{f}\": \"detail number {f}\",");
    }
    s.push_str(
        "    },\n    targets: { \"supervisor\": \"Supervisor\", \"billing\": \"Billing\" },\n",
    );
    s.push_str("    escalation: Required(to: [\"supervisor\"], after: [\"f0\"], why: \"Refunds need a supervisor.\"),\n");
    s.push_str("    start: \"n0\",\n    nodes: {\n");
    for n in 0..nodes {
        let fact = n % facts;
        let last = n + 1 == nodes;
        let dest = |k: usize| {
            if n + k < nodes {
                format!("n{}", n + k)
            } else {
                "done".to_owned()
            }
        };
        let _ = write!(
            s,
            "        \"n{n}\": (\n            customer: [\n                \"I have been waiting for this for a long time, you know.\",\n                \
             (say: \"And there is one more thing you should know about it.\", reveals: [\"f{fact}\"], pause: 0.5),\n            ],\n            \
             replies: [\n                \
             (say: \"I understand, {{name}}. Let me look into detail {fact} for you.\", needs: [\"f{fact}\"], mood: (anger: -5), next: \"{a}\"),\n                \
             {question}\n                \
             (say: \"Please calm down.\", marks: [CalmDown], mood: (anger: 10), branches: [(when: (anger_above: 90), go: \"{b}\")], next: \"{a}\"),\n                \
             (say: \"I will hand you to my supervisor with everything you told me.\", escalate: \"supervisor\", marks: [Handover], next: \"handed\"),\n            \
             ],\n        ),\n",
            a = dest(1),
            b = dest(2),
            // The question is answered by the next node's second line.
            question = if last {
                "(say: \"Is there anything else I should know?\", next: \"done\"),".to_owned()
            } else {
                format!(
                    "(say: \"Could you tell me more about that?\", asks: \"f{}\", next: \"{}\"),",
                    (n + 1) % facts,
                    dest(1)
                )
            },
        );
    }
    s.push_str("    },\n    endings: {\n        \"done\": (kind: Resolved, say: \"Thank you.\"),\n        \"handed\": (kind: Escalated, say: \"Fine.\"),\n        \"gone\": (kind: HungUp, say: \"Goodbye!\"),\n    },\n)\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{load_bytes, validate};

    #[test]
    fn generated_scenarios_are_valid() {
        for (nodes, facts) in [(2, 1), (40, 8), (200, 8)] {
            let text = scenario_text("gen", nodes, facts);
            let l = load_bytes(std::path::Path::new("gen.ron"), text.as_bytes()).expect("parses");
            let diags = validate(&l);
            assert!(diags.is_empty(), "no errors and no warnings: {diags:?}");
            assert_eq!(l.scenario.nodes.len(), nodes);
        }
    }
}
