//! The debrief: passed or not and why, the overall and four skill scores,
//! the critical errors first, every other moment with its reason and tip
//! (each links to its transcript line), and the mood over the call.

use bevy_egui::egui::{self, Align, Key, RichText};
use egui_plot::{GridInput, GridMark, Legend, Line, LineStyle, Plot, log_grid_spacer};

use super::call_panel::{LineView, Who};
use super::{key_hints, pressed, theme};
use crate::game::i18n::Tr;
use crate::score::Tone;

/// One moment as the debrief lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct MomentView {
    pub turn: u32,
    /// The skill's name, translated.
    pub skill: String,
    pub points: i32,
    /// How it is shown: a critical error (listed first), points lost or
    /// earned, a strength worth no points, or missing evidence.
    pub tone: Tone,
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
    /// Why the call did not pass, translated, most serious first (empty
    /// when it passed).
    pub failures: Vec<String>,
    pub overall: u8,
    pub pass_mark: u8,
    /// The lowest score a skill may have in a passed call.
    pub skill_floor: u8,
    /// The ending, translated.
    pub ending: String,
    /// Skill name and score, in rubric order.
    pub skills: Vec<(String, u8)>,
    /// In call order; the panel lists the critical errors first.
    pub moments: Vec<MomentView>,
    pub transcript: Vec<LineView>,
    /// Mood axis name and (x, value) points.
    pub series: Vec<(String, Vec<[f64; 2]>)>,
    /// What the x axis counts ("seconds", or mood changes with timers off).
    pub x_label: String,
    /// The moment chosen with the arrow keys (drawn with a frame), an
    /// index into `moments`.
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

/// The order the moments are listed in (indices into `moments`): the
/// critical errors first, then the rest, each in call order. The arrow keys
/// walk this order.
pub fn listed_order(moments: &[MomentView]) -> Vec<usize> {
    let critical = |i: &usize| moments[*i].tone == Tone::Critical;
    let all = 0..moments.len();
    all.clone()
        .filter(critical)
        .chain(all.filter(|i| !critical(i)))
        .collect()
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
    // Up/Down walk the moments in the order they are listed; Enter shows
    // the chosen one's line.
    let order = listed_order(&v.moments);
    let at = v.selected.and_then(|s| order.iter().position(|&i| i == s));
    if let Some(&last) = order.last() {
        if pressed(ui, Key::ArrowDown) {
            let next = at.map_or(order[0], |p| order.get(p + 1).copied().unwrap_or(last));
            action = Some(DebriefAction::Select(next));
        }
        if pressed(ui, Key::ArrowUp) {
            let next = at.map_or(order[0], |p| order[p.saturating_sub(1)]);
            action = Some(DebriefAction::Select(next));
        }
    }
    if let Some(entry) = v
        .selected
        .and_then(|i| v.moments.get(i))
        .and_then(|m| m.entry)
        && pressed(ui, Key::Enter)
    {
        action = Some(DebriefAction::ShowLine(entry));
    }
    if ui.available_height() < COMPACT_BELOW {
        // Little room (the largest text sizes): one page that scrolls, so
        // nothing is squeezed to nothing.
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("debrief-page")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    summary(ui, tr, v, &mut action);
                    ui.separator();
                    moment_list(ui, tr, v, &order, &mut action);
                    ui.separator();
                    ui.label(RichText::new(tr.t("debrief-transcript")).strong());
                    transcript_lines(ui, tr, v);
                    ui.separator();
                    ui.label(RichText::new(tr.t("debrief-mood-chart")).strong());
                    let size = egui::vec2(ui.available_width(), 200.0);
                    ui.allocate_ui(size, |ui| {
                        ui.set_height(200.0);
                        mood_chart(ui, &v.x_label, &v.series, false);
                    });
                });
        });
        return action;
    }
    egui::Panel::top("debrief-top").show(ui, |ui| summary(ui, tr, v, &mut action));
    // The chart gives way to the moments when the text is large.
    let chart = (ui.available_height() * 0.4).clamp(150.0, 200.0);
    egui::Panel::bottom("debrief-chart")
        .exact_size(chart)
        .show(ui, |ui| {
            ui.label(RichText::new(tr.t("debrief-mood-chart")).strong());
            mood_chart(ui, &v.x_label, &v.series, chart < 200.0);
        });
    egui::Panel::right("debrief-transcript")
        .resizable(false)
        .exact_size(ui.available_width() * 0.42)
        .show(ui, |ui| {
            ui.label(RichText::new(tr.t("debrief-transcript")).strong());
            transcript(ui, tr, v);
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("moments")
            .auto_shrink([false, false])
            .show(ui, |ui| moment_list(ui, tr, v, &order, &mut action));
    });
    action
}

