//! Spoken text: placeholders, and names written literally.

use super::{Ctx, node_path, reply_path};
use crate::scenario::diagnostic::{Code, suggest_hint};
use crate::scenario::locate::path;
use crate::scenario::model::Marker;
use crate::scenario::text::{self, PLACEHOLDERS, Piece};

pub(super) fn check(c: &mut Ctx) {
    let s = c.s;
    let mut texts: Vec<(String, &str)> = Vec::new();
    for (id, node) in &s.nodes {
        let np = node_path(id);
        for (i, line) in node.customer.iter().enumerate() {
            let lp = path::index(&path::field(&np, "customer"), i);
            // A plain-string line has its text at the line's own path.
            let say_at = if c.l.locator.has(&path::field(&lp, "say")) { path::field(&lp, "say") } else { lp.clone() };
            texts.push((say_at, &line.say));
            for (v, t) in line.variants.iter().enumerate() {
                texts.push((path::index(&path::field(&lp, "variants"), v), t));
            }
        }
        if let Some(r) = &node.interrupted
            && let Some(say) = &r.say
        {
            texts.push((path::field(&path::field(&np, "interrupted"), "say"), say));
        }
        for (i, reply) in node.replies.iter().enumerate() {
            let rp = reply_path(id, i);
            let mut reply_texts = vec![(path::field(&rp, "say"), reply.say.as_str())];
            for (v, t) in reply.variants.iter().enumerate() {
                reply_texts.push((path::index(&path::field(&rp, "variants"), v), t));
            }
            // A reply marked WrongName writes a wrong name on purpose.
            if !reply.marks.contains(&Marker::WrongName) {
                for (at, t) in &reply_texts {
                    literal_name(c, at, t);
                }
            }
            texts.extend(reply_texts);
        }
    }
    for (id, ending) in &s.endings {
        let ep = path::key("endings", id);
        texts.push((path::field(&ep, "say"), &ending.say));
        for (v, t) in ending.variants.iter().enumerate() {
            texts.push((path::index(&path::field(&ep, "variants"), v), t));
        }
    }
    for (at, t) in texts {
        placeholders(c, &at, t);
    }
}

/// The position of a character offset inside a string value: one past the
/// opening quote. Exact for one-line strings without escapes before the offset.
fn report_in_string(c: &mut Ctx, code: Code, at: &str, offset: usize, message: String, hint: String) {
    let pos = c.l.locator.value(at);
    let d = crate::scenario::diagnostic::Diagnostic::at(
        code,
        &c.l.file,
        &c.l.source,
        pos.line,
        pos.column + 1 + offset,
        message,
        hint,
    );
    c.out.push(d);
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

fn literal_name(c: &mut Ctx, at: &str, t: &str) {
    let cu = &c.s.customer;
    for form in [&cu.address_as, &cu.name] {
        if !form.trim().is_empty()
            && let Some(byte) = t.find(form.as_str())
        {
            let offset = t[..byte].chars().count();
            report_in_string(
                c,
                Code::LiteralName,
                at,
                offset,
                format!("the reply writes the customer's name \"{form}\" literally"),
                "write {name} (or {full_name}) so that name pools work and the engine sees the name".into(),
            );
            return;
        }
    }
}
