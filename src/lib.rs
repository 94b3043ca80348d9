//! Headset: a training game for customer-service agents.
//!
//! This library is the core: scenarios, the conversation engine and the
//! rubric. It never depends on Bevy, so it builds and tests in seconds with
//! `cargo test --no-default-features`; the game (`game`, feature `gui`) is a
//! thin shell over it.

// A load error is built at most once per file and carries the offending line
// for the caret display; boxing it would burden every caller for nothing.
#![allow(clippy::result_large_err)]

/// mimalloc instead of the system allocator, for the binary, the tests and
/// the benchmarks alike. Parsing a library and exploring a call make millions
/// of small allocations; with glibc's allocator, allocating and freeing was
/// more than half of `headset validate` on 1,000 files (0.45 s; 0.19 s with
/// this one) and most of `headset explore`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod explore;
pub mod graph;
pub mod par;
pub mod progress;
pub mod report;
pub mod scenario;
pub mod score;
pub mod sim;
pub mod store;

#[cfg(feature = "gui")]
pub mod game;
