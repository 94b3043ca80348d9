//! `headset graph`: draw a scenario's dialogue as Graphviz dot or Mermaid.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use headset::graph;

/// The picture's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz: `headset graph FILE | dot -Tsvg > call.svg`.
    Dot,
    /// Mermaid flowchart, for Markdown pages and wikis.
    Mermaid,
}

pub fn run(file: &Path, format: GraphFormat) -> ExitCode {
    let (_, compiled) = match super::playable::load(file, "graph") {
        Ok(x) => x,
        Err(code) => return code,
    };
    let g = graph::build(&compiled);
    let text = match format {
        GraphFormat::Dot => graph::dot::render(&g),
        GraphFormat::Mermaid => graph::mermaid::render(&g),
    };
    print!("{text}");
    ExitCode::SUCCESS
}
