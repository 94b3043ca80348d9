//! `headset explore`: every state a scenario's call can reach, the endings,
//! and the best and worst paths with the inputs that play them.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use headset::explore::{Settings, explore, report};

use super::Format;

/// What the explore command was asked to do.
pub struct Args<'a> {
    pub file: &'a Path,
    pub format: Format,
    pub max_states: usize,
    /// Sample this many playouts instead of exploring exhaustively.
    pub samples: Option<usize>,
    pub sample_seed: u64,
}

pub fn run(a: Args) -> ExitCode {
    let (_, compiled) = match super::playable::load(a.file, "explore") {
        Ok(x) => x,
        Err(code) => return code,
    };
    let settings = Settings {
        max_states: a.max_states,
        samples: a.samples.unwrap_or(Settings::default().samples),
        sample_seed: a.sample_seed,
        force_sampling: a.samples.is_some(),
        ..Settings::default()
    };
    let started = Instant::now();
    let e = explore(&compiled, &settings);
    let elapsed = started.elapsed();
    match a.format {
        Format::Json => println!("{}", report::to_json(&e)),
        Format::Human => {
            print!("{}", report::to_text(&e, &a.file.display().to_string()));
            println!("  took {:.0} ms", elapsed.as_secs_f64() * 1000.0);
        }
    }
    ExitCode::SUCCESS
}
