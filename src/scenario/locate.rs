//! Where each value of a parsed scenario stands in its file.
//!
//! serde forgets positions once a file is parsed, but the validator must say
//! "line 14, column 24" for a dangling reference. The locator walks the token
//! stream once and records the position of every value under a path such as
//! `nodes["open"].replies[1].next`, built with [`path`] helpers so that the
//! validator and the locator spell paths the same way.

use std::collections::HashMap;

use super::lexer::{Pos, Tok, Token};

/// A map key that appears twice in the same map.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateKey {
    /// Path of the map.
    pub map: String,
    /// The key.
    pub key: String,
    /// Where the second occurrence is.
    pub pos: Pos,
    /// Where the first occurrence is.
    pub first: Pos,
}

/// Positions of values by path.
#[derive(Debug, Clone, Default)]
pub struct Locator {
    values: HashMap<String, Pos>,
    keys: HashMap<String, Pos>,
    /// Keys written twice in one map (serde keeps the last silently).
    pub duplicates: Vec<DuplicateKey>,
}

/// Path spelling shared by the locator and the validator.
pub mod path {
    /// `parent.name`
    pub fn field(parent: &str, name: &str) -> String {
        if parent.is_empty() {
            name.to_owned()
        } else {
            format!("{parent}.{name}")
        }
    }
    /// `parent["key"]` (the key spelt as Rust's Debug does, so any key works).
    pub fn key(parent: &str, key: &str) -> String {
        // Ids are nearly always plain; skip the formatter for them (the
        // validator builds thousands of paths per file).
        if key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            let mut s = String::with_capacity(parent.len() + key.len() + 4);
            s.push_str(parent);
            s.push_str("[\"");
            s.push_str(key);
            s.push_str("\"]");
            s
        } else {
            format!("{parent}[{key:?}]")
        }
    }
    /// `parent[index]`
    pub fn index(parent: &str, index: usize) -> String {
        let mut s = String::with_capacity(parent.len() + 6);
        s.push_str(parent);
        s.push('[');
        s.push_str(itoa(index).as_str());
        s.push(']');
        s
    }

    fn itoa(mut n: usize) -> String {
        if n < 10 {
            return char::from(b'0' + n as u8).to_string();
        }
        let mut digits = Vec::new();
        while n > 0 {
            digits.push(b'0' + (n % 10) as u8);
            n /= 10;
        }
        digits.reverse();
        String::from_utf8(digits).unwrap_or_default()
    }
}

impl Locator {
    /// Builds the locator from the tokens of a file RON accepted.
    pub fn new(tokens: &[Token]) -> Locator {
        let mut loc = Locator::default();
        let mut walker = Walker {
            toks: tokens,
            i: 0,
            loc: &mut loc,
        };
        walker.value("");
        loc
    }

    /// The position of the value at `path`, or of its nearest written
    /// ancestor (a defaulted field points at the struct that left it out).
    pub fn value(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = self.values.get(p) {
                return *pos;
            }
            match parent(p) {
                Some(up) => p = up,
                None => return Pos { line: 1, column: 1 },
            }
        }
    }

    /// The position of a map key or field name at `path`, falling back to the value.
    pub fn key(&self, path: &str) -> Pos {
        self.keys
            .get(path)
            .copied()
            .unwrap_or_else(|| self.value(path))
    }

    /// Whether a value was written at exactly this path.
    pub fn has(&self, path: &str) -> bool {
        self.values.contains_key(path)
    }
}

/// The parent of a path, cutting the last `.field` or `[...]`.
fn parent(p: &str) -> Option<&str> {
    if p.is_empty() {
        return None;
    }
    if p.ends_with(']') {
        // Find the `[` that opens the last segment, skipping brackets inside a quoted key.
        let bytes = p.as_bytes();
        let mut in_str = false;
        let mut cut = None;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' if in_str => i += 1,
                b'"' => in_str = !in_str,
                b'[' if !in_str => cut = Some(i),
                _ => {}
            }
            i += 1;
        }
        return cut.map(|c| &p[..c]);
    }
    Some(p.rfind('.').map_or("", |c| &p[..c]))
}

struct Walker<'a> {
    toks: &'a [Token],
    i: usize,
    loc: &'a mut Locator,
}

