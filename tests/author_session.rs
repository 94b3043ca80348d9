//! Author mode in the engine: jumping to a node and carrying a call over to
//! a changed scenario file.

mod common;

use std::sync::Arc;

use headset::scenario::load_bytes;
use headset::sim::{Compiled, Options, Session};

fn compile_text(text: &str) -> Arc<Compiled> {
    let l = load_bytes(std::path::Path::new("x.ron"), text.as_bytes()).expect("valid");
    Arc::new(Compiled::new(Arc::new(l.scenario)).expect("compiles"))
}

#[test]
fn jump_moves_to_the_node_and_keeps_mood_and_facts() {
    let c = common::compile("scenarios/en/warranty-kettle.ron");
    let mut s = Session::new(Arc::clone(&c), 0, Options::default());
    s.wait_until_finished();
    let (mood, heard) = (s.mood(), s.heard());
    let target = c.node_ids.iter().position(|n| n == "pushback").unwrap();
    s.jump(target);
    assert_eq!(s.node_id(), "pushback");
    assert_eq!((s.mood(), s.heard()), (mood, heard));
    assert!(!s.customer_finished(), "the customer starts the new turn");
}

#[test]
fn rebase_keeps_the_node_when_it_still_exists_and_uses_the_new_text() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron"),
    )
    .unwrap();
    let c = compile_text(&text);
    let mut s = Session::new(Arc::clone(&c), 0, Options::default());
    s.wait_until_finished();
    let changed =
        compile_text(&text.replace("When are you open on Saturday?", "Are you open on Sunday?"));
    assert!(s.rebase(changed));
    assert_eq!(s.node_id(), "ask");
    s.wait_until_finished();
    assert!(
        s.transcript
            .iter()
            .any(|e| e.text == "Are you open on Sunday?")
    );
    // A node that is gone: the call goes on at the start.
    let renamed = compile_text(&text.replace("\"ask\"", "\"question\""));
    assert!(!s.rebase(renamed));
    assert_eq!(s.node_id(), "question");
    // The call can be finished and scored on the new version.
    s.wait_until_finished();
    s.reply(0).unwrap();
    assert!(s.is_over());
    let r = headset::score::score(&s);
    assert_eq!(r.ending, "thanks");
}

#[test]
fn the_jump_list_order_follows_the_call_from_the_start() {
    let c = common::compile("scenarios/en/warranty-kettle.ron");
    let order: Vec<&str> = c
        .play_order()
        .into_iter()
        .map(|n| c.node_ids[n].as_str())
        .collect();
    // Breadth first from "open", each node's replies in file order, a
    // reply's branch ("manager_request") before its `next` ("pushback").
    assert_eq!(
        order,
        [
            "open",
            "receipt",
            "when",
            "descale",
            "receipt_first",
            "toaster",
            "manager_request",
            "pushback",
            "repair",
            "pitch"
        ]
    );
}

#[test]
fn a_node_no_reply_leads_to_comes_last_in_the_jump_list() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.ron"),
    )
    .unwrap();
    // An orphan whose id sorts before "ask": alphabetically it would come first.
    let orphan = r#"nodes: {
        "aaa_orphan": (customer: ["Hello?"], replies: [(say: "Bye.", next: "thanks")]),"#;
    let c = compile_text(&text.replacen("nodes: {", orphan, 1));
    let order: Vec<&str> = c
        .play_order()
        .into_iter()
        .map(|n| c.node_ids[n].as_str())
        .collect();
    assert_eq!(order, ["ask", "aaa_orphan"]);
}
