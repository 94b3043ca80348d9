//! The conversation engine: a call as a deterministic state machine over an
//! injected clock. Inputs: time, replies, transfers, hang-ups. Outputs:
//! events, a transcript, and action records for the rubric.

pub mod compiled;
pub mod pace;
pub mod record;
pub mod rng;
pub mod script;
pub mod session;
pub mod system_text;

pub use compiled::{CompileError, Compiled};
pub use record::{ActionKind, ActionRecord, EndCause, EndRecord, Entry, Event, Speaker};
pub use session::{InputError, Options, Session};
