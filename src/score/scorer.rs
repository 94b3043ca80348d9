//! The rubric as a small state machine: fed the agent's actions one by one
//! and the end of the call, it produces moments. Its state is a handful of
//! counters, so the explorer can memoise on it.

use super::moment::Why;
use super::rules as r;
use crate::scenario::{EndingKind, Escalation, Marker, Skill};
use crate::sim::compiled::Compiled;
use crate::sim::session::is_impatient;
use crate::sim::{ActionKind, ActionRecord, EndCause, EndRecord};

/// A moment before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMoment {
    pub turn: u32,
    pub skill: Skill,
    pub points: i32,
    pub why: Why,
    pub entry: Option<usize>,
}

/// Where the rubric puts its moments. The debrief keeps each moment with
/// its reason (`Vec<RawMoment>`); the explorer, which scores millions of
/// actions, only adds up the points ([`Tally`]). The reason is built only
/// when asked for: most carry names and texts.
pub trait Moments {
    fn moment(
        &mut self,
        turn: u32,
        entry: Option<usize>,
        skill: Skill,
        points: i32,
        why: impl FnOnce() -> Why,
    );
}

impl Moments for Vec<RawMoment> {
    fn moment(
        &mut self,
        turn: u32,
        entry: Option<usize>,
        skill: Skill,
        points: i32,
        why: impl FnOnce() -> Why,
    ) {
        self.push(RawMoment {
            turn,
            skill,
            points,
            why: why(),
            entry,
        });
    }
}

/// Points per skill (in `Skill::ALL` order) and whether a right
/// escalation was made: what the explorer needs of the rubric.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub points: [i32; 4],
    /// A moment `Why::EscalationRight` was among them.
    pub right_escalation: bool,
}

impl Moments for Tally {
    fn moment(
        &mut self,
        _turn: u32,
        _entry: Option<usize>,
        skill: Skill,
        points: i32,
        why: impl FnOnce() -> Why,
    ) {
        self.points[skill as usize] += points;
        // Only escalation moments can be the right escalation; they are few.
        if skill == Skill::Escalation {
            self.right_escalation |= matches!(why(), Why::EscalationRight { .. });
        }
    }
}

/// The counters the rubric needs across a call.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Scorer {
    /// Authored replies said.
    pub replies: u32,
    /// Replies that used the name.
    pub name_uses: u32,
    /// Reply number (1-based, among replies) of the first and second use, with their turns and entries.
    pub first_use: Option<(u32, u32, usize)>,
    pub second_use: Option<(u32, u32, usize)>,
    pub apologised: bool,
    /// Facts already credited for a question or for understanding.
    pub credited_question: u64,
    pub credited_understanding: u64,
    /// A right target was reached at some point.
    pub escalated_right: bool,
}

