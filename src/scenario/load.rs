//! Loading a scenario file: bytes in, a scenario with its source map out, or
//! one precise diagnostic. Never panics on any input.

use std::path::{Path, PathBuf};

use ron::error::{Error as RonError, Span, SpannedError};

use super::diagnostic::{Code, Diagnostic, suggest_hint};
use super::lexer::{LexStop, Pos, Tok, Token, byte_index, tokenize};
use super::line::FIELDS as LINE_FIELDS;
use super::locate::Locator;
use super::model::Scenario;

/// The start of the message `unique_map` fails with.
pub(crate) const DUPLICATE_KEY: &str = "duplicate key";

/// Deserializes a map of ids, refusing a key written twice (serde would keep
/// the last one silently, and a trainer would lose a node without a word).
pub(crate) fn unique_map<'de, D, V>(d: D) -> Result<std::collections::BTreeMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: serde::Deserialize<'de>,
{
    struct Visit<V>(std::marker::PhantomData<V>);
    impl<'de, V: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
        type Value = std::collections::BTreeMap<String, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map { \"id\": value, ... }")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = std::collections::BTreeMap::new();
            while let Some(k) = map.next_key::<String>()? {
                if out.contains_key(&k) {
                    return Err(serde::de::Error::custom(format!("{DUPLICATE_KEY} \"{k}\"")));
                }
                let v = map.next_value()?;
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Visit(std::marker::PhantomData))
}

/// Files larger than this are refused before parsing (1 MiB).
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// Brackets nested deeper than this are refused; the same limit RON's
/// recursive parser uses, checked first so the error can say where.
pub const MAX_DEPTH: usize = 128;

/// A scenario that parsed, with what the validator needs to point into it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The parsed scenario.
    pub scenario: Scenario,
    /// The file it came from.
    pub file: PathBuf,
    /// The text, without a byte-order mark.
    pub source: String,
    /// Positions of values in `source`, built on first use: a valid file
    /// never needs them, and building them costs more than parsing.
    locator: std::sync::OnceLock<Locator>,
}

impl Loaded {
    fn new(path: &Path, source: &str, scenario: Scenario) -> Loaded {
        Loaded {
            scenario,
            file: path.to_owned(),
            source: source.to_owned(),
            locator: std::sync::OnceLock::new(),
        }
    }

    /// Positions of values in the source.
    pub fn locator(&self) -> &Locator {
        self.locator.get_or_init(|| {
            // RON accepted the file, so the tokenizer understands it too; if
            // not, positions fall back to the top of the file rather than failing.
            tokenize(&self.source, MAX_DEPTH)
                .map(|t| Locator::new(&t))
                .unwrap_or_default()
        })
    }

    /// A diagnostic pointing at the value at `path` (see [`super::locate::path`]).
    pub fn diag_at(&self, code: Code, path: &str, message: String, hint: String) -> Diagnostic {
        let pos = self.locator().value(path);
        Diagnostic::at(
            code,
            &self.file,
            &self.source,
            pos.line,
            pos.column,
            message,
            hint,
        )
    }

    /// A diagnostic pointing at the key or field name at `path`.
    pub fn diag_at_key(&self, code: Code, path: &str, message: String, hint: String) -> Diagnostic {
        let pos = self.locator().key(path);
        Diagnostic::at(
            code,
            &self.file,
            &self.source,
            pos.line,
            pos.column,
            message,
            hint,
        )
    }
}

/// Reads and parses a file. I/O failures come back as an `E000 io` diagnostic.
pub fn load_file(path: &Path) -> Result<Loaded, Diagnostic> {
    let meta = std::fs::metadata(path).map_err(|e| io_diag(path, &e))?;
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(too_large(path, meta.len()));
    }
    let bytes = std::fs::read(path).map_err(|e| io_diag(path, &e))?;
    load_bytes(path, &bytes)
}

fn io_diag(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::file_level(
        Code::Io,
        path,
        format!("cannot read the file: {e}"),
        "check that the path exists and that you may read it".into(),
    )
}

fn too_large(path: &Path, len: u64) -> Diagnostic {
    Diagnostic::file_level(
        Code::FileTooLarge,
        path,
        format!(
            "the file is {len} bytes; scenario files may be at most {MAX_FILE_BYTES} bytes (1 MiB)"
        ),
        "split the conversation into several scenarios, or remove pasted data".into(),
    )
}

