//! A small RON tokenizer used for two things serde cannot give us: refusing
//! absurdly deep nesting before the recursive parser sees it, and finding the
//! line and column of every value (see `locate.rs`).
//!
//! It only needs to be right for files that RON accepts; on anything it does
//! not understand it stops, and RON's own parser reports the syntax error.

/// Where something is in the source: 1-based line and column (in characters,
/// as RON counts them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// The byte index of `pos` in `source`, or None when it is not in `source`.
/// A column one past the end of a line is the index of its line break (or
/// of the end of the file).
pub fn byte_index(source: &str, pos: Pos) -> Option<usize> {
    let line_start = match pos.line.checked_sub(2) {
        None => 0,
        Some(n) => source.match_indices('\n').nth(n)?.0 + 1,
    };
    let rest = source[line_start..].split('\n').next().unwrap_or("");
    let within = rest
        .char_indices()
        .map(|(i, _)| i)
        .chain([rest.len()])
        .nth(pos.column.checked_sub(1)?)?;
    Some(line_start + within)
}

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// `(`, `[` or `{`.
    Open(char),
    /// `)`, `]` or `}`.
    Close(char),
    Colon,
    Comma,
    /// A string literal, unescaped.
    Str(String),
    /// An identifier such as a field name or enum variant.
    Ident(String),
    /// Numbers, chars, booleans' neighbours: anything else that is one value.
    Other,
}

/// A token and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub pos: Pos,
}

/// Why tokenizing stopped early.
#[derive(Debug, Clone, PartialEq)]
pub enum LexStop {
    /// Brackets nested deeper than the limit; the position of the bracket
    /// that went over it.
    TooDeep(Pos),
    /// A block comment that is never closed; the position of its `/*`.
    /// RON reports the error too, but at the last `*` or `/` it saw inside
    /// the comment, which can be anywhere in the rest of the file.
    UnclosedComment(Pos),
    /// Something the tokenizer does not understand; RON will report it.
    Unsupported,
}

struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    pos: Pos,
}

impl Cursor<'_> {
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.pos.line += 1;
            self.pos.column = 1;
        } else {
            self.pos.column += 1;
        }
        Some(c)
    }

    fn peek2(&self) -> Option<char> {
        let mut it = self.chars.clone();
        it.next();
        it.next()
    }
}