impl Scorer {
    /// Scores one action of the agent.
    pub fn action(&mut self, c: &Compiled, a: &ActionRecord, out: &mut impl Moments) {
        let mut push = |skill, points, why: &dyn Fn() -> Why| {
            out.moment(a.turn, Some(a.entry), skill, points, why)
        };
        let fact = |i: usize| c.fact_label(i).to_owned();
        if a.interrupted {
            push(Skill::Patience, r::INTERRUPTED, &|| Why::Interrupted {
                cut: a.cut_line.clone(),
            });
            for i in (0..c.fact_ids.len()).filter(|i| a.missed & (1 << i) != 0) {
                push(Skill::Listening, r::MISSED_FACT, &|| Why::MissedFact {
                    fact: fact(i),
                });
            }
        }
        let target = match a.kind {
            ActionKind::Reply(i) => {
                let reply = &c.nodes[a.node].replies[i];
                let node = &c.nodes[a.node];
                let def = &c.node_defs[a.node].replies[i];
                self.replies += 1;
                for &m in &reply.marks {
                    let points = match m {
                        Marker::Dismissive => r::DISMISSIVE,
                        Marker::Blaming => r::BLAMING,
                        Marker::CalmDown => r::CALM_DOWN,
                        Marker::Rushing => r::RUSHING,
                        Marker::Arguing => r::ARGUING,
                        Marker::SalesPitch => r::SALES_PITCH,
                        _ => continue,
                    };
                    push(Skill::Patience, points, &|| Why::Impatient(m));
                }
                let impatient = reply.marks.iter().any(|m| is_impatient(*m));
                if (node.repeats || node.rude) && !impatient && !a.interrupted {
                    push(Skill::Patience, r::COURTEOUS_UNDER_PRESSURE, &|| {
                        Why::CourteousUnderPressure { rude: node.rude }
                    });
                }
                if reply.marks.contains(&Marker::Apologises) && !self.apologised {
                    self.apologised = true;
                    push(Skill::Patience, r::APOLOGISED, &|| Why::Apologised);
                }
                if let Some(bit) = reply.asks {
                    let i = bit.trailing_zeros() as usize;
                    if a.heard & bit != 0 {
                        push(Skill::Listening, r::ASKED_AGAIN, &|| Why::AskedAgain {
                            fact: fact(i),
                        });
                    } else if self.credited_question & bit == 0 {
                        self.credited_question |= bit;
                        push(Skill::Listening, r::GOOD_QUESTION, &|| Why::GoodQuestion {
                            fact: fact(i),
                        });
                    }
                }
                let fresh = reply.needs & !self.credited_understanding;
                for i in (0..c.fact_ids.len()).filter(|i| fresh & (1 << i) != 0) {
                    push(Skill::Listening, r::SHOWED_UNDERSTANDING, &|| {
                        Why::ShowedUnderstanding { fact: fact(i) }
                    });
                }
                self.credited_understanding |= reply.needs;
                if reply.marks.contains(&Marker::WrongName) {
                    push(Skill::Name, r::WRONG_NAME, &|| Why::WrongName);
                } else if reply.uses_name {
                    self.name_uses += 1;
                    let at = (self.replies, a.turn, a.entry);
                    if self.first_use.is_none() {
                        self.first_use = Some(at);
                    } else if self.second_use.is_none() {
                        self.second_use = Some(at);
                    }
                }
                if reply.marks.contains(&Marker::OverPromise) {
                    push(Skill::Escalation, r::OVER_PROMISE, &|| Why::OverPromise);
                }
                for m in &def.moments {
                    push(m.skill, m.points, &|| Why::Authored {
                        reason: m.reason.clone(),
                        tip: m.tip.clone(),
                    });
                }
                reply
                    .escalate
                    .map(|t| (t, reply.marks.contains(&Marker::Handover)))
            }
            ActionKind::Transfer(t) => Some((t, false)),
            ActionKind::HangUp => None,
        };
        if let Some((t, handover)) = target {
            self.escalation(c, a, t, handover, out);
        }
    }

    fn escalation(
        &mut self,
        c: &Compiled,
        a: &ActionRecord,
        t: usize,
        handover: bool,
        out: &mut impl Moments,
    ) {
        let mut push = |points, why: &dyn Fn() -> Why| {
            out.moment(a.turn, Some(a.entry), Skill::Escalation, points, why)
        };
        let s = &c.scenario;
        let target = || c.target_label(t);
        match &s.escalation {
            Escalation::NotNeeded { why } => {
                push(r::ESCALATION_NOT_NEEDED, &|| Why::EscalationNotNeeded {
                    target: target(),
                    why: why.clone(),
                });
            }
            Escalation::Optional { .. } | Escalation::Required { .. } => {
                if !c.escalation_to.contains(&t) {
                    push(r::ESCALATION_WRONG_TARGET, &|| Why::EscalationWrongTarget {
                        target: target(),
                        right: c.escalation_to.iter().map(|&i| c.target_label(i)).collect(),
                    });
                    return;
                }
                self.escalated_right = true;
                let missing_bits = c.escalation_after & !a.heard;
                if missing_bits == 0 {
                    push(r::ESCALATION_RIGHT, &|| Why::EscalationRight {
                        target: target(),
                    });
                } else {
                    push(r::ESCALATION_EARLY, &|| Why::EscalationEarly {
                        target: target(),
                        missing: (0..c.fact_ids.len())
                            .filter(|i| missing_bits & (1 << i) != 0)
                            .map(|i| c.fact_label(i).to_owned())
                            .collect(),
                    });
                }
                if handover {
                    push(r::HANDOVER, &|| Why::Handover);
                } else {
                    push(r::NO_HANDOVER, &|| Why::NoHandover);
                }
            }
        }
    }

