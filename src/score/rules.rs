//! The points of every rubric rule. docs/scoring.md lists the same numbers;
//! the golden tests pin them. Change all three together.

/// Each skill starts here; moments move it; the result is clamped to 0..=100.
pub const BASE: i32 = 100;

// Patience
pub const INTERRUPTED: i32 = -15;
pub const DISMISSIVE: i32 = -20;
pub const BLAMING: i32 = -20;
pub const CALM_DOWN: i32 = -20;
pub const RUSHING: i32 = -15;
pub const ARGUING: i32 = -20;
pub const SALES_PITCH: i32 = -25;
pub const COURTEOUS_UNDER_PRESSURE: i32 = 10;
pub const APOLOGISED: i32 = 5;
pub const LEFT_UPSET: i32 = -20;
pub const CUSTOMER_HUNG_UP: i32 = -20;
/// The agent hung up before the call reached an ending (such a call never passes).
pub const HUNG_UP_ON_CUSTOMER: i32 = -50;
/// Leaving counts as "while upset" at or above these levels.
pub const UPSET_ANGER: i32 = 60;
pub const UPSET_DISTRESS: i32 = 70;

// Listening
pub const MISSED_FACT: i32 = -20;
pub const ASKED_AGAIN: i32 = -15;
pub const GOOD_QUESTION: i32 = 10;
pub const SHOWED_UNDERSTANDING: i32 = 5;

// Name
pub const NAME_EARLY: i32 = 10;
/// "Early" means in one of the first this-many replies.
pub const NAME_EARLY_BY: u32 = 2;
pub const NAME_LATE: i32 = -20;
pub const NAME_NEVER: i32 = -50;
pub const NAME_AGAIN: i32 = 5;
pub const NAME_ONCE: i32 = -10;
/// "Only once" is judged in calls of at least this many replies.
pub const NAME_ONCE_MIN_REPLIES: u32 = 4;
pub const NAME_OVERUSE: i32 = -10;
/// Overuse: at least this many replies and the name in at least 80 % of them.
pub const NAME_OVERUSE_MIN_REPLIES: u32 = 5;
pub const NAME_OVERUSE_PERCENT: u32 = 80;
pub const WRONG_NAME: i32 = -40;

// Escalation
pub const ESCALATION_RIGHT: i32 = 10;
pub const ESCALATION_EARLY: i32 = -40;
pub const ESCALATION_WRONG_TARGET: i32 = -80;
pub const ESCALATION_NOT_NEEDED: i32 = -100;
pub const ESCALATION_MISSING: i32 = -100;
pub const HANDOVER: i32 = 10;
pub const NO_HANDOVER: i32 = -15;
pub const OVER_PROMISE: i32 = -30;
