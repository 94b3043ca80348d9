//! The game's panels as plain functions of view models, driven by
//! egui_kittest: the keys a trainee presses and what they see.
#![cfg(feature = "gui")]

use bevy_egui::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use headset::game::catalog::{Filters, Item};
use headset::game::i18n::{Lang, Tr};
use headset::game::screens::debrief::failure_words;
use headset::game::settings::{ReadingSpeed, Settings};
use headset::game::ui::author_panel::{AuthorAction, AuthorView, author_panel};
use headset::game::ui::call_panel::{CallAction, CallView, LineView, Who, call_panel};
use headset::game::ui::debrief_panel::{
    BestView, DebriefAction, DebriefView, MomentView, debrief_panel,
};
use headset::game::ui::library_panel::{LibraryAction, LibraryView, library_panel};
use headset::game::ui::profile_panel::{ProfileAction, ProfileView, profile_panel};
use headset::game::ui::progress_panel::{
    BestRow, ProgressAction, ProgressPanelView, progress_panel,
};
use headset::game::ui::settings_panel::{SettingsAction, settings_panel};
use headset::scenario::{Archetype, Channel, EndingKind, Skill};
use headset::score::{Failure, Tone};

fn call_view() -> CallView {
    CallView {
        title: "A kettle".into(),
        customer: "Ms Stone".into(),
        card: "Phone · Calm".into(),
        clock_ms: 12_000,
        mood: [10.0, 60.0, 10.0, 10.0],
        hangs_up_at: 90,
        lines: vec![LineView {
            who: Who::Customer,
            text: "My kettle switches".into(),
            cut: false,
            speaking: true,
        }],
        replies: vec![
            "When did you buy it?".into(),
            "Have you tried descaling it?".into(),
        ],
        speaking: true,
        agent_speaking: false,
        written: false,
        targets: vec!["Technical support".into(), "Supervisor".into()],
        picker: None,
        interrupted: false,
        ended: None,
    }
}

/// A window-sized harness that draws a panel from `view` in `lang` and
/// records every action the panel returns.
fn panel<V: 'static, A: 'static>(
    lang: Lang,
    view: V,
    draw: impl Fn(&mut egui::Ui, &Tr, &mut V) -> Option<A> + 'static,
) -> Harness<'static, (V, Vec<A>)> {
    let tr = Tr::new(lang);
    Harness::builder()
        .with_size([1280.0, 900.0])
        .build_ui_state(
            move |ui: &mut egui::Ui, state: &mut (V, Vec<A>)| {
                if let Some(a) = draw(ui, &tr, &mut state.0) {
                    state.1.push(a);
                }
            },
            (view, Vec::new()),
        )
}

/// The call panel in English.
fn call_harness(view: CallView) -> Harness<'static, (CallView, Vec<CallAction>)> {
    panel(Lang::En, view, |ui, tr, v| call_panel(ui, tr, v))
}

fn press<S>(h: &mut Harness<'_, S>, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn keys_one_to_nine_choose_replies_even_while_the_customer_speaks() {
    let mut h = call_harness(call_view());
    h.run();
    // The screen says that answering now interrupts.
    h.get_by_label_contains("Answering now interrupts Ms Stone");
    h.get_by_label_contains("Ms Stone is speaking");
    press(&mut h, Key::Num2);
    assert_eq!(h.state().1, [CallAction::Reply(1)]);
    // Key 3 is not a reply here: nothing happens.
    press(&mut h, Key::Num3);
    assert_eq!(h.state().1.len(), 1);
    press(&mut h, Key::Space);
    press(&mut h, Key::H);
    assert_eq!(h.state().1[1..], [CallAction::Listen, CallAction::HangUp]);
}

#[test]
fn the_transfer_picker_opens_with_t_and_is_driven_by_keys() {
    let mut h = call_harness(call_view());
    h.run();
    press(&mut h, Key::T);
    assert_eq!(h.state().1, [CallAction::OpenPicker]);
    // The screen opens the picker; now keys choose targets, not replies.
    h.state_mut().0.picker = Some(0);
    h.state_mut().1.clear();
    h.run();
    h.get_by_label_contains("Transfer to");
    h.get_by_label_contains("2  Supervisor");
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Num2);
    press(&mut h, Key::Escape);
    assert_eq!(
        h.state().1,
        [
            CallAction::SelectTarget(1),
            CallAction::Transfer(1),
            CallAction::ClosePicker
        ]
    );
    h.state_mut().0.picker = Some(1);
    h.state_mut().1.clear();
    press(&mut h, Key::Enter);
    assert_eq!(h.state().1, [CallAction::Transfer(1)]);
}

