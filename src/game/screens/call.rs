//! Call screen: shows the engine's state and sends the trainee's inputs.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::{UiSystems, root_ui};
use crate::game::Screen;
use crate::game::author::{AuthorCommand, AuthorMode, Reloaded};
use crate::game::call::{ActiveCall, CallInput};
use crate::game::i18n::Tr;
use crate::game::ui::author_panel::{AuthorAction, AuthorView, author_panel};
use crate::game::ui::call_panel::{CallAction, CallView, LineView, Who, call_panel};
use crate::game::ui::portrait::{MoodF, ease, mood_f};
use crate::game::ui::pressed;
use crate::progress::Input;
use crate::scenario::Channel;
use crate::sim::{EndCause, Event, Session, Speaker};

/// The call screen's own state: the face as drawn and the transfer picker.
#[derive(Resource, Debug, Default)]
pub struct CallUi {
    /// The mood the portrait shows, easing toward the engine's.
    pub shown: Option<MoodF>,
    /// The portrait is still moving (frames are needed).
    pub moving: bool,
    pub picker: Option<usize>,
}

/// The transcript as heard at the session's clock: a line being spoken
/// shows the words said so far.
pub fn lines(session: &Session) -> Vec<LineView> {
    let now = session.now();
    let mut spans = vec![None; session.transcript.len()];
    for e in &session.events {
        if let Event::LineStarted {
            entry,
            t_ms,
            ends_ms,
        } = e
            && let Some(s) = spans.get_mut(*entry)
        {
            *s = Some((*t_ms, *ends_ms));
        }
    }
    session
        .transcript
        .iter()
        .zip(spans)
        .map(|(entry, span)| {
            let who = match entry.speaker {
                Speaker::Customer => Who::Customer,
                Speaker::Agent => Who::Agent,
                Speaker::System => Who::System,
            };
            let (text, speaking) = match span {
                Some((start, end)) if now < end && !entry.cut && !session.is_over() => {
                    let words: Vec<&str> = entry.text.split_whitespace().collect();
                    let frac = (now.saturating_sub(start)) as f64 / (end - start).max(1) as f64;
                    let n = ((words.len() as f64 * frac).ceil() as usize).min(words.len());
                    (words[..n].join(" "), true)
                }
                _ => (entry.text.clone(), false),
            };
            LineView {
                who,
                text,
                cut: entry.cut,
                speaking,
            }
        })
        .collect()
}

/// Everything the call panel shows, from the engine's state.
pub fn call_view(session: &Session, tr: &Tr, shown: MoodF, picker: Option<usize>) -> CallView {
    let s = &session.compiled().scenario;
    let customer = session.persona().address_as.clone();
    let ended = session.end().map(|end| match end.cause {
        EndCause::CustomerHangUp => tr.f("call-over-hung-up", &[("name", &customer)]),
        _ => tr.t("call-over"),
    });
    let offered = session.offered();
    CallView {
        title: s.title.clone(),
        card: format!(
            "{} · {}",
            tr.t(&format!("channel-{}", s.channel.name())),
            tr.t(&format!("archetype-{}", s.archetype.name()))
        ),
        customer,
        clock_ms: session.now(),
        mood: shown,
        hangs_up_at: s.customer.hangs_up_at,
        lines: lines(session),
        replies: offered
            .iter()
            .map(|&i| session.reply_text(i).to_owned())
            .collect(),
        speaking: !session.customer_finished(),
        // Until the customer's first line of the turn starts, the trainee's
        // own reply is still being said.
        agent_speaking: !session.customer_finished()
            && session
                .transcript
                .last()
                .is_some_and(|e| e.speaker == Speaker::Agent),
        written: matches!(s.channel, Channel::Chat | Channel::Email),
        targets: s.targets.values().cloned().collect(),
        picker,
        interrupted: session
            .records
            .last()
            .is_some_and(|r| r.interrupted && r.turn == session.turn()),
        ended,
    }
}

