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
    NameEarly,
    NameLate,
    NameNever,
    NameAgain,
    NameOnce,
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
}

impl Why {
    /// A stable short name of the rule, for tests and tooling.
    pub fn rule(&self) -> &'static str {
        match self {
            Why::Interrupted { .. } => "interrupted",
            Why::Impatient(_) => "impatient",
            Why::CourteousUnderPressure { .. } => "courteous-under-pressure",
            Why::Apologised => "apologised",
            Why::LeftUpset => "left-upset",
            Why::CustomerHungUp => "customer-hung-up",
            Why::HungUpOnCustomer => "hung-up-on-customer",
            Why::MissedFact { .. } => "missed-fact",
            Why::AskedAgain { .. } => "asked-again",
            Why::GoodQuestion { .. } => "good-question",
            Why::ShowedUnderstanding { .. } => "showed-understanding",
            Why::NameEarly => "name-early",
            Why::NameLate => "name-late",
            Why::NameNever => "name-never",
            Why::NameAgain => "name-again",
            Why::NameOnce => "name-once",
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
    /// Points won (positive) or lost (negative).
    pub points: i32,
    /// Why, in the scenario's language.
    pub reason: String,
    /// What a good agent does, in the scenario's language.
    pub tip: String,
    /// The rule that produced it.
    pub rule: &'static str,
    /// Transcript line it points at, for the debrief's link.
    pub entry: Option<usize>,
}
