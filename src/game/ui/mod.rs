//! egui panels drawn as plain functions of view models: each takes what it
//! shows and returns what the trainee asked for, so the panels are tested
//! with egui_kittest without Bevy, and the screens only translate.

pub mod author_panel;
pub mod call_panel;
pub mod debrief_panel;
pub mod library_panel;
pub mod meters;
pub mod portrait;
pub mod preferences;
pub mod profile_panel;
pub mod progress_panel;
pub mod settings_panel;
pub mod theme;

use bevy_egui::egui::{self, Key, Modifiers};

/// True once when `key` was pressed (without modifiers) this frame, and
/// takes it so no other widget reacts to it too.
pub fn pressed(ui: &egui::Ui, key: Key) -> bool {
    ui.input_mut(|i| i.consume_key(Modifiers::NONE, key))
}

/// True when a text field has keyboard focus: letter shortcuts then type.
pub fn typing(ui: &egui::Ui) -> bool {
    ui.ctx().text_edit_focused()
}

/// The digit keys 1 to 9, for numbered choices.
pub const DIGITS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// The 0-based choice whose digit key was pressed, if any below `count`.
pub fn pressed_digit(ui: &egui::Ui, count: usize) -> Option<usize> {
    DIGITS
        .iter()
        .take(count.min(9))
        .position(|k| pressed(ui, *k))
}

/// A line of key hints at the bottom of a screen, in a quiet colour.
pub fn key_hints(ui: &mut egui::Ui, text: &str) {
    ui.label(egui::RichText::new(text).color(theme::QUIET).size(13.0));
}

/// A centred column of readable width, as calm screens use.
pub fn column<R>(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let avail = ui.available_width();
    let w = width.min(avail);
    let margin = ((avail - w) / 2.0).max(0.0);
    ui.horizontal_top(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(w);
            add(ui)
        })
        .inner
    })
    .inner
}
