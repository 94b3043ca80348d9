//! Headset: a training game for customer-service agents.
//!
//! This library is the core: scenarios, the conversation engine and the
//! rubric. It never depends on Bevy, so it builds and tests in seconds with
//! `cargo test --no-default-features`; the game (`game`, feature `gui`) is a
//! thin shell over it.

pub mod scenario;
pub mod score;
pub mod sim;
