//! How the game keeps its memory.
//!
//! The allocator (mimalloc, src/lib.rs) lets Linux back its memory with
//! transparent huge pages of 2 MiB. For the command-line tools that is a
//! gain: loading 1,000 scenarios touched 43,000 small pages before and a few
//! hundred huge ones after. For the game it is a cost: Bevy runs a dozen
//! threads, each with memory of its own, and whole huge pages count against
//! the process. Measured under Xvfb, the game's peak went from 206 MB to
//! 249–257 MB with huge pages, past the 250 MB it is allowed. The game
//! therefore asks for small pages before it starts Bevy.

/// Turns transparent huge pages off for this process (Linux only; memory
/// already touched keeps its pages). Failing is harmless: the game only uses
/// more memory.
pub fn prefer_small_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory
    // of ours; the call cannot violate Rust's guarantees.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
