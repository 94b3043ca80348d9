//! Debrief texts in this language. Until translated, English is used.

use crate::score::moment::Why;

pub(super) fn words(why: &Why, name: &str) -> (String, String) {
    super::en::words(why, name)
}
