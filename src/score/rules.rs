//! The points of every rubric rule (rubric v2). docs/scoring.md lists the
//! same numbers; the golden tests pin them. Change all three together.
//!
//! Two kinds of skill:
//! - **Shown** (Listening, Name) start at 0 and are earned from evidence in
//!   what the agent said. The credits of a call add up to 100 at most, so a
//!   penalty can never be paid back by a credit: it always costs its points.
//! - **Kept** (Patience, Escalation) start at 100 and only lose points.
//!   Their credits are shown in the debrief as strengths, worth no points:
//!   a credit that could add points would pay back a penalty.

use crate::scenario::Skill;

/// The rubric this build scores with; stored with every attempt and sent in
/// the xAPI statements, so a score is never compared with one from other rules.
pub const RUBRIC_VERSION: u32 = 2;

/// Where a skill starts before any moment: 100 for the kept skills, 0 for
/// the shown ones.
pub const fn base(skill: Skill) -> i32 {
    match skill {
        Skill::Patience | Skill::Escalation => 100,
        Skill::Listening | Skill::Name => 0,
    }
}

/// [`base`] of each skill, in `Skill::ALL` order.
pub const BASES: [i32; 4] = [
    base(Skill::Patience),
    base(Skill::Listening),
    base(Skill::Name),
    base(Skill::Escalation),
];

// Patience (kept)
pub const INTERRUPTED: i32 = -15;
pub const DISMISSIVE: i32 = -20;
pub const BLAMING: i32 = -20;
pub const CALM_DOWN: i32 = -20;
pub const RUSHING: i32 = -15;
pub const ARGUING: i32 = -20;
pub const SALES_PITCH: i32 = -25;
/// A strength: shown, worth no points (Patience is kept).
pub const COURTEOUS_UNDER_PRESSURE: i32 = 0;
/// A strength: shown, worth no points (Patience is kept).
pub const APOLOGISED: i32 = 0;
pub const LEFT_UPSET: i32 = -20;
/// Also a critical error.
pub const CUSTOMER_HUNG_UP: i32 = -20;
/// The agent hung up where the scenario does not allow it (also a critical error).
pub const HUNG_UP_ON_CUSTOMER: i32 = -50;
/// Per [`crate::sim::pace::DEAD_AIR_MS`] of silence after the reading allowance.
pub const DEAD_AIR: i32 = -5;
/// Leaving counts as "while upset" at or above these levels.
pub const UPSET_ANGER: i32 = 60;
pub const UPSET_DISTRESS: i32 = 70;

// Listening (shown): each fact the agent shows they heard (a reply that
// uses it, or a question that brings it out) earns 100 divided by the
// call's listening facts (facts some reply needs or asks for), rounded up,
// and at least this much, once per fact, until the skill is full: three
// facts shown always make 100, and a call with one or two such facts can
// still reach 100.
pub const LISTENING_PER_FACT: i32 = 34;
/// What shown evidence can add up to in a shown skill.
pub const SHOWN_FULL: i32 = 100;
/// Facts shown past which Listening credit is full (and adds nothing).
pub const LISTENING_FULL_AFTER: u32 =
    ((SHOWN_FULL + LISTENING_PER_FACT - 1) / LISTENING_PER_FACT) as u32;
pub const MISSED_FACT: i32 = -20;
pub const ASKED_AGAIN: i32 = -15;

// Name (shown)
pub const NAME_EARLY: i32 = 60;
/// A call whose only action is one reply has no "again": the name in it
/// earns it all (a reply followed by a transfer or hang-up does not).
pub const NAME_ONLY_REPLY: i32 = 100;
/// "Early" means in one of the first this-many replies.
pub const NAME_EARLY_BY: u32 = 2;
/// The first use came later than that: half the credit.
pub const NAME_LATE: i32 = 30;
pub const NAME_AGAIN: i32 = 40;
/// No use: nothing is earned; the moment only says so.
pub const NAME_NEVER: i32 = 0;
pub const NAME_OVERUSE: i32 = -10;
/// Overuse: at least this many replies and the name in at least 80 % of them.
pub const NAME_OVERUSE_MIN_REPLIES: u32 = 5;
pub const NAME_OVERUSE_PERCENT: u32 = 80;
pub const WRONG_NAME: i32 = -40;

// Escalation (kept)
/// A strength: shown, worth no points.
pub const ESCALATION_RIGHT: i32 = 0;
pub const ESCALATION_EARLY: i32 = -40;
/// Under a `Required` policy also a critical error.
pub const ESCALATION_WRONG_TARGET: i32 = -80;
pub const ESCALATION_NOT_NEEDED: i32 = -100;
pub const ESCALATION_MISSING: i32 = -100;
/// A strength: shown, worth no points.
pub const HANDOVER: i32 = 0;
pub const NO_HANDOVER: i32 = -15;
/// Also a critical error.
pub const OVER_PROMISE: i32 = -30;
