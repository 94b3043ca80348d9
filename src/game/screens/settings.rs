//! Settings screen, reached from the library (S) and left with Esc.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::{UiSystems, root_ui, save_settings};
use crate::game::Screen;
use crate::game::i18n::Tr;
use crate::game::settings::{Settings, SettingsFile};
use crate::game::ui::settings_panel::{SettingsAction, settings_panel};

fn ui(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    mut settings: ResMut<Settings>,
    mut file: ResMut<SettingsFile>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = root_ui(&ctx);
    let mut draft = settings.clone();
    let action = settings_panel(&mut root, &tr, &mut draft, file.problem.as_deref());
    match action {
        Some(SettingsAction::Changed) => {
            *settings = draft;
            save_settings(&settings, &mut file);
        }
        Some(SettingsAction::Back) => next.set(Screen::Library),
        None => {}
    }
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        ui.in_set(UiSystems::Screen)
            .run_if(in_state(Screen::Settings)),
    );
}
