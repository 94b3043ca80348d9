//! Command-line interface (clap derive). Each subcommand lives in its own file.

mod explore;
mod export;
mod graph;
mod history;
mod playable;
mod simulate;
mod sync;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};

/// Headset: a training game for customer-service agents, and the tools
/// trainers use to write its scenarios.
#[derive(Debug, Parser)]
#[command(name = "headset", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The scenario folder the game plays (watched for changes).
    #[arg(long, value_name = "DIR", default_value = "scenarios")]
    pub scenarios: PathBuf,
    /// Where settings are kept (default: HEADSET_DATA_DIR, else the per-user data folder).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Play every call with this seed (same customer name, wording and reply
    /// order each time), e.g. for a demonstration; default: a new seed per call.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Start a practice shift a trainer handed out, by its code (shown at the
    /// end of every shift), once the trainee has chosen their profile.
    #[arg(long, value_name = "CODE")]
    pub shift: Option<String>,
    /// Start in author mode (F2 toggles it in the game): node ids, mood
    /// numbers and facts heard on the call screen, jumping to any node, and
    /// saved scenario files reloaded into the call in progress.
    #[arg(long)]
    pub author: bool,
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
        /// Skip the checks that play the scenario through the engine
        /// (E026, E027, W110 to W113): faster on very large libraries.
        #[arg(long)]
        no_explore: bool,
    },
    /// Play a scenario with a scripted agent; print the transcript and the score.
    ///
    /// SPEC is a comma list: `2` waits until the customer has finished, then says
    /// reply 2 (numbered in file order); `!2` says it at once, interrupting;
    /// `t:supervisor` transfers; `w:30` stays silent 30 s; `h` hangs up.
    Simulate {
        /// The scenario file.
        file: PathBuf,
        /// The agent's inputs (see above).
        #[arg(long, default_value = "", value_name = "SPEC")]
        choices: String,
        /// Seed for the name pool, text variants and reply order.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Speaking pace: 1.0 normal, 0.5 half speed.
        #[arg(long, default_value_t = 1.0)]
        pace: f32,
        /// Timers off: lines arrive only when the agent waits; no dead air.
        #[arg(long)]
        no_timers: bool,
        /// Reading speed: dead air counts only after time to read the
        /// replies on offer (normal 200 words per minute, slow 120).
        #[arg(long, value_enum, default_value_t = simulate::Reading::Normal)]
        reading: simulate::Reading,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Explore every state a scenario's call can reach: endings, the share of
    /// random play that reaches each, and the best and worst paths with the
    /// inputs (SPEC, as for `simulate --choices`) that play them.
    ///
    /// Exit status: 0 explored, 1 the file has errors, 2 usage or I/O problem.
    Explore {
        /// The scenario file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fall back to sampling past this many states.
        #[arg(long, value_name = "N", default_value_t = headset::explore::MAX_STATES)]
        max_states: usize,
        /// Sample this many random playouts instead of exploring every state.
        #[arg(long, value_name = "N")]
        samples: Option<usize>,
        /// Seed of the sampling.
        #[arg(long, value_name = "N", default_value_t = 1)]
        sample_seed: u64,
    },
    /// Draw a scenario's dialogue: customer turns, replies as labelled arrows
    /// (dashed: taken only under a condition), endings shaped by kind, and
    /// the explorer's best path drawn thick in green.
    ///
    /// Exit status: 0 drawn, 1 the file has errors, 2 usage or I/O problem.
    Graph {
        /// The scenario file.
        file: PathBuf,
        /// dot (Graphviz) or mermaid.
        #[arg(long, value_enum, default_value_t = graph::GraphFormat::Dot)]
        format: graph::GraphFormat,
    },
    /// Print a profile's stored calls as a short table, oldest first.
    ///
    /// Exit status: 0 ok, 1 some records are damaged (the others are still
    /// printed; the damaged ones are named on standard error), 2 usage or
    /// I/O problem.
    History {
        /// The data folder (default: HEADSET_DATA_DIR, else the per-user data folder).
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
        /// Only this profile (default: every profile).
        #[arg(long, value_name = "NAME")]
        profile: Option<String>,
    },
    /// Export stored calls: one CSV row per attempt for a spreadsheet, or
    /// xAPI statements as JSON lines for a learning record store.
    ///
    /// CSV columns: profile, scenario, version, language, date (ISO 8601,
    /// UTC), duration_s, ending, passed, overall, patience, listening, name,
    /// escalation. xAPI: the statements `headset sync` sends (docs/lrs.md),
    /// shaped by lrs.ron if there is one. Exit status as for `history`.
    #[command(group(ArgGroup::new("what").required(true).args(["csv", "xapi"])))]
    Export {
        /// Write CSV.
        #[arg(long)]
        csv: bool,
        /// Write xAPI statements as JSON lines to FILE (`-`: standard output).
        #[arg(long, value_name = "FILE")]
        xapi: Option<PathBuf>,
        /// The data folder (default: HEADSET_DATA_DIR, else the per-user data folder).
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
        /// Only this profile (default: every profile).
        #[arg(long, value_name = "NAME")]
        profile: Option<String>,
        /// Write the CSV to this file (replaced safely) instead of standard output.
        #[arg(long, value_name = "FILE", conflicts_with = "xapi")]
        out: Option<PathBuf>,
    },
    /// Send the results waiting in the outbox to the learning record store.
    ///
    /// The LRS is set in lrs.ron in the data folder or with HEADSET_LRS_URL,
    /// HEADSET_LRS_USER and HEADSET_LRS_PASSWORD (docs/lrs.md). Prints
    /// "sent N statements, M waiting" and the last error. Exit status: 0 the
    /// outbox is empty afterwards, 1 statements remain (LRS error; they are
    /// kept) or a queued file is damaged, 2 usage or settings problem.
    Sync {
        /// The data folder (default: HEADSET_DATA_DIR, else the per-user data folder).
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
        /// Only this profile (default: every profile).
        #[arg(long, value_name = "NAME")]
        profile: Option<String>,
        /// First queue every stored call again, also those saved before the
        /// LRS was set up (sending one twice is harmless).
        #[arg(long)]
        requeue: bool,
    },
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Validate {
            paths,
            format,
            no_explore,
        }) => validate::run(&paths, format, !no_explore),
        Some(Command::Simulate {
            file,
            choices,
            seed,
            pace,
            no_timers,
            reading,
            format,
        }) => simulate::run(simulate::Args {
            file: &file,
            choices: &choices,
            seed,
            pace,
            timers: !no_timers,
            reading,
            format,
        }),
        Some(Command::Explore {
            file,
            format,
            max_states,
            samples,
            sample_seed,
        }) => explore::run(explore::Args {
            file: &file,
            format,
            max_states,
            samples,
            sample_seed,
        }),
        Some(Command::Graph { file, format }) => graph::run(&file, format),
        Some(Command::History { data_dir, profile }) => history::run(
            data_dir.as_deref().or(cli.data_dir.as_deref()),
            profile.as_deref(),
        ),
        Some(Command::Export {
            csv: _,
            xapi,
            data_dir,
            profile,
            out,
        }) => {
            let data_dir = data_dir.as_deref().or(cli.data_dir.as_deref());
            match xapi {
                Some(file) => export::run_xapi(data_dir, profile.as_deref(), &file),
                None => export::run(data_dir, profile.as_deref(), out.as_deref()),
            }
        }
        Some(Command::Sync {
            data_dir,
            profile,
            requeue,
        }) => sync::run(
            data_dir.as_deref().or(cli.data_dir.as_deref()),
            profile.as_deref(),
            requeue,
        ),
        None => play(
            &cli.scenarios,
            cli.data_dir.as_deref(),
            cli.seed,
            cli.shift,
            cli.author,
        ),
    }
}

