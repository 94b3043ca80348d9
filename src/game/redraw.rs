//! Frames only when something moves. The window updates on input anyway;
//! this asks for frames while a customer is speaking (the clock and the
//! words run), while the face eases to a new mood, for one frame after a
//! debrief link (to scroll), and while an action of the trainee is still
//! on its way: the panels run late in the frame, so a screen change or a
//! reply they ask for takes effect in the next frames, which must come at
//! once rather than at the next timer.
//!
//! bevy_egui asks for a new frame at once whenever egui wants a repaint at
//! any time in the future (a blinking text cursor, a tooltip delay), which
//! keeps a software-rendered window busy forever. Here egui's requested
//! delay is honoured instead: zero means the next frame, anything longer
//! becomes the event loop's wait.
//!
//! bevy_egui also hands egui a `ModifiersChanged` event on every frame,
//! changed or not, and egui repaints at once for any event: a loop that
//! never rests. Unchanged modifiers are dropped before egui sees them.

use std::time::Duration;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{EguiFullOutput, EguiInput, EguiPostUpdateSet, EguiPreUpdateSet, egui};

use super::Screen;
use super::call::{ActiveCall, CallInput, StartCall};
use super::saved::{RELOAD_WAIT, SavedFiles};
use super::screens::call::CallUi;
use super::screens::debrief::DebriefUi;

/// The longest the event loop sleeps when nothing is due.
const IDLE_WAIT: Duration = Duration::from_secs(60);

/// When egui wants its next frame (Duration::MAX: not at all).
#[derive(Resource, Debug)]
pub struct EguiRepaint(pub Duration);

impl Default for EguiRepaint {
    fn default() -> Self {
        EguiRepaint(Duration::MAX)
    }
}

/// Whether the current screen is animating or an action is pending.
fn animating(
    screen: Res<State<Screen>>,
    next: Res<NextState<Screen>>,
    starts: Res<Messages<StartCall>>,
    inputs: Res<Messages<CallInput>>,
    calls: Query<&ActiveCall>,
    call_ui: Res<CallUi>,
    debrief_ui: Res<DebriefUi>,
) -> bool {
    let pending =
        matches!(*next, NextState::Pending(_)) || !starts.is_empty() || !inputs.is_empty();
    pending
        || match screen.get() {
            Screen::Call => {
                let running = calls
                    .single()
                    .is_ok_and(|c| c.session.options().timers && !c.session.is_over());
                running || call_ui.moving
            }
            Screen::Debrief => debrief_ui.scroll,
            _ => false,
        }
}

/// Drops `ModifiersChanged` events that do not change the modifiers.
fn drop_unchanged_modifiers(
    mut inputs: Query<&mut EguiInput>,
    mut last: Local<Option<egui::Modifiers>>,
) {
    for mut input in &mut inputs {
        input.0.events.retain(|e| match e {
            egui::Event::ModifiersChanged(m) => {
                let changed = *last != Some(*m);
                *last = Some(*m);
                changed
            }
            _ => true,
        });
    }
}

/// Reads egui's requested repaint delay before bevy_egui consumes the output.
fn read_egui_delay(outputs: Query<&EguiFullOutput>, mut repaint: ResMut<EguiRepaint>) {
    repaint.0 = outputs
        .iter()
        .filter_map(|o| o.0.as_ref())
        .flat_map(|o| o.viewport_output.values().map(|v| v.repaint_delay))
        .min()
        .unwrap_or(Duration::MAX);
}

fn request(
    In(animating): In<bool>,
    repaint: Res<EguiRepaint>,
    saved: Option<Res<SavedFiles>>,
    mut redraws: ResMut<Messages<RequestRedraw>>,
    mut winit: ResMut<WinitSettings>,
) {
    // Replace bevy_egui's "redraw now" with egui's actual wish.
    redraws.clear();
    if animating || repaint.0.is_zero() {
        redraws.write(RequestRedraw);
    }
    // A saved scenario file is on its way to a reload (see `saved`).
    let reloading = saved.is_some_and(|s| s.awake(std::time::Instant::now()));
    let longest = if reloading { RELOAD_WAIT } else { IDLE_WAIT };
    let wait = repaint.0.clamp(Duration::from_millis(16), longest);
    let mode = UpdateMode::reactive(wait);
    if winit.focused_mode != mode {
        winit.focused_mode = mode;
        winit.unfocused_mode = UpdateMode::reactive_low_power(wait);
    }
}

/// Requests frames while the game animates, and only then.
pub fn plugin(app: &mut App) {
    app.init_resource::<EguiRepaint>()
        .add_systems(
            PreUpdate,
            drop_unchanged_modifiers
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(
            PostUpdate,
            read_egui_delay
                .after(EguiPostUpdateSet::EndPass)
                .before(EguiPostUpdateSet::ProcessOutput),
        )
        .add_systems(Last, animating.pipe(request));
}
