//! What a scenario trains, read from its content rather than from tags a
//! trainer might forget: the recommendation and the practice shift need to
//! know which calls exercise the trainee's weakest skill, and the reason
//! shown to the trainee says what in the call does it.

use crate::scenario::{Archetype, Escalation, Scenario, Skill};

/// Something in a scenario that makes it exercise a skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// Escalation is required: the call must reach the right team at the right time.
    EscalationRequired,
    /// Escalation is optional: handing over is right only after some facts.
    EscalationOptional,
    /// An angry or grieving customer.
    UpsetCustomer(Archetype),
    /// A node where the customer is rude.
    Rude,
    /// A confused customer who repeats themselves.
    Repeats,
    /// A fact revealed in the customer's third line of a turn or later
    /// (`line` is 1-based): cutting in loses it.
    LateFact { node: String, line: usize },
    /// A reply that asks for a fact (a clarifying question).
    Asks,
    /// The customer's name changes from run to run (a name pool).
    NamePool,
    /// More than one form of address is correct.
    AlsoCorrect,
}

impl Evidence {
    /// The skill this evidence is about.
    pub fn skill(&self) -> Skill {
        match self {
            Evidence::EscalationRequired | Evidence::EscalationOptional => Skill::Escalation,
            Evidence::UpsetCustomer(_) | Evidence::Rude | Evidence::Repeats => Skill::Patience,
            Evidence::LateFact { .. } | Evidence::Asks => Skill::Listening,
            Evidence::NamePool | Evidence::AlsoCorrect => Skill::Name,
        }
    }
}

/// Everything in a scenario that makes it train a skill, strongest first
/// within each skill:
///
/// - escalation: `Required` or `Optional` escalation (a `NotNeeded` call
///   is not counted: every call lets the trainee escalate wrongly);
/// - patience: an `Angry` or `Grieving` customer, nodes marked `rude`, or a
///   `Confused` customer with nodes marked `repeats` (a calm customer who
///   repeats a detail once is not a patience exercise; nearly every
///   scenario has such a node);
/// - listening: a fact revealed in the third line of a turn or later (the
///   start node first, then by node id), then replies with `asks`;
/// - name: a `name_pool`, then `also_correct` forms of address.
///
/// The rubric scores all four skills in every call, and the shipped
/// scenarios are written so that nearly all of them hide a fact in the
/// third sentence and have a name pool: listening and name are trained
/// everywhere, and what tells calls apart is patience and escalation.
pub fn evidence(s: &Scenario) -> Vec<Evidence> {
    let mut out = Vec::new();
    match &s.escalation {
        Escalation::Required { .. } => out.push(Evidence::EscalationRequired),
        Escalation::Optional { .. } => out.push(Evidence::EscalationOptional),
        Escalation::NotNeeded { .. } => {}
    }
    if matches!(s.archetype, Archetype::Angry | Archetype::Grieving) {
        out.push(Evidence::UpsetCustomer(s.archetype));
    }
    if s.nodes.values().any(|n| n.rude) {
        out.push(Evidence::Rude);
    }
    if s.archetype == Archetype::Confused && s.nodes.values().any(|n| n.repeats) {
        out.push(Evidence::Repeats);
    }
    let start = s.nodes.get_key_value(&s.start);
    let late = start
        .into_iter()
        .chain(s.nodes.iter().filter(|(id, _)| **id != s.start))
        .find_map(|(id, n)| {
            n.customer
                .iter()
                .enumerate()
                .skip(2)
                .find(|(_, l)| !l.reveals.is_empty())
                .map(|(i, _)| Evidence::LateFact {
                    node: id.clone(),
                    line: i + 1,
                })
        });
    out.extend(late);
    if s.nodes
        .values()
        .flat_map(|n| &n.replies)
        .any(|r| r.asks.is_some())
    {
        out.push(Evidence::Asks);
    }
    if !s.customer.name_pool.is_empty() {
        out.push(Evidence::NamePool);
    }
    let also = !s.customer.also_correct.is_empty()
        || s.customer
            .name_pool
            .iter()
            .any(|p| !p.also_correct.is_empty());
    if also {
        out.push(Evidence::AlsoCorrect);
    }
    out
}

/// The skills a scenario trains, in report order (patience, listening,
/// name, escalation), derived from [`evidence`].
pub fn trains(s: &Scenario) -> Vec<Skill> {
    let ev = evidence(s);
    Skill::ALL
        .into_iter()
        .filter(|k| ev.iter().any(|e| e.skill() == *k))
        .collect()
}

/// What the progress view and the practice shift need to know of a
/// scenario in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioInfo {
    /// Scenario id (shared by its language versions).
    pub id: String,
    /// Its language.
    pub language: String,
    /// Title shown in the library.
    pub title: String,
    /// The kind of customer.
    pub archetype: Archetype,
    /// 1 (easy) to 3 (hard).
    pub difficulty: u8,
    /// The skills it trains ([`trains`]).
    pub trains: Vec<Skill>,
    /// Why ([`evidence`]).
    pub evidence: Vec<Evidence>,
}

impl ScenarioInfo {
    /// Reads what the views need from a scenario.
    pub fn from_scenario(s: &Scenario) -> ScenarioInfo {
        let evidence = evidence(s);
        let trains = Skill::ALL
            .into_iter()
            .filter(|k| evidence.iter().any(|e| e.skill() == *k))
            .collect();
        ScenarioInfo {
            id: s.id.clone(),
            language: s.language.clone(),
            title: s.title.clone(),
            archetype: s.archetype,
            difficulty: s.difficulty,
            trains,
            evidence,
        }
    }

    /// Whether it trains a skill.
    pub fn trains(&self, skill: Skill) -> bool {
        self.trains.contains(&skill)
    }

    /// The strongest evidence that it trains a skill.
    pub fn evidence_for(&self, skill: Skill) -> Option<&Evidence> {
        self.evidence.iter().find(|e| e.skill() == skill)
    }

    /// How many kinds of evidence it has for a skill: among equal
    /// candidates, the recommendation prefers the call that trains the
    /// skill in more ways.
    pub fn strength(&self, skill: Skill) -> usize {
        self.evidence.iter().filter(|e| e.skill() == skill).count()
    }
}
