//! Library screen: choose a scenario; broken files are listed with their
//! first error so trainers see them without leaving the game.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::{UiSystems, root_ui};
use crate::game::call::{StartCall, fresh_seed};
use crate::game::catalog::{Filters, Item, visible};
use crate::game::i18n::Tr;
use crate::game::progress::{Progress, discard_interrupted, resume_interrupted};
use crate::game::scenarios::Library;
use crate::game::ui::library_panel::{LibraryAction, LibraryView, library_panel};
use crate::game::{FixedSeed, Screen};

/// The library's filters and selection, kept while the trainee plays.
#[derive(Resource, Debug, Default)]
pub struct LibraryChoice {
    pub filters: Filters,
    /// The selected scenario's file (stable across reloads).
    pub selected: Option<String>,
}

/// The rows to show, each with its index in `Library::entries`.
pub fn rows(library: &Library, filters: &Filters, lang: &str) -> Vec<(usize, Item)> {
    let items: Vec<Item> = library
        .entries
        .iter()
        .map(|e| {
            let l = &e.playable.loaded;
            Item::from_scenario(&l.scenario, l.file.display().to_string())
        })
        .collect();
    visible(&items, filters, lang)
        .into_iter()
        .map(|i| (i, items[i].clone()))
        .collect()
}

/// What the trainee must know about their history, in their language.
pub fn notices(progress: &Progress, tr: &Tr) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(e) = &progress.save_error {
        let n = progress.unsaved.len().to_string();
        out.push(tr.f("progress-unsaved", &[("count", &n), ("error", e)]));
    }
    if let Some(e) = &progress.resume_error {
        out.push(tr.f("progress-resume-failed", &[("error", e)]));
    }
    for p in &progress.problems {
        out.push(tr.f("progress-damaged", &[("problem", p)]));
    }
    out
}

// A Bevy system takes what it touches as parameters.
#[allow(clippy::too_many_arguments)]
fn ui(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    library: Res<Library>,
    mut choice: ResMut<LibraryChoice>,
    mut start: MessageWriter<StartCall>,
    mut next: ResMut<NextState<Screen>>,
    seed: Res<FixedSeed>,
    mut progress: ResMut<Progress>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let rows = rows(&library, &choice.filters, tr.lang.code());
    let selected = choice
        .selected
        .as_ref()
        .and_then(|f| rows.iter().position(|(_, item)| &item.file == f))
        .unwrap_or(0);
    let view = LibraryView {
        items: rows.iter().map(|(_, item)| item.clone()).collect(),
        selected,
        filters: choice.filters.clone(),
        broken: library
            .broken
            .iter()
            .map(|b| (b.error.clone(), b.hint.clone()))
            .collect(),
        interrupted: progress.interrupted.as_ref().map(|c| {
            crate::game::progress::find_entry(&library, &c.scenario, &c.language)
                .and_then(|id| library.find(id))
                .map_or_else(
                    || c.scenario.clone(),
                    |e| e.playable.loaded.scenario.title.clone(),
                )
        }),
        notices: notices(&progress, &tr),
    };
    let mut root = root_ui(&ctx);
    match library_panel(&mut root, &tr, &view) {
        Some(LibraryAction::Select(i)) => {
            choice.selected = rows.get(i).map(|(_, it)| it.file.clone())
        }
        Some(LibraryAction::Start(i)) => {
            if let Some((entry, item)) = rows.get(i) {
                choice.selected = Some(item.file.clone());
                start.write(StartCall {
                    scenario: library.entries[*entry].handle.id(),
                    seed: seed.0.unwrap_or_else(fresh_seed),
                    shift: None,
                });
            }
        }
        Some(LibraryAction::Filter(f)) => choice.filters = f,
        Some(LibraryAction::Settings) => next.set(Screen::Settings),
        Some(LibraryAction::Progress) => next.set(Screen::Progress),
        Some(LibraryAction::Resume) => {
            resume_interrupted(&mut progress, &library, &mut commands, &mut next)
        }
        Some(LibraryAction::Discard) => discard_interrupted(&mut progress),
        Some(LibraryAction::Profile) => next.set(Screen::Profile),
        None => {}
    }
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LibraryChoice>().add_systems(
        EguiPrimaryContextPass,
        ui.in_set(UiSystems::Screen)
            .run_if(in_state(Screen::Library)),
    );
}
