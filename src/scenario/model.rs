//! The scenario data model: what a trainer writes in a `.ron` file.
//!
//! Field names and defaults are the public, documented contract
//! (`docs/scenario-format.md`). Every struct denies unknown fields so that a
//! typo is reported with a did-you-mean instead of being silently ignored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::line::Line;
use super::load::unique_map;
use super::mood::{Condition, MoodShift, MoodStart};

/// One customer contact: a phone call, chat, e-mail thread or counter visit.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable identifier shared by every language version of the scenario.
    pub id: String,
    /// Bumped by the author whenever the content changes, so stored attempts
    /// can tell which version they were played on.
    pub version: u32,
    /// `"en"`, `"de"` or `"nl"`.
    pub language: String,
    /// Title shown in the library.
    pub title: String,
    /// One-line summary shown in the library.
    #[serde(default)]
    pub summary: String,
    /// What the trainee should learn; shown before the call.
    #[serde(default)]
    pub goals: Vec<String>,
    /// How the customer gets in touch; sets the speaking pace.
    pub channel: Channel,
    /// The kind of customer; sets pace, default mood and mood drift.
    pub archetype: Archetype,
    /// 1 (easy) to 3 (hard).
    #[serde(default = "default_difficulty")]
    pub difficulty: u8,
    /// Who wrote the scenario.
    #[serde(default)]
    pub author: String,
    /// Free tags for filtering.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Who calls, how to address them, how they feel.
    pub customer: Customer,
    /// The pieces of information the customer can reveal, id -> label.
    #[serde(default, deserialize_with = "unique_map")]
    pub facts: BTreeMap<String, String>,
    /// Where the agent can hand the contact over, id -> label.
    #[serde(default, deserialize_with = "unique_map")]
    pub targets: BTreeMap<String, String>,
    /// What the agent may decide alone (shown in the briefing and debrief).
    #[serde(default)]
    pub authority: Vec<String>,
    /// Whether and where escalating is right.
    pub escalation: Escalation,
    /// Overall score needed to pass, 0 to 100 (default 70).
    #[serde(default = "default_pass_mark")]
    pub pass_mark: u8,
    /// The lowest score any one skill may have in a passed call, 0 to 100
    /// (default 50): a high overall must not hide a skill that was missing.
    #[serde(default = "default_skill_floor")]
    pub skill_floor: u8,
    /// Weights of the four skills in the overall score (default all 1).
    #[serde(default)]
    pub weights: Weights,
    /// The node the contact starts in.
    pub start: String,
    /// Customer turns, id -> node.
    #[serde(deserialize_with = "unique_map")]
    pub nodes: BTreeMap<String, Node>,
    /// How the contact can end, id -> ending.
    #[serde(deserialize_with = "unique_map")]
    pub endings: BTreeMap<String, Ending>,
}

fn default_difficulty() -> u8 {
    1
}

fn default_pass_mark() -> u8 {
    70
}

/// The skill floor when a scenario sets none (docs/scoring.md, "Passing").
pub const DEFAULT_SKILL_FLOOR: u8 = 50;

fn default_skill_floor() -> u8 {
    DEFAULT_SKILL_FLOOR
}

/// How the customer gets in touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Channel {
    Phone,
    Chat,
    Email,
    Counter,
}

impl Channel {
    /// Every channel, in display order.
    pub const ALL: [Channel; 4] = [
        Channel::Phone,
        Channel::Chat,
        Channel::Email,
        Channel::Counter,
    ];

    /// The name used in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Channel::Phone => "Phone",
            Channel::Chat => "Chat",
            Channel::Email => "Email",
            Channel::Counter => "Counter",
        }
    }
}

/// The four kinds of customer the product trains for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Archetype {
    Calm,
    Angry,
    Confused,
    Grieving,
}

impl Archetype {
    /// Every archetype, in display order.
    pub const ALL: [Archetype; 4] = [
        Archetype::Calm,
        Archetype::Angry,
        Archetype::Confused,
        Archetype::Grieving,
    ];

    /// The name used in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Archetype::Calm => "Calm",
            Archetype::Angry => "Angry",
            Archetype::Confused => "Confused",
            Archetype::Grieving => "Grieving",
        }
    }
}

