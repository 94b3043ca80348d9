//! `headset simulate`: play a scenario with a scripted agent and print the
//! transcript and the score report.

use std::path::Path;
use std::process::ExitCode;

use headset::score::{Report, score};
use headset::sim::script::{self, StepError};
use headset::sim::{InputError, Options, Session, Speaker};
use serde_json::json;

use super::{Format, use_color};

/// What the simulate command was asked to do.
pub struct Args<'a> {
    pub file: &'a Path,
    pub choices: &'a str,
    pub seed: u64,
    pub pace: f32,
    pub timers: bool,
    pub reading: Reading,
    pub format: Format,
}

/// The reading-speed setting the game offers (`--reading`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Reading {
    /// 200 words per minute.
    Normal,
    /// 120 words per minute.
    Slow,
}

impl Reading {
    /// Words per minute.
    pub fn wpm(self) -> u32 {
        match self {
            Reading::Normal => headset::sim::pace::READING_WPM_NORMAL,
            Reading::Slow => headset::sim::pace::READING_WPM_SLOW,
        }
    }
}

pub fn run(a: Args) -> ExitCode {
    let (_, compiled) = match super::playable::load(a.file, "simulate") {
        Ok(x) => x,
        Err(code) => return code,
    };
    let steps = match script::parse(a.choices) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("headset simulate: --choices: {e}");
            eprintln!(
                "  = hint: a comma list such as 2,!1,w:30,t:supervisor,h (see `headset simulate --help`)"
            );
            return ExitCode::from(2);
        }
    };
    let opts = Options {
        pace: a.pace,
        timers: a.timers,
        reading_wpm: a.reading.wpm(),
        ..Options::default()
    };
    let mut session = Session::new(compiled, a.seed, opts);
    if let Err(e) = script::run(&mut session, &steps) {
        eprintln!("headset simulate: {}", describe_step_error(&session, &e));
        return ExitCode::from(1);
    }
    let report = score(&session);
    let text = match a.format {
        Format::Json => format!("{}\n", to_json(&session, &report, a.seed)),
        Format::Human => to_text(&session, &report, a.seed, use_color(&std::io::stdout())),
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
    ExitCode::SUCCESS
}

fn describe_step_error(session: &Session, e: &StepError) -> String {
    match &e.error {
        InputError::NotOffered {
            choice,
            turn,
            node,
            available,
        } => {
            let list: Vec<String> = available
                .iter()
                .map(|&i| format!("  {}: \"{}\"", i + 1, short(session.reply_text(i))))
                .collect();
            format!(
                "step {} ({}): reply {} is not available at turn {turn} (node \"{node}\").\nAvailable replies:\n{}",
                e.position,
                e.step,
                choice + 1,
                if list.is_empty() {
                    "  (none)".to_owned()
                } else {
                    list.join("\n")
                }
            )
        }
        InputError::UnknownTarget { target, available } => format!(
            "step {} ({}): \"{target}\" is not a target of this scenario; targets: {}",
            e.position,
            e.step,
            available.join(", ")
        ),
        InputError::Ended => format!(
            "step {} ({}): the call is already over (ending \"{}\"); remove the steps after it",
            e.position,
            e.step,
            session.end().map_or("", |x| x.ending.as_str())
        ),
    }
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(70).collect();
    if s.chars().count() > 70 {
        out.push('…');
    }
    out
}

fn to_json(session: &Session, report: &Report, seed: u64) -> String {
    let s = &session.compiled().scenario;
    let value = json!({
        "scenario": s.id,
        "version": s.version,
        "language": s.language,
        "seed": seed,
        "ending": report.ending_kind.key(),
        "ending_id": report.ending,
        "passed": report.passed,
        "failures": report.failures.iter().map(|f| json!({
            "failure": f.key(),
            "reason": f.words(&s.language),
        })).collect::<Vec<_>>(),
        "rubric": report.rubric,
        "overall": report.overall,
        "skills": report.skills,
        "moments": report.moments.iter().map(|m| json!({
            "turn": m.turn,
            "skill": m.skill.key(),
            "points": m.points,
            "critical": m.critical,
            "rule": m.rule,
            "reason": m.reason,
            "tip": m.tip,
        })).collect::<Vec<_>>(),
        "transcript": session.transcript.iter().map(|e| json!({
            "speaker": e.speaker,
            "text": e.text,
            "t_ms": e.t_ms,
        })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

fn clock(ms: u64) -> String {
    format!(
        "{}:{:02}.{}",
        ms / 60_000,
        (ms / 1000) % 60,
        (ms % 1000) / 100
    )
}

fn to_text(session: &Session, report: &Report, seed: u64, color: bool) -> String {
    let (bold, green, red, dim, reset) = if color {
        ("\x1b[1m", "\x1b[32m", "\x1b[31m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "", "", "")
    };
    let s = &session.compiled().scenario;
    let mut out = format!(
        "{bold}{}{reset} ({} v{}, {}), seed {seed}\n\n",
        s.title, s.id, s.version, s.language
    );
    let customer = &session.persona().name;
    for e in &session.transcript {
        let who = match e.speaker {
            Speaker::Customer => customer.as_str(),
            Speaker::Agent => "Agent",
            Speaker::System => "--",
        };
        out.push_str(&format!(
            "{dim}{:>8}{reset}  {who}: {}\n",
            clock(e.t_ms),
            e.text
        ));
    }
    let verdict = if report.passed {
        format!("{green}PASSED{reset}")
    } else {
        format!("{red}FAILED{reset}")
    };
    out.push_str(&format!(
        "\nEnding: {} ({})\nResult: {verdict}, overall {} (pass mark {}, skill floor {}; rubric v{})\n",
        report.ending_kind.key(),
        report.ending,
        report.overall,
        report.pass_mark,
        report.skill_floor,
        report.rubric
    ));
    for f in &report.failures {
        out.push_str(&format!("  {red}not passed:{reset} {}\n", f.words("en")));
    }
    for skill in headset::scenario::Skill::ALL {
        out.push_str(&format!(
            "  {:<11} {:>3}\n",
            skill.key(),
            report.skills.get(skill)
        ));
    }
    // Critical errors first, as in the debrief.
    let critical = report.critical();
    let rest = report.moments.iter().filter(|m| !m.critical);
    out.push_str("\nMoments:\n");
    for m in critical.chain(rest) {
        let points = if m.critical {
            format!("{red}CRITICAL{reset}")
        } else {
            format!("{:>+4}", m.points)
        };
        out.push_str(&format!(
            "  turn {:<2} {:<10} {points}  {}\n           {dim}tip: {}{reset}\n",
            m.turn,
            m.skill.key(),
            m.reason,
            m.tip
        ));
    }
    out
}