/// Whether brackets nest deeper than `max` anywhere outside strings and
/// comments. A byte scan without allocation, run on every file; the
/// tokenizer then finds the exact place.
pub fn nesting_exceeds(src: &str, max: usize) -> bool {
    let b = src.as_bytes();
    let (mut i, mut depth) = (0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) =>
            {
                let mut hashes = 0;
                i += 1;
                while b.get(i) == Some(&b'#') {
                    hashes += 1;
                    i += 1;
                }
                if b.get(i) == Some(&b'"') {
                    i += 1;
                    loop {
                        if i >= b.len() {
                            break;
                        }
                        if b[i] == b'"'
                            && b[i + 1..]
                                .iter()
                                .take(hashes)
                                .filter(|&&c| c == b'#')
                                .count()
                                == hashes
                        {
                            i += hashes;
                            break;
                        }
                        i += 1;
                    }
                }
            }
            b'\'' => {
                // A char literal: skip to its closing quote on the same line.
                i += 1;
                while i < b.len() && b[i] != b'\'' && b[i] != b'\n' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut level = 1;
                i += 2;
                while i < b.len() && level > 0 {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        level += 1;
                        i += 1;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        level -= 1;
                        i += 1;
                    }
                    i += 1;
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// Splits RON source into tokens, refusing nesting deeper than `max_depth`.
pub fn tokenize(src: &str, max_depth: usize) -> Result<Vec<Token>, LexStop> {
    let mut cur = Cursor {
        chars: src.chars().peekable(),
        pos: Pos { line: 1, column: 1 },
    };
    let mut out = Vec::new();
    let mut depth = 0usize;
    while let Some(c) = cur.peek() {
        let pos = cur.pos;
        match c {
            c if c.is_whitespace() => {
                cur.bump();
            }
            '/' => skip_comment(&mut cur, pos)?,
            '(' | '[' | '{' => {
                cur.bump();
                depth += 1;
                if depth > max_depth {
                    return Err(LexStop::TooDeep(pos));
                }
                out.push(Token {
                    tok: Tok::Open(c),
                    pos,
                });
            }
            ')' | ']' | '}' => {
                cur.bump();
                depth = depth.checked_sub(1).ok_or(LexStop::Unsupported)?;
                out.push(Token {
                    tok: Tok::Close(c),
                    pos,
                });
            }
            ':' => {
                cur.bump();
                out.push(Token {
                    tok: Tok::Colon,
                    pos,
                });
            }
            ',' => {
                cur.bump();
                out.push(Token {
                    tok: Tok::Comma,
                    pos,
                });
            }
            '"' => {
                cur.bump();
                let s = read_string(&mut cur)?;
                out.push(Token {
                    tok: Tok::Str(s),
                    pos,
                });
            }
            'r' if matches!(cur.peek2(), Some('"') | Some('#')) => {
                cur.bump();
                let s = read_raw_string(&mut cur)?;
                out.push(Token {
                    tok: Tok::Str(s),
                    pos,
                });
            }
            'b' if cur.peek2() == Some('"') => {
                cur.bump();
                cur.bump();
                read_string(&mut cur)?;
                out.push(Token {
                    tok: Tok::Other,
                    pos,
                });
            }
            '\'' => {
                cur.bump();
                read_char(&mut cur)?;
                out.push(Token {
                    tok: Tok::Other,
                    pos,
                });
            }
            '#' => {
                // `#![enable(...)]` attributes: skip to the closing `]`.
                while let Some(c) = cur.bump() {
                    if c == ']' {
                        break;
                    }
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut ident = String::new();
                while let Some(c) = cur.peek() {
                    if c.is_alphanumeric() || c == '_' || (c == '#' && ident == "r") {
                        ident.push(c);
                        cur.bump();
                    } else {
                        break;
                    }
                }
                let ident = ident.strip_prefix("r#").map(str::to_owned).unwrap_or(ident);
                out.push(Token {
                    tok: Tok::Ident(ident),
                    pos,
                });
            }
            c if c.is_ascii_digit() || c == '-' || c == '+' || c == '.' => {
                while let Some(c) = cur.peek() {
                    if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+') {
                        cur.bump();
                    } else {
                        break;
                    }
                }
                out.push(Token {
                    tok: Tok::Other,
                    pos,
                });
            }
            _ => return Err(LexStop::Unsupported),
        }
    }
    Ok(out)
}

fn skip_comment(cur: &mut Cursor, start: Pos) -> Result<(), LexStop> {
    cur.bump();
    match cur.bump() {
        Some('/') => {
            while let Some(c) = cur.bump() {
                if c == '\n' {
                    break;
                }
            }
            Ok(())
        }
        Some('*') => {
            // Block comments nest in RON.
            let mut level = 1;
            while level > 0 {
                match cur.bump() {
                    Some('*') if cur.peek() == Some('/') => {
                        cur.bump();
                        level -= 1;
                    }
                    Some('/') if cur.peek() == Some('*') => {
                        cur.bump();
                        level += 1;
                    }
                    Some(_) => {}
                    None => return Err(LexStop::UnclosedComment(start)),
                }
            }
            Ok(())
        }
        _ => Err(LexStop::Unsupported),
    }
}

fn read_string(cur: &mut Cursor) -> Result<String, LexStop> {
    let mut s = String::new();
    loop {
        match cur.bump().ok_or(LexStop::Unsupported)? {
            '"' => return Ok(s),
            '\\' => match cur.bump().ok_or(LexStop::Unsupported)? {
                'n' => s.push('\n'),
                't' => s.push('\t'),
                'r' => s.push('\r'),
                '0' => s.push('\0'),
                'u' => {
                    // \u{XXXX}
                    let mut hex = String::new();
                    if cur.bump() != Some('{') {
                        return Err(LexStop::Unsupported);
                    }
                    loop {
                        match cur.bump().ok_or(LexStop::Unsupported)? {
                            '}' => break,
                            h => hex.push(h),
                        }
                    }
                    let ch = u32::from_str_radix(&hex, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or(LexStop::Unsupported)?;
                    s.push(ch);
                }
                'x' => {
                    let a = cur.bump().ok_or(LexStop::Unsupported)?;
                    let b = cur.bump().ok_or(LexStop::Unsupported)?;
                    let v = u8::from_str_radix(&format!("{a}{b}"), 16)
                        .map_err(|_| LexStop::Unsupported)?;
                    s.push(char::from(v));
                }
                '\n' => {
                    // Line continuation: skip leading whitespace of the next line.
                    while cur.peek().is_some_and(char::is_whitespace) {
                        cur.bump();
                    }
                }
                other => s.push(other),
            },
            c => s.push(c),
        }
    }
}

fn read_raw_string(cur: &mut Cursor) -> Result<String, LexStop> {
    let mut hashes = 0;
    while cur.peek() == Some('#') {
        cur.bump();
        hashes += 1;
    }
    if cur.bump() != Some('"') {
        return Err(LexStop::Unsupported);
    }
    let mut s = String::new();
    loop {
        let c = cur.bump().ok_or(LexStop::Unsupported)?;
        if c == '"' {
            let mut seen = 0;
            while seen < hashes && cur.peek() == Some('#') {
                cur.bump();
                seen += 1;
            }
            if seen == hashes {
                return Ok(s);
            }
            s.push('"');
            s.extend(std::iter::repeat_n('#', seen));
        } else {
            s.push(c);
        }
    }
}

fn read_char(cur: &mut Cursor) -> Result<(), LexStop> {
    loop {
        match cur.bump().ok_or(LexStop::Unsupported)? {
            '\\' => {
                cur.bump();
            }
            '\'' => return Ok(()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_in_characters() {
        let toks = tokenize("(a: \"ü\", b: 1)\n[x]", 10).unwrap();
        assert_eq!(toks[0].pos, Pos { line: 1, column: 1 });
        assert_eq!(toks[3].tok, Tok::Str("ü".into()));
        assert_eq!(
            toks[5].pos,
            Pos {
                line: 1,
                column: 10
            }
        );
        assert_eq!(toks.last().unwrap().pos, Pos { line: 2, column: 3 });
    }

    #[test]
    fn byte_index_counts_characters_and_lines() {
        let src = "ab\nüx\n";
        assert_eq!(byte_index(src, Pos { line: 1, column: 1 }), Some(0));
        assert_eq!(byte_index(src, Pos { line: 2, column: 2 }), Some(5));
        assert_eq!(byte_index(src, Pos { line: 2, column: 3 }), Some(6));
        assert_eq!(byte_index(src, Pos { line: 2, column: 4 }), None);
        assert_eq!(byte_index(src, Pos { line: 3, column: 1 }), Some(7));
        assert_eq!(byte_index(src, Pos { line: 4, column: 1 }), None);
        assert_eq!(byte_index(src, Pos { line: 1, column: 0 }), None);
    }

    #[test]
    fn the_byte_scan_agrees_with_the_tokenizer_on_depth() {
        for src in [
            "[[[[]]]]",
            "(a: \"((((((\", b: [[]])",
            "// ((((((\n[]",
            "/* [[[[[[ */ []",
            "r#\"[[[[[[\"# ",
        ] {
            assert_eq!(
                nesting_exceeds(src, 4),
                matches!(tokenize(src, 4), Err(LexStop::TooDeep(_))),
                "{src}"
            );
        }
        assert!(nesting_exceeds(&"[".repeat(5), 4));
    }

    #[test]
    fn refuses_deep_nesting_at_the_bracket_that_goes_over() {
        let src = "[".repeat(5);
        assert_eq!(
            tokenize(&src, 4),
            Err(LexStop::TooDeep(Pos { line: 1, column: 5 }))
        );
    }

    #[test]
    fn reports_where_an_unclosed_block_comment_starts() {
        let src = "(a: 1,\n  /* x /* y */ z * /\n b: 2)";
        assert_eq!(
            tokenize(src, 4),
            Err(LexStop::UnclosedComment(Pos { line: 2, column: 3 }))
        );
    }

    #[test]
    fn skips_nested_block_comments_and_raw_strings() {
        let toks = tokenize("/* a /* b */ c */ r#\"x\"y\"# // end", 4).unwrap();
        assert_eq!(toks.len(), 1);
        assert_eq!(toks[0].tok, Tok::Str("x\"y".into()));
    }
}
