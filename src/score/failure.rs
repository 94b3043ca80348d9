//! Why a call did not pass, in words the debrief, `headset simulate` and the
//! exports can show next to the score ("Overall 90, pass mark 90, not
//! passed" must never stand without its reason).

use serde::Serialize;

use crate::scenario::{EndingKind, Skill};

/// One reason a call did not pass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "failure", rename_all = "snake_case")]
pub enum Failure {
    /// One or more critical errors (listed among the moments).
    Critical { count: usize },
    /// The call ended in a way the policy does not accept.
    Ending { kind: EndingKind },
    /// A skill below the scenario's floor.
    SkillBelowFloor { skill: Skill, score: u8, floor: u8 },
    /// The overall below the pass mark.
    BelowPassMark { overall: u8, pass_mark: u8 },
}

impl Failure {
    /// A stable short name, for tests, JSON and tooling.
    pub fn key(&self) -> &'static str {
        match self {
            Failure::Critical { .. } => "critical",
            Failure::Ending { .. } => "ending",
            Failure::SkillBelowFloor { .. } => "skill-below-floor",
            Failure::BelowPassMark { .. } => "below-pass-mark",
        }
    }

    /// The reason in the scenario's language (en, de, nl; English otherwise).
    pub fn words(&self, language: &str) -> String {
        match language {
            "de" => self.de(),
            "nl" => self.nl(),
            _ => self.en(),
        }
    }

    fn en(&self) -> String {
        match self {
            Failure::Critical { count: 1 } => "a critical error (listed first below)".into(),
            Failure::Critical { count } => format!("{count} critical errors (listed first below)"),
            Failure::Ending { kind } => match kind {
                EndingKind::HungUp => "the customer hung up".into(),
                EndingKind::Unresolved => "the customer's matter was left unresolved".into(),
                EndingKind::Escalated => {
                    "the call was handed to a place the policy does not allow".into()
                }
                EndingKind::Resolved => "the call did not end".into(),
            },
            Failure::SkillBelowFloor {
                skill,
                score,
                floor,
            } => format!("{} {score} is below the floor of {floor}", skill_en(*skill)),
            Failure::BelowPassMark { overall, pass_mark } => {
                format!("overall {overall} is below the pass mark of {pass_mark}")
            }
        }
    }

    fn de(&self) -> String {
        match self {
            Failure::Critical { count: 1 } => {
                "ein kritischer Fehler (unten zuerst aufgeführt)".into()
            }
            Failure::Critical { count } => {
                format!("{count} kritische Fehler (unten zuerst aufgeführt)")
            }
            Failure::Ending { kind } => match kind {
                EndingKind::HungUp => "der Kunde hat aufgelegt".into(),
                EndingKind::Unresolved => "das Anliegen blieb ungelöst".into(),
                EndingKind::Escalated => {
                    "der Kontakt ging an eine Stelle, die die Richtlinie nicht vorsieht".into()
                }
                EndingKind::Resolved => "das Gespräch wurde nicht beendet".into(),
            },
            Failure::SkillBelowFloor {
                skill,
                score,
                floor,
            } => format!(
                "{} {score} liegt unter der Mindestpunktzahl von {floor}",
                skill_de(*skill)
            ),
            Failure::BelowPassMark { overall, pass_mark } => {
                format!("Gesamt {overall} liegt unter der Bestehensgrenze von {pass_mark}")
            }
        }
    }

    fn nl(&self) -> String {
        match self {
            Failure::Critical { count: 1 } => "een kritieke fout (hieronder als eerste)".into(),
            Failure::Critical { count } => {
                format!("{count} kritieke fouten (hieronder als eerste)")
            }
            Failure::Ending { kind } => match kind {
                EndingKind::HungUp => "de klant heeft opgehangen".into(),
                EndingKind::Unresolved => "de vraag van de klant is niet opgelost".into(),
                EndingKind::Escalated => {
                    "het contact ging naar een plek die het beleid niet toestaat".into()
                }
                EndingKind::Resolved => "het gesprek is niet afgerond".into(),
            },
            Failure::SkillBelowFloor {
                skill,
                score,
                floor,
            } => format!(
                "{} {score} ligt onder de ondergrens van {floor}",
                skill_nl(*skill)
            ),
            Failure::BelowPassMark { overall, pass_mark } => {
                format!("totaal {overall} ligt onder de slaaggrens van {pass_mark}")
            }
        }
    }
}

fn skill_en(s: Skill) -> &'static str {
    match s {
        Skill::Patience => "Patience",
        Skill::Listening => "Listening",
        Skill::Name => "Name",
        Skill::Escalation => "Escalation",
    }
}

fn skill_de(s: Skill) -> &'static str {
    match s {
        Skill::Patience => "Geduld",
        Skill::Listening => "Zuhören",
        Skill::Name => "Name",
        Skill::Escalation => "Eskalation",
    }
}

fn skill_nl(s: Skill) -> &'static str {
    match s {
        Skill::Patience => "Geduld",
        Skill::Listening => "Luisteren",
        Skill::Name => "Naam",
        Skill::Escalation => "Escalatie",
    }
}
