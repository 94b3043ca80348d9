//! The first screen: who is training, in which language, how large the text
//! is and how fast customers speak.

use bevy_egui::egui::{self, Key, RichText};

use super::preferences::preferences;
use super::{column, key_hints, pressed, theme};
use crate::game::i18n::Tr;
use crate::game::settings::Settings;

/// What the trainee asked for on the profile screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileAction {
    /// A preference changed (save it, apply language and size at once).
    Changed,
    /// Start training with these settings.
    Start,
}

/// The profile screen's own state between frames.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileView {
    /// The trainee tried to start without a name.
    pub name_missing: bool,
    /// A problem reading or writing settings, shown until it is solved.
    pub problem: Option<String>,
}

/// Draws the profile screen, editing `s` in place.
pub fn profile_panel(
    ui: &mut egui::Ui,
    tr: &Tr,
    s: &mut Settings,
    v: &ProfileView,
) -> Option<ProfileAction> {
    let mut action = None;
    egui::CentralPanel::default().show(ui, |ui| {
        // With the largest text size the screen is taller than a small
        // window: it scrolls, and a control reached with Tab scrolls into view.
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(24.0);
                column(ui, 560.0, |ui| {
                    ui.label(
                        RichText::new(tr.t("app-title"))
                            .size(34.0)
                            .strong()
                            .color(theme::ACCENT),
                    );
                    ui.label(RichText::new(tr.t("app-tagline")).color(theme::QUIET));
                    ui.add_space(16.0);
                    theme::card(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.heading(tr.t("profile-title"));
                        ui.add_space(6.0);
                        ui.label(RichText::new(tr.t("profile-name")).strong());
                        let edit = egui::TextEdit::singleline(&mut s.name)
                            .hint_text(tr.t("profile-name-hint"))
                            .desired_width(f32::INFINITY);
                        let r = ui.add(edit);
                        // Typing can start at once: the name field has focus when
                        // nothing else does.
                        if ui.memory(|m| m.focused().is_none()) && s.name.is_empty() {
                            r.request_focus();
                        }
                        if r.changed() {
                            action = Some(ProfileAction::Changed);
                        }
                        let enter_in_field =
                            r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                        if v.name_missing && s.name.trim().is_empty() {
                            ui.label(RichText::new(tr.t("profile-name-missing")).color(theme::BAD));
                        }
                        ui.add_space(8.0);
                        if preferences(ui, tr, s) {
                            action = Some(ProfileAction::Changed);
                        }
                        ui.add_space(12.0);
                        let start = ui.button(RichText::new(tr.t("profile-start")).size(19.0));
                        if start.gained_focus() {
                            start.scroll_to_me(None);
                        }
                        if start.clicked()
                            || enter_in_field
                            || (!super::typing(ui) && pressed(ui, Key::Enter))
                        {
                            action = Some(ProfileAction::Start);
                        }
                        key_hints(ui, &tr.t("profile-start-key"));
                    });
                    if let Some(p) = &v.problem {
                        ui.add_space(8.0);
                        ui.label(RichText::new(p).color(theme::BAD));
                    }
                });
            });
    });
    action
}
