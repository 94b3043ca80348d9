//! Language, text size, customer speed and reading speed: the same controls
//! on the profile and settings screens.

use bevy_egui::egui::{self, RichText};

use super::theme;

use crate::game::i18n::{Lang, Tr};
use crate::game::settings::{ReadingSpeed, Settings, TextSize, Timers};

/// A labelled row of choices; returns the one clicked.
fn choice_row<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    current: T,
    options: &[(T, String)],
) -> Option<T> {
    let mut out = None;
    ui.label(RichText::new(label).strong());
    ui.horizontal_wrapped(|ui| {
        for (value, text) in options {
            let r = ui.add(egui::Button::selectable(*value == current, text.as_str()));
            if r.gained_focus() {
                // Tab moves through the choices: keep the focused one in view.
                r.scroll_to_me(None);
            }
            if r.clicked() {
                out = Some(*value);
            }
        }
    });
    out
}

/// Draws the preference rows; returns true when something changed.
pub fn preferences(ui: &mut egui::Ui, tr: &Tr, s: &mut Settings) -> bool {
    let mut changed = false;
    let langs: Vec<_> = Lang::ALL
        .iter()
        .map(|l| (*l, tr.t(&format!("language-{}", l.code()))))
        .collect();
    if let Some(l) = choice_row(ui, &tr.t("profile-language"), s.lang, &langs) {
        s.lang = l;
        changed = true;
    }
    let sizes: Vec<_> = TextSize::ALL.iter().map(|t| (*t, tr.t(t.key()))).collect();
    if let Some(t) = choice_row(ui, &tr.t("profile-text-size"), s.text_size, &sizes) {
        s.text_size = t;
        changed = true;
    }
    let timers: Vec<_> = Timers::ALL.iter().map(|t| (*t, tr.t(t.key()))).collect();
    if let Some(t) = choice_row(ui, &tr.t("profile-timers"), s.timers, &timers) {
        s.timers = t;
        changed = true;
    }
    let speeds: Vec<_> = ReadingSpeed::ALL
        .iter()
        .map(|r| (*r, tr.f(r.key(), &[("wpm", &r.wpm().to_string())])))
        .collect();
    if let Some(r) = choice_row(ui, &tr.t("profile-reading"), s.reading, &speeds) {
        s.reading = r;
        changed = true;
    }
    // What it changes, and that it needs the clock: with the customer speed
    // "Off" silence costs nothing whatever the reading speed.
    ui.label(RichText::new(tr.t("profile-reading-hint")).color(theme::QUIET));
    changed
}
