//! The library: scenarios to practise, filtered by customer, channel,
//! language and difficulty, and the files that could not be loaded.

use bevy_egui::egui::{self, Align, Key, RichText};

use super::{key_hints, pressed, theme};
use crate::game::catalog::{DIFFICULTIES, Filters, Item, LANGUAGES, cycle};
use crate::game::i18n::Tr;
use crate::scenario::{Archetype, Channel};

/// Everything the library screen shows.
#[derive(Debug, Clone, Default)]
pub struct LibraryView {
    /// The visible items, in display order.
    pub items: Vec<Item>,
    /// Index into `items`.
    pub selected: usize,
    pub filters: Filters,
    /// `file:line:column: code: message` and the hint, per broken file.
    pub broken: Vec<(String, String)>,
    /// A call interrupted by a crash: its title, offered to resume.
    pub interrupted: Option<String>,
    /// Problems with the history (unsaved results, damaged records, a
    /// call that could not be resumed), shown until solved.
    pub notices: Vec<String>,
}

/// What the trainee asked for on the library screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryAction {
    Select(usize),
    Start(usize),
    Filter(Filters),
    Settings,
    Profile,
    Progress,
    Resume,
    Discard,
}

fn keys(ui: &egui::Ui, v: &LibraryView) -> Option<LibraryAction> {
    let n = v.items.len();
    let f = &v.filters;
    if v.interrupted.is_some() {
        if pressed(ui, Key::R) {
            return Some(LibraryAction::Resume);
        }
        if pressed(ui, Key::X) {
            return Some(LibraryAction::Discard);
        }
    }
    if pressed(ui, Key::P) {
        return Some(LibraryAction::Progress);
    }
    if pressed(ui, Key::ArrowDown) && n > 0 {
        return Some(LibraryAction::Select((v.selected + 1).min(n - 1)));
    }
    if pressed(ui, Key::ArrowUp) && n > 0 {
        return Some(LibraryAction::Select(v.selected.saturating_sub(1)));
    }
    if pressed(ui, Key::Enter) && v.selected < n {
        return Some(LibraryAction::Start(v.selected));
    }
    let filter = |g: Filters| Some(LibraryAction::Filter(g));
    if pressed(ui, Key::A) {
        return filter(Filters {
            archetype: cycle(&f.archetype, &Archetype::ALL),
            ..f.clone()
        });
    }
    if pressed(ui, Key::C) {
        return filter(Filters {
            channel: cycle(&f.channel, &Channel::ALL),
            ..f.clone()
        });
    }
    if pressed(ui, Key::L) {
        let langs: Vec<String> = LANGUAGES.iter().map(|s| s.to_string()).collect();
        return filter(Filters {
            language: cycle(&f.language, &langs),
            ..f.clone()
        });
    }
    if pressed(ui, Key::D) {
        return filter(Filters {
            difficulty: cycle(&f.difficulty, &DIFFICULTIES),
            ..f.clone()
        });
    }
    if pressed(ui, Key::S) {
        return Some(LibraryAction::Settings);
    }
    if pressed(ui, Key::Escape) {
        return Some(LibraryAction::Profile);
    }
    None
}

/// One filter row: "Customer: Any Calm Angry …", each a focusable button.
fn filter_row<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    any: &str,
    current: &Option<T>,
    options: &[(T, String)],
) -> Option<Option<T>> {
    let mut out = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(label).strong());
        if ui
            .add(egui::Button::selectable(current.is_none(), any))
            .clicked()
        {
            out = Some(None);
        }
        for (value, text) in options {
            let on = current.as_ref() == Some(value);
            if ui
                .add(egui::Button::selectable(on, text.as_str()))
                .clicked()
            {
                out = Some(Some(value.clone()));
            }
        }
    });
    out
}

