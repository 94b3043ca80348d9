//! The debrief: passed or not, the overall and four skill scores, every
//! moment with its reason and tip (each links to its transcript line), and
//! the mood over the call.

use bevy_egui::egui::{self, Align, Key, RichText};
use egui_plot::{GridInput, GridMark, Legend, Line, LineStyle, Plot, log_grid_spacer};

use super::call_panel::{LineView, Who};
use super::{key_hints, pressed, theme};
use crate::game::i18n::Tr;

/// One moment as the debrief lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct MomentView {
    pub turn: u32,
    /// The skill's name, translated.
    pub skill: String,
    pub points: i32,
    pub reason: String,
    pub tip: String,
    /// Transcript line it points at.
    pub entry: Option<usize>,
}

/// Everything the debrief shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DebriefView {
    pub title: String,
    pub customer: String,
    pub passed: bool,
    pub overall: u8,
    pub pass_mark: u8,
    /// The ending, translated.
    pub ending: String,
    /// Skill name and score, in rubric order.
    pub skills: Vec<(String, u8)>,
    pub moments: Vec<MomentView>,
    pub transcript: Vec<LineView>,
    /// Mood axis name and (x, value) points.
    pub series: Vec<(String, Vec<[f64; 2]>)>,
    /// What the x axis counts ("seconds", or mood changes with timers off).
    pub x_label: String,
    /// The moment chosen with the arrow keys (drawn with a frame).
    pub selected: Option<usize>,
    /// The transcript line to highlight.
    pub highlight: Option<usize>,
    /// Scroll the transcript to the highlighted line this frame.
    pub scroll: bool,
    /// In a practice shift: calls done and calls in the shift.
    pub shift: Option<(usize, usize)>,
    /// The best possible call, from the explorer (worked out off the UI thread).
    pub best: BestView,
    /// Author mode changed the call (a jump or a reload): it is not stored
    /// as an attempt, and the debrief says so rather than drop it silently.
    pub authored: bool,
}

/// The best possible call as the debrief shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum BestView {
    /// Still being worked out.
    #[default]
    Working,
    /// Its overall score and what the agent says on it.
    Ready { overall: u8, said: Vec<String> },
    /// No path finishes (cannot happen for a valid scenario).
    Unknown,
}

/// What the trainee asked for on the debrief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefAction {
    /// Choose moment n (arrow keys).
    Select(usize),
    /// Show transcript line n.
    ShowLine(usize),
    Retry,
    Back,
    /// The next call of the practice shift (or its summary after the last).
    NextInShift,
}

/// "+5" or "−10" (a real minus sign, easier to read than a hyphen).
pub fn signed(points: i32) -> String {
    if points >= 0 {
        format!("+{points}")
    } else {
        format!("−{}", -points)
    }
}

/// Draws the debrief and returns the trainee's action.
pub fn debrief_panel(ui: &mut egui::Ui, tr: &Tr, v: &DebriefView) -> Option<DebriefAction> {
    let mut action = None;
    if pressed(ui, Key::R) {
        action = Some(DebriefAction::Retry);
    }
    if pressed(ui, Key::Escape) {
        action = Some(DebriefAction::Back);
    }
    if v.shift.is_some() && pressed(ui, Key::N) {
        action = Some(DebriefAction::NextInShift);
    }
    // Up/Down walk the moments; Enter shows the chosen one's line.
    let n = v.moments.len();
    if n > 0 && pressed(ui, Key::ArrowDown) {
        action = Some(DebriefAction::Select(
            v.selected.map_or(0, |i| (i + 1).min(n - 1)),
        ));
    }
    if n > 0 && pressed(ui, Key::ArrowUp) {
        action = Some(DebriefAction::Select(
            v.selected.map_or(0, |i| i.saturating_sub(1)),
        ));
    }
    if let Some(entry) = v
        .selected
        .and_then(|i| v.moments.get(i))
        .and_then(|m| m.entry)
        && pressed(ui, Key::Enter)
    {
        action = Some(DebriefAction::ShowLine(entry));
    }
    egui::Panel::top("debrief-top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.heading(tr.f("debrief-title", &[("title", &v.title)]));
        ui.horizontal(|ui| {
            let (word, color) = if v.passed {
                (tr.t("debrief-passed"), theme::GOOD)
            } else {
                (tr.t("debrief-failed"), theme::BAD)
            };
            ui.label(RichText::new(word).size(24.0).strong().color(color));
            let overall = tr.f(
                "debrief-overall",
                &[
                    ("score", &v.overall.to_string()),
                    ("mark", &v.pass_mark.to_string()),
                ],
            );
            ui.label(RichText::new(overall).size(20.0));
            ui.label(
                RichText::new(tr.f("debrief-ending", &[("ending", &v.ending)])).color(theme::QUIET),
            );
            match &v.best {
                BestView::Ready { overall, .. } => {
                    ui.label(
                        RichText::new(tr.f("debrief-best", &[("score", &overall.to_string())]))
                            .color(theme::QUIET),
                    );
                }
                BestView::Working => {
                    ui.label(RichText::new(tr.t("debrief-best-working")).color(theme::QUIET));
                }
                BestView::Unknown => {}
            }
        });
        if v.authored {
            ui.label(RichText::new(tr.t("debrief-authored")).color(theme::WARN));
        }
        ui.horizontal_wrapped(|ui| {
            for (skill, score) in &v.skills {
                theme::card(ui, |ui| {
                    ui.label(RichText::new(skill).strong());
                    ui.label(RichText::new(format!("{score} / 100")).size(20.0));
                });
            }
        });
        ui.horizontal(|ui| {
            if ui.button(tr.t("debrief-retry")).clicked() {
                action = Some(DebriefAction::Retry);
            }
            if ui.button(tr.t("debrief-back")).clicked() {
                action = Some(DebriefAction::Back);
            }
            if let Some((done, total)) = v.shift {
                let text = tr.f(
                    "debrief-next-shift",
                    &[("done", &done.to_string()), ("total", &total.to_string())],
                );
                if ui.button(text).clicked() {
                    action = Some(DebriefAction::NextInShift);
                }
            }
            key_hints(ui, &tr.t("debrief-keys"));
        });
        ui.add_space(4.0);
    });
    egui::Panel::bottom("debrief-chart")
        .exact_size(200.0)
        .show(ui, |ui| {
            ui.label(RichText::new(tr.t("debrief-mood-chart")).strong());
            mood_chart(ui, &v.x_label, &v.series);
        });
    egui::Panel::right("debrief-transcript")
        .resizable(false)
        .exact_size(ui.available_width() * 0.42)
        .show(ui, |ui| {
            ui.label(RichText::new(tr.t("debrief-transcript")).strong());
            transcript(ui, tr, v);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.label(RichText::new(tr.t("debrief-moments")).strong());
        egui::ScrollArea::vertical()
            .id_salt("moments")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if v.moments.is_empty() {
                    ui.label(tr.t("debrief-no-moments"));
                }
                for (i, m) in v.moments.iter().enumerate() {
                    if let Some(a) = moment(ui, tr, m, v.selected == Some(i)) {
                        action = Some(a);
                    }
                }
                if let BestView::Ready { said, .. } = &v.best {
                    ui.add_space(8.0);
                    ui.label(RichText::new(tr.t("debrief-best-path")).strong());
                    theme::card(ui, |ui| {
                        ui.set_width(ui.available_width());
                        for (i, line) in said.iter().enumerate() {
                            ui.label(format!("{}. {line}", i + 1));
                        }
                    });
                }
            });
    });
    action
}

