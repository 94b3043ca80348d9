//! Writes a generated scenario (for trying the explorer and the validator
//! on large files): `cargo run --example gen_scenario -- NODES FACTS [call] > file.ron`.
fn main() {
    let mut args = std::env::args().skip(1);
    let nodes = args.next().and_then(|a| a.parse().ok()).unwrap_or(40);
    let facts = args.next().and_then(|a| a.parse().ok()).unwrap_or(8);
    // `call` gives the call-shaped scenario the explorer's benchmark uses.
    let text = if std::env::args().nth(3).as_deref() == Some("call") {
        headset::scenario::synthetic::call_text("generated", nodes, facts)
    } else {
        headset::scenario::synthetic::scenario_text("generated", nodes, facts)
    };
    print!("{text}");
}
