//! The look: a calm, light, professional palette with generous text. Colour
//! always comes with words or numbers, never alone.

use bevy_egui::egui::{self, Color32, FontFamily, FontId, Stroke, TextStyle};

/// Page background.
pub const PAGE: Color32 = Color32::from_rgb(0xF3, 0xF5, 0xF8);
/// Cards and panels.
pub const CARD: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
/// Main text.
pub const INK: Color32 = Color32::from_rgb(0x1F, 0x29, 0x37);
/// Secondary text and key hints.
pub const QUIET: Color32 = Color32::from_rgb(0x5B, 0x67, 0x78);
/// The accent: buttons, selection, the agent's lines.
pub const ACCENT: Color32 = Color32::from_rgb(0x2F, 0x6F, 0xB3);
/// Good outcomes (always with a + or the word "Passed").
pub const GOOD: Color32 = Color32::from_rgb(0x2E, 0x7D, 0x4F);
/// Lost points (always with a − or the words "Not passed").
pub const BAD: Color32 = Color32::from_rgb(0xB0, 0x3A, 0x2E);
/// The background of a critical error's card: a faint red under the words
/// "Critical error".
pub const BAD_TINT: Color32 = Color32::from_rgb(0xFC, 0xF0, 0xEE);
/// Warnings such as an interruption.
pub const WARN: Color32 = Color32::from_rgb(0x9A, 0x60, 0x00);

/// Applies the palette and text sizes to egui.
pub fn apply(ctx: &egui::Context) {
    ctx.set_visuals(visuals());
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(26.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(17.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(17.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(13.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(12.0, 6.0);
        style.spacing.interact_size.y = 30.0;
    });
}

fn visuals() -> egui::Visuals {
    let mut v = egui::Visuals::light();
    v.panel_fill = PAGE;
    v.window_fill = CARD;
    // Text fields and meter troughs: a soft grey, visible on white cards.
    v.extreme_bg_color = Color32::from_rgb(0xE8, 0xEC, 0xF1);
    v.override_text_color = Some(INK);
    v.selection.bg_fill = ACCENT.linear_multiply(0.25);
    v.selection.stroke = Stroke::new(1.5, ACCENT);
    // A visible focus ring: keyboard users must see where they are.
    v.widgets.hovered.bg_stroke = Stroke::new(1.5, ACCENT);
    v.widgets.active.bg_stroke = Stroke::new(2.0, ACCENT);
    v
}

/// The frame of a card; a chosen card has a thick accent border.
pub fn card_frame(chosen: bool) -> egui::Frame {
    let stroke = if chosen {
        Stroke::new(2.5, ACCENT)
    } else {
        Stroke::new(1.0, Color32::from_rgb(0xD8, 0xDE, 0xE6))
    };
    egui::Frame::new()
        .fill(CARD)
        .stroke(stroke)
        .corner_radius(8.0)
        .inner_margin(14.0)
}

/// A white card with a soft border around `add`.
pub fn card<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    card_frame(false).show(ui, add).inner
}
