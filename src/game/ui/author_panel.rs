//! Author mode's side panel on the call screen: where the call is, the
//! mood as numbers, the facts heard, a jump list, and reload results.

use bevy_egui::egui::{self, Key, Modifiers, RichText};

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
    /// Every node as (index in the compiled scenario, id), in the order a
    /// call meets them (`Compiled::play_order`): the start first.
    pub nodes: Vec<(usize, String)>,
    /// The chosen node's index in the compiled scenario.
    pub chosen: usize,
    /// Errors of the last save that did not load.
    pub error: Option<String>,
    /// What the last reload did, in words.
    pub notice: Option<String>,
}

/// What the trainer did in the panel; both carry a node's index in the
/// compiled scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthorAction {
    Choose(usize),
    Jump(usize),
}

/// The error text's share of the panel at most, so that a long error never
/// hides the jump list.
const ERROR_HEIGHT: f32 = 220.0;

/// The action the keys ask for: `[`/`]` (or Page Up/Page Down, which every
/// keyboard layout has; `[` needs AltGr on a German one) choose the node
/// before or after the chosen one in the list, `J` jumps to it. Every press
/// counts, also when several arrive within one frame (a slow frame, or a
/// key held down).
fn keys(ui: &egui::Ui, v: &AuthorView) -> Option<AuthorAction> {
    let last = v.nodes.len().checked_sub(1)?;
    let at = v.nodes.iter().position(|n| n.0 == v.chosen).unwrap_or(0);
    let count = |key| ui.input_mut(|i| i.count_and_consume_key(Modifiers::NONE, key));
    let back = count(Key::OpenBracket) + count(Key::PageUp);
    let on = count(Key::CloseBracket) + count(Key::PageDown);
    let to = (at + on).saturating_sub(back).min(last);
    if pressed(ui, Key::J) {
        Some(AuthorAction::Jump(v.nodes[to].0))
    } else {
        (back + on > 0).then(|| AuthorAction::Choose(v.nodes[to].0))
    }
}

/// Draws the panel on the left.
pub fn author_panel(ui: &mut egui::Ui, tr: &Tr, v: &AuthorView) -> Option<AuthorAction> {
    let mut action = keys(ui, v);
    let chosen = match action {
        Some(AuthorAction::Choose(n)) => n,
        _ => v.chosen,
    };
    // The chosen node is scrolled into view in the jump list whenever it
    // changes (by key, or because the call moved on or reloaded) or the
    // list's room does (an error or notice came or went), and only then, so
    // that the trainer can still scroll the list with the mouse.
    let memory = egui::Id::new("author-scrolled-to");
    let seen = egui::Id::new((chosen, &v.error, &v.notice));
    let scroll_to = (ui.data(|d| d.get_temp::<egui::Id>(memory)) != Some(seen)).then(|| {
        ui.data_mut(|d| d.insert_temp(memory, seen));
        chosen
    });
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
                egui::ScrollArea::vertical()
                    .id_salt("author-error")
                    .max_height(ERROR_HEIGHT)
                    .show(ui, |ui| {
                        ui.label(RichText::new(error).monospace().color(theme::BAD));
                    });
            }
            ui.separator();
            ui.label(RichText::new(tr.t("author-jump")).strong());
            egui::ScrollArea::vertical()
                .id_salt("author-nodes")
                .show(ui, |ui| {
                    for (index, id) in &v.nodes {
                        let text = if *id == v.node {
                            format!("{id} ◀")
                        } else {
                            id.clone()
                        };
                        let r = ui.selectable_label(*index == chosen, text);
                        if r.clicked() {
                            action = Some(AuthorAction::Jump(*index));
                        }
                        if scroll_to == Some(*index) {
                            r.scroll_to_me(Some(egui::Align::Center));
                        }
                    }
                });
        });
    action
}