fn moment(ui: &mut egui::Ui, tr: &Tr, m: &MomentView, selected: bool) -> Option<DebriefAction> {
    let mut action = None;
    let frame = theme::card_frame(selected);
    let r = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let color = if m.points >= 0 {
                theme::GOOD
            } else {
                theme::BAD
            };
            ui.label(RichText::new(signed(m.points)).strong().color(color));
            ui.label(RichText::new(&m.skill).strong());
            ui.label(
                RichText::new(tr.f("debrief-turn", &[("turn", &m.turn.to_string())]))
                    .color(theme::QUIET),
            );
        });
        ui.label(&m.reason);
        if !m.tip.is_empty() {
            ui.label(RichText::new(tr.f("debrief-tip", &[("tip", &m.tip)])).color(theme::QUIET));
        }
        if let Some(e) = m.entry
            && ui.link(tr.t("debrief-show-line")).clicked()
        {
            action = Some(DebriefAction::ShowLine(e));
        }
    });
    if selected && ui.input(|i| i.key_down(Key::ArrowDown) || i.key_down(Key::ArrowUp)) {
        r.response.scroll_to_me(Some(Align::Center));
    }
    action
}

fn transcript(ui: &mut egui::Ui, tr: &Tr, v: &DebriefView) {
    egui::ScrollArea::vertical()
        .id_salt("debrief-transcript")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, line) in v.transcript.iter().enumerate() {
                let who = match line.who {
                    Who::Customer => v.customer.clone(),
                    Who::Agent => tr.t("call-you"),
                    Who::System => tr.t("call-system"),
                };
                let on = v.highlight == Some(i);
                let frame = if on {
                    egui::Frame::new()
                        .fill(theme::ACCENT.linear_multiply(0.15))
                        .inner_margin(4.0)
                } else {
                    egui::Frame::new().inner_margin(4.0)
                };
                let r = frame
                    .show(ui, |ui| {
                        ui.horizontal_wrapped(|ui| {
                            if line.who != Who::System {
                                ui.label(RichText::new(format!("{who}:")).strong());
                            }
                            ui.label(&line.text);
                        });
                        if line.cut {
                            ui.label(
                                RichText::new(tr.t("call-interrupted"))
                                    .color(theme::WARN)
                                    .italics(),
                            );
                        }
                    })
                    .response;
                if on && v.scroll {
                    r.scroll_to_me(Some(Align::Center));
                }
            }
        });
}

/// The x axis's grid: the plot's usual marks, but none between whole
/// numbers. The axis counts seconds or mood changes, and a short call
/// otherwise got marks at 0.1, 0.2, … ("mood change 0.3" means nothing).
pub fn whole_steps(input: GridInput) -> Vec<GridMark> {
    log_grid_spacer(10)(GridInput {
        base_step_size: input.base_step_size.max(1.0),
        ..input
    })
}

fn mood_chart(ui: &mut egui::Ui, x_label: &str, series: &[(String, Vec<[f64; 2]>)]) {
    // Each axis has its own line style as well as its colour.
    let styles = [
        LineStyle::Solid,
        LineStyle::dashed_loose(),
        LineStyle::dotted_dense(),
        LineStyle::dashed_dense(),
    ];
    Plot::new("mood-over-time")
        .legend(Legend::default())
        .include_y(0.0)
        .include_y(100.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label(x_label)
        .x_grid_spacer(whole_steps)
        .show(ui, |plot| {
            for ((name, points), style) in series.iter().zip(styles) {
                plot.line(
                    Line::new(name.clone(), points.clone())
                        .style(style)
                        .width(2.0),
                );
            }
        });
}