    /// Scores the end of the call.
    pub fn end(
        &self,
        c: &Compiled,
        e: &EndRecord,
        last_entry: Option<usize>,
        out: &mut impl Moments,
    ) {
        let turn = e.turns;
        let mut push = |turn: u32, entry: Option<usize>, skill, points, why: &dyn Fn() -> Why| {
            out.moment(turn, entry, skill, points, why)
        };
        let upset = e.mood.anger >= r::UPSET_ANGER || e.mood.distress >= r::UPSET_DISTRESS;
        match e.cause {
            EndCause::CustomerHangUp => push(
                turn,
                last_entry,
                Skill::Patience,
                r::CUSTOMER_HUNG_UP,
                &|| Why::CustomerHungUp,
            ),
            // Hanging up is never a way to close a call: it costs more than
            // leaving an upset customer, and the call is not passed.
            EndCause::AgentHangUp => push(
                turn,
                last_entry,
                Skill::Patience,
                r::HUNG_UP_ON_CUSTOMER,
                &|| Why::HungUpOnCustomer,
            ),
            EndCause::Reply
                if upset && matches!(e.kind, EndingKind::Resolved | EndingKind::Unresolved) =>
            {
                push(turn, last_entry, Skill::Patience, r::LEFT_UPSET, &|| {
                    Why::LeftUpset
                })
            }
            _ => {}
        }
        match (self.first_use, self.second_use) {
            (None, _) => push(turn, last_entry, Skill::Name, r::NAME_NEVER, &|| {
                Why::NameNever
            }),
            (Some((nth, t, entry)), second) => {
                if nth <= r::NAME_EARLY_BY {
                    push(t, Some(entry), Skill::Name, r::NAME_EARLY, &|| {
                        Why::NameEarly
                    });
                } else {
                    push(t, Some(entry), Skill::Name, r::NAME_LATE, &|| Why::NameLate);
                }
                match second {
                    Some((_, t2, entry2)) => {
                        push(t2, Some(entry2), Skill::Name, r::NAME_AGAIN, &|| {
                            Why::NameAgain
                        })
                    }
                    None if self.replies >= r::NAME_ONCE_MIN_REPLIES => {
                        push(turn, last_entry, Skill::Name, r::NAME_ONCE, &|| {
                            Why::NameOnce
                        })
                    }
                    None => {}
                }
            }
        }
        if self.replies >= r::NAME_OVERUSE_MIN_REPLIES
            && self.name_uses * 100 >= self.replies * r::NAME_OVERUSE_PERCENT
        {
            push(turn, last_entry, Skill::Name, r::NAME_OVERUSE, &|| {
                Why::NameOveruse
            });
        }
        if let Escalation::Required { why, .. } = &c.scenario.escalation
            && !self.escalated_right
        {
            push(
                turn,
                last_entry,
                Skill::Escalation,
                r::ESCALATION_MISSING,
                &|| Why::EscalationMissing {
                    right: c.escalation_to.iter().map(|&i| c.target_label(i)).collect(),
                    why: why.clone(),
                },
            );
        }
    }
}
