//! Moments: every point won or lost, with the reason the debrief shows.

use serde::Serialize;

use crate::scenario::{Marker, Skill};

/// Why points moved, with what the debrief needs to say it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    Interrupted {
        cut: Option<String>,
    },
    Impatient(Marker),
    CourteousUnderPressure {
        rude: bool,
    },
    Apologised,
    LeftUpset,
    CustomerHungUp,
    /// The customer waited in silence after the reading allowance.
    DeadAir {
        seconds: u64,
    },
    /// The agent hung up instead of closing the call with a reply.
    HungUpOnCustomer,
    MissedFact {
        fact: String,
    },
    AskedAgain {
        fact: String,
    },
    GoodQuestion {
        fact: String,
    },
    ShowedUnderstanding {
        fact: String,
    },
    /// Nothing the agent said showed that they had listened.
    NoListeningShown,
    NameEarly,
    NameLate,
    NameNever,
    NameAgain,
    NameOveruse,
    WrongName,
    EscalationRight {
        target: String,
    },
    EscalationEarly {
        target: String,
        missing: Vec<String>,
    },
    EscalationWrongTarget {
        target: String,
        right: Vec<String>,
    },
    EscalationNotNeeded {
        target: String,
        why: String,
    },
    EscalationMissing {
        right: Vec<String>,
        why: String,
    },
    Handover,
    NoHandover,
    OverPromise,
    /// Written by the scenario's author.
    Authored {
        reason: String,
        tip: String,
    },
    /// A reply the author marked critical.
    AuthoredCritical {
        reason: String,
        tip: String,
    },
}

impl Why {
    /// Every [`Why::rule`] name, in declaration order: what tools and tests
    /// may name (tests/docs_scoring.rs checks it against every variant).
    pub const RULES: &'static [&'static str] = &[
        "interrupted",
        "impatient",
        "courteous-under-pressure",
        "apologised",
        "left-upset",
        "customer-hung-up",
        "dead-air",
        "hung-up-on-customer",
        "missed-fact",
        "asked-again",
        "good-question",
        "showed-understanding",
        "no-listening-shown",
        "name-early",
        "name-late",
        "name-never",
        "name-again",
        "name-overuse",
        "wrong-name",
        "escalation-right",
        "escalation-early",
        "escalation-wrong-target",
        "escalation-not-needed",
        "escalation-missing",
        "handover",
        "no-handover",
        "over-promise",
        "authored",
        "authored-critical",
    ];

    /// A stable short name of the rule, for tests and tooling.
    pub fn rule(&self) -> &'static str {
        match self {
            Why::Interrupted { .. } => "interrupted",
            Why::Impatient(_) => "impatient",
            Why::CourteousUnderPressure { .. } => "courteous-under-pressure",
            Why::Apologised => "apologised",
            Why::LeftUpset => "left-upset",
            Why::CustomerHungUp => "customer-hung-up",
            Why::DeadAir { .. } => "dead-air",
            Why::HungUpOnCustomer => "hung-up-on-customer",
            Why::MissedFact { .. } => "missed-fact",
            Why::AskedAgain { .. } => "asked-again",
            Why::GoodQuestion { .. } => "good-question",
            Why::ShowedUnderstanding { .. } => "showed-understanding",
            Why::NoListeningShown => "no-listening-shown",
            Why::NameEarly => "name-early",
            Why::NameLate => "name-late",
            Why::NameNever => "name-never",
            Why::NameAgain => "name-again",
            Why::NameOveruse => "name-overuse",
            Why::WrongName => "wrong-name",
            Why::EscalationRight { .. } => "escalation-right",
            Why::EscalationEarly { .. } => "escalation-early",
            Why::EscalationWrongTarget { .. } => "escalation-wrong-target",
            Why::EscalationNotNeeded { .. } => "escalation-not-needed",
            Why::EscalationMissing { .. } => "escalation-missing",
            Why::Handover => "handover",
            Why::NoHandover => "no-handover",
            Why::OverPromise => "over-promise",
            Why::Authored { .. } => "authored",
            Why::AuthoredCritical { .. } => "authored-critical",
        }
    }
}

/// One moment of the debrief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moment {
    /// The agent's action it belongs to (1-based; 0 before the first).
    pub turn: u32,
    /// The skill it counts for.
    pub skill: Skill,
    /// Points won (positive) or lost (negative). A strength in a kept
    /// skill (Patience, Escalation) is worth 0.
    pub points: i32,
    /// A critical error: the call fails whatever the points.
    pub critical: bool,
    /// Why, in the scenario's language.
    pub reason: String,
    /// What a good agent does, in the scenario's language.
    pub tip: String,
    /// The rule that produced it.
    pub rule: &'static str,
    /// Transcript line it points at, for the debrief's link.
    pub entry: Option<usize>,
}

/// How the debrief shows a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    /// Fails the call whatever the points: listed first, in red.
    Critical,
    /// Points lost.
    Penalty,
    /// Points earned in a shown skill (Listening, Name).
    Credit,
    /// Something done well in a kept skill (Patience, Escalation): shown,
    /// worth no points, because it must not pay back a penalty.
    Strength,
    /// Evidence that is missing (the name never used, nothing that showed
    /// listening): explains a low shown skill, worth no points itself.
    Missing,
}

/// The tone of a moment from what is stored of it (works for old records too).
pub fn tone(rule: &str, points: i32, critical: bool) -> Tone {
    if critical {
        Tone::Critical
    } else if points < 0 {
        Tone::Penalty
    } else if points > 0 {
        Tone::Credit
    } else if matches!(rule, "name-never" | "no-listening-shown") {
        Tone::Missing
    } else {
        Tone::Strength
    }
}

impl Moment {
    /// How the debrief shows it.
    pub fn tone(&self) -> Tone {
        tone(self.rule, self.points, self.critical)
    }
}
