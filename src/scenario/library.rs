//! Finding scenario files in folders and checking a whole library at once.

use std::path::{Path, PathBuf};

use super::diagnostic::{Code, Diagnostic};
use super::load::{Loaded, load_file};
use super::validate::{validate, validate_library};

/// The result of checking a set of files.
#[derive(Debug, Default)]
pub struct Report {
    /// How many files were checked.
    pub files: usize,
    /// Everything found, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// The files that loaded (whatever the validator said about them).
    pub loaded: Vec<Loaded>,
}

impl Report {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == super::Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// A path that could not be read as a file or folder.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct WalkError {
    /// The path given or found.
    pub path: PathBuf,
    /// What went wrong.
    #[source]
    pub source: std::io::Error,
}

/// Every `.ron` file named or found below the given paths, sorted, recursing
/// into folders. A path named explicitly is taken whatever its extension.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, WalkError> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|source| WalkError {
            path: p.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk(p, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), WalkError> {
    let err = |source| WalkError {
        path: dir.to_owned(),
        source,
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(err)?
        .collect::<Result<_, _>>()
        .map_err(err)?;
    entries.sort_by_cached_key(|e| e.path());
    for e in entries {
        let p = e.path();
        let ft = e.file_type().map_err(|source| WalkError {
            path: p.clone(),
            source,
        })?;
        if ft.is_dir() {
            walk(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "ron") {
            out.push(p);
        }
    }
    Ok(())
}

/// Loads and validates files, then checks them against each other. Files
/// are checked on all cores; the result does not depend on how many.
pub fn check_files(files: &[PathBuf]) -> Report {
    let results: Vec<Result<(Loaded, Vec<Diagnostic>), Diagnostic>> = crate::par::map(files, |f| {
        load_file(f).map(|l| {
            let d = validate(&l);
            (l, d)
        })
    });
    let mut report = Report {
        files: files.len(),
        ..Report::default()
    };
    for r in results {
        match r {
            Ok((l, d)) => {
                report.diagnostics.extend(d);
                report.loaded.push(l);
            }
            Err(d) => report.diagnostics.push(d),
        }
    }
    report.diagnostics.extend(validate_library(&report.loaded));
    report
        .diagnostics
        .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    report
}

/// True when any diagnostic is an I/O failure (exit status 2 in the CLI).
pub fn has_io_error(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.code == Code::Io)
}
