//! Command-line interface (clap derive). Each subcommand lives in its own file.

mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Headset: a training game for customer-service agents, and the tools
/// trainers use to write its scenarios.
#[derive(Debug, Parser)]
#[command(name = "headset", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Output format of the reporting commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Readable text (coloured on a terminal).
    #[default]
    Human,
    /// One JSON document on standard output.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files and folders (recursively) for errors and warnings.
    ///
    /// Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem.
    Validate {
        /// Files or folders to check.
        #[arg(default_value = "scenarios")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Validate { paths, format }) => validate::run(&paths, format),
        None => {
            eprintln!(
                "headset: the game is not part of this build yet; try `headset validate` or `headset --help`"
            );
            ExitCode::from(2)
        }
    }
}

/// Whether to colour output: only on a terminal, and never with NO_COLOR set.
pub fn use_color(stream: &impl std::io::IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