/// The customer as written in the file.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// Full name, e.g. "Jonas Keller".
    pub name: String,
    /// The correct form of address, e.g. "Mr Keller", "Frau Müller", "mevrouw De Vries".
    pub address_as: String,
    /// Other forms that are also correct, e.g. "Jonas" if they offered it.
    #[serde(default)]
    pub also_correct: Vec<String>,
    /// Alternative identities for randomised runs; the seed picks one.
    #[serde(default)]
    pub name_pool: Vec<Persona>,
    /// Optional portrait image, relative to the scenario file's folder.
    #[serde(default)]
    pub portrait: Option<String>,
    /// Starting mood; axes left out take the archetype's default.
    #[serde(default)]
    pub mood: MoodStart,
    /// Anger level (1 to 100) at which the customer hangs up.
    #[serde(default = "default_hangs_up_at")]
    pub hangs_up_at: u8,
}

fn default_hangs_up_at() -> u8 {
    100
}

/// One identity of the customer: a name and how to address them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// Full name.
    pub name: String,
    /// The correct form of address.
    pub address_as: String,
    /// Other correct forms.
    #[serde(default)]
    pub also_correct: Vec<String>,
}

impl Customer {
    /// The identity written in the customer block itself (pool entry 0 of a run).
    pub fn persona(&self) -> Persona {
        Persona {
            name: self.name.clone(),
            address_as: self.address_as.clone(),
            also_correct: self.also_correct.clone(),
        }
    }
}

/// The escalation policy: what the debrief compares the agent's transfers with.
///
/// `deny_unknown_fields` applies to the struct variants: without it a typo
/// such as `NotNeeded(whyy: "...")` would be dropped without a word.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub enum Escalation {
    /// The agent can and should solve this alone; any transfer is a mistake.
    NotNeeded {
        /// Why, shown in the debrief.
        #[serde(default)]
        why: String,
    },
    /// The agent may solve it or hand over to one of `to`.
    Optional {
        /// Targets that are right.
        to: Vec<String>,
        /// Facts the agent should know before handing over.
        #[serde(default)]
        after: Vec<String>,
        /// Why, shown in the debrief.
        #[serde(default)]
        why: String,
    },
    /// The agent lacks authority or expertise: one of `to` must take over.
    Required {
        /// Targets that are right.
        to: Vec<String>,
        /// Facts the agent must know before handing over.
        #[serde(default)]
        after: Vec<String>,
        /// Why, shown in the debrief.
        #[serde(default)]
        why: String,
    },
}

impl Escalation {
    /// Targets that are right for this policy (empty when not needed).
    pub fn targets(&self) -> &[String] {
        match self {
            Escalation::NotNeeded { .. } => &[],
            Escalation::Optional { to, .. } | Escalation::Required { to, .. } => to,
        }
    }

    /// Facts to know before handing over.
    pub fn after(&self) -> &[String] {
        match self {
            Escalation::NotNeeded { .. } => &[],
            Escalation::Optional { after, .. } | Escalation::Required { after, .. } => after,
        }
    }

    /// The author's explanation.
    pub fn why(&self) -> &str {
        match self {
            Escalation::NotNeeded { why }
            | Escalation::Optional { why, .. }
            | Escalation::Required { why, .. } => why,
        }
    }

    /// The policy's name as written in files.
    pub fn name(&self) -> &'static str {
        match self {
            Escalation::NotNeeded { .. } => "NotNeeded",
            Escalation::Optional { .. } => "Optional",
            Escalation::Required { .. } => "Required",
        }
    }
}

/// Relative weights of the four skills in the overall score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Weights {
    pub patience: u32,
    pub listening: u32,
    pub name: u32,
    pub escalation: u32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            patience: 1,
            listening: 1,
            name: 1,
            escalation: 1,
        }
    }
}

/// A customer turn: lines that arrive over time, then the agent's options.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// What the customer says, line by line, before the agent replies.
    #[serde(default)]
    pub customer: Vec<Line>,
    /// How the customer reacts when cut off in this turn (default: anger +10, trust -5).
    #[serde(default)]
    pub interrupted: Option<Reaction>,
    /// The customer repeats themselves here: a calm answer earns patience credit.
    #[serde(default)]
    pub repeats: bool,
    /// The customer is rude here: a calm answer earns patience credit.
    #[serde(default)]
    pub rude: bool,
    /// The agent's options.
    #[serde(default)]
    pub replies: Vec<Reply>,
    /// In this turn the agent may end the call (for example after a warning
    /// to an abusive caller): hanging up leads to this ending and is not a
    /// critical error. Anywhere else, hanging up fails the call.
    #[serde(default)]
    pub agent_may_end: Option<String>,
}

/// What the customer says and feels when interrupted.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reaction {
    /// What they say (optional).
    #[serde(default)]
    pub say: Option<String>,
    /// Mood change.
    #[serde(default)]
    pub mood: MoodShift,
}

