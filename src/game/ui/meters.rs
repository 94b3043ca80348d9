//! Mood meters: a bar per axis with its name, number and a word (low,
//! medium, high), so colour is never the only signal.

use bevy_egui::egui::{self, Color32};

use super::portrait::MoodF;
use crate::game::i18n::Tr;
use crate::scenario::mood::Axis;

/// The word for a level: below 34 low, below 67 medium, else high.
pub fn level_key(value: f32) -> &'static str {
    if value < 34.0 {
        "mood-level-low"
    } else if value < 67.0 {
        "mood-level-mid"
    } else {
        "mood-level-high"
    }
}

fn axis_color(axis: Axis) -> Color32 {
    match axis {
        Axis::Anger => Color32::from_rgb(0xC0, 0x50, 0x40),
        Axis::Trust => Color32::from_rgb(0x3D, 0x8B, 0x5A),
        Axis::Confusion => Color32::from_rgb(0xC2, 0x8A, 0x1E),
        Axis::Distress => Color32::from_rgb(0x5C, 0x6B, 0xC0),
    }
}

/// The text beside a bar, e.g. "Anger 72 (high)".
pub fn meter_text(tr: &Tr, axis: Axis, value: f32) -> String {
    format!(
        "{} {} ({})",
        tr.t(&format!("mood-{}", axis.key())),
        value.round() as i32,
        tr.t(level_key(value))
    )
}

/// The four meters, plus the hang-up threshold on the anger bar.
pub fn meters(ui: &mut egui::Ui, tr: &Tr, mood: &MoodF, hangs_up_at: u8) {
    for (axis, value) in Axis::ALL.into_iter().zip(mood) {
        let mut text = meter_text(tr, axis, *value);
        if axis == Axis::Anger && hangs_up_at < 100 {
            text.push_str(&format!(
                " · {}",
                tr.f("call-hangs-up-at", &[("limit", &hangs_up_at.to_string())])
            ));
        }
        ui.label(text);
        ui.add(
            egui::ProgressBar::new((value / 100.0).clamp(0.0, 1.0))
                .fill(axis_color(axis))
                .desired_height(10.0),
        );
    }
}
