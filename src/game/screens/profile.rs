//! Profile screen: name, language, text size, customer speed.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::{UiSystems, root_ui, save_settings};
use crate::game::Screen;
use crate::game::i18n::Tr;
use crate::game::settings::{Settings, SettingsFile};
use crate::game::ui::profile_panel::{ProfileAction, ProfileView, profile_panel};

fn ui(
    mut contexts: EguiContexts,
    tr: Res<Tr>,
    mut settings: ResMut<Settings>,
    mut file: ResMut<SettingsFile>,
    mut view: Local<ProfileView>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = root_ui(&ctx);
    view.problem = file.problem.clone();
    let mut draft = settings.clone();
    let action = profile_panel(&mut root, &tr, &mut draft, &view);
    if draft != *settings {
        *settings = draft;
    }
    match action {
        Some(ProfileAction::Changed) => view.name_missing = false,
        Some(ProfileAction::Start) => {
            if settings.name.trim().is_empty() {
                view.name_missing = true;
            } else {
                settings.name = settings.name.trim().to_owned();
                save_settings(&settings, &mut file);
                next.set(Screen::Library);
            }
        }
        None => {}
    }
    Ok(())
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        ui.in_set(UiSystems::Screen)
            .run_if(in_state(Screen::Profile)),
    );
}
