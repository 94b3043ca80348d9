//! A fast path for reading scenario files that are well formed.
//!
//! RON's own parser spends most of its time on whitespace and identifier
//! handling that works character by character; on a library of 1,000 files
//! it was most of the time `headset validate` took. This reader covers the
//! part of RON that scenario files use (structs with or without their name,
//! enum variants, lists, maps, strings with the common escapes, numbers,
//! `//` comments, `Some`/`None` and implicit `Some`), works on bytes, and
//! gives up on anything else: other escapes, raw strings, block comments,
//! deep nesting, any error at all.
//!
//! Giving up costs nothing but time: the loader then parses the same text
//! with RON, which decides whether the file is valid and, if not, produces
//! the error with its line and column. So this reader never has to be right
//! about bad files, only about good ones, and `tests/fast_parse.rs` checks
//! that it reads every file it accepts exactly as RON does.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Visitor};

/// Nesting deeper than this is left to RON. Scenario files nest about six
/// levels; staying far below RON's recursion limit means a file this reader
/// accepts can never be one RON refuses for depth.
const MAX_DEPTH: usize = 32;

/// `src` read as a `T`, or None when this reader cannot be sure of the
/// answer (the caller then asks RON).
pub fn parse<'a, T: Deserialize<'a>>(src: &'a str) -> Option<T> {
    let mut r = Reader {
        src,
        b: src.as_bytes(),
        i: 0,
        depth: 0,
    };
    let value = T::deserialize(&mut r).ok()?;
    r.skip_ws().ok()?;
    (r.i == r.b.len()).then_some(value)
}

/// The reader gave up. It carries no message: nobody reads it, and
/// formatting serde's messages would cost more than the parse.
#[derive(Debug)]
pub struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("left to RON")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

