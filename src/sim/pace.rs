//! How fast customers speak, and how long silence may last.
//!
//! The figures are documented in docs/scoring.md ("Time"); change them there too.

use crate::scenario::{Archetype, Channel};

/// Silence before the first line of a turn (the customer takes a breath).
pub const TURN_START_MS: u64 = 300;
/// Silence between two lines of one turn.
pub const LINE_GAP_MS: u64 = 400;
/// The shortest a line can take.
pub const MIN_LINE_MS: u64 = 600;
/// Silence after the customer finished before it counts as dead air (phone and counter).
pub const DEAD_AIR_MS: u64 = 8_000;

/// Reading speed (words per minute) of the "normal" setting: the silence
/// clock starts only once the trainee has had time to read the replies on
/// offer at this speed.
pub const READING_WPM_NORMAL: u32 = 200;
/// Reading speed of the "slow" setting.
pub const READING_WPM_SLOW: u32 = 120;

/// How long reading `words` words takes at `wpm` words per minute (a
/// speed of 0 counts as the normal speed).
pub fn reading_ms(words: usize, wpm: u32) -> u64 {
    let wpm = if wpm == 0 { READING_WPM_NORMAL } else { wpm };
    (words as u64 * 60_000).div_ceil(u64::from(wpm))
}

/// Words per second the agent speaks (or types) a reply: the customer's
/// next turn starts after it.
pub const AGENT_WORDS_PER_SECOND: f32 = 3.0;

/// How long the agent takes to say a reply of `words` words (0 for e-mail).
pub fn agent_ms(words: usize, channel: Channel, pace: f32) -> u64 {
    if channel_factor(channel).is_none() {
        return 0;
    }
    let pace = if pace.is_finite() && pace > 0.0 {
        pace
    } else {
        1.0
    };
    ((words as f32 / (AGENT_WORDS_PER_SECOND * pace) * 1000.0).round() as u64).max(MIN_LINE_MS)
}

/// Words per second an archetype speaks at pace 1.0.
pub fn words_per_second(archetype: Archetype) -> f32 {
    match archetype {
        Archetype::Calm => 2.6,
        Archetype::Angry => 3.2,
        Archetype::Confused => 2.0,
        Archetype::Grieving => 1.6,
    }
}

/// How a channel stretches delivery: typing in a chat is slower than talking;
/// an e-mail arrives all at once.
pub fn channel_factor(channel: Channel) -> Option<f32> {
    match channel {
        Channel::Phone | Channel::Counter => Some(1.0),
        Channel::Chat => Some(0.7),
        Channel::Email => None,
    }
}

/// Whether silence annoys the customer on this channel.
pub fn has_dead_air(channel: Channel) -> bool {
    matches!(channel, Channel::Phone | Channel::Counter)
}

/// How long a line of `words` words takes, in milliseconds.
pub fn line_ms(words: usize, archetype: Archetype, channel: Channel, pace: f32) -> u64 {
    let Some(factor) = channel_factor(channel) else {
        return 0;
    };
    let pace = if pace.is_finite() && pace > 0.0 {
        pace
    } else {
        1.0
    };
    let secs = words as f32 / (words_per_second(archetype) * factor * pace);
    ((secs * 1000.0).round() as u64).max(MIN_LINE_MS)
}

/// Counts words the way a listener hears them.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count().max(1)
}
