//! Every character the game can show has a glyph in the game's fonts
//! (egui's built-in fonts): a missing one is drawn as an empty box. Seen
//! once: "Bild↑/Bild↓" in the German author-mode hint. Checked for the
//! interface strings of every language, the game's code (its few literal
//! marks such as ◀ and −) and the shipped scenarios, whose texts the call
//! and debrief show.
#![cfg(feature = "gui")]

use std::collections::BTreeMap;
use std::path::Path;

use bevy_egui::egui::{self, FontId};

/// Every character of `text` that the proportional font cannot draw.
/// A character no font face has gets no width (egui draws its replacement
/// box); `has_glyph` is not used because it also says no for characters of
/// the face that holds the replacement box (◀ among them).
fn missing(ctx: &egui::Context, text: &str) -> Vec<char> {
    let font = FontId::proportional(17.0);
    ctx.fonts_mut(|f| {
        text.chars()
            .filter(|c| !c.is_control() && f.glyph_width(&font, *c) == 0.0)
            .collect()
    })
}

fn context() -> egui::Context {
    let ctx = egui::Context::default();
    // The fonts are loaded on the first frame.
    let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
    // No renderer takes the font texture here.
    out.textures_delta.clear();
    ctx
}

/// Files below `dir` (relative to the crate) ending in `ext`, with their text.
fn files(dir: &str, ext: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                let text = std::fs::read_to_string(&p).unwrap();
                out.insert(p.display().to_string(), text);
            }
        }
    }
    out
}

fn assert_drawable(what: &str, texts: BTreeMap<String, String>) {
    let ctx = context();
    assert!(!texts.is_empty(), "no {what} found");
    let mut problems = Vec::new();
    for (file, text) in &texts {
        for (i, line) in text.lines().enumerate() {
            let gone = missing(&ctx, line);
            if !gone.is_empty() {
                problems.push(format!("{file}:{}: no glyph for {gone:?}", i + 1));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_finds_a_missing_glyph() {
    let ctx = context();
    assert_eq!(missing(&ctx, "Grüße, tschüß, hé, ◀ Bild↓"), ['↓']);
}

#[test]
fn every_interface_string_can_be_drawn() {
    assert_drawable("interface strings", files("assets/i18n", "ftl"));
}

#[test]
fn every_character_in_the_games_code_can_be_drawn() {
    assert_drawable("game code", files("src/game", "rs"));
}

#[test]
fn every_shipped_scenario_can_be_drawn() {
    assert_drawable("scenarios", files("scenarios", "ron"));
}
