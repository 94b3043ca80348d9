//! The progress screen: skill trends over the trainee's calls, the best
//! result per scenario, the weakest skill, a recommended next call with the
//! reason, and practice shifts.

use bevy_egui::egui::{self, Key, RichText};
use egui_plot::{Legend, Line, LineStyle, Plot, Points};

use super::{key_hints, pressed, theme};
use crate::game::i18n::Tr;

/// Patience, listening, name, escalation: told apart by line style too.
const SKILL_COLORS: [egui::Color32; 4] = [
    egui::Color32::from_rgb(0xC0, 0x50, 0x40),
    egui::Color32::from_rgb(0x2F, 0x6F, 0xB3),
    egui::Color32::from_rgb(0x3D, 0x8B, 0x5A),
    egui::Color32::from_rgb(0x8A, 0x4F, 0xB0),
];

/// One row of "best per scenario".
#[derive(Debug, Clone, PartialEq)]
pub struct BestRow {
    pub title: String,
    pub overall: u8,
    pub passed: bool,
    pub attempts: usize,
}

/// Everything the progress screen shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgressPanelView {
    pub attempts: usize,
    /// "Listening: 58 on average over your last 10 calls".
    pub weakest: Option<String>,
    /// The recommended call's title and why.
    pub recommendation: Option<(String, String)>,
    /// Skill name and (attempt number, score) points.
    pub trends: Vec<(String, Vec<[f64; 2]>)>,
    pub best: Vec<BestRow>,
    /// The last shift's summary, as lines.
    pub shift_summary: Vec<String>,
    /// Unsaved results, damaged records.
    pub notices: Vec<String>,
    /// What replaying the last call found.
    pub replay: Option<String>,
}

/// Results going to the learning record store, for the bar at the bottom
/// of the progress screen (shown only when an LRS is set, or its settings
/// are wrong). Every text is already in the interface language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeliveryView {
    /// Results of this trainee not yet sent.
    pub waiting: usize,
    /// A send is under way.
    pub sending: bool,
    /// The last error, explained.
    pub last_error: Option<String>,
    /// Why the LRS settings cannot be used.
    pub config_error: Option<String>,
}

/// The line that says how many results wait, in the interface language.
pub fn waiting_text(tr: &Tr, v: &DeliveryView) -> String {
    match (v.waiting, v.sending) {
        (0, true) => tr.t("lrs-sending"),
        (0, false) => tr.t("lrs-all-sent"),
        (1, _) => tr.t("lrs-waiting-one"),
        (n, _) => tr.f("lrs-waiting", &[("count", &n.to_string())]),
    }
}

/// Draws the delivery bar at the bottom of the screen. Call it before
/// [`progress_panel`]: panels go before the central one.
pub fn delivery_bar(ui: &mut egui::Ui, tr: &Tr, v: &DeliveryView) {
    egui::Panel::bottom("progress-delivery").show(ui, |ui| {
        ui.add_space(4.0);
        if let Some(e) = &v.config_error {
            ui.label(RichText::new(tr.f("lrs-config-error", &[("error", e)])).color(theme::BAD));
        } else {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(waiting_text(tr, v)).strong());
                if v.sending && v.waiting > 0 {
                    ui.label(RichText::new(tr.t("lrs-sending")).color(theme::QUIET));
                }
            });
            if let Some(e) = &v.last_error {
                ui.label(RichText::new(tr.f("lrs-last-error", &[("error", e)])).color(theme::BAD));
            }
        }
        ui.add_space(4.0);
    });
}

/// What the trainee asked for on the progress screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressAction {
    StartRecommended,
    /// A practice shift of five calls toward the weakest skill.
    StartShift,
    /// Play the last stored call again from its input log.
    ReplayLast,
    Back,
}