#[test]
fn a_hang_up_is_shown_and_enter_opens_the_debrief() {
    let mut v = call_view();
    v.ended = Some("Ms Stone hung up.".into());
    v.lines.push(LineView {
        who: Who::System,
        text: "The customer hung up.".into(),
        cut: false,
        speaking: false,
    });
    let mut h = call_harness(v);
    h.run();
    h.get_by_label("Ms Stone hung up.");
    press(&mut h, Key::Num1);
    assert!(h.state().1.is_empty(), "no replies after the end");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().1, [CallAction::Debrief]);
}

#[test]
fn the_mood_meters_say_their_level_in_words() {
    let mut v = call_view();
    v.mood = [80.0, 20.0, 50.0, 10.0];
    let mut h = call_harness(v);
    h.run();
    h.get_by_label_contains("Anger 80 (high)");
    h.get_by_label_contains("Trust 20 (low)");
    h.get_by_label_contains("Confusion 50 (medium)");
}

fn debrief_view() -> DebriefView {
    let m = |turn, skill: &str, points, reason: &str, entry| MomentView {
        turn,
        skill: skill.into(),
        points,
        tone: if points < 0 {
            Tone::Penalty
        } else {
            Tone::Credit
        },
        reason: reason.into(),
        tip: format!("tip for {reason}"),
        entry,
    };
    DebriefView {
        title: "A kettle".into(),
        customer: "Ms Stone".into(),
        passed: false,
        failures: vec![failure_words(
            &Tr::new(Lang::En),
            &Failure::BelowPassMark {
                overall: 55,
                pass_mark: 70,
            },
        )],
        overall: 55,
        pass_mark: 70,
        skill_floor: 30,
        ending: "resolved".into(),
        skills: vec![
            ("Patience".into(), 40),
            ("Listening".into(), 70),
            ("Name".into(), 100),
            ("Escalation".into(), 60),
        ],
        moments: vec![
            m(1, "Patience", -15, "You interrupted Ms Stone.", Some(1)),
            m(1, "Name", 10, "You used the name early.", Some(2)),
            m(
                2,
                "Escalation",
                -40,
                "You passed on a case you could solve.",
                Some(3),
            ),
        ],
        transcript: (0..4)
            .map(|i| LineView {
                who: if i % 2 == 0 {
                    Who::Customer
                } else {
                    Who::Agent
                },
                text: format!("line {i}"),
                cut: i == 1,
                speaking: false,
            })
            .collect(),
        series: vec![("Anger".into(), vec![[0.0, 10.0], [5.0, 30.0]])],
        x_label: "seconds".into(),
        shift: None,
        best: BestView::Ready {
            overall: 100,
            said: vec!["Good morning, Ms Stone.".into(), "It's on its way.".into()],
        },
        selected: None,
        highlight: None,
        scroll: false,
        authored: false,
    }
}

#[test]
fn the_debrief_lists_every_moment_with_reason_tip_and_link() {
    let mut h = panel(Lang::En, debrief_view(), |ui, tr, v| {
        debrief_panel(ui, tr, v)
    });
    h.run();
    h.get_by_label("Not passed");
    h.get_by_label_contains("Overall 55 / 100 (pass mark 70)");
    // The best possible call, for comparison, with what the agent says on it.
    h.get_by_label("Best possible: 100 / 100");
    h.get_by_label("What the best possible call sounds like");
    h.get_by_label("1. Good morning, Ms Stone.");
    h.get_by_label("2. It's on its way.");
    for m in &debrief_view().moments {
        h.get_by_label(&m.reason);
        h.get_by_label(&format!("Tip: {}", m.tip));
    }
    h.get_by_label("−15");
    h.get_by_label("+10");
    assert_eq!(h.get_all_by_label("Show in transcript").count(), 3);
    // The third moment's link points at transcript line 3.
    h.get_all_by_label("Show in transcript")
        .nth(2)
        .unwrap()
        .click();
    h.run();
    // Without the mouse: Down chooses the first moment, Enter shows its line.
    press(&mut h, Key::ArrowDown);
    h.state_mut().0.selected = Some(0);
    press(&mut h, Key::ArrowDown);
    h.state_mut().0.selected = Some(1);
    press(&mut h, Key::Enter);
    press(&mut h, Key::R);
    press(&mut h, Key::Escape);
    assert_eq!(
        h.state().1,
        [
            DebriefAction::ShowLine(3),
            DebriefAction::Select(0),
            DebriefAction::Select(1),
            DebriefAction::ShowLine(2),
            DebriefAction::Retry,
            DebriefAction::Back,
        ]
    );
}

