//! One plugin per screen. Each draws its panel in egui's pass while its
//! screen is active and turns the panel's action into state changes or
//! messages for the logic.

pub mod call;
pub mod debrief;
mod library;
mod profile;
mod progress;
mod settings;

use bevy::prelude::*;
use bevy_egui::egui::{self, LayerId, UiBuilder};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::i18n::Tr;
use super::settings::Settings;
use super::ui::theme;

/// Order inside egui's pass: style first, then the screen.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum UiSystems {
    Style,
    Screen,
}

/// A root `Ui` over the whole window, for panels shown inside it.
pub fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "headset-root".into(),
        UiBuilder::new()
            .layer_id(LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// Applies the theme once and the text size and language whenever they change.
fn style(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut tr: ResMut<Tr>,
    mut applied: Local<Option<f32>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let zoom = settings.text_size.zoom();
    if *applied != Some(zoom) {
        if applied.is_none() {
            theme::apply(ctx);
        }
        ctx.set_zoom_factor(zoom);
        *applied = Some(zoom);
    }
    if tr.lang != settings.lang {
        tr.lang = settings.lang;
    }
    Ok(())
}

/// Saves settings after a change; a failure is shown, never dropped.
pub fn save_settings(settings: &Settings, file: &mut super::settings::SettingsFile) {
    file.problem = super::settings::save(&file.path, settings).err();
}

/// All screens.
pub fn plugin(app: &mut App) {
    app.configure_sets(
        EguiPrimaryContextPass,
        (UiSystems::Style, UiSystems::Screen).chain(),
    )
    .add_systems(EguiPrimaryContextPass, style.in_set(UiSystems::Style))
    .add_plugins((
        profile::plugin,
        library::plugin,
        call::plugin,
        debrief::plugin,
        settings::plugin,
        progress::plugin,
    ));
}
