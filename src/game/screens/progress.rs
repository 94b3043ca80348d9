//! Progress screen: reached from the library with P.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::library::notices;
use super::{UiSystems, root_ui};
use crate::game::Screen;
use crate::game::call::{StartCall, fresh_seed};
use crate::game::i18n::Tr;
use crate::game::progress::{Progress, find_entry, replay_last, start_shift};
use crate::game::scenarios::Library;
use crate::game::ui::progress_panel::{
    BestRow, ProgressAction, ProgressPanelView, delivery_bar, progress_panel,
};
use crate::progress::Evidence;
use crate::scenario::{Archetype, Skill};

/// The calls in a practice shift started from this screen.
pub const SHIFT_CALLS: usize = 5;

/// Why a recommended call trains the weakest skill, in the trainee's language.
pub fn evidence_text(tr: &Tr, e: &Evidence) -> String {
    match e {
        Evidence::EscalationRequired => tr.t("reason-escalation-required"),
        Evidence::EscalationOptional => tr.t("reason-escalation-optional"),
        Evidence::UpsetCustomer(Archetype::Grieving) => tr.t("reason-grieving"),
        Evidence::UpsetCustomer(_) => tr.t("reason-angry"),
        Evidence::Rude => tr.t("reason-rude"),
        Evidence::Repeats => tr.t("reason-repeats"),
        Evidence::LateFact { line, .. } => tr.f("reason-late-fact", &[("line", &line.to_string())]),
        Evidence::Asks => tr.t("reason-asks"),
        Evidence::NamePool => tr.t("reason-name-pool"),
        Evidence::AlsoCorrect => tr.t("reason-also-correct"),
    }
}

/// Everything the progress panel shows, from the history.
pub fn progress_view(progress: &Progress, library: &Library, tr: &Tr) -> ProgressPanelView {
    let lang = tr.lang.code();
    let view = progress.view(library, lang);
    let skill = |s: Skill| tr.t(&format!("skill-{}", s.key()));
    let title_of = |id: &str| {
        find_entry(library, id, lang)
            .and_then(|h| library.find(h))
            .map_or_else(
                || id.to_owned(),
                |e| e.playable.loaded.scenario.title.clone(),
            )
    };
    ProgressPanelView {
        attempts: view.attempts,
        weakest: view.weakest.as_ref().map(|w| {
            tr.f(
                "progress-weakest",
                &[
                    ("skill", &skill(w.skill)),
                    ("mean", &w.mean.to_string()),
                    ("count", &w.calls.to_string()),
                ],
            )
        }),
        recommendation: view.recommendation.as_ref().map(|r| {
            let why = match (&view.weakest, &r.evidence) {
                (None, _) => tr.t("reason-first-call"),
                (Some(_), None) => tr.t("reason-none"),
                (Some(_), Some(e)) => evidence_text(tr, e),
            };
            (title_of(&r.scenario), why)
        }),
        trends: view
            .trends
            .iter()
            .map(|t| {
                let points = t
                    .points
                    .iter()
                    .map(|(i, s)| [*i as f64 + 1.0, f64::from(*s)])
                    .collect();
                (skill(t.skill), points)
            })
            .collect(),
        best: view
            .best
            .iter()
            .map(|(id, b)| BestRow {
                title: title_of(id),
                overall: b.overall,
                passed: b.passed,
                attempts: b.attempts,
            })
            .collect(),
        shift_summary: progress
            .shift_summary
            .as_ref()
            .map(|s| {
                vec![
                    tr.f(
                        "progress-shift-line",
                        &[
                            ("calls", &s.calls.to_string()),
                            ("passed", &s.passed.to_string()),
                            ("mean", &s.mean_overall.to_string()),
                        ],
                    ),
                    tr.f("progress-shift-id", &[("id", &s.shift)]),
                ]
            })
            .unwrap_or_default(),
        notices: notices(progress, tr),
        replay: progress.replay_message.clone(),
    }
}

fn ui(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    library: Res<Library>,
    mut progress: ResMut<Progress>,
    mut start: MessageWriter<StartCall>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let view = progress_view(&progress, &library, &tr);
    let mut root = root_ui(&ctx);
    if let Some(d) = progress.delivery_view(&tr) {
        delivery_bar(&mut root, &tr, &d);
    }
    match progress_panel(&mut root, &tr, &view) {
        Some(ProgressAction::StartRecommended) => {
            let lang = tr.lang.code();
            let rec = progress.view(&library, lang).recommendation;
            if let Some(id) = rec.and_then(|r| find_entry(&library, &r.scenario, &r.language)) {
                start.write(StartCall {
                    scenario: id,
                    seed: fresh_seed(),
                    shift: None,
                });
            }
        }
        Some(ProgressAction::StartShift) => {
            start_shift(
                &mut progress,
                &library,
                tr.lang.code(),
                SHIFT_CALLS,
                &mut start,
            );
        }
        Some(ProgressAction::ReplayLast) => {
            progress.replay_message = replay_last(&progress, &library, &tr);
        }
        Some(ProgressAction::Back) => next.set(Screen::Library),
        None => {}
    }
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        ui.in_set(UiSystems::Screen)
            .run_if(in_state(Screen::Progress)),
    );
}