/// Draws the progress screen.
pub fn progress_panel(ui: &mut egui::Ui, tr: &Tr, v: &ProgressPanelView) -> Option<ProgressAction> {
    let mut action = None;
    if pressed(ui, Key::Escape) {
        action = Some(ProgressAction::Back);
    }
    if v.recommendation.is_some() && pressed(ui, Key::Enter) {
        action = Some(ProgressAction::StartRecommended);
    }
    if pressed(ui, Key::F) {
        action = Some(ProgressAction::StartShift);
    }
    if v.attempts > 0 && pressed(ui, Key::V) {
        action = Some(ProgressAction::ReplayLast);
    }
    egui::Panel::top("progress-top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.heading(tr.t("progress-title"));
        key_hints(ui, &tr.t("progress-keys"));
        for n in &v.notices {
            ui.label(RichText::new(n).color(theme::BAD));
        }
        ui.add_space(4.0);
    });
    egui::Panel::right("progress-side")
        .resizable(false)
        .exact_size(420.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("progress-side")
                .show(ui, |ui| {
                    ui.add_space(8.0);
                    theme::card(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(RichText::new(tr.t("progress-next")).strong());
                        if let Some(w) = &v.weakest {
                            ui.label(w);
                        }
                        if let Some((title, why)) = &v.recommendation {
                            ui.label(RichText::new(title).size(19.0).strong());
                            ui.label(RichText::new(why).color(theme::QUIET));
                            if ui.button(tr.t("progress-start-recommended")).clicked() {
                                action = Some(ProgressAction::StartRecommended);
                            }
                        }
                        ui.add_space(6.0);
                        if ui.button(tr.t("progress-start-shift")).clicked() {
                            action = Some(ProgressAction::StartShift);
                        }
                    });
                    if !v.shift_summary.is_empty() {
                        ui.add_space(8.0);
                        theme::card(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.label(RichText::new(tr.t("progress-shift-summary")).strong());
                            for line in &v.shift_summary {
                                ui.label(line);
                            }
                        });
                    }
                    if v.attempts > 0 {
                        ui.add_space(8.0);
                        if ui.button(tr.t("progress-replay")).clicked() {
                            action = Some(ProgressAction::ReplayLast);
                        }
                        if let Some(r) = &v.replay {
                            ui.label(r);
                        }
                    }
                    ui.add_space(8.0);
                    ui.label(RichText::new(tr.t("progress-best")).strong());
                    for b in &v.best {
                        let mark = if b.passed {
                            tr.t("debrief-passed")
                        } else {
                            tr.t("debrief-failed")
                        };
                        ui.label(format!(
                            "{} · {} / 100 · {} · {}",
                            b.title,
                            b.overall,
                            mark,
                            tr.f("progress-attempts", &[("count", &b.attempts.to_string())])
                        ));
                    }
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.label(
            RichText::new(tr.f("progress-trend", &[("count", &v.attempts.to_string())])).strong(),
        );
        if v.attempts == 0 {
            ui.label(tr.t("progress-empty"));
            return;
        }
        let styles = [
            LineStyle::Solid,
            LineStyle::dashed_loose(),
            LineStyle::dotted_dense(),
            LineStyle::dashed_dense(),
        ];
        Plot::new("skill-trends")
            .legend(Legend::default())
            .include_y(0.0)
            .include_y(100.0)
            .include_x(0.5)
            .include_x(v.attempts as f64 + 0.5)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .x_axis_label(tr.t("progress-call-number"))
            .show(ui, |plot| {
                // Markers too: a single call is a point, not a line. Line
                // and markers of a skill share one colour and one legend entry.
                let series = v.trends.iter().zip(styles).zip(SKILL_COLORS);
                for (((name, points), style), color) in series {
                    let line = Line::new(name.clone(), points.clone());
                    plot.line(line.style(style).width(2.0).color(color));
                    let dots = Points::new(name.clone(), points.clone());
                    plot.points(dots.radius(4.0).color(color));
                }
            });
    });
    action
}
