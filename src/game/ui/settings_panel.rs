//! Settings: language, text size, customer speed and reading speed, reachable from the
//! library with S and left with Esc.

use bevy_egui::egui::{self, Key, RichText};

use super::preferences::preferences;
use super::{column, key_hints, pressed, theme};
use crate::game::i18n::Tr;
use crate::game::settings::Settings;

/// What the trainee asked for on the settings screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsAction {
    Changed,
    Back,
}

/// Draws the settings screen, editing `s` in place.
pub fn settings_panel(
    ui: &mut egui::Ui,
    tr: &Tr,
    s: &mut Settings,
    problem: Option<&str>,
) -> Option<SettingsAction> {
    let mut action = pressed(ui, Key::Escape).then_some(SettingsAction::Back);
    egui::CentralPanel::default().show(ui, |ui| {
        // With the largest text size the screen is taller than a small
        // window: it scrolls, and a control reached with Tab scrolls into view.
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(24.0);
                column(ui, 560.0, |ui| {
                    theme::card(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.heading(tr.t("settings-title"));
                        ui.add_space(6.0);
                        if preferences(ui, tr, s) {
                            action = Some(SettingsAction::Changed);
                        }
                        ui.add_space(8.0);
                        ui.label(RichText::new(tr.t("settings-saved")).color(theme::QUIET));
                        if let Some(p) = problem {
                            ui.label(RichText::new(p).color(theme::BAD));
                        }
                        let back = ui.button(tr.t("settings-back"));
                        if back.gained_focus() {
                            back.scroll_to_me(None);
                        }
                        if back.clicked() {
                            action = Some(SettingsAction::Back);
                        }
                        key_hints(ui, &tr.t("settings-keys"));
                    });
                });
            });
    });
    action
}