fn item(title: &str, archetype: Archetype) -> Item {
    Item {
        id: title.to_lowercase(),
        title: title.into(),
        summary: format!("About {title}"),
        language: "en".into(),
        channel: Channel::Phone,
        archetype,
        difficulty: 1,
        goals: vec!["Listen first".into()],
        file: format!("scenarios/en/{title}.ron"),
    }
}

#[test]
fn the_library_is_driven_by_arrows_enter_and_filter_keys_and_lists_broken_files() {
    let view = LibraryView {
        items: vec![
            item("Kettle", Archetype::Calm),
            item("Charged twice", Archetype::Angry),
        ],
        selected: 0,
        filters: Filters::default(),
        broken: vec![(
            "scenarios/en/bad.ron:13:24: E012 unknown-node: reply goes to \"thank\"".into(),
            "did you mean \"thanks\"?".into(),
        )],
        interrupted: None,
        notices: vec![],
    };
    let mut h = panel(Lang::En, view, |ui, tr, v| library_panel(ui, tr, v));
    h.run();
    h.get_by_label_contains("bad.ron:13:24: E012");
    h.get_by_label("About Kettle");
    press(&mut h, Key::ArrowDown);
    h.state_mut().0.selected = 1;
    press(&mut h, Key::Enter);
    press(&mut h, Key::A);
    press(&mut h, Key::S);
    assert_eq!(
        h.state().1,
        [
            LibraryAction::Select(1),
            LibraryAction::Start(1),
            LibraryAction::Filter(Filters {
                archetype: Some(Archetype::Calm),
                ..Filters::default()
            }),
            LibraryAction::Settings,
        ]
    );
}

#[test]
fn the_profile_takes_a_typed_name_and_starts_with_enter() {
    let mut h = panel(Lang::De, Settings::default(), |ui, tr, s| {
        profile_panel(ui, tr, s, &ProfileView::default())
    });
    h.run();
    h.get_by_label("Wer trainiert heute?");
    h.event(egui::Event::Text("Sam".into()));
    h.run();
    assert_eq!(h.state().0.name, "Sam", "the name field has focus at once");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().1.last(), Some(&ProfileAction::Start));
    // Choosing Dutch by clicking its button changes the setting.
    h.get_by_label("Nederlands").click();
    h.run();
    assert_eq!(h.state().0.lang, Lang::Nl);
}

#[test]
fn an_interrupted_call_is_offered_with_r_to_resume_and_x_to_discard() {
    let view = LibraryView {
        items: vec![item("Kettle", Archetype::Calm)],
        interrupted: Some("My lawyer will hear about this".into()),
        notices: vec!["1 result(s) could not be saved yet".into()],
        ..LibraryView::default()
    };
    let mut h = panel(Lang::En, view, |ui, tr, v| library_panel(ui, tr, v));
    h.run();
    h.get_by_label_contains("A call was interrupted: My lawyer will hear about this");
    h.get_by_label_contains("could not be saved yet");
    press(&mut h, Key::R);
    press(&mut h, Key::X);
    press(&mut h, Key::P);
    assert_eq!(
        h.state().1,
        [
            LibraryAction::Resume,
            LibraryAction::Discard,
            LibraryAction::Progress
        ]
    );
    // Without an interrupted call, R and X do nothing.
    h.state_mut().0.interrupted = None;
    h.state_mut().1.clear();
    press(&mut h, Key::R);
    press(&mut h, Key::X);
    assert!(h.state().1.is_empty());
}

