//! The words of the debrief: a reason and a tip for every moment, in the
//! scenario's language. The tips draw on what good agents do.

use super::moment::Why;

mod de;
mod en;
mod nl;

/// Reason and tip for a moment. `name` is the customer's form of address.
pub fn words(why: &Why, language: &str, name: &str) -> (String, String) {
    if let Why::Authored { reason, tip } | Why::AuthoredCritical { reason, tip } = why {
        return (reason.clone(), tip.clone());
    }
    match language {
        "de" => de::words(why, name),
        "nl" => nl::words(why, name),
        _ => en::words(why, name),
    }
}

/// Joins labels as "a", "a and b", "a, b and c" with the language's "and".
pub(crate) fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}
