//! Writes a generated library for timing `headset validate` on many files:
//! `cargo run --release --example gen_library -- DIR [FILES] [NODES]`.

use headset::scenario::synthetic::scenario_text;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: gen_library DIR [FILES=1000] [NODES=40]");
        std::process::exit(2);
    };
    let files: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let nodes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(40);
    let dir = std::path::Path::new(&dir);
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(2);
    }
    let mut bytes = 0;
    for i in 0..files {
        let text = scenario_text(&format!("gen-{i}"), nodes, 8);
        bytes += text.len();
        if let Err(e) = std::fs::write(dir.join(format!("gen-{i:04}.ron")), text) {
            eprintln!("cannot write: {e}");
            std::process::exit(2);
        }
    }
    println!(
        "{files} files of {nodes} nodes, {:.1} MB in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}
