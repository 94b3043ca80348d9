//! The CSV export for trainers' spreadsheets: one row per attempt.
//!
//! Columns are only ever appended, never moved, so a spreadsheet that reads
//! column I as `overall` keeps working: `rubric` and `failed_because` came
//! with rubric v2 and sit at the end.
//!
//! Written here rather than with a crate because it is a dozen lines:
//! RFC 4180, so every spreadsheet reads it. Fields with a comma, a quote or
//! a line break are quoted, quotes doubled; records end with CRLF.

use std::borrow::Cow;
use std::io::{self, Write};

use super::attempt::AttemptSummary;
use super::date::iso8601;

/// The columns, in order (new ones only ever at the end).
pub const HEADER: [&str; 15] = [
    "profile",
    "scenario",
    "version",
    "language",
    "date",
    "duration_s",
    "ending",
    "passed",
    "overall",
    "patience",
    "listening",
    "name",
    "escalation",
    "rubric",
    "failed_because",
];

/// A field as RFC 4180 wants it.
pub fn quote(field: &str) -> Cow<'_, str> {
    if field.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}

fn record(fields: &[&str]) -> String {
    let mut out = fields
        .iter()
        .map(|f| quote(f))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

/// One attempt's row: the date in ISO 8601 UTC, the duration in seconds
/// with one decimal, the ending's kind (`resolved`, `escalated`, `hung_up`,
/// `unresolved`), passed as `true`/`false`, the rubric that gave the
/// scores (1 for records from before rubric v2), and why the call did not
/// pass as failure keys joined with `;` (empty when it passed, and for
/// rubric 1, which did not keep the reasons).
pub fn row(a: &AttemptSummary) -> String {
    let s = a.skills;
    record(&[
        &a.profile,
        &a.scenario,
        &a.scenario_version.to_string(),
        &a.language,
        &iso8601(a.started_at),
        &format!("{}.{}", a.duration_ms / 1000, a.duration_ms % 1000 / 100),
        a.ending_kind.key(),
        if a.passed { "true" } else { "false" },
        &a.overall.to_string(),
        &s.patience.to_string(),
        &s.listening.to_string(),
        &s.name.to_string(),
        &s.escalation.to_string(),
        &a.rubric.to_string(),
        &a.failures.join(";"),
    ])
}

/// The header and one row per attempt (full attempts or summaries).
pub fn to_csv<'a, A: AsRef<AttemptSummary> + 'a>(
    attempts: impl IntoIterator<Item = &'a A>,
) -> String {
    let mut out = record(&HEADER);
    for a in attempts {
        out.push_str(&row(a.as_ref()));
    }
    out
}

/// Writes [`to_csv`] to a writer.
pub fn write_csv<'a, A: AsRef<AttemptSummary> + 'a>(
    out: &mut impl Write,
    attempts: impl IntoIterator<Item = &'a A>,
) -> io::Result<()> {
    out.write_all(to_csv(attempts).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(quote("Anna"), "Anna");
        assert_eq!(quote("Keller, Jonas"), "\"Keller, Jonas\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(quote(""), "");
        assert_eq!(record(&["a,b", "c"]), "\"a,b\",c\r\n");
    }

    #[test]
    fn header_line() {
        assert_eq!(
            to_csv(std::iter::empty::<&AttemptSummary>()),
            "profile,scenario,version,language,date,duration_s,ending,passed,overall,patience,listening,name,escalation,rubric,failed_because\r\n"
        );
    }
}