/// One option the agent has.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    /// What the agent says; placeholders `{name}`, `{full_name}`, `{agent}`.
    pub say: String,
    /// Alternative wordings; the seed picks one.
    #[serde(default)]
    pub variants: Vec<String>,
    /// Facts the agent must have heard for this option to be offered.
    #[serde(default)]
    pub needs: Vec<String>,
    /// Mood the customer must be in for this option to be offered.
    #[serde(default)]
    pub when: Option<Condition>,
    /// How the customer's mood changes.
    #[serde(default)]
    pub mood: MoodShift,
    /// What the reply does, for the engine to score.
    #[serde(default)]
    pub marks: Vec<Marker>,
    /// The fact this reply asks for (a clarifying question).
    #[serde(default)]
    pub asks: Option<String>,
    /// Hand the contact over to this target.
    #[serde(default)]
    pub escalate: Option<String>,
    /// Extra scoring moments written by the author (penalties only).
    #[serde(default)]
    pub moments: Vec<MomentSpec>,
    /// Saying this reply is a critical error that fails the call whatever
    /// the points (for example a sales pitch to a grieving customer).
    #[serde(default)]
    pub critical: Option<Critical>,
    /// Destinations checked in order before `next`; the first whose condition holds wins.
    #[serde(default)]
    pub branches: Vec<Branch>,
    /// Where the reply leads: a node id or an ending id.
    pub next: String,
}

/// A mood- or fact-conditional destination.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// The condition.
    pub when: Condition,
    /// A node id or an ending id.
    pub go: String,
}

/// What a reply does, in terms the rubric understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Marker {
    /// Says sorry for the trouble (patience credit, once).
    Apologises,
    /// Brushes the customer off.
    Dismissive,
    /// Blames the customer.
    Blaming,
    /// Tells the customer to calm down.
    CalmDown,
    /// Hurries the customer.
    Rushing,
    /// Argues with a complaint instead of hearing it out.
    Arguing,
    /// Tries to sell something.
    SalesPitch,
    /// Uses a wrong name or form of address.
    WrongName,
    /// Promises what only someone with more authority may grant.
    OverPromise,
    /// With `escalate`: tells the customer what happens next and passes the facts on.
    Handover,
}

impl Marker {
    /// Every marker, in documentation order.
    pub const ALL: [Marker; 10] = [
        Marker::Apologises,
        Marker::Dismissive,
        Marker::Blaming,
        Marker::CalmDown,
        Marker::Rushing,
        Marker::Arguing,
        Marker::SalesPitch,
        Marker::WrongName,
        Marker::OverPromise,
        Marker::Handover,
    ];
}

/// The four skills of the rubric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Skill {
    Patience,
    Listening,
    Name,
    Escalation,
}

impl Skill {
    /// All four, in report order.
    pub const ALL: [Skill; 4] = [
        Skill::Patience,
        Skill::Listening,
        Skill::Name,
        Skill::Escalation,
    ];

    /// Lower-case name used in JSON and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Skill::Patience => "patience",
            Skill::Listening => "listening",
            Skill::Name => "name",
            Skill::Escalation => "escalation",
        }
    }
}

/// A scoring moment written by the author on a reply.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MomentSpec {
    /// Which skill.
    pub skill: Skill,
    /// Points won (positive) or lost (negative).
    pub points: i32,
    /// Why, shown in the debrief.
    pub reason: String,
    /// What a good agent does instead (optional).
    #[serde(default)]
    pub tip: String,
}

/// A reply the author marks as never acceptable: it fails the call.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Critical {
    /// The skill the debrief files it under.
    pub skill: Skill,
    /// Why it is never acceptable, shown first in the debrief.
    pub reason: String,
    /// What a good agent does instead (optional).
    #[serde(default)]
    pub tip: String,
}

/// How a contact ends.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// What kind of ending it is.
    pub kind: EndingKind,
    /// The closing line.
    pub say: String,
    /// Alternative closing lines; the seed picks one.
    #[serde(default)]
    pub variants: Vec<String>,
}

/// The four kinds of ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum EndingKind {
    Resolved,
    Escalated,
    HungUp,
    Unresolved,
}

impl EndingKind {
    /// Lower-case name used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            EndingKind::Resolved => "resolved",
            EndingKind::Escalated => "escalated",
            EndingKind::HungUp => "hung_up",
            EndingKind::Unresolved => "unresolved",
        }
    }
}