/// Parses the bytes of a scenario file named `path`.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    let (bom, bytes) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    let source = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => return Err(invalid_utf8(path, bytes, e.valid_up_to(), bom)),
    };
    if source.trim().is_empty() {
        return Err(Diagnostic::file_level(
            Code::EmptyFile,
            path,
            "the file is empty".into(),
            "start from the minimal scenario in docs/scenario-format.md".into(),
        ));
    }
    // Well-formed files take the fast reader; RON reads whatever it leaves,
    // and only RON's verdict decides what is an error (see fast.rs).
    if let Some(scenario) = super::fast::parse::<Scenario>(source) {
        return Ok(Loaded::new(path, source, scenario));
    }
    // The cheap byte scan runs on what is left; the tokenizer only when the
    // scan finds deep nesting (to say where) or RON fails (to place the error).
    if super::lexer::nesting_exceeds(source, MAX_DEPTH)
        && let Err(LexStop::TooDeep(pos)) = tokenize(source, MAX_DEPTH)
    {
        return Err(Diagnostic::at(
            Code::TooDeep,
            path,
            source,
            pos.line,
            pos.column,
            format!("brackets are nested more than {MAX_DEPTH} levels deep"),
            "scenarios need only a few levels; look for brackets that are opened but never closed"
                .into(),
        ));
    }
    let scenario: Scenario = match parse_with_ron(source) {
        Ok(s) => s,
        Err(e) => {
            let lexed = tokenize(source, MAX_DEPTH);
            return Err(ron_diag(path, source, &e, &lexed));
        }
    };
    Ok(Loaded::new(path, source, scenario))
}

/// `source` read by RON itself, with the options every scenario file is read
/// with. The loader uses it for what the fast reader leaves; the tests use it
/// to check that the fast reader agrees.
pub fn parse_with_ron(source: &str) -> Result<Scenario, SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_DEPTH)
        .from_str(source)
}

/// `bytes` come without the byte-order mark, which is `bom` bytes long; the
/// offset in the message counts from the start of the file, as a hex editor does.
fn invalid_utf8(path: &Path, bytes: &[u8], offset: usize, bom: usize) -> Diagnostic {
    // The text before the bad byte is valid, so line and column can be counted.
    let before = std::str::from_utf8(&bytes[..offset]).unwrap_or("");
    let line = 1 + before.matches('\n').count();
    let column = 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    let source = String::from_utf8_lossy(bytes);
    let mut d = Diagnostic::at(
        Code::InvalidUtf8,
        path,
        &source,
        line,
        column,
        format!(
            "the file is not valid UTF-8: byte offset {} (0x{:02X})",
            offset + bom,
            bytes[offset]
        ),
        "save the file as UTF-8 in your editor (not Latin-1 or Windows-1252)".into(),
    );
    d.message
        .push_str(&format!(" at line {line}, column {column}"));
    d
}