/// Below this height (in points, after the text size's zoom) the debrief
/// is one scrolling page instead of panels: at 1280×800 with the text size
/// "Larger" the panels left the moments a strip a few lines high, and none
/// at all in German.
pub const COMPACT_BELOW: f32 = 600.0;

/// The title, passed or not and why, the skills and the buttons.
fn summary(ui: &mut egui::Ui, tr: &Tr, v: &DebriefView, action: &mut Option<DebriefAction>) {
    ui.add_space(4.0);
    ui.heading(tr.f("debrief-title", &[("title", &v.title)]));
    // Wrapped: with the largest text size the row is wider than the window.
    ui.horizontal_wrapped(|ui| {
        // Each part moves to the next line whole rather than break inside.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
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
    // A score below the mark, or one above it that still did not pass,
    // never stands without its reason.
    if !v.passed && !v.failures.is_empty() {
        let why = tr.f(
            "debrief-failed-because",
            &[("reasons", &v.failures.join("; "))],
        );
        ui.label(RichText::new(why).size(18.0).strong().color(theme::BAD));
    }
    if v.authored {
        ui.label(RichText::new(tr.t("debrief-authored")).color(theme::WARN));
    }
    // The skill cards in equal columns: four in a row while each gets
    // room, else two. (Cards wrapped as a flow squeezed the last one to
    // a sliver at the largest text size, a column of single letters
    // that pushed the rest of the debrief off the window.)
    let cols = if ui.available_width() >= 830.0 { 4 } else { 2 };
    for row in v.skills.chunks(cols) {
        ui.columns(cols, |columns| {
            for (ui, (skill, score)) in columns.iter_mut().zip(row) {
                theme::card(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        // The name and the score each stay on one line.
                        let whole = egui::TextWrapMode::Extend;
                        ui.add(egui::Label::new(RichText::new(skill).strong()).wrap_mode(whole));
                        let text = RichText::new(format!("{score} / 100")).size(20.0);
                        ui.add(egui::Label::new(text).wrap_mode(whole));
                    });
                    if *score < v.skill_floor {
                        let floor = v.skill_floor.to_string();
                        let below = tr.f("debrief-below-floor", &[("floor", &floor)]);
                        ui.label(RichText::new(below).color(theme::BAD));
                    }
                });
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr.t("debrief-retry")).clicked() {
            *action = Some(DebriefAction::Retry);
        }
        if ui.button(tr.t("debrief-back")).clicked() {
            *action = Some(DebriefAction::Back);
        }
        if let Some((done, total)) = v.shift {
            let text = tr.f(
                "debrief-next-shift",
                &[("done", &done.to_string()), ("total", &total.to_string())],
            );
            if ui.button(text).clicked() {
                *action = Some(DebriefAction::NextInShift);
            }
        }
        key_hints(ui, &tr.t("debrief-keys"));
    });
    ui.add_space(4.0);
}

