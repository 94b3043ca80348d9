//! The call screen: who is calling, their face and mood, the clock, the
//! transcript as it is spoken, and the replies on keys 1 to 9.

use bevy_egui::egui::{self, Align, Key, RichText};

use super::portrait::{MoodF, portrait};
use super::{key_hints, meters::meters, pressed, pressed_digit, theme};
use crate::game::i18n::Tr;

/// Who said a transcript line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Customer,
    Agent,
    System,
}

/// One transcript line as shown now.
#[derive(Debug, Clone, PartialEq)]
pub struct LineView {
    pub who: Who,
    /// The words spoken so far (the whole line once finished).
    pub text: String,
    /// The agent cut this line off.
    pub cut: bool,
    /// Still being spoken.
    pub speaking: bool,
}

/// Everything the call screen shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CallView {
    pub title: String,
    /// How the agent addresses the customer, e.g. "Mr Keller".
    pub customer: String,
    /// Channel and archetype, already translated: "Phone · Angry".
    pub card: String,
    pub clock_ms: u64,
    /// The mood as drawn (eased toward the engine's mood).
    pub mood: MoodF,
    pub hangs_up_at: u8,
    pub lines: Vec<LineView>,
    /// Reply texts in the order of keys 1, 2, 3 …
    pub replies: Vec<String>,
    /// The customer has not finished this turn.
    pub speaking: bool,
    /// The trainee's own reply is still being said; the customer waits.
    pub agent_speaking: bool,
    /// A written channel (chat, e-mail): "typing" instead of "speaking".
    pub written: bool,
    /// Transfer targets, labelled.
    pub targets: Vec<String>,
    /// The transfer picker is open, with this target selected.
    pub picker: Option<usize>,
    /// The agent's last action cut the customer off.
    pub interrupted: bool,
    /// Why the call ended, once it has.
    pub ended: Option<String>,
}

/// What the trainee asked for on the call screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallAction {
    /// Say reply n (0-based, display order).
    Reply(usize),
    OpenPicker,
    /// Select target n in the open picker.
    SelectTarget(usize),
    /// Transfer to target n.
    Transfer(usize),
    ClosePicker,
    /// Let the customer go on (the only way lines arrive with timers off).
    Listen,
    HangUp,
    /// The call is over: go to the debrief.
    Debrief,
}

/// `mm:ss` for a call clock.
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}", s / 60, s % 60)
}

/// Reads the keyboard for the call screen.
fn keys(ui: &egui::Ui, v: &CallView) -> Option<CallAction> {
    if v.ended.is_some() {
        return pressed(ui, Key::Enter).then_some(CallAction::Debrief);
    }
    if let Some(sel) = v.picker {
        let n = v.targets.len();
        if let Some(i) = pressed_digit(ui, n) {
            return Some(CallAction::Transfer(i));
        }
        if pressed(ui, Key::ArrowDown) && n > 0 {
            return Some(CallAction::SelectTarget((sel + 1) % n));
        }
        if pressed(ui, Key::ArrowUp) && n > 0 {
            return Some(CallAction::SelectTarget((sel + n - 1) % n));
        }
        if pressed(ui, Key::Enter) && sel < n {
            return Some(CallAction::Transfer(sel));
        }
        if pressed(ui, Key::Escape) {
            return Some(CallAction::ClosePicker);
        }
        return None;
    }
    if let Some(i) = pressed_digit(ui, v.replies.len()) {
        return Some(CallAction::Reply(i));
    }
    if !v.targets.is_empty() && pressed(ui, Key::T) {
        return Some(CallAction::OpenPicker);
    }
    if v.speaking && pressed(ui, Key::Space) {
        return Some(CallAction::Listen);
    }
    if pressed(ui, Key::H) {
        return Some(CallAction::HangUp);
    }
    None
}

