//! Profile folders. A trainee's name can be anything they type ("José
//! Müller", "Anna/2", "CON"), but a folder name must be safe on every
//! system and must never collide with another trainee's folder. So the
//! folder is a readable ASCII part plus 8 hex digits of the name's hash,
//! and the real name is kept inside: in `profile.json` and in every record.

use serde::{Deserialize, Serialize};

use super::checksum::fnv1a64;

/// The file in a profile folder that holds the real name.
pub const PROFILE_FILE: &str = "profile.json";

/// What `profile.json` holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileFile {
    /// The profile name as the trainee typed it.
    pub name: String,
}

/// The folder name of a profile: lower-case ASCII letters and digits of the
/// name (other characters become `-`, at most 32), then `-` and 8 hex
/// digits of the name's FNV-1a hash, so "Anna" and "anna" get different
/// folders even on a case-insensitive disk.
pub fn folder_name(profile: &str) -> String {
    let mut readable = String::new();
    for c in profile.chars() {
        if readable.len() >= 32 {
            break;
        }
        if c.is_ascii_alphanumeric() {
            readable.push(c.to_ascii_lowercase());
        } else if !readable.is_empty() && !readable.ends_with('-') {
            readable.push('-');
        }
    }
    let readable = readable.trim_end_matches('-');
    let readable = if readable.is_empty() {
        "profile"
    } else {
        readable
    };
    format!(
        "{readable}-{:08x}",
        fnv1a64(profile.as_bytes()) & 0xFFFF_FFFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_safe_and_distinct() {
        let names = [
            "Anna",
            "anna",
            "José Müller",
            "../../etc",
            "CON",
            "",
            "a/b\\c:d",
            "名前",
        ];
        let folders: Vec<String> = names.iter().map(|n| folder_name(n)).collect();
        for f in &folders {
            assert!(
                f.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{f}"
            );
            assert!(!f.starts_with('-') && f.len() <= 41, "{f}");
        }
        let mut unique = folders.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), folders.len(), "{folders:?}");
        assert!(folders[2].starts_with("jos-m-ller-"), "{}", folders[2]);
        assert_eq!(folder_name("Anna"), folder_name("Anna"), "stable");
    }
}
