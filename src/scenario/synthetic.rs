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

/// RON text of a call shaped like a real one, for the explorer's benchmark:
/// `nodes` turns in a row, each with a courteous, a questioning and an
/// impatient reply; the `facts` are revealed one per stretch of the call;
/// the name is offered at the start and at the end; impatience can skip a
/// turn once the customer is angry; the last turn can resolve or hand over.
pub fn call_text(id: &str, nodes: usize, facts: usize) -> String {
    let nodes = nodes.max(2);
    let facts = facts.clamp(1, 64).min(nodes);
    let mut s = String::with_capacity(nodes * 700);
    let _ = write!(
        s,
        "Scenario(\n    id: \"{id}\", version: 1, language: \"en\",\n    title: \"Generated call {id}\",\n    \
         channel: Phone, archetype: Angry, difficulty: 2,\n    \
         customer: (name: \"Jonas Keller\", address_as: \"Mr Keller\", mood: (anger: 40), hangs_up_at: 95),\n    \
         facts: {{\n"
    );
    for f in 0..facts {
        let _ = writeln!(s, "        \"f{f}\": \"detail number {f}\",");
    }
    s.push_str("    },\n    targets: { \"supervisor\": \"Supervisor\" },\n");
    let _ = writeln!(
        s,
        "    escalation: Optional(to: [\"supervisor\"], after: [\"f{}\"], why: \"Only a supervisor can refund.\"),",
        facts - 1
    );
    s.push_str("    start: \"n0\",\n    nodes: {\n");
    // The stretch of the call node n belongs to, and whether it starts it.
    let stretch = |n: usize| n * facts / nodes;
    for n in 0..nodes {
        let k = stretch(n);
        let opens = n == 0 || stretch(n - 1) != k;
        let last = n + 1 == nodes;
        let next = |step: usize| {
            if n + step < nodes {
                format!("n{}", n + step)
            } else {
                "done".to_owned()
            }
        };
        let second = if opens {
            format!(
                "(say: \"And here is what you need to know about it.\", reveals: [\"f{k}\"], pause: 0.5)"
            )
        } else {
            "\"I hope you are listening.\"".to_owned()
        };
        let name = if n == 0 || last { ", {name}" } else { "" };
        let needs = if opens {
            format!("needs: [\"f{k}\"], ")
        } else {
            String::new()
        };
        let asks = if opens {
            format!("asks: \"f{k}\", ")
        } else {
            String::new()
        };
        let handover = if last {
            "\n                (say: \"I will pass you to my supervisor with everything you told me.\", escalate: \"supervisor\", marks: [Handover], next: \"handed\"),"
        } else {
            ""
        };
        let _ = write!(
            s,
            "        \"n{n}\": (\n            customer: [\n                \"There is a problem with my order.\",\n                {second},\n            ],\n            \
             replies: [\n                \
             (say: \"I understand{name}. Let me look into that.\", {needs}mood: (anger: -5), next: \"{a}\"),\n                \
             (say: \"Could you tell me more about that?\", {asks}next: \"{a}\"),\n                \
             (say: \"Let us move on.\", marks: [Rushing], mood: (anger: 10), branches: [(when: (anger_above: 80), go: \"{b}\")], next: \"{a}\"),{handover}\n            \
             ],\n        ),\n",
            a = next(1),
            b = next(2),
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

    #[test]
    fn generated_calls_have_no_errors() {
        for nodes in [2, 50, 200] {
            let text = call_text("gen", nodes, 8);
            let l = load_bytes(std::path::Path::new("gen.ron"), text.as_bytes()).expect("parses");
            let errors: Vec<_> = validate(&l)
                .into_iter()
                .filter(|d| d.severity() == crate::scenario::Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{errors:?}");
            assert_eq!(l.scenario.nodes.len(), nodes);
        }
    }
}
