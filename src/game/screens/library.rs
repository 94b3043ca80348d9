//! Library screen: choose a scenario; broken files are listed with their
//! first error so trainers see them without leaving the game.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::{UiSystems, root_ui};
use crate::game::call::{StartCall, fresh_seed};
use crate::game::catalog::{Filters, Item, visible};
use crate::game::i18n::Tr;
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

fn ui(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    library: Res<Library>,
    mut choice: ResMut<LibraryChoice>,
    mut start: MessageWriter<StartCall>,
    mut next: ResMut<NextState<Screen>>,
    seed: Res<FixedSeed>,
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
                });
            }
        }
        Some(LibraryAction::Filter(f)) => choice.filters = f,
        Some(LibraryAction::Settings) => next.set(Screen::Settings),
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
