//! Spoken text: placeholders, and names written literally.

use super::{Ctx, node_path, reply_path};
use crate::scenario::diagnostic::{Code, suggest_hint};
use crate::scenario::lexer::{Pos, byte_index};
use crate::scenario::locate::path;
use crate::scenario::model::Marker;
use crate::scenario::text::{self, PLACEHOLDERS, Piece};

pub(super) fn check(c: &mut Ctx) {
    let s = c.s;
    // Paths are built only for texts with a finding: a valid file builds none.
    for (id, node) in &s.nodes {
        let np = || node_path(id);
        for (i, line) in node.customer.iter().enumerate() {
            let lp = || path::index(&path::field(&np(), "customer"), i);
            // A plain-string line has no `say` field: the locator falls back
            // to the line itself, which is the string.
            text(c, &line.say, || path::field(&lp(), "say"));
            for (v, t) in line.variants.iter().enumerate() {
                text(c, t, || path::index(&path::field(&lp(), "variants"), v));
            }
        }
        if let Some(r) = &node.interrupted
            && let Some(say) = &r.say
        {
            text(c, say, || {
                path::field(&path::field(&np(), "interrupted"), "say")
            });
        }
        for (i, reply) in node.replies.iter().enumerate() {
            let rp = || reply_path(id, i);
            // A reply marked WrongName writes a wrong name on purpose.
            let check_name = !reply.marks.contains(&Marker::WrongName);
            text(c, &reply.say, || path::field(&rp(), "say"));
            if check_name {
                literal_name(c, &reply.say, || path::field(&rp(), "say"));
            }
            for (v, t) in reply.variants.iter().enumerate() {
                let at = || path::index(&path::field(&rp(), "variants"), v);
                text(c, t, at);
                if check_name {
                    literal_name(c, t, at);
                }
            }
        }
    }
    for (id, ending) in &s.endings {
        let ep = || path::key("endings", id);
        text(c, &ending.say, || path::field(&ep(), "say"));
        for (v, t) in ending.variants.iter().enumerate() {
            text(c, t, || path::index(&path::field(&ep(), "variants"), v));
        }
    }
}

/// Checks the placeholders of one text; `at` builds its path if needed.
fn text(c: &mut Ctx, t: &str, at: impl Fn() -> String) {
    let clean = text::parse(t).is_ok_and(|pieces| {
        pieces
            .iter()
            .all(|p| !matches!(p, Piece::Placeholder(name, _) if !PLACEHOLDERS.contains(name)))
    });
    if !clean {
        placeholders(c, &at(), t);
    }
}

/// Reports at the character `offset` of a string value's text.
fn report_in_string(
    c: &mut Ctx,
    code: Code,
    at: &str,
    offset: usize,
    message: String,
    hint: String,
) {
    let start = c.l.locator().value(at);
    // Should the value not be a string literal after all, one past the
    // opening quote is the best guess.
    let pos = pos_in_literal(&c.l.source, start, offset).unwrap_or(Pos {
        line: start.line,
        column: start.column + 1 + offset,
    });
    let d = crate::scenario::diagnostic::Diagnostic::at(
        code,
        &c.l.file,
        &c.l.source,
        pos.line,
        pos.column,
        message,
        hint,
    );
    c.out.push(d);
}

/// A walk over source text that keeps the line and column.
struct Walk<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    pos: Pos,
}

impl Walk<'_> {
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn bump(&mut self) -> Option<char> {
        let ch = self.chars.next()?;
        if ch == '\n' {
            self.pos.line += 1;
            self.pos.column = 1;
        } else {
            self.pos.column += 1;
        }
        Some(ch)
    }

    fn eat(&mut self, want: char) -> Option<()> {
        (self.bump()? == want).then_some(())
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    /// Two hex digits of a `\x` escape, as a byte.
    fn hex_byte(&mut self) -> Option<u8> {
        let hi = self.bump()?.to_digit(16)?;
        let lo = self.bump()?.to_digit(16)?;
        u8::try_from(hi * 16 + lo).ok()
    }
}

/// Where the character `offset` of a string's text stands in the literal
/// written at `start`. Text and literal differ: an escape such as `\"` or
/// `\u{e9}` is several characters of source for one of text (and `\xC3\xA9`
/// two escapes for one), a raw string opens with `r#"`, a string may run
/// over lines, and the locator places `Some("...")` at `Some`. None when no
/// string literal starts at `start`.
fn pos_in_literal(source: &str, start: Pos, offset: usize) -> Option<Pos> {
    let text = source.get(byte_index(source, start)?..)?;
    let mut w = Walk {
        chars: text.chars().peekable(),
        pos: start,
    };
    if text
        .strip_prefix("Some")
        .is_some_and(|r| r.trim_start().starts_with('('))
    {
        (0..4).try_for_each(|_| w.bump().map(drop))?;
        w.skip_ws();
        w.eat('(')?;
        w.skip_ws();
    }
    if w.peek() == Some('r') {
        w.bump();
        while w.peek() == Some('#') {
            w.bump();
        }
        w.eat('"')?;
        // No escapes in a raw string: one character of source is one of text.
        (0..offset).try_for_each(|_| w.bump().map(drop))?;
        return Some(w.pos);
    }
    w.eat('"')?;
    for _ in 0..offset {
        match w.bump()? {
            '"' => return None,
            '\\' => match w.bump()? {
                'u' => while w.bump()? != '}' {},
                'x' => {
                    let lead = w.hex_byte()?;
                    let more = match lead {
                        0xC0..=0xDF => 1,
                        0xE0..=0xEF => 2,
                        0xF0..=0xF7 => 3,
                        _ => 0,
                    };
                    for _ in 0..more {
                        w.eat('\\')?;
                        w.eat('x')?;
                        w.hex_byte()?;
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    Some(w.pos)
}

fn placeholders(c: &mut Ctx, at: &str, t: &str) {
    match text::parse(t) {
        Err(broken) => report_in_string(
            c,
            Code::BrokenPlaceholder,
            at,
            broken.offset,
            "a placeholder brace is not closed or not opened".into(),
            "write placeholders as {name}, {full_name} or {agent}; write {{ or }} for a literal brace".into(),
        ),
        Ok(pieces) => {
            for p in pieces {
                if let Piece::Placeholder(name, offset) = p
                    && !PLACEHOLDERS.contains(&name)
                {
                    report_in_string(
                        c,
                        Code::UnknownPlaceholder,
                        at,
                        offset,
                        format!("unknown placeholder {{{name}}}"),
                        suggest_hint(name, PLACEHOLDERS, "placeholders"),
                    );
                }
            }
        }
    }
}

fn literal_name(c: &mut Ctx, t: &str, at: impl Fn() -> String) {
    let cu = &c.s.customer;
    for form in [&cu.address_as, &cu.name] {
        if !form.trim().is_empty()
            && let Some(byte) = t.find(form.as_str())
        {
            let offset = t[..byte].chars().count();
            report_in_string(
                c,
                Code::LiteralName,
                &at(),
                offset,
                format!("the reply writes the customer's name \"{form}\" literally"),
                "write {name} (or {full_name}) so that name pools work and the engine sees the name".into(),
            );
            return;
        }
    }
}