#[test]
fn the_progress_screen_shows_the_weakest_skill_and_recommends_a_call() {
    let view = ProgressPanelView {
        attempts: 2,
        weakest: Some("Weakest skill: Listening, 58 on average over your last 2 calls".into()),
        recommendation: Some((
            "The new router that won't work".into(),
            "Listening is your weakest skill (mean 58 over your last 2 calls); this call hides its cause in the customer's third sentence.".into(),
        )),
        trends: vec![("Listening".into(), vec![[1.0, 50.0], [2.0, 66.0]])],
        best: vec![BestRow {
            title: "A kettle".into(),
            overall: 82,
            passed: true,
            attempts: 2,
        }],
        shift_summary: vec![],
        notices: vec![],
        replay: None,
    };
    let mut h = panel(Lang::En, view, |ui, tr, v| progress_panel(ui, tr, v));
    h.run();
    h.get_by_label_contains("Weakest skill: Listening");
    h.get_by_label("The new router that won't work");
    h.get_by_label_contains("hides its cause in the customer's third sentence");
    h.get_by_label_contains("A kettle · 82 / 100 · Passed");
    press(&mut h, Key::Enter);
    press(&mut h, Key::F);
    press(&mut h, Key::Escape);
    assert_eq!(
        h.state().1,
        [
            ProgressAction::StartRecommended,
            ProgressAction::StartShift,
            ProgressAction::Back
        ]
    );
}

/// Author mode's panel over a scenario with 60 nodes: the list is in play
/// order (compiled indices 100 and up, so a test that mixed up positions and
/// indices would fail), the keys choose and jump, and the chosen node is
/// scrolled into view whenever it changes.
#[test]
fn the_author_panel_chooses_by_key_and_keeps_the_chosen_node_in_view() {
    let view = AuthorView {
        node: "n00".into(),
        mood: vec![("Anger".into(), 40)],
        heard: vec!["order".into()],
        nodes: (0..60).map(|i| (100 + i, format!("n{i:02}"))).collect(),
        chosen: 100,
        error: None,
        notice: None,
    };
    // The game applies a choice to the view, as the call screen does.
    let mut h = panel(Lang::En, view, |ui, tr, v| {
        let a = author_panel(ui, tr, v);
        if let Some(AuthorAction::Choose(n)) = a {
            v.chosen = n;
        }
        a
    });
    h.run();
    h.get_by_label("Node: n00");
    h.get_by_label("Anger: 40");
    h.get_by_label("n00 ◀");
    press(&mut h, Key::CloseBracket);
    press(&mut h, Key::PageDown);
    press(&mut h, Key::PageUp);
    press(&mut h, Key::J);
    assert_eq!(
        h.state().1,
        [
            AuthorAction::Choose(101),
            AuthorAction::Choose(102),
            AuthorAction::Choose(101),
            AuthorAction::Jump(101),
        ]
    );
    // Presses that arrive within one frame all count, a J after them too.
    h.state_mut().1.clear();
    for key in [Key::PageDown, Key::PageDown, Key::CloseBracket, Key::J] {
        h.input_mut().events.push(egui::Event::Key {
            key,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
            repeat: false,
            physical_key: None,
        });
    }
    h.step();
    assert_eq!(h.state().1, [AuthorAction::Jump(104)]);
    h.state_mut().0.chosen = 100;
    // The last node is below the window until it is chosen by key.
    let height = 900.0;
    assert!(h.get_by_label("n59").rect().min.y > height);
    h.state_mut().0.chosen = 158;
    press(&mut h, Key::CloseBracket);
    h.run();
    assert_eq!(h.state().1.last(), Some(&AuthorAction::Choose(159)));
    let shown = h.get_by_label("n59").rect();
    assert!(
        shown.min.y >= 0.0 && shown.max.y <= height,
        "n59 is in view after choosing it: {shown:?}"
    );
    // At the end of the list, `]` stays on the last node.
    press(&mut h, Key::CloseBracket);
    assert_eq!(h.state().1.last(), Some(&AuthorAction::Choose(159)));
    // The call moves (a jump, a reload, a reply): the list follows it.
    assert!(
        h.get_by_label("n00 ◀").rect().max.y < 0.0,
        "n00 scrolled away"
    );
    h.state_mut().0.chosen = 100;
    h.run();
    let top = h.get_by_label("n00 ◀").rect();
    assert!(
        top.min.y >= 0.0 && top.max.y <= height,
        "n00 back in view: {top:?}"
    );
    // A save with errors takes room above the list: the node stays in view.
    h.state_mut().0.chosen = 159;
    h.run();
    h.state_mut().0.error = Some("error[E003]\n".repeat(12));
    h.run();
    let last = h.get_by_label("n59").rect();
    assert!(
        last.min.y >= 0.0 && last.max.y <= height,
        "n59 in view: {last:?}"
    );
}

