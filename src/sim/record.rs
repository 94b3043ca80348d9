//! What the engine tells the outside world: events as they happen, the
//! transcript, and the records of the agent's actions that the rubric scores.

use serde::{Deserialize, Serialize};

use crate::scenario::{EndingKind, Mood};

/// Who speaks a transcript line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Speaker {
    Customer,
    Agent,
    /// Not spoken: "the call was transferred", "the customer hung up".
    System,
}

/// One line of the transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub speaker: Speaker,
    /// The words heard; a line cut off ends with " —".
    pub text: String,
    /// When the line started, in milliseconds since the call began.
    pub t_ms: u64,
    /// The agent's turn it belongs to (replies so far when it was said).
    pub turn: u32,
    /// The customer was cut off in this line.
    pub cut: bool,
}

/// Something that happened, in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// A customer line starts (transcript index).
    LineStarted {
        entry: usize,
        t_ms: u64,
        ends_ms: u64,
    },
    /// A customer line was heard to its end.
    LineFinished { entry: usize, t_ms: u64 },
    /// The agent now knows a fact.
    FactRevealed { fact: String, t_ms: u64 },
    /// The mood changed.
    MoodChanged { mood: Mood, t_ms: u64 },
    /// The replies the agent can choose now (file indices in display order).
    RepliesOffered { replies: Vec<usize>, t_ms: u64 },
    /// The agent stayed silent too long after the customer finished.
    DeadAir { t_ms: u64, silent_ms: u64 },
    /// The agent spoke before the customer finished.
    Interrupted {
        t_ms: u64,
        missed_facts: Vec<String>,
    },
    /// The agent handed the contact over.
    Escalated { target: String, t_ms: u64 },
    /// Anger reached the limit: the customer hung up.
    CustomerHungUp { t_ms: u64 },
    /// The call is over.
    EndingReached {
        ending: String,
        kind: EndingKind,
        t_ms: u64,
    },
}

/// What the agent did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionKind {
    /// An authored reply, by its index in the node (file order).
    Reply(usize),
    /// A transfer from the target picker, outside the authored replies.
    Transfer(usize),
    /// The agent ended the call.
    HangUp,
}

/// One action of the agent with the context the rubric needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRecord {
    /// 1-based number of this action.
    pub turn: u32,
    /// When it happened.
    pub t_ms: u64,
    /// Node index the agent was in.
    pub node: usize,
    /// What the agent did.
    pub kind: ActionKind,
    /// The customer had not finished.
    pub interrupted: bool,
    /// What the customer was saying when cut off (the cut line, whole).
    pub cut_line: Option<String>,
    /// Facts lost by interrupting (not heard before).
    pub missed: u64,
    /// Facts heard before the action.
    pub heard: u64,
    /// Mood after the action's effects.
    pub mood: Mood,
    /// Transcript index of the agent's line (or the system line for transfers).
    pub entry: usize,
    /// Dead-air steps the customer sat through in this turn before the
    /// action (each `DEAD_AIR_MS` of silence after the reading allowance).
    pub dead_air: u32,
}

/// How the call was ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EndCause {
    /// A reply led to an ending.
    Reply,
    /// A transfer from the target picker.
    Transfer,
    /// The agent hung up where the scenario does not allow it.
    AgentHangUp,
    /// The agent ended the call in a turn whose `agent_may_end` allows it.
    AgentEnded,
    /// Anger reached the limit.
    CustomerHangUp,
    /// The call has not ended yet (a report on a call in progress).
    Unfinished,
}

/// The end of a call.
#[derive(Debug, Clone, PartialEq)]
pub struct EndRecord {
    /// Ending id (built-in ids: "transfer", "agent_hung_up", "customer_hung_up").
    pub ending: String,
    pub kind: EndingKind,
    pub cause: EndCause,
    pub mood: Mood,
    pub heard: u64,
    pub t_ms: u64,
    /// Actions taken in the call.
    pub turns: u32,
    /// Dead-air steps since the agent's last action (a customer who hung
    /// up in the silence, or a call scored while the customer waits).
    pub dead_air: u32,
}