struct Reader<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    /// Skips spaces, tabs, line breaks and `//` comments. Anything RON also
    /// counts as blank (block comments, Unicode spaces) makes the next
    /// token unexpected, and the reader gives up there.
    fn skip_ws(&mut self) -> Result<()> {
        loop {
            match self.b.get(self.i) {
                Some(b' ' | b'\n' | b'\t' | b'\r') => self.i += 1,
                Some(b'/') => match self.b.get(self.i + 1) {
                    Some(b'/') => {
                        self.i = self.b[self.i..]
                            .iter()
                            .position(|&c| c == b'\n')
                            .map_or(self.b.len(), |p| self.i + p);
                    }
                    _ => return Err(GiveUp),
                },
                _ => return Ok(()),
            }
        }
    }

    /// The next byte after blanks, not consumed.
    fn peek(&mut self) -> Result<u8> {
        self.skip_ws()?;
        self.b.get(self.i).copied().ok_or(GiveUp)
    }

    /// Consumes `c` (after blanks) or gives up.
    fn expect(&mut self, c: u8) -> Result<()> {
        if self.peek()? == c {
            self.i += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// Consumes `c` if it comes next.
    fn eat(&mut self, c: u8) -> Result<bool> {
        let found = self.peek()? == c;
        if found {
            self.i += 1;
        }
        Ok(found)
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(GiveUp);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// An ASCII identifier. Raw identifiers (`r#x`), raw and byte strings
    /// (`r"x"`, `b"x"`) and Unicode identifiers are left to RON.
    fn ident(&mut self) -> Result<&'a str> {
        self.skip_ws()?;
        let start = self.i;
        match self.b.get(self.i) {
            Some(c) if c.is_ascii_alphabetic() || *c == b'_' => {}
            _ => return Err(GiveUp),
        }
        while self
            .b
            .get(self.i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
        {
            self.i += 1;
        }
        if matches!(self.b.get(self.i), Some(b'"' | b'#' | b'\'' | 0x80..)) {
            return Err(GiveUp);
        }
        Ok(&self.src[start..self.i])
    }

    /// The identifier that comes next, without consuming it.
    fn peek_ident(&mut self) -> Result<Option<&'a str>> {
        self.skip_ws()?;
        let at = self.i;
        let found = self.ident().ok();
        self.i = at;
        Ok(found)
    }

    /// A string literal: borrowed when it has no escapes.
    fn string(&mut self) -> Result<Text<'a>> {
        self.expect(b'"')?;
        let start = self.i;
        let end = start
            + self.b[start..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\')
                .ok_or(GiveUp)?;
        if self.b[end] == b'"' {
            self.i = end + 1;
            return Ok(Text::Borrowed(&self.src[start..end]));
        }
        let mut out = String::with_capacity(end - start + 16);
        let mut i = start;
        loop {
            let run = self.b[i..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\')
                .ok_or(GiveUp)?;
            out.push_str(&self.src[i..i + run]);
            i += run;
            if self.b[i] == b'"' {
                self.i = i + 1;
                return Ok(Text::Owned(out));
            }
            out.push(match self.b.get(i + 1) {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'n') => '\n',
                Some(b't') => '\t',
                Some(b'r') => '\r',
                _ => return Err(GiveUp),
            });
            i += 2;
        }
    }

    /// The text of a number: optional minus, digits, optional fraction and
    /// exponent. Underscores, hex, `+`, `inf` and the like are left to RON.
    fn number(&mut self) -> Result<&'a str> {
        self.skip_ws()?;
        let start = self.i;
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        // Leading zeros (`007`) are left to RON, whatever it makes of them.
        if self.b.get(self.i) == Some(&b'0')
            && self.b.get(self.i + 1).is_some_and(u8::is_ascii_digit)
        {
            return Err(GiveUp);
        }
        self.digits()?;
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            self.digits()?;
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.b.get(self.i), Some(b'-' | b'+')) {
                self.i += 1;
            }
            self.digits()?;
        }
        if self
            .b
            .get(self.i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.'))
        {
            return Err(GiveUp);
        }
        Ok(&self.src[start..self.i])
    }

    fn digits(&mut self) -> Result<()> {
        let start = self.i;
        while self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        if self.i == start { Err(GiveUp) } else { Ok(()) }
    }

    /// A whole number, parsed as the type the field wants so that a value
    /// out of range gives up rather than wrapping.
    fn integer<N: std::str::FromStr>(&mut self) -> Result<N> {
        let text = self.number()?;
        if text.contains(['.', 'e', 'E']) {
            return Err(GiveUp);
        }
        text.parse().map_err(|_| GiveUp)
    }

    /// A number for a float field, parsed straight into that type as RON does.
    fn float<N: std::str::FromStr>(&mut self) -> Result<N> {
        self.number()?.parse().map_err(|_| GiveUp)
    }

    /// `(` after an optional struct name, which must be `name` when present.
    fn open_struct(&mut self, name: &str) -> Result<()> {
        if self.peek()? != b'(' && self.ident()? != name {
            return Err(GiveUp);
        }
        self.expect(b'(')
    }
}

/// A string as read: borrowed from the file when nothing needed unescaping.
enum Text<'a> {
    Borrowed(&'a str),
    Owned(String),
}

impl<'a> Text<'a> {
    fn visit<V: Visitor<'a>>(self, v: V) -> Result<V::Value> {
        match self {
            Text::Borrowed(s) => v.visit_borrowed_str(s),
            Text::Owned(s) => v.visit_string(s),
        }
    }
}

macro_rules! integers {
    ($($method:ident => $visit:ident: $t:ty,)*) => {
        $(fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
            v.$visit(self.integer::<$t>()?)
        })*
    };
}