/// Draws the call screen into `ui` and returns the trainee's action.
pub fn call_panel(ui: &mut egui::Ui, tr: &Tr, v: &CallView) -> Option<CallAction> {
    let mut action = keys(ui, v);
    egui::Panel::top("call-top").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(&v.title);
            ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
                ui.label(
                    RichText::new(tr.f("call-clock", &[("time", &clock(v.clock_ms))])).monospace(),
                );
            });
        });
    });
    egui::Panel::left("call-customer")
        .resizable(false)
        .exact_size(300.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            theme::card(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(&v.customer).size(22.0).strong());
                ui.label(RichText::new(&v.card).color(theme::QUIET));
                ui.vertical_centered(|ui| portrait(ui, &v.mood, 180.0));
                ui.label(RichText::new(tr.t("call-mood")).strong());
                meters(ui, tr, &v.mood, v.hangs_up_at);
            });
        });
    egui::Panel::bottom("call-replies").show(ui, |ui| {
        ui.add_space(6.0);
        if let Some(a) = actions(ui, tr, v) {
            action = Some(a);
        }
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        transcript(ui, tr, v);
    });
    action
}

fn transcript(ui: &mut egui::Ui, tr: &Tr, v: &CallView) {
    egui::ScrollArea::vertical()
        .stick_to_bottom(true)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for line in &v.lines {
                let (who, color) = match line.who {
                    Who::Customer => (v.customer.clone(), theme::INK),
                    Who::Agent => (tr.t("call-you"), theme::ACCENT),
                    Who::System => (tr.t("call-system"), theme::QUIET),
                };
                ui.horizontal_wrapped(|ui| {
                    // "The call was transferred" is nobody's line: no speaker.
                    if line.who != Who::System {
                        ui.label(RichText::new(format!("{who}:")).strong().color(color));
                    }
                    let mut text = RichText::new(&line.text).color(color);
                    if line.who == Who::System {
                        text = text.italics();
                    }
                    ui.label(text);
                    if line.speaking {
                        ui.label(RichText::new("…").color(theme::QUIET));
                    }
                });
                if line.cut {
                    ui.label(
                        RichText::new(tr.t("call-interrupted"))
                            .color(theme::WARN)
                            .italics(),
                    );
                }
            }
        });
}

fn actions(ui: &mut egui::Ui, tr: &Tr, v: &CallView) -> Option<CallAction> {
    let mut action = None;
    let name = [("name", v.customer.as_str())];
    if let Some(why) = &v.ended {
        ui.label(RichText::new(why).size(20.0).strong());
        if ui.button(tr.t("call-continue")).clicked() {
            action = Some(CallAction::Debrief);
        }
        return action;
    }
    if let Some(sel) = v.picker {
        ui.label(RichText::new(tr.t("call-transfer-title")).strong());
        for (i, t) in v.targets.iter().enumerate() {
            let text = format!("{}  {t}", i + 1);
            if ui.add(egui::Button::selectable(i == sel, text)).clicked() {
                action = Some(CallAction::Transfer(i));
            }
        }
        key_hints(ui, &tr.t("call-transfer-keys"));
        return action;
    }
    let status = match (v.speaking, v.written) {
        _ if v.agent_speaking => tr.t("call-you-speaking"),
        (true, false) => tr.f("call-speaking", &name),
        (true, true) => tr.f("call-typing", &name),
        (false, _) => tr.f("call-finished", &name),
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(status).color(theme::QUIET));
        if v.interrupted {
            ui.label(RichText::new(tr.t("call-interrupted")).color(theme::WARN));
        }
    });
    ui.label(RichText::new(tr.t("call-replies")).strong());
    if v.speaking && !v.replies.is_empty() {
        ui.label(
            RichText::new(tr.f("call-replies-interrupt", &name))
                .color(theme::WARN)
                .size(14.0),
        );
    }
    for (i, r) in v.replies.iter().enumerate() {
        let label = if i < 9 {
            format!("{}  {r}", i + 1)
        } else {
            r.clone()
        };
        let b = egui::Button::new(RichText::new(label))
            .wrap()
            .right_text("");
        if ui.add_sized([ui.available_width(), 0.0], b).clicked() {
            action = Some(CallAction::Reply(i));
        }
    }
    ui.horizontal(|ui| {
        if v.speaking && ui.button(tr.t("call-listen")).clicked() {
            action = Some(CallAction::Listen);
        }
        if !v.targets.is_empty() && ui.button(tr.t("call-transfer")).clicked() {
            action = Some(CallAction::OpenPicker);
        }
        if ui.button(tr.t("call-hang-up")).clicked() {
            action = Some(CallAction::HangUp);
        }
    });
    action
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_reads_minutes_and_seconds() {
        assert_eq!(clock(0), "00:00");
        assert_eq!(clock(61_999), "01:01");
        assert_eq!(clock(600_000), "10:00");
    }
}
