//! The rubric as a small state machine: fed the agent's actions one by one
//! and the end of the call, it produces moments. Its state is a handful of
//! counters, so the explorer can memoise on it.

use super::moment::Why;
use super::rules as r;
use crate::scenario::{EndingKind, Escalation, Marker, Skill};
use crate::sim::compiled::Compiled;
use crate::sim::pace;
use crate::sim::{ActionKind, ActionRecord, EndCause, EndRecord};

/// A moment before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMoment {
    pub turn: u32,
    pub skill: Skill,
    pub points: i32,
    /// A critical error: the call fails whatever the points.
    pub critical: bool,
    pub why: Why,
    pub entry: Option<usize>,
}

/// One moment as the rubric reports it, before it is worded.
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    pub turn: u32,
    pub entry: Option<usize>,
    pub skill: Skill,
    pub points: i32,
    pub critical: bool,
}

/// Where the rubric puts its moments. The debrief keeps each moment with
/// its reason (`Vec<RawMoment>`); the explorer, which scores millions of
/// actions, only adds up the points ([`Tally`]). The reason is built only
/// when asked for: most carry names and texts.
pub trait Moments {
    fn moment(&mut self, mark: Mark, why: impl FnOnce() -> Why);
}

impl Moments for Vec<RawMoment> {
    fn moment(&mut self, m: Mark, why: impl FnOnce() -> Why) {
        self.push(RawMoment {
            turn: m.turn,
            skill: m.skill,
            points: m.points,
            critical: m.critical,
            why: why(),
            entry: m.entry,
        });
    }
}

/// Points per skill (in `Skill::ALL` order), critical errors, and whether
/// a right escalation was made: what the explorer needs of the rubric.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub points: [i32; 4],
    /// Critical errors among them.
    pub critical: i32,
    /// A moment `Why::EscalationRight` was among them.
    pub right_escalation: bool,
}

