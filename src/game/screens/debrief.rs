//! Debrief screen: the result of the last call, explained moment by moment.

use std::sync::{Arc, Mutex};

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::call::lines;
use super::{UiSystems, root_ui};
use crate::game::Screen;
use crate::game::call::{LastCall, StartCall};
use crate::game::i18n::Tr;
use crate::game::progress::{Progress, next_in_shift};
use crate::game::scenarios::Library;
use crate::game::ui::debrief_panel::{
    BestView, DebriefAction, DebriefView, MomentView, debrief_panel,
};
use crate::scenario::mood::Axis;
use crate::scenario::{Mood, Skill};
use crate::score::Failure;
use crate::sim::Event;

/// The debrief's highlighted transcript line, and the best possible call.
#[derive(Resource, Debug, Default)]
pub struct DebriefUi {
    pub selected: Option<usize>,
    pub highlight: Option<usize>,
    pub scroll: bool,
    /// Filled by a worker thread: exploring a large scenario takes longer
    /// than a frame, and the debrief must stay responsive meanwhile.
    pub best: Arc<Mutex<BestView>>,
}

/// Mood over the call, for the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct MoodSeries {
    /// One line per axis: (x, value) points.
    pub lines: Vec<(Axis, Vec<[f64; 2]>)>,
    /// x is seconds; false: x counts mood changes (timers off, no time passed).
    pub timed: bool,
}

/// Mood over the call: one series per axis, over seconds; with timers
/// off no time passes, so the x axis counts mood changes instead.
pub fn mood_series(start: Mood, events: &[Event], end_ms: u64) -> MoodSeries {
    let timed = end_ms > 0;
    let mut points: Vec<(f64, Mood)> = vec![(0.0, start)];
    for e in events {
        if let Event::MoodChanged { mood, t_ms } = e {
            let x = if timed {
                *t_ms as f64 / 1000.0
            } else {
                points.len() as f64
            };
            points.push((x, *mood));
        }
    }
    let last = points.last().map_or((0.0, start), |p| *p);
    if timed {
        points.push((end_ms as f64 / 1000.0, last.1));
    }
    let lines = Axis::ALL
        .into_iter()
        .map(|axis| {
            let line = points
                .iter()
                .map(|(x, m)| [*x, f64::from(m.get(axis))])
                .collect();
            (axis, line)
        })
        .collect();
    MoodSeries { lines, timed }
}

/// One reason a call did not pass, in the interface language (which may
/// differ from the scenario's, so `Failure::words` is not used here).
pub fn failure_words(tr: &Tr, f: &Failure) -> String {
    match f {
        Failure::Critical { count: 1 } => tr.t("failure-critical-one"),
        Failure::Critical { count } => {
            tr.f("failure-critical-many", &[("count", &count.to_string())])
        }
        Failure::Ending { kind } => tr.t(&format!("failure-ending-{}", kind.key())),
        Failure::SkillBelowFloor {
            skill,
            score,
            floor,
        } => tr.f(
            "failure-skill-below-floor",
            &[
                ("skill", &tr.t(&format!("skill-{}", skill.key()))),
                ("score", &score.to_string()),
                ("floor", &floor.to_string()),
            ],
        ),
        Failure::BelowPassMark { overall, pass_mark } => tr.f(
            "failure-below-pass-mark",
            &[
                ("overall", &overall.to_string()),
                ("mark", &pass_mark.to_string()),
            ],
        ),
    }
}