macro_rules! give_up {
    ($($method:ident,)*) => {
        $(fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
            Err(GiveUp)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    /// Only what a customer line can be: a string or a struct with named
    /// fields. Anything else is left to RON.
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.peek()? {
            b'"' => self.string()?.visit(v),
            b'(' => {
                self.i += 1;
                self.enter()?;
                let out = v.visit_map(Fields { r: &mut *self })?;
                self.leave();
                Ok(out)
            }
            _ => Err(GiveUp),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => v.visit_bool(true),
            "false" => v.visit_bool(false),
            _ => Err(GiveUp),
        }
    }

    integers! {
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
    }

    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_f32(self.float::<f32>()?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_f64(self.float::<f64>()?)
    }

    give_up! {
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_unit,
        deserialize_ignored_any,
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.string()?.visit(v)
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.string()?.visit(v)
    }

    /// `None`, `Some(x)`, or (RON's implicit_some, which the loader turns
    /// on) a bare `x`.
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.peek_ident()? {
            Some("None") => {
                self.ident()?;
                v.visit_none()
            }
            Some("Some") => {
                self.ident()?;
                self.expect(b'(')?;
                self.enter()?;
                let out = v.visit_some(&mut *self)?;
                self.expect(b')')?;
                self.leave();
                Ok(out)
            }
            _ => v.visit_some(self),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.expect(b'[')?;
        self.enter()?;
        let out = v.visit_seq(Items { r: &mut *self })?;
        self.expect(b']')?;
        self.leave();
        Ok(out)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.expect(b'{')?;
        self.enter()?;
        let out = v.visit_map(Entries { r: &mut *self })?;
        self.expect(b'}')?;
        self.leave();
        Ok(out)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        self.open_struct(name)?;
        self.enter()?;
        let out = v.visit_map(Fields { r: &mut *self })?;
        self.leave();
        Ok(out)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        let variant = self.ident()?;
        v.visit_enum(Variant { r: self, variant })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_borrowed_str(self.ident()?)
    }
}

/// After one element: a comma, or the closing bracket (left for the caller).
fn after_item(r: &mut Reader, close: u8) -> Result<()> {
    if r.eat(b',')? || r.peek()? == close {
        Ok(())
    } else {
        Err(GiveUp)
    }
}

/// The elements of `[...]`.
struct Items<'r, 'a> {
    r: &'r mut Reader<'a>,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.r.peek()? == b']' {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.r)?;
        after_item(self.r, b']')?;
        Ok(Some(value))
    }
}

/// The entries of `{ key: value, ... }`; keys are values (strings here).
struct Entries<'r, 'a> {
    r: &'r mut Reader<'a>,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.r.peek()? == b'}' {
            return Ok(None);
        }
        let key = seed.deserialize(&mut *self.r)?;
        self.r.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.r)?;
        after_item(self.r, b'}')?;
        Ok(value)
    }
}

/// The fields of `( name: value, ... )`, up to and including the `)`.
struct Fields<'r, 'a> {
    r: &'r mut Reader<'a>,
}

impl<'de> de::MapAccess<'de> for Fields<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.r.eat(b')')? {
            return Ok(None);
        }
        let name = self.r.ident()?;
        self.r.expect(b':')?;
        seed.deserialize(Name(name)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.r)?;
        after_item(self.r, b')')?;
        Ok(value)
    }
}

/// A field or variant name, handed to serde's generated matcher.
struct Name<'a>(&'a str);

impl<'de> de::Deserializer<'de> for Name<'de> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_borrowed_str(self.0)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// An enum variant and what follows its name.
struct Variant<'r, 'a> {
    r: &'r mut Reader<'a>,
    variant: &'a str,
}

impl<'r, 'de> de::EnumAccess<'de> for Variant<'r, 'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self)> {
        let v = seed.deserialize(Name(self.variant))?;
        Ok((v, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = GiveUp;

    /// `Phone`; `Phone()` and the like are left to RON.
    fn unit_variant(self) -> Result<()> {
        if self.r.peek().is_ok_and(|c| c == b'(') {
            return Err(GiveUp);
        }
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.r.expect(b'(')?;
        self.r.enter()?;
        let value = seed.deserialize(&mut *self.r)?;
        self.r.expect(b')')?;
        self.r.leave();
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    /// `Required(to: [...], why: "...")`.
    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], v: V) -> Result<V::Value> {
        self.r.expect(b'(')?;
        self.r.enter()?;
        let out = v.visit_map(Fields { r: &mut *self.r })?;
        self.r.leave();
        Ok(out)
    }
}