/// Draws the library and returns the trainee's action.
pub fn library_panel(ui: &mut egui::Ui, tr: &Tr, v: &LibraryView) -> Option<LibraryAction> {
    let mut action = keys(ui, v);
    egui::Panel::top("library-top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.heading(tr.t("library-title"));
        key_hints(ui, &tr.t("library-keys"));
        if let Some(title) = &v.interrupted {
            theme::card_frame(true).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(tr.f("library-interrupted", &[("title", title)])).strong());
                ui.horizontal(|ui| {
                    if ui.button(tr.t("library-resume")).clicked() {
                        action = Some(LibraryAction::Resume);
                    }
                    if ui.button(tr.t("library-discard")).clicked() {
                        action = Some(LibraryAction::Discard);
                    }
                });
            });
        }
        for notice in &v.notices {
            ui.label(RichText::new(notice).color(theme::BAD));
        }
        let any = tr.t("library-filter-any");
        let f = &v.filters;
        let archetypes: Vec<_> = Archetype::ALL
            .iter()
            .map(|a| (*a, tr.t(&format!("archetype-{}", a.name()))))
            .collect();
        if let Some(x) = filter_row(
            ui,
            &tr.t("library-filter-archetype"),
            &any,
            &f.archetype,
            &archetypes,
        ) {
            action = Some(LibraryAction::Filter(Filters {
                archetype: x,
                ..f.clone()
            }));
        }
        let channels: Vec<_> = Channel::ALL
            .iter()
            .map(|c| (*c, tr.t(&format!("channel-{}", c.name()))))
            .collect();
        if let Some(x) = filter_row(
            ui,
            &tr.t("library-filter-channel"),
            &any,
            &f.channel,
            &channels,
        ) {
            action = Some(LibraryAction::Filter(Filters {
                channel: x,
                ..f.clone()
            }));
        }
        let langs: Vec<_> = LANGUAGES
            .iter()
            .map(|l| (l.to_string(), tr.t(&format!("language-{l}"))))
            .collect();
        if let Some(x) = filter_row(
            ui,
            &tr.t("library-filter-language"),
            &any,
            &f.language,
            &langs,
        ) {
            action = Some(LibraryAction::Filter(Filters {
                language: x,
                ..f.clone()
            }));
        }
        let levels: Vec<_> = DIFFICULTIES.iter().map(|d| (*d, d.to_string())).collect();
        if let Some(x) = filter_row(
            ui,
            &tr.t("library-filter-difficulty"),
            &any,
            &f.difficulty,
            &levels,
        ) {
            action = Some(LibraryAction::Filter(Filters {
                difficulty: x,
                ..f.clone()
            }));
        }
        ui.add_space(4.0);
    });
    egui::Panel::right("library-detail")
        .resizable(false)
        .exact_size(380.0)
        .show(ui, |ui| {
            // Large text sizes make the card taller than the window.
            egui::ScrollArea::vertical()
                .id_salt("library-detail")
                .show(ui, |ui| {
                    ui.add_space(8.0);
                    if let Some(item) = v.items.get(v.selected) {
                        theme::card(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.label(RichText::new(&item.title).size(21.0).strong());
                            ui.label(RichText::new(details(tr, item)).color(theme::QUIET));
                            ui.add_space(4.0);
                            ui.label(&item.summary);
                            if !item.goals.is_empty() {
                                ui.add_space(4.0);
                                ui.label(RichText::new(tr.t("library-goals")).strong());
                                for g in &item.goals {
                                    ui.label(format!("• {g}"));
                                }
                            }
                            ui.add_space(8.0);
                            if ui.button(tr.t("library-start")).clicked() {
                                action = Some(LibraryAction::Start(v.selected));
                            }
                        });
                    }
                    ui.add_space(8.0);
                    if ui.button(tr.t("library-progress")).clicked() {
                        action = Some(LibraryAction::Progress);
                    }
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if v.items.is_empty() {
                    ui.label(tr.t("library-empty"));
                }
                for (i, item) in v.items.iter().enumerate() {
                    let text = format!("{}\n{}", item.title, details(tr, item));
                    let r = ui.add_sized(
                        [ui.available_width(), 0.0],
                        // The empty right text pushes the title to the left edge.
                        egui::Button::selectable(i == v.selected, text)
                            .wrap()
                            .right_text(""),
                    );
                    if i == v.selected
                        && ui
                            .input(|inp| inp.key_down(Key::ArrowDown) || inp.key_down(Key::ArrowUp))
                    {
                        r.scroll_to_me(Some(Align::Center));
                    }
                    if r.clicked() {
                        action = Some(LibraryAction::Select(i));
                    }
                    if r.double_clicked() {
                        action = Some(LibraryAction::Start(i));
                    }
                }
                if !v.broken.is_empty() {
                    ui.add_space(12.0);
                    ui.label(
                        RichText::new(tr.t("library-broken"))
                            .strong()
                            .color(theme::BAD),
                    );
                    for (error, hint) in &v.broken {
                        ui.label(RichText::new(error).monospace().color(theme::BAD));
                        ui.label(RichText::new(hint).color(theme::QUIET).size(14.0));
                    }
                }
            });
    });
    action
}

/// "Angry · Phone · Deutsch · Difficulty 2".
fn details(tr: &Tr, item: &Item) -> String {
    format!(
        "{} · {} · {} · {}",
        tr.t(&format!("archetype-{}", item.archetype.name())),
        tr.t(&format!("channel-{}", item.channel.name())),
        tr.t(&format!("language-{}", item.language)),
        tr.f(
            "library-difficulty",
            &[("level", &item.difficulty.to_string())]
        )
    )
}
