//! `headset graph`: the Mermaid output of the minimal scenario matches its
//! golden file, and the dot output of every shipped scenario draws every
//! turn and ending and marks the best path. (scripts/test.sh also feeds
//! every dot output to Graphviz's `dot`, which must accept it.)

mod common;

fn graph(file: &str, format: &str) -> String {
    let out = common::headset(&["graph", file, "--format", format]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn mermaid_matches_the_golden_file() {
    let golden = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/minimal.mmd"),
    )
    .unwrap();
    assert_eq!(graph("tests/fixtures/minimal.ron", "mermaid"), golden);
}

#[test]
fn dot_draws_every_turn_and_ending_and_the_best_path() {
    for lang in ["en", "de", "nl"] {
        for name in ["warranty-kettle", "insurance-legal", "double-charge"] {
            let file = format!("scenarios/{lang}/{name}.ron");
            let c = common::compile(&file);
            let dot = graph(&file, "dot");
            assert!(dot.starts_with("digraph scenario {") && dot.ends_with("}\n"));
            for (i, id) in c.node_ids.iter().enumerate() {
                assert!(
                    dot.contains(&format!("  n{i} [label=\"{id}\\n")),
                    "{file}: {id}"
                );
            }
            for (i, id) in c.ending_ids.iter().enumerate() {
                assert!(
                    dot.contains(&format!("  e{i} [label=\"{id}\\n")),
                    "{file}: {id}"
                );
            }
            // The best path starts at the start turn and is drawn thick.
            assert!(dot.contains(&format!("  n{} -> ", c.start)));
            let thick = dot
                .lines()
                .filter(|l| l.contains(" -> ") && l.contains("penwidth=3"))
                .count();
            assert!(thick >= 1, "{file}: no best path drawn");
        }
    }
}
