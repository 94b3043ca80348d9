//! Scripted agents: the SPEC syntax of `headset simulate --choices` and of
//! the explorer's best and worst paths.
//!
//! `2` waits until the customer has finished, then says reply 2 (numbered in
//! file order, whatever the shuffled display order); `!2` says it at once,
//! interrupting; `t:supervisor` transfers; `w:30` stays silent 30 seconds;
//! `h` hangs up. `t:` and `h` also let the customer finish first; `!t:...`
//! and `!h` act at once.

use std::fmt;

use super::session::{InputError, Session};

/// One scripted input.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Reply `n` (1-based, file order); `interrupt` says it without waiting.
    Reply { n: usize, interrupt: bool },
    /// Transfer to a target id; `interrupt` transfers without waiting.
    Transfer { target: String, interrupt: bool },
    /// Stay silent this many milliseconds.
    Wait(u64),
    /// The agent hangs up; `interrupt` hangs up without waiting.
    HangUp { interrupt: bool },
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Reply {
                n,
                interrupt: false,
            } => write!(f, "{n}"),
            Step::Reply { n, interrupt: true } => write!(f, "!{n}"),
            Step::Transfer { target, interrupt } => {
                write!(f, "{}t:{target}", if *interrupt { "!" } else { "" })
            }
            Step::Wait(ms) if ms % 1000 == 0 => write!(f, "w:{}", ms / 1000),
            Step::Wait(ms) => write!(f, "w:{}", *ms as f64 / 1000.0),
            Step::HangUp { interrupt } => write!(f, "{}h", if *interrupt { "!" } else { "" }),
        }
    }
}

/// Writes steps back as a SPEC.
pub fn to_spec(steps: &[Step]) -> String {
    steps
        .iter()
        .map(Step::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// A SPEC that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("step {position} \"{token}\": {message}")]
pub struct SpecError {
    /// 1-based position in the list.
    pub position: usize,
    pub token: String,
    pub message: String,
}

/// Parses a SPEC such as `1,!2,w:30,t:supervisor`.
pub fn parse(spec: &str) -> Result<Vec<Step>, SpecError> {
    let mut steps = Vec::new();
    for (i, raw) in spec.split(',').enumerate() {
        let token = raw.trim();
        let err = |message: &str| SpecError {
            position: i + 1,
            token: token.to_owned(),
            message: message.to_owned(),
        };
        if token.is_empty() {
            if spec.trim().is_empty() {
                break;
            }
            return Err(err("empty step; separate steps with single commas"));
        }
        // A leading `!` acts at once; without it the agent lets the customer finish.
        let (interrupt, rest) = match token.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, token),
        };
        let step = if let Some(t) = rest.strip_prefix("t:") {
            if t.is_empty() {
                return Err(err("name the target, e.g. t:supervisor"));
            }
            Step::Transfer {
                target: t.to_owned(),
                interrupt,
            }
        } else if let Some(w) = rest.strip_prefix("w:") {
            if interrupt {
                return Err(err("silence cannot interrupt; write w:30"));
            }
            let secs: f64 = w
                .parse()
                .map_err(|_| err("write the silence in seconds, e.g. w:30"))?;
            if !secs.is_finite() || !(0.0..=3600.0).contains(&secs) {
                return Err(err("silence must be 0 to 3600 seconds"));
            }
            Step::Wait((secs * 1000.0).round() as u64)
        } else if rest == "h" {
            Step::HangUp { interrupt }
        } else {
            let n: usize = rest.parse().map_err(|_| {
                err("expected a reply number (2), !2 to interrupt, t:TARGET, w:SECONDS or h")
            })?;
            if n == 0 {
                return Err(err("replies are numbered from 1"));
            }
            Step::Reply { n, interrupt }
        };
        steps.push(step);
    }
    Ok(steps)
}

/// A step the engine refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("step {position} ({step}): {error}")]
pub struct StepError {
    /// 1-based position of the step.
    pub position: usize,
    pub step: String,
    pub error: InputError,
}

/// Plays the steps; stops at the first refused one.
pub fn run(session: &mut Session, steps: &[Step]) -> Result<(), StepError> {
    for (i, step) in steps.iter().enumerate() {
        apply(session, step).map_err(|error| StepError {
            position: i + 1,
            step: step.to_string(),
            error,
        })?;
    }
    Ok(())
}

/// Plays one step.
pub fn apply(session: &mut Session, step: &Step) -> Result<(), InputError> {
    match step {
        Step::Reply { n, interrupt } => {
            if session.is_over() {
                return Err(InputError::Ended);
            }
            if !interrupt {
                session.wait_until_finished();
            }
            session.reply(n - 1)
        }
        Step::Transfer { target, interrupt } => {
            if !interrupt {
                session.wait_until_finished();
            }
            session.transfer(target)
        }
        Step::Wait(ms) => {
            if session.is_over() {
                return Err(InputError::Ended);
            }
            session.advance(*ms);
            Ok(())
        }
        Step::HangUp { interrupt } => {
            if !interrupt {
                session.wait_until_finished();
            }
            session.hang_up()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_step_and_prints_it_back() {
        let steps = parse("2, !3,t:supervisor,w:30,w:1.5,h,!t:legal,!h").unwrap();
        assert_eq!(
            steps[1],
            Step::Reply {
                n: 3,
                interrupt: true
            }
        );
        assert_eq!(steps[3], Step::Wait(30_000));
        assert_eq!(
            to_spec(&steps),
            "2,!3,t:supervisor,w:30,w:1.5,h,!t:legal,!h"
        );
    }

    #[test]
    fn names_the_bad_step() {
        let e = parse("1,x,2").unwrap_err();
        assert_eq!((e.position, e.token.as_str()), (2, "x"));
        assert!(parse("0").is_err());
        assert!(parse("1,,2").is_err());
        assert_eq!(parse("").unwrap(), vec![]);
    }
}
