//! Limits the format sets and the engine relies on. They live here, below
//! the engine, so that the format never has to import the engine to check them.

/// At most this many facts per scenario: the engine keeps heard facts as a 64-bit set.
pub const MAX_FACTS: usize = 64;