/// What the author panel shows, from the engine's state.
pub fn author_view(session: &Session, tr: &Tr, mode: &AuthorMode) -> AuthorView {
    let c = session.compiled();
    let m = session.mood();
    let mood = [
        ("anger", m.anger),
        ("trust", m.trust),
        ("confusion", m.confusion),
        ("distress", m.distress),
    ]
    .into_iter()
    .map(|(axis, v)| (tr.t(&format!("mood-{axis}")), v))
    .collect();
    AuthorView {
        node: session.node_id().to_owned(),
        mood,
        heard: c
            .fact_names(session.heard())
            .into_iter()
            .map(str::to_owned)
            .collect(),
        nodes: c
            .play_order()
            .into_iter()
            .map(|n| (n, c.node_ids[n].clone()))
            .collect(),
        chosen: mode.chosen.unwrap_or(session.node()),
        error: mode.error.clone(),
        notice: mode.notice.as_ref().map(|n| match n {
            Reloaded::KeptNode(node) => tr.f("author-kept", &[("node", node)]),
            Reloaded::NodeGone(node) => tr.f("author-gone", &[("node", node)]),
        }),
    }
}

// A Bevy system takes what it touches as parameters.
#[allow(clippy::too_many_arguments)]
fn ui(
    mut contexts: EguiContexts,
    mode: Res<AuthorMode>,
    mut author: MessageWriter<AuthorCommand>,
    tr: Res<Tr>,
    time: Res<Time<Real>>,
    calls: Query<&ActiveCall>,
    mut state: ResMut<CallUi>,
    mut inputs: MessageWriter<CallInput>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let Ok(call) = calls.single() else {
        return Ok(());
    };
    let session = &call.session;
    let target = mood_f(&session.mood());
    let mut shown = state.shown.unwrap_or(target);
    state.moving = ease(&mut shown, &target, time.delta_secs());
    state.shown = Some(shown);
    let view = call_view(session, &tr, shown, state.picker);
    let mut root = root_ui(&ctx);
    if pressed(&root, bevy_egui::egui::Key::F2) {
        author.write(AuthorCommand::Toggle);
    }
    if mode.on {
        match author_panel(&mut root, &tr, &author_view(session, &tr, &mode)) {
            Some(AuthorAction::Choose(i)) => {
                author.write(AuthorCommand::Choose(i));
            }
            Some(AuthorAction::Jump(i)) => {
                author.write(AuthorCommand::Choose(i));
                author.write(AuthorCommand::Jump(i));
            }
            None => {}
        }
    }
    let ids: Vec<String> = session
        .compiled()
        .scenario
        .targets
        .keys()
        .cloned()
        .collect();
    match call_panel(&mut root, &tr, &view) {
        Some(CallAction::Reply(i)) => {
            inputs.write(CallInput(Input::Reply { slot: i }));
        }
        Some(CallAction::OpenPicker) => state.picker = Some(0),
        Some(CallAction::SelectTarget(i)) => state.picker = Some(i),
        Some(CallAction::Transfer(i)) => {
            state.picker = None;
            if let Some(id) = ids.get(i) {
                inputs.write(CallInput(Input::Transfer { target: id.clone() }));
            }
        }
        Some(CallAction::ClosePicker) => state.picker = None,
        Some(CallAction::Listen) => {
            inputs.write(CallInput(Input::Listen));
        }
        Some(CallAction::HangUp) => {
            inputs.write(CallInput(Input::HangUp));
        }
        Some(CallAction::Debrief) => next.set(Screen::Debrief),
        None => {}
    }
    Ok(())
}

fn reset(mut state: ResMut<CallUi>) {
    *state = CallUi::default();
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CallUi>()
        .add_systems(OnEnter(Screen::Call), reset)
        .add_systems(
            EguiPrimaryContextPass,
            ui.in_set(UiSystems::Screen).run_if(in_state(Screen::Call)),
        );
}
