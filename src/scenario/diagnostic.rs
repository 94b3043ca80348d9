//! Diagnostics: what is wrong with a scenario file, where, and how to fix it.
//!
//! Codes are stable: trainers search for them and `docs/scenario-format.md`
//! lists each with an example that triggers it. Never renumber a code.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file cannot be played as written.
    Error,
    /// The file plays, but something is probably not what the author meant.
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $id:literal, $name:literal, $sev:ident;)*) => {
        /// Every diagnostic the loader and validator can report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable number, e.g. `E012`.
            pub fn id(self) -> &'static str {
                match self { $(Code::$variant => $id,)* }
            }

            /// The stable name, e.g. `unknown-node`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity every diagnostic with this code has.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }
        }
    };
}

codes! {
    Io = "E000", "io", Error;
    Syntax = "E001", "syntax", Error;
    UnknownField = "E002", "unknown-field", Error;
    UnknownVariant = "E003", "unknown-variant", Error;
    WrongType = "E004", "wrong-type", Error;
    MissingField = "E005", "missing-field", Error;
    FileTooLarge = "E006", "file-too-large", Error;
    TooDeep = "E007", "too-deep", Error;
    InvalidUtf8 = "E008", "invalid-utf8", Error;
    EmptyFile = "E009", "empty-file", Error;
    DuplicateKey = "E010", "duplicate-key", Error;
    OutOfRange = "E011", "out-of-range", Error;
    UnknownNode = "E012", "unknown-node", Error;
    UnknownFact = "E013", "unknown-fact", Error;
    UnknownTarget = "E014", "unknown-target", Error;
    DeadEnd = "E015", "dead-end", Error;
    UnreachableEnding = "E016", "unreachable-ending", Error;
    FactNeverRevealed = "E017", "fact-never-revealed", Error;
    EscalationNeverOffered = "E018", "escalation-never-offered", Error;
    UnknownPlaceholder = "E019", "unknown-placeholder", Error;
    BrokenPlaceholder = "E020", "broken-placeholder", Error;
    TranslationMismatch = "E021", "translation-mismatch", Error;
    PortraitOutsideFolder = "E022", "portrait-outside-folder", Error;
    DuplicateId = "E023", "duplicate-id", Error;
    UnknownLanguage = "E024", "unknown-language", Error;
    InvalidId = "E025", "invalid-id", Error;
    EndingNeverReached = "E026", "ending-never-reached", Error;
    EscalationNeverRight = "E027", "escalation-never-right", Error;
    MomentGivesPoints = "E028", "moment-gives-points", Error;
    UnreachableNode = "W101", "unreachable-node", Warning;
    NoFallbackReply = "W102", "no-fallback-reply", Warning;
    LiteralName = "W103", "literal-name", Warning;
    AskedFactNeverRevealed = "W104", "asked-fact-never-revealed", Warning;
    HandoverWithoutEscalation = "W105", "handover-without-escalation", Warning;
    LanguageFolderMismatch = "W106", "language-folder-mismatch", Warning;
    PortraitMissing = "W107", "portrait-missing", Warning;
    UnusedFact = "W108", "unused-fact", Warning;
    EmptyText = "W109", "empty-text", Warning;
    SkillBelowFull = "W110", "skill-below-full", Warning;
    TooEasyToGuess = "W111", "too-easy-to-guess", Warning;
    StrategyPasses = "W112", "strategy-passes", Warning;
    LongestIsBest = "W113", "longest-is-best", Warning;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.id(), self.name())
    }
}

/// One finding about one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of finding.
    pub code: Code,
    /// The file it is about.
    pub file: PathBuf,
    /// 1-based line, where it applies.
    pub line: Option<usize>,
    /// 1-based column in characters, where it applies.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// The offending source line, for the caret display.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A diagnostic without a position (about the whole file).
    pub fn file_level(code: Code, file: &Path, message: String, hint: String) -> Diagnostic {
        Diagnostic {
            code,
            file: file.to_owned(),
            line: None,
            column: None,
            message,
            hint,
            source_line: None,
        }
    }

    /// A diagnostic at a line and column of `source`.
    pub fn at(
        code: Code,
        file: &Path,
        source: &str,
        line: usize,
        column: usize,
        message: String,
        hint: String,
    ) -> Diagnostic {
        let source_line = source
            .lines()
            .nth(line.saturating_sub(1))
            .map(str::to_owned);
        Diagnostic {
            code,
            file: file.to_owned(),
            line: Some(line),
            column: Some(column),
            message,
            hint,
            source_line,
        }
    }

    /// The severity, from the code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// `file:line:column` (or less where unknown).
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file.display()),
            (Some(l), None) => format!("{}:{l}", self.file.display()),
            _ => self.file.display().to_string(),
        }
    }

    /// Human-readable rendering with the offending line and a caret under the
    /// column; `color` adds ANSI colours (only on a terminal).
    pub fn render(&self, color: bool) -> String {
        let (red, yellow, bold, blue, reset) = if color {
            (
                "\x1b[31;1m",
                "\x1b[33;1m",
                "\x1b[1m",
                "\x1b[34;1m",
                "\x1b[0m",
            )
        } else {
            ("", "", "", "", "")
        };
        let (label, col) = match self.severity() {
            Severity::Error => ("error", red),
            Severity::Warning => ("warning", yellow),
        };
        let mut out = format!(
            "{col}{label}[{}]{reset}{bold}: {}{reset}\n",
            self.code, self.message
        );
        out.push_str(&format!("  {blue}-->{reset} {}\n", self.location()));
        if let (Some(line), Some(column), Some(text)) = (self.line, self.column, &self.source_line)
        {
            let num = line.to_string();
            let pad = " ".repeat(num.len());
            // Keep tabs so the caret lines up under tab-indented text.
            let lead: String = text
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            out.push_str(&format!("{pad} {blue}|{reset}\n"));
            out.push_str(&format!("{blue}{num} |{reset} {text}\n"));
            out.push_str(&format!("{pad} {blue}|{reset} {lead}{col}^{reset}\n"));
        }
        if !self.hint.is_empty() {
            out.push_str(&format!("  = hint: {}\n", self.hint));
        }
        out
    }
}

/// The JSON shape of a diagnostic in `headset validate --format json`.
#[derive(Debug, Serialize)]
pub struct DiagnosticJson {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub severity: Severity,
    pub code: String,
    pub message: String,
    pub hint: String,
}

impl From<&Diagnostic> for DiagnosticJson {
    fn from(d: &Diagnostic) -> Self {
        DiagnosticJson {
            file: d.file.display().to_string(),
            line: d.line,
            column: d.column,
            severity: d.severity(),
            code: format!("{} {}", d.code.id(), d.code.name()),
            message: d.message.clone(),
            hint: d.hint.clone(),
        }
    }
}

/// "did you mean" for a misspelt name, or None when nothing is close.
pub fn did_you_mean<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(found, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A hint that suggests the closest name and lists the allowed ones.
pub fn suggest_hint(found: &str, allowed: &[&str], kind: &str) -> String {
    let list = allowed.join(", ");
    match did_you_mean(found, allowed.iter().copied()) {
        Some(best) => format!("did you mean \"{best}\"? Allowed {kind}: {list}"),
        None if allowed.is_empty() => format!("there are no {kind} to choose from"),
        None => format!("allowed {kind}: {list}"),
    }
}