/// Opens the game on the scenario folder.
#[cfg(feature = "gui")]
fn play(
    scenarios: &std::path::Path,
    data_dir: Option<&std::path::Path>,
    seed: Option<u64>,
    shift: Option<String>,
    author: bool,
) -> ExitCode {
    if !scenarios.is_dir() {
        eprintln!(
            "headset: the scenario folder {} does not exist; run from the project folder or pass --scenarios DIR",
            scenarios.display()
        );
        return ExitCode::from(2);
    }
    // The asset server wants an absolute folder; a relative one would be
    // taken relative to the executable.
    let scenarios = std::path::absolute(scenarios).unwrap_or_else(|_| scenarios.to_owned());
    let cfg = headset::game::GameConfig {
        scenarios,
        data_dir: headset::progress::data_dir(data_dir),
        seed,
        shift,
        author,
        started: crate::STARTED
            .get()
            .copied()
            .unwrap_or_else(std::time::Instant::now),
    };
    match headset::game::run(cfg) {
        bevy::app::AppExit::Success => ExitCode::SUCCESS,
        bevy::app::AppExit::Error(_) => ExitCode::from(1),
    }
}

/// Without the `gui` feature there is no game to open.
#[cfg(not(feature = "gui"))]
fn play(
    _scenarios: &std::path::Path,
    _data_dir: Option<&std::path::Path>,
    _seed: Option<u64>,
    _shift: Option<String>,
    _author: bool,
) -> ExitCode {
    eprintln!(
        "headset: this build has no game (built without the `gui` feature); try `headset validate` or `headset --help`"
    );
    ExitCode::from(2)
}

/// Whether to colour output: only on a terminal, and never with NO_COLOR set.
pub fn use_color(stream: &impl std::io::IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
