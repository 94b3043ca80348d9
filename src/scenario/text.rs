//! Placeholders in spoken text: `{name}`, `{full_name}`, `{agent}`.
//!
//! Authors write `{name}` rather than "Mr Keller" so that name pools work and
//! so that the engine knows, without guessing, when the agent used the name.

/// The placeholders a text may contain.
pub const PLACEHOLDERS: &[&str] = &["name", "full_name", "agent"];

/// A piece of parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Literal text (with `{{`/`}}` already unescaped only on fill).
    Text(&'a str),
    /// A placeholder name and its character offset in the text.
    Placeholder(&'a str, usize),
}

/// Why a text's placeholders are broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenPlaceholder {
    /// Character offset of the `{` or `}` that is unmatched.
    pub offset: usize,
}

/// Splits text into literal pieces and placeholders. `{{` and `}}` are literal braces.
pub fn parse(text: &str) -> Result<Vec<Piece<'_>>, BrokenPlaceholder> {
    let mut pieces = Vec::new();
    let mut chars = text.char_indices().enumerate().peekable();
    let mut lit_start = 0;
    while let Some((ci, (bi, c))) = chars.next() {
        match c {
            '{' | '}' if chars.peek().is_some_and(|(_, (_, n))| *n == c) => {
                chars.next();
            }
            '{' => {
                if lit_start < bi {
                    pieces.push(Piece::Text(&text[lit_start..bi]));
                }
                let mut end = None;
                for (_, (bj, d)) in chars.by_ref() {
                    if d == '}' {
                        end = Some(bj);
                        break;
                    }
                    if d == '{' {
                        break;
                    }
                }
                let Some(end) = end else {
                    return Err(BrokenPlaceholder { offset: ci });
                };
                pieces.push(Piece::Placeholder(&text[bi + 1..end], ci));
                lit_start = end + 1;
            }
            '}' => return Err(BrokenPlaceholder { offset: ci }),
            _ => {}
        }
    }
    if lit_start < text.len() {
        pieces.push(Piece::Text(&text[lit_start..]));
    }
    Ok(pieces)
}

/// Values for the placeholders.
#[derive(Debug, Clone, Default)]
pub struct Vars<'a> {
    /// The correct form of address ("Mr Keller").
    pub name: &'a str,
    /// The full name ("Jonas Keller").
    pub full_name: &'a str,
    /// The agent's name.
    pub agent: &'a str,
}

/// Fills the placeholders; unknown or broken ones stay as written (the
/// validator has already reported them).
pub fn fill(text: &str, vars: &Vars) -> String {
    let Ok(pieces) = parse(text) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len() + 16);
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(&t.replace("{{", "{").replace("}}", "}")),
            Piece::Placeholder("name", _) => out.push_str(vars.name),
            Piece::Placeholder("full_name", _) => out.push_str(vars.full_name),
            Piece::Placeholder("agent", _) => out.push_str(vars.agent),
            Piece::Placeholder(other, _) => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
    }
    out
}

/// Whether filling in can change the text: it has a known placeholder.
pub fn has_placeholder(text: &str) -> bool {
    parse(text).is_ok_and(|ps| {
        ps.iter()
            .any(|p| matches!(p, Piece::Placeholder(name, _) if PLACEHOLDERS.contains(name)))
    })
}

/// Whether the text addresses the customer by name through a placeholder.
pub fn uses_name_placeholder(text: &str) -> bool {
    parse(text).is_ok_and(|ps| {
        ps.iter()
            .any(|p| matches!(p, Piece::Placeholder("name" | "full_name", _)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_placeholders_and_literal_braces() {
        let vars = Vars {
            name: "Mr Keller",
            full_name: "Jonas Keller",
            agent: "Sam",
        };
        assert_eq!(
            fill("Hello {name}, I am {agent} {{ok}}", &vars),
            "Hello Mr Keller, I am Sam {ok}"
        );
    }

    #[test]
    fn reports_the_offset_of_an_unclosed_brace() {
        assert_eq!(parse("Hi {name, ok"), Err(BrokenPlaceholder { offset: 3 }));
        assert_eq!(parse("Hi name}"), Err(BrokenPlaceholder { offset: 7 }));
    }

    #[test]
    fn detects_name_use() {
        assert!(uses_name_placeholder("Thanks, {name}."));
        assert!(!uses_name_placeholder("Thanks, {agent}."));
    }
}
