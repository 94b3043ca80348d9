//! Loading one scenario file to play or explore it: load, validate, compile,
//! with every failure printed and mapped to the exit status.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use headset::scenario::{Code, Loaded, Severity, load_file, validate};
use headset::sim::Compiled;

use super::use_color;

/// The file loaded and compiled, or the exit status after printing why not
/// (1 for errors in the file, 2 when it cannot be read).
pub fn load(file: &Path, command: &str) -> Result<(Loaded, Arc<Compiled>), ExitCode> {
    let color = use_color(&std::io::stderr());
    let loaded = match load_file(file) {
        Ok(l) => l,
        Err(d) => {
            eprint!("{}", d.render(color));
            return Err(ExitCode::from(if d.code == Code::Io { 2 } else { 1 }));
        }
    };
    let errors: Vec<_> = validate(&loaded)
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();
    if !errors.is_empty() {
        for d in &errors {
            eprint!("{}", d.render(color));
        }
        eprintln!("headset {command}: fix the errors above first (see `headset validate`)");
        return Err(ExitCode::from(1));
    }
    match Compiled::new(Arc::new(loaded.scenario.clone())) {
        Ok(c) => Ok((loaded, Arc::new(c))),
        Err(e) => {
            eprintln!("headset {command}: {}: {e}", file.display());
            Err(ExitCode::from(1))
        }
    }
}
