//! A customer line: what the customer says, possibly revealing facts.
//!
//! In a file a line is either a plain string (`"Hello?"`) or a struct
//! (`(say: "...", reveals: ["order"], pause: 2.0)`), so short turns stay short.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// One line of a customer turn.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Line {
    /// What the customer says.
    pub say: String,
    /// Alternative wordings; the seed picks one.
    pub variants: Vec<String>,
    /// Facts the agent learns by hearing this line to its end.
    pub reveals: Vec<String>,
    /// Silence in seconds before the line starts (on top of the pace).
    pub pause: f32,
}

/// The fields of the struct form, in declaration order: the list serde
/// reports with an unknown field, by which the loader recognises a line.
pub(crate) const FIELDS: &[&str] = &["say", "variants", "reveals", "pause"];

/// The struct form of a line, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Line")]
struct LineFields {
    say: String,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    reveals: Vec<String>,
    #[serde(default)]
    pause: f32,
}

impl<'de> Deserialize<'de> for Line {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LineVisitor;

        impl<'de> Visitor<'de> for LineVisitor {
            type Value = Line;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a line: "text" or (say: "text", reveals: [...])"#)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Line, E> {
                Ok(Line {
                    say: v.to_owned(),
                    ..Line::default()
                })
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Line, E> {
                Ok(Line {
                    say: v,
                    ..Line::default()
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Line, A::Error> {
                let f = LineFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Line {
                    say: f.say,
                    variants: f.variants,
                    reveals: f.reveals,
                    pause: f.pause,
                })
            }
        }

        deserializer.deserialize_any(LineVisitor)
    }
}