impl Moments for Tally {
    fn moment(&mut self, m: Mark, why: impl FnOnce() -> Why) {
        self.points[m.skill as usize] += m.points;
        self.critical += i32::from(m.critical);
        // Only escalation moments can be the right escalation; they are few.
        if m.skill == Skill::Escalation {
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
    /// Facts already credited for Listening (asked for or used).
    pub credited: u64,
    /// A right target was reached at some point.
    pub escalated_right: bool,
}

/// Which skills a reply is penalised in: such a reply earns no credit in
/// that skill (rubric v2, "Mistakes stay").
#[derive(Debug, Clone, Copy, Default)]
struct Penalised([bool; 4]);

impl Penalised {
    fn set(&mut self, skill: Skill) {
        self.0[skill as usize] = true;
    }
    fn has(&self, skill: Skill) -> bool {
        self.0[skill as usize]
    }
}

impl Scorer {
    /// Scores one action of the agent.
    pub fn action(&mut self, c: &Compiled, a: &ActionRecord, out: &mut impl Moments) {
        let mut push = |skill, points, critical, why: &dyn Fn() -> Why| {
            let mark = Mark {
                turn: a.turn,
                entry: Some(a.entry),
                skill,
                points,
                critical,
            };
            out.moment(mark, why)
        };
        let fact = |i: usize| c.fact_label(i).to_owned();
        let mut penalised = Penalised::default();
        if let Some((points, why)) = dead_air(a.dead_air) {
            penalised.set(Skill::Patience);
            push(Skill::Patience, points, false, &|| why.clone());
        }
        if a.interrupted {
            penalised.set(Skill::Patience);
            push(Skill::Patience, r::INTERRUPTED, false, &|| {
                Why::Interrupted {
                    cut: a.cut_line.clone(),
                }
            });
            for i in (0..c.fact_ids.len()).filter(|i| a.missed & (1 << i) != 0) {
                penalised.set(Skill::Listening);
                push(Skill::Listening, r::MISSED_FACT, false, &|| {
                    Why::MissedFact { fact: fact(i) }
                });
            }
        }
        let target = match a.kind {
            ActionKind::Reply(i) => {
                let reply = &c.nodes[a.node].replies[i];
                let node = &c.nodes[a.node];
                let def = &c.node_defs[a.node].replies[i];
                self.replies += 1;
                // Penalties first: they decide which credits this reply may earn.
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
                    penalised.set(Skill::Patience);
                    push(Skill::Patience, points, false, &|| Why::Impatient(m));
                }
                if let Some(cr) = &def.critical {
                    penalised.set(cr.skill);
                    push(cr.skill, 0, true, &|| Why::AuthoredCritical {
                        reason: cr.reason.clone(),
                        tip: cr.tip.clone(),
                    });
                }
                for m in &def.moments {
                    if m.points < 0 {
                        penalised.set(m.skill);
                    }
                    push(m.skill, m.points, false, &|| Why::Authored {
                        reason: m.reason.clone(),
                        tip: m.tip.clone(),
                    });
                }
                let asked_again = reply.asks.is_some_and(|bit| a.heard & bit != 0);
                if let Some(bit) = reply.asks.filter(|_| asked_again) {
                    penalised.set(Skill::Listening);
                    let i = bit.trailing_zeros() as usize;
                    push(Skill::Listening, r::ASKED_AGAIN, false, &|| {
                        Why::AskedAgain { fact: fact(i) }
                    });
                }
                if reply.marks.contains(&Marker::WrongName) {
                    penalised.set(Skill::Name);
                    push(Skill::Name, r::WRONG_NAME, false, &|| Why::WrongName);
                }
                if reply.marks.contains(&Marker::OverPromise) {
                    penalised.set(Skill::Escalation);
                    push(Skill::Escalation, r::OVER_PROMISE, true, &|| {
                        Why::OverPromise
                    });
                }
                // Credits, each only where this reply carries no penalty.
                if !penalised.has(Skill::Patience) {
                    if node.repeats || node.rude {
                        push(Skill::Patience, r::COURTEOUS_UNDER_PRESSURE, false, &|| {
                            Why::CourteousUnderPressure { rude: node.rude }
                        });
                    }
                    if reply.marks.contains(&Marker::Apologises) && !self.apologised {
                        self.apologised = true;
                        push(Skill::Patience, r::APOLOGISED, false, &|| Why::Apologised);
                    }
                }
                if !penalised.has(Skill::Listening) {
                    if let Some(bit) = reply.asks.filter(|b| self.credited & b == 0) {
                        let points = listening_credit(c, self.credited.count_ones());
                        self.credited |= bit;
                        let i = bit.trailing_zeros() as usize;
                        push(Skill::Listening, points, false, &|| Why::GoodQuestion {
                            fact: fact(i),
                        });
                    }
                    let fresh = reply.needs & !self.credited;
                    for i in (0..c.fact_ids.len()).filter(|i| fresh & (1 << i) != 0) {
                        let points = listening_credit(c, self.credited.count_ones());
                        self.credited |= 1 << i;
                        push(Skill::Listening, points, false, &|| {
                            Why::ShowedUnderstanding { fact: fact(i) }
                        });
                    }
                }
                if reply.uses_name && !penalised.has(Skill::Name) {
                    self.name_uses += 1;
                    let at = (self.replies, a.turn, a.entry);
                    if self.first_use.is_none() {
                        self.first_use = Some(at);
                    } else if self.second_use.is_none() {
                        self.second_use = Some(at);
                    }
                }
                let handover =
                    reply.marks.contains(&Marker::Handover) && !penalised.has(Skill::Escalation);
                reply.escalate.map(|t| (t, handover))
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
        let mut push = |points, critical, why: &dyn Fn() -> Why| {
            let mark = Mark {
                turn: a.turn,
                entry: Some(a.entry),
                skill: Skill::Escalation,
                points,
                critical,
            };
            out.moment(mark, why)
        };
        let s = &c.scenario;
        let target = || c.target_label(t);
        match &s.escalation {
            Escalation::NotNeeded { why } => {
                push(r::ESCALATION_NOT_NEEDED, false, &|| {
                    Why::EscalationNotNeeded {
                        target: target(),
                        why: why.clone(),
                    }
                });
            }
            Escalation::Optional { .. } | Escalation::Required { .. } => {
                if !c.escalation_to.contains(&t) {
                    // Under Required the customer ends up where nobody can help.
                    let critical = matches!(s.escalation, Escalation::Required { .. });
                    push(r::ESCALATION_WRONG_TARGET, critical, &|| {
                        Why::EscalationWrongTarget {
                            target: target(),
                            right: c.escalation_to.iter().map(|&i| c.target_label(i)).collect(),
                        }
                    });
                    return;
                }
                self.escalated_right = true;
                let missing_bits = c.escalation_after & !a.heard;
                if missing_bits == 0 {
                    push(r::ESCALATION_RIGHT, false, &|| Why::EscalationRight {
                        target: target(),
                    });
                } else {
                    push(r::ESCALATION_EARLY, false, &|| Why::EscalationEarly {
                        target: target(),
                        missing: (0..c.fact_ids.len())
                            .filter(|i| missing_bits & (1 << i) != 0)
                            .map(|i| c.fact_label(i).to_owned())
                            .collect(),
                    });
                }
                if handover && missing_bits == 0 {
                    push(r::HANDOVER, false, &|| Why::Handover);
                } else if !handover {
                    push(r::NO_HANDOVER, false, &|| Why::NoHandover);
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
        let mut push = |skill, points, critical, why: &dyn Fn() -> Why| {
            let mark = Mark {
                turn,
                entry: last_entry,
                skill,
                points,
                critical,
            };
            out.moment(mark, why)
        };
        if let Some((points, why)) = dead_air(e.dead_air) {
            push(Skill::Patience, points, false, &|| why.clone());
        }
        let upset = e.mood.anger >= r::UPSET_ANGER || e.mood.distress >= r::UPSET_DISTRESS;
        match e.cause {
            // A reply that leads straight to a hang-up ending is the same
            // failure as anger reaching the limit: the customer left angry.
            _ if e.kind == EndingKind::HungUp => {
                push(Skill::Patience, r::CUSTOMER_HUNG_UP, true, &|| {
                    Why::CustomerHungUp
                })
            }
            // Hanging up where the scenario does not allow it is never a way
            // to close a call.
            EndCause::AgentHangUp => push(Skill::Patience, r::HUNG_UP_ON_CUSTOMER, true, &|| {
                Why::HungUpOnCustomer
            }),
            EndCause::Reply | EndCause::AgentEnded
                if upset && matches!(e.kind, EndingKind::Resolved | EndingKind::Unresolved) =>
            {
                push(Skill::Patience, r::LEFT_UPSET, false, &|| Why::LeftUpset)
            }
            _ => {}
        }
        if self.credited == 0 {
            push(Skill::Listening, 0, false, &|| Why::NoListeningShown);
        }
        let mut push_at = |turn, entry, skill, points, why: &dyn Fn() -> Why| {
            let mark = Mark {
                turn,
                entry,
                skill,
                points,
                critical: false,
            };
            out.moment(mark, why)
        };
        match (self.first_use, self.second_use) {
            (None, _) => push_at(turn, last_entry, Skill::Name, r::NAME_NEVER, &|| {
                Why::NameNever
            }),
            (Some((nth, t, entry)), second) => {
                if nth <= r::NAME_EARLY_BY {
                    // A call of one reply and nothing else: a reply and then
                    // a transfer or hang-up had a second chance to use it.
                    let points = if self.replies == 1 && e.turns == 1 {
                        r::NAME_ONLY_REPLY
                    } else {
                        r::NAME_EARLY
                    };
                    push_at(t, Some(entry), Skill::Name, points, &|| Why::NameEarly);
                } else {
                    push_at(t, Some(entry), Skill::Name, r::NAME_LATE, &|| Why::NameLate);
                }
                if let Some((_, t2, entry2)) = second {
                    push_at(t2, Some(entry2), Skill::Name, r::NAME_AGAIN, &|| {
                        Why::NameAgain
                    })
                }
            }
        }
        if self.replies >= r::NAME_OVERUSE_MIN_REPLIES
            && self.name_uses * 100 >= self.replies * r::NAME_OVERUSE_PERCENT
        {
            push_at(turn, last_entry, Skill::Name, r::NAME_OVERUSE, &|| {
                Why::NameOveruse
            });
        }
        if let Escalation::Required { why, .. } = &c.scenario.escalation
            && !self.escalated_right
        {
            push_at(
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

/// The Patience moment for `steps` dead-air steps (none for none): the
/// silence before an action and the silence the call ended in cost alike.
fn dead_air(steps: u32) -> Option<(i32, Why)> {
    (steps > 0).then(|| {
        let seconds = u64::from(steps) * pace::DEAD_AIR_MS / 1000;
        (r::DEAD_AIR * steps as i32, Why::DeadAir { seconds })
    })
}

/// What one fact shown is worth in this call: 100 divided by its listening
/// facts, rounded up, and at least [`r::LISTENING_PER_FACT`].
pub fn listening_per_fact(c: &Compiled) -> i32 {
    let facts = c.listening_facts.count_ones().max(1) as i32;
    ((r::SHOWN_FULL + facts - 1) / facts).max(r::LISTENING_PER_FACT)
}

/// The Listening points a newly shown fact earns when `shown` facts were
/// shown before it: [`listening_per_fact`] until the skill is full, then
/// less, then nothing, so credits never add up past 100 and can never pay
/// back a penalty.
pub fn listening_credit(c: &Compiled, shown: u32) -> i32 {
    let per = listening_per_fact(c);
    let before = (per * shown as i32).min(r::SHOWN_FULL);
    per.min(r::SHOWN_FULL - before)
}