/// A call author mode changed is not stored; the debrief says so, in the
/// trainee's language, and says nothing of it for a real call.
#[test]
fn the_debrief_says_when_a_call_is_not_stored_because_author_mode_changed_it() {
    let stored = "not stored in your history";
    let mut h = panel(Lang::En, debrief_view(), |ui, tr, v| {
        debrief_panel(ui, tr, v)
    });
    h.run();
    assert!(h.query_by_label_contains(stored).is_none());
    h.state_mut().0.authored = true;
    h.run();
    h.get_by_label_contains(stored);
    let authored = DebriefView {
        authored: true,
        ..debrief_view()
    };
    let mut h = panel(Lang::De, authored, |ui, tr, v| debrief_panel(ui, tr, v));
    h.run();
    h.get_by_label_contains("nicht in Ihrem Fortschritt gespeichert");
}

/// The mood chart's x axis counts seconds or mood changes: a short call
/// gets marks at whole numbers only, not at 0.1, 0.2, …
#[test]
fn the_mood_charts_x_axis_marks_only_whole_numbers() {
    use egui_plot::GridInput;
    use headset::game::ui::debrief_panel::whole_steps;
    let marks = whole_steps(GridInput {
        bounds: (-0.05, 1.05),
        base_step_size: 0.0005,
    });
    let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
    assert!(values.contains(&0.0) && values.contains(&1.0), "{values:?}");
    assert!(values.iter().all(|v| v.fract() == 0.0), "{values:?}");
    // A long call still gets its tens and hundreds.
    let long = whole_steps(GridInput {
        bounds: (0.0, 300.0),
        base_step_size: 0.2,
    });
    assert!(
        long.iter()
            .any(|m| m.value == 100.0 && m.step_size >= 100.0)
    );
}

/// Every reason a call can fail, in every interface language: a sentence
/// with its numbers, never a missing key.
#[test]
fn every_failure_has_words_with_its_numbers_in_every_language() {
    let failures = [
        Failure::Critical { count: 1 },
        Failure::Critical { count: 3 },
        Failure::Ending {
            kind: EndingKind::HungUp,
        },
        Failure::Ending {
            kind: EndingKind::Unresolved,
        },
        Failure::Ending {
            kind: EndingKind::Escalated,
        },
        Failure::Ending {
            kind: EndingKind::Resolved,
        },
        Failure::SkillBelowFloor {
            skill: Skill::Name,
            score: 7,
            floor: 51,
        },
        Failure::BelowPassMark {
            overall: 63,
            pass_mark: 72,
        },
    ];
    for lang in Lang::ALL {
        let tr = Tr::new(lang);
        let words: Vec<String> = failures.iter().map(|f| failure_words(&tr, f)).collect();
        for (f, w) in failures.iter().zip(&words) {
            assert!(
                !w.starts_with("failure-") && !w.contains("skill-") && !w.is_empty(),
                "{lang:?} {f:?}: {w}"
            );
        }
        assert!(words[1].contains('3'), "{lang:?}: {}", words[1]);
        assert!(
            words[6].contains('7')
                && words[6].contains("51")
                && words[6].contains(&tr.t("skill-name")),
            "{lang:?}: {}",
            words[6]
        );
        assert!(
            words[7].contains("63") && words[7].contains("72"),
            "{lang:?}: {}",
            words[7]
        );
        let unique: std::collections::BTreeSet<&String> = words.iter().collect();
        assert_eq!(unique.len(), words.len(), "{lang:?}: {words:?}");
    }
    // The interface language decides, not the scenario's.
    assert_eq!(
        failure_words(&Tr::new(Lang::En), &failures[6]),
        "Name 7 is below the floor of 51"
    );
}

