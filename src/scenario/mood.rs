//! Mood: the customer's feelings on four axes from 0 to 100.
//!
//! Replies shift the axes, time and turns make them drift, branches test them,
//! and the portrait in the game follows them.

use serde::{Deserialize, Serialize};

use super::model::Archetype;

/// The lowest value of an axis.
pub const MOOD_MIN: i32 = 0;
/// The highest value of an axis.
pub const MOOD_MAX: i32 = 100;

/// One of the mood axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Axis {
    Anger,
    Trust,
    Confusion,
    Distress,
}

impl Axis {
    /// All axes, in display order.
    pub const ALL: [Axis; 4] = [Axis::Anger, Axis::Trust, Axis::Confusion, Axis::Distress];

    /// Lower-case name as written in files.
    pub fn key(self) -> &'static str {
        match self {
            Axis::Anger => "anger",
            Axis::Trust => "trust",
            Axis::Confusion => "confusion",
            Axis::Distress => "distress",
        }
    }
}

/// A concrete mood: every axis 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Mood {
    pub anger: i32,
    pub trust: i32,
    pub confusion: i32,
    pub distress: i32,
}

impl Mood {
    /// The value of one axis.
    pub fn get(&self, axis: Axis) -> i32 {
        match axis {
            Axis::Anger => self.anger,
            Axis::Trust => self.trust,
            Axis::Confusion => self.confusion,
            Axis::Distress => self.distress,
        }
    }

    /// Mutable access to one axis.
    pub fn get_mut(&mut self, axis: Axis) -> &mut i32 {
        match axis {
            Axis::Anger => &mut self.anger,
            Axis::Trust => &mut self.trust,
            Axis::Confusion => &mut self.confusion,
            Axis::Distress => &mut self.distress,
        }
    }

    /// Applies a shift, keeping every axis within 0 to 100.
    pub fn apply(&mut self, shift: &MoodShift) {
        for axis in Axis::ALL {
            let v = self.get_mut(axis);
            *v = (*v + shift.get(axis)).clamp(MOOD_MIN, MOOD_MAX);
        }
    }

    /// The default starting mood of an archetype (documented in scenario-format.md).
    pub fn archetype_default(archetype: Archetype) -> Mood {
        match archetype {
            Archetype::Calm => Mood {
                anger: 10,
                trust: 60,
                confusion: 10,
                distress: 10,
            },
            Archetype::Angry => Mood {
                anger: 70,
                trust: 20,
                confusion: 10,
                distress: 30,
            },
            Archetype::Confused => Mood {
                anger: 20,
                trust: 40,
                confusion: 70,
                distress: 30,
            },
            Archetype::Grieving => Mood {
                anger: 10,
                trust: 40,
                confusion: 20,
                distress: 80,
            },
        }
    }
}

/// The starting mood as written: axes left out take the archetype default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MoodStart {
    pub anger: Option<i32>,
    pub trust: Option<i32>,
    pub confusion: Option<i32>,
    pub distress: Option<i32>,
}

impl MoodStart {
    /// The value written for an axis, if any.
    pub fn get(&self, axis: Axis) -> Option<i32> {
        match axis {
            Axis::Anger => self.anger,
            Axis::Trust => self.trust,
            Axis::Confusion => self.confusion,
            Axis::Distress => self.distress,
        }
    }

    /// The concrete starting mood for an archetype.
    pub fn resolve(&self, archetype: Archetype) -> Mood {
        let mut mood = Mood::archetype_default(archetype);
        for axis in Axis::ALL {
            if let Some(v) = self.get(axis) {
                *mood.get_mut(axis) = v.clamp(MOOD_MIN, MOOD_MAX);
            }
        }
        mood
    }
}

/// A change of mood: positive raises an axis, negative lowers it; default 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MoodShift {
    pub anger: i32,
    pub trust: i32,
    pub confusion: i32,
    pub distress: i32,
}

impl MoodShift {
    /// The change on one axis.
    pub fn get(&self, axis: Axis) -> i32 {
        match axis {
            Axis::Anger => self.anger,
            Axis::Trust => self.trust,
            Axis::Confusion => self.confusion,
            Axis::Distress => self.distress,
        }
    }

    /// True when nothing changes.
    pub fn is_zero(&self) -> bool {
        Axis::ALL.iter().all(|&a| self.get(a) == 0)
    }
}

/// A condition on mood and heard facts; every part written must hold.
///
/// `anger_above: 70` means anger greater than 70; `_below` means less than.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Condition {
    pub anger_above: Option<i32>,
    pub anger_below: Option<i32>,
    pub trust_above: Option<i32>,
    pub trust_below: Option<i32>,
    pub confusion_above: Option<i32>,
    pub confusion_below: Option<i32>,
    pub distress_above: Option<i32>,
    pub distress_below: Option<i32>,
    /// Facts the agent must have heard.
    pub heard: Vec<String>,
    /// Facts the agent must not have heard.
    pub not_heard: Vec<String>,
}

impl Condition {
    /// The bounds written, as (axis, lower-exclusive, upper-exclusive).
    pub fn bounds(&self) -> [(Axis, Option<i32>, Option<i32>); 4] {
        [
            (Axis::Anger, self.anger_above, self.anger_below),
            (Axis::Trust, self.trust_above, self.trust_below),
            (Axis::Confusion, self.confusion_above, self.confusion_below),
            (Axis::Distress, self.distress_above, self.distress_below),
        ]
    }

    /// Whether the condition holds for a mood and a test of heard facts.
    pub fn holds(&self, mood: &Mood, heard: impl Fn(&str) -> bool) -> bool {
        let mood_ok = self.bounds().iter().all(|&(axis, above, below)| {
            let v = mood.get(axis);
            above.is_none_or(|a| v > a) && below.is_none_or(|b| v < b)
        });
        mood_ok && self.heard.iter().all(|f| heard(f)) && self.not_heard.iter().all(|f| !heard(f))
    }
}
