//! Results going to a learning record store, seen from the game: the
//! progress screen's delivery bar (a pure function of its view model,
//! driven by egui_kittest) and the game itself, headless, queuing a
//! finished call and sending it on a background thread while frames go on.
#![cfg(feature = "gui")]

mod common;
mod lrs_support;

use std::path::Path;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use headset::game::Screen;
use headset::game::call::{CallInput, StartCall};
use headset::game::i18n::{Lang, Tr};
use headset::game::progress::{Progress, delivery_view};
use headset::game::scenarios::Library;
use headset::game::ui::progress_panel::{
    DeliveryView, ProgressPanelView, delivery_bar, progress_panel,
};
use headset::progress::Input;
use headset::report::Outbox;
use lrs_support::{Answer, FakeLrs, PASSWORD, free_port, settings_for, write_settings};

/// The progress screen with the delivery bar, as the screen draws it.
fn screen(lang: Lang, delivery: DeliveryView) -> Harness<'static, DeliveryView> {
    let tr = Tr::new(lang);
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            move |ui: &mut egui::Ui, d: &mut DeliveryView| {
                delivery_bar(ui, &tr, d);
                progress_panel(ui, &tr, &ProgressPanelView::default());
            },
            delivery,
        )
}

#[test]
fn the_bar_says_how_many_results_wait_and_the_last_error() {
    let mut h = screen(
        Lang::En,
        DeliveryView {
            waiting: 3,
            sending: false,
            last_error: Some(
                "The learning record store at http://lrs.example/ cannot be reached.".into(),
            ),
            config_error: None,
        },
    );
    h.run();
    h.get_by_label("3 results waiting to be sent");
    h.get_by_label_contains(
        "Last error: The learning record store at http://lrs.example/ cannot be reached.",
    );
    // The rest of the progress screen is still there.
    h.get_by_label_contains("Your skills over 0 calls");

    h.state_mut().waiting = 1;
    h.state_mut().last_error = None;
    h.run();
    h.get_by_label("1 result waiting to be sent");
    assert!(h.query_by_label_contains("Last error").is_none());

    h.state_mut().waiting = 0;
    h.run();
    h.get_by_label("All your results have been sent.");
    h.state_mut().sending = true;
    h.run();
    h.get_by_label("Sending your results…");
}

#[test]
fn the_bar_speaks_german_and_dutch() {
    let view = DeliveryView {
        waiting: 2,
        sending: false,
        last_error: Some("x".into()),
        config_error: None,
    };
    let mut h = screen(Lang::De, view.clone());
    h.run();
    h.get_by_label("2 Ergebnisse warten noch auf den Versand");
    h.get_by_label("Letzter Fehler: x");
    let mut h = screen(Lang::Nl, view);
    h.run();
    h.get_by_label("2 resultaten wachten nog op verzending");
    h.get_by_label("Laatste fout: x");
}

#[test]
fn unusable_settings_are_shown_instead_of_a_count() {
    let mut h = screen(
        Lang::En,
        DeliveryView {
            config_error: Some("lrs.ron can be read by other users".into()),
            ..DeliveryView::default()
        },
    );
    h.run();
    h.get_by_label_contains("Your results cannot be sent: lrs.ron can be read by other users");
    assert!(h.query_by_label_contains("waiting to be sent").is_none());
}

fn app(data: &Path) -> App {
    common::game::at_library(data, None)
}

/// Plays the kettle call to its end (hanging up after one reply), from
/// the library.
fn play_a_call(app: &mut App) {
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Library);
    app.update();
    let id = app
        .world()
        .resource::<Library>()
        .entries
        .iter()
        .find(|e| e.playable.loaded.file.ends_with("en/warranty-kettle.ron"))
        .unwrap()
        .handle
        .id();
    app.world_mut().write_message(StartCall {
        scenario: id,
        seed: 11,
        shift: None,
    });
    app.update();
    app.update();
    for input in [Input::Listen, Input::Reply { slot: 0 }, Input::HangUp] {
        app.world_mut().write_message(CallInput(input));
        app.update();
    }
    app.update();
}

fn bar(app: &App) -> Option<DeliveryView> {
    delivery_view(app.world().resource::<Progress>(), &Tr::new(Lang::En))
}

/// Updates the app until `done` or 30 s; every update must be quick.
fn update_until(app: &mut App, done: impl Fn(&App) -> bool) {
    let until = Instant::now() + Duration::from_secs(30);
    while !done(app) {
        assert!(Instant::now() < until, "timed out: {:?}", bar(app));
        let t = Instant::now();
        app.update();
        assert!(
            t.elapsed() < Duration::from_millis(500),
            "a frame waited {:?} for the LRS",
            t.elapsed()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_finished_call_is_sent_in_the_background() {
    let lrs = FakeLrs::start(|r| match r.method.as_str() {
        "POST" => Answer::Reply(200, "[]".into()),
        _ => Answer::Reply(204, String::new()),
    });
    let data = tempfile::tempdir().unwrap();
    write_settings(data.path(), &settings_for(&lrs.url(), PASSWORD, ""));
    let mut app = app(data.path());
    assert_eq!(bar(&app).map(|b| b.waiting), Some(0));
    play_a_call(&mut app);
    update_until(&mut app, |app| {
        bar(app).is_some_and(|b| !b.sending && b.waiting == 0)
            && app
                .world()
                .resource::<Progress>()
                .delivery
                .courier
                .status()
                .runs
                > 0
    });
    let got: usize = lrs.received().iter().map(|r| r.statements()).sum();
    assert_eq!(
        got, 4,
        "initialized, completed, passed or failed, terminated"
    );
    assert_eq!(bar(&app).unwrap().last_error, None);
    let store = headset::progress::Store::open(data.path());
    assert_eq!(
        Outbox::new(store.profile_dir("Sam"))
            .waiting()
            .unwrap()
            .results,
        0
    );
}

#[test]
fn an_unreachable_lrs_leaves_the_game_playing_and_the_result_waiting() {
    let data = tempfile::tempdir().unwrap();
    let url = format!("http://127.0.0.1:{}/xAPI/", free_port());
    write_settings(data.path(), &settings_for(&url, PASSWORD, ""));
    let mut app = app(data.path());
    play_a_call(&mut app);
    update_until(&mut app, |app| {
        bar(app).is_some_and(|b| !b.sending && b.last_error.is_some())
    });
    let b = bar(&app).unwrap();
    assert_eq!(b.waiting, 1);
    assert_eq!(
        b.last_error.as_deref(),
        Some(format!("The learning record store at {url} cannot be reached. Headset tries again later; your results are kept.").as_str())
    );
    // The game goes on: the next call is played and saved while nothing
    // can be sent.
    play_a_call(&mut app);
    update_until(&mut app, |app| {
        bar(app).is_some_and(|b| !b.sending && b.waiting == 2)
    });
    let store = headset::progress::Store::open(data.path());
    assert_eq!(store.load_summaries("Sam").attempts.len(), 2);
}