/// A call with a critical error and a skill below the floor, as the debrief
/// gets it: the critical error comes last in call order, after a penalty, a
/// credit, a strength and missing evidence.
fn failed_view(lang: Lang) -> DebriefView {
    let tr = Tr::new(lang);
    let name = |skill: &str| tr.t(&format!("skill-{}", skill.to_lowercase()));
    let m = |turn, skill: &str, points, tone, reason: &str| MomentView {
        turn,
        skill: name(skill),
        points,
        tone,
        reason: reason.into(),
        tip: format!("tip for {reason}"),
        entry: Some(turn as usize),
    };
    DebriefView {
        passed: false,
        overall: 71,
        pass_mark: 70,
        skill_floor: 50,
        failures: [
            Failure::Critical { count: 1 },
            Failure::SkillBelowFloor {
                skill: Skill::Name,
                score: 0,
                floor: 50,
            },
        ]
        .iter()
        .map(|f| failure_words(&tr, f))
        .collect(),
        skills: vec![
            (name("Patience"), 85),
            (name("Listening"), 100),
            (name("Name"), 0),
            (name("Escalation"), 100),
        ],
        moments: vec![
            m(
                1,
                "Patience",
                -15,
                Tone::Penalty,
                "You interrupted Ms Stone.",
            ),
            m(1, "Listening", 60, Tone::Credit, "You asked for the date."),
            m(2, "Patience", 0, Tone::Strength, "You stayed courteous."),
            m(3, "Name", 0, Tone::Missing, "You never used her name."),
            m(
                3,
                "Escalation",
                -30,
                Tone::Critical,
                "You promised a refund.",
            ),
        ],
        ..debrief_view()
    }
}

#[test]
fn the_debrief_says_why_a_call_did_not_pass_next_to_the_score() {
    let mut h = panel(Lang::En, failed_view(Lang::En), |ui, tr, v| {
        debrief_panel(ui, tr, v)
    });
    h.run();
    // Above the pass mark, and still not passed: the reasons say why.
    h.get_by_label_contains("Overall 71 / 100 (pass mark 70)");
    let why = h.get_by_label(
        "Not passed: a critical error (listed first below); Name 0 is below the floor of 50",
    );
    let score = h.get_by_label_contains("Overall 71 / 100");
    assert!(
        why.rect().min.y >= score.rect().max.y - 1.0
            && why.rect().min.y < score.rect().max.y + 40.0,
        "the reasons sit right under the score: {:?} {:?}",
        why.rect(),
        score.rect()
    );
    // The skill card says which skill is below the floor, in words.
    assert_eq!(h.get_all_by_label("⚠ below the floor of 50").count(), 1);

    // In the trainee's language.
    for (lang, want) in [
        (
            Lang::De,
            "Nicht bestanden: ein kritischer Fehler (unten als Erstes aufgeführt); Persönliche Anrede steht bei 0, unter dem Mindestwert von 50",
        ),
        (
            Lang::Nl,
            "Niet geslaagd: een kritieke fout (hieronder als eerste vermeld); Naam gebruiken staat op 0, onder het minimum van 50",
        ),
    ] {
        let mut h = panel(lang, failed_view(lang), |ui, tr, v| {
            debrief_panel(ui, tr, v)
        });
        h.run();
        h.get_by_label(want);
    }

    // A passed call has no reasons line.
    let passed = DebriefView {
        passed: true,
        failures: vec![],
        ..debrief_view()
    };
    let mut h = panel(Lang::En, passed, |ui, tr, v| debrief_panel(ui, tr, v));
    h.run();
    h.get_by_label("Passed");
    assert!(h.query_by_label_contains("Not passed").is_none());
}

#[test]
fn critical_errors_come_first_with_a_label_and_the_tone_of_every_moment_shows() {
    let mut h = panel(Lang::En, failed_view(Lang::En), |ui, tr, v| {
        debrief_panel(ui, tr, v)
    });
    h.run();
    let y = |h: &Harness<'_, (DebriefView, Vec<DebriefAction>)>, label: &str| {
        h.get_by_label(label).rect().min.y
    };
    // Not colour alone: a heading and a label say it.
    let heading = y(
        &h,
        "Critical errors: each one fails the call, whatever the points",
    );
    let label = y(&h, "⚠ Critical error");
    let critical = y(&h, "You promised a refund.");
    let rest = y(&h, "What won and lost points");
    let first_other = y(&h, "You interrupted Ms Stone.");
    assert!(
        heading < label && label < critical && critical < rest && rest < first_other,
        "critical first: {heading} {label} {critical} {rest} {first_other}"
    );
    h.get_by_label("Tip: tip for You promised a refund.");
    h.get_by_label("−30");
    // Points lost and earned, with their sign.
    h.get_by_label("−15");
    h.get_by_label("+60");
    // A strength is worth no points: a check mark, never "+0".
    h.get_by_label("✔ Done well");
    h.get_by_label("no points: Patience starts at 100 and can only lose points");
    assert!(h.query_by_label("+0").is_none());
    // Missing evidence is a note.
    h.get_by_label("ℹ Not shown");
    h.get_by_label("no points: Name starts at 0, and only what you show in the call earns points");
    // The other moments keep call order.
    assert!(first_other < y(&h, "You asked for the date."));
    assert!(y(&h, "You stayed courteous.") < y(&h, "You never used her name."));

    // The arrow keys walk the list as shown: the critical error (moment 4
    // in call order) first, then the rest.
    press(&mut h, Key::ArrowDown);
    h.state_mut().0.selected = Some(4);
    press(&mut h, Key::ArrowDown);
    h.state_mut().0.selected = Some(0);
    press(&mut h, Key::ArrowUp);
    h.state_mut().0.selected = Some(4);
    press(&mut h, Key::Enter);
    assert_eq!(
        h.state().1,
        [
            DebriefAction::Select(4),
            DebriefAction::Select(0),
            DebriefAction::Select(4),
            DebriefAction::ShowLine(3),
        ]
    );
}