/// Everything the debrief shows, from the finished call.
pub fn debrief_view(last: &LastCall, tr: &Tr, ui: &DebriefUi) -> DebriefView {
    let r = &last.report;
    let c = last.session.compiled();
    let skill = |s: Skill| tr.t(&format!("skill-{}", s.key()));
    let chart = mood_series(c.mood, &last.session.events, last.session.now());
    DebriefView {
        title: c.scenario.title.clone(),
        customer: last.session.persona().address_as.clone(),
        passed: r.passed,
        failures: r.failures.iter().map(|f| failure_words(tr, f)).collect(),
        overall: r.overall,
        pass_mark: r.pass_mark,
        skill_floor: r.skill_floor,
        ending: tr.t(&format!("ending-{}", r.ending_kind.key())),
        skills: [
            Skill::Patience,
            Skill::Listening,
            Skill::Name,
            Skill::Escalation,
        ]
        .into_iter()
        .map(|s| (skill(s), r.skills.get(s)))
        .collect(),
        moments: r
            .moments
            .iter()
            .map(|m| MomentView {
                turn: m.turn,
                skill: skill(m.skill),
                points: m.points,
                tone: m.tone(),
                reason: m.reason.clone(),
                tip: m.tip.clone(),
                entry: m.entry,
            })
            .collect(),
        transcript: lines(&last.session),
        series: chart
            .lines
            .into_iter()
            .map(|(axis, s)| (tr.t(&format!("mood-{}", axis.key())), s))
            .collect(),
        x_label: tr.t(if chart.timed {
            "debrief-seconds"
        } else {
            "debrief-changes"
        }),
        shift: None,
        authored: last.authored,
        best: ui.best.lock().map_or(BestView::Unknown, |b| b.clone()),
        selected: ui.selected,
        highlight: ui.highlight,
        scroll: ui.scroll,
    }
}

// A Bevy system takes what it touches as parameters.
#[allow(clippy::too_many_arguments)]
fn ui(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    last: Option<Res<LastCall>>,
    mut state: ResMut<DebriefUi>,
    mut start: MessageWriter<StartCall>,
    mut next: ResMut<NextState<Screen>>,
    mut progress: ResMut<Progress>,
    library: Res<Library>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let Some(last) = last else {
        next.set(Screen::Library);
        return Ok(());
    };
    let mut view = debrief_view(&last, &tr, &state);
    view.shift = progress
        .shift
        .as_ref()
        .map(|s| (s.started, s.shift.scenario_ids.len()));
    state.scroll = false;
    if view.best == BestView::Working {
        // Reactive rendering draws only on input: look again for the result soon.
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }
    let mut root = root_ui(&ctx);
    match debrief_panel(&mut root, &tr, &view) {
        Some(DebriefAction::Select(i)) => state.selected = Some(i),
        Some(DebriefAction::ShowLine(i)) => {
            state.highlight = Some(i);
            state.scroll = true;
        }
        Some(DebriefAction::Retry) => {
            start.write(StartCall {
                scenario: last.scenario,
                seed: last.seed,
                shift: None,
            });
        }
        Some(DebriefAction::Back) => next.set(Screen::Library),
        Some(DebriefAction::NextInShift) => {
            let shift_goes_on = next_in_shift(&mut progress, &library, &mut start);
            if !shift_goes_on {
                next.set(Screen::Progress);
            }
        }
        None => {}
    }
    Ok(())
}

/// Starts afresh and works out the best possible call in the background.
fn reset(mut state: ResMut<DebriefUi>, last: Option<Res<LastCall>>) {
    *state = DebriefUi::default();
    let Some(last) = last else { return };
    let c = Arc::clone(last.session.compiled());
    let seed = last.seed;
    let agent = last.session.options().agent_name.clone();
    let slot = Arc::clone(&state.best);
    std::thread::spawn(move || {
        let best = match crate::explore::best::best_call(&c, seed, &agent) {
            Some(b) => BestView::Ready {
                overall: b.overall,
                said: b.said,
            },
            None => BestView::Unknown,
        };
        if let Ok(mut s) = slot.lock() {
            *s = best;
        }
    });
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<DebriefUi>()
        .add_systems(OnEnter(Screen::Debrief), reset)
        .add_systems(
            EguiPrimaryContextPass,
            ui.in_set(UiSystems::Screen)
                .run_if(in_state(Screen::Debrief)),
        );
}
