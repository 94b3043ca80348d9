//! Language, text size and customer speed: the same controls on the profile
//! and settings screens.

use bevy_egui::egui::{self, RichText};

use crate::game::i18n::{Lang, Tr};
use crate::game::settings::{Settings, TextSize, Timers};

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
            if ui
                .add(egui::Button::selectable(*value == current, text.as_str()))
                .clicked()
            {
                out = Some(*value);
            }
        }
    });
    out
}

/// Draws the three preference rows; returns true when something changed.
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
    changed
}