/// The reading speed is a setting like the others: chosen with Tab and
/// Enter alone, and it changes what the engine is given.
#[test]
fn the_reading_speed_is_chosen_with_the_keyboard_and_reaches_the_engine() {
    let mut h = panel(Lang::En, Settings::default(), |ui, tr, s| {
        settings_panel(ui, tr, s, None)
    });
    h.run();
    h.get_by_label("Reading speed");
    h.get_by_label("Normal (200 words per minute)");
    let slow = "Slow (120 words per minute)";
    let mut tabs = 0;
    while !h.get_by_label(slow).is_focused() {
        tabs += 1;
        assert!(tabs < 30, "Tab reaches the slow reading speed");
        press(&mut h, Key::Tab);
    }
    press(&mut h, Key::Enter);
    assert_eq!(h.state().0.reading, ReadingSpeed::Slow);
    assert_eq!(h.state().1, [SettingsAction::Changed]);
    assert_eq!(h.state().0.options().reading_wpm, 120);
    // German and Dutch name it too.
    let mut h = panel(Lang::De, Settings::default(), |ui, tr, s| {
        settings_panel(ui, tr, s, None)
    });
    h.run();
    h.get_by_label("Lesetempo");
    h.get_by_label("Langsam (120 Wörter pro Minute)");
}

/// 1280×800 with the text size "Larger" (zoom 1.5) leaves 853×533 points.
/// There the debrief is one page that scrolls: seen before, the skill cards
/// squeezed the last card into a column of single letters that pushed the
/// moments off the window (German), and the panels left the moments a strip
/// a few lines high.
#[test]
fn with_the_largest_text_the_debrief_is_one_page_and_nothing_is_squeezed() {
    let (width, height) = (853.0, 533.0);
    for lang in Lang::ALL {
        let tr = Tr::new(lang);
        let view = failed_view(lang);
        let skills = view.skills.clone();
        let why = tr.f(
            "debrief-failed-because",
            &[("reasons", &view.failures.join("; "))],
        );
        let mut h = Harness::builder()
            .with_size([width, height])
            .build_ui_state(
                move |ui: &mut egui::Ui, v: &mut DebriefView| {
                    debrief_panel(ui, &tr, v);
                },
                view,
            );
        h.run();
        let tr = Tr::new(lang);
        let why = h.get_by_label(&why).rect();
        assert!(
            why.max.x <= width && why.max.y <= height,
            "{lang:?}: the reasons are on the first screen: {why:?}"
        );
        for (skill, _) in &skills {
            for r in h.get_all_by_label(skill).map(|n| n.rect()) {
                assert!(
                    r.max.x <= width && r.height() < 40.0,
                    "{lang:?}: {skill} is drawn on one line inside the window: {r:?}"
                );
            }
        }
        h.get_by_label(&tr.f("debrief-below-floor", &[("floor", "50")]));
        // One page: the moments follow the summary, critical error first,
        // and the transcript and the chart follow the moments.
        let y = |label: &str| h.get_by_label(label).rect().min.y;
        let critical = y(&tr.t("debrief-critical"));
        let rest = y(&tr.t("debrief-moments"));
        let transcript = y(&tr.t("debrief-transcript"));
        let chart = y(&tr.t("debrief-mood-chart"));
        assert!(
            why.max.y < critical && critical < rest && rest < transcript && transcript < chart,
            "{lang:?}: {critical} {rest} {transcript} {chart}"
        );
    }
}