impl Walker<'_> {
    fn peek(&self, ahead: usize) -> Option<&Tok> {
        self.toks.get(self.i + ahead).map(|t| &t.tok)
    }

    fn value(&mut self, at: &str) {
        let Some(tok) = self.toks.get(self.i) else {
            return;
        };
        self.loc.values.entry(at.to_owned()).or_insert(tok.pos);
        match &tok.tok {
            Tok::Ident(name) => {
                let is_some = name == "Some";
                self.i += 1;
                if self.peek(0) == Some(&Tok::Open('(')) {
                    self.parens(at, is_some);
                }
            }
            Tok::Open('(') => self.parens(at, false),
            Tok::Open('[') => self.list(at),
            Tok::Open('{') => self.map(at),
            _ => self.i += 1,
        }
    }

    /// `( ... )`: named fields, or a tuple. `Some(x)` is transparent.
    fn parens(&mut self, at: &str, transparent: bool) {
        self.i += 1; // (
        let named =
            matches!(self.peek(0), Some(Tok::Ident(_))) && self.peek(1) == Some(&Tok::Colon);
        let mut index = 0;
        while let Some(tok) = self.toks.get(self.i) {
            match &tok.tok {
                Tok::Close(_) => {
                    self.i += 1;
                    return;
                }
                Tok::Comma => self.i += 1,
                Tok::Ident(name) if named && self.peek(1) == Some(&Tok::Colon) => {
                    let p = path::field(at, name);
                    self.loc.keys.entry(p.clone()).or_insert(tok.pos);
                    self.i += 2;
                    self.value(&p);
                }
                _ => {
                    let p = if transparent {
                        at.to_owned()
                    } else {
                        path::index(at, index)
                    };
                    index += 1;
                    let before = self.i;
                    self.value(&p);
                    if self.i == before {
                        self.i += 1;
                    }
                }
            }
        }
    }

    fn list(&mut self, at: &str) {
        self.i += 1; // [
        let mut index = 0;
        while let Some(tok) = self.toks.get(self.i) {
            match tok.tok {
                Tok::Close(_) => {
                    self.i += 1;
                    return;
                }
                Tok::Comma => self.i += 1,
                _ => {
                    let before = self.i;
                    self.value(&path::index(at, index));
                    index += 1;
                    if self.i == before {
                        self.i += 1;
                    }
                }
            }
        }
    }

    fn map(&mut self, at: &str) {
        self.i += 1; // {
        let mut seen: HashMap<String, crate::scenario::lexer::Pos> = HashMap::new();
        let mut index = 0;
        while let Some(tok) = self.toks.get(self.i) {
            match &tok.tok {
                Tok::Close(_) => {
                    self.i += 1;
                    return;
                }
                Tok::Comma => self.i += 1,
                _ => {
                    // Keys are strings in scenario files; other keys get an index path.
                    let key_pos = tok.pos;
                    let p = match &tok.tok {
                        Tok::Str(k) => {
                            if let Some(first) = seen.get(k) {
                                self.loc.duplicates.push(DuplicateKey {
                                    map: at.to_owned(),
                                    key: k.clone(),
                                    pos: key_pos,
                                    first: *first,
                                });
                            } else {
                                seen.insert(k.clone(), key_pos);
                            }
                            path::key(at, k)
                        }
                        _ => path::index(at, index),
                    };
                    index += 1;
                    let before = self.i;
                    self.value(&format!("{p}#key"));
                    if self.i == before {
                        self.i += 1;
                    }
                    self.loc.keys.entry(p.clone()).or_insert(key_pos);
                    if self.peek(0) == Some(&Tok::Colon) {
                        self.i += 1;
                        self.value(&p);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::lexer::tokenize;

    fn locate(src: &str) -> Locator {
        Locator::new(&tokenize(src, 64).unwrap())
    }

    #[test]
    fn finds_nested_values_by_path() {
        let src = "Scenario(\n  nodes: {\n    \"open\": (replies: [(say: \"hi\", next: \"x\")]),\n  },\n)";
        let loc = locate(src);
        let p = path::field(
            &path::index(&path::field(&path::key("nodes", "open"), "replies"), 0),
            "next",
        );
        assert_eq!(p, "nodes[\"open\"].replies[0].next");
        assert_eq!(
            loc.value(&p),
            Pos {
                line: 3,
                column: 42
            }
        );
        assert_eq!(loc.key("nodes[\"open\"]"), Pos { line: 3, column: 5 });
    }

    #[test]
    fn fast_and_formatted_keys_are_spelt_alike() {
        assert_eq!(
            path::key("nodes", "open-1_a"),
            format!("nodes[{:?}]", "open-1_a")
        );
        assert_eq!(
            path::key("nodes", "ö \"x\""),
            format!("nodes[{:?}]", "ö \"x\"")
        );
        assert_eq!(path::index("a", 0), "a[0]");
        assert_eq!(path::index("a", 1204), "a[1204]");
    }

    #[test]
    fn missing_values_fall_back_to_the_parent() {
        let loc = locate("(a: (b: 1))");
        assert_eq!(loc.value("a.c[3].d"), Pos { line: 1, column: 5 });
        assert_eq!(loc.value("zzz"), Pos { line: 1, column: 1 });
    }

    #[test]
    fn some_is_transparent_and_variants_keep_their_fields() {
        let loc = locate("(p: Some(\"x\"), e: Required(to: [\"a\"]))");
        assert_eq!(loc.value("p"), Pos { line: 1, column: 5 });
        assert_eq!(
            loc.value("e.to[0]"),
            Pos {
                line: 1,
                column: 33
            }
        );
    }

    #[test]
    fn reports_duplicate_map_keys() {
        let loc = locate("(m: {\"a\": 1,\n \"a\": 2})");
        assert_eq!(loc.duplicates.len(), 1);
        assert_eq!(loc.duplicates[0].pos, Pos { line: 2, column: 2 });
        assert_eq!(loc.duplicates[0].first, Pos { line: 1, column: 6 });
    }
}
