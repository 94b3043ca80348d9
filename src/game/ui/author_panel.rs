//! Author mode's side panel on the call screen: where the call is, the
//! mood as numbers, the facts heard, a jump list, and reload results.

use bevy_egui::egui::{self, Key, RichText};

use super::pressed;
use super::theme;
use crate::game::i18n::Tr;

/// What the author panel shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuthorView {
    pub node: String,
    /// (axis label, value) for anger, trust, confusion, distress.
    pub mood: Vec<(String, i32)>,
    pub heard: Vec<String>,
    /// Every node id, alphabetically (as the compiled scenario lists them).
    pub nodes: Vec<String>,
    pub chosen: usize,
    /// Errors of the last save that did not load.
    pub error: Option<String>,
    /// What the last reload did, in words.
    pub notice: Option<String>,
}

/// What the trainer did in the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthorAction {
    Choose(usize),
    Jump(usize),
}

/// Draws the panel on the left. Keys: `[` and `]` choose a node, `J` jumps to it.
pub fn author_panel(ui: &mut egui::Ui, tr: &Tr, v: &AuthorView) -> Option<AuthorAction> {
    let mut action = None;
    let n = v.nodes.len();
    if n > 0 && pressed(ui, Key::OpenBracket) {
        action = Some(AuthorAction::Choose(v.chosen.saturating_sub(1)));
    }
    if n > 0 && pressed(ui, Key::CloseBracket) {
        action = Some(AuthorAction::Choose((v.chosen + 1).min(n - 1)));
    }
    if n > 0 && pressed(ui, Key::J) {
        action = Some(AuthorAction::Jump(v.chosen.min(n - 1)));
    }
    egui::Panel::left("author")
        .resizable(false)
        .exact_size(260.0)
        .show(ui, |ui| {
            ui.heading(tr.t("author-title"));
            ui.label(RichText::new(tr.t("author-keys")).color(theme::QUIET));
            ui.separator();
            ui.label(tr.f("author-node", &[("node", &v.node)]));
            for (axis, value) in &v.mood {
                ui.label(format!("{axis}: {value}"));
            }
            let heard = if v.heard.is_empty() {
                tr.t("author-heard-none")
            } else {
                v.heard.join(", ")
            };
            ui.label(tr.f("author-heard", &[("facts", &heard)]));
            if let Some(notice) = &v.notice {
                ui.label(RichText::new(notice).color(theme::GOOD));
            }
            if let Some(error) = &v.error {
                ui.label(
                    RichText::new(tr.t("author-error"))
                        .strong()
                        .color(theme::BAD),
                );
                ui.label(RichText::new(error).monospace().color(theme::BAD));
            }
            ui.separator();
            ui.label(RichText::new(tr.t("author-jump")).strong());
            egui::ScrollArea::vertical()
                .id_salt("author-nodes")
                .show(ui, |ui| {
                    for (i, id) in v.nodes.iter().enumerate() {
                        let text = if *id == v.node {
                            format!("{id} ◀")
                        } else {
                            id.clone()
                        };
                        if ui.selectable_label(i == v.chosen, text).clicked() {
                            action = Some(AuthorAction::Jump(i));
                        }
                    }
                });
        });
    action
}