/// Turns RON's error into a diagnostic with a code and a hint, placed on the
/// text to fix rather than where RON's cursor happened to be.
fn ron_diag(
    path: &Path,
    source: &str,
    e: &SpannedError,
    lexed: &Result<Vec<Token>, LexStop>,
) -> Diagnostic {
    // A key written twice in a map: the tokens say exactly where.
    if let (RonError::Message(m), Ok(tokens)) = (&e.code, lexed)
        && m.starts_with(DUPLICATE_KEY)
        && let Some(d) = Locator::new(tokens).duplicates.first()
    {
        let where_ = if d.map.is_empty() {
            "the file".to_owned()
        } else {
            d.map.clone()
        };
        return Diagnostic::at(
            Code::DuplicateKey,
            path,
            source,
            d.pos.line,
            d.pos.column,
            format!(
                "\"{}\" is written twice in {where_} (first at line {})",
                d.key, d.first.line
            ),
            "rename one of them; otherwise the second would silently replace the first".into(),
        );
    }
    let (code, mut message, mut hint) = describe(&e.code);
    let pos = match (&e.code, lexed) {
        // RON stops at the end of the file; the bracket left open is what to fix.
        (RonError::Eof, Ok(tokens)) => match unclosed(tokens) {
            Some((open, pos)) => {
                let close = match open {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                message = format!("syntax error: the file ends before this {open} is closed");
                hint = format!("add the missing {close} where this value ends");
                pos
            }
            None => Pos {
                line: e.span.start.line,
                column: e.span.start.col,
            },
        },
        (RonError::UnclosedBlockComment, Err(LexStop::UnclosedComment(pos))) => *pos,
        _ => past_blank(source, &e.span),
    };
    Diagnostic::at(code, path, source, pos.line, pos.column, message, hint)
}

/// The innermost bracket still open at the end of the tokens, if any.
fn unclosed(tokens: &[Token]) -> Option<(char, Pos)> {
    let mut open = Vec::new();
    for t in tokens {
        match t.tok {
            Tok::Open(c) => open.push((c, t.pos)),
            Tok::Close(_) => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

/// Where RON's error points. When the error is about the next token (such as
/// "expected string" for `title: 42`), RON's span starts before the
/// whitespace it skipped to reach that token; then the span's end is the
/// offending text. An end at the very end of the file is no better, so the
/// start stays.
fn past_blank(source: &str, span: &Span) -> Pos {
    let start = Pos {
        line: span.start.line,
        column: span.start.col,
    };
    let end = Pos {
        line: span.end.line,
        column: span.end.col,
    };
    let (Some(a), Some(b)) = (byte_index(source, start), byte_index(source, end)) else {
        return start;
    };
    if a < b && b < source.len() && skip_blank(&source[a..b]).is_empty() {
        end
    } else {
        start
    }
}

/// `text` without leading whitespace and comments (block comments nest).
fn skip_blank(text: &str) -> &str {
    let mut s = text.trim_start();
    loop {
        if let Some(rest) = s.strip_prefix("//") {
            s = rest.find('\n').map_or("", |i| &rest[i..]).trim_start();
        } else if let Some(rest) = s.strip_prefix("/*") {
            let mut level = 1;
            let mut r = rest;
            while level > 0 {
                if let Some(after) = r.strip_prefix("*/") {
                    level -= 1;
                    r = after;
                } else if let Some(after) = r.strip_prefix("/*") {
                    level += 1;
                    r = after;
                } else {
                    let mut chars = r.chars();
                    if chars.next().is_none() {
                        return s; // unclosed: not blank
                    }
                    r = chars.as_str();
                }
            }
            s = r.trim_start();
        } else {
            return s;
        }
    }
}

fn outer_text(outer: &Option<String>) -> String {
    match outer.as_deref() {
        Some(o) if !o.is_empty() => format!(" in {o}"),
        _ => String::new(),
    }
}

/// RON names the struct an error is in from `deserialize_struct`. A customer
/// line in struct form is read through `deserialize_any` (it may also be a
/// plain string), so RON names the enclosing `Node` instead. `line` says the
/// error is really about a line: its field list, or `say`, which a node lacks.
fn struct_text(outer: &Option<String>, line: bool) -> String {
    if line && outer.as_deref() == Some("Node") {
        " in Line".into()
    } else {
        outer_text(outer)
    }
}

fn describe(e: &RonError) -> (Code, String, String) {
    // A value of the wrong kind is a type mistake, not a syntax error: say
    // what the field wants in a trainer's words.
    let wants = match e {
        RonError::ExpectedString => Some((
            "text in double quotes",
            "put the text in double quotes: \"like this\"",
        )),
        RonError::ExpectedInteger => Some((
            "a whole number",
            "write a whole number without quotes, e.g. 2",
        )),
        RonError::ExpectedFloat => Some(("a number", "write a number without quotes, e.g. 1.5")),
        RonError::ExpectedBoolean => Some(("true or false", "write true or false, without quotes")),
        RonError::ExpectedArray => Some((
            "a list in [ ]",
            "write a list in square brackets: [\"a\", \"b\"]",
        )),
        RonError::ExpectedMap => {
            Some(("a map in { }", "write a map in braces: { \"key\": value }"))
        }
        _ => None,
    };
    if let Some((what, hint)) = wants {
        return (
            Code::WrongType,
            format!("wrong type: this field needs {what}"),
            hint.to_owned(),
        );
    }
    if matches!(e, RonError::IntegerOutOfBounds) {
        return (
            Code::OutOfRange,
            "the number is too large or too small for this field".into(),
            "see docs/scenario-format.md for the range this field allows".into(),
        );
    }
    match e {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            Code::UnknownField,
            format!(
                "unknown field \"{found}\"{}",
                struct_text(outer, *expected == LINE_FIELDS)
            ),
            suggest_hint(found, expected, "fields"),
        ),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            Code::UnknownVariant,
            format!("unknown value \"{found}\"{}", outer_text(outer)),
            suggest_hint(found, expected, "values"),
        ),
        RonError::MissingStructField { field, outer } => (
            Code::MissingField,
            format!(
                "the field \"{field}\" is missing{}",
                struct_text(outer, *field == "say")
            ),
            format!("add `{field}: ...` here; docs/scenario-format.md says what it holds"),
        ),
        RonError::DuplicateStructField { field, outer } => (
            Code::DuplicateKey,
            format!(
                "the field \"{field}\" is written twice{}",
                struct_text(outer, *field == "say")
            ),
            "keep one of the two".into(),
        ),
        RonError::InvalidValueForType { expected, found } => (
            Code::WrongType,
            format!("expected {expected}, found {found}"),
            type_hint(expected),
        ),
        RonError::ExpectedDifferentLength { expected, found } => (
            Code::WrongType,
            format!("expected {expected}, found {found} elements"),
            "check the number of elements".into(),
        ),
        RonError::ExpectedDifferentStructName { expected, found } => (
            Code::WrongType,
            format!("expected {expected}(...), found {found}(...)"),
            format!("write {expected}( or leave the name out"),
        ),
        RonError::ExceededRecursionLimit => (
            Code::TooDeep,
            "values are nested too deeply".into(),
            "scenarios need only a few levels; look for brackets that are opened but never closed"
                .into(),
        ),
        RonError::Message(m) => (
            Code::WrongType,
            m.clone(),
            "see docs/scenario-format.md for what this field holds".into(),
        ),
        other => (
            Code::Syntax,
            format!("syntax error: {}", lower_first(&other.to_string())),
            syntax_hint(other),
        ),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn type_hint(expected: &str) -> String {
    if expected.contains("string") {
        "put the text in double quotes: \"like this\"".into()
    } else if expected.contains("sequence") {
        "write a list in square brackets: [\"a\", \"b\"]".into()
    } else if expected.contains("map") {
        "write a map in braces: { \"key\": value }".into()
    } else if expected.contains("integer") {
        "write a whole number without quotes, e.g. 2".into()
    } else if expected.contains("float") {
        "write a number without quotes, e.g. 1.5".into()
    } else {
        "see docs/scenario-format.md for what this field holds".into()
    }
}

fn syntax_hint(e: &RonError) -> String {
    match e {
        RonError::ExpectedComma => {
            "a comma is missing between two items (often at the end of the previous line)".into()
        }
        RonError::Eof => {
            "the file ends too early: a closing ), ] or } or a quote is missing".into()
        }
        RonError::ExpectedStringEnd => "close the text with a double quote \"".into(),
        RonError::ExpectedMapColon => {
            "write a colon between a key and its value: \"key\": value".into()
        }
        RonError::TrailingCharacters => {
            "there is text after the end of the scenario; remove it or move it inside".into()
        }
        RonError::UnclosedBlockComment => "close the comment with */".into(),
        RonError::ExpectedStructLikeEnd | RonError::ExpectedArrayEnd | RonError::ExpectedMapEnd => {
            "a closing bracket is missing or a comma is missing before the next field".into()
        }
        RonError::UnexpectedChar(c) => {
            format!("the character '{c}' is not allowed here; text belongs in double quotes")
        }
        _ => "compare with the examples in docs/scenario-format.md".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_byte_offset_line_and_column() {
        let d = load_bytes(Path::new("x.ron"), b"(\n  id: \"a\xFFb\"").unwrap_err();
        assert_eq!(d.code, Code::InvalidUtf8);
        assert!(d.message.contains("byte offset 10"), "{}", d.message);
        assert_eq!((d.line, d.column), (Some(2), Some(9)));
    }

    #[test]
    fn empty_and_whitespace_files_are_refused() {
        assert_eq!(
            load_bytes(Path::new("x.ron"), b"").unwrap_err().code,
            Code::EmptyFile
        );
        assert_eq!(
            load_bytes(Path::new("x.ron"), b" \n\t").unwrap_err().code,
            Code::EmptyFile
        );
    }
}