/// The moments, critical errors first, then the best possible call.
fn moment_list(
    ui: &mut egui::Ui,
    tr: &Tr,
    v: &DebriefView,
    order: &[usize],
    action: &mut Option<DebriefAction>,
) {
    let critical = order
        .iter()
        .take_while(|&&i| v.moments[i].tone == Tone::Critical)
        .count();
    for (k, &i) in order.iter().enumerate() {
        if k == 0 && critical > 0 {
            ui.label(
                RichText::new(tr.t("debrief-critical-heading"))
                    .strong()
                    .color(theme::BAD),
            );
        }
        if k == critical {
            if k > 0 {
                ui.add_space(6.0);
            }
            ui.label(RichText::new(tr.t("debrief-moments")).strong());
        }
        if let Some(a) = moment(ui, tr, &v.moments[i], v.selected == Some(i)) {
            *action = Some(a);
        }
    }
    if v.moments.is_empty() {
        ui.label(RichText::new(tr.t("debrief-moments")).strong());
        ui.label(tr.t("debrief-no-moments"));
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
}

fn moment(ui: &mut egui::Ui, tr: &Tr, m: &MomentView, selected: bool) -> Option<DebriefAction> {
    let mut action = None;
    let mut frame = theme::card_frame(selected);
    if m.tone == Tone::Critical {
        // Red border and a faint red fill; the words "Critical error" say
        // the same without colour. A chosen card keeps its accent border.
        frame = frame.fill(theme::BAD_TINT);
        if !selected {
            frame = frame.stroke(egui::Stroke::new(2.0, theme::BAD));
        }
    }
    let r = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let skill = [("skill", m.skill.as_str())];
            match m.tone {
                Tone::Critical => {
                    ui.label(
                        RichText::new(tr.t("debrief-critical"))
                            .strong()
                            .color(theme::BAD),
                    );
                    // An author's critical reply may cost no points itself.
                    if m.points != 0 {
                        ui.label(RichText::new(signed(m.points)).strong().color(theme::BAD));
                    }
                }
                Tone::Penalty => {
                    ui.label(RichText::new(signed(m.points)).strong().color(theme::BAD));
                }
                Tone::Credit => {
                    ui.label(RichText::new(signed(m.points)).strong().color(theme::GOOD));
                }
                Tone::Strength => {
                    ui.label(
                        RichText::new(tr.t("debrief-strength"))
                            .strong()
                            .color(theme::GOOD),
                    );
                }
                Tone::Missing => {
                    ui.label(
                        RichText::new(tr.t("debrief-missing"))
                            .strong()
                            .color(theme::WARN),
                    );
                }
            }
            ui.label(RichText::new(&m.skill).strong());
            ui.label(
                RichText::new(tr.f("debrief-turn", &[("turn", &m.turn.to_string())]))
                    .color(theme::QUIET),
            );
            match m.tone {
                Tone::Strength => {
                    ui.label(
                        RichText::new(tr.f("debrief-strength-note", &skill)).color(theme::QUIET),
                    );
                }
                Tone::Missing => {
                    ui.label(
                        RichText::new(tr.f("debrief-missing-note", &skill)).color(theme::QUIET),
                    );
                }
                _ => {}
            }
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
        .show(ui, |ui| transcript_lines(ui, tr, v));
}

/// The transcript's lines, the highlighted one scrolled into view.
fn transcript_lines(ui: &mut egui::Ui, tr: &Tr, v: &DebriefView) {
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

/// `compact`: the chart gave way to the moments, and the legend uses small
/// text so its four lines still fit.
fn mood_chart(ui: &mut egui::Ui, x_label: &str, series: &[(String, Vec<[f64; 2]>)], compact: bool) {
    // Each axis has its own line style as well as its colour.
    let styles = [
        LineStyle::Solid,
        LineStyle::dashed_loose(),
        LineStyle::dotted_dense(),
        LineStyle::dashed_dense(),
    ];
    Plot::new("mood-over-time")
        .legend(if compact {
            Legend::default().text_style(egui::TextStyle::Small)
        } else {
            Legend::default()
        })
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
